"""What websocket clients see of the dashboard (docs/protocol.md, "Organisers' dashboard"):
the snapshot and every `reports.dashboard` event carry the complete `dashboard_figures`."""

from django.db import connections
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.realtime.broadcast import encode
from clustermeet.reports.dashboard.queries import dashboard_figures

EVENT = "reports.dashboard"
SNAPSHOT = "reports.dashboard_snapshot"


def figures_payload(event: Event) -> dict:
    return dashboard_figures(event, timezone.now())


def event_text(figures: dict) -> str:
    """The `reports.dashboard` event carrying `figures`, serialised (what the ticker compares
    and sends)."""
    return encode({"type": EVENT, "data": figures})


def current_text(event_id: int) -> str | None:
    """The event's figures now as a serialised `reports.dashboard` event (None: the event is
    gone). Run in a pool thread by the ticker, which closes its connection afterwards."""
    try:
        event = Event.objects.filter(pk=event_id).first()
        if event is None:
            return None
        return event_text(figures_payload(event))
    finally:
        connections.close_all()
