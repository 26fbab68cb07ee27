"""The meeting invitation: parsed back with icalendar; the event's time zone, a stable UID,
SEQUENCE, location, people, METHOD."""

import datetime as dt

import pytest
from django.test import override_settings
from icalendar import Calendar

from clustermeet.events.models import Event
from clustermeet.networking.meetings.ical import meeting_calendar
from clustermeet.networking.models import Meeting
from tests.factories import EventFactory, OrganisationFactory
from tests.networking.factories import MeetingTableFactory, SlotFactory, make_meeting, participant

STAMP = dt.datetime(2030, 5, 1, 8, 0, tzinfo=dt.UTC)
START = dt.datetime(2030, 6, 10, 12, 30, tzinfo=dt.UTC)  # 14:30 in Prague (CEST)


@pytest.fixture
def meeting(db):
    event = EventFactory(slug="ecc-2030", name="ECC 2030", timezone="Europe/Prague")
    alice = participant(
        event,
        first_name="Alice",
        last_name="Andersen",
        email="alice@example.org",
        organisation=OrganisationFactory(name="Acme Cluster"),
    )
    bob = participant(event, first_name="Bob", last_name="Berg", email="bob@example.org")
    slot = SlotFactory(event=event, starts_at=START, ends_at=START + dt.timedelta(minutes=20))
    meeting = make_meeting(event=event, people=[alice, bob], slot=slot)
    meeting.sequence = 2
    meeting.save()
    return meeting


def vevent(body: bytes):
    calendar = Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


@override_settings(DEFAULT_FROM_EMAIL="ECC <noreply@ecc.example.org>")
def test_invitation_carries_the_event_time_zone_and_the_meeting(meeting):
    people = [s.person for s in meeting.participants.order_by("person_id")]
    alice, bob = people
    body = meeting_calendar(
        meeting, people, base_url="https://meet.example.org", viewer=alice, stamp=STAMP
    )

    calendar, event = vevent(body)
    assert (str(calendar["method"]), str(calendar["version"])) == ("REQUEST", "2.0")
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Prague"]
    assert calendar.get_missing_tzids() == set()
    assert event["dtstart"].params["TZID"] == "Europe/Prague"
    assert event.decoded("dtstart") == START
    assert event.decoded("dtstart").replace(tzinfo=None) == dt.datetime(2030, 6, 10, 14, 30)
    assert event.decoded("dtend") == START + dt.timedelta(minutes=20)
    assert b"DTSTART;TZID=Europe/Prague:20300610T143000" in body
    assert (str(event["uid"]), event["sequence"], event.decoded("dtstamp")) == (
        f"meeting-{meeting.pk}@meet.example.org",
        2,
        STAMP,
    )
    assert str(event["summary"]) == "Meeting with Bob Berg"
    assert str(event["location"]) == meeting.video_url
    assert str(event["url"]) == f"https://meet.example.org/events/ecc-2030/meetings/{meeting.pk}/"
    assert str(event["status"]) == "CONFIRMED"
    assert str(event["organizer"]) == "mailto:noreply@ecc.example.org"
    assert event["organizer"].params["CN"] == "ECC 2030"
    assert [(str(a), a.params["CN"], a.params["PARTSTAT"]) for a in event["attendee"]] == [
        ("mailto:alice@example.org", "Alice Andersen", "ACCEPTED"),
        ("mailto:bob@example.org", "Bob Berg", "ACCEPTED"),
    ]
    assert str(event["description"]) == (
        "Alice Andersen, Acme Cluster\nBob Berg\n\n"
        f"Video room: {meeting.video_url}\n"
        f"Meeting page: https://meet.example.org/events/ecc-2030/meetings/{meeting.pk}/"
    )
    assert bob.full_name in str(event["summary"])


def test_the_uid_is_stable_and_cancel_keeps_it(meeting):
    people = [s.person for s in meeting.participants.all()]
    _, first = vevent(meeting_calendar(meeting, people, base_url="https://m.example.org"))
    calendar, cancel = vevent(
        meeting_calendar(meeting, people, method="CANCEL", base_url="https://m.example.org")
    )

    assert str(calendar["method"]) == "CANCEL"
    assert str(cancel["uid"]) == str(first["uid"])
    assert str(cancel["status"]) == "CANCELLED"
    assert str(first["summary"]) == "Meeting: Alice Andersen – Bob Berg"


def test_a_table_meeting_is_located_at_its_table(meeting):
    meeting.event.format = Event.Format.HYBRID
    table = MeetingTableFactory(event=meeting.event, label="Table 7 (hall B)")
    meeting.location, meeting.table = Meeting.Location.TABLE, table
    people = [s.person for s in meeting.participants.all()]

    _, event = vevent(meeting_calendar(meeting, people))

    assert str(event["location"]) == "Table 7 (hall B)"
    assert "Table: Table 7 (hall B)" in str(event["description"])


def test_no_calendar_without_a_slot_or_with_an_unknown_method(meeting):
    with pytest.raises(ValueError):
        meeting_calendar(meeting, [], method="REFRESH")
    meeting.slot = None
    with pytest.raises(ValueError):
        meeting_calendar(meeting, [])
