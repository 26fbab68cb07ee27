"""Reads of the jury: the jury's means per nomination (the results' tally weighs them), a
juror's categories and progress, and the ranking."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Sum

from clustermeet.awards.models import Category, Conflict, Criterion, Juror, Nomination, Score

THREE_PLACES = Decimal("0.001")


def _mean(total: int, count: int) -> Decimal:
    return (Decimal(total) / Decimal(count)).quantize(THREE_PLACES, rounding=ROUND_HALF_UP)


def _counted_scores(category: Category):
    """The scores that count: on the category's accepted nominations, by jurors of the
    category who have not declared a conflict with that nomination."""
    conflicted = Conflict.objects.filter(
        juror_id=OuterRef("juror_id"), nomination_id=OuterRef("nomination_id")
    )
    return Score.objects.filter(
        nomination__category=category,
        nomination__status=Nomination.Status.ACCEPTED,
        juror__category=category,
        criterion__category=category,
    ).exclude(Exists(conflicted))


def jury_means(category: Category) -> dict[int, Decimal]:
    """Per accepted nomination id of the category, the mean of every score the jurors gave it
    (over jurors × criteria; a conflicted juror gives none), rounded to 3 places half up.
    Nominations nobody scored are absent. One query."""
    rows = (
        _counted_scores(category)
        .values("nomination_id")
        .annotate(total=Sum("value"), count=Count("pk"))
        .order_by("nomination_id")
    )
    return {row["nomination_id"]: _mean(row["total"], row["count"]) for row in rows}


def _per_criterion(category: Category) -> dict[int, dict[int, tuple[int, int]]]:
    """{nomination id: {criterion id: (sum, count)}} of the scores that count. One query."""
    rows = (
        _counted_scores(category)
        .values("nomination_id", "criterion_id")
        .annotate(total=Sum("value"), count=Count("pk"))
        .order_by()
    )
    found: dict[int, dict[int, tuple[int, int]]] = {}
    for row in rows:
        found.setdefault(row["nomination_id"], {})[row["criterion_id"]] = (
            row["total"],
            row["count"],
        )
    return found


@dataclass(frozen=True)
class Progress:
    jurors: int
    finished: int

    @property
    def still_scoring(self) -> int:
        return self.jurors - self.finished

    @property
    def all_finished(self) -> bool:
        return self.jurors > 0 and self.finished == self.jurors


def progress(category: Category) -> Progress:
    """How many jurors the category has and how many have finished. One query."""
    counts = Juror.objects.filter(category=category).aggregate(
        jurors=Count("pk"), finished=Count("pk", filter=Q(finished_at__isnull=False))
    )
    return Progress(counts["jurors"], counts["finished"])


@dataclass(frozen=True)
class RankingRow:
    nomination: Nomination
    rank: int | None  # None: nobody scored it
    tied: bool
    mean: Decimal | None
    criteria: list[tuple[Criterion, Decimal | None]]
    scores: int


def ranking(category: Category) -> list[RankingRow]:
    """The category's accepted nominations by the jury's mean score, best first; equal means
    share a rank (1, 1, 3) and are marked tied; unscored nominations come last without a rank.
    Four queries whatever the numbers."""
    criteria = list(category.criteria.all())
    nominations = list(
        Nomination.objects.filter(category=category, status=Nomination.Status.ACCEPTED)
    )
    means = jury_means(category)
    details = _per_criterion(category)
    ordered = sorted(
        nominations,
        key=lambda n: (n.pk not in means, -(means.get(n.pk) or 0), n.position, n.name, n.pk),
    )
    counts: dict[Decimal, int] = {}
    for mean in means.values():
        counts[mean] = counts.get(mean, 0) + 1
    rows, rank = [], 0
    for index, nomination in enumerate(ordered, start=1):
        mean = means.get(nomination.pk)
        if mean is not None and (not rows or rows[-1].mean != mean):
            rank = index
        per = details.get(nomination.pk, {})
        rows.append(
            RankingRow(
                nomination=nomination,
                rank=rank if mean is not None else None,
                tied=mean is not None and counts[mean] > 1,
                mean=mean,
                criteria=[(c, _mean(*per[c.pk]) if c.pk in per else None) for c in criteria],
                scores=sum(count for _total, count in per.values()),
            )
        )
    return rows


@dataclass(frozen=True)
class Proposal:
    """The top N of the ranking: `chosen` are in for sure, `tied` straddle the cut (the
    organisers pick among them), `target` is N."""

    target: int
    chosen: list[int]
    tied: list[int]


def proposal(rows: list[RankingRow], target: int) -> Proposal:
    ranked = [row for row in rows if row.mean is not None]
    if len(ranked) <= target:
        return Proposal(target, [row.nomination.pk for row in ranked], [])
    cut = ranked[target - 1].mean
    above = [row.nomination.pk for row in ranked if row.mean > cut]
    at_cut = [row.nomination.pk for row in ranked if row.mean == cut]
    if len(above) + len(at_cut) == target:
        return Proposal(target, above + at_cut, [])
    return Proposal(target, above, at_cut)


@dataclass
class Seat:
    """A juror's view of one category: its accepted nominations with what the juror did."""

    juror: Juror
    category: Category
    nominations: list[Nomination]
    scored: set[int]  # nominations the juror scored on every criterion
    conflicted: set[int]
    criteria: int

    @property
    def to_score(self) -> int:
        return len(self.nominations) - len(self.conflicted)

    @property
    def done(self) -> int:
        return len(self.scored - self.conflicted)

    @property
    def can_finish(self) -> bool:
        return (
            self.juror.finished_at is None
            and self.category.shortlist_confirmed_at is None
            and self.criteria > 0
            and self.done == self.to_score
        )


def seats(person, event) -> list[Seat]:
    """The person's jury seats at the event, each with its category's accepted nominations and
    the juror's progress. Four queries whatever the numbers."""
    if person is None or not person.is_authenticated:
        return []
    jurors = list(
        Juror.objects.filter(person=person, category__event=event)
        .select_related("category")
        .annotate(criteria_count=Count("category__criteria", distinct=True))
        .prefetch_related(
            Prefetch(
                "category__nominations",
                queryset=Nomination.objects.filter(status=Nomination.Status.ACCEPTED),
                to_attr="accepted",
            )
        )
        .order_by("category__position", "category__name", "pk")
    )
    full = (
        Score.objects.filter(juror__in=jurors)
        .values("juror_id", "nomination_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    scored: dict[int, set[int]] = {}
    for row in full:
        scored.setdefault(row["juror_id"], set())
        scored[row["juror_id"]].add((row["nomination_id"], row["n"]))
    conflicts: dict[int, set[int]] = {}
    for juror_id, nomination_id in Conflict.objects.filter(juror__in=jurors).values_list(
        "juror_id", "nomination_id"
    ):
        conflicts.setdefault(juror_id, set()).add(nomination_id)
    found = []
    for juror in jurors:
        criteria = juror.criteria_count
        found.append(
            Seat(
                juror=juror,
                category=juror.category,
                nominations=juror.category.accepted,
                scored={pk for pk, n in scored.get(juror.pk, set()) if criteria and n == criteria},
                conflicted=conflicts.get(juror.pk, set()),
                criteria=criteria,
            )
        )
    return found


def scoring_sheet(juror: Juror, nomination: Nomination) -> dict:
    """What the scoring page of one nomination needs: the criteria, the juror's scores by
    criterion id, and their conflict (or None)."""
    return {
        "criteria": list(juror.category.criteria.all()),
        "scores": dict(
            Score.objects.filter(juror=juror, nomination=nomination).values_list(
                "criterion_id", "value"
            )
        ),
        "conflict": Conflict.objects.filter(juror=juror, nomination=nomination).first(),
    }
