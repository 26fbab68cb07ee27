import datetime

from ninja import Schema


class Tag(Schema):
    kind: str  # "ecosystem" | "challenge"
    slug: str
    name: str


class SpeakerRef(Schema):
    slug: str
    name: str
    role: str


class Link(Schema):
    type: str
    title: str
    url: str


class SessionOut(Schema):
    id: int
    guid: str
    code: str
    slug: str
    title: str
    subtitle: str
    type: str
    visibility: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    room: str | None  # the room's slug
    language: str
    abstract: str
    description: str
    speakers: list[SpeakerRef]
    tags: list[Tag]
    attachments: list[Link]
    recording_url: str
    livestream_url: str


class SpeakerOut(Schema):
    slug: str
    name: str
    job_title: str
    organisation: str | None
    bio: str
    sessions: list[str]  # slugs of the visible sessions they speak in


class RoomOut(Schema):
    slug: str
    guid: str
    name: str
    kind: str
    capacity: int | None
    stream_url: str


def session_out(session) -> dict:
    return {
        "id": session.pk,
        "guid": str(session.guid),
        "code": session.code,
        "slug": session.slug,
        "title": session.title,
        "subtitle": session.subtitle,
        "type": session.type,
        "visibility": session.visibility,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "room": session.room.slug if session.room else None,
        "language": session.language,
        "abstract": session.abstract,
        "description": session.description,
        "speakers": [
            {"slug": r.person.slug, "name": r.person.full_name, "role": r.role}
            for r in session.speaker_roles.all()
        ],
        "tags": [
            {"kind": "ecosystem", "slug": e.slug, "name": e.name} for e in session.ecosystems.all()
        ]
        + [{"kind": "challenge", "slug": c.slug, "name": c.name} for c in session.challenges.all()],
        "attachments": [
            {"type": a.kind, "title": a.title, "url": a.url} for a in session.attachments.all()
        ],
        "recording_url": session.recording_url,
        "livestream_url": session.livestream_url,
    }
