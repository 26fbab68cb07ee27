"""networking.meetings.services, requests: send, accept, decline, cancel, propose. Refusals change
nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.meetings import services
from clustermeet.networking.models import (
    Matchmaking,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
)
from clustermeet.people.models import Registration
from tests.factories import PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingRequestFactory,
    MeetingTableFactory,
    OfferFactory,
    SlotFactory,
    UnavailabilityFactory,
    make_meeting,
    participant,
)
from tests.networking.meetings.calls import do, refused, send

pytestmark = pytest.mark.django_db

Status = MeetingRequest.Status


# --- send -------------------------------------------------------------------------------------


def test_send_request_stores_it_and_mails_the_recipient(event, alice, bob, slots, mailoutbox):
    request = send(event, alice, bob, message=" Hello Bob ", slots=slots[:2])

    assert (request.sender, request.recipient, request.status, request.message) == (
        alice,
        bob,
        Status.PENDING,
        "Hello Bob",
    )
    assert list(request.proposed_slots.order_by("starts_at")) == slots[:2]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([bob.email], f"Alice Andersen would like to meet you at {event.name}")
    ]
    assert "Hello Bob" in mailoutbox[0].body


@pytest.mark.parametrize(
    "case, code",
    [
        ("self", "self"),
        ("pending_recipient", "unknown_recipient"),
        ("not_registered", "unknown_recipient"),
        ("unconsented", "unknown_recipient"),
        ("other_event_slot", "invalid_slot"),
        ("break_slot", "invalid_slot"),
        ("past_slot", "past_slot"),
        ("sender_unavailable", "busy"),
        ("too_long", "too_long"),
    ],
)
def test_send_request_refusals_change_nothing(case, code, event, alice, bob, slots, mailoutbox):
    recipient, kwargs = bob, {"slots": slots[:1]}
    if case == "self":
        recipient = alice
    elif case == "pending_recipient":
        recipient = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    elif case == "not_registered":
        recipient = PersonFactory()
    elif case == "unconsented":
        recipient = RegistrationFactory(event=event).person
    elif case == "other_event_slot":
        kwargs["slots"] = [SlotFactory()]
    elif case == "break_slot":
        kwargs["slots"] = [SlotFactory(event=event, is_break=True)]
    elif case == "past_slot":
        start = timezone.now() - dt.timedelta(hours=1)
        kwargs["slots"] = [SlotFactory(event=event, starts_at=start)]
    elif case == "sender_unavailable":
        UnavailabilityFactory(slot=slots[0], person=alice)
    elif case == "too_long":
        kwargs["message"] = "x" * (services.MAX_MESSAGE_LENGTH + 1)

    refused(code, send, event, alice, recipient, **kwargs)

    assert MeetingRequest.objects.count() == 0
    assert mailoutbox == []


def test_non_participants_cannot_send(event, bob):
    outsider = PersonFactory()
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING).person

    refused("forbidden", send, event, outsider, bob)
    refused("forbidden", send, event, pending, bob)
    assert MeetingRequest.objects.count() == 0


def test_an_unconsented_person_is_reachable_after_asking_first(event, alice):
    shy = RegistrationFactory(event=event).person
    MeetingRequestFactory(event=event, sender=shy, recipient=alice, status=Status.DECLINED)

    request = send(event, alice, shy)

    assert request.recipient == shy


def test_an_unconsented_offer_author_is_reachable_through_the_offer(event, alice):
    author = RegistrationFactory(event=event).person
    offer = OfferFactory(event=event, author=author)

    refused("unknown_recipient", send, event, alice, author)
    refused("invalid", send, event, alice, author, offer=offer)  # offer needs marketplace
    request = send(event, alice, author, origin=MeetingRequest.Origin.MARKETPLACE, offer=offer)

    assert (request.origin, request.offer) == (MeetingRequest.Origin.MARKETPLACE, offer)


def test_an_inactive_or_foreign_offer_is_refused(event, alice, bob):
    marketplace = MeetingRequest.Origin.MARKETPLACE
    closed = OfferFactory(event=event, author=bob, is_active=False)
    foreign = OfferFactory(author=bob)

    refused("invalid_offer", send, event, alice, bob, origin=marketplace, offer=closed)
    refused("invalid_offer", send, event, alice, bob, origin=marketplace, offer=foreign)
    assert MeetingRequest.objects.count() == 0


def test_one_pending_request_per_pair_either_way(event, alice, bob):
    first = send(event, alice, bob)

    assert str(refused("duplicate", send, event, alice, bob)) == (
        "You already sent this person a request."
    )
    assert str(refused("duplicate", send, event, bob, alice)) == (
        "This person already sent you a request: answer it."
    )
    assert list(MeetingRequest.objects.all()) == [first]


def test_no_request_when_a_meeting_exists(event, alice, bob, slots):
    make_meeting(event=event, people=[alice, bob], slot=slots[0])

    refused("already_meeting", send, event, alice, bob)
    make_meeting(event=event, people=[alice, bob], status=Meeting.Status.CANCELLED)
    assert MeetingRequest.objects.count() == 0


# --- accept -----------------------------------------------------------------------------------


def test_accept_books_a_virtual_meeting_and_mails_both(event, alice, bob, slots, mailoutbox):
    request = send(event, alice, bob, slots=slots[:2])
    mailoutbox.clear()

    meeting = do(services.accept_request, request.pk, by=bob, slot=slots[1])

    request.refresh_from_db()
    assert (request.status, request.decided_at is not None) == (Status.ACCEPTED, True)
    assert (meeting.status, meeting.slot, meeting.location, meeting.table, meeting.request) == (
        Meeting.Status.SCHEDULED,
        slots[1],
        Meeting.Location.VIRTUAL,
        None,
        request,
    )
    assert meeting.video_url.startswith("https://meet.jit.si/clustermeet-meet-")
    seats = MeetingParticipant.objects.filter(meeting=meeting).order_by("person_id")
    assert [(s.person_id, s.slot_id, s.active) for s in seats] == [
        (alice.pk, slots[1].pk, True),
        (bob.pk, slots[1].pk, True),
    ]
    assert sorted(m.to[0] for m in mailoutbox) == sorted([alice.email, bob.email])
    assert {m.subject for m in mailoutbox} == {
        f"Meeting with Bob Berg at {event.name}",
        f"Meeting with Alice Andersen at {event.name}",
    }


def test_accept_in_any_slot_where_both_are_free(event, alice, bob, slots):
    request = send(event, alice, bob, slots=slots[:1])

    meeting = do(services.accept_request, request.pk, by=bob, slot=slots[2])

    assert meeting.slot == slots[2]


@pytest.mark.parametrize("who", ["sender", "stranger", "organiser"])
def test_only_the_recipient_accepts(who, event, alice, bob, slots):
    request = send(event, alice, bob, slots=slots[:1])
    by = {
        "sender": alice,
        "stranger": participant(event),
        "organiser": RegistrationFactory(event=event, roles=["organiser"]).person,
    }[who]

    code = "not_your_turn" if who == "sender" else "not_found"
    refused(code, services.accept_request, request.pk, by=by, slot=slots[0])
    refused(code, services.decline_request, request.pk, by=by)

    request.refresh_from_db()
    assert request.status == Status.PENDING
    assert Meeting.objects.count() == 0


@pytest.mark.parametrize("busy", ["unavailable", "meeting"])
def test_accept_refuses_a_slot_where_someone_is_busy(busy, event, alice, bob, slots, mailoutbox):
    request = send(event, alice, bob, slots=slots[:1])
    if busy == "unavailable":
        UnavailabilityFactory(slot=slots[0], person=alice)
    else:
        make_meeting(event=event, people=[alice, participant(event)], slot=slots[0])
    mailoutbox.clear()

    refused("busy", services.accept_request, request.pk, by=bob, slot=slots[0])

    request.refresh_from_db()
    assert request.status == Status.PENDING
    assert Meeting.objects.filter(request=request).count() == 0
    assert mailoutbox == []


def test_accept_refuses_no_slot_a_past_slot_a_break_and_another_events_slot(
    event, alice, bob, slots
):
    request = send(event, alice, bob)
    past = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(minutes=1))

    refused("no_slot", services.accept_request, request.pk, by=bob)
    refused("past_slot", services.accept_request, request.pk, by=bob, slot=past)
    refused(
        "invalid_slot",
        services.accept_request,
        request.pk,
        by=bob,
        slot=SlotFactory(event=event, is_break=True),
    )
    refused("invalid_slot", services.accept_request, request.pk, by=bob, slot=SlotFactory())
    assert Meeting.objects.count() == 0


def test_a_decided_request_cannot_be_accepted(event, alice, bob, slots):
    request = send(event, alice, bob)
    do(services.decline_request, request.pk, by=bob)

    error = refused("not_pending", services.accept_request, request.pk, by=bob, slot=slots[0])
    assert str(error) == "This request is declined already."


@pytest.mark.parametrize("fmt", [Event.Format.HYBRID, Event.Format.ONSITE])
def test_on_site_meetings_take_the_first_free_table(fmt, alice, bob, slots, event):
    event.format = fmt
    event.save()
    second = MeetingTableFactory(event=event, label="T2", position=2)
    first = MeetingTableFactory(event=event, label="T1", position=1)
    make_meeting(
        event=event, people=[participant(event), participant(event)], slot=slots[0], table=first
    )
    request = send(event, alice, bob)

    meeting = do(services.accept_request, request.pk, by=bob, slot=slots[0])

    assert (meeting.location, meeting.table) == (Meeting.Location.TABLE, second)


def test_no_free_table_is_a_clear_error_unless_virtual(event, alice, bob, slots):
    event.format = Event.Format.HYBRID
    event.save()
    table = MeetingTableFactory(event=event)
    make_meeting(
        event=event, people=[participant(event), participant(event)], slot=slots[0], table=table
    )
    request = send(event, alice, bob)

    error = refused("no_table", services.accept_request, request.pk, by=bob, slot=slots[0])
    assert str(error) == "No table is free in this slot: choose another slot or video."

    meeting = do(
        services.accept_request,
        request.pk,
        by=bob,
        slot=slots[0],
        location=Meeting.Location.VIRTUAL,
    )
    assert (meeting.location, meeting.table) == (Meeting.Location.VIRTUAL, None)


def test_an_on_site_event_without_tables_meets_online(event, alice, bob, slots):
    event.format = Event.Format.ONSITE
    event.save()
    request = send(event, alice, bob)

    meeting = do(services.accept_request, request.pk, by=bob, slot=slots[0])

    assert (meeting.location, meeting.table) == (Meeting.Location.VIRTUAL, None)


@pytest.mark.parametrize("status", [Matchmaking.Status.COLLECTING, Matchmaking.Status.DRAFT])
def test_collecting_matchmaking_makes_a_draft_without_slot(status, event, alice, bob, mailoutbox):
    MatchmakingFactory(event=event, status=status)
    request = send(event, alice, bob)
    mailoutbox.clear()

    meeting = do(services.accept_request, request.pk, by=bob)

    assert (meeting.status, meeting.slot) == (Meeting.Status.DRAFT, None)
    seats = meeting.participants.order_by("person_id")
    assert [(s.person_id, s.slot_id, s.active) for s in seats] == [
        (alice.pk, None, False),
        (bob.pk, None, False),
    ]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([alice.email], "Bob Berg accepted your meeting request")
    ]


def test_published_matchmaking_books_instantly_around_its_schedule(event, alice, bob, slots):
    MatchmakingFactory(event=event, status=Matchmaking.Status.PUBLISHED)
    make_meeting(
        event=event,
        people=[alice, participant(event)],
        slot=slots[0],
        origin=Meeting.Origin.MATCHMAKING,
    )
    request = send(event, alice, bob)

    refused("busy", services.accept_request, request.pk, by=bob, slot=slots[0])
    meeting = do(services.accept_request, request.pk, by=bob, slot=slots[1])
    assert (meeting.status, meeting.slot) == (Meeting.Status.SCHEDULED, slots[1])


# --- decline, cancel, propose ----------------------------------------------------------------


def test_decline_tells_the_sender(event, alice, bob, mailoutbox):
    request = send(event, alice, bob)
    mailoutbox.clear()

    do(services.decline_request, request.pk, by=bob)

    request.refresh_from_db()
    assert request.status == Status.DECLINED
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([alice.email], "Bob Berg declined your meeting request")
    ]


def test_only_the_sender_cancels(event, alice, bob, mailoutbox):
    request = send(event, alice, bob)
    mailoutbox.clear()

    refused("not_sender", services.cancel_request, request.pk, by=bob)
    refused("not_found", services.cancel_request, request.pk, by=participant(event))
    assert mailoutbox == []
    do(services.cancel_request, request.pk, by=alice)

    request.refresh_from_db()
    assert request.status == Status.CANCELLED
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([bob.email], "Alice Andersen cancelled their meeting request")
    ]
    # The pair may ask again once nothing is pending.
    assert send(event, bob, alice).status == Status.PENDING


def test_propose_passes_the_turn_back_and_forth(event, alice, bob, slots, mailoutbox):
    request = send(event, alice, bob, slots=slots[:1])
    mailoutbox.clear()

    do(services.propose_slots, request.pk, by=bob, slots=slots[1:])

    request.refresh_from_db()
    assert request.awaiting_sender is True
    assert list(request.proposed_slots.order_by("starts_at")) == slots[1:]
    assert [(m.to, m.subject) for m in mailoutbox] == [
        ([alice.email], "Bob Berg proposed other times to meet")
    ]
    refused("not_your_turn", services.accept_request, request.pk, by=bob, slot=slots[1])
    refused("not_your_turn", services.propose_slots, request.pk, by=bob, slots=slots[:1])

    do(services.propose_slots, request.pk, by=alice, slots=slots[2:])
    request.refresh_from_db()
    assert request.awaiting_sender is False
    assert mailoutbox[-1].to == [bob.email]

    do(services.propose_slots, request.pk, by=bob, slots=slots[1:2])
    meeting = do(services.accept_request, request.pk, by=alice, slot=slots[1])
    assert meeting.slot == slots[1]
    assert sorted(meeting.participants.values_list("person_id", flat=True)) == [alice.pk, bob.pk]


def test_propose_needs_slots_where_the_proposer_is_free(event, alice, bob, slots):
    request = send(event, alice, bob)
    UnavailabilityFactory(slot=slots[0], person=bob)

    refused("no_slot", services.propose_slots, request.pk, by=bob, slots=[])
    refused("busy", services.propose_slots, request.pk, by=bob, slots=slots[:1])

    request.refresh_from_db()
    assert (request.awaiting_sender, request.proposed_slots.count()) == (False, 0)
