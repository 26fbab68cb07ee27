"""Helpers of the results' tests: ballots written directly, and what a refusal must leave."""

from clustermeet.awards.models import AuditEntry, Ballot, Category, Nomination
from tests.awards.factories import BallotFactory
from tests.factories import PersonFactory


def finalists(category) -> list[Nomination]:
    return list(category.nominations.filter(finalist=True).order_by("position"))


def vote(category, nomination, channel="online", voter=None, **fields) -> Ballot:
    return BallotFactory(
        category=category,
        nomination=nomination,
        channel=channel,
        voter=voter or PersonFactory(),
        **fields,
    )


def snapshot(category) -> tuple:
    """What a refusal must leave as it was: the category's row, its nominations' flags, the
    log."""
    row = Category.objects.filter(pk=category.pk).values().get()
    flags = list(
        Nomination.objects.filter(category=category)
        .order_by("pk")
        .values_list("pk", "finalist", "winner")
    )
    return row, flags, AuditEntry.objects.count()
