"""Every write of the live features. Each validates, writes in one transaction that locks the
poll (or question) row first, and schedules its broadcast on commit: clients never see a change
that was rolled back, and a burst of votes becomes a few coalesced result updates."""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from clustermeet.live import messages
from clustermeet.live.answers import AnswerError, PollSpec, normalise_answer
from clustermeet.live.models import Ballot, Poll, Question, Upvote
from clustermeet.people.models import Person
from clustermeet.programme.models import Session
from clustermeet.realtime import broadcast

QUIZ_BASE_POINTS = 500
QUIZ_SPEED_POINTS = 500


class LiveError(Exception):
    """A refused action; `code` is machine-readable, the message is shown to the user."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class Voter:
    """A participant (person) or someone in the room holding the join code (token)."""

    key: str
    person: Person | None = None

    @classmethod
    def for_person(cls, person: Person) -> "Voter":
        return cls(f"p{person.pk}", person)

    @classmethod
    def for_room_token(cls, token: str) -> "Voter":
        return cls(f"r{token}")


def poll_spec(poll: Poll, option_ids: list[int]) -> PollSpec:
    return PollSpec(
        type=poll.type,
        options=tuple(option_ids),
        min_choices=poll.min_choices,
        max_choices=poll.max_choices,
        scale_max=poll.scale_max,
        max_words=poll.max_words,
    )


def _quiz_points(poll: Poll, answer: dict, correct: set[int], now) -> int:
    chosen = set(answer.get("choices", [answer.get("choice")]))
    if chosen != correct:
        return 0
    elapsed = (now - poll.opened_at).total_seconds()
    share_left = max(0.0, 1 - elapsed / poll.time_limit_s)
    return QUIZ_BASE_POINTS + round(QUIZ_SPEED_POINTS * share_left)


def cast_vote(poll_id: int, voter: Voter, raw_answer) -> Ballot:
    """Record a ballot. Refuses (LiveError) when the poll is not open, the answer is invalid,
    the voter has voted and may not change, or a quiz question's time is up."""
    now = timezone.now()
    with transaction.atomic():
        try:
            poll = Poll.objects.select_for_update().get(pk=poll_id)
        except Poll.DoesNotExist:
            raise LiveError("not_found", "No such poll.") from None
        if poll.status != Poll.Status.OPEN:
            raise LiveError("poll_not_open", "This poll is not open for voting.")
        options = list(poll.options.values_list("pk", "is_correct"))
        try:
            answer = normalise_answer(poll_spec(poll, [pk for pk, _ in options]), raw_answer)
        except AnswerError as error:
            raise LiveError("invalid_answer", str(error)) from None
        points = 0
        if poll.quiz_id is not None and poll.time_limit_s:
            if (now - poll.opened_at).total_seconds() > poll.time_limit_s:
                raise LiveError("time_up", "Time is up for this question.")
            points = _quiz_points(poll, answer, {pk for pk, ok in options if ok}, now)
        status = (
            Ballot.Status.PENDING if poll.type == Poll.Type.OPEN_TEXT else Ballot.Status.COUNTED
        )
        ballot = Ballot.objects.filter(poll=poll, voter_key=voter.key).first()
        if ballot is not None and not poll.allow_change:
            raise LiveError("already_voted", "You have already voted in this poll.")
        poll.version += 1
        Poll.objects.filter(pk=poll.pk).update(version=poll.version)
        if ballot is None:
            ballot = Ballot(poll=poll, voter_key=voter.key, person=voter.person, created_at=now)
        ballot.answer, ballot.status, ballot.points = answer, status, points
        ballot.version, ballot.updated_at = poll.version, now
        try:
            with transaction.atomic():
                ballot.save()
        except IntegrityError:  # the same voter, racing on another connection
            raise LiveError("already_voted", "You have already voted in this poll.") from None
        broadcast.after_commit(messages.poll_messages, poll.pk)
    return ballot


def _set_poll(poll_id: int, **changes) -> Poll:
    with transaction.atomic():
        poll = Poll.objects.select_for_update().get(pk=poll_id)
        for name, value in changes.items():
            # Times are taken once the row is locked: no vote can commit after a closed_at.
            setattr(poll, name, value() if callable(value) else value)
        poll.version += 1
        poll.save(update_fields=[*changes, "version"])
        broadcast.after_commit(messages.poll_messages, poll.pk)
    return poll


def open_poll(poll_id: int) -> Poll:
    poll = Poll.objects.get(pk=poll_id)
    if poll.status == Poll.Status.OPEN:
        return poll
    if poll.type not in (Poll.Type.RATING, Poll.Type.WORDCLOUD, Poll.Type.OPEN_TEXT) and (
        poll.options.count() < 2
    ):
        raise LiveError("invalid_poll", "A choice or ranking poll needs at least two options.")
    return _set_poll(poll_id, status=Poll.Status.OPEN, opened_at=timezone.now, closed_at=None)


def close_poll(poll_id: int) -> Poll:
    return _set_poll(poll_id, status=Poll.Status.CLOSED, closed_at=timezone.now)


def set_results_visibility(poll_id: int, visibility: str) -> Poll:
    if visibility not in Poll.Results.values:
        raise LiveError("invalid", f"Unknown results visibility {visibility!r}.")
    return _set_poll(poll_id, results_visibility=visibility)


def moderate_text_answer(ballot_id: int, approve: bool) -> Ballot:
    with transaction.atomic():
        ballot = Ballot.objects.select_related("poll").get(pk=ballot_id)
        poll = Poll.objects.select_for_update().get(pk=ballot.poll_id)
        ballot.status = Ballot.Status.APPROVED if approve else Ballot.Status.REJECTED
        ballot.save(update_fields=["status"])
        poll.version += 1
        poll.save(update_fields=["version"])
        broadcast.after_commit(messages.poll_messages, poll.pk)
    return ballot


# Q&A -----------------------------------------------------------------------------------------


def ask(session: Session, person: Person, text: str, anonymous: bool) -> Question:
    settings = session.live
    text = " ".join(text.split())
    if not settings.qa_enabled:
        raise LiveError("qa_closed", "Questions are not open for this session.")
    if not 3 <= len(text) <= 1000:
        raise LiveError("invalid", "A question has between 3 and 1,000 characters.")
    if anonymous and not settings.qa_anonymous_allowed:
        raise LiveError("anonymous_not_allowed", "This session does not take anonymous questions.")
    status = Question.Status.PENDING if settings.qa_moderated else Question.Status.APPROVED
    with transaction.atomic():
        question = Question.objects.create(
            session=session, author=person, text=text, anonymous=anonymous, status=status
        )
        broadcast.after_commit(messages.question_messages, question.pk)
    return question


def upvote(question_id: int, person: Person) -> Question:
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=question_id).first()
        if question is None or question.status != Question.Status.APPROVED:
            raise LiveError("not_found", "No such question.")
        try:
            with transaction.atomic():
                Upvote.objects.create(question=question, person=person)
        except IntegrityError:
            raise LiveError("already_upvoted", "You have already upvoted this question.") from None
        Question.objects.filter(pk=question.pk).update(upvote_count=F("upvote_count") + 1)
        broadcast.after_commit(messages.question_messages, question.pk)
    question.refresh_from_db()
    return question


MODERATION = {
    "approve": {"status": Question.Status.APPROVED},
    "reject": {"status": Question.Status.REJECTED},
    "pin": {"pinned": True},
    "unpin": {"pinned": False},
    "answered": {"answered": True},
    "unanswered": {"answered": False},
}


def moderate_question(question_id: int, action: str) -> Question:
    if action not in MODERATION:
        raise LiveError("invalid", f"Unknown moderation action {action!r}.")
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=question_id).first()
        if question is None:
            raise LiveError("not_found", "No such question.")
        for name, value in MODERATION[action].items():
            setattr(question, name, value)
        question.save(update_fields=list(MODERATION[action]))
        broadcast.after_commit(messages.question_messages, question.pk)
    return question
