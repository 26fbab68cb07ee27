"""Plain descriptions of the demo's organisations, people, events, rooms and sessions. The data
modules fill them in; the loader turns them into rows."""

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OrgSpec:
    name: str
    type: str  # an OrganisationType value
    country: str
    ecosystems: tuple[str, ...] = ()
    website: str = ""


@dataclass(frozen=True)
class PersonSpec:
    first_name: str
    last_name: str
    job_title: str
    organisation: str  # a key of speakers.ORGANISATIONS, or "" for none
    country: str
    email: str = ""  # defaults to first.last@speakers.example.org


@dataclass(frozen=True)
class RoomSpec:
    slug: str
    name: str
    kind: str  # a Room.Kind value
    stream_url: str = ""
    capacity: int | None = None


@dataclass(frozen=True)
class AttachmentSpec:
    title: str
    url: str
    kind: str  # an Attachment.Kind value


@dataclass(frozen=True)
class SessionSpec:
    slug: str
    title: str
    type: str  # a Session.Type value
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str  # a RoomSpec slug, or "" for none
    abstract: str
    description: str
    speakers: tuple[tuple[str, str], ...] = ()  # (person key, SessionSpeaker.Role value)
    ecosystems: tuple[str, ...] = ()
    challenges: tuple[str, ...] = ()
    recording_url: str = ""
    attachments: tuple[AttachmentSpec, ...] = ()
    subtitle: str = ""
    capacity: int | None = None


@dataclass(frozen=True)
class EventSpec:
    slug: str
    name: str
    start_date: dt.date
    end_date: dt.date
    format: str
    visibility: str
    tagline: str = ""
    description: str = ""
    edition: int | None = None
    series: str = ""
    parent: str = ""
    timezone: str = "Europe/Brussels"
    venue: str = ""
    city: str = ""
    country: str = ""
    website_url: str = ""
    organiser_name: str = ""
    requires_approval: bool = False
    rooms: tuple[RoomSpec, ...] = ()
    sessions: tuple[SessionSpec, ...] = field(default=())


def at(day: dt.date, hhmm: str, tz: str = "Europe/Brussels") -> dt.datetime:
    """A timezone-aware datetime at the local time `hhmm` of `day` in the zone `tz`."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=zoneinfo.ZoneInfo(tz))


def slot(day: dt.date, start: str, end: str, tz: str = "Europe/Brussels") -> dict[str, dt.datetime]:
    """`starts_at` and `ends_at` keyword arguments for a SessionSpec, local times in `tz`."""
    return {"starts_at": at(day, start, tz), "ends_at": at(day, end, tz)}
