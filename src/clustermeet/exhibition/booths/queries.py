"""Reads of the booths for the exhibition pages and the exhibitor's dashboard, each with its
joins and prefetches so a page runs a fixed number of queries whatever the number of booths,
visits or messages."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import TruncDate, TruncHour
from django.utils import timezone
from django.utils.translation import get_language

from clustermeet.events.models import Challenge, Ecosystem, Event
from clustermeet.exhibition.models import (
    Booth,
    BoothDocument,
    BoothMessage,
    BoothStaff,
    BoothVisit,
    Hall,
)

# Staff seen this recently have the booth page open: "staff online now".
ONLINE_WINDOW = dt.timedelta(minutes=2)


def online_staff(now: dt.datetime | None = None) -> Q:
    return Q(seen_at__gte=(now or timezone.now()) - ONLINE_WINDOW)


def with_online(booths: QuerySet, now: dt.datetime | None = None) -> QuerySet:
    """Annotate `staff_online`: one of the booth's staff was seen in the last two minutes."""
    seen = BoothStaff.objects.filter(online_staff(now), booth=OuterRef("pk"))
    return booths.annotate(staff_online=Exists(seen))


@dataclass(frozen=True)
class BoothFilters:
    q: str = ""
    ecosystem: str = ""  # Ecosystem.slug
    challenge: str = ""  # Challenge.slug
    country: str = ""
    hall: str = ""  # Hall.slug
    organisation_type: str = ""
    active: bool = field(default=False, compare=False)


def exhibition(event: Event, filters: BoothFilters | None = None) -> list[Booth]:
    """The booths of the list page, filtered: three queries whatever their number (the booths
    with organisation, hall and "staff online"; their ecosystems; their challenges)."""
    filters = filters or BoothFilters()
    booths = Booth.objects.filter(event=event).select_related("organisation", "hall")
    if filters.q:
        booths = booths.filter(
            Q(name__icontains=filters.q)
            | Q(organisation__name__icontains=filters.q)
            | Q(summary__icontains=filters.q)
        )
    if filters.ecosystem:
        booths = booths.filter(ecosystems__slug=filters.ecosystem)
    if filters.challenge:
        booths = booths.filter(challenges__slug=filters.challenge)
    if filters.country:
        booths = booths.filter(organisation__country=filters.country)
    if filters.hall:
        booths = booths.filter(hall__slug=filters.hall)
    if filters.organisation_type:
        booths = booths.filter(organisation__type=filters.organisation_type)
    booths = with_online(booths.distinct()).prefetch_related("ecosystems", "challenges")
    return list(booths.order_by("position", "name"))


def filter_choices(event: Event) -> dict:
    """What the list's filters offer: only values some booth of the event has (four queries)."""
    booths = Booth.objects.filter(event=event)
    return {
        "ecosystems": list(Ecosystem.objects.filter(booths__in=booths).distinct()),
        "challenges": list(Challenge.objects.filter(booths__in=booths).distinct()),
        "countries": sorted(
            {c for c in booths.values_list("organisation__country", flat=True) if c}
        ),
        "halls": list(Hall.objects.filter(event=event)),
        "types": sorted({t for t in booths.values_list("organisation__type", flat=True) if t}),
    }


def floor(event: Event) -> list[Hall]:
    """The halls in order, each with `.stands`: its booths by stand number (numbers in numeric
    order where they are numbers), and a last pseudo-hall (pk None) for booths in no hall."""
    halls = list(Hall.objects.filter(event=event).order_by("position", "name"))
    booths = list(Booth.objects.filter(event=event).select_related("organisation"))
    by_hall: dict = {}
    for booth in booths:
        by_hall.setdefault(booth.hall_id, []).append(booth)
    for hall in halls:
        hall.stands = sorted(by_hall.pop(hall.pk, []), key=stand_key)
        hall.placed = [b for b in hall.stands if b.plan_x is not None and b.plan_y is not None]
    rest = by_hall.pop(None, [])
    if rest:
        loose = Hall(event=event, name="", slug="")
        loose.stands = sorted(rest, key=stand_key)
        loose.placed = []
        halls.append(loose)
    return halls


def stand_key(booth: Booth) -> tuple:
    """Stands "2" < "10" < "A3"; booths without a stand last, by name."""
    stand = booth.stand
    if not stand:
        return (2, 0, "", booth.name.lower())
    if stand.isdigit():
        return (0, int(stand), stand, booth.name.lower())
    return (1, 0, stand.lower(), booth.name.lower())


def booth_page(event: Event, slug: str) -> Booth | None:
    """A booth with what its page shows: organisation, hall, ecosystems, challenges, documents
    and whether staff are online (four queries)."""
    return (
        with_online(Booth.objects.filter(event=event, slug=slug))
        .select_related("organisation", "hall")
        .prefetch_related(
            "ecosystems",
            "challenges",
            Prefetch("documents", BoothDocument.objects.order_by("position", "title")),
        )
        .first()
    )


def texts(booth: Booth, language: str | None = None) -> dict:
    """The booth's summary and description in the reader's language, each falling back to the
    original text where the translation is missing or empty."""
    language = (language or get_language() or "").split("-")[0]
    own = (booth.translations or {}).get(language) or {}
    return {
        "summary": own.get("summary") or booth.summary,
        "description": own.get("description") or booth.description,
        "language": language if own else "",
    }


def visit_figures(booth: Booth) -> dict:
    """The booth's visits for the exhibitor's dashboard: visits (one per person and 30-minute
    stretch of views, see `visits.py`), unique visitors (distinct people), and both per day and
    per hour of the event's time zone. Three queries whatever the number of visits.

    `per_day`: [{"day": date, "visits": n, "visitors": n}] in order;
    `per_hour`: [{"hour": aware datetime (start of the hour, event time zone), "visits": n,
    "visitors": n}] in order; only days and hours with visits appear."""
    tz = booth.event.tz
    visits = BoothVisit.objects.filter(booth=booth)
    totals = visits.aggregate(visits=Count("pk"), visitors=Count("person", distinct=True))
    per_day = [
        {"day": row["day"], "visits": row["visits"], "visitors": row["visitors"]}
        for row in visits.annotate(day=TruncDate("started_at", tzinfo=tz))
        .values("day")
        .annotate(visits=Count("pk"), visitors=Count("person", distinct=True))
        .order_by("day")
    ]
    per_hour = [
        {
            "hour": row["hour"].astimezone(tz),
            "visits": row["visits"],
            "visitors": row["visitors"],
        }
        for row in visits.annotate(hour=TruncHour("started_at", tzinfo=tz))
        .values("hour")
        .annotate(visits=Count("pk"), visitors=Count("person", distinct=True))
        .order_by("hour")
    ]
    return {
        "visits": totals["visits"],
        "visitors": totals["visitors"],
        "per_day": per_day,
        "per_hour": per_hour,
    }


def messages(booth: Booth) -> list[BoothMessage]:
    """The messages left at the booth, newest first, with their senders (one query)."""
    return list(
        BoothMessage.objects.filter(booth=booth)
        .select_related("person", "person__organisation")
        .order_by("-created_at", "-pk")
    )


def staff_booths(person, event: Event) -> list[Booth]:
    """The booths of the event this person staffs (one query)."""
    if person is None or not person.is_authenticated:
        return []
    return list(Booth.objects.filter(event=event, staff__person=person).order_by("name"))
