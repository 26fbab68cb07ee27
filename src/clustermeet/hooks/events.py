"""The catalogue of webhook event types and the payload of each.

Every delivery's body is the JSON object

    {"id": "<uuid of the event>", "type": "<event type>", "created_at": "<ISO 8601, UTC>",
     "event": {"id": 1, "slug": "ecc-2020", "name": "European Cluster Conference 2020"},
     "data": {...}}

where `data` is the type's object below. Times are ISO 8601 in UTC, ids are the objects' ids.
A person is {"id", "first_name", "last_name", "email", "organisation" (name or null),
"country" (ISO 3166 alpha-2 or "")}.

- registration.created, registration.approved: {"registration": {"id", "status", "roles"
  (codes), "stakeholder_type", "source", "created_at", "decided_at", "person"}}
- meeting.scheduled: {"meeting": {"id", "origin" ("request" or "matchmaking"), "location"
  ("virtual" or "table"), "table" (label or null), "starts_at", "ends_at", "participants"
  (two people)}}
- poll.closed: {"poll": {"id", "question", "type", "session": {"id", "slug", "title"},
  "opened_at", "closed_at", "ballots" (how many voted)}}
- checkin.created: {"check_in": {"id", "day" (the event's local date), "checked_in_at",
  "method" ("scan", "search" or "kiosk"), "registration_id", "person"}}

This app sits below the apps whose objects it describes, so it reads their models through the
app registry (`apps.get_model`) instead of importing them: the apps import `hooks`, never the
other way round."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from clustermeet.events.models import Event
from clustermeet.people.models import Person, Registration


def iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    return value.isoformat()


def person_data(person: Person) -> dict:
    organisation = person.organisation
    return {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "organisation": organisation.name if organisation is not None else None,
        "country": str(person.country or ""),
    }


def _registration(pk: int) -> dict | None:
    registration = (
        Registration.objects.select_related("person__organisation")
        .prefetch_related("roles")
        .filter(pk=pk)
        .first()
    )
    if registration is None:
        return None
    return {
        "registration": {
            "id": registration.pk,
            "status": registration.status,
            "roles": sorted(role.code for role in registration.roles.all()),
            "stakeholder_type": registration.stakeholder_type,
            "source": registration.source,
            "created_at": iso(registration.created_at),
            "decided_at": iso(registration.decided_at),
            "person": person_data(registration.person),
        }
    }


def _meeting(pk: int) -> dict | None:
    meeting = (
        apps.get_model("networking", "Meeting")
        .objects.select_related("slot", "table")
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        return None
    seats = (
        meeting.participants.select_related("person__organisation")
        .order_by("person_id")
        .only("person")
    )
    return {
        "meeting": {
            "id": meeting.pk,
            "origin": meeting.origin,
            "location": meeting.location,
            "table": meeting.table.label if meeting.table is not None else None,
            "starts_at": iso(meeting.slot.starts_at) if meeting.slot else None,
            "ends_at": iso(meeting.slot.ends_at) if meeting.slot else None,
            "participants": [person_data(seat.person) for seat in seats],
        }
    }


def _poll(pk: int) -> dict | None:
    poll = apps.get_model("live", "Poll").objects.select_related("session").filter(pk=pk).first()
    if poll is None:
        return None
    session = poll.session
    return {
        "poll": {
            "id": poll.pk,
            "question": poll.question,
            "type": poll.type,
            "session": {"id": session.pk, "slug": session.slug, "title": session.title},
            "opened_at": iso(poll.opened_at),
            "closed_at": iso(poll.closed_at),
            "ballots": poll.ballots.count(),
        }
    }


def _check_in(pk: int) -> dict | None:
    row = (
        apps.get_model("onsite", "CheckIn")
        .objects.select_related("registration__person__organisation")
        .filter(pk=pk)
        .first()
    )
    if row is None:
        return None
    return {
        "check_in": {
            "id": row.pk,
            "day": iso(row.day),
            "checked_in_at": iso(row.checked_in_at),
            "method": row.method,
            "registration_id": row.registration_id,
            "person": person_data(row.registration.person),
        }
    }


@dataclass(frozen=True)
class EventType:
    name: str
    label: Promise
    data: Callable[[int], dict | None]  # the object's pk → `data`, None when it is gone


CATALOGUE: dict[str, EventType] = {
    t.name: t
    for t in (
        EventType("registration.created", _("A person registered"), _registration),
        EventType("registration.approved", _("A registration was approved"), _registration),
        EventType("meeting.scheduled", _("A 1-to-1 meeting was scheduled"), _meeting),
        EventType("poll.closed", _("A poll was closed"), _poll),
        EventType("checkin.created", _("A participant was checked in"), _check_in),
    )
}


def choices() -> list[tuple[str, Promise]]:
    return [(t.name, t.label) for t in CATALOGUE.values()]


def label(name: str) -> str:
    event_type = CATALOGUE.get(name)
    return str(event_type.label) if event_type is not None else name


def payload(event: Event, name: str, obj_pk: int, event_id, now=None) -> dict | None:
    """The body of the event `name` about the object `obj_pk`, or None when the object is
    gone by the time it is built (right after commit)."""
    data = CATALOGUE[name].data(obj_pk)
    if data is None:
        return None
    return {
        "id": str(event_id),
        "type": name,
        "created_at": iso(now or timezone.now()),
        "event": {"id": event.pk, "slug": event.slug, "name": event.name},
        "data": data,
    }
