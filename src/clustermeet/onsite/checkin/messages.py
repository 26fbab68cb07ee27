"""What websocket clients see of the door (docs/protocol.md, "Door figures"): one group per
event, `onsite.door.<event pk>`, joined by its organisers' figures pages
(`onsite.subscribe_door`). Each successful check-in marks the event dirty; the coalesced
broadcast sends the complete figures, at most a few times a second however many doors scan."""

from clustermeet.events.models import Event
from clustermeet.onsite.checkin import queries


def group_name(event_id: int) -> str:
    return f"onsite.door.{event_id}"


def figures_payload(event: Event) -> dict:
    return queries.door_figures(event)


def door_update(event_id: int) -> list[tuple[str, dict]]:
    """Broadcast builder: the event's current door figures to its organisers' group."""
    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        return []
    return [(group_name(event_id), {"type": "onsite.door", "data": figures_payload(event)})]
