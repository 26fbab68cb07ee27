"""networking.queries: who networks, whom one meets already, free slots, "my meetings", the
figures. Fixed query counts."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.networking.meetings import queries
from clustermeet.networking.models import Meeting, MeetingRequest
from clustermeet.people.models import Registration
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.networking.factories import (
    MeetingRequestFactory,
    SlotFactory,
    UnavailabilityFactory,
    make_meeting,
    participant,
)

pytestmark = pytest.mark.django_db

Status = MeetingRequest.Status


@pytest.fixture
def event(db):
    return EventFactory(slug="ecc", timezone="Europe/Brussels")


def test_participants_and_directory_people(event):
    listed = participant(event)
    unlisted = RegistrationFactory(event=event).person
    RegistrationFactory(
        event=event, status=Registration.Status.PENDING, directory_consent_at=timezone.now()
    )
    RegistrationFactory(directory_consent_at=timezone.now())  # another event

    assert set(queries.networking_participants(event)) == {listed, unlisted}
    assert list(queries.directory_people(event)) == [listed]


def test_meets_already(event, django_assert_num_queries):
    me = participant(event)
    sent, received, met, drafted, declined, cancelled = (participant(event) for _ in range(6))
    MeetingRequestFactory(event=event, sender=me, recipient=sent)
    MeetingRequestFactory(event=event, sender=received, recipient=me)
    MeetingRequestFactory(event=event, sender=me, recipient=declined, status=Status.DECLINED)
    make_meeting(event=event, people=[me, met], slot=SlotFactory(event=event))
    make_meeting(event=event, people=[drafted, me], status=Meeting.Status.DRAFT)
    make_meeting(event=event, people=[me, cancelled], status=Meeting.Status.CANCELLED)
    other = EventFactory()
    MeetingRequestFactory(event=other, sender=me, recipient=declined)

    with django_assert_num_queries(2):
        assert queries.meets_already(event, me) == {sent.pk, received.pk, met.pk, drafted.pk}


def test_is_reachable(event):
    me, listed = participant(event), participant(event)
    shy = RegistrationFactory(event=event).person
    asked_me = RegistrationFactory(event=event).person
    MeetingRequestFactory(event=event, sender=asked_me, recipient=me, status=Status.CANCELLED)

    assert queries.is_reachable(event, me, listed) is True
    assert queries.is_reachable(event, me, me) is False
    assert queries.is_reachable(event, me, shy) is False
    assert queries.is_reachable(event, me, asked_me) is True
    assert queries.is_reachable(event, me, PersonFactory()) is False


def test_free_slots_hide_busy_and_past_slots_and_breaks(event, django_assert_num_queries):
    a, b, c = participant(event), participant(event), participant(event)
    past = SlotFactory(event=event, starts_at=timezone.now() - dt.timedelta(hours=1))
    free, a_off, b_busy, brk = (SlotFactory(event=event) for _ in range(4))
    brk.is_break = True
    brk.save()
    UnavailabilityFactory(slot=a_off, person=a)
    make_meeting(event=event, people=[b, c], slot=b_busy)
    make_meeting(event=event, people=[a, c], slot=free, status=Meeting.Status.CANCELLED)

    with django_assert_num_queries(3):
        assert queries.free_slots(event, [a.pk, b.pk]) == [free]
    assert past not in queries.free_slots(event, [c.pk])


def test_availability_days_group_by_local_day(event, django_assert_num_queries):
    me = participant(event)
    # 23:30 UTC on 1 June is 01:30 on 2 June in Brussels.
    late = dt.datetime(2030, 6, 1, 23, 30, tzinfo=dt.UTC)
    first = SlotFactory(event=event, starts_at=dt.datetime(2030, 6, 1, 8, 0, tzinfo=dt.UTC))
    second = SlotFactory(event=event, starts_at=late)
    UnavailabilityFactory(slot=first, person=me)
    make_meeting(event=event, people=[me, participant(event)], slot=second)

    with django_assert_num_queries(3):
        days = queries.availability_days(event, me)
    assert days == [
        (dt.date(2030, 6, 1), [(first, True, False)]),
        (dt.date(2030, 6, 2), [(second, False, True)]),
    ]


def build_page(event, me, n):
    """n incoming requests (with proposed slots), n outgoing, n upcoming meetings, a past one,
    a draft and a cancelled one."""
    slots = [SlotFactory(event=event) for _ in range(2 * n + 2)]
    for i in range(n):
        other = participant(event)
        MeetingRequestFactory(event=event, sender=other, recipient=me, proposed_slots=slots[:2])
        MeetingRequestFactory(event=event, sender=me, recipient=participant(event))
        make_meeting(event=event, people=[me, participant(event)], slot=slots[2 + i])
    return slots


def test_my_meetings_groups_everything(event):
    me = participant(event, first_name="Me")
    slots = [SlotFactory(event=event) for _ in range(3)]
    past_slot = SlotFactory(
        event=event,
        starts_at=timezone.now() - dt.timedelta(hours=2),
        ends_at=timezone.now() - dt.timedelta(hours=1),
    )
    asker, asked, countered = participant(event), participant(event), participant(event)
    incoming = MeetingRequestFactory(
        event=event, sender=asker, recipient=me, proposed_slots=[slots[1]]
    )
    outgoing = MeetingRequestFactory(event=event, sender=me, recipient=asked)
    # I sent it, they proposed other times: my turn to answer.
    counter = MeetingRequestFactory(
        event=event, sender=me, recipient=countered, awaiting_sender=True
    )
    MeetingRequestFactory(
        event=event, sender=me, recipient=participant(event), status=Status.DECLINED
    )
    upcoming = make_meeting(event=event, people=[me, participant(event)], slot=slots[0])
    past = make_meeting(event=event, people=[me, participant(event)], slot=past_slot)
    draft = make_meeting(event=event, people=[me, participant(event)], status=Meeting.Status.DRAFT)
    cancelled = make_meeting(
        event=event, people=[me, participant(event)], status=Meeting.Status.CANCELLED
    )
    make_meeting(event=event, people=[asker, participant(event)], slot=slots[2])

    page = queries.my_meetings(event, me)

    assert set(page["incoming"]) == {incoming, counter}
    assert page["outgoing"] == [outgoing]
    assert page["upcoming"] == [upcoming]
    assert page["past"] == [past]
    assert page["drafts"] == [draft]
    assert page["cancelled"] == [cancelled]
    mine = next(r for r in page["incoming"] if r == incoming)
    # proposed first; slot 0 is mine (meeting), slot 2 is the asker's
    assert mine.choices == [slots[1]]
    assert mine.other == asker
    assert page["upcoming"][0].other != me
    assert page["upcoming"][0].seat.person_id == me.pk
    assert page["upcoming"][0].can_join is False


def test_the_join_window_opens_five_minutes_before_the_start(event):
    me, other = participant(event), participant(event)
    now = timezone.now()
    soon = SlotFactory(
        event=event, starts_at=now + dt.timedelta(minutes=4), ends_at=now + dt.timedelta(minutes=30)
    )
    later = SlotFactory(
        event=event, starts_at=now + dt.timedelta(minutes=6), ends_at=now + dt.timedelta(minutes=40)
    )
    running = SlotFactory(
        event=event, starts_at=now - dt.timedelta(minutes=10), ends_at=now + dt.timedelta(minutes=5)
    )
    for slot in (soon, later, running):
        make_meeting(event=event, people=[me, other], slot=slot)

    page = queries.my_meetings(event, me)

    assert [(m.slot, m.can_join) for m in page["upcoming"]] == [
        (running, True),
        (soon, True),
        (later, False),
    ]


def test_my_meetings_query_count_does_not_grow(event, django_assert_num_queries):
    me = participant(event)
    build_page(event, me, 1)
    with django_assert_num_queries(7) as small:
        queries.my_meetings(event, me)
    build_page(event, me, 5)
    with django_assert_num_queries(len(small.captured_queries)):
        page = queries.my_meetings(event, me)
    assert (len(page["incoming"]), len(page["outgoing"]), len(page["upcoming"])) == (6, 6, 6)


def test_meeting_for_and_request_for_only_their_people(event):
    me, other, stranger = participant(event), participant(event), participant(event)
    meeting = make_meeting(event=event, people=[me, other], slot=SlotFactory(event=event))
    request = MeetingRequestFactory(event=event, sender=me, recipient=other)

    assert queries.meeting_for(event, me, meeting.pk, organiser=False) == meeting
    assert queries.meeting_for(event, stranger, meeting.pk, organiser=False) is None
    seen = queries.meeting_for(event, stranger, meeting.pk, organiser=True)
    assert (seen, seen.seat, seen.people) == (
        meeting,
        None,
        sorted([me, other], key=lambda p: p.pk),
    )
    assert queries.meeting_for(EventFactory(), me, meeting.pk, organiser=True) is None
    assert queries.request_for(event, other, request.pk).other == me
    assert queries.request_for(event, stranger, request.pk) is None


def test_networking_figures(event, django_assert_num_queries):
    a, b, c = participant(event), participant(event), participant(event)
    MeetingRequestFactory(event=event, sender=a, recipient=b, status=Status.ACCEPTED)
    MeetingRequestFactory(event=event, sender=a, recipient=c)
    held = make_meeting(event=event, people=[a, b], slot=SlotFactory(event=event))
    held.participants.update(attendance="held")
    make_meeting(event=event, people=[a, c], slot=SlotFactory(event=event))

    with django_assert_num_queries(2):
        figures = queries.networking_figures(event)
    assert figures == {
        "requests": 2,
        "accepted": 1,
        "declined": 0,
        "pending": 1,
        "meetings_scheduled": 2,
        "meetings_held": 1,
        "no_shows": 0,
    }
