"""Each domain service that emits a webhook, once per write, after its commit: registration
(created; approved at once without approval, or by an organiser), a meeting scheduled by an
accepted request or by publishing the matchmaking, a poll closed, a check-in at the door or
from the offline queue."""

import uuid

import pytest
from django.utils import timezone

from clustermeet.hooks.models import Delivery
from clustermeet.live import services as live
from clustermeet.live.models import Poll
from clustermeet.networking.matchmaking import services as matchmaking
from clustermeet.networking.meetings import services as meetings
from clustermeet.networking.models import Meeting
from clustermeet.onsite.checkin import services as checkin
from clustermeet.people import services as people
from clustermeet.people.models import Registration
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory
from tests.hooks.factories import EndpointFactory
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingRequestFactory,
    SlotFactory,
    make_meeting,
    participant,
)
from tests.onsite.factories import badged, door_staff_of, event_today

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run `call`, then of its commit's callbacks only the webhooks' fan-out: the deliveries
    are created, their tasks (started by callbacks the fan-out adds) are not run, as the
    endpoints' addresses answer nothing. Returns the call's value."""

    def run(call, *args, **kwargs):
        with django_capture_on_commit_callbacks() as callbacks:
            value = call(*args, **kwargs)
        for callback in callbacks:
            if getattr(callback, "__qualname__", "").startswith("emit_each"):
                callback()
        return value

    return run


def sent(type_name):
    return [
        (row.event_type, row.payload["data"])
        for row in Delivery.objects.filter(event_type=type_name).order_by("pk")
    ]


def ids(type_name, key):
    return [data[key]["id"] for _type, data in sent(type_name)]


def test_register_emits_created_and_approved_without_approval(run):
    event = EventFactory(upcoming=True, requires_approval=False)
    EndpointFactory(event=event)
    profile = people.ProfileData(first_name="Ana", last_name="Novak", email="ana@example.org")
    registration = run(
        people.register, event, people.RegistrationData(accept_terms=True), profile=profile
    )
    assert ids("registration.created", "registration") == [registration.pk]
    assert ids("registration.approved", "registration") == [registration.pk]
    assert sent("registration.created")[0][1]["registration"]["person"]["email"] == (
        "ana@example.org"
    )


def test_a_pending_registration_emits_approved_when_an_organiser_approves(run):
    event = EventFactory(upcoming=True, requires_approval=True)
    EndpointFactory(event=event)
    registration = run(
        people.register,
        event,
        people.RegistrationData(accept_terms=True),
        person=PersonFactory(),
    )
    assert (ids("registration.created", "registration"), sent("registration.approved")) == (
        [registration.pk],
        [],
    )
    run(people.approve, [registration], by=PersonFactory())
    assert [data["registration"]["status"] for _t, data in sent("registration.approved")] == [
        Registration.Status.APPROVED
    ]
    run(people.approve, [registration])  # approved already: nothing changes, nothing emitted
    assert len(sent("registration.approved")) == 1


def test_declining_emits_nothing(run):
    registration = RegistrationFactory(status=Registration.Status.PENDING)
    EndpointFactory(event=registration.event)
    run(people.decline, [registration])
    assert Delivery.objects.count() == 0


def test_accepting_a_request_in_a_slot_emits_meeting_scheduled(run):
    event = EventFactory()
    EndpointFactory(event=event, event_types=["meeting.scheduled"])
    alice, bob = participant(event), participant(event)
    slot = SlotFactory(event=event)
    request = MeetingRequestFactory(event=event, sender=alice, recipient=bob)
    meeting = run(meetings.accept_request, request.pk, by=bob, slot=slot)
    (data,) = [data for _t, data in sent("meeting.scheduled")]
    assert data["meeting"]["id"] == meeting.pk
    assert sorted(p["id"] for p in data["meeting"]["participants"]) == sorted([alice.pk, bob.pk])
    assert data["meeting"]["starts_at"] == slot.starts_at.isoformat().replace("+00:00", "Z")


def test_a_draft_meeting_of_the_matchmaking_emits_at_publication(run):
    event = EventFactory()
    EndpointFactory(event=event, event_types=["meeting.scheduled"])
    mm = MatchmakingFactory(event=event)
    slot = SlotFactory(event=event)
    a, b, c, d = (PersonFactory() for _ in range(4))
    first = make_meeting(
        event=event, people=[a, b], slot=slot, status=Meeting.Status.DRAFT, origin="matchmaking"
    )
    second = make_meeting(
        event=event, people=[c, d], slot=slot, status=Meeting.Status.DRAFT, origin="matchmaking"
    )
    outcome = run(matchmaking.publish, mm.pk)
    assert sorted(outcome.published) == sorted([first.pk, second.pk])
    assert sorted(ids("meeting.scheduled", "meeting")) == sorted([first.pk, second.pk])


def test_closing_a_poll_emits_poll_closed(run):
    session = SessionFactory()
    EndpointFactory(event=session.event, event_types=["poll.closed"])
    poll = Poll.objects.create(
        session=session, question="Which ecosystem?", status=Poll.Status.OPEN
    )
    run(live.close_poll, poll.pk)
    (data,) = [data for _t, data in sent("poll.closed")]
    assert (data["poll"]["id"], data["poll"]["question"], data["poll"]["ballots"]) == (
        poll.pk,
        "Which ecosystem?",
        0,
    )
    assert data["poll"]["session"] == {
        "id": session.pk,
        "slug": session.slug,
        "title": session.title,
    }


def test_a_check_in_at_the_door_emits_checkin_created(run):
    event = event_today()
    EndpointFactory(event=event, event_types=["checkin.created"])
    registration, token = badged(event)
    result = run(checkin.check_in_token, event, token, by=door_staff_of(event))
    assert result.ok is True
    (data,) = [data for _t, data in sent("checkin.created")]
    assert (data["check_in"]["registration_id"], data["check_in"]["method"]) == (
        registration.pk,
        "scan",
    )
    # The same badge again the same day: no new check-in, nothing emitted.
    run(checkin.check_in_token, event, token, by=None)
    assert len(sent("checkin.created")) == 1


def test_the_offline_queue_emits_one_per_check_in_and_none_for_a_replay(run):
    event = event_today()
    EndpointFactory(event=event, event_types=["checkin.created"])
    (first, first_token), (second, second_token) = badged(event), badged(event)
    scan = str(uuid.uuid4())
    batch = [
        {"token": first_token, "scan_id": scan, "scanned_at": timezone.now()},
        {"token": second_token, "scan_id": str(uuid.uuid4()), "scanned_at": timezone.now()},
    ]
    run(checkin.sync, event, batch, by=None)
    run(checkin.sync, event, batch[:1], by=None)  # the queue sent again: a replay
    assert sorted(data["check_in"]["registration_id"] for _t, data in sent("checkin.created")) == (
        sorted([first.pk, second.pk])
    )
