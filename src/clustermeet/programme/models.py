"""Rooms, sessions, who speaks in them, their material, and personal agendas."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.events.models import Challenge, Ecosystem, Event
from clustermeet.people.models import Person

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_session_code() -> str:
    """Six characters, as the frab/pretalx `code` attribute expects ([0-9A-Z]{6})."""
    return "".join(secrets.choice(CODE_ALPHABET) for _position in range(6))


class Room(models.Model):
    class Kind(models.TextChoices):
        STUDIO = "studio", _("Virtual studio (livestream)")
        BREAKOUT = "breakout", _("Virtual breakout room")
        PHYSICAL = "physical", _("Physical room")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(max_length=100)
    slug = models.SlugField()
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.STUDIO)
    stream_url = models.URLField(blank=True, help_text=_("Livestream of this stage"))
    capacity = models.PositiveIntegerField(null=True, blank=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        ordering = ["event", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="room_slug_unique_per_event")
        ]

    def __str__(self) -> str:
        return self.name


class Session(models.Model):
    class Type(models.TextChoices):
        # Translators: the types of sessions in the programme.
        WELCOME = "welcome", pgettext_lazy("session type", "Welcome")
        KEYNOTE = "keynote", pgettext_lazy("session type", "Keynote")
        PANEL = "panel", pgettext_lazy("session type", "Panel")
        ROUNDTABLE = "roundtable", pgettext_lazy("session type", "Roundtable")
        WORLD_CAFE = "world_cafe", pgettext_lazy("session type", "World café")
        WORKSHOP = "workshop", pgettext_lazy("session type", "Workshop")
        PITCH = "pitch", pgettext_lazy("session type", "Pitch")
        AWARDS = "awards", pgettext_lazy("session type", "Awards")
        QUIZ = "quiz", pgettext_lazy("session type", "Quiz")
        NETWORKING = "networking", pgettext_lazy("session type", "Networking")
        OTHER = "other", pgettext_lazy("session type", "Other")

    class Visibility(models.TextChoices):
        PUBLIC = "public", pgettext_lazy("session visibility", "Public")
        PARTICIPANTS = "participants", _("Approved participants only")
        HIDDEN = "hidden", _("Hidden (draft)")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions")
    code = models.CharField(max_length=6, unique=True, default=new_session_code, editable=False)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(max_length=120)
    title = models.CharField(max_length=300)
    subtitle = models.CharField(max_length=300, blank=True)
    type = models.CharField(max_length=12, choices=Type.choices, default=Type.OTHER)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    room = models.ForeignKey(
        Room, null=True, blank=True, on_delete=models.SET_NULL, related_name="sessions"
    )
    abstract = models.TextField(blank=True, help_text=_("One or two sentences"))
    description = models.TextField(blank=True)
    language = models.CharField(max_length=8, default="en")
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="sessions")
    challenges = models.ManyToManyField(Challenge, blank=True, related_name="sessions")
    livestream_url = models.URLField(blank=True, help_text=_("Overrides the room's stream"))
    recording_url = models.URLField(blank=True)
    capacity = models.PositiveIntegerField(null=True, blank=True)
    visibility = models.CharField(
        max_length=12, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    speakers = models.ManyToManyField(
        Person, through="SessionSpeaker", related_name="speaking_sessions"
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "room__position", "title"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="session_slug_unique_per_event"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["event", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def stream_url(self) -> str:
        if self.livestream_url:
            return self.livestream_url
        return self.room.stream_url if self.room else ""

    @property
    def duration(self):
        return self.ends_at - self.starts_at


class SessionSpeaker(models.Model):
    class Role(models.TextChoices):
        # Translators: the roles a person has in a session.
        SPEAKER = "speaker", pgettext_lazy("session role", "Speaker")
        KEYNOTE = "keynote", pgettext_lazy("session role", "Keynote speaker")
        PANELLIST = "panellist", pgettext_lazy("session role", "Panellist")
        MODERATOR = "moderator", pgettext_lazy("session role", "Moderator")
        PRESENTER = "presenter", pgettext_lazy("session role", "Presenter")
        EXPERT = "expert", pgettext_lazy("session role", "Expert")
        HOST = "host", pgettext_lazy("session role", "Host")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speaker_roles")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="speaker_roles")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.SPEAKER)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("speaker of a session")
        verbose_name_plural = _("speakers of the session")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person", "role"], name="speaker_role_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class Attachment(models.Model):
    class Kind(models.TextChoices):
        # Translators: the kinds of material attached to a session.
        SLIDES = "slides", pgettext_lazy("attachment", "Presentation")
        PAPER = "paper", pgettext_lazy("attachment", "Paper")
        MEDIA = "media", pgettext_lazy("attachment", "Recording")
        WEB = "web", pgettext_lazy("attachment", "Web page")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=500)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SLIDES)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Bookmark(models.Model):
    """A session in someone's personal agenda."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="bookmarks")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookmarks")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda entry")
        verbose_name_plural = _("agenda entries")
        constraints = [
            models.UniqueConstraint(fields=["person", "session"], name="one_bookmark_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.person} ★ {self.session}"
