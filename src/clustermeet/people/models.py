"""Accounts (a Person logs in by e-mail), organisations, and registrations to events."""

import re

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from clustermeet.events.models import Ecosystem, Event


class OrganisationType(models.TextChoices):
    CLUSTER = "cluster", _("Cluster organisation")
    SME = "sme", _("SME")
    LARGE = "large", _("Large company")
    PUBLIC = "public", _("Public authority")
    RESEARCH = "research", _("Research / university")
    NETWORK = "network", _("Network / association")
    OTHER = "other", pgettext_lazy("type of organisation", "Other")


class StakeholderType(models.TextChoices):
    CLUSTER_MANAGER = "cluster", _("Cluster manager / cluster organisation")
    POLICY = "public", _("Policy maker / public authority")
    BUSINESS = "business", _("Business (SME or large company)")
    RESEARCH = "research", _("Research / academia")
    NETWORK = "network", _("Network / association")
    INTERMEDIARY = "intermediary", _("Business support / intermediary")
    OTHER = "other", pgettext_lazy("stakeholder type", "Other")


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    type = models.CharField(
        max_length=10, choices=OrganisationType.choices, default=OrganisationType.OTHER
    )
    country = CountryField(blank=True)
    city = models.CharField(max_length=100, blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="organisations")

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "country"], name="organisation_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class PersonManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **fields):
        person = self.model(email=self.normalize_email(email).lower(), **fields)
        person.set_password(password)
        person.save(using=self._db)
        return person

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **fields)


class Person(AbstractBaseUser, PermissionsMixin):
    """An account. Speakers, participants and organisers are all people."""

    email = models.EmailField(unique=True)
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100, blank=True)
    slug = models.SlugField(max_length=120, unique=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    job_title = models.CharField(max_length=300, blank=True)
    country = CountryField(blank=True)
    bio = models.TextField(blank=True)
    offering = models.TextField(blank=True, help_text=_("What I can offer to others"))
    looking_for = models.TextField(blank=True, help_text=_("What I am looking for"))
    ecosystems = models.ManyToManyField(Ecosystem, blank=True, related_name="people")
    # The language of the person's pages (when they have not chosen one in this browser), their
    # e-mails and calendar invitations. Empty: the site's default.
    language = models.CharField(max_length=8, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)
    # Set when the account was erased (self-service or retention): the row stays, anonymised,
    # so ballots, questions, notes and meetings that point to it keep their counts.
    erased_at = models.DateTimeField(null=True, blank=True)

    objects = PersonManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name"]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """The name shown everywhere (pages, e-mails, invitations); an erased account shows as
        "a former participant"."""
        if self.erased_at is not None:
            return gettext("a former participant")
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def display_name(self) -> str:
        return self.full_name

    @property
    def affiliation(self) -> str:
        """Job title and organisation, e.g. "Cluster manager, Moravian Cluster"."""
        return join_affiliation(self.job_title, self.organisation.name if self.organisation else "")

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.first_name


def join_affiliation(job_title: str, organisation: str) -> str:
    """The job title, then the organisation's name without what the title already says:
    "Director, DG GROW" at "European Commission – DG GROW" is "Director, DG GROW, European
    Commission", not "… DG GROW, European Commission – DG GROW"."""
    title, organisation = job_title.strip(), organisation.strip()
    if not title or not organisation:
        return title or organisation
    if organisation.casefold() in title.casefold():
        return title
    parts = [part.strip() for part in re.split(r"\s+[–—-]\s+", organisation) if part.strip()]
    kept = [part for part in parts if part.casefold() not in title.casefold()]
    return f"{title}, {' – '.join(kept)}" if kept else title


class Role(models.Model):
    """A role someone has at an event (reference data created by a migration)."""

    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    TABLE_HOST = "table_host"
    EXHIBITOR = "exhibitor"
    JURY = "jury"
    ORGANISER = "organiser"
    PRESS = "press"

    code = models.SlugField(unique=True)
    name = models.CharField(max_length=50)  # English, as the migration wrote it
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["position"]

    def __str__(self) -> str:
        return str(self.label)

    @property
    def label(self) -> str:
        """The role's name in the reader's language (the known roles), else its stored name."""
        return ROLE_LABELS.get(self.code, self.name)


# The names of the roles the migrations create, translated; a role added in the back office
# shows its stored name.
ROLE_LABELS = {
    Role.PARTICIPANT: pgettext_lazy("event role", "Participant"),
    Role.SPEAKER: pgettext_lazy("event role", "Speaker"),
    Role.MODERATOR: pgettext_lazy("event role", "Moderator"),
    Role.TABLE_HOST: pgettext_lazy("event role", "Table host"),
    Role.EXHIBITOR: pgettext_lazy("event role", "Exhibitor"),
    Role.JURY: pgettext_lazy("event role", "Jury member"),
    Role.ORGANISER: pgettext_lazy("event role", "Organiser"),
    Role.PRESS: pgettext_lazy("event role", "Press"),
}


class Registration(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending approval")
        APPROVED = "approved", pgettext_lazy("registration status", "Approved")
        DECLINED = "declined", pgettext_lazy("registration status", "Declined")
        CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")

    class Source(models.TextChoices):
        WEB = "web", _("Registration form")
        IMPORT = "import", pgettext_lazy("registration source", "Import")
        ADMIN = "admin", _("Back office")
        DEMO = "demo", _("Demo data")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("event")
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("person")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    roles = models.ManyToManyField(
        Role, blank=True, related_name="registrations", verbose_name=_("roles")
    )
    stakeholder_type = models.CharField(
        _("stakeholder type"),
        max_length=12,
        choices=StakeholderType.choices,
        default=StakeholderType.OTHER,
    )
    terms_accepted_at = models.DateTimeField(_("terms accepted at"))
    directory_consent_at = models.DateTimeField(
        _("listed in the directory since"),
        null=True,
        blank=True,
        help_text=_("When the person agreed to be listed in the directory."),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=Source.choices, default=Source.WEB
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["event", "person"], name="one_registration_per_event")
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        return f"{self.person} @ {self.event}"

    @property
    def listed_in_directory(self) -> bool:
        return self.directory_consent_at is not None


class Invitation(models.Model):
    """Who may see and register for an invitation-only event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField()
    created_at = models.DateTimeField(default=timezone.now)
    invited_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_invitation_per_email")
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.event}"
