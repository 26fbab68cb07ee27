"""Privacy reads: a person's data from every app, their consents, and an event's record of
processing activities, all from the registry's declarations."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.events.models import Event
from clustermeet.people.models import Person, Registration
from clustermeet.privacy import registry
from clustermeet.privacy.consents import CURRENT, Kind, text_of
from clustermeet.privacy.models import ConsentRecord


def export_data(person: Person) -> dict:
    """Every record about the person, one section per app (JSON-able)."""
    return {
        "exported_at": timezone.now().isoformat(),
        "apps": {d.app_label: d.export(person) for d in registry.declarations()},
    }


@dataclass
class ConsentRow:
    event: Event
    kind: str
    label: str
    text: str
    record: ConsentRecord | None  # the active one
    withdrawable: bool


def consent_overview(person: Person) -> tuple[list[ConsentRow], list[ConsentRecord]]:
    """For each event the person is registered for (not cancelled), one row per consent kind with
    its active record, if any; and the full history, newest first."""
    history = list(
        ConsentRecord.objects.filter(person=person)
        .select_related("event")
        .order_by("-given_at", "-pk")
    )
    active = {(r.event_id, r.kind): r for r in history if r.withdrawn_at is None}
    registrations = (
        Registration.objects.filter(person=person)
        .exclude(status=Registration.Status.CANCELLED)
        .select_related("event")
        .order_by("-event__start_date", "pk")
    )
    rows = [
        ConsentRow(
            event=r.event,
            kind=kind,
            label=str(Kind(kind).label),
            text=str(CURRENT[kind].text),
            record=active.get((r.event_id, kind)),
            withdrawable=CURRENT[kind].withdrawable,
        )
        for r in registrations
        for kind in Kind.values
    ]
    for record in history:
        record.text = text_of(record.kind, record.version)
    return rows, history


@dataclass
class ProcessingRow:
    app_label: str
    models: tuple[str, ...]
    category: str
    purpose: str
    legal_basis: str
    recipients: str
    retention: str


def retention_text(event: Event) -> str:
    if event.retention_days is None:
        return _("Kept until the person deletes their account (no retention period set).")
    days = event.retention_days
    return ngettext(
        "Anonymised %(days)d day after the event ends (from %(date)s), unless the person takes "
        "part in an event still retained.",
        "Anonymised %(days)d days after the event ends (from %(date)s), unless the person takes "
        "part in an event still retained.",
        days,
    ) % {
        "days": days,
        "date": date_format(event.end_date + dt.timedelta(days=days + 1), "DATE_FORMAT"),
    }


def processing_record(event: Event) -> list[ProcessingRow]:
    retention = retention_text(event)
    return [
        ProcessingRow(
            app_label=d.app_label,
            models=d.models,
            category=str(d.category),
            purpose=str(d.purpose),
            legal_basis=str(d.legal_basis),
            recipients=str(d.recipients),
            retention=retention,
        )
        for d in registry.declarations()
    ]
