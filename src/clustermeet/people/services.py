"""Every write to people and registrations. Each function validates, writes in one transaction,
and schedules its e-mails on commit, so a rolled-back write sends nothing."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import CharField, Expression
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from clustermeet.events.models import Ecosystem, Event
from clustermeet.hooks import services as webhooks
from clustermeet.people import tasks
from clustermeet.people.models import (
    Organisation,
    OrganisationType,
    Person,
    Registration,
    Role,
    StakeholderType,
)
from clustermeet.privacy import services as privacy_services
from clustermeet.privacy.consents import Kind
from clustermeet.privacy.models import ConsentRecord
from clustermeet.privacy.services import record_registration_consents


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
    bio: str | None = None  # None leaves the bio as it is (the registration form has none)


@dataclass
class RegistrationData:
    stakeholder_type: str = StakeholderType.OTHER
    accept_terms: bool = False
    list_in_directory: bool = False
    roles: list[str] = field(default_factory=lambda: [Role.PARTICIPANT])


# --- building people ----------------------------------------------------------------------
#
# create_person makes one account; the participant import (people.importing) makes thousands in
# one go. Both build them with the functions below, whose queries do not grow with the number of
# people they are given: slugs, organisations and the account's fields are made in one place.

# Lists of values go to the database in slices of this many (SQLite limits the parameters of a
# query).
BATCH = 500


def _slug_base(first_name: str, last_name: str) -> str:
    return slugify(f"{first_name} {last_name}")[:100] or "person"


def _numbered(base: str, n: int) -> str:
    return base if n == 1 else f"{base}-{n}"


def allocate_person_slugs(
    names: list[tuple[str, str]], *, reserved: set[str] | None = None
) -> list[str]:
    """A free slug for each (first name, last name), in order: `anna-schmidt`, or the first free
    of `anna-schmidt-2`, `anna-schmidt-3`, ... when it is taken, by a person in the database, by a
    slug in `reserved`, or by an earlier name in the list.

    Candidate slugs are looked up by exact value, in batches: one query when the names' plain
    slugs are free, and a few more (the windows grow) only for names taken many times over."""
    bases = [_slug_base(first_name, last_name) for first_name, last_name in names]
    wanted = Counter(bases)
    reserved = reserved or set()
    free: dict[str, list[str]] = {base: [] for base in wanted}
    checked: dict[str, int] = dict.fromkeys(wanted, 0)  # candidates 1..n have been looked up
    short = dict(wanted)  # base -> how many more free slugs it needs
    while short:
        # The next window of candidates for each base: as many as it lacks, plus as many as
        # were looked up already, so the windows double while everything is taken.
        candidates = {
            base: [
                _numbered(base, n)
                for n in range(checked[base] + 1, 2 * checked[base] + missing + 1)
            ]
            for base, missing in short.items()
        }
        lookup = sorted({slug for slugs in candidates.values() for slug in slugs} - reserved)
        taken: set[str] = set()
        for start in range(0, len(lookup), BATCH):
            chunk = lookup[start : start + BATCH]
            taken.update(Person.objects.filter(slug__in=chunk).values_list("slug", flat=True))
        for base, slugs in candidates.items():
            checked[base] += len(slugs)
            for slug in slugs:
                if slug not in taken and slug not in reserved and len(free[base]) < wanted[base]:
                    free[base].append(slug)
            short[base] = wanted[base] - len(free[base])
        short = {base: missing for base, missing in short.items() if missing}
    handed_out: dict[str, int] = dict.fromkeys(wanted, 0)
    allocated = []
    for base in bases:
        allocated.append(free[base][handed_out[base]])
        handed_out[base] += 1
    return allocated


class _Uppercased(Expression):
    """`(UPPER(%s), UPPER(%s), ...)`: the right-hand side of an IN that compares as `name__iexact`
    does (`UPPER(name) = UPPER(%s)`), in one query. Django's `Upper(Value(name))` for each name
    does the same, ten times slower to compile for hundreds of names."""

    def __init__(self, values: Iterable[str]):
        super().__init__(output_field=CharField())
        self.values = tuple(values)

    def as_sql(self, compiler, connection):
        return "(" + ", ".join(["UPPER(%s)"] * len(self.values)) + ")", self.values


def organisation_key(name: str, country: str) -> tuple[str, str]:
    """How organisations are told apart: the name, case- and space-insensitively, and the
    country. The keys of `find_or_create_organisations`."""
    return " ".join(name.split()).lower(), str(country or "")


def find_or_create_organisations(
    wanted: Iterable[tuple[str, str, str]],
) -> dict[tuple[str, str], Organisation]:
    """The organisations named by (name, country, type) triples, by `organisation_key`.

    An organisation matches with its name case-insensitively (as `name__iexact` compares) and the
    same country; of several, the first by name. The missing ones are created in bulk, from the
    first triple that names them; triples with an empty name are left out."""
    first: dict[tuple[str, str], tuple[str, str, str]] = {}
    for name, country, type in wanted:
        name = " ".join(name.split())
        if name:
            first.setdefault(organisation_key(name, country), (name, str(country or ""), type))
    found: dict[tuple[str, str], Organisation] = {}
    names = sorted({name for name, _country, _type in first.values()})
    countries = sorted({country for _name, country, _type in first.values()})
    for start in range(0, len(names), BATCH):
        candidates = (
            Organisation.objects.alias(name_upper=Upper("name"))
            .filter(name_upper__in=_Uppercased(names[start : start + BATCH]), country__in=countries)
            .order_by("name", "pk")
        )
        for organisation in candidates:
            key = organisation_key(organisation.name, organisation.country.code)
            if key in first:
                found.setdefault(key, organisation)
    missing = {
        key: Organisation(name=name, country=country, type=type)
        for key, (name, country, type) in first.items()
        if key not in found
    }
    Organisation.objects.bulk_create(missing.values(), batch_size=BATCH)
    return found | missing


def find_or_create_organisation(name: str, country: str, type: str) -> Organisation | None:
    found = find_or_create_organisations([(name, country, type)])
    return found.get(organisation_key(name, country))


def build_person(
    profile: ProfileData,
    *,
    slug: str,
    organisation: Organisation | None,
    password: str | None = None,
) -> Person:
    """A new, unsaved account with the profile's fields (its ecosystems are set once it is
    saved); password None leaves it usable only through login links."""
    person = Person(
        email=profile.email.strip().lower(),
        first_name=profile.first_name.strip(),
        last_name=profile.last_name.strip(),
        country=profile.country,
        job_title=profile.job_title,
        offering=profile.offering,
        looking_for=profile.looking_for,
        slug=slug,
        organisation=organisation,
    )
    person.set_password(password) if password else person.set_unusable_password()
    return person


def create_person(profile: ProfileData, password: str | None = None) -> Person:
    """A new account; password None leaves it usable only through login links."""
    (slug,) = allocate_person_slugs([(profile.first_name, profile.last_name)])
    organisation = find_or_create_organisation(
        profile.organisation_name, profile.country, profile.organisation_type
    )
    person = build_person(profile, slug=slug, organisation=organisation, password=password)
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
    if profile.bio is not None:
        person.bio = profile.bio
    person.organisation = find_or_create_organisation(
        profile.organisation_name, profile.country, profile.organisation_type
    )
    person.save()
    person.ecosystems.set(profile.ecosystems)
    return person


def directory_registrations(person: Person) -> list[Registration]:
    """The person's approved registrations, newest event first: the events whose directory
    they may be listed in (`Registration.directory_consent_at` says whether they are)."""
    return list(
        Registration.objects.filter(person=person, status=Registration.Status.APPROVED)
        .select_related("event")
        .order_by("-event__start_date", "pk")
    )


def save_profile(person: Person, profile: ProfileData, directory: dict[int, bool]) -> Person:
    """The person's own profile edit, in one transaction: the profile's fields, then, for each
    event id in `directory` the person is approved for, the directory listing consent given or
    withdrawn through the privacy services (which write the consent record and keep
    `Registration.directory_consent_at`, read by the directory and recommendations, in step).
    A refused consent change (`PrivacyError`) rolls the whole edit back."""
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        update_profile(locked, profile)
        for registration in directory_registrations(locked):
            wanted = directory.get(registration.event_id)
            listed = registration.directory_consent_at is not None
            if wanted is None or wanted == listed:
                continue
            if wanted:
                privacy_services.give_consent(locked, registration.event, Kind.DIRECTORY)
                continue
            active = ConsentRecord.objects.filter(
                person=locked,
                event=registration.event,
                kind=Kind.DIRECTORY,
                withdrawn_at__isnull=True,
            ).first()
            if active is not None:
                privacy_services.withdraw_consent(locked, active.pk)
            else:
                # Listed from before consent records (or the demo): nothing to withdraw, but
                # the listing the directory reads ends all the same.
                Registration.objects.filter(pk=registration.pk).update(directory_consent_at=None)
    person.refresh_from_db()
    return person


def register(
    event: Event,
    data: RegistrationData,
    *,
    person: Person | None = None,
    profile: ProfileData | None = None,
    password: str | None = None,
    source: str = Registration.Source.WEB,
    language: str = "",
) -> Registration:
    """Register a person for an event. Either `person` (logged in) or `profile` (a newcomer,
    whose account is created) must be given; with both, the profile updates the person.
    `language`, the one the form was filled in, becomes the person's language (for their pages
    and e-mails) unless they chose one already."""
    if not event.accepts_registrations:
        raise RegistrationError(_("Registration for this event is closed."))
    if not data.accept_terms:
        raise RegistrationError(_("You need to accept the terms of participation to register."))
    email = (person.email if person else profile.email).strip().lower()
    if event.is_invitation_only and not event.invitations.filter(email__iexact=email).exists():
        raise RegistrationError(_("This event is by invitation only."))
    now = timezone.now()
    try:
        with transaction.atomic():
            if person is None:
                if Person.objects.filter(email__iexact=email).exists():
                    raise RegistrationError(
                        _(
                            "An account with this e-mail address exists already: log in first "
                            "(a one-time login link works too), then register."
                        )
                    )
                person = create_person(profile, password)
            elif profile is not None:
                update_profile(person, profile)
            if language in dict(settings.LANGUAGES) and not person.language:
                set_language(person, language)
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
                raise RegistrationError(_("You are registered for this event already."))
            registration.roles.set(Role.objects.filter(code__in=data.roles))
            record_registration_consents(registration, directory=data.list_in_directory, at=now)
            webhooks.emit(event, "registration.created", registration.pk)
            if status == Registration.Status.APPROVED:  # no approval needed: approved at once
                webhooks.emit(event, "registration.approved", registration.pk)
            kind = "received" if status == Registration.Status.PENDING else "confirmed"
            transaction.on_commit(
                lambda: tasks.send_registration_email.delay(registration.pk, kind)
            )
    except IntegrityError:
        raise RegistrationError(_("You are registered for this event already.")) from None
    return registration


def _decide(
    registrations: Iterable[Registration] | Iterable[int],
    by: Person | None,
    new_status: str,
    from_statuses: list[str],
    email_kind: str,
    hook: str = "",
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
            if hook:
                webhooks.emit(registration.event_id, hook, registration.pk)
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
        hook="registration.approved",
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


def set_language(person: Person, code: str) -> None:
    """Remember the person's language for their pages, e-mails and calendar invitations."""
    if code not in dict(settings.LANGUAGES):
        raise ValueError(f"unknown language {code!r}")
    Person.objects.filter(pk=person.pk).update(language=code)
    person.language = code


def request_login_link(email: str, next_url: str = "") -> None:
    """Send a one-time login link if the address has an account. Says nothing either way, so
    the form cannot be used to find out who has an account."""
    person = Person.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is not None:
        tasks.send_login_link.delay(person.pk, next_url)
