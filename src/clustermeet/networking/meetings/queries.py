"""Reads of 1-to-1 networking shaped for the pages, the other networking parts and the figures.
Each runs a fixed number of queries whatever the number of people, requests or meetings."""

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.models import (
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    Slot,
    Unavailability,
)
from clustermeet.people.models import Person, Registration

OPEN_MEETING = [Meeting.Status.DRAFT, Meeting.Status.SCHEDULED]
JOIN_EARLY_MINUTES = 5


# --- people -----------------------------------------------------------------------------------


def networking_participants(event: Event) -> QuerySet[Person]:
    """The people who network at this event: its approved participants."""
    return Person.objects.filter(
        registrations__event=event, registrations__status=Registration.Status.APPROVED
    ).distinct()


def directory_people(event: Event) -> QuerySet[Person]:
    """Approved participants who consented to be listed in the directory."""
    return Person.objects.filter(
        registrations__event=event,
        registrations__status=Registration.Status.APPROVED,
        registrations__directory_consent_at__isnull=False,
    ).distinct()


def meets_already(event: Event, person: Person) -> set[int]:
    """Ids of the people with whom `person` has a pending request (either way) or a draft or
    scheduled meeting at this event. Two queries."""
    pairs = MeetingRequest.objects.filter(
        Q(sender=person) | Q(recipient=person), event=event, status=MeetingRequest.Status.PENDING
    ).values_list("sender_id", "recipient_id")
    others = {pk for pair in pairs for pk in pair}
    others |= set(
        MeetingParticipant.objects.filter(
            meeting__event=event,
            meeting__status__in=OPEN_MEETING,
            meeting__participants__person=person,
        ).values_list("person_id", flat=True)
    )
    others.discard(person.pk)
    return others


def is_reachable(event: Event, sender: Person, recipient: Person, offer=None) -> bool:
    """Whom a participant may ask for a meeting: approved participants listed in the directory,
    anyone who asked them first, and the author of the offer they answer (`offer`, checked by
    the caller to be an active offer of this event)."""
    registration = Registration.objects.filter(
        event=event, person=recipient, status=Registration.Status.APPROVED
    ).first()
    if registration is None or recipient.pk == sender.pk:
        return False
    if registration.directory_consent_at is not None:
        return True
    if offer is not None and offer.author_id == recipient.pk:
        return True
    return MeetingRequest.objects.filter(event=event, sender=recipient, recipient=sender).exists()


# --- slots and availability -------------------------------------------------------------------


def bookable_slots(event: Event) -> list[Slot]:
    """The event's slots that can still be booked: not breaks, not started."""
    return list(
        Slot.objects.filter(event=event, is_break=False, starts_at__gt=timezone.now()).order_by(
            "starts_at"
        )
    )


def busy_slots_by_person(event: Event, person_ids: Iterable[int]) -> dict[int, set[int]]:
    """For each person, the ids of the event's slots where they are unavailable or meet
    already (scheduled meetings). Two queries."""
    person_ids = list(set(person_ids))
    busy: dict[int, set[int]] = defaultdict(set)
    rows = itertools.chain(
        Unavailability.objects.filter(person__in=person_ids, slot__event=event).values_list(
            "person_id", "slot_id"
        ),
        MeetingParticipant.objects.filter(
            person__in=person_ids, slot__event=event, active=True
        ).values_list("person_id", "slot_id"),
    )
    for person_id, slot_id in rows:
        busy[person_id].add(slot_id)
    return busy


def free_slots(event: Event, person_ids: Iterable[int]) -> list[Slot]:
    """Bookable slots in which every one of the people is free. Three queries."""
    person_ids = list(person_ids)
    busy = busy_slots_by_person(event, person_ids)
    taken = set().union(*busy.values()) if busy else set()
    return [slot for slot in bookable_slots(event) if slot.pk not in taken]


def availability_days(event: Event, person: Person) -> list[tuple]:
    """The event's networking slots grouped by day in the event's time zone:
    [(date, [(slot, unavailable, has_meeting)])]. Three queries."""
    slots = Slot.objects.filter(event=event).order_by("starts_at")
    unavailable = set(
        Unavailability.objects.filter(person=person, slot__event=event).values_list(
            "slot_id", flat=True
        )
    )
    booked = set(
        MeetingParticipant.objects.filter(
            person=person, slot__event=event, active=True
        ).values_list("slot_id", flat=True)
    )
    days = []
    tz = event.tz
    for day, group in itertools.groupby(slots, key=lambda s: s.starts_at.astimezone(tz).date()):
        days.append((day, [(s, s.pk in unavailable, s.pk in booked) for s in group]))
    return days


# --- requests and meetings of one person ------------------------------------------------------


def answerer_id(request: MeetingRequest) -> int:
    return request.sender_id if request.awaiting_sender else request.recipient_id


def _meetings(event: Event) -> QuerySet[Meeting]:
    seats = MeetingParticipant.objects.select_related("person__organisation").order_by("person_id")
    return (
        Meeting.objects.filter(event=event)
        .select_related("slot", "table", "event")
        .prefetch_related(Prefetch("participants", queryset=seats))
    )


def _annotate_meeting(meeting: Meeting, person: Person, now) -> Meeting:
    """Sets .seat (the person's row), .other (the other Person), .join_opens_at and .can_join."""
    seats = list(meeting.participants.all())
    meeting.seat = next((s for s in seats if s.person_id == person.pk), None)
    others = [s.person for s in seats if s.person_id != person.pk]
    meeting.other = others[0] if others else None
    meeting.people = [s.person for s in seats]
    if meeting.slot is not None:
        meeting.join_opens_at = meeting.slot.starts_at - dt.timedelta(minutes=JOIN_EARLY_MINUTES)
        meeting.can_join = (
            meeting.status == Meeting.Status.SCHEDULED
            and meeting.join_opens_at <= now < meeting.slot.ends_at
        )
    else:
        meeting.join_opens_at, meeting.can_join = None, False
    return meeting


def my_meetings(event: Event, person: Person) -> dict:
    """Everything of the "my meetings" page, in seven queries: pending requests the person
    answers (`incoming`, each with `.choices`, the slots where both are free, proposed first)
    and those the other side answers (`outgoing`); meetings `upcoming` (scheduled, not ended),
    `past` (scheduled, ended), `drafts` (to be scheduled by the organiser), `cancelled`."""
    now = timezone.now()
    requests = list(
        MeetingRequest.objects.filter(
            Q(sender=person) | Q(recipient=person),
            event=event,
            status=MeetingRequest.Status.PENDING,
        )
        .select_related("sender__organisation", "recipient__organisation", "offer")
        .prefetch_related(Prefetch("proposed_slots", queryset=Slot.objects.order_by("starts_at")))
        .order_by("-created_at", "id")
    )
    incoming, outgoing = [], []
    for request in requests:
        request.other = request.recipient if request.sender_id == person.pk else request.sender
        (incoming if answerer_id(request) == person.pk else outgoing).append(request)
    _hide_unlisted_authors(event, person, requests)
    if incoming:
        slots = bookable_slots(event)
        busy = busy_slots_by_person(event, [person.pk, *(r.other.pk for r in incoming)])
        for request in incoming:
            taken = busy.get(person.pk, set()) | busy.get(request.other.pk, set())
            proposed = {s.pk for s in request.proposed_slots.all()}
            free = [s for s in slots if s.pk not in taken]
            request.choices = [s for s in free if s.pk in proposed] + [
                s for s in free if s.pk not in proposed
            ]
            request.proposed_ids = proposed
    meetings = [
        _annotate_meeting(m, person, now)
        for m in _meetings(event)
        .filter(participants__person=person)
        .order_by("slot__starts_at", "created_at", "id")
    ]
    scheduled = [m for m in meetings if m.status == Meeting.Status.SCHEDULED]
    return {
        "incoming": incoming,
        "outgoing": outgoing,
        "upcoming": [m for m in scheduled if m.slot.ends_at > now],
        "past": [m for m in scheduled if m.slot.ends_at <= now][::-1],
        "drafts": [m for m in meetings if m.status == Meeting.Status.DRAFT],
        "cancelled": [m for m in meetings if m.status == Meeting.Status.CANCELLED],
    }


def meeting_for(event: Event, person: Person, pk: int, *, organiser: bool) -> Meeting | None:
    """The meeting if `person` is one of its two people (or `organiser`), else None."""
    meetings = _meetings(event).filter(pk=pk)
    if not organiser:
        meetings = meetings.filter(participants__person=person)
    meeting = meetings.first()
    return _annotate_meeting(meeting, person, timezone.now()) if meeting else None


def request_for(event: Event, person: Person, pk: int) -> MeetingRequest | None:
    """The request if `person` is its sender or recipient, else None."""
    request = (
        MeetingRequest.objects.filter(Q(sender=person) | Q(recipient=person), event=event, pk=pk)
        .select_related("sender__organisation", "recipient__organisation", "offer")
        .prefetch_related(Prefetch("proposed_slots", queryset=Slot.objects.order_by("starts_at")))
        .first()
    )
    if request is not None:
        request.other = request.recipient if request.sender_id == person.pk else request.sender
        _hide_unlisted_authors(event, person, [request])
    return request


def _hide_unlisted_authors(event: Event, person: Person, requests: list) -> None:
    """Sets `other_hidden` on requests `person` sent, while pending, to the author of a
    marketplace offer who is not in the directory: until they accept, the sender knows them only
    as the offer's author (the marketplace shows no name for them either). One query at most."""
    candidates = [
        r
        for r in requests
        if r.sender_id == person.pk
        and r.offer_id is not None
        and r.status == MeetingRequest.Status.PENDING
    ]
    for request in requests:
        request.other_hidden = False
    if not candidates:
        return
    listed = set(
        Registration.objects.filter(
            event=event,
            person__in=[r.recipient_id for r in candidates],
            directory_consent_at__isnull=False,
        ).values_list("person_id", flat=True)
    )
    for request in candidates:
        request.other_hidden = request.recipient_id not in listed


# --- figures ----------------------------------------------------------------------------------


def networking_figures(event: Event) -> dict:
    """Requests by outcome and meetings for `clustermeet stats`: held (no-show) counts the
    scheduled meetings where at least one side reported it held (a no-show). Two queries."""
    requests = MeetingRequest.objects.filter(event=event).aggregate(
        requests=Count("pk"),
        accepted=Count("pk", filter=Q(status=MeetingRequest.Status.ACCEPTED)),
        declined=Count("pk", filter=Q(status=MeetingRequest.Status.DECLINED)),
        pending=Count("pk", filter=Q(status=MeetingRequest.Status.PENDING)),
    )
    scheduled = Q(status=Meeting.Status.SCHEDULED)
    attendance = MeetingParticipant.Attendance
    meetings = Meeting.objects.filter(event=event).aggregate(
        meetings_scheduled=Count("pk", filter=scheduled, distinct=True),
        meetings_held=Count(
            "pk", filter=scheduled & Q(participants__attendance=attendance.HELD), distinct=True
        ),
        no_shows=Count(
            "pk", filter=scheduled & Q(participants__attendance=attendance.NO_SHOW), distinct=True
        ),
    )
    return {**requests, **meetings}
