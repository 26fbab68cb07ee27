"""Awards: an event's categories, their nominations, the jury that shortlists the finalists,
the community's ballots (online and on site, one per person and category), and the append-only
log of what the organisers did.

Thin models: fields, constraints and tiny properties. Every write is in a sub-package's
`services.py` (`nominations/`, `jury/`, `voting/`, `results/`); the phases of a category are
read by `awards/phases.py`."""

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from clustermeet.events.models import Event
from clustermeet.people.models import Person


class Category(models.Model):
    """One award of an event: how nominees come in, who scores them, who votes, when, and how
    the jury's and the community's shares combine into the result."""

    class Kind(models.TextChoices):
        VOTE = "vote", _("Jury shortlist and community vote")
        DECISION = "decision", _("Decided by the organisers (no vote)")

    class Nominations(models.TextChoices):
        OPEN = "open", _("Open call: anyone with an account may nominate")
        ORGANISERS = "organisers", _("Nominees entered by the organisers")

    class Voters(models.TextChoices):
        PARTICIPANTS = "participants", _("The event's approved participants")
        COMMUNITY = "community", _("Anyone with a ClusterMeet account")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="award_categories", verbose_name=_("event")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=80)
    description = models.TextField(_("description"), blank=True)
    eligibility = models.TextField(_("who may be nominated"), blank=True)
    # Other languages of the three texts: {"de": {"name": "…", "description": "…"}, …}
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("decided by"), max_length=10, choices=Kind.choices, default=Kind.VOTE)
    nomination_mode = models.CharField(
        _("nominations"), max_length=12, choices=Nominations.choices, default=Nominations.ORGANISERS
    )
    nominations_open_at = models.DateTimeField(_("nominations open"), null=True, blank=True)
    nominations_close_at = models.DateTimeField(_("nominations close"), null=True, blank=True)
    score_max = models.PositiveSmallIntegerField(
        _("highest score"), default=5, help_text=_("Jurors score each criterion from 1 to this.")
    )
    shortlist_size = models.PositiveSmallIntegerField(_("finalists"), default=3)
    voters = models.CharField(
        _("who votes"), max_length=12, choices=Voters.choices, default=Voters.PARTICIPANTS
    )
    online_opens_at = models.DateTimeField(_("online vote opens"), null=True, blank=True)
    online_closes_at = models.DateTimeField(_("online vote closes"), null=True, blank=True)
    onsite_opens_at = models.DateTimeField(_("on-site vote opens"), null=True, blank=True)
    onsite_closes_at = models.DateTimeField(_("on-site vote closes"), null=True, blank=True)
    allow_change = models.BooleanField(
        _("voters may change their vote"),
        default=False,
        help_text=_(
            "Until the vote closes; an on-site vote then replaces the online one "
            "(a person never has two)."
        ),
    )
    jury_weight = models.PositiveSmallIntegerField(
        _("jury's weight (%)"),
        default=0,
        help_text=_(
            "The jury's share of the result, in per cent; the community's is the rest "
            "(0: the community's vote decides, 50: half each)."
        ),
    )
    reveal_at = models.DateTimeField(_("planned reveal"), null=True, blank=True)
    shortlist_confirmed_at = models.DateTimeField(
        _("shortlist confirmed at"), null=True, blank=True
    )
    revealed_at = models.DateTimeField(_("revealed at"), null=True, blank=True)
    # The result as revealed (results/tally.py's output, frozen): counts per finalist and channel.
    result = models.JSONField(_("result"), default=dict, blank=True)

    class Meta:
        verbose_name = _("award category")
        verbose_name_plural = _("award categories")
        ordering = ["event", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["event", "slug"], name="award_slug_per_event"),
            models.CheckConstraint(
                condition=Q(jury_weight__lte=100), name="award_jury_weight_percent"
            ),
            models.CheckConstraint(
                condition=Q(score_max__gte=2, score_max__lte=10), name="award_score_max_range"
            ),
            models.CheckConstraint(
                condition=Q(online_opens_at__isnull=True)
                | Q(online_closes_at__isnull=True)
                | Q(online_closes_at__gt=F("online_opens_at")),
                name="award_online_window_order",
            ),
            models.CheckConstraint(
                condition=Q(onsite_opens_at__isnull=True)
                | Q(onsite_closes_at__isnull=True)
                | Q(onsite_closes_at__gt=F("onsite_opens_at")),
                name="award_onsite_window_order",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Criterion(models.Model):
    """What the jury scores a nomination on (3 to 5 of them, each from 1 to `score_max`)."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("category")
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.CharField(_("description"), max_length=500, blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["category", "position", "pk"]

    def __str__(self) -> str:
        return self.name


class Nomination(models.Model):
    """A nominee in a category: a person, an organisation or a partnership, with the profile
    the nominee (or whoever nominated them) completes."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Not eligible")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="nominations", verbose_name=_("category")
    )
    name = models.CharField(_("nominee"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    country = CountryField(_("country"), blank=True)
    statement = models.TextField(_("short statement"), blank=True)
    translations = models.JSONField(_("translations"), default=dict, blank=True)
    website = models.URLField(_("website"), blank=True)
    video_url = models.URLField(_("video"), blank=True)
    nominee = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_nominations",
        verbose_name=_("nominee's account"),
    )
    nominated_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="award_nominations_made",
        verbose_name=_("nominated by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    finalist = models.BooleanField(_("finalist"), default=False)
    winner = models.BooleanField(_("winner"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("nominated at"), default=timezone.now)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["category", "position", "name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(finalist=True) | Q(winner=False), name="award_winner_is_finalist"
            )
        ]

    def __str__(self) -> str:
        return self.name


class NominationDocument(models.Model):
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="documents", verbose_name=_("nomination")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="awards/documents/")
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    class Meta:
        verbose_name = _("nomination document")
        verbose_name_plural = _("nomination documents")
        ordering = ["nomination", "uploaded_at", "pk"]

    def __str__(self) -> str:
        return self.title


class Juror(models.Model):
    """A jury member of one category: an assignment by the organisers, not a registration."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="jurors", verbose_name=_("category")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="award_juries", verbose_name=_("person")
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)
    finished_at = models.DateTimeField(_("scores submitted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("juror")
        verbose_name_plural = _("jurors")
        ordering = ["category", "added_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["category", "person"], name="juror_once_per_category")
        ]

    def __str__(self) -> str:
        return str(self.person)


class Conflict(models.Model):
    """A juror's declared conflict of interest with a nomination: the juror cannot score it
    (nor vote for it in the community vote)."""

    juror = models.ForeignKey(
        Juror, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("juror")
    )
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="conflicts", verbose_name=_("nomination")
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    declared_at = models.DateTimeField(_("declared at"), default=timezone.now)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["juror", "nomination"], name="conflict_once_per_nomination"
            )
        ]

    def __str__(self) -> str:
        return f"{self.juror} – {self.nomination}"


class Score(models.Model):
    juror = models.ForeignKey(
        Juror, on_delete=models.CASCADE, related_name="scores", verbose_name=_("juror")
    )
    nomination = models.ForeignKey(
        Nomination, on_delete=models.CASCADE, related_name="scores", verbose_name=_("nomination")
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"))
    scored_at = models.DateTimeField(_("scored at"), default=timezone.now)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["juror", "nomination", "criterion"], name="score_once_per_criterion"
            ),
            models.CheckConstraint(condition=Q(value__gte=1, value__lte=10), name="score_range"),
        ]

    def __str__(self) -> str:
        return f"{self.nomination}: {self.value}"


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("On site")


class Ballot(models.Model):
    """A person's vote in a category. One per person and category across both channels (the
    unique constraint is the last line); a changed vote updates this row, never adds one."""

    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, related_name="ballots", verbose_name=_("category")
    )
    voter = models.ForeignKey(
        Person, on_delete=models.RESTRICT, related_name="award_ballots", verbose_name=_("voter")
    )
    nomination = models.ForeignKey(
        Nomination, on_delete=models.RESTRICT, related_name="ballots", verbose_name=_("finalist")
    )
    channel = models.CharField(_("channel"), max_length=6, choices=Channel.choices)
    cast_at = models.DateTimeField(_("cast at"), default=timezone.now)
    first_cast_at = models.DateTimeField(_("first cast at"), default=timezone.now)
    changes = models.PositiveSmallIntegerField(_("changes"), default=0)
    receipt = models.CharField(_("receipt"), max_length=16, unique=True)
    # The check-in staff who ran the kiosk the vote was cast at (None: the voter's own device).
    recorded_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["category", "cast_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["category", "voter"], name="ballot_once_per_category")
        ]

    def __str__(self) -> str:
        return self.receipt


class AuditEntry(models.Model):
    """One organiser action on the awards, kept for good: services only ever add entries."""

    class Action(models.TextChoices):
        SETTINGS_CHANGED = "settings", _("Changed the category's settings")
        NOMINATION_ENTERED = "entered", _("Entered a nomination")
        NOMINATION_ACCEPTED = "accepted", _("Accepted a nomination")
        NOMINATION_DECLINED = "declined", _("Declined a nomination as not eligible")
        JUROR_ADDED = "juror", _("Added a juror")
        SHORTLIST_CONFIRMED = "shortlist", _("Confirmed the shortlist")
        VOTING_OPENED = "opened", _("Opened the vote")
        VOTING_CLOSED = "closed", _("Closed the vote")
        RESULTS_VIEWED = "viewed", _("Looked at the results before the reveal")
        DECISION_RECORDED = "decision", _("Recorded the organisers' decision")
        REVEALED = "revealed", _("Revealed the winner")
        BALLOTS_EXPORTED = "exported", _("Exported the ballots")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="award_log", verbose_name=_("event")
    )
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.RESTRICT,
        related_name="log",
        verbose_name=_("category"),
    )
    actor = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("awards log entry")
        verbose_name_plural = _("awards log")
        ordering = ["event", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()}"
