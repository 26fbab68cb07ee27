"""Who may do what with webhooks: one rule, used by the pages (and by the API, should it offer
them)."""

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage


def may_manage_webhooks(person, event: Event) -> bool:
    """The event's organisers (and staff): endpoints, secrets, the delivery log, re-sends."""
    return can_manage(person, event)
