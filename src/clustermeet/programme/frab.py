"""The frab schedule export, as the c3voc tools, Giggity and EventFahrplan read it
(`../shared/conformance/voc-schedule.schema.json` and `voc-schedule.xml.xsd`).

`schedule_dict` builds the schedule once; the JSON view dumps it and `schedule_xml` writes the same
content as XML. Both are pure: they read only the sessions given, with what `with_details` fetched.

Choices the format leaves open:
- `track` is the session type's name ("Panel", "World café"): every session has exactly one, while
  ecosystems and challenges are many-to-many tags that frab's single track cannot hold.
- `type` is the session type's code ("panel", "world_cafe").
- Sessions without a room are listed under a room named "Online". Rooms are those the given
  sessions use, in stage order; two rooms with the same name get their slug added to it.
- A day runs from midnight to midnight in the event's time zone; a session belongs to the day it
  starts on. Days are the event's dates, plus any date a session starts on outside them.
- Persons have the pretalx shape (`name`, `guid`, `url`): the guid is derived from the person's
  slug and the host, never from the e-mail address, which would let anyone confirm a guess.
- `version` is a short hash of the content, so it changes whenever the programme changes.
- The texts the export itself supplies (track names, "Online", "Recording") are in English, the
  source language, whatever the visitor's language: the schedule is one document that apps and
  caches fetch without choosing a language, and its version must not change with the visitor.
"""

import hashlib
import json
import math
import re
import uuid
import xml.etree.ElementTree as ET
from datetime import date, datetime, time, timedelta
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import translation

import clustermeet
from clustermeet.events.models import Event
from clustermeet.programme.models import Room, Session

SCHEMA_URL = "https://c3voc.de/schedule/schema.json"
NO_ROOM = "Online"
ROOM_TYPES = {
    Room.Kind.STUDIO: "stage",
    Room.Kind.BREAKOUT: "online",
    Room.Kind.PHYSICAL: "lecturehall",
}
# The JSON schema's own pattern; zones such as "Etc/GMT+1" or "US/Eastern" fail it and are omitted.
TIME_ZONE_NAME = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")
XML_EVENT_FIELDS = (
    "room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug", "track",
    "language", "description", "url",
)  # fmt: skip
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def acronym(event: Event) -> str:
    """The event slug as the schemas accept it: `[a-z0-9_]`, at least four characters."""
    value = re.sub(r"[^a-z0-9_]", "_", event.slug.lower())
    return value.ljust(4, "_")


def _slug(value: str) -> str:
    """`[a-z0-9_-]`, ending with a letter or digit (the JSON schema's slug pattern)."""
    return re.sub(r"[^a-z0-9_-]", "-", value.lower()).rstrip("-_")


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(delta: timedelta) -> int:
    return int(delta.total_seconds() // 60)


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _absolute(base_url: str, name: str, **kwargs) -> str:
    return base_url.rstrip("/") + reverse(name, kwargs=kwargs)


def _rooms(event: Event, sessions: list[Session], event_url: str) -> dict[int | None, dict]:
    """Room entries by room id (None: no room), in stage order, with names unique in the export."""
    rooms = sorted(
        {s.room.pk: s.room for s in sessions if s.room is not None}.values(),
        key=lambda room: (room.position, room.name, room.pk),
    )
    taken = [room.name for room in rooms]
    entries: dict[int | None, dict] = {}
    for room in rooms:
        name = room.name if taken.count(room.name) == 1 else f"{room.name} ({room.slug})"
        entry = {"name": name, "guid": str(room.guid), "type": ROOM_TYPES[room.kind]}
        if _slug(room.slug):
            entry["slug"] = _slug(room.slug)
        if room.capacity is not None:
            entry["capacity"] = room.capacity
        if room.stream_url:
            entry["url"] = room.stream_url
        entries[room.pk] = entry
    if any(s.room is None for s in sessions):
        # A real room already called "Online" takes the sessions without a room.
        online = next((entry for entry in entries.values() if entry["name"] == NO_ROOM), None)
        entries[None] = online or {
            "name": NO_ROOM,
            "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{event_url}#{NO_ROOM.lower()}")),
            "type": "online",
        }
    return entries


def _person(person, event: Event, base_url: str) -> dict:
    host = urlsplit(base_url).hostname or "localhost"
    return {
        "name": person.full_name,
        "guid": str(uuid.uuid5(uuid.NAMESPACE_URL, f"acct:{person.slug}@{host}")),
        "url": _absolute(
            base_url, "programme:speaker", event_slug=event.slug, person_slug=person.slug
        ),
    }


def _event(session: Session, event: Event, room: str, base_url: str, slugs: set[str]) -> dict:
    starts, ends = session.starts_at.astimezone(event.tz), session.ends_at.astimezone(event.tz)
    slug = f"{acronym(event)}-{_slug(session.slug)}"
    if len(slug) < len(acronym(event)) + 5 or slug in slugs:
        slug = f"{slug}-{session.code.lower()}"
    slugs.add(slug)
    persons, seen = [], set()
    for speaker_role in session.speaker_roles.all():
        if speaker_role.person_id not in seen:
            seen.add(speaker_role.person_id)
            persons.append(_person(speaker_role.person, event, base_url))
    attachments = [
        {"type": a.kind, "url": a.url, "title": a.title} for a in session.attachments.all()
    ]
    recording = (
        [{"type": "media", "url": session.recording_url, "title": "Recording"}]
        if session.recording_url
        else []
    )
    return {
        "guid": str(session.guid),
        "id": session.pk,
        "code": session.code,
        "date": _iso(starts),
        "start": starts.strftime("%H:%M"),
        "end": _iso(ends),
        "duration": _hhmm(_minutes(session.duration)),
        "room": room,
        "slug": slug,
        "url": _absolute(
            base_url, "programme:session", event_slug=event.slug, session_slug=session.slug
        ),
        "title": session.title,
        "subtitle": session.subtitle,
        "track": session.get_type_display(),
        "type": session.type,
        "language": session.language,
        "abstract": session.abstract,
        "description": session.description,
        "persons": persons,
        "links": recording + attachments,
        "attachments": attachments,
    }


def _timeslot(sessions: list[Session], event: Event) -> str:
    """The coarsest grid (a divisor of an hour) every start and duration falls on."""
    values = []
    for session in sessions:
        starts = session.starts_at.astimezone(event.tz)
        values += [starts.hour * 60 + starts.minute, _minutes(session.duration)]
    return _hhmm(math.gcd(60, *values))


def schedule_dict(event: Event, sessions, base_url: str) -> dict:
    """The frab schedule JSON of these sessions (the caller decides which ones may be seen)."""
    with translation.override("en"):
        return _schedule_dict(event, sessions, base_url)


def _schedule_dict(event: Event, sessions, base_url: str) -> dict:
    sessions = sorted(sessions, key=lambda s: (s.starts_at, s.pk))
    event_url = _absolute(base_url, "events:detail", event_slug=event.slug)
    rooms = _rooms(event, sessions, event_url)
    room_names = list(dict.fromkeys(entry["name"] for entry in rooms.values()))

    def local_date(session: Session) -> date:
        return session.starts_at.astimezone(event.tz).date()

    event_dates = {event.start_date + timedelta(days=n) for n in range(event.days)}
    dates = sorted(event_dates | {local_date(s) for s in sessions})
    days, slugs = [], set()
    for index, day in enumerate(dates, start=1):
        by_room: dict[str, list] = {name: [] for name in room_names}
        for session in sessions:
            if local_date(session) == day:
                room = rooms[session.room_id]["name"]
                by_room[room].append(_event(session, event, room, base_url, slugs))
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": _iso(datetime.combine(day, time(), tzinfo=event.tz)),
                "day_end": _iso(datetime.combine(day + timedelta(days=1), time(), tzinfo=event.tz)),
                "rooms": by_room,
            }
        )

    types = {s.type for s in sessions}
    conference = {
        "acronym": acronym(event),
        "title": event.name,
        "start": dates[0].isoformat(),
        "end": dates[-1].isoformat(),
        "daysCount": len(dates),
        "timeslot_duration": _timeslot(sessions, event),
        "url": event_url,
        "rooms": list({entry["guid"]: entry for entry in rooms.values()}.values()),
        "tracks": [
            {"name": str(label), "slug": value.replace("_", "-")}
            for value, label in Session.Type.choices
            if value in types
        ],
        "days": days,
    }
    if event.description:
        conference["description"] = event.description
    if TIME_ZONE_NAME.match(event.timezone):
        conference["time_zone_name"] = event.timezone
    content = json.dumps(conference, sort_keys=True).encode()
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "ClusterMeet", "version": clustermeet.__version__},
        "schedule": {
            "version": hashlib.sha256(content).hexdigest()[:12],
            "base_url": base_url,
            "conference": conference,
        },
    }


def _text(value) -> str:
    return XML_INVALID.sub("", str(value))


def _add(parent: ET.Element, tag: str, text=None, /, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, {k: _text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = _text(text)
    return element


def _xml_event(parent: ET.Element, data: dict) -> None:
    element = _add(parent, "event", guid=data["guid"], id=data["id"], code=data["code"])
    for tag in XML_EVENT_FIELDS:
        _add(element, tag, data[tag])
    persons = _add(element, "persons")
    for person in data["persons"]:
        _add(persons, "person", person["name"], guid=person["guid"])
    for group, tag in (("links", "link"), ("attachments", "attachment")):
        references = _add(element, group)
        for reference in data[group]:
            _add(references, tag, reference["title"], href=reference["url"], type=reference["type"])


def schedule_xml(event: Event, sessions, base_url: str) -> bytes:
    """The same schedule as frab XML."""
    data = schedule_dict(event, sessions, base_url)
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ET.Element("schedule")
    _add(root, "generator", **data["generator"])
    _add(root, "url", _absolute(base_url, "programme:schedule_xml", event_slug=event.slug))
    _add(root, "version", schedule["version"])
    element = _add(root, "conference")
    _add(element, "acronym", conference["acronym"])
    _add(element, "title", conference["title"])
    _add(element, "start", conference["start"])
    _add(element, "end", conference["end"])
    _add(element, "days", conference["daysCount"])
    _add(element, "timeslot_duration", conference["timeslot_duration"])
    _add(element, "base_url", schedule["base_url"])
    _add(element, "url", conference["url"])
    if "time_zone_name" in conference:
        _add(element, "time_zone_name", conference["time_zone_name"])
    for track in conference["tracks"]:
        _add(element, "track", **track)
    guids = {entry["name"]: entry["guid"] for entry in conference["rooms"]}
    for day in conference["days"]:
        day_element = _add(
            root,
            "day",
            index=day["index"],
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for name, events in day["rooms"].items():
            room = _add(day_element, "room", name=name, guid=guids[name])
            for event_data in events:
                _xml_event(room, event_data)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
