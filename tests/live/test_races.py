"""Real races against PostgreSQL: many threads, each with its own database connection, hit the
live services at the same moment (a `threading.Barrier` releases them together). Nothing is
mocked: the row locks, the unique constraints and the transactions are PostgreSQL's.

SQLite serialises every writer on one file lock, so these races cannot happen there: the module
is skipped on SQLite and runs in the PostgreSQL pass of `make test`.
"""

import threading
from collections import Counter

import pytest
from django.utils import timezone

from clustermeet.live import messages, services, voting
from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption, Question, Upvote
from clustermeet.people.models import Person, Registration
from clustermeet.programme.models import Session
from tests.factories import EventFactory, SessionFactory
from tests.harness.races import JOIN_TIMEOUT, POSTGRES_ONLY, run_together

pytestmark = [
    # serialized_rollback: the flush after each test keeps the migrations' reference data.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]

THREADS = 50


def attempt(poll_id: int, voter: Person, answer: dict) -> tuple:
    """One vote: ("ack", voter pk, ballot pk, version, stored answer) or ("refused", voter pk,
    code). Only LiveError counts as a refusal; anything else fails the test."""
    try:
        ballot = voting.cast_vote(poll_id, voting.Voter.for_person(voter), answer)
    except services.LiveError as error:
        return ("refused", voter.pk, error.code)
    return ("ack", voter.pk, ballot.pk, ballot.version, ballot.answer)


@pytest.fixture
def room(transactional_db):
    """An event, a session with live settings, THREADS * 2 approved participants."""
    event = EventFactory(slug="race")
    session = SessionFactory(event=event)
    LiveSettings.objects.create(session=session, qa_moderated=False)
    people = Person.objects.bulk_create(
        Person(email=f"voter{n}@example.org", first_name=f"Voter{n}", slug=f"voter-{n}")
        for n in range(THREADS * 2)
    )
    Registration.objects.bulk_create(
        Registration(
            event=event,
            person=p,
            status=Registration.Status.APPROVED,
            terms_accepted_at=timezone.now(),
        )
        for p in people
    )
    return {"event": event, "session": session, "people": people}


def open_single_poll(session: Session, *, allow_change: bool = False) -> tuple[Poll, list[int]]:
    poll = Poll.objects.create(
        session=session, question="Which support?", type="single", allow_change=allow_change
    )
    options = [
        PollOption.objects.create(poll=poll, label=label, position=n).pk
        for n, label in enumerate(["Invest", "Collaborate", "Simplify"])
    ]
    services.open_poll(poll.pk)
    return poll, options


def results_of(poll_id: int) -> dict:
    """The results every client is sent (the moderators' payload), computed from the database."""
    poll = Poll.objects.get(pk=poll_id)
    return messages.poll_payloads(poll)[messages.MODERATORS]["results"]


def counts_of(results: dict) -> dict[int, int]:
    return {o["id"]: o["count"] for o in results["options"]}


def test_one_ballot_per_voter_under_50_concurrent_connections(room):
    """Rounds 1 and 2: two threads vote for the same voter at the same moment (25 voters per
    round, 50 in all, each attempt with a different answer). Round 3: every voter tries again.
    Exactly one attempt per voter is acknowledged and counted; every other is refused with
    `already_voted`."""
    poll, options = open_single_poll(room["session"])
    people = room["people"][:THREADS]
    version_after_open = Poll.objects.get(pk=poll.pk).version

    def voter_of(i: int, round: int) -> Person:
        if round == 0:
            return people[i // 2]
        if round == 1:
            return people[THREADS // 2 + i // 2]
        return people[(i * 7) % THREADS]

    def work(i: int, barrier: threading.Barrier) -> list:
        out = []
        for round in range(3):
            barrier.wait()
            out.append(attempt(poll.pk, voter_of(i, round), {"choice": options[(i + round) % 3]}))
        return out

    outcomes = [o for thread in run_together(THREADS, work, own_barrier=True) for o in thread]

    acks = [o for o in outcomes if o[0] == "ack"]
    refusals = [o for o in outcomes if o[0] == "refused"]
    assert len(outcomes) == 3 * THREADS
    assert len(acks) == THREADS
    assert sorted(voter for _, voter, *_ in acks) == sorted(p.pk for p in people)
    assert Counter(code for *_, code in refusals) == {"already_voted": 2 * THREADS}

    ballots = {b.pk: b for b in Ballot.objects.filter(poll=poll)}
    assert len(ballots) == THREADS
    for _, voter, ballot_pk, version, answer in acks:
        ballot = ballots[ballot_pk]
        assert (ballot.voter_key, ballot.version, ballot.answer) == (f"p{voter}", version, answer)
    # Every acknowledged ballot made exactly one version, none lost, none twice.
    assert sorted(version for *_, version, _ in acks) == list(
        range(version_after_open + 1, version_after_open + THREADS + 1)
    )
    assert Poll.objects.get(pk=poll.pk).version == version_after_open + THREADS

    results = results_of(poll.pk)
    assert results["voters"] == THREADS
    assert counts_of(results) == {
        option: sum(1 for *_, answer in acks if answer == {"choice": option}) for option in options
    }
    assert sum(counts_of(results).values()) == THREADS


def test_changing_votes_race_each_voter_counted_once(room):
    """allow_change: two threads vote for the same voter at once, twice over, then every voter
    changes again. Every attempt is acknowledged; each voter keeps one ballot, holding the answer
    of their acknowledgement with the highest version, and is counted once."""
    poll, options = open_single_poll(room["session"], allow_change=True)
    people = room["people"][:THREADS]
    version_after_open = Poll.objects.get(pk=poll.pk).version

    def voter_of(i: int, round: int) -> Person:
        if round == 0:
            return people[i // 2]
        if round == 1:
            return people[THREADS // 2 + i // 2]
        return people[(i * 7) % THREADS]

    def work(i: int, barrier: threading.Barrier) -> list:
        out = []
        for round in range(3):
            barrier.wait()
            out.append(attempt(poll.pk, voter_of(i, round), {"choice": options[(i + round) % 3]}))
        return out

    outcomes = [o for thread in run_together(THREADS, work, own_barrier=True) for o in thread]

    assert [o for o in outcomes if o[0] != "ack"] == []
    assert len(outcomes) == 3 * THREADS
    assert sorted(o[3] for o in outcomes) == list(
        range(version_after_open + 1, version_after_open + 3 * THREADS + 1)
    )
    last: dict[int, tuple] = {}
    for o in sorted(outcomes, key=lambda o: o[3]):
        last[o[1]] = o
    assert len(last) == THREADS

    ballots = list(Ballot.objects.filter(poll=poll))
    assert len(ballots) == THREADS
    by_voter = {b.voter_key: b for b in ballots}
    for voter, (_, _, ballot_pk, version, answer) in last.items():
        ballot = by_voter[f"p{voter}"]
        assert (ballot.pk, ballot.version, ballot.answer) == (ballot_pk, version, answer)
    assert Poll.objects.get(pk=poll.pk).version == version_after_open + 3 * THREADS

    results = results_of(poll.pk)
    assert results["voters"] == THREADS
    assert counts_of(results) == {
        option: sum(1 for o in last.values() if o[4] == {"choice": option}) for option in options
    }


def test_concurrent_upvotes_one_per_person(room):
    """Two threads upvote one question as the same person at the same moment, for 50 people:
    50 upvotes, 50 `already_upvoted`, and the counter equals the rows."""
    question = Question.objects.create(
        session=room["session"],
        author=room["people"][-1],
        text="How do clusters help SMEs?",
        status=Question.Status.APPROVED,
    )
    people = room["people"][:THREADS]

    def work(i: int, barrier: threading.Barrier) -> list:
        out = []
        for round in range(2):
            person = people[round * THREADS // 2 + i // 2]
            barrier.wait()
            try:
                services.upvote(question.pk, person)
            except services.LiveError as error:
                out.append(("refused", person.pk, error.code))
            else:
                out.append(("ok", person.pk))
        return out

    outcomes = [o for thread in run_together(THREADS, work, own_barrier=True) for o in thread]

    oks = sorted(o[1] for o in outcomes if o[0] == "ok")
    assert oks == sorted(p.pk for p in people)
    assert Counter(o[2] for o in outcomes if o[0] == "refused") == {"already_upvoted": THREADS}
    question.refresh_from_db()
    assert question.upvote_count == THREADS
    assert Upvote.objects.filter(question=question).count() == THREADS
    assert sorted(Upvote.objects.values_list("person_id", flat=True)) == oks


def test_votes_racing_with_close(room):
    """50 voters (each followed at once by a duplicate attempt) race with the moderator closing
    the poll, who closes as soon as 20 votes are in; after the close, 50 more voters try. Every
    acknowledged vote is in the database and in the results; nothing is recorded after the
    close (by version, and by time: no ballot's updated_at is later than closed_at); every
    refusal is `poll_not_open` (or `already_voted` for a duplicate)."""
    poll, options = open_single_poll(room["session"])
    first, late = room["people"][:THREADS], room["people"][THREADS:]
    version_after_open = Poll.objects.get(pk=poll.pk).version
    lock = threading.Lock()
    acked = [0]
    enough, closed = threading.Event(), threading.Event()

    def vote(person: Person, answer: dict) -> tuple:
        outcome = attempt(poll.pk, person, answer)
        if outcome[0] == "ack":
            with lock:
                acked[0] += 1
                if acked[0] >= 20:
                    enough.set()
        return outcome

    def work(i: int, barrier: threading.Barrier) -> list:
        if i == THREADS:  # the moderator
            barrier.wait()
            assert enough.wait(JOIN_TIMEOUT)
            try:
                closed_poll = services.close_poll(poll.pk)
            finally:
                closed.set()
            return [("closed", closed_poll.version)]
        barrier.wait()
        out = [("first", vote(first[i], {"choice": options[i % 3]}))]
        out.append(("duplicate", vote(first[i], {"choice": options[(i + 1) % 3]})))
        assert closed.wait(JOIN_TIMEOUT)
        out.append(("late", vote(late[i], {"choice": options[i % 3]})))
        return out

    results = run_together(THREADS + 1, work, own_barrier=True)
    [(_, close_version)] = results[THREADS]
    outcomes = [o for thread in results[:THREADS] for o in thread]

    acks = [o for kind, o in outcomes if o[0] == "ack"]
    assert len(acks) >= 20
    assert all(kind == "first" for kind, o in outcomes if o[0] == "ack")
    refused = Counter((kind, o[2]) for kind, o in outcomes if o[0] == "refused")
    assert set(refused) <= {
        ("first", "poll_not_open"),
        ("duplicate", "already_voted"),
        ("duplicate", "poll_not_open"),
        ("late", "poll_not_open"),
    }
    assert refused[("late", "poll_not_open")] == THREADS
    assert len(acks) + refused[("first", "poll_not_open")] == THREADS

    poll.refresh_from_db()
    assert poll.status == Poll.Status.CLOSED
    assert poll.version == close_version == version_after_open + len(acks) + 1
    ballots = {b.pk: b for b in Ballot.objects.filter(poll=poll)}
    assert len(ballots) == len(acks)
    for _, voter, ballot_pk, version, answer in acks:
        ballot = ballots[ballot_pk]
        assert (ballot.voter_key, ballot.version, ballot.answer) == (f"p{voter}", version, answer)
        assert version < close_version
    late_ballots = [b.updated_at for b in ballots.values() if b.updated_at > poll.closed_at]
    assert late_ballots == [], f"ballots recorded after closed_at {poll.closed_at}"
    assert results_of(poll.pk)["voters"] == len(acks)
