"""Consent records: who agreed to what, for which event, when, to which version of the text, and
when they withdrew it. A withdrawal closes the record; giving again opens a new one."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from clustermeet.events.models import Event
from clustermeet.people.models import Person
from clustermeet.privacy.consents import Kind


class ConsentRecord(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consent_records")
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.CASCADE, related_name="consent_records"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    version = models.CharField(max_length=40, help_text="The version of the consent text")
    given_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = gettext_lazy("consent record")
        verbose_name_plural = gettext_lazy("consent records")
        ordering = ["person", "event", "kind", "given_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "event", "kind"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.kind} ({self.version})"

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None
