"""Who may see the organisers' live dashboard: the one rule, used by the page and by the
websocket's `reports.subscribe_dashboard`."""

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage


def can_see_dashboard(person, event: Event) -> bool:
    """The event's organisers (and staff accounts)."""
    return can_manage(person, event)
