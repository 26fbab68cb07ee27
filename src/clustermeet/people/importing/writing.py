"""Writing validated rows: new accounts and the registrations, in bulk."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.people.importing.validation import ValidRow
from clustermeet.people.models import Person, Registration
from clustermeet.people.services import (
    BATCH,
    allocate_person_slugs,
    build_person,
    find_or_create_organisations,
    organisation_key,
)
from clustermeet.privacy.services import record_imported_consents


@dataclass
class ImportResult:
    created_people: int = 0
    reused_people: int = 0
    registrations: int = 0


def write(
    event: Event, rows: list[ValidRow], existing: dict[str, Person], by: Person | None
) -> ImportResult:
    """Register every row for `event`; `existing` are the accounts that exist already, by e-mail
    address. Call it inside the transaction that validated the rows."""
    new_rows = [row for row in rows if row.email not in existing]
    created = _create_people(new_rows)
    people = existing | {row.email: person for row, person in zip(new_rows, created, strict=True)}
    now = timezone.now()
    registrations = [
        Registration(
            event=event,
            person=people[row.email],
            status=row.status,
            stakeholder_type=row.stakeholder_type,
            # The organiser vouches for the terms having been accepted (see the package's
            # docstring).
            terms_accepted_at=now,
            directory_consent_at=now if row.directory_consent else None,
            source=Registration.Source.IMPORT,
            created_at=now,
            decided_at=now if row.status == Registration.Status.APPROVED else None,
            decided_by=by if row.status == Registration.Status.APPROVED else None,
        )
        for row in rows
    ]
    Registration.objects.bulk_create(registrations, batch_size=BATCH)
    record_imported_consents(registrations, now)
    through = Registration.roles.through
    through.objects.bulk_create(
        [
            through(registration_id=registration.pk, role_id=role.pk)
            for registration, row in zip(registrations, rows, strict=True)
            for role in row.roles
        ],
        batch_size=BATCH,
    )
    return ImportResult(
        created_people=len(new_rows),
        reused_people=len(rows) - len(new_rows),
        registrations=len(registrations),
    )


def _create_people(rows: list[ValidRow]) -> list[Person]:
    """The accounts services.create_person would make for these rows, built by the same
    functions (no usable password: people log in with a one-time link), written in bulk."""
    profiles = [row.profile() for row in rows]
    organisations = find_or_create_organisations(
        (profile.organisation_name, profile.country, profile.organisation_type)
        for profile in profiles
    )
    slugs = allocate_person_slugs([(profile.first_name, profile.last_name) for profile in profiles])
    people = [
        build_person(
            profile,
            slug=slug,
            organisation=organisations.get(
                organisation_key(profile.organisation_name, profile.country)
            ),
        )
        for profile, slug in zip(profiles, slugs, strict=True)
    ]
    Person.objects.bulk_create(people, batch_size=BATCH)
    through = Person.ecosystems.through
    through.objects.bulk_create(
        [
            through(person_id=person.pk, ecosystem_id=ecosystem.pk)
            for person, profile in zip(people, profiles, strict=True)
            for ecosystem in profile.ecosystems
        ],
        batch_size=BATCH,
    )
    return people
