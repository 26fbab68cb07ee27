"""The frab schedule export as JSON: valid against the c3voc schema, with exact content."""

import re
import uuid

from clustermeet.programme import frab
from clustermeet.programme.models import Session, SessionSpeaker
from tests.factories import (
    SessionSpeakerFactory,
)
from tests.programme.frab_support import (
    BASE_URL,
    assert_valid_json,
    person_entry,
    public_sessions,
)


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
