"""Events and series, as the pages list them: `events.queries.listed_events` for lists (an
unlisted event opens by its slug only), `get_visible_event` for one event. A token scoped to an
event sees that event only."""

from typing import Literal

from django.db.models import Prefetch
from django.utils import timezone
from ninja import Query, Router

from clustermeet.api import pagination
from clustermeet.api.caller import caller_of, event_for
from clustermeet.api.schemas.common import listing, one
from clustermeet.api.schemas.events import EventOut, SeriesOut, event_out
from clustermeet.events.models import Series
from clustermeet.events.queries import listed_events

router = Router(tags=["events"])

ORDERINGS = {
    "start_date": ("start_date", "pk"),
    "-start_date": ("-start_date", "-pk"),
    "name": ("name", "pk"),
}


def _listed(request):
    caller = caller_of(request)
    events = listed_events(caller.person)
    if caller.token is not None and caller.token.event_id is not None:
        events = events.filter(pk=caller.token.event_id)
    return events


@router.get("/events", response=listing(EventOut), operation_id="events_list")
def list_events(
    request,
    ordering: Literal["start_date", "-start_date", "name"] = "-start_date",
    series: str | None = Query(None, description="Only this series' events (its slug)."),
    upcoming: bool | None = Query(None, description="true: not ended yet; false: ended."),
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """The events the caller may see in lists (public ones, invitation-only ones they are
    invited to or registered for)."""
    events = _listed(request)
    if series:
        events = events.filter(series__slug=series)
    if upcoming is not None:
        today = timezone.localdate()
        events = (
            events.filter(end_date__gte=today) if upcoming else events.filter(end_date__lt=today)
        )
    return pagination.page(
        request,
        events,
        key=ORDERINGS[ordering],
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [event_out(e) for e in rows],
    )


@router.get("/events/{slug}", response=one(EventOut), operation_id="events_get")
def get_event(request, slug: str):
    return event_out(event_for(request, slug))


@router.get("/series", response=listing(SeriesOut), operation_id="series_list")
def list_series(
    request,
    cursor: str | None = None,
    limit: int = Query(pagination.DEFAULT_LIMIT, ge=1, le=pagination.MAX_LIMIT),
):
    """Series with at least one event the caller may see in lists."""
    events = _listed(request)
    series = Series.objects.filter(events__in=events.values("pk")).distinct()
    series = series.prefetch_related(
        Prefetch("events", queryset=events.order_by("start_date", "pk"), to_attr="shown")
    )
    return pagination.page(
        request,
        series,
        key=("name", "pk"),
        cursor=cursor,
        limit=limit,
        shape=lambda rows: [
            {
                "slug": s.slug,
                "name": s.name,
                "description": s.description,
                "cadence": s.cadence,
                "events": [e.slug for e in s.shown],
            }
            for s in rows
        ],
    )
