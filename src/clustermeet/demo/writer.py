"""What every part of the demo loader shares: the reference data, what exists already, and the
create-if-missing building blocks. Nothing here changes a row that exists."""

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from django.utils.text import slugify

from clustermeet.demo.spec import OrgSpec
from clustermeet.events.models import Challenge, Ecosystem, Event
from clustermeet.events.reference import CHALLENGES, ECOSYSTEMS
from clustermeet.people.models import (
    Organisation,
    OrganisationType,
    Person,
    Registration,
    Role,
    StakeholderType,
)
from clustermeet.programme.models import Session

STAKEHOLDER_OF_ORGANISATION = {
    OrganisationType.CLUSTER: StakeholderType.CLUSTER_MANAGER,
    OrganisationType.SME: StakeholderType.BUSINESS,
    OrganisationType.LARGE: StakeholderType.BUSINESS,
    OrganisationType.PUBLIC: StakeholderType.POLICY,
    OrganisationType.RESEARCH: StakeholderType.RESEARCH,
    OrganisationType.NETWORK: StakeholderType.NETWORK,
    OrganisationType.OTHER: StakeholderType.INTERMEDIARY,
}

# (person id, status, stakeholder type, registered at, directory consent, role codes)
RegistrationRow = tuple[int, str, str, dt.datetime, bool, tuple[str, ...]]


class DemoWriter:
    def __init__(self, seed: int):
        self.seed = seed
        self.created: Counter = Counter()
        self.ecosystems = {e.slug: e for e in Ecosystem.objects.all()}
        self.challenges = {c.slug: c for c in Challenge.objects.all()}
        self.roles = {r.code: r for r in Role.objects.all()}
        missing = {s for s, _ in ECOSYSTEMS} - set(self.ecosystems)
        missing |= {s for s, _ in CHALLENGES} - set(self.challenges)
        missing |= {Role.PARTICIPANT, Role.SPEAKER, Role.MODERATOR, Role.ORGANISER} - set(
            self.roles
        )
        if missing:
            raise RuntimeError(
                f"Reference data is missing ({', '.join(sorted(missing))}): run migrate first."
            )
        self.organisations = {
            (o.name.lower(), o.country.code or ""): o
            for o in Organisation.objects.only("id", "name", "country", "type")
        }
        self.taken_slugs = set(Person.objects.values_list("slug", flat=True))
        self.session_codes = set(Session.objects.values_list("code", flat=True))
        self.people: dict[str, Person] = {}  # key of speakers.PEOPLE or accounts.ACCOUNTS
        self.new_people: set[str] = set()  # keys of the people this run created
        self.events: dict[str, Event] = {}

    def organisation(self, spec: OrgSpec | None) -> Organisation | None:
        if spec is None:
            return None
        key = (spec.name.lower(), spec.country)
        if key not in self.organisations:
            organisation = Organisation.objects.create(
                name=spec.name, type=spec.type, country=spec.country, website=spec.website
            )
            organisation.ecosystems.set([self.ecosystems[e] for e in spec.ecosystems])
            self.organisations[key] = organisation
            self.created["organisations"] += 1
        return self.organisations[key]

    def slug_for(self, first_name: str, last_name: str) -> str:
        base = slugify(f"{first_name} {last_name}")[:100] or "person"
        slug, n = base, 1
        while slug in self.taken_slugs:
            n += 1
            slug = f"{base}-{n}"
        self.taken_slugs.add(slug)
        return slug

    def stakeholder_of(self, person: Person) -> str:
        org_type = person.organisation.type if person.organisation else OrganisationType.OTHER
        return STAKEHOLDER_OF_ORGANISATION[org_type]

    def register(self, event: Event, rows: Iterable[RegistrationRow]) -> None:
        """Registrations in bulk; people registered for the event already are left as they are."""
        registered = set(
            Registration.objects.filter(event=event).values_list("person_id", flat=True)
        )
        new, codes_of_new = [], []
        for person_id, status, stakeholder, at, consent, codes in rows:
            if person_id in registered:
                continue
            registered.add(person_id)
            decided = status != Registration.Status.PENDING
            new.append(
                Registration(
                    event=event,
                    person_id=person_id,
                    status=status,
                    stakeholder_type=stakeholder,
                    terms_accepted_at=at,
                    directory_consent_at=at if consent else None,
                    source=Registration.Source.DEMO,
                    created_at=at,
                    decided_at=at + dt.timedelta(days=1) if decided else None,
                )
            )
            codes_of_new.append(codes)
        Registration.objects.bulk_create(new)
        Through = Registration.roles.through
        Through.objects.bulk_create(
            Through(registration_id=registration.pk, role_id=self.roles[code].pk)
            for registration, codes in zip(new, codes_of_new, strict=True)
            for code in codes
        )
        self.created["registrations"] += len(new)
