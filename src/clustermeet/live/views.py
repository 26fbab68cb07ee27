"""The pages of the live interaction. Everything that changes while a page is open travels over
the event's websocket (docs/protocol.md); the pages give the first paint, the links and the
permissions.

- The session page (programme) shows the live panel — polls and Q&A for participants —
  with the context of `queries.panel_context` (templates/live/_panel.html).
- The moderator console, /events/<event>/sessions/<session>/moderate/: opens and closes polls,
  sets who sees results, approves open-text answers, moderates the Q&A.
- The presenter view, /events/<event>/sessions/<session>/present/: the stage screen or stream
  overlay. It shows the open poll (or the one closed last) with its results as participants see
  them — live, after closing, or not at all, as the moderator chose in the console — otherwise
  the top approved questions, with a QR code and the short link of the session.
- The short link /j/<join code>/ leads to the session page (adding ?join=<code> when room
  voting is on, so the page asks the server for voting rights with the code).

Who may open what: the console and the presenter view are for the session's moderators — the
event's organisers and staff, and the session's moderators and hosts (`permissions.is_moderator`).
The presenter view is theirs, not every participant's, because it is fed the moderators' view of
each poll: it holds the results even while they are hidden from participants, and the person at
the stage screen may reveal them ("Show results" on the presenter view) when the moderator
decides to. Anyone else logged in gets 403; someone not logged in is sent to log in; an event or
session this person may not see answers 404, as everywhere else.
"""

import segno
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from clustermeet.events.queries import can_manage, get_visible_event
from clustermeet.live import queries
from clustermeet.live.models import LiveSettings, Poll
from clustermeet.live.permissions import is_moderator
from clustermeet.programme.models import Session
from clustermeet.programme.queries import visible_sessions


def _moderated_session(request, event_slug: str, session_slug: str):
    event = get_visible_event(request.user, event_slug)
    session = get_object_or_404(
        visible_sessions(request.user, event).select_related("event", "room"), slug=session_slug
    )
    if not is_moderator(request.user, session):
        raise PermissionDenied("Only the session's moderators and the organisers open this page.")
    return event, session


def short_link_url(request, settings: LiveSettings) -> str:
    return request.build_absolute_uri(reverse("live_join", args=[settings.join_code]))


def qr_svg(url: str) -> str:
    """An inline SVG QR code of `url` (no size: CSS sizes it), generated here, nothing loaded."""
    code = segno.make_qr(url, error="m")
    return code.svg_inline(
        scale=1,
        border=2,
        dark="#000000",
        light="#ffffff",
        omitsize=True,
        svgclass="qr-code",
        title=f"QR code of {url}",
    )


@login_required
def moderate(request, event_slug: str, session_slug: str):
    event, session = _moderated_session(request, event_slug, session_slug)
    settings = queries.live_settings(session)
    polls = list(queries.console_polls(session))
    names = can_manage(request.user, event)
    for poll in polls:
        poll.export_links = queries.poll_export_links(event, poll, names=names)
    context = {
        "event": event,
        "nav": "programme",
        "session": session,
        "settings": settings,
        "polls": polls,
        "question_counts": queries.question_counts(session),
        "short_link": short_link_url(request, settings),
        "admin_links": queries.admin_links(event, session) if request.user.is_staff else [],
        "ws_path": f"/ws/events/{event.slug}/",
        "visibility_choices": Poll.Results.choices,
    }
    with timezone.override(event.tz):
        return render(request, "live/moderate.html", context)


@login_required
def present(request, event_slug: str, session_slug: str):
    event, session = _moderated_session(request, event_slug, session_slug)
    settings = queries.live_settings(session)
    url = short_link_url(request, settings)
    context = {
        "event": event,
        "session": session,
        "settings": settings,
        "short_link": url,
        "short_link_text": url.split("://", 1)[-1].rstrip("/"),
        "qr_svg": mark_safe(qr_svg(url)),  # segno's own markup, nothing from a user
        "ws_path": f"/ws/events/{event.slug}/",
        "show": request.GET.get("show") if request.GET.get("show") in ("poll", "qa") else "auto",
    }
    return render(request, "live/present.html", context)


def short_link(request, code: str):
    """/j/<code>/: the session of this join code, if this person may see it."""
    code = queries.clean_join_code(code)
    settings = (
        LiveSettings.objects.select_related("session__event").filter(join_code=code).first()
        if code
        else None
    )
    if settings is None:
        raise Http404("No session has this code.")
    event = get_visible_event(request.user, settings.session.event.slug)
    session: Session = get_object_or_404(
        visible_sessions(request.user, event), pk=settings.session_id
    )
    url = reverse("programme:session", args=[event.slug, session.slug])
    if settings.room_voting:
        url += f"?join={settings.join_code}"
    return redirect(url)
