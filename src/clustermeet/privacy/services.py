"""Every privacy write: consents given and withdrawn (kept in sync with the registration's
directory consent, which the directory and recommendations read), erasure of an account through
every app's eraser, and the retention purge. Each runs in one transaction."""

import datetime as dt

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.people.models import Person, Registration
from clustermeet.privacy import registry
from clustermeet.privacy.consents import CURRENT, IMPORTED_VERSION, Kind
from clustermeet.privacy.models import ConsentRecord
from clustermeet.refusal import Refused


class PrivacyError(Refused):
    pass


def record_registration_consents(
    registration: Registration, *, directory: bool, at: dt.datetime
) -> list[ConsentRecord]:
    """The consents of a registration just made (or made anew after cancelling): the terms, and
    the directory listing when given, each with the current text's version. Called inside the
    registration's transaction."""
    ConsentRecord.objects.filter(
        person=registration.person,
        event=registration.event,
        kind__in=[Kind.TERMS, Kind.DIRECTORY],
        withdrawn_at__isnull=True,
    ).update(withdrawn_at=at)
    kinds = [Kind.TERMS, *([Kind.DIRECTORY] if directory else [])]
    return ConsentRecord.objects.bulk_create(
        ConsentRecord(
            person=registration.person,
            event=registration.event,
            kind=kind,
            version=CURRENT[kind].version,
            given_at=at,
        )
        for kind in kinds
    )


def record_imported_consents(registrations: list[Registration], at: dt.datetime) -> None:
    """The consents of registrations written by a participant import (in its transaction): the
    terms, and the directory listing where the row said yes, as the organiser vouched."""
    ConsentRecord.objects.bulk_create(
        [
            ConsentRecord(
                person_id=registration.person_id,
                event_id=registration.event_id,
                kind=kind,
                version=IMPORTED_VERSION,
                given_at=at,
            )
            for registration in registrations
            for kind in [
                Kind.TERMS,
                *([Kind.DIRECTORY] if registration.directory_consent_at else []),
            ]
        ],
        batch_size=500,
    )


def give_consent(person: Person, event: Event, kind: str) -> ConsentRecord:
    if kind not in CURRENT or not CURRENT[kind].withdrawable:
        raise PrivacyError("not_givable", _("This consent cannot be given here."))
    now = timezone.now()
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .filter(person=person, event=event)
            .exclude(status=Registration.Status.CANCELLED)
            .first()
        )
        if registration is None:
            raise PrivacyError("not_registered", _("You are not registered for this event."))
        if ConsentRecord.objects.filter(
            person=person, event=event, kind=kind, withdrawn_at__isnull=True
        ).exists():
            raise PrivacyError("already_given", _("You have given this consent already."))
        record = ConsentRecord.objects.create(
            person=person, event=event, kind=kind, version=CURRENT[kind].version, given_at=now
        )
        if kind == Kind.DIRECTORY:
            registration.directory_consent_at = now
            registration.save(update_fields=["directory_consent_at"])
    return record


def withdraw_consent(person: Person, record_id: int) -> ConsentRecord:
    """Withdraw one of the person's own consents. A withdrawn directory consent takes the
    profile out of the event's directory and recommendations at once."""
    now = timezone.now()
    with transaction.atomic():
        record = (
            ConsentRecord.objects.select_for_update(of=("self",))
            .filter(pk=record_id, person=person, withdrawn_at__isnull=True)
            .first()
        )
        if record is None:
            raise PrivacyError("no_consent", _("There is no such consent to withdraw."))
        if not CURRENT[record.kind].withdrawable:
            raise PrivacyError(
                "not_withdrawable",
                _(
                    "The terms of participation are withdrawn by cancelling the registration or "
                    "deleting the account."
                ),
            )
        record.withdrawn_at = now
        record.save(update_fields=["withdrawn_at"])
        if record.kind == Kind.DIRECTORY and record.event_id is not None:
            Registration.objects.filter(person=person, event_id=record.event_id).update(
                directory_consent_at=None
            )
    return record


def _erase(person: Person) -> dict[str, int]:
    counts: dict[str, int] = {}
    for declaration in registry.erasure_order():
        counts.update(declaration.erase(person))
    return counts


def erase_account(person: Person, confirmation: str) -> dict[str, int]:
    """Self-service erasure, confirmed by typing the account's e-mail address. Staff accounts
    are refused (another administrator removes their rights first)."""
    if person.is_staff or person.is_superuser:
        raise PrivacyError(
            "staff",
            _(
                "Staff accounts cannot be deleted here: ask another administrator to remove "
                "your staff rights first."
            ),
        )
    if person.erased_at is not None:
        raise PrivacyError("erased", _("This account was deleted already."))
    if confirmation.strip().lower() != person.email.lower():
        raise PrivacyError(
            "confirmation", _("The e-mail address you typed is not this account's address.")
        )
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        counts = _erase(locked)
    person.refresh_from_db()
    return counts


def expired_events(today: dt.date) -> list[Event]:
    """Events whose retention period is over: ended more than retention_days ago."""
    return [
        event
        for event in Event.objects.filter(retention_days__isnull=False).order_by("end_date", "pk")
        if event.end_date + dt.timedelta(days=event.retention_days) < today
    ]


def purge_expired(today: dt.date | None = None) -> list[tuple[Event, int]]:
    """Anonymise, through the same erasers as self-service erasure, the participants of every
    event whose retention period is over who have no registration to an event still retained.
    Staff accounts and accounts erased already are left alone, so a second run changes nothing.
    Returns (event, people anonymised) per expired event."""
    today = today or timezone.localdate()
    expired = expired_events(today)
    expired_ids = {event.pk for event in expired}
    report = []
    for event in expired:
        candidates = (
            Person.objects.filter(registrations__event=event, erased_at__isnull=True)
            .filter(is_staff=False, is_superuser=False)
            .exclude(Q(registrations__event__in=Event.objects.exclude(pk__in=expired_ids)))
            .distinct()
            .order_by("pk")
        )
        erased = 0
        for pk in list(candidates.values_list("pk", flat=True)):
            with transaction.atomic():
                person = Person.objects.select_for_update().get(pk=pk)
                if person.erased_at is None:
                    _erase(person)
                    erased += 1
        report.append((event, erased))
    return report
