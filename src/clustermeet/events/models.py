"""Events, recurring series and the reference data every event is tagged with."""

import zoneinfo
from functools import cached_property

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django_countries.fields import CountryField


class Ecosystem(models.Model):
    """One of the 14 industrial ecosystems of the EU industrial strategy (reference data)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = gettext_lazy("industrial ecosystem")
        verbose_name_plural = gettext_lazy("industrial ecosystems")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Challenge(models.Model):
    """One of the four challenges: green, digital, resilience, skills (reference data)."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = gettext_lazy("challenge")
        verbose_name_plural = gettext_lazy("challenges")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class Series(models.Model):
    """Recurring events, e.g. a bi-weekly online talk or the yearly conference."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    cadence = models.CharField(
        max_length=100, blank=True, help_text=gettext_lazy("e.g. 'every two weeks'")
    )

    class Meta:
        verbose_name = gettext_lazy("series")
        verbose_name_plural = gettext_lazy("series")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone %(value)r.") % {"value": value})


class Event(models.Model):
    class Format(models.TextChoices):
        VIRTUAL = "virtual", pgettext_lazy("event format", "Virtual")
        HYBRID = "hybrid", pgettext_lazy("event format", "Hybrid")
        ONSITE = "onsite", pgettext_lazy("event format", "On-site")

    class Visibility(models.TextChoices):
        PUBLIC = "public", gettext_lazy("Public (listed)")
        UNLISTED = "unlisted", gettext_lazy("Unlisted (anyone with the link)")
        INVITATION = "invitation", gettext_lazy("Invitation only")

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    tagline = models.CharField(max_length=300, blank=True)
    description = models.TextField(blank=True)
    edition = models.PositiveSmallIntegerField(null=True, blank=True)
    series = models.ForeignKey(
        Series, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="side_events"
    )
    format = models.CharField(max_length=10, choices=Format.choices, default=Format.VIRTUAL)
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    start_date = models.DateField()
    end_date = models.DateField()
    timezone = models.CharField(
        max_length=64, default="Europe/Brussels", validators=[validate_timezone]
    )
    venue = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100, blank=True)
    country = CountryField(blank=True)
    website_url = models.URLField(blank=True)
    organiser_name = models.CharField(max_length=300, blank=True)
    contact_email = models.EmailField(
        blank=True,
        help_text=gettext_lazy(
            "Where participants write to the organisers (shown on the accessibility "
            "statement for feedback on accessibility)."
        ),
    )
    requires_approval = models.BooleanField(
        default=False, help_text=gettext_lazy("Registrations wait for an organiser's approval.")
    )
    registration_open = models.BooleanField(default=True)
    retention_days = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=gettext_lazy(
            "Days after the event ends before participants' personal data is anonymised "
            "(clustermeet purge-expired). Blank: kept until each person deletes their account."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("event")
        verbose_name_plural = gettext_lazy("events")
        ordering = ["-start_date", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @cached_property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def is_over(self) -> bool:
        """Its last day has passed (in its own time zone)."""
        return self.end_date < timezone.now().astimezone(self.tz).date()

    @property
    def accepts_registrations(self) -> bool:
        """The organisers keep registration open and the event has not ended."""
        return self.registration_open and not self.is_over

    @property
    def is_invitation_only(self) -> bool:
        return self.visibility == self.Visibility.INVITATION

    @property
    def days(self) -> int:
        return (self.end_date - self.start_date).days + 1
