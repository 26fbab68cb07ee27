"""World café: a session's questions, rounds and tables, who signed up, who sits where, and the
notes each table writes per question and round (issue 4). The seating itself is computed by the
pure module `cafe.seating`; `cafe.services` writes it here."""

import hashlib
import secrets
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clustermeet.people.models import Person
from clustermeet.programme.models import Session


def new_video_room() -> str:
    """An unguessable Jitsi room name (128 bits)."""
    return "clustermeet-" + secrets.token_urlsafe(16)


class Cafe(models.Model):
    session = models.OneToOneField(Session, on_delete=models.CASCADE, related_name="cafe")
    allow_members_to_write = models.BooleanField(
        default=False, help_text=_("Table members, not only the host, may write the notes.")
    )
    seed = models.PositiveIntegerField(default=0, help_text=_("Seed of the seating search"))
    seating_stats = models.JSONField(
        default=dict, blank=True, editable=False, help_text="Figures of the last seating"
    )

    class Meta:
        verbose_name = _("world café")
        verbose_name_plural = _("world cafés")

    def __str__(self) -> str:
        return gettext("Café: %(session)s") % {"session": self.session}


class CafeQuestion(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("café question")
        verbose_name_plural = _("café questions")
        ordering = ["cafe", "position", "id"]

    def __str__(self) -> str:
        return self.text


class CafeRound(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(help_text="1, 2, …")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        verbose_name = _("café round")
        verbose_name_plural = _("café rounds")
        ordering = ["cafe", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cafe", "number"], name="cafe_round_number_unique"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="cafe_round_from_1"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="cafe_round_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return gettext("Round %(number)s") % {"number": self.number}


class CafeTable(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="tables")
    number = models.PositiveSmallIntegerField()
    topic = models.CharField(max_length=200, blank=True)
    capacity = models.PositiveSmallIntegerField(default=8)
    host = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="hosted_cafe_tables"
    )
    video_room = models.CharField(max_length=64, default=new_video_room, unique=True)
    physical_label = models.CharField(
        max_length=100, blank=True, help_text=_("Where the table stands, for on-site participants")
    )

    class Meta:
        verbose_name = _("café table")
        verbose_name_plural = _("café tables")
        ordering = ["cafe", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cafe", "number"], name="cafe_table_number_unique"),
            models.UniqueConstraint(fields=["cafe", "host"], name="cafe_one_table_per_host"),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="cafe_table_capacity"),
        ]

    def __str__(self) -> str:
        if self.topic:
            return gettext("Table %(number)s: %(topic)s") % {
                "number": self.number,
                "topic": self.topic,
            }
        return gettext("Table %(number)s") % {"number": self.number}

    @property
    def video_url(self) -> str:
        return settings.JITSI_BASE_URL.rstrip("/") + "/" + quote(self.video_room)


class CafeSignup(models.Model):
    cafe = models.ForeignKey(Cafe, on_delete=models.CASCADE, related_name="signups")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cafe_signups")
    created_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("café sign-up")
        verbose_name_plural = _("café sign-ups")
        ordering = ["cafe", "created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["cafe", "person"], name="one_cafe_signup_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.cafe}"

    @property
    def present(self) -> bool:
        return self.left_at is None


class Seat(models.Model):
    round = models.ForeignKey(CafeRound, on_delete=models.CASCADE, related_name="seats")
    table = models.ForeignKey(CafeTable, on_delete=models.CASCADE, related_name="seats")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="cafe_seats")

    class Meta:
        verbose_name = _("seat")
        verbose_name_plural = _("seats")
        ordering = ["round", "table", "id"]
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="one_seat_per_round")
        ]
        indexes = [models.Index(fields=["round", "table"])]

    def __str__(self) -> str:
        return f"{self.person}: {self.table}, {self.round}"


class Note(models.Model):
    table = models.ForeignKey(CafeTable, on_delete=models.CASCADE, related_name="notes")
    round = models.ForeignKey(CafeRound, on_delete=models.CASCADE, related_name="notes")
    question = models.ForeignKey(CafeQuestion, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(blank=True, max_length=10_000)
    updated_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("café note")
        verbose_name_plural = _("café notes")
        ordering = ["table", "round", "question__position", "question_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["table", "round", "question"], name="one_note_per_table_round_question"
            )
        ]

    def __str__(self) -> str:
        return f"{self.table}, {self.round}: {self.question}"


def theme_key(representative: str) -> str:
    """How a harvest theme is recognised: its question and its representative item (see
    `cafe.harvest.themes`), so an organiser's label sticks while the notes keep the same one."""
    return hashlib.sha256(representative.strip().casefold().encode()).hexdigest()[:40]


class ThemeLabel(models.Model):
    """An organiser's edit of the harvest: a theme's label, renamed by hand."""

    question = models.ForeignKey(
        "cafe.CafeQuestion", on_delete=models.CASCADE, related_name="theme_labels"
    )
    key = models.CharField(max_length=40, help_text="theme_key() of the representative item")
    representative = models.TextField()
    label = models.CharField(max_length=200)
    updated_by = models.ForeignKey(
        "people.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("theme label")
        verbose_name_plural = _("theme labels")
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="one_label_per_theme")
        ]

    def __str__(self) -> str:
        return self.label
