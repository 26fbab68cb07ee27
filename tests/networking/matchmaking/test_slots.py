"""The organiser's slot and table authoring: windows of slots with breaks (in the event's time
zone), overlap and date checks, deleting slots and tables only when no meeting needs them."""

import datetime as dt

import pytest

from clustermeet.events.models import Event
from clustermeet.networking.matchmaking import slots
from clustermeet.networking.models import Meeting, MeetingParticipant, MeetingTable, Slot
from tests.factories import EventFactory, PersonFactory
from tests.networking.factories import MeetingTableFactory, make_meeting

pytestmark = pytest.mark.django_db

DAY = dt.date(2020, 11, 10)


def hm(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def window(event, start="09:00", end="11:00", minutes=30, **kwargs):
    return slots.plan_slots(
        event, date=DAY, start=hm(start), end=hm(end), minutes=minutes, **kwargs
    )


def shape(planned, event):
    """[('09:00', '09:30', False), …] in the event's time zone."""
    return [
        (
            f"{p.starts_at.astimezone(event.tz):%H:%M}",
            f"{p.ends_at.astimezone(event.tz):%H:%M}",
            p.is_break,
        )
        for p in planned
    ]


@pytest.fixture
def event():
    return EventFactory(timezone="Europe/Prague")


def test_a_window_of_slots_in_the_event_time_zone(event):
    planned = window(event, label="Window 1")
    assert shape(planned, event) == [
        ("09:00", "09:30", False),
        ("09:30", "10:00", False),
        ("10:00", "10:30", False),
        ("10:30", "11:00", False),
    ]
    assert planned[0].starts_at == dt.datetime(2020, 11, 10, 8, 0, tzinfo=dt.UTC)  # CET = UTC+1
    assert {p.label for p in planned} == {"Window 1"}


def test_a_break_every_two_slots(event):
    planned = window(event, end="11:30", break_every=2, break_minutes=15)
    assert shape(planned, event) == [
        ("09:00", "09:30", False),
        ("09:30", "10:00", False),
        ("10:00", "10:15", True),
        ("10:15", "10:45", False),
        ("10:45", "11:15", False),
    ]
    assert planned[2].label == "Break"


def test_explicit_break_times(event):
    planned = window(event, end="12:00", minutes=45, break_times=[hm("10:00")], break_minutes=20)
    assert shape(planned, event) == [
        ("09:00", "09:45", False),
        ("10:00", "10:20", True),
        ("10:20", "11:05", False),
        ("11:05", "11:50", False),
    ]


def test_parse_break_times():
    assert slots.parse_break_times("15:30, 12:00;12:00") == [hm("12:00"), hm("15:30")]
    with pytest.raises(slots.SlotError) as error:
        slots.parse_break_times("12:00, noon")
    assert str(error.value) == "“noon” is not a time like 12:30."


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"date": dt.date(2020, 11, 12)}, "outside_event"),
        ({"end": "08:00"}, "window"),
        ({"minutes": 3}, "slot_length"),
        ({"end": "09:20"}, "empty"),
        ({"break_every": 2}, "break"),
        ({"break_times": [hm("10:50")]}, "break_time"),
    ],
)
def test_bad_windows_are_refused(event, kwargs, code):
    arguments = {"date": DAY, "start": "09:00", "end": "11:00", "minutes": 30} | kwargs
    arguments["start"], arguments["end"] = hm(arguments["start"]), hm(arguments["end"])
    with pytest.raises(slots.SlotError) as error:
        slots.plan_slots(event, **arguments)
    assert error.value.code == code


def test_create_then_an_overlapping_window_is_refused(event):
    created = slots.create_slots(event, window(event, break_every=2, break_minutes=30))
    assert [(s.is_break, s.event_id) for s in created] == [
        (False, event.pk),
        (False, event.pk),
        (True, event.pk),
        (False, event.pk),
    ]
    with pytest.raises(slots.SlotError) as error:
        window(event, start="10:45", end="12:00")
    assert str(error.value) == "The new slots overlap the existing slot of 10 Nov 2020 10:30–11:00."
    assert Slot.objects.filter(event=event).count() == 4
    assert len(window(event, start="11:00", end="12:00")) == 2  # touching is fine


def test_delete_slot_refuses_scheduled_meetings_and_unplaces_drafts(event):
    first, second = slots.create_slots(event, window(event, end="10:00"))
    a, b, c, d = (PersonFactory() for _ in range(4))
    make_meeting(event=event, people=[a, b], slot=first)
    draft = make_meeting(event=event, people=[c, d], slot=second, status=Meeting.Status.DRAFT)
    with pytest.raises(slots.SlotError) as error:
        slots.delete_slot(event, first.pk)
    assert error.value.code == "in_use"
    assert str(error.value) == (
        "The slot 10 Nov 2020 09:00 holds 1 scheduled meeting: cancel or move it first."
    )
    assert Slot.objects.filter(pk=first.pk).exists()
    assert slots.delete_slot(event, second.pk) == 1
    draft.refresh_from_db()
    assert draft.slot_id is None
    assert list(
        MeetingParticipant.objects.filter(meeting=draft).values_list("slot", flat=True)
    ) == [
        None,
        None,
    ]
    assert list(Slot.objects.filter(event=event).values_list("pk", flat=True)) == [first.pk]


def test_delete_slot_counts_meetings_with_real_plurals(event):
    (slot,) = slots.create_slots(event, window(event, end="09:30"))
    for _ in range(2):
        make_meeting(
            event=event,
            people=[PersonFactory(), PersonFactory()],
            slot=slot,
            status=Meeting.Status.CANCELLED,
        )
    with pytest.raises(slots.SlotError) as error:
        slots.delete_slot(event, slot.pk)
    assert str(error.value) == (
        "The slot 10 Nov 2020 09:00 keeps the record of 2 cancelled meetings and cannot be deleted."
    )
    make_meeting(event=event, people=[PersonFactory(), PersonFactory()], slot=slot)
    make_meeting(event=event, people=[PersonFactory(), PersonFactory()], slot=slot)
    with pytest.raises(slots.SlotError) as error:
        slots.delete_slot(event, slot.pk)
    assert str(error.value) == (
        "The slot 10 Nov 2020 09:00 holds 2 scheduled meetings: cancel or move them first."
    )


def test_delete_slot_of_another_event_is_refused(event):
    (slot,) = slots.create_slots(event, window(event, end="09:30"))
    with pytest.raises(slots.SlotError) as error:
        slots.delete_slot(EventFactory(), slot.pk)
    assert error.value.code == "not_found"
    assert Slot.objects.filter(pk=slot.pk).exists()


def test_add_tables_numbers_on_and_skips_taken_labels():
    event = EventFactory(format=Event.Format.ONSITE)
    MeetingTableFactory(event=event, label="Table 2", position=5)
    added = slots.add_tables(event, 3)
    assert [(t.label, t.position) for t in added] == [
        ("Table 1", 6),
        ("Table 3", 7),
        ("Table 4", 8),
    ]
    one = slots.add_table(event, "  Stand   12 ")
    assert (one.label, one.position) == ("Stand 12", 9)
    with pytest.raises(slots.SlotError) as error:
        slots.add_table(event, "table 1")
    assert str(error.value) == "There is already a table “table 1”."
    with pytest.raises(slots.SlotError):
        slots.add_tables(event, 0)
    assert MeetingTable.objects.filter(event=event).count() == 5


def test_delete_table_refuses_scheduled_meetings_and_unplaces_drafts(event):
    (slot,) = slots.create_slots(event, window(event, end="09:30"))
    used, drafted, free = slots.add_tables(event, 3)
    a, b, c, d = (PersonFactory() for _ in range(4))
    make_meeting(event=event, people=[a, b], slot=slot, table=used)
    draft = make_meeting(
        event=event, people=[c, d], slot=slot, table=drafted, status=Meeting.Status.DRAFT
    )
    with pytest.raises(slots.SlotError) as error:
        slots.delete_table(event, used.pk)
    assert str(error.value) == (
        "Table 1 is used by 1 scheduled or cancelled meeting and cannot be deleted."
    )
    assert slots.delete_table(event, drafted.pk) == 1
    assert slots.delete_table(event, free.pk) == 0
    draft.refresh_from_db()
    assert (draft.slot_id, draft.table_id) == (None, None)
    assert list(MeetingTable.objects.filter(event=event).values_list("pk", flat=True)) == [used.pk]
