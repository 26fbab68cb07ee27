"""iCalendar builder: parsed back with icalendar, exact events, times in the event's zone."""

import datetime as dt

from icalendar import Calendar

from clustermeet.programme.ical import calendar_for
from tests.factories import EventFactory, SessionFactory
from tests.programme.frab_support import BASE_URL, at, public_sessions

STAMP = dt.datetime(2020, 11, 1, 8, 30, tzinfo=dt.UTC)


def parse(body: bytes) -> Calendar:
    return Calendar.from_ical(body)


def programme_calendar(ecc) -> Calendar:
    body = calendar_for(
        public_sessions(ecc.event),
        name="European Cluster Conference 2020",
        tz=ecc.event.tz,
        base_url=BASE_URL,
        stamp=STAMP,
    )
    return parse(body)


def test_calendar_header(ecc):
    calendar = programme_calendar(ecc)

    assert (
        str(calendar["prodid"]),
        str(calendar["version"]),
        str(calendar["x-wr-calname"]),
        str(calendar["x-wr-timezone"]),
    ) == ("-//ClusterMeet//EN", "2.0", "European Cluster Conference 2020", "Europe/Brussels")
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert calendar.get_missing_tzids() == set()


def test_one_event_per_session_with_uid_and_times(ecc):
    calendar = programme_calendar(ecc)

    events = calendar.walk("VEVENT")
    assert [
        (str(e["uid"]), str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in events
    ] == [
        (f"{s.guid}@clustermeet", s.title, s.starts_at, s.ends_at)
        for s in [ecc.opening, ecc.panel, ecc.workshop, ecc.keynote, ecc.networking]
    ]
    assert [(e["dtstart"].params["TZID"], e["dtend"].params["TZID"]) for e in events] == [
        ("Europe/Brussels", "Europe/Brussels")
    ] * 5
    assert events[1].decoded("dtstart") == at(10, 10)
    assert events[1].decoded("dtstart").utcoffset() == dt.timedelta(hours=1)
    assert {e.decoded("dtstamp") for e in events} == {STAMP}


def test_event_details(ecc):
    panel = programme_calendar(ecc).walk("VEVENT")[1]

    assert str(panel["description"]) == (
        "How clusters help SMEs through the twin transition.\n\n"
        "Moderator: Maria Rossi, European Commission\n"
        "Panellist: Jan de Vries\n"
        "Panellist: Pierre Martin, Silicon Saxony\n\n"
        "Recording: https://video.example.org/ecc-2020/panel"
    )
    assert str(panel["location"]) == "Main stage"
    assert str(panel["url"]) == (
        "https://meet.example.org/events/ecc-2020/sessions/green-digital-recovery/"
    )
    assert panel["categories"].cats == ["Panel"]


def test_the_wire_format_carries_the_tzid(ecc):
    body = calendar_for(
        [ecc.keynote], name="Keynote", tz="Europe/Brussels", base_url=BASE_URL, stamp=STAMP
    )

    lines = body.decode().splitlines()
    assert "DTSTART;TZID=Europe/Brussels:20201111T090000" in lines
    assert "DTEND;TZID=Europe/Brussels:20201111T094500" in lines
    assert "DTSTAMP:20201101T083000Z" in lines
    assert lines.index("BEGIN:VTIMEZONE") < lines.index("BEGIN:VEVENT")
    assert (lines[0], lines[-1]) == ("BEGIN:VCALENDAR", "END:VCALENDAR")


def test_session_without_room_or_text_has_no_location_or_description(ecc):
    (networking,) = parse(
        calendar_for([ecc.networking], name="Networking", tz=ecc.event.tz, base_url=BASE_URL)
    ).walk("VEVENT")

    assert ("location" in networking, "description" in networking) == (False, False)
    assert networking.decoded("dtstamp").utcoffset() == dt.timedelta(0)


def test_times_are_shown_in_the_given_zone(db):
    event = EventFactory(slug="prague-2022", timezone="Europe/Prague")
    session = SessionFactory(
        event=event,
        starts_at=dt.datetime(2022, 9, 26, 7, 0, tzinfo=dt.UTC),
        ends_at=dt.datetime(2022, 9, 26, 8, 30, tzinfo=dt.UTC),
    )

    body = calendar_for([session], name="ECC 2022", tz=event.tz, base_url=BASE_URL, stamp=STAMP)

    assert "DTSTART;TZID=Europe/Prague:20220926T090000" in body.decode().splitlines()
    (vevent,) = parse(body).walk("VEVENT")
    assert vevent.decoded("dtstart").utcoffset() == dt.timedelta(hours=2)


def test_empty_calendar(db):
    calendar = parse(calendar_for([], name="Nothing yet", tz="Europe/Brussels", base_url=BASE_URL))

    assert (calendar.walk("VEVENT"), calendar.walk("VTIMEZONE")) == ([], [])
    assert str(calendar["x-wr-calname"]) == "Nothing yet"
