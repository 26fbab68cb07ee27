"""Calendar and schedule downloads: iCalendar (programme, session, personal agenda) and the
frab schedule XML/JSON. Each shows only what the visitor may see (invisible events answer 404) and
runs a fixed number of queries, however many sessions there are."""

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from clustermeet.events.models import Event
from clustermeet.events.queries import get_visible_event
from clustermeet.programme import frab, ical
from clustermeet.programme.models import Session
from clustermeet.programme.queries import visible_sessions, with_details

CALENDAR = "text/calendar; charset=utf-8"


def _programme(request, event_slug: str) -> tuple[Event, QuerySet[Session]]:
    event = get_visible_event(request.user, event_slug)
    sessions = with_details(visible_sessions(request.user, event))
    return event, sessions.order_by("starts_at", "room__position", "title", "pk")


def _calendar(request, event: Event, sessions, *, name: str, filename: str) -> HttpResponse:
    body = ical.calendar_for(
        sessions, name=name, tz=event.tz, base_url=request.build_absolute_uri("/")
    )
    return HttpResponse(
        body,
        content_type=CALENDAR,
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def programme_ics(request, event_slug: str) -> HttpResponse:
    event, sessions = _programme(request, event_slug)
    return _calendar(request, event, sessions, name=event.name, filename=f"{event.slug}.ics")


def session_ics(request, event_slug: str, session_slug: str) -> HttpResponse:
    event, sessions = _programme(request, event_slug)
    session = next(iter(sessions.filter(slug=session_slug)), None)
    if session is None:
        raise Http404("No such session.")
    return _calendar(
        request,
        event,
        [session],
        name=f"{session.title} – {event.name}",
        filename=f"{event.slug}-{session.slug}.ics",
    )


@login_required
def agenda_ics(request, event_slug: str) -> HttpResponse:
    """The visitor's bookmarked sessions of this event that they may still see."""
    event, sessions = _programme(request, event_slug)
    response = _calendar(
        request,
        event,
        sessions.filter(bookmarks__person=request.user),
        name=_("My agenda – %(event)s") % {"event": event.name},
        filename=f"{event.slug}-agenda.ics",
    )
    response["Cache-Control"] = "private"
    return response


def schedule_xml(request, event_slug: str) -> HttpResponse:
    event, sessions = _programme(request, event_slug)
    body = frab.schedule_xml(event, sessions, request.build_absolute_uri("/"))
    return HttpResponse(body, content_type="application/xml")


def schedule_json(request, event_slug: str) -> JsonResponse:
    event, sessions = _programme(request, event_slug)
    return JsonResponse(frab.schedule_dict(event, sessions, request.build_absolute_uri("/")))
