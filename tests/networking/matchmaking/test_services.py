"""The organiser's matchmaking services on small exact cases: schedule all (fixed meetings,
breaks, unavailability, caps, tables), the organiser's hand (move, lock, unschedule), publish."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking import services as matchmaking
from clustermeet.networking.models import Matchmaking, Meeting, MeetingParticipant
from tests.factories import EventFactory, PersonFactory
from tests.networking.factories import (
    MatchmakingFactory,
    MeetingTableFactory,
    SlotFactory,
    UnavailabilityFactory,
    future,
    make_meeting,
)

pytestmark = pytest.mark.django_db

DRAFT, SCHEDULED = Meeting.Status.DRAFT, Meeting.Status.SCHEDULED


def setup(n_people=3, n_slots=2, *, fmt=Event.Format.VIRTUAL, tables=0, **mm_fields):
    event = EventFactory(format=fmt)
    mm = MatchmakingFactory(event=event, time_limit_seconds=5, **mm_fields)
    slots = [
        SlotFactory(event=event, starts_at=future(24, 30 * i), ends_at=future(24, 30 * i + 30))
        for i in range(n_slots)
    ]
    people = [PersonFactory() for _ in range(n_people)]
    tables = [MeetingTableFactory(event=event, label=f"T{i + 1}") for i in range(tables)]
    return mm, event, slots, people, tables


def draft(event, a, b, **fields):
    return make_meeting(
        event=event, people=[a, b], status=DRAFT, origin=Meeting.Origin.MATCHMAKING, **fields
    )


def placement(*meetings):
    """(slot pk, table pk) of each meeting, read fresh."""
    return [
        tuple(Meeting.objects.filter(pk=m.pk).values_list("slot_id", "table_id").get())
        for m in meetings
    ]


def seats(meeting):
    return list(
        MeetingParticipant.objects.filter(meeting=meeting)
        .order_by("person_id")
        .values_list("person_id", "slot_id", "active")
    )


def test_three_people_two_slots_places_the_two_heaviest_meetings():
    mm, event, (s1, s2), (a, b, c), _ = setup()
    ab = draft(event, a, b, weight=3)
    bc = draft(event, b, c, weight=2)
    ac = draft(event, a, c, weight=1)
    figures = matchmaking.schedule_all(mm.pk)
    assert {k: figures[k] for k in ("placed", "unplaced", "fixed", "objective", "dropped")} == {
        "placed": 2,
        "unplaced": 1,
        "fixed": 0,
        "objective": 5.0,
        "dropped": 0,
    }
    assert figures["upper_bound"] == 5.0
    assert figures["proven_optimal"] is True
    ab.refresh_from_db(), bc.refresh_from_db(), ac.refresh_from_db()
    assert {ab.slot_id, bc.slot_id} == {s1.pk, s2.pk}
    assert ac.slot_id is None
    assert [m.status for m in (ab, bc, ac)] == [DRAFT, DRAFT, DRAFT]
    assert seats(ab) == [(a.pk, ab.slot_id, False), (b.pk, ab.slot_id, False)]
    assert seats(ac) == [(a.pk, None, False), (c.pk, None, False)]
    mm.refresh_from_db()
    assert mm.status == Matchmaking.Status.DRAFT
    assert mm.last_run == figures
    assert "running" not in mm.last_run


def test_a_second_run_gives_the_same_schedule():
    mm, event, _, (a, b, c), _ = setup(n_slots=3)
    meetings = [draft(event, a, b), draft(event, b, c), draft(event, a, c)]
    matchmaking.schedule_all(mm.pk)
    first = placement(*meetings)
    figures = matchmaking.schedule_all(mm.pk)
    assert placement(*meetings) == first
    assert figures["placed"] == 3


def test_locked_draft_stays_put_and_the_others_go_around_it():
    mm, event, (s1, s2), (a, b, c), _ = setup()
    ab = draft(event, a, b, slot=s2, locked=True)
    ac = draft(event, a, c, weight=5)
    figures = matchmaking.schedule_all(mm.pk)
    assert placement(ab, ac) == [(s2.pk, None), (s1.pk, None)]
    assert (figures["placed"], figures["fixed"], figures["unplaced"]) == (1, 1, 0)


def test_scheduled_meeting_blocks_its_people_its_slot_and_its_table():
    mm, event, (s1, s2), (a, b, c, d, e), (t1,) = setup(5, fmt=Event.Format.ONSITE, tables=1)
    make_meeting(event=event, people=[a, d], slot=s1, table=t1)
    ab = draft(event, a, b, weight=2)
    ce = draft(event, c, e, weight=1)
    figures = matchmaking.schedule_all(mm.pk)
    assert placement(ab, ce) == [(s2.pk, t1.pk), (None, None)]
    ab.refresh_from_db()
    assert ab.location == Meeting.Location.TABLE
    assert (figures["placed"], figures["unplaced"], figures["fixed"]) == (1, 1, 1)


def test_tables_per_slot_limits_a_physical_event_below_its_tables():
    mm, event, (s1,), (a, b, c, d), (t1, _t2) = setup(
        4, 1, fmt=Event.Format.HYBRID, tables=2, tables_per_slot=1
    )
    ab, cd = draft(event, a, b, weight=2), draft(event, c, d)
    matchmaking.schedule_all(mm.pk)
    assert placement(ab, cd) == [(s1.pk, t1.pk), (None, None)]


def test_breaks_unavailability_and_the_per_slot_cap_of_a_virtual_event():
    mm, event, (s1, s2, s3), (a, b, c, d), _ = setup(4, 3, tables_per_slot=1)
    s1.is_break = True
    s1.save()
    UnavailabilityFactory(person=a, slot=s2)
    ab, cd = draft(event, a, b), draft(event, c, d)
    matchmaking.schedule_all(mm.pk)
    assert placement(ab, cd) == [(s3.pk, None), (s2.pk, None)]


def test_started_slots_are_not_used():
    mm, event, (s1, s2), (a, b), _ = setup(2)
    s1.starts_at = timezone.now() - dt.timedelta(minutes=5)
    s1.save()
    ab = draft(event, a, b)
    matchmaking.schedule_all(mm.pk)
    assert placement(ab) == [(s2.pk, None)]


def test_per_person_cap_counts_scheduled_meetings():
    mm, event, (s1, s2, s3), (a, b, c, d), _ = setup(4, 3, max_meetings_per_person=2)
    make_meeting(event=event, people=[a, d], slot=s1)
    ab, ac = draft(event, a, b, weight=2), draft(event, a, c)
    figures = matchmaking.schedule_all(mm.pk)
    assert placement(ab, ac)[1] == (None, None)
    assert placement(ab)[0][0] in {s2.pk, s3.pk}
    assert (figures["placed"], figures["unplaced"]) == (1, 1)


def test_a_run_under_way_refuses_a_second_one_and_changes_nothing():
    mm, event, _, (a, b), _ = setup(2)
    ab = draft(event, a, b)
    running = {"token": "other", "since": timezone.now().isoformat()}
    Matchmaking.objects.filter(pk=mm.pk).update(last_run={"running": running})
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.schedule_all(mm.pk)
    assert error.value.code == "running"
    assert placement(ab) == [(None, None)]
    mm.refresh_from_db()
    assert mm.last_run == {"running": running}
    assert mm.status == Matchmaking.Status.COLLECTING


def test_an_abandoned_claim_does_not_block_for_ever():
    mm, event, (s1,), (a, b), _ = setup(2, 1)
    ab = draft(event, a, b)
    since = (timezone.now() - dt.timedelta(hours=1)).isoformat()
    Matchmaking.objects.filter(pk=mm.pk).update(
        last_run={"running": {"token": "x", "since": since}}
    )
    matchmaking.schedule_all(mm.pk)
    assert placement(ab) == [(s1.pk, None)]


def test_configure_creates_then_updates_and_refuses_bad_values():
    event = EventFactory()
    mm = matchmaking.configure(
        event, max_meetings_per_person=4, tables_per_slot=None, time_limit_seconds=10
    )
    assert (mm.max_meetings_per_person, mm.tables_per_slot, mm.time_limit_seconds) == (4, None, 10)
    matchmaking.configure(event, max_meetings_per_person=6, tables_per_slot=3, time_limit_seconds=9)
    mm.refresh_from_db()
    assert (mm.max_meetings_per_person, mm.tables_per_slot, mm.time_limit_seconds) == (6, 3, 9)
    with pytest.raises(matchmaking.MatchmakingError):
        matchmaking.configure(
            event, max_meetings_per_person=0, tables_per_slot=3, time_limit_seconds=9
        )
    mm.refresh_from_db()
    assert mm.max_meetings_per_person == 6


# --- the organiser's hand -----------------------------------------------------------------------


def test_move_checks_people_breaks_tables_then_moves():
    _mm, event, (s1, s2, s3), (a, b, c, d), (t1, t2) = setup(
        4, 3, fmt=Event.Format.ONSITE, tables=2
    )
    s3.is_break = True
    s3.save()
    ab = draft(event, a, b, slot=s1, table=t1)
    cd = draft(event, c, d, slot=s2, table=t1)
    make_meeting(event=event, people=[a, PersonFactory()], slot=s2, table=t2)
    cases = [
        ({"slot_id": s2.pk}, f"{a.full_name} already has a meeting in that slot."),
        ({"slot_id": s3.pk}, "That slot is a break."),
    ]
    for kwargs, message in cases:
        with pytest.raises(matchmaking.MatchmakingError) as error:
            matchmaking.move_meeting(event, ab.pk, **kwargs)
        assert str(error.value) == message
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.move_meeting(event, cd.pk, slot_id=s1.pk, table_id=t1.pk)
    assert str(error.value) == "That table is taken in that slot."
    UnavailabilityFactory(person=d, slot=s1)
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.move_meeting(event, cd.pk, slot_id=s1.pk)
    assert str(error.value) == f"{d.full_name} is not available in that slot."
    assert placement(ab, cd) == [(s1.pk, t1.pk), (s2.pk, t1.pk)]
    matchmaking.move_meeting(event, ab.pk, slot_id=s1.pk, table_id=t2.pk)
    assert placement(ab) == [(s1.pk, t2.pk)]
    assert seats(ab) == [(a.pk, s1.pk, False), (b.pk, s1.pk, False)]


def test_move_takes_the_first_free_table_and_refuses_a_full_virtual_slot():
    _mm, event, (s1, s2), (a, b, c, d), _ = setup(4, tables_per_slot=1)
    ab = draft(event, a, b, slot=s1)
    cd = draft(event, c, d)
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.move_meeting(event, cd.pk, slot_id=s1.pk)
    assert str(error.value) == "That slot is full (1 meeting per slot)."
    matchmaking.move_meeting(event, cd.pk, slot_id=s2.pk)
    assert placement(ab, cd) == [(s1.pk, None), (s2.pk, None)]


def test_only_drafts_of_this_event_are_changed():
    _mm, event, (s1, s2), (a, b), _ = setup(2)
    scheduled = make_meeting(event=event, people=[a, b], slot=s1)
    other = draft(EventFactory(), a, b)
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.move_meeting(event, scheduled.pk, slot_id=s2.pk)
    assert error.value.code == "not_draft"
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.unschedule(event, other.pk)
    assert error.value.code == "not_found"
    assert placement(scheduled) == [(s1.pk, None)]


def test_lock_needs_a_slot_and_unschedule_unlocks():
    _mm, event, (s1, _), (a, b), _ = setup(2)
    ab = draft(event, a, b)
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.set_locked(event, ab.pk, True)
    assert error.value.code == "unplaced"
    matchmaking.move_meeting(event, ab.pk, slot_id=s1.pk)
    assert matchmaking.set_locked(event, ab.pk, True).locked is True
    matchmaking.unschedule(event, ab.pk)
    ab.refresh_from_db()
    assert (ab.slot_id, ab.locked) == (None, False)
    assert seats(ab) == [(a.pk, None, False), (b.pk, None, False)]


# --- publish ----------------------------------------------------------------------------------


def test_publish_puts_a_draft_that_lost_its_slot_back_and_schedules_the_rest(
    django_capture_on_commit_callbacks, mailoutbox
):
    mm, event, (s1, s2), (a, b, c, d, e), (t1,) = setup(5, fmt=Event.Format.HYBRID, tables=1)
    ab = draft(event, a, b, weight=2)
    cd = draft(event, c, d)
    matchmaking.schedule_all(mm.pk)
    assert placement(ab, cd) == [(s1.pk, t1.pk), (s2.pk, t1.pk)]
    # An instant booking after the run takes A in slot 1 (at another place: video).
    make_meeting(event=event, people=[a, e], slot=s1)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = matchmaking.publish(mm.pk)
    assert outcome.published == [cd.pk]
    assert outcome.unplaced == [(ab.pk, f"{a.full_name} already has a meeting in that slot.")]
    ab.refresh_from_db(), cd.refresh_from_db()
    assert (ab.status, ab.slot_id, ab.table_id) == (DRAFT, None, None)
    assert (cd.status, cd.slot_id, cd.table_id, cd.location) == (
        SCHEDULED,
        s2.pk,
        t1.pk,
        Meeting.Location.TABLE,
    )
    assert seats(cd) == [(c.pk, s2.pk, True), (d.pk, s2.pk, True)]
    assert seats(ab) == [(a.pk, None, False), (b.pk, None, False)]
    mm.refresh_from_db()
    assert mm.status == Matchmaking.Status.PUBLISHED
    assert mm.published_at is not None
    assert sorted(m.to[0] for m in mailoutbox) == sorted([c.email, d.email])


def test_publish_unplaces_a_draft_whose_table_was_taken():
    mm, event, (s1, _), (a, b, c, d), (t1,) = setup(4, fmt=Event.Format.ONSITE, tables=1)
    ab = draft(event, a, b, slot=s1, table=t1)
    make_meeting(event=event, people=[c, d], slot=s1, table=t1)
    outcome = matchmaking.publish(mm.pk)
    assert outcome.published == []
    assert outcome.unplaced == [(ab.pk, "That table is taken in that slot.")]
    assert placement(ab) == [(None, None)]


def test_publish_while_a_run_is_under_way_is_refused():
    mm, event, (s1, _), (a, b), _ = setup(2)
    ab = draft(event, a, b, slot=s1)
    running = {"token": "x", "since": timezone.now().isoformat()}
    Matchmaking.objects.filter(pk=mm.pk).update(last_run={"running": running})
    with pytest.raises(matchmaking.MatchmakingError) as error:
        matchmaking.publish(mm.pk)
    assert error.value.code == "running"
    ab.refresh_from_db()
    assert ab.status == DRAFT
    assert Matchmaking.objects.get(pk=mm.pk).status == Matchmaking.Status.COLLECTING


def test_a_run_after_publishing_keeps_the_published_meetings():
    mm, event, (s1, s2), (a, b, c), _ = setup()
    ab = draft(event, a, b, weight=2)
    matchmaking.schedule_all(mm.pk)
    matchmaking.publish(mm.pk)
    ac = draft(event, a, c)
    figures = matchmaking.schedule_all(mm.pk)
    ab.refresh_from_db()
    assert ab.status == SCHEDULED
    assert placement(ac)[0][0] in {s1.pk, s2.pk} - {ab.slot_id}
    assert (figures["placed"], figures["fixed"]) == (1, 1)


def test_publish_goes_one_by_one_when_the_database_refuses_the_batch():
    """A seat the board cannot see (an active seat left on a cancelled meeting, a state the
    services never write) makes the database refuse: that draft goes back, the others publish."""
    mm, event, (s1, s2), (a, b, c, d, e), _ = setup(5)
    stray = make_meeting(event=event, people=[a, e], slot=s1)
    Meeting.objects.filter(pk=stray.pk).update(status=Meeting.Status.CANCELLED)
    ab = draft(event, a, b, slot=s1)
    cd = draft(event, c, d, slot=s2)
    outcome = matchmaking.publish(mm.pk)
    assert outcome.published == [cd.pk]
    assert outcome.unplaced == [(ab.pk, "A person or the table was booked meanwhile.")]
    assert placement(ab, cd) == [(None, None), (s2.pk, None)]
    assert seats(ab) == [(a.pk, None, False), (b.pk, None, False)]
    assert seats(cd) == [(c.pk, s2.pk, True), (d.pk, s2.pk, True)]
