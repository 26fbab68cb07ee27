"""Networking (issue 5): the event's meeting slots and tables, each person's availability, meeting
requests, meetings, the organiser's pre-arranged matchmaking and the cooperation marketplace.

Thin models: every write goes through the services of `networking.meetings`,
`networking.matchmaking` (the organiser's mode) and `networking.marketplace` (offers). The
database enforces the rules that must survive races: a person is in at most one active meeting
per slot, a table holds at most one active meeting per slot, one open request per ordered pair,
one interest per person and offer."""

import secrets
from urllib.parse import quote

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people.models import Person


def new_meeting_room() -> str:
    """An unguessable Jitsi room name (128 bits)."""
    return "clustermeet-meet-" + secrets.token_urlsafe(16)


class Slot(models.Model):
    """A meeting slot inside one of the event's networking windows. Breaks are slots nobody
    can be booked in (kept so the organiser sees them in the grid)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_slots")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    is_break = models.BooleanField(default=False)
    label = models.CharField(max_length=100, blank=True, help_text=_("e.g. 'Networking window 1'"))

    class Meta:
        verbose_name = _("meeting slot")
        verbose_name_plural = _("meeting slots")
        ordering = ["event", "starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "starts_at"], name="one_slot_per_start"),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="slot_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"


class MeetingTable(models.Model):
    """A physical table from the event's pool (hybrid and on-site events)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_tables")
    label = models.CharField(max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("meeting table")
        verbose_name_plural = _("meeting tables")
        ordering = ["event", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["event", "label"], name="meeting_table_label_unique")
        ]

    def __str__(self) -> str:
        return self.label


class Unavailability(models.Model):
    """A slot in which a person cannot meet. Everyone is available in every non-break slot
    unless a row here says otherwise."""

    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="unavailabilities")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="unavailabilities")

    class Meta:
        verbose_name = _("unavailability")
        verbose_name_plural = _("unavailabilities")
        constraints = [
            models.UniqueConstraint(fields=["slot", "person"], name="one_unavailability_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.person} unavailable at {self.slot}"


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    class Origin(models.TextChoices):
        DIRECT = "direct", _("Direct request")
        RECOMMENDATION = "recommendation", _("Recommendation")
        MARKETPLACE = "marketplace", _("Marketplace")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meeting_requests")
    sender = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="sent_requests")
    recipient = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="received_requests"
    )
    message = models.TextField(blank=True)
    proposed_slots = models.ManyToManyField(Slot, blank=True, related_name="proposed_in")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    origin = models.CharField(max_length=15, choices=Origin.choices, default=Origin.DIRECT)
    offer = models.ForeignKey(
        "networking.Offer",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="requests",
        help_text=_("The marketplace offer this request answers"),
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)
    awaiting_sender = models.BooleanField(
        default=False,
        help_text=_("True after the recipient proposed other slots: the sender answers next"),
    )

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["event", "-created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="request_not_to_oneself"
            ),
            models.UniqueConstraint(
                fields=["event", "sender", "recipient"],
                condition=Q(status="pending"),
                name="one_pending_request_per_pair",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient} ({self.status})"


class Meeting(models.Model):
    """A 1-to-1 meeting in a slot, in a video room or at a physical table.

    DRAFT meetings belong to the organiser's matchmaking before it is published; nobody but the
    organiser sees them and they reserve nothing. SCHEDULED meetings reserve both people and the
    table for their slot (enforced on `MeetingParticipant.active` and here)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")

    class Origin(models.TextChoices):
        REQUEST = "request", _("Accepted request")
        MATCHMAKING = "matchmaking", _("Pre-arranged matchmaking")

    class Location(models.TextChoices):
        VIRTUAL = "virtual", _("Video room")
        TABLE = "table", _("Physical table")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="meetings")
    request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="meeting"
    )
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    origin = models.CharField(max_length=12, choices=Origin.choices, default=Origin.REQUEST)
    location = models.CharField(max_length=8, choices=Location.choices, default=Location.VIRTUAL)
    table = models.ForeignKey(
        MeetingTable, null=True, blank=True, on_delete=models.PROTECT, related_name="meetings"
    )
    video_room = models.CharField(max_length=64, default=new_meeting_room, unique=True)
    locked = models.BooleanField(
        default=False,
        help_text=_("Kept in its slot and table when the organiser re-runs the scheduler"),
    )
    weight = models.PositiveSmallIntegerField(
        default=1, help_text=_("Priority in the matchmaking optimiser")
    )
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(
        default=0, help_text=_("iCalendar SEQUENCE: bumped each time the meeting moves")
    )
    created_at = models.DateTimeField(default=timezone.now)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    cancelled_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["event", "slot__starts_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=Q(status="scheduled", table__isnull=False),
                name="table_once_per_slot",
            ),
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(slot__isnull=False),
                name="scheduled_meeting_has_slot",
            ),
            models.CheckConstraint(
                condition=~Q(location="table") | Q(table__isnull=False) | Q(status="draft"),
                name="table_meeting_has_table",
            ),
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"Meeting {self.pk} ({self.status})"

    @property
    def video_url(self) -> str:
        return settings.JITSI_BASE_URL.rstrip("/") + "/" + quote(self.video_room)


class MeetingParticipant(models.Model):
    """One of the two people of a meeting, with the slot copied in so the database can refuse
    double-booking: at most one active (scheduled) meeting per person and slot."""

    class Attendance(models.TextChoices):
        UNKNOWN = "", _("Not reported")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("No-show")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="meeting_seats")
    slot = models.ForeignKey(
        Slot, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    active = models.BooleanField(default=True, help_text=_("True while the meeting is scheduled"))
    attendance = models.CharField(
        max_length=8, choices=Attendance.choices, blank=True, default=Attendance.UNKNOWN
    )
    attendance_reported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("person in a meeting")
        verbose_name_plural = _("people in the meeting")
        ordering = ["meeting", "person_id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="meeting_person_once"),
            models.UniqueConstraint(
                fields=["person", "slot"], condition=Q(active=True), name="person_once_per_slot"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} in {self.meeting}"


class Matchmaking(models.Model):
    """The organiser's pre-arranged matchmaking for an event: requests are collected, the
    optimiser schedules the accepted ones into slots and tables, the organiser reviews the draft,
    locks or moves meetings by hand, and publishes."""

    class Status(models.TextChoices):
        COLLECTING = "collecting", _("Collecting requests")
        DRAFT = "draft", _("Draft schedule")
        PUBLISHED = "published", _("Published")

    event = models.OneToOneField(Event, on_delete=models.CASCADE, related_name="matchmaking")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.COLLECTING)
    max_meetings_per_person = models.PositiveSmallIntegerField(default=8)
    tables_per_slot = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Blank: as many meetings per slot as there are tables")
    )
    time_limit_seconds = models.PositiveSmallIntegerField(default=20)
    last_run = models.JSONField(
        default=dict, blank=True, editable=False, help_text=_("Figures of the last scheduler run")
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("matchmaking")
        verbose_name_plural = _("matchmaking")

    def __str__(self) -> str:
        return f"Matchmaking: {self.event}"


class Offer(models.Model):
    """A cooperation offer or request on the event's marketplace."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("Offer")
        REQUEST = "request", _("Request")

    class Category(models.TextChoices):
        PARTNERSHIP = "partnership", _("Partnership")
        CONSORTIUM = "consortium", _("Project consortium")
        EXPERTISE = "expertise", _("Expertise")
        TECHNOLOGY = "technology", _("Technology")
        INVESTMENT = "investment", _("Investment")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="offers")
    author = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(max_length=7, choices=Kind.choices)
    category = models.CharField(max_length=12, choices=Category.choices)
    title = models.CharField(max_length=200)
    description = models.TextField()
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="offers")
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("marketplace entry")
        verbose_name_plural = _("marketplace entries")
        ordering = ["event", "-created_at", "id"]
        indexes = [models.Index(fields=["event", "is_active", "kind"])]

    def __str__(self) -> str:
        return self.title


class Interest(models.Model):
    """Someone expressed interest in an offer; it opened the meeting request `request`."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="interests")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="offer_interests")
    request = models.OneToOneField(
        MeetingRequest, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("interest in an offer")
        verbose_name_plural = _("interests in offers")
        constraints = [
            models.UniqueConstraint(fields=["offer", "person"], name="one_interest_per_offer")
        ]

    def __str__(self) -> str:
        return f"{self.person} → {self.offer}"
