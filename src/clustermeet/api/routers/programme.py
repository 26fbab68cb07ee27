"""The programme: sessions, speakers, rooms and tags — the data of the frab export, with the
same visibility (`programme.queries.visible_sessions`: hidden sessions for organisers,
participants-only ones for approved participants too)."""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from ninja import Query, Router

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for
from clustermeet.api.schemas.common import listing, one
from clustermeet.api.schemas.programme import RoomOut, SessionOut, SpeakerOut, Tag, session_out
from clustermeet.events.models import Challenge, Ecosystem
from clustermeet.people.models import Person
from clustermeet.programme.models import Room, Session, SessionSpeaker
from clustermeet.programme.queries import filter_sessions, visible_sessions, with_details

router = Router(tags=["programme"])

SESSION_ORDERINGS = {"starts_at": ("starts_at", "pk"), "-starts_at": ("-starts_at", "-pk")}


def _sessions(request, slug: str):
    event = event_for(request, slug)
    return event, visible_sessions(caller_of(request).person, event)


@router.get("/events/{slug}/sessions", response=listing(SessionOut), operation_id="sessions_list")
def list_sessions(
    request,
    slug: str,
    type: Literal[tuple(Session.Type.values)] | None = None,  # type: ignore[valid-type]
    ecosystem: str | None = Query(None, description="An ecosystem's slug."),
    challenge: str | None = Query(None, description="A challenge's slug."),
    day: datetime.date | None = Query(  # noqa: B008
        None, description="Sessions starting that day (event's time)."
    ),
    ordering: Literal["starts_at", "-starts_at"] = "starts_at",
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event, sessions = _sessions(request, slug)
    with timezone.override(event.tz):
        sessions = filter_sessions(
            sessions, type=type or "", ecosystem=ecosystem or "", challenge=challenge or "", day=day
        )
        ids = list(sessions.values_list("pk", flat=True))
    return pagination.page(
        request,
        with_details(Session.objects.filter(pk__in=ids)),
        key=SESSION_ORDERINGS[ordering],
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [session_out(s) for s in rows],
    )


@router.get(
    "/events/{slug}/sessions/{session_slug}", response=one(SessionOut), operation_id="sessions_get"
)
def get_session(request, slug: str, session_slug: str):
    _event, sessions = _sessions(request, slug)
    session = with_details(sessions).filter(slug=session_slug).first()
    if session is None:
        raise Http404
    return session_out(session)


@router.get("/events/{slug}/speakers", response=listing(SpeakerOut), operation_id="speakers_list")
def list_speakers(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """People speaking in sessions the caller may see (as the speakers page)."""
    _event, sessions = _sessions(request, slug)
    roles = SessionSpeaker.objects.filter(session__in=sessions).select_related("session")
    people = (
        Person.objects.filter(speaker_roles__session__in=sessions)
        .distinct()
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "speaker_roles", queryset=roles.order_by("session__starts_at"), to_attr="shown"
            )
        )
    )
    return pagination.page(
        request,
        people,
        key=("last_name", "first_name", "pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [
            {
                "slug": p.slug,
                "name": p.full_name,
                "job_title": p.job_title,
                "organisation": p.organisation.name if p.organisation else None,
                "bio": p.bio,
                "sessions": list(dict.fromkeys(r.session.slug for r in p.shown)),
            }
            for p in rows
        ],
    )


@router.get("/events/{slug}/rooms", response=listing(RoomOut), operation_id="rooms_list")
def list_rooms(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    event = event_for(request, slug)
    return pagination.page(
        request,
        Room.objects.filter(event=event),
        key=("position", "pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [
            {
                "slug": r.slug,
                "guid": str(r.guid),
                "name": r.name,
                "kind": r.kind,
                "capacity": r.capacity,
                "stream_url": r.stream_url,
            }
            for r in rows
        ],
    )


@router.get("/events/{slug}/tags", response=listing(Tag), operation_id="tags_list")
def list_tags(
    request,
    slug: str,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """The ecosystems and challenges the caller's visible sessions are tagged with."""
    _event, sessions = _sessions(request, slug)
    tags = [
        {"kind": "ecosystem", "slug": e.slug, "name": e.name, "position": e.position}
        for e in Ecosystem.objects.filter(sessions__in=sessions).distinct().order_by("position")
    ] + [
        {"kind": "challenge", "slug": c.slug, "name": c.name, "position": c.position}
        for c in Challenge.objects.filter(sessions__in=sessions).distinct().order_by("position")
    ]
    tags.sort(key=lambda t: (t["kind"], t["position"], t["slug"]))
    return pagination.page(
        request,
        tags,
        key=("kind", "position", "slug"),
        value=lambda t: (t["kind"], t["position"], t["slug"]),
        cursor=cursor,
        limit=limit,
    )
