"""Who may see which event. Every view that takes an event slug goes through `get_visible_event`,
so an invitation-only event answers 404 to anyone not invited, exactly as if it did not exist."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from clustermeet.events.models import Event
from clustermeet.people.models import Invitation, Registration, Role


def visible_events(person) -> QuerySet[Event]:
    """Events this person may open (listed or not)."""
    events = Event.objects.all()
    if getattr(person, "is_staff", False):
        return events
    allowed = Q(visibility__in=[Event.Visibility.PUBLIC, Event.Visibility.UNLISTED])
    if person is not None and person.is_authenticated:
        invited = Invitation.objects.filter(event=OuterRef("pk"), email__iexact=person.email)
        registered = Registration.objects.filter(
            event=OuterRef("pk"),
            person=person,
            status__in=[Registration.Status.PENDING, Registration.Status.APPROVED],
        )
        allowed |= Q(Exists(invited)) | Q(Exists(registered))
    return events.filter(allowed)


def listed_events(person) -> QuerySet[Event]:
    """Events shown in lists: public ones, and invitation-only ones this person may see."""
    return (
        visible_events(person)
        .exclude(visibility=Event.Visibility.UNLISTED)
        .select_related("series", "parent")
    )


def get_visible_event(person, slug: str) -> Event:
    try:
        return visible_events(person).select_related("series", "parent").get(slug=slug)
    except Event.DoesNotExist:
        raise Http404("No such event.") from None


def is_invited(person, event: Event) -> bool:
    if not event.is_invitation_only:
        return True
    if person is None or not person.is_authenticated:
        return False
    return Invitation.objects.filter(event=event, email__iexact=person.email).exists()


def can_manage(person, event: Event) -> bool:
    """Organisers of the event (an approved registration with the organiser role) and staff."""
    if person is None or not person.is_authenticated:
        return False
    if person.is_staff:
        return True
    return Registration.objects.filter(
        event=event,
        person=person,
        status=Registration.Status.APPROVED,
        roles__code=Role.ORGANISER,
    ).exists()


def registration_of(person, event: Event) -> Registration | None:
    if person is None or not person.is_authenticated:
        return None
    return Registration.objects.filter(event=event, person=person).first()


def is_approved_participant(person, event: Event) -> bool:
    registration = registration_of(person, event)
    return registration is not None and registration.status == Registration.Status.APPROVED
