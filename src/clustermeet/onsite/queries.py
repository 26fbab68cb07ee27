"""Reads shared by the on-site pages: what the event's navigation offers a person."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef

from clustermeet.events.models import Event
from clustermeet.onsite.models import Activity, DoorStaff
from clustermeet.people.models import Registration, Role


@dataclass(frozen=True)
class NavFacts:
    site_visits: bool = False  # the event has site visits to book
    ticket: bool = False  # the person has an approved registration at an event on site
    door: bool = False  # the person works the door (check-in staff or organiser)
    registered: bool = False  # an approved registration (door staff without one see no more)


def nav_facts(person, event: Event) -> NavFacts:
    """One query for an event on site (in person or hybrid), none for an online one."""
    if event.format == Event.Format.VIRTUAL:
        return NavFacts()
    events = Event.objects.filter(pk=event.pk).annotate(
        site_visits=Exists(Activity.objects.filter(event=OuterRef("pk"), kind=Activity.Kind.VISIT))
    )
    if person is None or not person.is_authenticated:
        return NavFacts(site_visits=bool(events.values_list("site_visits", flat=True).first()))
    approved = Registration.objects.filter(
        event=OuterRef("pk"), person=person, status=Registration.Status.APPROVED
    )
    row = (
        events.annotate(
            registered=Exists(approved),
            organiser=Exists(approved.filter(roles__code=Role.ORGANISER)),
            door=Exists(DoorStaff.objects.filter(event=OuterRef("pk"), person=person)),
        )
        .values("site_visits", "registered", "organiser", "door")
        .first()
    )
    if row is None:
        return NavFacts()
    return NavFacts(
        site_visits=row["site_visits"],
        ticket=row["registered"],
        door=row["door"] or row["organiser"] or person.is_staff,
        registered=row["registered"] or person.is_staff,
    )
