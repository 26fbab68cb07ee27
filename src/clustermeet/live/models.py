"""Live interaction in a session: polls (and quiz questions), ballots, Q&A."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.people.models import Person
from clustermeet.programme.models import Session

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _i in range(6))


class LiveSettings(models.Model):
    """How a session's audience may interact."""

    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="live")
    qa_enabled = models.BooleanField(default=True)
    qa_moderated = models.BooleanField(
        default=True, help_text=_("Questions appear only after a moderator approves them.")
    )
    qa_anonymous_allowed = models.BooleanField(default=False)
    join_code = models.CharField(max_length=8, unique=True, default=new_join_code)
    room_voting = models.BooleanField(
        default=False,
        help_text=_("People in the room who hold the join code may vote without registering."),
    )

    class Meta:
        verbose_name = _("live settings")
        verbose_name_plural = _("live settings")

    def __str__(self) -> str:
        return f"Live settings of {self.session}"


class Quiz(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="quizzes")
    title = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def __str__(self) -> str:
        return self.title


class Poll(models.Model):
    class Type(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RANKING = "ranking", _("Ranking")
        RATING = "rating", _("Rating scale")
        WORDCLOUD = "wordcloud", _("Word cloud")
        OPEN_TEXT = "open_text", _("Open text")

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("status", "Draft")
        OPEN = "open", pgettext_lazy("status", "Open")
        CLOSED = "closed", pgettext_lazy("status", "Closed")

    class Results(models.TextChoices):
        LIVE = "live", _("Live, while voting")
        AFTER_CLOSE = "after_close", _("After closing")
        NEVER = "never", _("Never to participants")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="polls")
    quiz = models.ForeignKey(
        Quiz, null=True, blank=True, on_delete=models.CASCADE, related_name="questions"
    )
    question = models.CharField(max_length=500)
    type = models.CharField(max_length=10, choices=Type.choices, default=Type.SINGLE)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.DRAFT)
    results_visibility = models.CharField(
        max_length=12, choices=Results.choices, default=Results.LIVE
    )
    min_choices = models.PositiveSmallIntegerField(default=1)
    max_choices = models.PositiveSmallIntegerField(null=True, blank=True)
    scale_max = models.PositiveSmallIntegerField(default=5)
    max_words = models.PositiveSmallIntegerField(default=3)
    allow_change = models.BooleanField(
        default=False, help_text=_("Voters may replace their answer while the poll is open.")
    )
    time_limit_s = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Quiz questions: seconds to answer.")
    )
    # The question in other languages, {language code: text} (settings.LANGUAGES); the options
    # have theirs. Written by live.services.set_poll_translation; pages fall back to `question`.
    translations = models.JSONField(default=dict, blank=True)
    # Incremented by every ballot written; results carry the version they include.
    version = models.PositiveIntegerField(default=0)
    position = models.PositiveSmallIntegerField(default=0)
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("poll")
        verbose_name_plural = _("polls")
        ordering = ["session", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale_max__in=[5, 10]), name="poll_scale_5_or_10"
            ),
            models.CheckConstraint(
                condition=models.Q(max_words__gte=1, max_words__lte=10), name="poll_max_words"
            ),
        ]

    def __str__(self) -> str:
        return self.question

    def question_in(self, language: str | None) -> str:
        """The question in `language` when the organisers translated it, else the original."""
        return localised(self.question, self.translations, language)


def localised(original: str, translations: dict, language: str | None) -> str:
    """`translations[language]` (or its generic language, "pt" for "pt-br"), else `original`."""
    if language and isinstance(translations, dict):
        for code in (language, language.split("-")[0]):
            text = translations.get(code)
            if isinstance(text, str) and text:
                return text
    return original


class PollOption(models.Model):
    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="options")
    label = models.CharField(max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    is_correct = models.BooleanField(default=False, help_text=_("Quiz questions only."))
    translations = models.JSONField(default=dict, blank=True)  # {language code: label}

    class Meta:
        verbose_name = _("poll option")
        verbose_name_plural = _("poll options")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.label

    def label_in(self, language: str | None) -> str:
        return localised(self.label, self.translations, language)


class Ballot(models.Model):
    """One voter's answer to one poll. `voter_key` is "p<person id>" for participants and
    "r<token>" for people voting in the room with the join code; the database allows one
    ballot per voter per poll."""

    class Status(models.TextChoices):
        COUNTED = "counted", _("Counted")
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    poll = models.ForeignKey(Poll, on_delete=models.CASCADE, related_name="ballots")
    voter_key = models.CharField(max_length=64)
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="ballots"
    )
    answer = models.JSONField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.COUNTED)
    points = models.PositiveIntegerField(default=0)
    version = models.PositiveIntegerField(help_text=_("The poll's version this ballot made."))
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        constraints = [
            models.UniqueConstraint(fields=["poll", "voter_key"], name="one_ballot_per_voter")
        ]

    def __str__(self) -> str:
        return f"{self.voter_key} on {self.poll_id}"


class Question(models.Model):
    """A question from the audience (Q&A)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="questions")
    anonymous = models.BooleanField(default=False)
    text = models.TextField(max_length=1000)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING)
    pinned = models.BooleanField(default=False)
    answered = models.BooleanField(default=False)
    upvote_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["-pinned", "-upvote_count", "created_at"]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return self.text[:60]


class Upvote(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="upvotes")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="upvotes")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("upvote")
        verbose_name_plural = _("upvotes")
        constraints = [
            models.UniqueConstraint(fields=["question", "person"], name="one_upvote_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person_id} ▲ {self.question_id}"
