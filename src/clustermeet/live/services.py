"""Every write of the live features. Each validates, writes in one transaction that locks the
poll (or question) row first, and schedules its broadcast on commit: clients never see a change
that was rolled back, and a burst of votes becomes a few coalesced result updates."""

import contextlib
from dataclasses import dataclass

from django.conf import settings as django_settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.live import messages
from clustermeet.live.answers import AnswerError, PollSpec, normalise_answer
from clustermeet.live.models import Ballot, Poll, PollOption, Question, Upvote
from clustermeet.people.models import Person
from clustermeet.programme.models import Session
from clustermeet.realtime import broadcast
from clustermeet.refusal import Refused

QUIZ_BASE_POINTS = 500
QUIZ_SPEED_POINTS = 500


class LiveError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the user."""


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
    the voter has voted and may not change, or a quiz question's time is up.

    Everything that can be decided without the poll's row lock is decided first, in two reads
    (the poll with this voter's ballot, the poll's options) and validation. A first ballot is
    then one write: on PostgreSQL one statement that increments the poll's version (taking the
    row lock and re-checking that the poll is open) and inserts the ballot with that version, in
    autocommit — the lock is held for that statement only, with no client round trip inside it;
    on SQLite (one writer anyway) the same two statements in one IMMEDIATE transaction. Integrity
    stays in the database: the unique constraint refuses a second ballot that raced past the
    early check, rolling back its version increment with it. A changed ballot (allow_change)
    takes the same lock, then updates the voter's ballot, in one transaction."""
    now = timezone.now()
    poll = (
        Poll.objects.filter(pk=poll_id)
        .annotate(
            existing=Subquery(
                Ballot.objects.filter(poll_id=OuterRef("pk"), voter_key=voter.key).values("pk")[:1]
            )
        )
        .only(*_VOTE_FIELDS)
        .order_by("pk")  # not Poll's default ordering, which joins the session
        .first()
    )
    if poll is None:
        raise LiveError("not_found", _("No such poll."))
    if poll.status != Poll.Status.OPEN:
        raise LiveError("poll_not_open", _("This poll is not open for voting."))
    options = list(
        PollOption.objects.filter(poll_id=poll_id)
        .order_by("position", "id")
        .values_list("pk", "is_correct")
    )
    try:
        answer = normalise_answer(poll_spec(poll, [pk for pk, _correct in options]), raw_answer)
    except AnswerError as error:
        raise LiveError("invalid_answer", error.translated(_, ngettext)) from None
    points = 0
    if poll.quiz_id is not None and poll.time_limit_s:
        if (now - poll.opened_at).total_seconds() > poll.time_limit_s:
            raise LiveError("time_up", _("Time is up for this question."))
        points = _quiz_points(poll, answer, {pk for pk, ok in options if ok}, now)
    status = Ballot.Status.PENDING if poll.type == Poll.Type.OPEN_TEXT else Ballot.Status.COUNTED
    ballot = Ballot(
        poll_id=poll_id,
        voter_key=voter.key,
        person=voter.person,
        answer=answer,
        status=status,
        points=points,
        created_at=now,
        updated_at=now,
    )
    existing = poll.existing
    for _attempt in range(2):
        if existing is not None and not poll.allow_change:
            raise LiveError("already_voted", _("You have already voted in this poll."))
        try:
            if existing is None:
                ballot.pk, ballot.version = _insert_ballot(ballot)
            else:
                _change_ballot(ballot, existing)
            return ballot
        except IntegrityError:  # the same voter, racing on another connection
            if not poll.allow_change:
                raise LiveError(
                    "already_voted", _("You have already voted in this poll.")
                ) from None
            existing = (
                Ballot.objects.filter(poll_id=poll_id, voter_key=voter.key)
                .values_list("pk", flat=True)
                .first()
            )
    raise LiveError("already_voted", _("You have already voted in this poll."))


# What a vote reads of its poll (`poll_spec`, quiz timing, the open check).
_VOTE_FIELDS = (
    "status",
    "type",
    "min_choices",
    "max_choices",
    "scale_max",
    "max_words",
    "allow_change",
    "quiz",
    "time_limit_s",
    "opened_at",
)


def _ballot_params(ballot: Ballot) -> list:
    """The ballot's column values as the database takes them (as Model.save would send them)."""
    fields = Ballot._meta
    return [
        ballot.poll_id,
        ballot.voter_key,
        ballot.person_id,
        fields.get_field("answer").get_db_prep_save(ballot.answer, connection),
        ballot.status,
        ballot.points,
        fields.get_field("created_at").get_db_prep_save(ballot.created_at, connection),
        fields.get_field("updated_at").get_db_prep_save(ballot.updated_at, connection),
    ]


def _insert_ballot(ballot: Ballot) -> tuple[int, int]:
    """Increment the open poll's version and insert the ballot with it, atomically; (ballot id,
    version). LiveError when the poll is not open; IntegrityError when the voter has a ballot."""
    ballots = connection.ops.quote_name(Ballot._meta.db_table)
    columns = "poll_id, voter_key, person_id, answer, status, points, created_at, updated_at"
    if connection.vendor == "postgresql":
        polls = connection.ops.quote_name(Poll._meta.db_table)
        sql = (
            f"WITH v AS (UPDATE {polls} SET version = version + 1 "
            "WHERE id = %s AND status = %s RETURNING version) "
            f"INSERT INTO {ballots} ({columns}, version) "
            "SELECT %s, %s, CAST(%s AS bigint), CAST(%s AS jsonb), %s, %s, %s, %s, v.version "
            "FROM v RETURNING id, version"
        )
        params = [ballot.poll_id, Poll.Status.OPEN, *_ballot_params(ballot)]
        # One statement: in autocommit it is its own transaction (the lock lasts as long as the
        # statement); inside a caller's transaction a savepoint keeps a refusal contained.
        with transaction.atomic() if connection.in_atomic_block else contextlib.nullcontext():
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                row = cursor.fetchone()
            if row is None:
                raise LiveError("poll_not_open", _("This poll is not open for voting."))
            broadcast.after_commit(messages.poll_messages, ballot.poll_id)
        return row[0], row[1]
    with transaction.atomic():
        version = _next_version(ballot.poll_id)
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {ballots} ({columns}, version) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                [*_ballot_params(ballot), version],
            )
            pk = cursor.fetchone()[0]
        broadcast.after_commit(messages.poll_messages, ballot.poll_id)
    return pk, version


def _change_ballot(ballot: Ballot, pk: int) -> None:
    """Replace the voter's ballot `pk` (a poll that allows changing one's vote)."""
    with transaction.atomic():
        ballot.version = _next_version(ballot.poll_id)
        ballot.pk = pk
        changed = Ballot.objects.filter(pk=pk).update(
            answer=ballot.answer,
            status=ballot.status,
            points=ballot.points,
            version=ballot.version,
            updated_at=ballot.updated_at,
        )
        if not changed:  # removed meanwhile
            raise LiveError("not_found", _("No such answer."))
        ballot.created_at = Ballot.objects.filter(pk=pk).values_list("created_at", flat=True)[0]
        broadcast.after_commit(messages.poll_messages, ballot.poll_id)


def _next_version(poll_id: int) -> int:
    """Increment the poll's version if it is open, taking its row lock; the new version."""
    table = connection.ops.quote_name(Poll._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET version = version + 1 WHERE id = %s AND status = %s "
            "RETURNING version",
            [poll_id, Poll.Status.OPEN],
        )
        row = cursor.fetchone()
    if row is None:
        raise LiveError("poll_not_open", _("This poll is not open for voting."))
    return row[0]


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
        raise LiveError("invalid_poll", _("A choice or ranking poll needs at least two options."))
    return _set_poll(poll_id, status=Poll.Status.OPEN, opened_at=timezone.now, closed_at=None)


def close_poll(poll_id: int) -> Poll:
    return _set_poll(poll_id, status=Poll.Status.CLOSED, closed_at=timezone.now)


def set_results_visibility(poll_id: int, visibility: str) -> Poll:
    if visibility not in Poll.Results.values:
        raise LiveError(
            "invalid",
            _("Unknown results visibility %(visibility)s.") % {"visibility": repr(visibility)},
        )
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
        raise LiveError("qa_closed", _("Questions are not open for this session."))
    if not 3 <= len(text) <= 1000:
        raise LiveError("invalid", _("A question has between 3 and 1,000 characters."))
    if anonymous and not settings.qa_anonymous_allowed:
        raise LiveError(
            "anonymous_not_allowed", _("This session does not take anonymous questions.")
        )
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
            raise LiveError("not_found", _("No such question."))
        try:
            with transaction.atomic():
                Upvote.objects.create(question=question, person=person)
        except IntegrityError:
            raise LiveError(
                "already_upvoted", _("You have already upvoted this question.")
            ) from None
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
        raise LiveError(
            "invalid", _("Unknown moderation action %(action)s.") % {"action": repr(action)}
        )
    with transaction.atomic():
        question = Question.objects.select_for_update().filter(pk=question_id).first()
        if question is None:
            raise LiveError("not_found", _("No such question."))
        for name, value in MODERATION[action].items():
            setattr(question, name, value)
        question.save(update_fields=list(MODERATION[action]))
        broadcast.after_commit(messages.question_messages, question.pk)
    return question


# Translations of a poll (organisers' content in other languages) ---------------------------


def _language_codes() -> dict[str, str]:
    return dict(django_settings.LANGUAGES)


def clean_translation(
    language: str, question: str, option_labels: list[str], option_count: int
) -> tuple[str, list[str]]:
    """The question and option labels of a translation as they are stored, or LiveError: the
    language must be one of settings.LANGUAGES, the question and every option are given, one
    label per option of the poll, in the poll's order."""
    if language not in _language_codes():
        raise LiveError("invalid_language", _("Choose one of the site's languages."))
    question = " ".join((question or "").split())
    labels = [" ".join((label or "").split()) for label in option_labels]
    if not question:
        raise LiveError("invalid", _("Enter the question in this language."))
    max_question = Poll._meta.get_field("question").max_length
    if len(question) > max_question:
        raise LiveError(
            "invalid",
            ngettext(
                "The question can have at most %(count)d character.",
                "The question can have at most %(count)d characters.",
                max_question,
            )
            % {"count": max_question},
        )
    if len(labels) != option_count:
        raise LiveError(
            "option_count",
            ngettext(
                "This poll has %(count)d option: enter exactly one translated option per line.",
                "This poll has %(count)d options: enter exactly one translated option per line.",
                option_count,
            )
            % {"count": option_count},
        )
    max_label = PollOption._meta.get_field("label").max_length
    for number, label in enumerate(labels, start=1):
        if not label:
            raise LiveError("invalid", _("Option %(number)d is empty.") % {"number": number})
        if len(label) > max_label:
            raise LiveError(
                "invalid",
                ngettext(
                    "Option %(number)d is longer than %(count)d character.",
                    "Option %(number)d is longer than %(count)d characters.",
                    max_label,
                )
                % {"number": number, "count": max_label},
            )
    return question, labels


def set_poll_translation(
    poll_id: int, language: str, question: str, option_labels: list[str]
) -> Poll:
    """Save the poll's question and options in `language` (replacing an earlier translation into
    it), all or nothing, as a new version of the poll, broadcast after commit. Options are given
    in the poll's order (position, id)."""
    with transaction.atomic():
        # order_by(): Poll's default ordering joins the session and its room (an outer join),
        # which PostgreSQL refuses to lock.
        poll = Poll.objects.select_for_update().filter(pk=poll_id).order_by().first()
        if poll is None:
            raise LiveError("not_found", _("No such poll."))
        options = list(poll.options.select_for_update().order_by("position", "id"))
        question, labels = clean_translation(language, question, option_labels, len(options))
        poll.translations = {**(poll.translations or {}), language: question}
        poll.version += 1
        poll.save(update_fields=["translations", "version"])
        for option, label in zip(options, labels, strict=True):
            option.translations = {**(option.translations or {}), language: label}
        PollOption.objects.bulk_update(options, ["translations"])
        broadcast.after_commit(messages.poll_messages, poll.pk)
    return poll
