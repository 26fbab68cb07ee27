"""Reads shared by the on-site pages: what the event's navigation offers a person (and whether
the event has an exhibition, asked in the same query so the bar still asks once)."""

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
    booths: bool = False  # the event has an exhibition (booths), at any format
    awards: bool = False  # the event has award categories, at any format


def nav_facts(person, event: Event) -> NavFacts:
    """One query for every event: whether it has booths and award categories (online events
    too, by the reverse relations' names, as onsite imports neither app), and for an event on
    site (in person or hybrid) what the day offers this person."""
    events = Event.objects.filter(pk=event.pk).annotate(
        has_booths=Exists(Event.objects.filter(pk=OuterRef("pk"), booths__isnull=False)),
        has_awards=Exists(Event.objects.filter(pk=OuterRef("pk"), award_categories__isnull=False)),
    )
    if event.format == Event.Format.VIRTUAL:
        row = events.values("has_booths", "has_awards").first() or {}
        return NavFacts(booths=bool(row.get("has_booths")), awards=bool(row.get("has_awards")))
    events = events.annotate(
        site_visits=Exists(Activity.objects.filter(event=OuterRef("pk"), kind=Activity.Kind.VISIT))
    )
    if person is None or not person.is_authenticated:
        row = events.values("site_visits", "has_booths", "has_awards").first() or {}
        return NavFacts(
            site_visits=bool(row.get("site_visits")),
            booths=bool(row.get("has_booths")),
            awards=bool(row.get("has_awards")),
        )
    approved = Registration.objects.filter(
        event=OuterRef("pk"), person=person, status=Registration.Status.APPROVED
    )
    row = (
        events.annotate(
            registered=Exists(approved),
            organiser=Exists(approved.filter(roles__code=Role.ORGANISER)),
            door=Exists(DoorStaff.objects.filter(event=OuterRef("pk"), person=person)),
        )
        .values("site_visits", "registered", "organiser", "door", "has_booths", "has_awards")
        .first()
    )
    if row is None:
        return NavFacts()
    return NavFacts(
        site_visits=row["site_visits"],
        ticket=row["registered"],
        door=row["door"] or row["organiser"] or person.is_staff,
        registered=row["registered"] or person.is_staff,
        booths=row["has_booths"],
        awards=row["has_awards"],
    )
