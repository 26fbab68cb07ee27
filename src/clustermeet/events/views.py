"""The list of events and each event's home page."""

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
from clustermeet.programme.models import Session


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
    with timezone.override(event.tz):
        return render(request, "events/detail.html", context)
