"""live.services called directly: polls opened and closed, votes accepted and refused, quiz
points, Q&A rules, and broadcasts that leave only after commit. Every refusal is checked to have
changed nothing and scheduled nothing."""

import asyncio
import datetime as dt

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from clustermeet.live import services, voting
from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption, Question, Quiz, Upvote
from clustermeet.live.services import LiveError
from clustermeet.live.tally import BallotRow, tally
from clustermeet.live.voting import Voter

pytestmark = pytest.mark.django_db


# --- helpers --------------------------------------------------------------------------------


def opened(poll: Poll) -> Poll:
    return services.open_poll(poll.pk)


def vote(poll: Poll, person, answer) -> Ballot:
    return voting.cast_vote(poll.pk, Voter.for_person(person), answer)


def refused(call, *args) -> LiveError:
    with pytest.raises(LiveError) as error:
        call(*args)
    return error.value


def state(poll: Poll) -> tuple:
    poll = Poll.objects.get(pk=poll.pk)
    ballots = list(Ballot.objects.filter(poll=poll).order_by("pk").values_list("pk", "answer"))
    return poll.status, poll.version, ballots


def counts_of(poll: Poll) -> list[int]:
    options = list(poll.options.values_list("pk", flat=True))
    results = tally(
        voting.poll_spec(poll, options),
        [
            BallotRow(a, s)
            for a, s in Ballot.objects.filter(poll=poll).values_list("answer", "status")
        ],
    )
    return [o["count"] for o in results["options"]]


class Listener:
    """A channel in the groups of the session, as a websocket connection would be."""

    def __init__(self, session_id: int):
        self.layer = get_channel_layer()
        self.channel = async_to_sync(self.layer.new_channel)()
        self.groups = [f"live.s{session_id}.{audience}" for audience in ("public", "mod")]
        for group in self.groups:
            async_to_sync(self.layer.group_add)(group, self.channel)

    def received(self) -> list[dict]:
        async def drain():
            out = []
            while True:
                try:
                    message = await asyncio.wait_for(self.layer.receive(self.channel), 0.1)
                except TimeoutError:
                    return out
                out.append(message)

        return async_to_sync(drain)()

    def close(self) -> None:
        for group in self.groups:
            async_to_sync(self.layer.group_discard)(group, self.channel)


@pytest.fixture
def listener(stage):
    listener = Listener(stage["session"].pk)
    yield listener
    listener.close()


# --- opening and closing ----------------------------------------------------------------------


def test_open_poll_opens_a_draft_once(stage):
    poll = stage["poll"]
    before = timezone.now()

    opened_poll = opened(poll)

    poll.refresh_from_db()
    assert (poll.status, poll.version, poll.closed_at) == (Poll.Status.OPEN, 1, None)
    assert before <= poll.opened_at <= timezone.now()
    assert opened_poll.opened_at == poll.opened_at
    again = services.open_poll(poll.pk)  # already open: nothing changes
    assert (again.status, again.version, again.opened_at) == ("open", 1, poll.opened_at)
    assert Poll.objects.get(pk=poll.pk).version == 1


def test_a_choice_poll_needs_two_options_to_open(stage):
    lonely = Poll.objects.create(session=stage["session"], question="Alone?")
    PollOption.objects.create(poll=lonely, label="Only this")

    error = refused(services.open_poll, lonely.pk)

    assert (error.code, str(error)) == (
        "invalid_poll",
        "A choice or ranking poll needs at least two options.",
    )
    assert state(lonely) == ("draft", 0, [])


def test_a_word_cloud_opens_without_options(stage):
    cloud = Poll.objects.create(session=stage["session"], question="Words?", type="wordcloud")

    assert services.open_poll(cloud.pk).status == "open"


def test_close_poll(stage):
    poll = opened(stage["poll"])

    closed = services.close_poll(poll.pk)

    poll.refresh_from_db()
    assert (poll.status, poll.version) == (Poll.Status.CLOSED, 2)
    assert poll.closed_at == closed.closed_at
    assert poll.closed_at >= poll.opened_at


def test_results_visibility(stage):
    poll = stage["poll"]

    error = refused(services.set_results_visibility, poll.pk, "sometimes")

    assert (error.code, str(error)) == ("invalid", "Unknown results visibility 'sometimes'.")
    assert Poll.objects.get(pk=poll.pk).results_visibility == "live"
    assert Poll.objects.get(pk=poll.pk).version == 0
    services.set_results_visibility(poll.pk, "after_close")
    assert Poll.objects.filter(pk=poll.pk, results_visibility="after_close", version=1).exists()


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


# --- broadcasts after commit ----------------------------------------------------------------


def test_a_vote_is_broadcast_only_once_committed(
    stage, listener, django_capture_on_commit_callbacks
):
    poll, invest = opened(stage["poll"]), stage["options"][0]

    with django_capture_on_commit_callbacks() as callbacks:
        vote(poll, stage["alice"], {"choice": invest.pk})
    assert len(callbacks) == 1
    assert listener.received() == []  # not committed yet: nothing left

    callbacks[0]()

    messages = listener.received()
    assert len(messages) == 2  # the moderators' and the participants' update
    assert {m["type"] for m in messages} == {"broadcast.message"}
    assert all('"type":"poll.update"' in m["text"] for m in messages)
    assert all('"version":2' in m["text"] for m in messages)


def test_refused_writes_schedule_nothing(stage, django_capture_on_commit_callbacks):
    poll, invest = stage["poll"], stage["options"][0]
    with django_capture_on_commit_callbacks() as callbacks:
        refused(vote, poll, stage["alice"], {"choice": invest.pk})  # a draft
    assert callbacks == []

    opened(poll)
    vote(poll, stage["alice"], {"choice": invest.pk})
    with django_capture_on_commit_callbacks() as callbacks:
        refused(vote, poll, stage["alice"], {"choice": invest.pk})  # again
        refused(vote, poll, stage["bob"], {"choice": 987654})  # invalid
        refused(services.ask, stage["session"], stage["bob"], "Hi", False)  # too short
        refused(services.upvote, 987654, stage["bob"])
        refused(services.moderate_question, 987654, "approve")
    assert callbacks == []


def test_every_accepted_write_schedules_one_broadcast(stage, django_capture_on_commit_callbacks):
    poll, invest = stage["poll"], stage["options"][0]
    with django_capture_on_commit_callbacks() as callbacks:
        opened(poll)
        vote(poll, stage["alice"], {"choice": invest.pk})
        services.close_poll(poll.pk)
        question = services.ask(stage["session"], stage["alice"], "Who pays?", False)
        services.moderate_question(question.pk, "approve")
        services.upvote(question.pk, stage["bob"])
    assert len(callbacks) == 6


# --- Q&A ------------------------------------------------------------------------------------


def test_a_question_waits_for_moderation_when_moderated(stage):
    question = services.ask(stage["session"], stage["alice"], "  Who   funds\nthe pilots?  ", False)

    stored = Question.objects.get()
    assert stored.pk == question.pk
    assert (stored.text, stored.author, stored.anonymous, stored.status) == (
        "Who funds the pilots?",
        stage["alice"],
        False,
        "pending",
    )
    assert (stored.pinned, stored.answered, stored.upvote_count) == (False, False, 0)


def test_a_question_is_shown_at_once_when_not_moderated(stage):
    LiveSettings.objects.filter(session=stage["session"]).update(qa_moderated=False)
    stage["session"].live.refresh_from_db()

    question = services.ask(stage["session"], stage["alice"], "Who funds the pilots?", False)

    assert Question.objects.get(pk=question.pk).status == "approved"


def test_an_anonymous_question_when_allowed(stage):
    question = services.ask(stage["session"], stage["alice"], "Is this anonymous?", True)

    stored = Question.objects.get(pk=question.pk)
    assert (stored.anonymous, stored.author) == (True, stage["alice"])  # moderators know


@pytest.mark.parametrize(
    ("live", "text", "anonymous", "code", "message"),
    [
        (
            {"qa_enabled": False},
            "Who pays?",
            False,
            "qa_closed",
            "Questions are not open for this session.",
        ),
        (
            {"qa_anonymous_allowed": False},
            "Who pays?",
            True,
            "anonymous_not_allowed",
            "This session does not take anonymous questions.",
        ),
        ({}, "  Hi  ", False, "invalid", "A question has between 3 and 1,000 characters."),
        ({}, "x" * 1001, False, "invalid", "A question has between 3 and 1,000 characters."),
    ],
)
def test_a_question_is_refused(stage, live, text, anonymous, code, message):
    LiveSettings.objects.filter(session=stage["session"]).update(**live)
    stage["session"].live.refresh_from_db()

    error = refused(services.ask, stage["session"], stage["alice"], text, anonymous)

    assert (error.code, str(error)) == (code, message)
    assert Question.objects.count() == 0


@pytest.fixture
def approved_question(stage):
    return Question.objects.create(
        session=stage["session"], author=stage["alice"], text="Who pays?", status="approved"
    )


def test_an_upvote_counts_once(stage, approved_question):
    question = services.upvote(approved_question.pk, stage["bob"])
    assert question.upvote_count == 1

    error = refused(services.upvote, approved_question.pk, stage["bob"])

    assert (error.code, str(error)) == (
        "already_upvoted",
        "You have already upvoted this question.",
    )
    assert Question.objects.get(pk=approved_question.pk).upvote_count == 1
    assert list(Upvote.objects.values_list("question", "person")) == [
        (approved_question.pk, stage["bob"].pk)
    ]
    assert services.upvote(approved_question.pk, stage["alice"]).upvote_count == 2


@pytest.mark.parametrize("status", ["pending", "rejected"])
def test_a_question_not_shown_cannot_be_upvoted(stage, approved_question, status):
    Question.objects.filter(pk=approved_question.pk).update(status=status)

    error = refused(services.upvote, approved_question.pk, stage["bob"])

    assert (error.code, str(error)) == ("not_found", "No such question.")
    assert Upvote.objects.count() == 0
    assert Question.objects.get(pk=approved_question.pk).upvote_count == 0


@pytest.mark.parametrize(
    ("start", "action", "expected"),
    [
        ({"status": "pending"}, "approve", ("approved", False, False)),
        ({"status": "approved"}, "reject", ("rejected", False, False)),
        ({"status": "approved"}, "pin", ("approved", True, False)),
        ({"status": "approved", "pinned": True}, "unpin", ("approved", False, False)),
        ({"status": "approved"}, "answered", ("approved", False, True)),
        ({"status": "approved", "answered": True}, "unanswered", ("approved", False, False)),
    ],
)
def test_moderating_a_question(stage, approved_question, start, action, expected):
    Question.objects.filter(pk=approved_question.pk).update(**start)

    services.moderate_question(approved_question.pk, action)

    stored = Question.objects.get(pk=approved_question.pk)
    assert (stored.status, stored.pinned, stored.answered) == expected


def test_an_unknown_moderation_is_refused(stage, approved_question):
    error = refused(services.moderate_question, approved_question.pk, "delete")

    assert (error.code, str(error)) == ("invalid", "Unknown moderation action 'delete'.")
    stored = Question.objects.get(pk=approved_question.pk)
    assert (stored.status, stored.pinned, stored.answered) == ("approved", False, False)
    error = refused(services.moderate_question, 987654, "approve")
    assert (error.code, str(error)) == ("not_found", "No such question.")


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
