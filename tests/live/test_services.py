"""live.services called directly: polls opened and closed, Q&A rules, and broadcasts that leave
only after commit (votes: test_voting.py). Every refusal is checked to have changed nothing and
scheduled nothing."""

import asyncio

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.utils import timezone

from clustermeet.live import services
from clustermeet.live.models import LiveSettings, Poll, PollOption, Question, Upvote
from tests.live.calls import opened, refused, state, vote

pytestmark = pytest.mark.django_db


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
    assert len(callbacks) == 7  # six broadcasts, and the webhooks of the closed poll


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
