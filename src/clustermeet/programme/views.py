"""The programme by day, session pages, speakers and the personal agenda."""

from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from clustermeet.cafe.queries import session_links as cafe_links
from clustermeet.events.models import Challenge, Ecosystem
from clustermeet.events.queries import get_visible_event
from clustermeet.exhibition.pitches.queries import session_pitches
from clustermeet.live.queries import panel_context
from clustermeet.onsite.bookings.views import session_box
from clustermeet.people.models import Person
from clustermeet.programme import services
from clustermeet.programme.embeds import embed_for
from clustermeet.programme.models import Bookmark, Session, SessionSpeaker
from clustermeet.programme.queries import filter_sessions, visible_sessions, with_details


def _by_day(sessions, tz):
    """[(date, [sessions])] in the event's time zone, days in order."""
    return [
        (day, list(items))
        for day, items in groupby(sessions, key=lambda s: s.starts_at.astimezone(tz).date())
    ]


def _bookmarked_ids(person, event) -> set[int]:
    if not person.is_authenticated:
        return set()
    return set(
        Bookmark.objects.filter(person=person, session__event=event).values_list(
            "session_id", flat=True
        )
    )


def programme(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    filters = {
        "type": request.GET.get("type", ""),
        "ecosystem": request.GET.get("ecosystem", ""),
        "challenge": request.GET.get("challenge", ""),
    }
    sessions = with_details(
        filter_sessions(visible_sessions(request.user, event), **filters)
    ).order_by("starts_at", "room__position", "title")
    context = {
        "event": event,
        "nav": "programme",
        "days": _by_day(list(sessions), event.tz),
        "filters": filters,
        "filtered": any(filters.values()),
        "types": Session.Type.choices,
        "ecosystems": Ecosystem.objects.all(),
        "challenges": Challenge.objects.all(),
        "bookmarked": _bookmarked_ids(request.user, event),
    }
    with timezone.override(event.tz):
        return render(request, "programme/programme.html", context)


def _get_session(request, event, session_slug: str) -> Session:
    return get_object_or_404(with_details(visible_sessions(request.user, event)), slug=session_slug)


def session_detail(request, event_slug: str, session_slug: str):
    event = get_visible_event(request.user, event_slug)
    session = _get_session(request, event, session_slug)
    context = {
        "event": event,
        "nav": "programme",
        "session": session,
        # Once a session with a recording is over, the recording replaces the livestream.
        "stream": None
        if session.recording_url and session.ends_at <= timezone.now()
        else embed_for(session.stream_url),
        "recording": embed_for(session.recording_url),
        "bookmarked": _bookmarked_ids(request.user, event),
        **panel_context(request, event, session),
    }
    context["cafe"] = cafe_links(session, moderator=context["live"]["moderator"])
    context["booking_box"] = session_box(request, event, session)  # when booking is enabled
    context["pitches"] = session_pitches(session, request.user)  # one query; [] for most sessions
    with timezone.override(event.tz):
        return render(request, "programme/session.html", context)


@require_POST
@login_required
def bookmark(request, event_slug: str, session_slug: str):
    event = get_visible_event(request.user, event_slug)
    session = get_object_or_404(visible_sessions(request.user, event), slug=session_slug)
    state = services.set_bookmark(request.user, session, request.POST.get("bookmarked") == "1")
    if request.htmx:
        return render(
            request,
            "programme/_bookmark_button.html",
            {"event": event, "session": session, "bookmarked": {session.pk} if state else set()},
        )
    return redirect(request.POST.get("back") or "programme:agenda", event_slug=event.slug)


@login_required
def agenda(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    sessions = with_details(
        visible_sessions(request.user, event).filter(bookmarks__person=request.user)
    ).order_by("starts_at", "room__position")
    sessions = list(sessions)
    context = {
        "event": event,
        "nav": "agenda",
        "days": _by_day(sessions, event.tz),
        "count": len(sessions),
        "bookmarked": {s.pk for s in sessions},
    }
    with timezone.override(event.tz):
        return render(request, "programme/agenda.html", context)


def _speakers(request, event):
    sessions = visible_sessions(request.user, event)
    roles = SessionSpeaker.objects.filter(session__in=sessions).select_related("session")
    return (
        Person.objects.filter(speaker_roles__session__in=sessions)
        .distinct()
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "speaker_roles",
                queryset=roles.order_by("session__starts_at"),
                to_attr="event_roles",
            )
        )
        .order_by("last_name", "first_name")
    )


def speakers(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    context = {"event": event, "nav": "speakers", "speakers": _speakers(request, event)}
    with timezone.override(event.tz):
        return render(request, "programme/speakers.html", context)


def speaker_detail(request, event_slug: str, person_slug: str):
    event = get_visible_event(request.user, event_slug)
    speaker = _speakers(request, event).filter(slug=person_slug).first()
    if speaker is None:
        raise Http404("No such speaker at this event.")
    context = {"event": event, "nav": "speakers", "speaker": speaker}
    with timezone.override(event.tz):
        return render(request, "programme/speaker.html", context)
