"""Personal API tokens and organisers' service tokens. The secret is never stored: only its
sha256 hash, looked up by the token's prefix and compared with hmac.compare_digest
(`clustermeet.api.tokens`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.events.models import Event
from clustermeet.people.models import Person


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("Read")
        WRITE = "write", _("Read and write")

    # The person whose rights the token uses: its owner, or for a service token the organiser
    # who created it (the token then acts with their organiser rights on `event` only).
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=8, unique=True)
    secret_hash = models.CharField(max_length=64)  # sha256 hex of the secret
    scope = models.CharField(_("scope"), max_length=5, choices=Scope.choices, default=Scope.READ)
    event = models.ForeignKey(
        Event,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        verbose_name=_("event"),
        help_text=_("Only this event's data (empty: every event the person may see)."),
    )
    service = models.BooleanField(_("service token"), default=False)
    created_by = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(service=False) | models.Q(event__isnull=False),
                name="api_service_token_has_event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} (cm_{self.prefix}_…)"

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.WRITE

    def is_active(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
