"""The frab schedule export at its edges: organisers' views, acronyms, empty programmes, awkward
names, summer time, the schemas' limits."""

import datetime as dt
import json

import pytest
from jsonschema import Draft6Validator

from clustermeet.programme import frab
from clustermeet.programme.models import Room, Session
from clustermeet.programme.queries import with_details
from tests.factories import (
    EventFactory,
    RoomFactory,
    SessionFactory,
)
from tests.programme.frab_support import (
    BASE_URL,
    BRUSSELS,
    CONFORMANCE,
    FORMATS,
    assert_valid_json,
    assert_valid_xml,
    at,
    public_sessions,
)


def test_all_sessions_of_an_organiser_validate(ecc):
    sessions = with_details(ecc.event.sessions.all())

    document = frab.schedule_dict(ecc.event, sessions, BASE_URL)
    root = assert_valid_xml(frab.schedule_xml(ecc.event, sessions, BASE_URL))

    assert_valid_json(document)
    assert len(root.findall("day/room/event")) == 7
    assert sorted(e.findtext("type") for e in root.iterfind("day/room/event")) == [
        "awards",
        "keynote",
        "networking",
        "other",
        "panel",
        "welcome",
        "workshop",
    ]


@pytest.mark.parametrize(
    ("slug", "expected"),
    [("ecc-2020", "ecc_2020"), ("ECC-2022-Prague", "ecc_2022_prague"), ("ecc", "ecc_")],
)
def test_acronym_fits_both_schemas(db, slug, expected):
    event = EventFactory(slug=slug)

    assert frab.acronym(event) == expected
    assert_valid_json(frab.schedule_dict(event, [], BASE_URL))
    assert_valid_xml(frab.schedule_xml(event, [], BASE_URL))


def test_empty_programme_still_has_its_days(db):
    event = EventFactory(slug="ecc-2020")

    document = frab.schedule_dict(event, [], BASE_URL)

    assert_valid_json(document)
    conference = document["schedule"]["conference"]
    assert (conference["rooms"], conference["tracks"], conference["timeslot_duration"]) == (
        [],
        [],
        "01:00",
    )
    assert [(d["date"], d["rooms"]) for d in conference["days"]] == [
        ("2020-11-10", {}),
        ("2020-11-11", {}),
    ]


def test_awkward_slugs_and_names_stay_valid_and_unique(db):
    event = EventFactory(slug="ecc-2020")
    first = RoomFactory(event=event, name="Online", slug="online-a", position=0)
    second = RoomFactory(event=event, name="Online", slug="online-b", position=1)
    sessions = [
        SessionFactory(event=event, room=first, slug="qa", starts_at=at(10, 9), ends_at=at(10, 10)),
        SessionFactory(
            event=event, room=second, slug="Panel-", starts_at=at(10, 11), ends_at=at(10, 12)
        ),
        SessionFactory(
            event=event, room=None, slug="panel", starts_at=at(10, 13), ends_at=at(10, 14)
        ),
        SessionFactory(
            event=event,
            room=None,
            slug="control",
            title="Bell\x07 and tab\tstay readable",
            starts_at=at(10, 15),
            ends_at=at(10, 16),
        ),
    ]
    sessions = with_details(Session.objects.filter(pk__in=[s.pk for s in sessions]))

    document = frab.schedule_dict(event, sessions, BASE_URL)
    root = assert_valid_xml(frab.schedule_xml(event, sessions, BASE_URL))

    assert_valid_json(document)
    rooms = document["schedule"]["conference"]["days"][0]["rooms"]
    assert {name: [e["slug"] for e in events] for name, events in rooms.items()} == {
        "Online (online-a)": [f"ecc_2020-qa-{sessions.get(slug='qa').code.lower()}"],
        "Online (online-b)": ["ecc_2020-panel"],
        "Online": [
            f"ecc_2020-panel-{sessions.get(slug='panel').code.lower()}",
            "ecc_2020-control",
        ],
    }
    assert root.xpath("string(day/room/event[slug='ecc_2020-control']/title)") == (
        "Bell and tab\tstay readable"
    )


def test_summer_time_and_days_outside_the_event_dates(db):
    event = EventFactory(
        slug="autumn-talks",
        start_date=dt.date(2020, 10, 24),
        end_date=dt.date(2020, 10, 25),
    )
    late = SessionFactory(
        event=event,
        starts_at=dt.datetime(2020, 10, 24, 18, 5, tzinfo=BRUSSELS),
        ends_at=dt.datetime(2020, 10, 24, 19, 0, tzinfo=BRUSSELS),
    )
    SessionFactory(
        event=event,
        room=late.room,
        starts_at=dt.datetime(2020, 10, 27, 9, 0, tzinfo=BRUSSELS),
        ends_at=dt.datetime(2020, 10, 27, 10, 0, tzinfo=BRUSSELS),
    )
    sessions = with_details(event.sessions.all())

    document = frab.schedule_dict(event, sessions, BASE_URL)
    assert_valid_xml(frab.schedule_xml(event, sessions, BASE_URL))

    assert_valid_json(document)
    conference = document["schedule"]["conference"]
    assert (conference["end"], conference["daysCount"], conference["timeslot_duration"]) == (
        "2020-10-27",
        3,
        "00:05",
    )
    assert [(d["date"], d["day_start"], d["day_end"]) for d in conference["days"]] == [
        ("2020-10-24", "2020-10-24T00:00:00+02:00", "2020-10-25T00:00:00+02:00"),
        ("2020-10-25", "2020-10-25T00:00:00+02:00", "2020-10-26T00:00:00+01:00"),
        ("2020-10-27", "2020-10-27T00:00:00+01:00", "2020-10-28T00:00:00+01:00"),
    ]
    (first,) = conference["days"][0]["rooms"][late.room.name]
    assert (first["date"], first["start"], first["duration"]) == (
        "2020-10-24T18:05:00+02:00",
        "18:05",
        "00:55",
    )


def test_the_checks_reject_what_the_schemas_forbid(ecc):
    """The validators above are not vacuous: the traps the schemas set are caught."""
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)
    conference = document["schedule"]["conference"]
    conference["acronym"] = "ecc-2020"
    panel = conference["days"][0]["rooms"]["Main stage"][1]
    panel["persons"][0].update(id=7, public_name="Maria Rossi")
    panel["date"] = "2020-11-10T10:00:00"
    panel["url"] = "/events/ecc-2020/sessions/green-digital-recovery/"
    document["schedule"]["rooms"] = []
    schema = json.loads((CONFORMANCE / "voc-schedule.schema.json").read_text())

    errors = Draft6Validator(schema, format_checker=FORMATS).iter_errors(document)

    assert sorted("/".join(map(str, e.absolute_path)) for e in errors) == [
        "schedule",  # "rooms": false, reported on the schedule
        "schedule/conference/acronym",
        "schedule/conference/days/0/rooms/Main stage/1/date",
        "schedule/conference/days/0/rooms/Main stage/1/persons/0",
        "schedule/conference/days/0/rooms/Main stage/1/url",
    ]


def test_a_room_called_online_takes_the_sessions_without_a_room(db):
    event = EventFactory(slug="ecc-2020")
    online = RoomFactory(event=event, name="Online", slug="online", kind=Room.Kind.BREAKOUT)
    in_room = SessionFactory(event=event, room=online, starts_at=at(10, 9), ends_at=at(10, 10))
    no_room = SessionFactory(event=event, room=None, starts_at=at(10, 11), ends_at=at(10, 12))
    sessions = with_details(event.sessions.all())

    document = frab.schedule_dict(event, sessions, BASE_URL)
    root = assert_valid_xml(frab.schedule_xml(event, sessions, BASE_URL))

    assert_valid_json(document)
    conference = document["schedule"]["conference"]
    assert [(room["name"], room["guid"]) for room in conference["rooms"]] == [
        ("Online", str(online.guid))
    ]
    assert [[e["guid"] for e in day["rooms"]["Online"]] for day in conference["days"]] == [
        [str(in_room.guid), str(no_room.guid)],
        [],
    ]
    assert [room.get("guid") for room in root.iterfind("day/room")] == [str(online.guid)] * 2
