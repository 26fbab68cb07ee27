"""The frab schedule export: JSON and XML valid against the c3voc schemas, with exact content."""

import datetime as dt
import json
import re
import uuid
import zoneinfo
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft6Validator, FormatChecker
from lxml import etree

from clustermeet.events.models import Challenge, Ecosystem
from clustermeet.programme import frab
from clustermeet.programme.models import Attachment, Room, Session, SessionSpeaker
from clustermeet.programme.queries import visible_sessions, with_details
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

CONFORMANCE = Path(__file__).resolve().parents[3] / "shared" / "conformance"
BASE_URL = "https://meet.example.org/"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")

# jsonschema checks "date-time" and "uri" only with optional extras; check them here instead.
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value) -> bool:
    if isinstance(value, str) and not RFC3339.fullmatch(value):
        raise ValueError(value)
    return True


@FORMATS.checks("uri", raises=ValueError)
def _uri(value) -> bool:
    if isinstance(value, str) and not (urlsplit(value).scheme and urlsplit(value).netloc):
        raise ValueError(value)
    return True


def assert_valid_json(document: dict) -> None:
    schema = json.loads((CONFORMANCE / "voc-schedule.schema.json").read_text())
    validator = Draft6Validator(schema, format_checker=FORMATS)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert errors == []


def assert_valid_xml(body: bytes) -> etree._Element:
    schema = etree.XMLSchema(etree.parse(str(CONFORMANCE / "voc-schedule.xml.xsd")))
    root = etree.fromstring(body)
    schema.assertValid(root)
    return root


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2020, 11, day, hour, minute, tzinfo=BRUSSELS)


def build_ecc_2020() -> SimpleNamespace:
    """Two days, two rooms and online, speakers with roles, tags, a recording, attachments, a
    hidden session and a participants-only one."""
    event = EventFactory(
        slug="ecc-2020",
        name="European Cluster Conference 2020",
        description="Clusters for a resilient, green and digital Europe.",
    )
    stage = RoomFactory(
        event=event,
        name="Main stage",
        slug="main-stage",
        kind=Room.Kind.STUDIO,
        position=0,
        stream_url="https://stream.example.org/main",
    )
    breakout = RoomFactory(
        event=event, name="Breakout 1", slug="breakout-1", kind=Room.Kind.BREAKOUT, position=1
    )
    commission = OrganisationFactory(name="European Commission", country="BE")
    cluster = OrganisationFactory(name="Silicon Saxony", country="DE")
    anna = PersonFactory(first_name="Anna", last_name="Novak", slug="anna-novak")
    maria = PersonFactory(
        first_name="Maria", last_name="Rossi", slug="maria-rossi", organisation=commission
    )
    jan = PersonFactory(first_name="Jan", last_name="de Vries", slug="jan-de-vries")
    pierre = PersonFactory(
        first_name="Pierre", last_name="Martin", slug="pierre-martin", organisation=cluster
    )

    def session(slug, title, type, starts, ends, room, **fields):
        return SessionFactory(
            event=event, slug=slug, title=title, type=type, starts_at=starts, ends_at=ends,
            room=room, **fields,
        )  # fmt: skip

    opening = session(
        "welcome", "Welcome and opening", Session.Type.WELCOME, at(10, 9), at(10, 9, 30), stage
    )
    SessionSpeakerFactory(session=opening, person=anna, role=SessionSpeaker.Role.HOST)
    panel = session(
        "green-digital-recovery",
        "Clusters for a green and digital recovery",
        Session.Type.PANEL,
        at(10, 10),
        at(10, 11, 30),
        stage,
        subtitle="High-level panel",
        abstract="How clusters help SMEs through the twin transition.",
        description="Four voices from policy and practice.",
        recording_url="https://video.example.org/ecc-2020/panel",
    )
    SessionSpeakerFactory(
        session=panel, person=maria, role=SessionSpeaker.Role.MODERATOR, position=0
    )
    SessionSpeakerFactory(session=panel, person=jan, role=SessionSpeaker.Role.PANELLIST, position=1)
    SessionSpeakerFactory(
        session=panel, person=pierre, role=SessionSpeaker.Role.PANELLIST, position=2
    )
    panel.ecosystems.set(Ecosystem.objects.filter(slug__in=["digital", "energy-renewables"]))
    panel.challenges.set(Challenge.objects.filter(slug__in=["green", "digital"]))
    Attachment.objects.create(
        session=panel,
        title="Panel slides",
        url="https://files.example.org/panel.pdf",
        kind=Attachment.Kind.SLIDES,
        position=0,
    )
    Attachment.objects.create(
        session=panel,
        title="Expert group recommendations",
        url="https://files.example.org/recommendations.pdf",
        kind=Attachment.Kind.PAPER,
        position=1,
    )
    workshop = session(
        "digital-workshop",
        "Digital ecosystem workshop",
        Session.Type.WORKSHOP,
        at(10, 14),
        at(10, 15, 30),
        breakout,
    )
    workshop.ecosystems.set(Ecosystem.objects.filter(slug="digital"))
    keynote = session(
        "resilient-value-chains",
        "Resilient value chains",
        Session.Type.KEYNOTE,
        at(11, 9),
        at(11, 9, 45),
        stage,
    )
    SessionSpeakerFactory(session=keynote, person=jan, role=SessionSpeaker.Role.KEYNOTE)
    networking = session(
        "online-networking",
        "Online networking",
        Session.Type.NETWORKING,
        at(11, 12),
        at(11, 13),
        None,
    )
    hidden = session(
        "closing-draft",
        "Closing ceremony (draft)",
        Session.Type.AWARDS,
        at(11, 16),
        at(11, 16, 30),
        stage,
        visibility=Session.Visibility.HIDDEN,
    )
    members_only = session(
        "matchmaking-briefing",
        "Matchmaking briefing",
        Session.Type.OTHER,
        at(11, 10),
        at(11, 10, 30),
        breakout,
        visibility=Session.Visibility.PARTICIPANTS,
    )
    return SimpleNamespace(
        event=event,
        stage=stage,
        breakout=breakout,
        people=SimpleNamespace(anna=anna, maria=maria, jan=jan, pierre=pierre),
        opening=opening,
        panel=panel,
        workshop=workshop,
        keynote=keynote,
        networking=networking,
        hidden=hidden,
        members_only=members_only,
        public=[opening, panel, workshop, keynote, networking],
    )


def public_sessions(event):
    return with_details(visible_sessions(None, event)).order_by("starts_at")


def person_entry(person) -> dict:
    return {
        "name": person.full_name,
        "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"acct:{person.slug}@meet.example.org")),
        "url": f"https://meet.example.org/events/ecc-2020/speakers/{person.slug}/",
    }


@pytest.fixture
def ecc(db):
    return build_ecc_2020()


def test_json_validates_against_the_schema(ecc):
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    assert_valid_json(document)


def test_json_conference_header(ecc):
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    assert document["$schema"] == "https://c3voc.de/schedule/schema.json"
    assert document["generator"] == {"name": "ClusterMeet", "version": "0.1.0"}
    schedule = document["schedule"]
    assert sorted(schedule) == ["base_url", "conference", "version"]
    assert schedule["base_url"] == BASE_URL
    assert re.fullmatch(r"[0-9a-f]{12}", schedule["version"])
    conference = {k: v for k, v in schedule["conference"].items() if k != "days"}
    assert conference == {
        "acronym": "ecc_2020",
        "title": "European Cluster Conference 2020",
        "description": "Clusters for a resilient, green and digital Europe.",
        "start": "2020-11-10",
        "end": "2020-11-11",
        "daysCount": 2,
        "timeslot_duration": "00:15",
        "time_zone_name": "Europe/Brussels",
        "url": "https://meet.example.org/events/ecc-2020/",
        "rooms": [
            {
                "name": "Main stage",
                "guid": str(ecc.stage.guid),
                "type": "stage",
                "slug": "main-stage",
                "url": "https://stream.example.org/main",
            },
            {
                "name": "Breakout 1",
                "guid": str(ecc.breakout.guid),
                "type": "online",
                "slug": "breakout-1",
            },
            {
                "name": "Online",
                "guid": str(
                    uuid.uuid5(
                        uuid.NAMESPACE_URL, "https://meet.example.org/events/ecc-2020/#online"
                    )
                ),
                "type": "online",
            },
        ],
        "tracks": [
            {"name": "Welcome", "slug": "welcome"},
            {"name": "Keynote", "slug": "keynote"},
            {"name": "Panel", "slug": "panel"},
            {"name": "Workshop", "slug": "workshop"},
            {"name": "Networking", "slug": "networking"},
        ],
    }


def test_json_days_hold_the_public_sessions_by_room(ecc):
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    days = document["schedule"]["conference"]["days"]
    summary = [
        (
            day["index"],
            day["date"],
            day["day_start"],
            day["day_end"],
            {room: [e["title"] for e in events] for room, events in day["rooms"].items()},
        )
        for day in days
    ]
    assert summary == [
        (
            1,
            "2020-11-10",
            "2020-11-10T00:00:00+01:00",
            "2020-11-11T00:00:00+01:00",
            {
                "Main stage": ["Welcome and opening", "Clusters for a green and digital recovery"],
                "Breakout 1": ["Digital ecosystem workshop"],
                "Online": [],
            },
        ),
        (
            2,
            "2020-11-11",
            "2020-11-11T00:00:00+01:00",
            "2020-11-12T00:00:00+01:00",
            {
                "Main stage": ["Resilient value chains"],
                "Breakout 1": [],
                "Online": ["Online networking"],
            },
        ),
    ]


def test_json_event_has_every_field(ecc):
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    panel = document["schedule"]["conference"]["days"][0]["rooms"]["Main stage"][1]
    attachments = [
        {"type": "slides", "url": "https://files.example.org/panel.pdf", "title": "Panel slides"},
        {
            "type": "paper",
            "url": "https://files.example.org/recommendations.pdf",
            "title": "Expert group recommendations",
        },
    ]
    assert panel == {
        "guid": str(ecc.panel.guid),
        "id": ecc.panel.pk,
        "code": ecc.panel.code,
        "date": "2020-11-10T10:00:00+01:00",
        "start": "10:00",
        "end": "2020-11-10T11:30:00+01:00",
        "duration": "01:30",
        "room": "Main stage",
        "slug": "ecc_2020-green-digital-recovery",
        "url": "https://meet.example.org/events/ecc-2020/sessions/green-digital-recovery/",
        "title": "Clusters for a green and digital recovery",
        "subtitle": "High-level panel",
        "track": "Panel",
        "type": "panel",
        "language": "en",
        "abstract": "How clusters help SMEs through the twin transition.",
        "description": "Four voices from policy and practice.",
        "persons": [
            person_entry(ecc.people.maria),
            person_entry(ecc.people.jan),
            person_entry(ecc.people.pierre),
        ],
        "links": [
            {
                "type": "media",
                "url": "https://video.example.org/ecc-2020/panel",
                "title": "Recording",
            },
            *attachments,
        ],
        "attachments": attachments,
    }
    assert re.fullmatch(r"[A-Z0-9]{6}", panel["code"])


def test_json_session_without_room_is_online(ecc):
    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    (networking,) = document["schedule"]["conference"]["days"][1]["rooms"]["Online"]
    assert (networking["room"], networking["date"], networking["duration"]) == (
        "Online",
        "2020-11-11T12:00:00+01:00",
        "01:00",
    )
    assert (networking["persons"], networking["links"]) == ([], [])


def test_person_appears_once_when_holding_two_roles(ecc):
    SessionSpeakerFactory(
        session=ecc.keynote, person=ecc.people.jan, role=SessionSpeaker.Role.EXPERT, position=1
    )

    document = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    keynote = document["schedule"]["conference"]["days"][1]["rooms"]["Main stage"][0]
    assert keynote["persons"] == [person_entry(ecc.people.jan)]


def test_version_changes_with_the_content_only(ecc):
    before = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)
    again = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)
    Session.objects.filter(pk=ecc.panel.pk).update(title="Clusters for recovery")
    after = frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)

    assert before["schedule"]["version"] == again["schedule"]["version"]
    assert before["schedule"]["version"] != after["schedule"]["version"]


def test_xml_validates_against_the_schema(ecc):
    body = frab.schedule_xml(ecc.event, public_sessions(ecc.event), BASE_URL)

    root = assert_valid_xml(body)
    assert body.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert (
        root.findtext("version")
        == frab.schedule_dict(ecc.event, public_sessions(ecc.event), BASE_URL)["schedule"][
            "version"
        ]
    )


def test_xml_conference_and_days(ecc):
    root = assert_valid_xml(frab.schedule_xml(ecc.event, public_sessions(ecc.event), BASE_URL))

    assert dict(root.find("generator").attrib) == {"name": "ClusterMeet", "version": "0.1.0"}
    assert root.findtext("url") == "https://meet.example.org/events/ecc-2020/schedule.xml"
    conference = root.find("conference")
    assert [(child.tag, child.text) for child in conference if child.tag != "track"] == [
        ("acronym", "ecc_2020"),
        ("title", "European Cluster Conference 2020"),
        ("start", "2020-11-10"),
        ("end", "2020-11-11"),
        ("days", "2"),
        ("timeslot_duration", "00:15"),
        ("base_url", "https://meet.example.org/"),
        ("url", "https://meet.example.org/events/ecc-2020/"),
        ("time_zone_name", "Europe/Brussels"),
    ]
    assert [dict(track.attrib) for track in conference.findall("track")] == [
        {"name": "Welcome", "slug": "welcome"},
        {"name": "Keynote", "slug": "keynote"},
        {"name": "Panel", "slug": "panel"},
        {"name": "Workshop", "slug": "workshop"},
        {"name": "Networking", "slug": "networking"},
    ]
    days = [
        (
            dict(day.attrib),
            [(room.get("name"), [e.findtext("title") for e in room]) for room in day],
        )
        for day in root.findall("day")
    ]
    assert days == [
        (
            {
                "index": "1",
                "date": "2020-11-10",
                "start": "2020-11-10T00:00:00+01:00",
                "end": "2020-11-11T00:00:00+01:00",
            },
            [
                (
                    "Main stage",
                    ["Welcome and opening", "Clusters for a green and digital recovery"],
                ),
                ("Breakout 1", ["Digital ecosystem workshop"]),
                ("Online", []),
            ],
        ),
        (
            {
                "index": "2",
                "date": "2020-11-11",
                "start": "2020-11-11T00:00:00+01:00",
                "end": "2020-11-12T00:00:00+01:00",
            },
            [
                ("Main stage", ["Resilient value chains"]),
                ("Breakout 1", []),
                ("Online", ["Online networking"]),
            ],
        ),
    ]
    assert root.find("day/room").get("guid") == str(ecc.stage.guid)


def test_xml_event_has_every_field(ecc):
    root = assert_valid_xml(frab.schedule_xml(ecc.event, public_sessions(ecc.event), BASE_URL))

    (panel,) = root.xpath("day/room/event[title='Clusters for a green and digital recovery']")
    assert dict(panel.attrib) == {
        "guid": str(ecc.panel.guid),
        "id": str(ecc.panel.pk),
        "code": ecc.panel.code,
    }
    simple = {child.tag: child.text for child in panel if len(child) == 0}
    assert simple == {
        "room": "Main stage",
        "title": "Clusters for a green and digital recovery",
        "subtitle": "High-level panel",
        "type": "panel",
        "date": "2020-11-10T10:00:00+01:00",
        "start": "10:00",
        "duration": "01:30",
        "abstract": "How clusters help SMEs through the twin transition.",
        "slug": "ecc_2020-green-digital-recovery",
        "track": "Panel",
        "language": "en",
        "description": "Four voices from policy and practice.",
        "url": "https://meet.example.org/events/ecc-2020/sessions/green-digital-recovery/",
    }
    assert [(p.text, dict(p.attrib)) for p in panel.find("persons")] == [
        (person["name"], {"guid": person["guid"]})
        for person in map(person_entry, [ecc.people.maria, ecc.people.jan, ecc.people.pierre])
    ]
    assert [(link.text, dict(link.attrib)) for link in panel.find("links")] == [
        ("Recording", {"href": "https://video.example.org/ecc-2020/panel", "type": "media"}),
        ("Panel slides", {"href": "https://files.example.org/panel.pdf", "type": "slides"}),
        (
            "Expert group recommendations",
            {"href": "https://files.example.org/recommendations.pdf", "type": "paper"},
        ),
    ]
    assert [(a.text, a.get("type")) for a in panel.find("attachments")] == [
        ("Panel slides", "slides"),
        ("Expert group recommendations", "paper"),
    ]


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
