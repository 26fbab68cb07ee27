"""An organiser's webhook endpoint and each delivery of an event to it. Thin: the writes are in
`services.py` (endpoints, emit, re-send) and `delivery.py` (the attempts)."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from clustermeet.events.models import Event
from clustermeet.people.models import Person


def new_secret() -> str:
    """256 random bits, URL-safe (43 characters): the key of the endpoint's signatures."""
    return secrets.token_urlsafe(32)


class Endpoint(models.Model):
    """An address of the organisers' own system that receives the event types it subscribes
    to, signed with its secret."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="webhook_endpoints", verbose_name=_("event")
    )
    url = models.URLField(_("address"), max_length=500)
    description = models.CharField(_("description"), max_length=200, blank=True)
    secret = models.CharField(_("signing secret"), max_length=64, default=new_secret)
    # Names from the catalogue (`hooks.events.CATALOGUE`), in its order.
    event_types = models.JSONField(_("event types"), default=list)
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    secret_rotated_at = models.DateTimeField(_("secret rotated at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook endpoint")
        verbose_name_plural = _("webhook endpoints")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            # Two organisers adding the same address at once make one active endpoint.
            models.UniqueConstraint(
                fields=["event", "url"],
                condition=models.Q(active=True),
                name="hooks_endpoint_active_once",
            )
        ]

    def __str__(self) -> str:
        return self.url


class Delivery(models.Model):
    """One event sent (or to be sent) to one endpoint. `event_id` names the event: the same
    for every endpoint it goes to and on every attempt and re-send, so a receiver can ignore
    a repeat. `payload` is None once purged (30 days after the delivery ended)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        RETRYING = "retrying", _("Failed, will retry")
        DELIVERED = "delivered", _("Delivered")
        GIVEN_UP = "given_up", _("Given up")

    endpoint = models.ForeignKey(
        Endpoint, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("endpoint")
    )
    event_type = models.CharField(_("event type"), max_length=40)
    event_id = models.UUIDField(_("event id"), default=uuid.uuid4)
    payload = models.JSONField(_("payload"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # When the next attempt is due (None: none is: delivered, given up, or purged). While an
    # attempt runs it holds a lease: a runner that died leaves it due again afterwards.
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(
        _("last response code"), null=True, blank=True
    )
    last_error = models.CharField(_("last error"), max_length=200, blank=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    given_up_at = models.DateTimeField(_("given up at"), null=True, blank=True)

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="hooks_delivery_once_per_endpoint"
            )
        ]
        indexes = [
            models.Index(fields=["endpoint", "-created_at"], name="hooks_delivery_log"),
            models.Index(fields=["next_attempt_at"], name="hooks_delivery_due"),
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id}"

    @property
    def state(self) -> str:
        if self.delivered_at is not None:
            return self.State.DELIVERED
        if self.given_up_at is not None:
            return self.State.GIVEN_UP
        return self.State.RETRYING if self.attempts else self.State.PENDING

    @property
    def state_label(self) -> str:
        return self.State(self.state).label
