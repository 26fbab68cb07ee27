"""The caller's own agenda (bookmarked sessions), meetings and pending meeting requests, and
the answers to them — through `networking.meetings.services`, with their rules and e-mails.
For the event's approved participants (the meetings pages' rule); a service token has no
agenda (403)."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status

from clustermeet.api import pagination
from clustermeet.api.caller import event_for, own_person, refuse, require_write
from clustermeet.api.errors import ApiError
from clustermeet.api.schemas.common import listing, one
from clustermeet.api.schemas.me import (
    AcceptIn,
    MeetingOut,
    MeetingRequestIn,
    MeetingRequestOut,
    slot_out,
)
from clustermeet.api.schemas.programme import SessionOut, session_out
from clustermeet.events.queries import is_approved_participant
from clustermeet.networking.meetings import queries, services
from clustermeet.networking.meetings.views import NOT_PARTICIPANT
from clustermeet.networking.models import Slot
from clustermeet.people.models import Person
from clustermeet.programme.queries import visible_sessions, with_details

router = Router(tags=["me"])


def _participant(request, slug: str):
    event = event_for(request, slug)
    person = own_person(request)
    if not is_approved_participant(person, event):
        raise refuse(request, str(NOT_PARTICIPANT))
    return event, person


@router.get("/events/{slug}/me/agenda", response=listing(SessionOut), operation_id="agenda_list")
def list_agenda(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """The sessions the caller bookmarked (those they may still see)."""
    event = event_for(request, slug)
    person = own_person(request)
    sessions = with_details(visible_sessions(person, event).filter(bookmarks__person=person))
    return pagination.page(
        request,
        sessions,
        key=("starts_at", "pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [session_out(s) for s in rows],
    )


def _meeting_out(meeting) -> dict:
    return {
        "id": meeting.pk,
        "status": meeting.status,
        "origin": meeting.origin,
        "location": meeting.location,
        "table": meeting.table.label if meeting.table else None,
        "slot": slot_out(meeting.slot),
        "people": [
            {"slug": p.slug, "name": p.full_name} for p in meeting.people if p.pk != meeting.me
        ],
    }


def _request_out(meeting_request, person) -> dict:
    other = meeting_request.other
    hidden = getattr(meeting_request, "other_hidden", False)
    return {
        "id": meeting_request.pk,
        "direction": "incoming"
        if queries.answerer_id(meeting_request) == person.pk
        else "outgoing",
        "other": {"slug": None, "name": _("The offer's author")}
        if hidden
        else {"slug": other.slug, "name": other.full_name},
        "message": meeting_request.message,
        "status": meeting_request.status,
        "origin": meeting_request.origin,
        "proposed_slots": [slot_out(s) for s in meeting_request.proposed_slots.all()],
        "created_at": meeting_request.created_at,
    }


@router.get(
    "/events/{slug}/me/meetings", response=listing(MeetingOut), operation_id="meetings_list"
)
def list_meetings(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """The caller's meetings: scheduled (upcoming and past), drafts and cancelled ones."""
    event, person = _participant(request, slug)
    mine = queries.my_meetings(event, person)
    meetings = [*mine["upcoming"], *mine["past"], *mine["drafts"], *mine["cancelled"]]
    for meeting in meetings:
        meeting.me = person.pk
    meetings.sort(key=lambda m: m.pk)
    return pagination.page(
        request,
        meetings,
        key=("pk",),
        value=lambda m: (m.pk,),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [_meeting_out(m) for m in rows],
    )


@router.get(
    "/events/{slug}/me/meeting-requests",
    response=listing(MeetingRequestOut),
    operation_id="meeting_requests_list",
)
def list_meeting_requests(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """The caller's pending requests, sent and received."""
    event, person = _participant(request, slug)
    mine = queries.my_meetings(event, person)
    rows = sorted([*mine["incoming"], *mine["outgoing"]], key=lambda r: r.pk)
    return pagination.page(
        request,
        rows,
        key=("pk",),
        value=lambda r: (r.pk,),
        cursor=cursor,
        limit=limit,
        shape=lambda page: [_request_out(r, person) for r in page],
    )


def _request_of(event, person, pk: int) -> dict:
    found = queries.request_for(event, person, pk)
    if found is None:
        raise Http404
    return _request_out(found, person)


@router.post(
    "/events/{slug}/me/meeting-requests",
    response=one(MeetingRequestOut, 201, body=True),
    operation_id="meeting_requests_create",
)
def create_meeting_request(request, slug: str, payload: MeetingRequestIn):
    """Ask someone for a 1-to-1 meeting (they get the e-mail)."""
    event, person = _participant(request, slug)
    require_write(request)
    recipient = Person.objects.filter(slug=payload.recipient).first()
    if recipient is None:
        raise ApiError(
            422, "unknown_recipient", _("This person cannot be reached here."), "recipient"
        )
    slots = list(Slot.objects.filter(event=event, pk__in=payload.slots))
    if len(slots) != len(set(payload.slots)):
        raise ApiError(422, "invalid", _("Unknown slot."), "slots")
    created = services.send_request(
        event=event, sender=person, recipient=recipient, message=payload.message, slots=slots
    )
    return Status(201, _request_of(event, person, created.pk))


@router.post(
    "/events/{slug}/me/meeting-requests/{request_id}/accept",
    response=one(MeetingOut, body=True),
    operation_id="meeting_requests_accept",
)
def accept_meeting_request(request, slug: str, request_id: int, payload: AcceptIn):
    """Accept a request the caller answers: a meeting in `slot` (or a draft the organisers'
    matchmaking schedules); both get the e-mail."""
    event, person = _participant(request, slug)
    require_write(request)
    if queries.request_for(event, person, request_id) is None:
        raise Http404
    slot = None
    if payload.slot is not None:
        slot = Slot.objects.filter(event=event, pk=payload.slot).first()
        if slot is None:
            raise ApiError(422, "invalid", _("Unknown slot."), "slot")
    meeting = services.accept_request(request_id, by=person, slot=slot, location=payload.location)
    found = queries.meeting_for(event, person, meeting.pk, organiser=False)
    found.me = person.pk
    return _meeting_out(found)


@router.post(
    "/events/{slug}/me/meeting-requests/{request_id}/decline",
    response=one(MeetingRequestOut),
    operation_id="meeting_requests_decline",
)
def decline_meeting_request(request, slug: str, request_id: int):
    event, person = _participant(request, slug)
    require_write(request)
    if queries.request_for(event, person, request_id) is None:
        raise Http404
    services.decline_request(request_id, by=person)
    return _request_of(event, person, request_id)
