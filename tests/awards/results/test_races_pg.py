"""Real races of the results against PostgreSQL: threads with their own connections, released
together. Closing a vote while people vote, then revealing, counts exactly the ballots that got
in; two organisers revealing at once reveal once.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import datetime as dt
from collections import Counter

import pytest
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import AuditEntry, Ballot
from clustermeet.awards.results import services
from clustermeet.awards.voting import services as voting
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.factories import EventFactory, RegistrationFactory
from tests.harness.races import POSTGRES_ONLY, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def _category():
    event = EventFactory()
    now = timezone.now()
    category = CategoryFactory(
        event=event,
        shortlist_confirmed_at=now - dt.timedelta(days=1),
        online_opens_at=now - dt.timedelta(hours=1),
        online_closes_at=now + dt.timedelta(hours=1),
    )
    finalists = [NominationFactory(category=category, finalist=True) for _ in range(3)]
    organisers = [RegistrationFactory(event=event, roles=["organiser"]).person for _ in range(2)]
    return category, finalists, organisers


def _attempt(call):
    try:
        return call()
    except AwardsError as error:
        return error.code


def test_closing_while_twenty_people_vote_then_revealing_counts_every_ballot_that_got_in():
    category, finalists, (organiser, _other) = _category()
    voters = [RegistrationFactory(event=category.event).person for _ in range(21)]
    first = voting.cast(category, voters[20], finalists[0], channel="online")  # one before

    def work(i):
        if i == 20:
            return _attempt(lambda: services.close_now(category, organiser, "online"))
        return _attempt(
            lambda: voting.cast(category, voters[i], finalists[i % 3], channel="online")
        )

    results = run_together(21, work)
    assert not isinstance(results[20], str)  # the close itself went through
    cast = [first] + [r for r in results[:20] if isinstance(r, Ballot)]
    assert {r for r in results[:20] if not isinstance(r, Ballot)} <= {"closed"}
    result = services.reveal(category, organiser)
    assert result.ballots == len(cast) == Ballot.objects.filter(category=category).count()
    counted = Counter(b.nomination_id for b in cast)
    assert {row.id: row.total for row in result.rows} == {f.pk: counted[f.pk] for f in finalists}


def test_two_organisers_revealing_at_once_reveal_once():
    category, finalists, organisers = _category()
    category.online_closes_at = timezone.now()
    category.save()
    Ballot.objects.create(
        category=category,
        voter=organisers[0],
        nomination=finalists[1],
        channel="online",
        receipt="RACE000000000001",
    )

    results = run_together(2, lambda i: _attempt(lambda: services.reveal(category, organisers[i])))

    assert sorted(r if isinstance(r, str) else "ok" for r in results) == ["ok", "revealed"]
    assert AuditEntry.objects.filter(category=category, action="revealed").count() == 1
    category.refresh_from_db()
    assert category.result["winners"] == [finalists[1].pk]
