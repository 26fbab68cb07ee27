"""What the frab export tests share: the c3voc schema checks and a small ECC 2020 programme."""

import datetime as dt
import json
import re
import uuid
import zoneinfo
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

from jsonschema import Draft6Validator, FormatChecker
from lxml import etree

from clustermeet.events.models import Challenge, Ecosystem
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
