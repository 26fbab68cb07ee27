"""Who may do what on site: one rule per permission, used by every view, API call and
websocket message of the on-site pages."""

from clustermeet.events.models import Event
from clustermeet.events.queries import can_manage
from clustermeet.onsite.models import DoorStaff


def is_organiser(person, event: Event) -> bool:
    """Badges, bookings lists, door figures: the event's organisers and staff."""
    return can_manage(person, event)


def is_door_staff(person, event: Event) -> bool:
    """The check-in pages (scan, search, kiosk, the bus list's attendance): organisers, and
    the people added as the event's check-in staff."""
    if person is None or not person.is_authenticated:
        return False
    return (
        is_organiser(person, event) or DoorStaff.objects.filter(event=event, person=person).exists()
    )


def can_see_badge(person, badge) -> bool:
    """A badge's QR code (the ticket page): its owner only; organisers print it."""
    if person is None or not person.is_authenticated:
        return False
    return badge.registration.person_id == person.pk or is_organiser(
        person, badge.registration.event
    )
