"""The exhibition and the pitches: halls and booths with their staff and documents, visits,
messages, leads (a visitor's consented contact, from the booth page or a badge scan), and the
pitches of a programme session with the contacts they bring.

Thin models: fields, constraints and tiny properties. Every write is in a sub-package's
`services.py` (`booths/`, `leads/`, `pitches/`)."""

import secrets

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.events.models import Challenge, Ecosystem, Event
from clustermeet.people.models import Organisation, Person
from clustermeet.programme.models import Session


def new_booth_room() -> str:
    """An unguessable video room name (128 bits) for a booth."""
    return "clustermeet-booth-" + secrets.token_urlsafe(16)


class Hall(models.Model):
    """A themed group of booths (a hall of the venue, or of the virtual exhibition), with an
    optional floor plan image on which booths have positions."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="halls", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    plan = models.FileField(
        _("floor plan"),
        upload_to="exhibition/plans/",
        blank=True,
        help_text=_("An image of the hall (PNG, JPEG or SVG); booths are placed on it."),
    )

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["event", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="hall_slug_per_event")
        ]

    def __str__(self) -> str:
        return self.name


class Booth(models.Model):
    """An exhibitor's booth: virtual (a page with documents, a video and a video room), and a
    physical stand where the event has a venue."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="booths", verbose_name=_("event")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booths",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=120)
    logo = models.FileField(_("logo"), upload_to="exhibition/logos/", blank=True)
    summary = models.CharField(_("short description"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    # Other languages of the two texts: {"de": {"summary": "…", "description": "…"}, …}
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    ecosystems = models.ManyToManyField(
        Ecosystem, blank=True, related_name="booths", verbose_name=_("industrial ecosystems")
    )
    challenges = models.ManyToManyField(
        Challenge, blank=True, related_name="booths", verbose_name=_("challenges")
    )
    website = models.URLField(_("website"), blank=True)
    video_url = models.URLField(_("video"), blank=True)
    hall = models.ForeignKey(
        Hall,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="booths",
        verbose_name=_("hall"),
    )
    stand = models.CharField(_("stand number"), max_length=20, blank=True)
    # Position on the hall's plan, in per cent of its width and height (None: not placed).
    plan_x = models.DecimalField(
        _("position across"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    plan_y = models.DecimalField(
        _("position down"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    video_room = models.CharField(max_length=64, default=new_booth_room, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["event", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="booth_slug_per_event"),
            models.UniqueConstraint(
                fields=["event", "stand"], condition=~Q(stand=""), name="stand_once_per_event"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class BoothStaff(models.Model):
    """A person who edits the booth, answers in its video room and sees its leads."""

    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="staff", verbose_name=_("booth")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="booth_duties", verbose_name=_("person")
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    # The last time this person had the booth's page open as staff ("staff online now").
    seen_at = models.DateTimeField(_("last seen at"), null=True, blank=True)

    class Meta:
        verbose_name = _("booth staff member")
        verbose_name_plural = _("booth staff")
        constraints = [models.UniqueConstraint(fields=["booth", "person"], name="booth_staff_once")]

    def __str__(self) -> str:
        return f"{self.person} @ {self.booth}"


class BoothDocument(models.Model):
    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="documents", verbose_name=_("booth")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="exhibition/documents/")
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("booth document")
        verbose_name_plural = _("booth documents")
        ordering = ["booth", "position", "title"]

    def __str__(self) -> str:
        return self.title


class DocumentDownload(models.Model):
    document = models.ForeignKey(BoothDocument, on_delete=models.CASCADE, related_name="downloads")
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document download")
        verbose_name_plural = _("document downloads")

    def __str__(self) -> str:
        return str(self.document)


class BoothVisit(models.Model):
    """One visit of a person to a booth: views of the same booth by the same person less than
    `booths.visits.VISIT_GAP` (30 minutes) after the previous one extend the visit (`last_seen_at`,
    `views`); a later view starts a new visit."""

    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="visits", verbose_name=_("booth")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="booth_visits", verbose_name=_("person")
    )
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen at"), default=timezone.now)
    views = models.PositiveIntegerField(_("views"), default=1)

    class Meta:
        verbose_name = _("booth visit")
        verbose_name_plural = _("booth visits")
        indexes = [
            models.Index(fields=["booth", "started_at"]),
            models.Index(fields=["person", "booth", "last_seen_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.booth}"


class BoothMessage(models.Model):
    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="messages", verbose_name=_("booth")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="booth_messages", verbose_name=_("person")
    )
    text = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("booth message")
        verbose_name_plural = _("booth messages")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.person} → {self.booth}"


class Rating(models.TextChoices):
    HOT = "hot", pgettext_lazy("lead rating", "Hot")
    WARM = "warm", pgettext_lazy("lead rating", "Warm")
    COLD = "cold", pgettext_lazy("lead rating", "Cold")


class Lead(models.Model):
    """A visitor who gave the booth their contact: by *Share my contact* on the booth page, or
    by letting its staff scan their badge. Withdrawn leads stay as rows (so a scan is never
    counted twice) but show nowhere."""

    class Source(models.TextChoices):
        SHARED = "shared", _("Shared on the booth page")
        SCAN = "scan", _("Badge scanned at the stand")

    booth = models.ForeignKey(
        Booth, on_delete=models.CASCADE, related_name="leads", verbose_name=_("booth")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="leads", verbose_name=_("person")
    )
    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    created_at = models.DateTimeField(_("shared at"), default=timezone.now)
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    rating = models.CharField(_("rating"), max_length=4, choices=Rating.choices, blank=True)
    # The scanning page's id of a scan it may send twice (queued offline, then retried).
    scan_id = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["booth", "person"], name="one_lead_per_booth_and_person"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.booth}"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


class Pitch(models.Model):
    """One pitch of a pitch session, in its order: a project idea looking for contacts, or a
    cluster partnership presenting its results."""

    class Kind(models.TextChoices):
        PITCH = "pitch", _("Pitch for contacts")
        PARTNERSHIP = "partnership", _("Cluster partnership presentation")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="pitches", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PITCH)
    title = models.CharField(_("title"), max_length=300)
    pitcher = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="pitches", verbose_name=_("pitcher")
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="pitches",
        verbose_name=_("organisation"),
    )
    description = models.TextField(_("short description"), blank=True)
    slides = models.FileField(_("slides"), upload_to="exhibition/pitches/", blank=True)
    video_url = models.URLField(_("video"), blank=True)

    class Meta:
        verbose_name = _("pitch")
        verbose_name_plural = _("pitches")
        ordering = ["session", "position", "pk"]

    def __str__(self) -> str:
        return self.title


class PitchContact(models.Model):
    """A participant pressed *Contact me about this* on a pitch: a consented contact for its
    pitcher, withdrawable like a lead."""

    pitch = models.ForeignKey(
        Pitch, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("pitch")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="pitch_contacts", verbose_name=_("person")
    )
    created_at = models.DateTimeField(_("asked at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("pitch contact")
        verbose_name_plural = _("pitch contacts")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["pitch", "person"], name="one_contact_per_pitch")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.pitch}"
