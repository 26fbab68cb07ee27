"""Every write of the live features but the votes (`live/voting.py`): polls opened and closed,
text answers and questions moderated, questions asked and upvoted, poll translations. Each
validates, writes in one transaction that locks the poll (or question) row first, and schedules
its broadcast on commit: clients never see a change that was rolled back."""

from django.conf import settings as django_settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from clustermeet.hooks import services as webhooks
from clustermeet.live import messages
from clustermeet.live.models import Ballot, Poll, PollOption, Question, Upvote
from clustermeet.people.models import Person
from clustermeet.programme.models import Session
from clustermeet.realtime import broadcast
from clustermeet.refusal import Refused


class LiveError(Refused):
    """A refused action; `code` is machine-readable, the message is shown to the user."""


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
    with transaction.atomic():
        poll = _set_poll(poll_id, status=Poll.Status.CLOSED, closed_at=timezone.now)
        event_id = Session.objects.values_list("event_id", flat=True).get(pk=poll.session_id)
        webhooks.emit(event_id, "poll.closed", poll.pk)
    return poll


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
