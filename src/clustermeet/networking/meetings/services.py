"""Every write of 1-to-1 networking: meeting requests (send, accept, decline, cancel, propose
other slots), meetings (book, cancel, report attendance) and each person's availability.

Each validates, writes in one transaction and schedules its e-mails with
`transaction.on_commit`, so a rolled-back write sends nothing.

Double-booking: a booking locks the Person rows of both people (`select_for_update`, ordered by
pk, so two bookings sharing a person queue instead of deadlocking), and, when it needs a
physical table, the Slot row after them (so two pairs wanting a table in the same slot take
turns and each gets the next free one). Then it checks, then it writes. The partial unique
constraints `person_once_per_slot` and `table_once_per_slot` are the last line: an
IntegrityError becomes a NetworkingError, never a silent double booking."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage, is_approved_participant
from clustermeet.hooks import services as webhooks
from clustermeet.networking.meetings import tasks
from clustermeet.networking.meetings.queries import answerer_id, is_reachable
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingTable,
    Offer,
    Slot,
    Unavailability,
)
from clustermeet.people.models import Person
from clustermeet.refusal import Refused

MAX_MESSAGE_LENGTH = 2000
ATTENDANCE = {MeetingParticipant.Attendance.HELD, MeetingParticipant.Attendance.NO_SHOW}


class NetworkingError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the user."""


NOT_FOUND = gettext_lazy("No such meeting request.")
# A whole sentence per status, not the status label inserted into one: languages inflect it.
DECIDED = {
    MeetingRequest.Status.ACCEPTED: gettext_lazy("This request is accepted already."),
    MeetingRequest.Status.DECLINED: gettext_lazy("This request is declined already."),
    MeetingRequest.Status.CANCELLED: gettext_lazy("This request is cancelled already."),
}


# --- helpers ----------------------------------------------------------------------------------


def matchmaking_defers(event: Event) -> bool:
    """True while the organiser's matchmaking collects requests or reviews its draft: accepted
    requests then become DRAFT meetings that the organiser's scheduler places."""
    return Matchmaking.objects.filter(
        event=event,
        status__in=[Matchmaking.Status.COLLECTING, Matchmaking.Status.DRAFT],
    ).exists()


def _lock_people(ids: Iterable[int]) -> None:
    """The one lock of a booking: the people's rows, in pk order."""
    list(Person.objects.select_for_update().filter(pk__in=set(ids)).order_by("pk").values("pk"))


def _busy_slot_ids(person_ids: Iterable[int], slot_ids: Iterable[int]) -> set[int]:
    """Of `slot_ids`, those in which any of the people is unavailable or already meets."""
    person_ids, slot_ids = list(person_ids), list(slot_ids)
    unavailable = Unavailability.objects.filter(person__in=person_ids, slot__in=slot_ids)
    meeting = MeetingParticipant.objects.filter(
        person__in=person_ids, slot__in=slot_ids, active=True
    )
    return set(unavailable.values_list("slot_id", flat=True)) | set(
        meeting.values_list("slot_id", flat=True)
    )


def _check_proposed_slots(event: Event, person: Person, slots) -> list[Slot]:
    """The slots one proposes: the event's, not breaks, not started, and `person` is free."""
    slots = list(slots)
    now = timezone.now()
    for slot in slots:
        if slot.event_id != event.pk or slot.is_break:
            raise NetworkingError(
                "invalid_slot", _("Choose slots of this event's networking times.")
            )
        if slot.starts_at <= now:
            raise NetworkingError("past_slot", _("This slot has already started."))
    if _busy_slot_ids([person.pk], [s.pk for s in slots]):
        raise NetworkingError("busy", _("You are not available in one of the slots you chose."))
    return slots


def _active_meeting_between(event: Event, a: int, b: int) -> bool:
    return (
        Meeting.objects.filter(
            event=event, status__in=[Meeting.Status.DRAFT, Meeting.Status.SCHEDULED]
        )
        .filter(participants__person=a)
        .filter(participants__person=b)
        .exists()
    )


# --- requests ---------------------------------------------------------------------------------


def send_request(
    *,
    event: Event,
    sender: Person,
    recipient: Person,
    message: str = "",
    slots=(),
    origin: str = MeetingRequest.Origin.DIRECT,
    offer: Offer | None = None,
) -> MeetingRequest:
    if not is_approved_participant(sender, event):
        raise NetworkingError(
            "forbidden", _("Only approved participants of the event meet others.")
        )
    if recipient.pk == sender.pk:
        raise NetworkingError("self", _("You cannot send a meeting request to yourself."))
    if origin not in MeetingRequest.Origin.values:
        raise NetworkingError("invalid", _("Unknown origin of the request."))
    if offer is not None:
        if origin != MeetingRequest.Origin.MARKETPLACE:
            raise NetworkingError("invalid", _("An offer goes with a marketplace request."))
        if offer.event_id != event.pk or not offer.is_active:
            raise NetworkingError("invalid_offer", _("This offer is no longer open."))
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE_LENGTH:
        raise NetworkingError(
            "too_long",
            _("Keep the message under %(max)d characters.") % {"max": MAX_MESSAGE_LENGTH},
        )
    if not is_reachable(event, sender, recipient, offer):
        raise NetworkingError("unknown_recipient", _("This person cannot be reached here."))
    slots = _check_proposed_slots(event, sender, slots)
    pair = Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender)
    pending = MeetingRequest.objects.filter(pair, event=event, status=MeetingRequest.Status.PENDING)
    if pending.filter(sender=sender).exists():
        raise NetworkingError("duplicate", _("You already sent this person a request."))
    if pending.exists():
        raise NetworkingError("duplicate", _("This person already sent you a request: answer it."))
    if _active_meeting_between(event, sender.pk, recipient.pk):
        raise NetworkingError("already_meeting", _("You already have a meeting with this person."))
    try:
        with transaction.atomic():
            request = MeetingRequest.objects.create(
                event=event,
                sender=sender,
                recipient=recipient,
                message=message,
                origin=origin,
                offer=offer,
            )
            request.proposed_slots.set(slots)
            transaction.on_commit(lambda: tasks.send_request_email.delay(request.pk, "received"))
    except IntegrityError:
        raise NetworkingError("duplicate", _("You already sent this person a request.")) from None
    return request


def _pending_request(request_id: int, by: Person, *, lock_people: bool) -> MeetingRequest:
    """The pending request, locked (after its people when `lock_people`). Anyone but its two
    people gets NOT_FOUND, as if it did not exist."""
    request = MeetingRequest.objects.filter(pk=request_id).first()
    if request is None or by.pk not in (request.sender_id, request.recipient_id):
        raise NetworkingError("not_found", str(NOT_FOUND))
    if lock_people:
        _lock_people([request.sender_id, request.recipient_id])
    request = MeetingRequest.objects.select_for_update().select_related("event").get(pk=request_id)
    if request.status != MeetingRequest.Status.PENDING:
        raise NetworkingError("not_pending", str(DECIDED[request.status]))
    return request


def _must_answer(request: MeetingRequest, by: Person) -> None:
    if by.pk != answerer_id(request):
        raise NetworkingError("not_your_turn", _("The other person answers this request next."))


def _decide(request: MeetingRequest, status: str) -> None:
    request.status = status
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_at"])


def accept_request(request_id: int, *, by: Person, slot: Slot | None = None, location=None):
    """Accept: a DRAFT meeting without a slot while the organiser's matchmaking collects or
    reviews; otherwise a SCHEDULED meeting in `slot` (any slot where both are free), at the
    first free table (hybrid and on-site events) unless `location` is virtual."""
    with transaction.atomic():
        request = _pending_request(request_id, by, lock_people=True)
        _must_answer(request, by)
        event = request.event
        people = [request.sender_id, request.recipient_id]
        if _active_meeting_between(event, *people):
            raise NetworkingError(
                "already_meeting", _("You already have a meeting with this person.")
            )
        draft = matchmaking_defers(event)  # the organiser's scheduler places it later
        if not draft:
            if slot is None:
                raise NetworkingError("no_slot", _("Choose a slot for the meeting."))
            if slot.starts_at <= timezone.now():
                raise NetworkingError("past_slot", _("This slot has already started."))
        meeting = _book(
            event=event,
            people=people,
            slot=None if draft else slot,
            location=location or _default_location(event),
            origin=Meeting.Origin.REQUEST,
            status=Meeting.Status.DRAFT if draft else Meeting.Status.SCHEDULED,
            request=request,
        )
        if draft:
            transaction.on_commit(lambda: tasks.send_request_email.delay(request.pk, "accepted"))
        else:
            transaction.on_commit(lambda: tasks.send_meeting_email.delay(meeting.pk, "scheduled"))
            webhooks.emit(event, "meeting.scheduled", meeting.pk)
        _decide(request, MeetingRequest.Status.ACCEPTED)
    return meeting


def decline_request(request_id: int, *, by: Person) -> MeetingRequest:
    with transaction.atomic():
        request = _pending_request(request_id, by, lock_people=False)
        _must_answer(request, by)
        _decide(request, MeetingRequest.Status.DECLINED)
        transaction.on_commit(lambda: tasks.send_request_email.delay(request.pk, "declined"))
    return request


def cancel_request(request_id: int, *, by: Person) -> MeetingRequest:
    with transaction.atomic():
        request = _pending_request(request_id, by, lock_people=False)
        if by.pk != request.sender_id:
            raise NetworkingError("not_sender", _("Only the person who sent a request cancels it."))
        _decide(request, MeetingRequest.Status.CANCELLED)
        transaction.on_commit(lambda: tasks.send_request_email.delay(request.pk, "cancelled"))
    return request


def propose_slots(request_id: int, *, by: Person, slots) -> MeetingRequest:
    """A counter-proposal: other slots, and the other side answers next."""
    with transaction.atomic():
        request = _pending_request(request_id, by, lock_people=False)
        _must_answer(request, by)
        slots = _check_proposed_slots(request.event, by, slots)
        if not slots:
            raise NetworkingError("no_slot", _("Propose at least one slot."))
        request.proposed_slots.set(slots)
        request.awaiting_sender = not request.awaiting_sender
        request.save(update_fields=["awaiting_sender"])
        transaction.on_commit(lambda: tasks.send_request_email.delay(request.pk, "proposed"))
    return request


# --- meetings ---------------------------------------------------------------------------------


def _default_location(event: Event) -> str:
    if event.format == Event.Format.VIRTUAL:
        return Meeting.Location.VIRTUAL
    return Meeting.Location.TABLE


def _free_table(event: Event, slot: Slot) -> MeetingTable | None:
    taken = Meeting.objects.filter(
        slot=slot, status=Meeting.Status.SCHEDULED, table__isnull=False
    ).values("table_id")
    return MeetingTable.objects.filter(event=event).exclude(pk__in=taken).first()


def _book(*, event, people, slot, location, table=None, origin, status, request=None) -> Meeting:
    """Writes the meeting and its two participant rows; the caller holds the people's locks."""
    person_ids = [p if isinstance(p, int) else p.pk for p in people]
    if len(set(person_ids)) != 2:
        raise NetworkingError("invalid", _("A meeting is between two different people."))
    if location not in Meeting.Location.values:
        raise NetworkingError("invalid", _("Unknown meeting location."))
    if event.format == Event.Format.VIRTUAL:
        location = Meeting.Location.VIRTUAL
    if slot is not None and (slot.event_id != event.pk or slot.is_break):
        raise NetworkingError("invalid_slot", _("Choose a slot of this event's networking times."))
    if table is not None and table.event_id != event.pk:
        raise NetworkingError("invalid", _("This table belongs to another event."))
    if location == Meeting.Location.VIRTUAL:
        table = None
    scheduled = status == Meeting.Status.SCHEDULED
    if scheduled:
        if slot is None:
            raise NetworkingError("no_slot", _("Choose a slot for the meeting."))
        if _busy_slot_ids(person_ids, [slot.pk]):
            raise NetworkingError("busy", _("One of you is not available in this slot any more."))
        if location == Meeting.Location.TABLE:
            Slot.objects.select_for_update().filter(pk=slot.pk).values("pk").first()
            if table is None:
                table = _free_table(event, slot)
                if table is None and not MeetingTable.objects.filter(event=event).exists():
                    location = Meeting.Location.VIRTUAL  # no table pool: meet online
                elif table is None:
                    raise NetworkingError(
                        "no_table",
                        _("No table is free in this slot: choose another slot or video."),
                    )
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                event=event,
                request=request,
                slot=slot,
                status=status,
                origin=origin,
                location=location,
                table=table,
            )
            MeetingParticipant.objects.bulk_create(
                MeetingParticipant(meeting=meeting, person_id=pk, slot=slot, active=scheduled)
                for pk in sorted(person_ids)
            )
    except IntegrityError:
        raise NetworkingError(
            "taken", _("This slot or table was just taken: choose another one.")
        ) from None
    return meeting


def book_meeting(
    *, event, people, slot, location, table=None, origin, status, request=None
) -> Meeting:
    """The single place that writes a Meeting and its two MeetingParticipant rows (accepting a
    request, publishing the matchmaking). SCHEDULED meetings need both people free in `slot`
    and, at a table, a free table (the given one, else the first free by position). DRAFT
    meetings reserve nothing. Sends no e-mail: the caller decides whom to tell."""
    with transaction.atomic():
        _lock_people(p if isinstance(p, int) else p.pk for p in people)
        return _book(
            event=event,
            people=people,
            slot=slot,
            location=location,
            table=table,
            origin=origin,
            status=status,
            request=request,
        )


def _meeting_of(meeting_id: int, by: Person, *, organisers: bool) -> Meeting:
    meeting = Meeting.objects.select_related("event", "slot").filter(pk=meeting_id).first()
    if meeting is None:
        raise NetworkingError("not_found", _("No such meeting."))
    mine = meeting.participants.filter(person=by).exists()
    if not mine and not (organisers and can_manage(by, meeting.event)):
        raise NetworkingError("not_found", _("No such meeting."))
    return meeting


def cancel_meeting(meeting_id: int, *, by: Person) -> Meeting:
    """Either person or an organiser cancels; both people are told (METHOD:CANCEL)."""
    meeting = _meeting_of(meeting_id, by, organisers=True)
    with transaction.atomic():
        _lock_people(meeting.participants.values_list("person_id", flat=True))
        meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
        if meeting.status == Meeting.Status.CANCELLED:
            raise NetworkingError("cancelled", _("This meeting is cancelled already."))
        was_scheduled = meeting.status == Meeting.Status.SCHEDULED
        meeting.status = Meeting.Status.CANCELLED
        meeting.cancelled_at = timezone.now()
        meeting.cancelled_by = by
        meeting.save(update_fields=["status", "cancelled_at", "cancelled_by"])
        meeting.participants.update(active=False)
        if was_scheduled:
            transaction.on_commit(lambda: tasks.send_meeting_email.delay(meeting.pk, "cancelled"))
    return meeting


def report_attendance(meeting_id: int, *, by: Person, attendance: str) -> MeetingParticipant:
    """Each person reports, after the start, whether the meeting was held or the other did not
    come; stored on their own participant row (a later report replaces theirs)."""
    if attendance not in ATTENDANCE:
        raise NetworkingError("invalid", _("Report 'held' or 'no-show'."))
    meeting = _meeting_of(meeting_id, by, organisers=False)
    if meeting.status != Meeting.Status.SCHEDULED:
        raise NetworkingError("not_scheduled", _("Only scheduled meetings are reported."))
    if meeting.slot.starts_at > timezone.now():
        raise NetworkingError("not_started", _("Report once the meeting has started."))
    seat = MeetingParticipant.objects.get(meeting=meeting, person=by)
    seat.attendance = attendance
    seat.attendance_reported_at = timezone.now()
    seat.save(update_fields=["attendance", "attendance_reported_at"])
    return seat


# --- availability -----------------------------------------------------------------------------


def set_unavailable(event: Event, person: Person, slots) -> set[int]:
    """Replace the person's unavailable slots of this event by `slots`. Refused (nothing
    changed) for a slot of another event, a break, or a slot where they have a meeting."""
    if not is_approved_participant(person, event):
        raise NetworkingError(
            "forbidden", _("Only approved participants of the event meet others.")
        )
    wanted = {slot.pk: slot for slot in slots}
    for slot in wanted.values():
        if slot.event_id != event.pk or slot.is_break:
            raise NetworkingError(
                "invalid_slot", _("Choose slots of this event's networking times.")
            )
    with transaction.atomic():
        _lock_people([person.pk])
        booked = MeetingParticipant.objects.filter(
            person=person, slot__in=list(wanted), active=True
        ).select_related("slot")
        clash = booked.first()
        if clash is not None:
            raise NetworkingError(
                "busy", _("You have a meeting in one of these slots: cancel it first.")
            )
        current = Unavailability.objects.filter(person=person, slot__event=event)
        current.exclude(slot__in=list(wanted)).delete()
        have = set(current.values_list("slot_id", flat=True))
        Unavailability.objects.bulk_create(
            Unavailability(slot_id=pk, person=person) for pk in wanted if pk not in have
        )
    return set(wanted)
