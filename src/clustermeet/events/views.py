"""The list of events, each event's home page and its accessibility statement."""

import datetime as dt

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from clustermeet.events.queries import (
    can_manage,
    get_visible_event,
    listed_events,
    registration_of,
)
from clustermeet.people.models import Registration
from clustermeet.programme.models import Attachment, Session
from clustermeet.reports.queries import exhibition_figures

# The last accessibility assessment of the pages (EU model statement, "preparation of this
# accessibility statement"): a self-assessment with axe-core, tests/browser/test_accessibility.py.
ASSESSED_ON = dt.date(2026, 12, 2)
ASSESSMENT_TOOL = "axe-core 4.14.1"


def index(request):
    events = listed_events(request.user).filter(parent__isnull=True)
    today = timezone.localdate()
    return render(
        request,
        "events/index.html",
        {
            "upcoming": [e for e in events if e.end_date >= today][::-1],
            "past": [e for e in events if e.end_date < today],
        },
    )


def detail(request, event_slug: str):
    event = get_visible_event(request.user, event_slug)
    figures = Registration.objects.filter(
        event=event, status=Registration.Status.APPROVED
    ).aggregate(
        participants=Count("pk"),
        countries=Count("person__country", distinct=True, filter=~Q(person__country="")),
    )
    highlights = (
        Session.objects.filter(
            event=event,
            visibility=Session.Visibility.PUBLIC,
            type__in=[Session.Type.KEYNOTE, Session.Type.PANEL, Session.Type.ROUNDTABLE],
        )
        .select_related("room")
        .order_by("starts_at")[:4]
    )
    context = {
        "event": event,
        "nav": "home",
        "figures": figures,
        "session_count": Session.objects.filter(
            event=event, visibility=Session.Visibility.PUBLIC
        ).count(),
        "highlights": highlights,
        "side_events": listed_events(request.user).filter(parent=event).order_by("start_date"),
        "registration": registration_of(request.user, event),
        "organiser": can_manage(request.user, event),
    }
    if context["organiser"]:  # the exhibition's figures, as `clustermeet stats` gives them
        context["exhibition"] = exhibition_figures(event)
    with timezone.override(event.tz):
        return render(request, "events/detail.html", context)


def accessibility(request, event_slug: str):
    """The event's accessibility statement, in the structure of the EU model statement
    (Commission Implementing Decision (EU) 2018/1523), from the event's settings."""
    event = get_visible_event(request.user, event_slug)
    sessions = Session.objects.filter(event=event, visibility=Session.Visibility.PUBLIC)
    context = {
        "event": event,
        "nav": "accessibility",
        "video_sessions": sessions.filter(
            Q(recording_url__gt="") | Q(livestream_url__gt="") | Q(room__stream_url__gt="")
        ).count(),
        "attachments": Attachment.objects.filter(session__in=sessions).count(),
        "video_rooms": event.format != event.Format.ONSITE,
        "assessed_on": ASSESSED_ON,
        "assessment_tool": ASSESSMENT_TOOL,
    }
    return render(request, "events/accessibility.html", context)
