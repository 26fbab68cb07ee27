"""The on-site day: badges and their QR tokens, check-in at the door, the door staff, and
bookings of capacity-limited activities (site visits, and programme sessions whose organiser
asked for booking) with a waiting list.

Thin models: fields, constraints and tiny properties. Every write is in a sub-package's
`services.py` (`badges/`, `checkin/`, `bookings/`)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from clustermeet.events.models import Event
from clustermeet.people.models import Organisation, Person, Registration
from clustermeet.programme.models import Session


class BadgeKind(models.TextChoices):
    """The band a badge carries: a registration's most visible role (`badges.roles`)."""

    ORGANISER = "organiser", pgettext_lazy("badge kind", "Organiser")
    SPEAKER = "speaker", pgettext_lazy("badge kind", "Speaker")
    PRESS = "press", pgettext_lazy("badge kind", "Press")
    EXHIBITOR = "exhibitor", pgettext_lazy("badge kind", "Exhibitor staff")
    PARTICIPANT = "participant", pgettext_lazy("badge kind", "Participant")


class BadgeDesign(models.Model):
    """How the badges of one kind look at one event, chosen in the back office. A kind without
    a design uses the defaults of `badges.designs`."""

    class Style(models.TextChoices):
        BAND = "band", _("Colour band under the name")
        HEADER = "header", _("Coloured header")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="badge_designs", verbose_name=_("event")
    )
    kind = models.CharField(_("badge kind"), max_length=12, choices=BadgeKind.choices)
    colour = models.CharField(
        _("colour"), max_length=7, help_text=_("The band's colour, as #rrggbb.")
    )
    label = models.CharField(
        _("label"),
        max_length=40,
        blank=True,
        help_text=_("The text in the band; empty: the kind's name in the badge's language."),
    )
    style = models.CharField(_("style"), max_length=8, choices=Style.choices, default=Style.BAND)

    class Meta:
        verbose_name = _("badge design")
        verbose_name_plural = _("badge designs")
        ordering = ["event", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["event", "kind"], name="one_badge_design_per_kind"),
            models.CheckConstraint(
                condition=Q(colour__regex=r"^#[0-9a-fA-F]{6}$"), name="badge_colour_is_hex"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.event} – {self.get_kind_display()}"


class BadgeSettings(models.Model):
    """The event-wide parts of its badges: the logo printed on every badge."""

    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="badge_settings", verbose_name=_("event")
    )
    logo = models.FileField(
        _("logo"),
        upload_to="badges/logos/",
        blank=True,
        help_text=_("SVG or PNG, printed at the top of every badge."),
    )

    class Meta:
        verbose_name = _("badge settings")
        verbose_name_plural = _("badge settings")

    def __str__(self) -> str:
        return str(self.event)


class Badge(models.Model):
    """One printed (or printable) badge of a registration. Its QR code carries `token`: a
    random nonce signed with a key of this event (`checkin.tokens`), so it says nothing about
    the person and cannot be guessed or moved to another event. Reissuing a badge revokes the
    previous one: at most one badge of a registration is valid."""

    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="badges",
        verbose_name=_("registration"),
    )
    nonce = models.CharField(_("nonce"), max_length=32, unique=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    note = models.CharField(
        _("note for the door"),
        max_length=120,
        blank=True,
        help_text=_('Shown to the check-in staff when the badge is scanned, e.g. "VIP".'),
    )

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration"],
                condition=Q(revoked_at__isnull=True),
                name="one_valid_badge_per_registration",
            )
        ]

    def __str__(self) -> str:
        return str(self.registration)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


class BadgePrint(models.Model):
    """A PDF of badges an organiser asked for, made by a background task (`badges.tasks`)."""

    class Layout(models.TextChoices):
        A6 = "a6", _("A6, one badge a page")
        A4 = "a4", _("A4 sheets of four badges")

    class Status(models.TextChoices):
        QUEUED = "queued", pgettext_lazy("badge print", "Queued")
        RUNNING = "running", pgettext_lazy("badge print", "Printing")
        DONE = "done", pgettext_lazy("badge print", "Ready")
        FAILED = "failed", pgettext_lazy("badge print", "Failed")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="badge_prints", verbose_name=_("event")
    )
    requested_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    layout = models.CharField(_("layout"), max_length=2, choices=Layout.choices)
    registrations = models.JSONField(_("registrations"), default=list)  # primary keys, in order
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    done = models.PositiveIntegerField(_("badges done"), default=0)
    total = models.PositiveIntegerField(_("badges"), default=0)
    file = models.FileField(_("file"), upload_to="badges/prints/", blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("badge print")
        verbose_name_plural = _("badge prints")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} – {self.created_at:%Y-%m-%d %H:%M}"


class DoorStaff(models.Model):
    """A person who works the door of an event: they open the check-in pages and nothing else
    of the event that a member of the public could not see. Not a registration, so they are no
    participant (and count in no figure)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="door_staff", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="door_duties", verbose_name=_("person")
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    added_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("check-in staff member")
        verbose_name_plural = _("check-in staff")
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="door_staff_once_per_event")
        ]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"


class CheckIn(models.Model):
    """A registration came through the door on one day of the event (a day in the event's
    time zone). The database allows one per registration and day."""

    class Method(models.TextChoices):
        SCAN = "scan", _("Badge scanned")
        SEARCH = "search", _("Found by name")
        KIOSK = "kiosk", _("Self check-in")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="check_ins", verbose_name=_("event")
    )
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="check_ins",
        verbose_name=_("registration"),
    )
    day = models.DateField(_("day"))
    checked_in_at = models.DateTimeField(_("checked in at"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    checked_in_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked in by"),
    )
    method = models.CharField(_("method"), max_length=6, choices=Method.choices)
    badge = models.ForeignKey(
        Badge, null=True, blank=True, on_delete=models.SET_NULL, related_name="check_ins"
    )
    # The scanning page's id for a scan it may send twice (queued offline, then retried).
    scan_id = models.UUIDField(null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["-checked_in_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "day"], name="one_check_in_per_registration_and_day"
            )
        ]
        indexes = [models.Index(fields=["event", "day"])]

    def __str__(self) -> str:
        return f"{self.registration} – {self.day}"


class Activity(models.Model):
    """Something with a limited number of places that participants book: a site visit (its
    own title, host, place and times) or a programme session whose organiser asked for booking
    (`session` set: title and times are the session's)."""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Site visit")
        SESSION = "session", _("Programme session")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="activities", verbose_name=_("event")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.VISIT)
    session = models.OneToOneField(
        Session,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="booking",
        verbose_name=_("session"),
    )
    slug = models.SlugField(_("short name"), max_length=80)
    title = models.CharField(_("title"), max_length=200, blank=True)
    host = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_activities",
        verbose_name=_("host organisation"),
    )
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    meeting_point = models.CharField(_("meeting point"), max_length=300, blank=True)
    starts_at = models.DateTimeField(_("departure"))
    ends_at = models.DateTimeField(_("return"))
    capacity = models.PositiveIntegerField(_("places"))
    booking_deadline = models.DateTimeField(_("booking deadline"), null=True, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, help_text=_("Language codes, e.g. en, cs.")
    )
    confirm_hours = models.PositiveSmallIntegerField(
        _("hours to confirm a place"),
        default=24,
        help_text=_("How long someone moved up from the waiting list has to confirm."),
    )

    class Meta:
        verbose_name = _("bookable activity")
        verbose_name_plural = _("bookable activities")
        ordering = ["starts_at", "title"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="activity_slug_per_event"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="activity_ends_after_start"
            ),
            models.CheckConstraint(condition=Q(capacity__gte=1), name="activity_has_places"),
        ]

    def __str__(self) -> str:
        return self.title


class Booking(models.Model):
    """A person's place on an activity, or their place in its waiting list.

    BOOKED and OFFERED hold a place (an offer is a place kept for someone moved up from the
    waiting list until `confirm_by`); WAITLISTED waits in `queued_at` order. A person has at
    most one active booking per activity."""

    class Status(models.TextChoices):
        BOOKED = "booked", pgettext_lazy("booking", "Booked")
        OFFERED = "offered", pgettext_lazy("booking", "Place offered")
        WAITLISTED = "waitlisted", pgettext_lazy("booking", "On the waiting list")
        CANCELLED = "cancelled", pgettext_lazy("booking", "Cancelled")
        EXPIRED = "expired", pgettext_lazy("booking", "Offer expired")

    ACTIVE = (Status.BOOKED, Status.OFFERED, Status.WAITLISTED)
    HOLDS_PLACE = (Status.BOOKED, Status.OFFERED)

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("activity")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("person")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    created_at = models.DateTimeField(_("booked at"), default=timezone.now)
    # Arrival order in the waiting list (the time the person asked for a place).
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    promoted_at = models.DateTimeField(_("moved up at"), null=True, blank=True)
    confirm_by = models.DateTimeField(_("confirm by"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    attended_at = models.DateTimeField(_("attended at"), null=True, blank=True)

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "person"],
                condition=Q(status__in=["booked", "offered", "waitlisted"]),
                name="one_active_booking_per_person",
            )
        ]
        indexes = [models.Index(fields=["activity", "status", "queued_at"])]

    def __str__(self) -> str:
        return f"{self.person} – {self.activity}"
