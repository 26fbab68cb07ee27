"""Real races of the community vote against PostgreSQL: 50 voters, each voting online and on
site at the same moment (two threads per voter, released together by a barrier), each thread
twice, every attempt with another choice. Nothing is mocked: the row locks (the voter's Person
row, then the Category row), the unique constraint (category, voter) and the transactions are
PostgreSQL's.

What each thread got back is recorded and compared with the rows: one ballot per voter, never
an escaped IntegrityError; without changes the first write that committed is the ballot and
every other attempt was refused; with changes the row is the last write that committed (the
writes of one voter are serialised by the lock, so their `changes` count 0, 1, 2, 3 in commit
order and the row is the one that returned 3).

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

from collections import Counter

import pytest
from django.db import transaction
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import Ballot, Category
from clustermeet.awards.voting import services
from tests.awards.factories import checked_in, finalists_of, vote_category
from tests.factories import RegistrationFactory
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.onsite.factories import event_today

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]

VOTERS = 50
CHANNELS = ("online", "onsite")
ATTEMPTS = 2


def _setup(allow_change: bool):
    category = vote_category(
        event=event_today(), online=(-48, 2), onsite=(-1, 2), allow_change=allow_change
    )
    voters = []
    for _ in range(VOTERS):
        registration = RegistrationFactory(event=category.event)
        checked_in(registration)
        voters.append(registration.person)
    return category, voters, finalists_of(category)


def _choice(finalists, channel: str, attempt: int):
    """A different finalist for each of a voter's attempts (online 0, 1; on site 2, 0)."""
    return finalists[(CHANNELS.index(channel) * ATTEMPTS + attempt) % len(finalists)]


def _race(category, voters, finalists) -> dict[int, list[tuple]]:
    def work(i: int) -> list[tuple]:
        voter = voters[i // len(CHANNELS)]
        channel = CHANNELS[i % len(CHANNELS)]
        got = []
        for attempt in range(ATTEMPTS):
            choice = _choice(finalists, channel, attempt)
            try:
                ballot = services.cast(category, voter, choice, channel=channel)
            except AwardsError as error:
                got.append(("refused", error.code, choice.pk, channel))
            else:
                got.append(("ok", ballot.changes, ballot.nomination_id, ballot.channel))
                assert (ballot.nomination_id, ballot.channel) == (choice.pk, channel)
        return got

    results = run_together(VOTERS * len(CHANNELS), work)
    per_voter: dict[int, list[tuple]] = {voter.pk: [] for voter in voters}
    for i, got in enumerate(results):
        per_voter[voters[i // len(CHANNELS)].pk].extend(got)
    return per_voter


def test_without_changes_each_voter_keeps_the_first_ballot_that_committed():
    category, voters, finalists = _setup(allow_change=False)

    per_voter = _race(category, voters, finalists)

    rows = {row.voter_id: row for row in Ballot.objects.filter(category=category)}
    assert Ballot.objects.count() == VOTERS
    assert set(rows) == {voter.pk for voter in voters}
    for voter_pk, got in per_voter.items():
        assert Counter(g[0] for g in got) == Counter({"ok": 1, "refused": 3})
        assert {g[1] for g in got if g[0] == "refused"} == {"already_voted"}
        (first,) = [g for g in got if g[0] == "ok"]
        row = rows[voter_pk]
        assert (0, row.nomination_id, row.channel, row.changes) == (first[1], first[2], first[3], 0)


def test_with_changes_each_voter_has_one_row_equal_to_their_last_committed_write():
    category, voters, finalists = _setup(allow_change=True)

    per_voter = _race(category, voters, finalists)

    rows = {row.voter_id: row for row in Ballot.objects.filter(category=category)}
    assert Ballot.objects.count() == VOTERS
    assert set(rows) == {voter.pk for voter in voters}
    attempts = len(CHANNELS) * ATTEMPTS
    for voter_pk, got in per_voter.items():
        assert [g[0] for g in got] == ["ok"] * attempts
        assert sorted(g[1] for g in got) == list(range(attempts))
        (last,) = [g for g in got if g[1] == attempts - 1]
        row = rows[voter_pk]
        assert (row.changes, row.nomination_id, row.channel) == last[1:]
        assert row.first_cast_at <= row.cast_at


def test_a_close_now_during_the_vote_lets_no_ballot_in_after_it():
    """An organiser's "close now" (the Category row locked, the window's end moved to now)
    racing 30 votes: a vote either committed before the close, or read the new end under its
    own lock and was refused."""
    category, voters, finalists = _setup(allow_change=False)
    voters = voters[:30]

    def close_now() -> None:
        with transaction.atomic():
            locked = Category.objects.select_for_update().get(pk=category.pk)
            locked.online_closes_at = timezone.now()
            locked.onsite_closes_at = locked.online_closes_at
            locked.save(update_fields=["online_closes_at", "onsite_closes_at"])

    def work(i: int):
        if i == len(voters):
            return close_now()
        try:
            return services.cast(category, voters[i], finalists[i % 3], channel="online")
        except AwardsError as error:
            return error.code

    results = run_together(len(voters) + 1, work)

    closed_at = Category.objects.get(pk=category.pk).online_closes_at
    cast = [r for r in results[:-1] if isinstance(r, Ballot)]
    refusals = Counter(r for r in results[:-1] if not isinstance(r, Ballot))
    assert refusals == Counter({"closed": len(voters) - len(cast)})
    assert Ballot.objects.count() == len(cast)
    assert all(row.cast_at < closed_at for row in Ballot.objects.all())
