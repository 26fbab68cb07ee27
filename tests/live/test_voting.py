"""live.voting called directly: votes accepted and refused, quiz points, and votes written in
batches. Every refusal is checked to have changed nothing."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.live import services, voting
from clustermeet.live.models import Ballot, Poll, PollOption, Quiz
from clustermeet.live.services import LiveError
from clustermeet.live.voting import Voter
from tests.live.calls import counts_of, opened, refused, state, vote

pytestmark = pytest.mark.django_db


# --- voting ---------------------------------------------------------------------------------


def test_a_vote_is_counted(stage):
    poll, (invest, _, _) = opened(stage["poll"]), stage["options"]
    alice = stage["alice"]

    ballot = vote(poll, alice, invest.pk)  # the bare id is accepted and stored canonically

    stored = Ballot.objects.get()
    assert stored.pk == ballot.pk
    assert (stored.voter_key, stored.person, stored.answer) == (
        f"p{alice.pk}",
        alice,
        {"choice": invest.pk},
    )
    assert (stored.status, stored.points, stored.version) == ("counted", 0, 2)
    assert stored.created_at == stored.updated_at
    assert Poll.objects.get(pk=poll.pk).version == 2
    assert counts_of(poll) == [1, 0, 0]


def test_someone_in_the_room_votes_with_a_token(stage):
    poll, (_, collaborate, _) = opened(stage["poll"]), stage["options"]

    voting.cast_vote(poll.pk, Voter.for_room_token("tok3n"), {"choice": collaborate.pk})

    ballot = Ballot.objects.get()
    assert (ballot.voter_key, ballot.person) == ("rtok3n", None)


@pytest.mark.parametrize("status", ["draft", "closed"])
def test_a_vote_on_a_poll_that_is_not_open_is_refused(stage, status):
    poll, invest = stage["poll"], stage["options"][0]
    Poll.objects.filter(pk=poll.pk).update(status=status)
    before = state(poll)

    error = refused(vote, poll, stage["alice"], {"choice": invest.pk})

    assert (error.code, str(error)) == ("poll_not_open", "This poll is not open for voting.")
    assert state(poll) == before
    assert Ballot.objects.count() == 0


def test_a_vote_on_an_unknown_poll_is_refused(stage):
    error = refused(voting.cast_vote, 987654, Voter.for_person(stage["alice"]), 1)

    assert (error.code, str(error)) == ("not_found", "No such poll.")


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"choice": 987654}, "That option is not part of this poll."),
        ({"choices": []}, "Choose one option."),
        ("Invest", "Choose one option."),
        (True, "Choose one option."),
    ],
)
def test_an_invalid_answer_is_refused(stage, answer, message):
    poll = opened(stage["poll"])
    before = state(poll)

    error = refused(vote, poll, stage["alice"], answer)

    assert (error.code, str(error)) == ("invalid_answer", message)
    assert state(poll) == before
    assert Ballot.objects.count() == 0


def test_a_second_vote_is_refused_and_the_first_stays(stage):
    poll, (invest, collaborate, _) = opened(stage["poll"]), stage["options"]
    first = vote(poll, stage["alice"], {"choice": invest.pk})
    before = state(poll)

    error = refused(vote, poll, stage["alice"], {"choice": collaborate.pk})

    assert (error.code, str(error)) == ("already_voted", "You have already voted in this poll.")
    assert state(poll) == before == ("open", 2, [(first.pk, {"choice": invest.pk})])
    assert counts_of(poll) == [1, 0, 0]


def test_a_changed_vote_replaces_the_first_and_counts_once(stage):
    poll, (invest, collaborate, _) = stage["poll"], stage["options"]
    Poll.objects.filter(pk=poll.pk).update(allow_change=True)
    poll = opened(poll)
    first = vote(poll, stage["alice"], {"choice": invest.pk})
    vote(poll, stage["bob"], {"choice": invest.pk})

    second = vote(poll, stage["alice"], {"choice": collaborate.pk})

    assert second.pk == first.pk
    ballot = Ballot.objects.get(pk=first.pk)
    assert (ballot.answer, ballot.version, ballot.created_at) == (
        {"choice": collaborate.pk},
        4,
        first.created_at,
    )
    assert ballot.updated_at >= ballot.created_at
    assert Ballot.objects.count() == 2
    assert Poll.objects.get(pk=poll.pk).version == 4
    assert counts_of(poll) == [1, 1, 0]


def test_an_open_text_answer_waits_for_moderation(stage):
    poll = Poll.objects.create(session=stage["session"], question="Ideas?", type="open_text")
    opened(poll)
    ballot = vote(poll, stage["alice"], {"text": "  More pilots\r\nand demonstrators  "})
    assert (ballot.status, ballot.answer) == ("pending", {"text": "More pilots\nand demonstrators"})

    services.moderate_text_answer(ballot.pk, approve=True)

    ballot.refresh_from_db()
    assert ballot.status == "approved"
    assert Poll.objects.get(pk=poll.pk).version == 3
    services.moderate_text_answer(ballot.pk, approve=False)
    assert Ballot.objects.get(pk=ballot.pk).status == "rejected"


# --- quiz -----------------------------------------------------------------------------------


@pytest.fixture
def quiz_question(stage):
    """A quiz question open for half an hour of its hour: a right answer now earns
    500 + 500 × ½ = 750 points (a second more or less changes it by 0.14)."""
    quiz = Quiz.objects.create(session=stage["session"], title="Cluster quiz")
    poll = Poll.objects.create(
        session=stage["session"], quiz=quiz, question="Triple helix?", time_limit_s=3600
    )
    right = PollOption.objects.create(
        poll=poll, label="Business, research, government", position=0, is_correct=True
    )
    wrong = PollOption.objects.create(poll=poll, label="Banks, insurers, investors", position=1)
    opened(poll)
    Poll.objects.filter(pk=poll.pk).update(opened_at=timezone.now() - dt.timedelta(seconds=1800))
    return poll, right, wrong


def test_a_right_quiz_answer_earns_points_for_speed(stage, quiz_question):
    poll, right, _ = quiz_question

    ballot = vote(poll, stage["alice"], {"choice": right.pk})

    assert Ballot.objects.get(pk=ballot.pk).points == 750


def test_a_wrong_quiz_answer_earns_nothing(stage, quiz_question):
    poll, _, wrong = quiz_question

    ballot = vote(poll, stage["alice"], {"choice": wrong.pk})

    assert (Ballot.objects.get(pk=ballot.pk).points, ballot.status) == (0, "counted")


def test_a_quiz_answer_after_the_time_limit_is_refused(stage, quiz_question):
    poll, right, _ = quiz_question
    Poll.objects.filter(pk=poll.pk).update(
        time_limit_s=30, opened_at=timezone.now() - dt.timedelta(seconds=31)
    )
    before = state(poll)

    error = refused(vote, poll, stage["alice"], {"choice": right.pk})

    assert (error.code, str(error)) == ("time_up", "Time is up for this question.")
    assert state(poll) == before
    assert Ballot.objects.count() == 0


# --- votes in batches (what a process's connections sent meanwhile) ------------------------


def test_a_batch_of_votes_has_each_vote_s_outcome_in_order(stage):
    poll = opened(stage["poll"])
    invest, collaborate, _ = stage["options"]
    before = Poll.objects.get(pk=poll.pk).version
    alice, bob = Voter.for_person(stage["alice"]), Voter.for_person(stage["bob"])
    results = voting.cast_votes(
        [
            voting.VoteRequest(poll.pk, alice, {"choice": invest.pk}),
            voting.VoteRequest(poll.pk, alice, {"choice": collaborate.pk}),  # a duplicate
            voting.VoteRequest(poll.pk, bob, {"choice": 987654}),  # not an option
            voting.VoteRequest(987654, bob, 1),  # no such poll
            voting.VoteRequest(poll.pk, Voter.for_room_token("t"), {"choice": collaborate.pk}),
        ]
    )
    kinds = [r.code if isinstance(r, LiveError) else "ack" for r in results]
    assert kinds == ["ack", "already_voted", "invalid_answer", "not_found", "ack"]
    # One version per written ballot, consecutive, as if the votes had come one by one.
    assert [results[0].version, results[4].version] == [before + 1, before + 2]
    assert Poll.objects.get(pk=poll.pk).version == before + 2
    stored = dict(Ballot.objects.filter(poll=poll).values_list("voter_key", "pk"))
    assert stored == {alice.key: results[0].pk, "rt": results[4].pk}
    assert counts_of(poll) == [1, 1, 0]


def test_a_batch_refuses_voters_who_have_a_ballot_and_changes_nothing_for_them(stage):
    poll = opened(stage["poll"])
    invest, collaborate, _ = stage["options"]
    vote(poll, stage["alice"], {"choice": invest.pk})
    before = state(poll)
    [result] = voting.cast_votes(
        [voting.VoteRequest(poll.pk, Voter.for_person(stage["alice"]), collaborate.pk)]
    )
    assert result.code == "already_voted"
    assert state(poll) == before


def test_a_batch_on_a_closed_poll_writes_nothing(stage):
    poll = opened(stage["poll"])
    services.close_poll(poll.pk)
    before = state(poll)
    results = voting.cast_votes(
        [
            voting.VoteRequest(poll.pk, Voter.for_person(p), stage["options"][0].pk)
            for p in (stage["alice"], stage["bob"])
        ]
    )
    assert [r.code for r in results] == ["poll_not_open", "poll_not_open"]
    assert state(poll) == before


def test_a_batch_writes_refusals_in_each_voter_s_language(stage):
    poll = opened(stage["poll"])
    results = voting.cast_votes(
        [
            voting.VoteRequest(poll.pk, Voter.for_person(stage["alice"]), 987654, "fr"),
            voting.VoteRequest(poll.pk, Voter.for_person(stage["bob"]), 987654, "en"),
        ]
    )
    assert [r.code for r in results] == ["invalid_answer", "invalid_answer"]
    assert str(results[0]) != str(results[1])


def test_a_batch_on_a_poll_that_allows_changes_keeps_one_ballot_per_voter(stage):
    poll = stage["poll"]
    Poll.objects.filter(pk=poll.pk).update(allow_change=True)
    poll = opened(poll)
    invest, _collaborate, simplify = stage["options"]
    alice = Voter.for_person(stage["alice"])
    results = voting.cast_votes(
        [
            voting.VoteRequest(poll.pk, alice, invest.pk),
            voting.VoteRequest(poll.pk, alice, simplify.pk),
        ]
    )
    assert results[0].pk == results[1].pk
    assert results[1].version == results[0].version + 1
    assert counts_of(poll) == [0, 0, 1]
