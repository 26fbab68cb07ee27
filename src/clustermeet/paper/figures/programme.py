"""The programme as it happened: each public session by day, with its speakers and moderators
(public by their role: name, job title, organisation), its recording and presentations, and the
organisers' takeaways. Three queries (the sessions with their rooms and takeaways, the speakers
with their people and organisations, the attachments)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch

from clustermeet.events.models import Event
from clustermeet.live.models import localised
from clustermeet.programme.models import Attachment, Session, SessionSpeaker


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str  # the role's label when it is not a plain speaker, else ""
    job_title: str
    organisation: str


@dataclass(frozen=True)
class Link:
    title: str
    url: str


@dataclass(frozen=True)
class SessionEntry:
    pk: int
    slug: str
    title: str
    subtitle: str
    type: str  # the type's label, "" for "Other"
    starts_at: dt.datetime
    ends_at: dt.datetime
    room: str
    speakers: list[Speaker]
    moderators: list[Speaker]
    recording: Link | None
    presentations: list[Link]
    takeaway: str = ""
    takeaway_translations: dict = field(default_factory=dict)

    def takeaway_in(self, language: str | None) -> str:
        return localised(self.takeaway, self.takeaway_translations, language)


@dataclass(frozen=True)
class Day:
    date: dt.date
    sessions: list[SessionEntry]


@dataclass(frozen=True)
class Programme:
    days: list[Day]

    @property
    def sessions(self) -> list[SessionEntry]:
        return [session for day in self.days for session in day.sessions]


MODERATING = {SessionSpeaker.Role.MODERATOR, SessionSpeaker.Role.HOST}
MEDIA = Attachment.Kind.MEDIA


def _speaker(role: SessionSpeaker) -> Speaker:
    person = role.person
    plain = role.role == SessionSpeaker.Role.SPEAKER or role.role in MODERATING
    return Speaker(
        name=f"{person.first_name} {person.last_name}".strip(),
        role="" if plain else str(role.get_role_display()),
        job_title=person.job_title,
        organisation=person.organisation.name if person.organisation else "",
    )


def _entry(session: Session, tz) -> SessionEntry:
    roles = [r for r in session.speaker_roles.all() if r.person.erased_at is None]
    attachments = list(session.attachments.all())
    recording = None
    if session.recording_url:
        recording = Link(session.title, session.recording_url)
    else:
        media = next((a for a in attachments if a.kind == MEDIA), None)
        recording = Link(media.title, media.url) if media else None
    takeaway = getattr(session, "takeaway", None)
    return SessionEntry(
        pk=session.pk,
        slug=session.slug,
        title=session.title,
        subtitle=session.subtitle,
        type="" if session.type == Session.Type.OTHER else str(session.get_type_display()),
        starts_at=session.starts_at.astimezone(tz),
        ends_at=session.ends_at.astimezone(tz),
        room=session.room.name if session.room else "",
        speakers=[_speaker(r) for r in roles if r.role not in MODERATING],
        moderators=[_speaker(r) for r in roles if r.role in MODERATING],
        recording=recording,
        presentations=[Link(a.title, a.url) for a in attachments if a.kind != MEDIA],
        takeaway=takeaway.text if takeaway else "",
        takeaway_translations=dict(takeaway.translations or {}) if takeaway else {},
    )


def programme(event: Event) -> Programme | None:
    sessions = (
        Session.objects.filter(event=event, visibility=Session.Visibility.PUBLIC)
        .select_related("room", "takeaway")
        .prefetch_related(
            Prefetch(
                "speaker_roles",
                queryset=SessionSpeaker.objects.select_related("person__organisation"),
            ),
            "attachments",
        )
        .order_by("starts_at", "room__position", "title")
    )
    days: dict[dt.date, list[SessionEntry]] = {}
    for session in sessions:
        entry = _entry(session, event.tz)
        days.setdefault(entry.starts_at.date(), []).append(entry)
    if not days:
        return None
    return Programme([Day(date, entries) for date, entries in days.items()])
