"""Every write to people and registrations. Each function validates, writes in one transaction,
and schedules its e-mails on commit, so a rolled-back write sends nothing."""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people import tasks
from clustermeet.people.models import (
    Organisation,
    OrganisationType,
    Person,
    Registration,
    Role,
    StakeholderType,
)


class RegistrationError(Exception):
    """A registration that cannot be made; the message is shown to the user as it is."""


@dataclass
class ProfileData:
    first_name: str
    last_name: str
    email: str
    country: str = ""
    organisation_name: str = ""
    organisation_type: str = OrganisationType.OTHER
    job_title: str = ""
    offering: str = ""
    looking_for: str = ""
    ecosystems: list[Ecosystem] = field(default_factory=list)


@dataclass
class RegistrationData:
    stakeholder_type: str = StakeholderType.OTHER
    accept_terms: bool = False
    list_in_directory: bool = False
    roles: list[str] = field(default_factory=lambda: [Role.PARTICIPANT])


def unique_person_slug(first_name: str, last_name: str, taken: set[str] | None = None) -> str:
    base = slugify(f"{first_name} {last_name}")[:100] or "person"
    slug, n = base, 1
    while (taken is not None and slug in taken) or Person.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    if taken is not None:
        taken.add(slug)
    return slug


def find_or_create_organisation(name: str, country: str, type: str) -> Organisation | None:
    name = " ".join(name.split())
    if not name:
        return None
    organisation = Organisation.objects.filter(name__iexact=name, country=country).first()
    if organisation is None:
        organisation = Organisation.objects.create(name=name, country=country, type=type)
    return organisation


def create_person(profile: ProfileData, password: str | None = None) -> Person:
    """A new account; password None leaves it usable only through login links."""
    person = Person(
        email=profile.email.strip().lower(),
        first_name=profile.first_name.strip(),
        last_name=profile.last_name.strip(),
        country=profile.country,
        job_title=profile.job_title,
        offering=profile.offering,
        looking_for=profile.looking_for,
        slug=unique_person_slug(profile.first_name, profile.last_name),
        organisation=find_or_create_organisation(
            profile.organisation_name, profile.country, profile.organisation_type
        ),
    )
    person.set_password(password) if password else person.set_unusable_password()
    person.save()
    person.ecosystems.set(profile.ecosystems)
    return person


def update_profile(person: Person, profile: ProfileData) -> Person:
    person.first_name = profile.first_name.strip()
    person.last_name = profile.last_name.strip()
    person.country = profile.country
    person.job_title = profile.job_title
    person.offering = profile.offering
    person.looking_for = profile.looking_for
    person.organisation = find_or_create_organisation(
        profile.organisation_name, profile.country, profile.organisation_type
    )
    person.save()
    person.ecosystems.set(profile.ecosystems)
    return person


def register(
    event: Event,
    data: RegistrationData,
    *,
    person: Person | None = None,
    profile: ProfileData | None = None,
    password: str | None = None,
    source: str = Registration.Source.WEB,
) -> Registration:
    """Register a person for an event. Either `person` (logged in) or `profile` (a newcomer,
    whose account is created) must be given; with both, the profile updates the person."""
    if not event.registration_open:
        raise RegistrationError("Registration for this event is closed.")
    if not data.accept_terms:
        raise RegistrationError("You need to accept the terms of participation to register.")
    email = (person.email if person else profile.email).strip().lower()
    if event.is_invitation_only and not event.invitations.filter(email__iexact=email).exists():
        raise RegistrationError("This event is by invitation only.")
    now = timezone.now()
    try:
        with transaction.atomic():
            if person is None:
                if Person.objects.filter(email__iexact=email).exists():
                    raise RegistrationError(
                        "An account with this e-mail address exists already: log in first "
                        "(a one-time login link works too), then register."
                    )
                person = create_person(profile, password)
            elif profile is not None:
                update_profile(person, profile)
            status = (
                Registration.Status.PENDING
                if event.requires_approval
                else Registration.Status.APPROVED
            )
            fields = {
                "status": status,
                "stakeholder_type": data.stakeholder_type,
                "terms_accepted_at": now,
                "directory_consent_at": now if data.list_in_directory else None,
                "source": source,
                "created_at": now,
                "decided_at": None if status == Registration.Status.PENDING else now,
                "decided_by": None,
            }
            registration = (
                Registration.objects.select_for_update().filter(event=event, person=person).first()
            )
            if registration is None:
                registration = Registration.objects.create(event=event, person=person, **fields)
            elif registration.status == Registration.Status.CANCELLED:
                # Coming back after cancelling: the same row, registered anew.
                for name, value in fields.items():
                    setattr(registration, name, value)
                registration.save()
            else:
                raise RegistrationError("You are registered for this event already.")
            registration.roles.set(Role.objects.filter(code__in=data.roles))
            kind = "received" if status == Registration.Status.PENDING else "confirmed"
            transaction.on_commit(
                lambda: tasks.send_registration_email.delay(registration.pk, kind)
            )
    except IntegrityError:
        raise RegistrationError("You are registered for this event already.") from None
    return registration


def _decide(
    registrations: Iterable[Registration] | Iterable[int],
    by: Person | None,
    new_status: str,
    from_statuses: list[str],
    email_kind: str,
) -> list[Registration]:
    """Move registrations to `new_status`. Rows are locked, so two organisers approving at once
    send one e-mail, not two. Returns the registrations that changed."""
    ids = [r.pk if isinstance(r, Registration) else r for r in registrations]
    changed: list[Registration] = []
    with transaction.atomic():
        rows = (
            Registration.objects.select_for_update()
            .filter(pk__in=ids, status__in=from_statuses)
            .order_by("pk")
        )
        now = timezone.now()
        for registration in rows:
            registration.status = new_status
            registration.decided_at = now
            registration.decided_by = by
            registration.save(update_fields=["status", "decided_at", "decided_by"])
            changed.append(registration)
        for registration in changed:
            transaction.on_commit(
                lambda pk=registration.pk: tasks.send_registration_email.delay(pk, email_kind)
            )
    return changed


def approve(registrations, by: Person | None = None) -> list[Registration]:
    return _decide(
        registrations,
        by,
        Registration.Status.APPROVED,
        [Registration.Status.PENDING, Registration.Status.DECLINED],
        "approved",
    )


def decline(registrations, by: Person | None = None) -> list[Registration]:
    return _decide(
        registrations, by, Registration.Status.DECLINED, [Registration.Status.PENDING], "declined"
    )


def cancel(registrations, by: Person | None = None) -> list[Registration]:
    return _decide(
        registrations,
        by,
        Registration.Status.CANCELLED,
        [Registration.Status.PENDING, Registration.Status.APPROVED],
        "cancelled",
    )


def request_login_link(email: str, next_url: str = "") -> None:
    """Send a one-time login link if the address has an account. Says nothing either way, so
    the form cannot be used to find out who has an account."""
    person = Person.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is not None:
        tasks.send_login_link.delay(person.pk, next_url)
