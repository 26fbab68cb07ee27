"""Reads of the jury: the jury's means per nomination (the results' tally weighs them), a
juror's categories and progress, and the ranking."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Exists, OuterRef, Sum

from clustermeet.awards.models import Category, Conflict, Nomination, Score

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
