"""The frab schedule export as XML: valid against the c3voc schema, with exact content."""

from clustermeet.programme import frab
from tests.programme.frab_support import (
    BASE_URL,
    assert_valid_xml,
    person_entry,
    public_sessions,
)


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
