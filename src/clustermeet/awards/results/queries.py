"""Reads of the results: the tally as it stands (for the early look and the reveal), turnout
per category (never a count per finalist before the reveal), the published ballots and the
receipt check, the pages' categories, and the awards' log. Each read runs a fixed number of
queries, whatever the number of categories, ballots or entries."""

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Prefetch
from django.utils import timezone

from clustermeet.awards import phases
from clustermeet.awards.jury.queries import jury_means
from clustermeet.awards.models import AuditEntry, Ballot, Category, Channel, Nomination
from clustermeet.awards.results.entries import describe, nomination_ids
from clustermeet.awards.results.tally import Result, tally
from clustermeet.events.models import Event
from clustermeet.people.models import Registration

ONE_PLACE = Decimal("0.1")


def finalists_of(category: Category) -> list[tuple[int, str]]:
    """The finalists as the tally takes them: (id, name) in their shown order (one query)."""
    return list(
        category.nominations.filter(finalist=True)
        .order_by("position", "name", "pk")
        .values_list("pk", "name")
    )


def means_for(category: Category) -> dict:
    """The jury's means the tally weighs: none when the jury has no weight (then no query)."""
    return jury_means(category) if category.jury_weight else {}


def current_tally(category: Category) -> Result:
    """The tally of the category's ballots as they stand (two or three queries). Shown to
    nobody but through `services.view_early` (logged) and the reveal."""
    votes = Ballot.objects.filter(category=category).values_list("nomination_id", "channel")
    return tally(finalists_of(category), votes, means_for(category), category.jury_weight)


@dataclass
class Turnout:
    online: int
    onsite: int
    eligible: int | None  # None: anyone with an account may vote (the community)

    @property
    def total(self) -> int:
        return self.online + self.onsite

    @property
    def percent(self) -> Decimal | None:
        if not self.eligible:
            return None
        return (Decimal(100 * self.total) / self.eligible).quantize(ONE_PLACE, ROUND_HALF_UP)


def approved_participants(event: Event) -> int:
    return Registration.objects.filter(event=event, status=Registration.Status.APPROVED).count()


def turnouts(categories: list[Category], event: Event) -> dict[int, Turnout]:
    """Per category pk, its ballots online and on site and who may vote (two queries, one
    when no category is for the participants)."""
    counts = {c.pk: {Channel.ONLINE: 0, Channel.ONSITE: 0} for c in categories}
    rows = (
        Ballot.objects.filter(category__in=[c.pk for c in categories])
        .values("category_id", "channel")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in rows:
        counts[row["category_id"]][row["channel"]] = row["n"]
    participants = any(c.voters == Category.Voters.PARTICIPANTS for c in categories)
    eligible = approved_participants(event) if participants else None
    return {
        c.pk: Turnout(
            online=counts[c.pk][Channel.ONLINE],
            onsite=counts[c.pk][Channel.ONSITE],
            eligible=eligible if c.voters == Category.Voters.PARTICIPANTS else None,
        )
        for c in categories
    }


@dataclass
class CategoryTurnout:
    category: Category
    phase: str
    turnout: Turnout | None  # None: a category the organisers decide (no vote)


def turnout(event: Event, now: datetime | None = None) -> list[CategoryTurnout]:
    """Every category of the event with its phase and, for a vote, its turnout (three
    queries)."""
    now = now or timezone.now()
    categories = list(Category.objects.filter(event=event).order_by("position", "name", "pk"))
    figures = turnouts([c for c in categories if c.kind == Category.Kind.VOTE], event)
    return [CategoryTurnout(c, phases.phase(c, now), figures.get(c.pk)) for c in categories]


def manage_categories(event: Event, now: datetime | None = None) -> list[CategoryTurnout]:
    """The organisers' results page: `turnout`, each category with its accepted nominations
    (for the decision's choice; four queries)."""
    now = now or timezone.now()
    accepted = Nomination.objects.filter(status=Nomination.Status.ACCEPTED).order_by(
        "position", "name", "pk"
    )
    categories = list(
        Category.objects.filter(event=event)
        .order_by("position", "name", "pk")
        .prefetch_related(Prefetch("nominations", queryset=accepted, to_attr="accepted"))
    )
    figures = turnouts([c for c in categories if c.kind == Category.Kind.VOTE], event)
    return [CategoryTurnout(c, phases.phase(c, now), figures.get(c.pk)) for c in categories]


def revealed_categories(event: Event) -> list[Category]:
    return list(
        Category.objects.filter(event=event, revealed_at__isnull=False).order_by(
            "position", "name", "pk"
        )
    )


def unrevealed_count(event: Event) -> int:
    return Category.objects.filter(event=event, revealed_at__isnull=True).count()


def _hour(moment: datetime, event: Event) -> datetime:
    return timezone.localtime(moment, event.tz).replace(minute=0, second=0, microsecond=0)


def published_ballots(category: Category) -> list[dict]:
    """After the reveal, the category's ballots as published: receipt, channel, the hour it
    was cast (in the event's time zone) and the finalist chosen — never the voter. In receipt
    order, which says nothing about who voted when. Before the reveal: nothing (no query)."""
    if category.revealed_at is None:
        return []
    return published_ballots_of([category], category.event)[category.pk]


def published_ballots_of(categories: list[Category], event: Event) -> dict[int, list[dict]]:
    """`published_ballots` of several revealed categories in one query."""
    shown = {c.pk: [] for c in categories if c.revealed_at is not None}
    if not shown:
        return shown
    ballots = (
        Ballot.objects.filter(category__in=list(shown))
        .select_related("nomination")
        .order_by("category_id", "receipt")
    )
    for b in ballots:
        shown[b.category_id].append(
            {
                "receipt": b.receipt,
                "channel": b.get_channel_display(),
                "cast_hour": _hour(b.cast_at, event),
                "finalist": b.nomination.name,
            }
        )
    return shown


def find_receipt(event: Event, receipt: str) -> dict | None:
    """The published ballot with this receipt (a revealed category of the event), or None —
    the same None for a receipt of an unrevealed category, of another event or of nobody."""
    receipt = "".join(receipt.split()).replace("-", "").upper()  # as typed: "abcd efgh-…"
    if not receipt:
        return None
    ballot = (
        Ballot.objects.filter(
            receipt=receipt,
            category__event=event,
            category__revealed_at__isnull=False,
        )
        .select_related("nomination", "category")
        .first()
    )
    if ballot is None:
        return None
    return {
        "receipt": ballot.receipt,
        "category": ballot.category,
        "channel": ballot.get_channel_display(),
        "cast_hour": _hour(ballot.cast_at, event),
        "finalist": ballot.nomination.name,
    }


def audit_log(event: Event) -> list[dict]:
    """The awards' log of the event, oldest first, each entry with its details in words (two
    queries: the entries, and the names of the nominations they mention)."""
    entries = list(
        AuditEntry.objects.filter(event=event)
        .select_related("actor", "category")
        .order_by("at", "pk")
    )
    ids = set().union(*(nomination_ids(e.detail) for e in entries)) if entries else set()
    names = dict(Nomination.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}
    return [{"entry": e, "details": describe(e, names)} for e in entries]
