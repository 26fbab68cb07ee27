"""Every write of the webhooks: `emit` (called by the apps' services inside their transaction),
the organisers' endpoints (add, edit the event types, deactivate, rotate the secret) and the
re-send of a delivery. Deliveries leave after commit: a rolled-back write emits nothing."""

import uuid
from collections.abc import Iterable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet import background
from clustermeet.events.models import Event
from clustermeet.hooks import delivery, events, tasks
from clustermeet.hooks.errors import HooksError
from clustermeet.hooks.models import Delivery, Endpoint, new_secret
from clustermeet.people.models import Person


def emit(event: Event | int, type_name: str, obj_pk: int) -> None:
    """The event `type_name` happened to the object `obj_pk` of `event` (an Event or its pk).
    Call it inside the transaction of the write: once it commits, one Delivery per active
    endpoint of the event subscribed to the type is created and its task started. Costs no
    query before the commit."""
    emit_each(event, type_name, [obj_pk])


def emit_each(event: Event | int, type_name: str, obj_pks: Iterable[int]) -> None:
    """`emit` for several objects of one type at once (one look-up of the endpoints)."""
    if type_name not in events.CATALOGUE:
        raise ValueError(f"unknown webhook event type {type_name!r}")
    event_pk = event if isinstance(event, int) else event.pk
    pks = list(obj_pks)
    if pks:
        transaction.on_commit(lambda: _fan_out(event_pk, type_name, pks), robust=True)


def _fan_out(event_pk: int, type_name: str, obj_pks: list[int]) -> list[int]:
    endpoints = [
        endpoint
        for endpoint in Endpoint.objects.filter(event_id=event_pk, active=True).only(
            "pk", "event_types"
        )
        if type_name in endpoint.event_types
    ]
    if not endpoints:
        return []
    event = Event.objects.get(pk=event_pk)
    now = timezone.now()
    rows = []
    for obj_pk in obj_pks:
        event_id = uuid.uuid4()
        payload = events.payload(event, type_name, obj_pk, event_id, now)
        if payload is None:
            continue
        rows.extend(
            Delivery(
                endpoint=endpoint,
                event_type=type_name,
                event_id=event_id,
                payload=payload,
                created_at=now,
                next_attempt_at=now,
            )
            for endpoint in endpoints
        )
    ids = [row.pk for row in Delivery.objects.bulk_create(rows)]  # SQLite and PostgreSQL: pks set
    if not ids:
        return ids
    if settings.CELERY_TASK_ALWAYS_EAGER:  # no broker: one job for the lot, not one per row
        background.start_after_commit(tasks.deliver_each, ids)
    else:
        for pk in ids:
            background.start_after_commit(tasks.deliver, pk)
    return ids


# --- endpoints --------------------------------------------------------------------------------


def _checked(url: str, event_types: Iterable[str]) -> tuple[str, list[str]]:
    url = (url or "").strip()
    refusal = delivery.url_refusal(url)
    if refusal is not None:
        raise HooksError("url", refusal)
    chosen = set(event_types)
    unknown = chosen - set(events.CATALOGUE)
    if unknown:
        raise HooksError(
            "event_types",
            _("Unknown event type %(name)s.") % {"name": ", ".join(sorted(unknown))},
        )
    if not chosen:
        raise HooksError("event_types", _("Choose at least one event type."))
    return url, [name for name in events.CATALOGUE if name in chosen]


def create_endpoint(
    event: Event, *, url: str, event_types: Iterable[str], by: Person | None, description=""
) -> Endpoint:
    url, types = _checked(url, event_types)
    if Endpoint.objects.filter(event=event, url=url, active=True).exists():
        raise HooksError("url", _twice())
    try:
        with transaction.atomic():
            return Endpoint.objects.create(
                event=event,
                url=url,
                description=(description or "").strip()[:200],
                event_types=types,
                created_by=by if by is not None and by.is_authenticated else None,
            )
    except IntegrityError:  # the same address added by another organiser meanwhile
        raise HooksError("url", _twice()) from None


def _twice() -> str:
    return _("This address receives this event's webhooks already.")


def _locked(endpoint: Endpoint) -> Endpoint:
    return Endpoint.objects.select_for_update().get(pk=endpoint.pk)


def update_endpoint(
    endpoint: Endpoint, *, event_types: Iterable[str], description: str | None = None
) -> Endpoint:
    _url, types = _checked(endpoint.url, event_types)
    with transaction.atomic():
        row = _locked(endpoint)
        row.event_types = types
        fields = ["event_types"]
        if description is not None:
            row.description = description.strip()[:200]
            fields.append("description")
        row.save(update_fields=fields)
    return row


def set_active(endpoint: Endpoint, active: bool) -> Endpoint:
    """Deactivated, an endpoint receives nothing new, and its deliveries still to be attempted
    are given up at their next attempt. Reactivated, it receives new events again."""
    try:
        with transaction.atomic():
            row = _locked(endpoint)
            if active and not row.active:
                _checked(row.url, row.event_types)  # the address may be refused since
                twin = Endpoint.objects.filter(event_id=row.event_id, url=row.url, active=True)
                if twin.exists():
                    raise HooksError("url", _twice())
            row.active = active
            row.save(update_fields=["active"])
    except IntegrityError:  # reactivated beside a twin added meanwhile
        raise HooksError("url", _twice()) from None
    return row


def rotate_secret(endpoint: Endpoint) -> Endpoint:
    """A new secret at once: every attempt from now on is signed with it."""
    with transaction.atomic():
        row = _locked(endpoint)
        row.secret = new_secret()
        row.secret_rotated_at = timezone.now()
        row.save(update_fields=["secret", "secret_rotated_at"])
    return row


def resend(delivery_row: Delivery) -> Delivery:
    """A new attempt of the same delivery (same event id and payload, signed anew). It is
    retried as any attempt while within 24 hours of the event, given up after one failure
    beyond them."""
    with transaction.atomic():
        row = (
            Delivery.objects.select_for_update()
            .select_related("endpoint")
            .filter(pk=delivery_row.pk)
            .first()
        )
        if row is None:
            raise HooksError("gone", _("This delivery does not exist any more."))
        if row.payload is None:
            raise HooksError(
                "purged",
                _("This delivery's content was deleted after 30 days: it cannot be sent again."),
            )
        if not row.endpoint.active:
            raise HooksError("inactive", _("Reactivate the endpoint before sending again."))
        now = timezone.now()
        in_flight = (  # an attempt's claim: next_attempt_at is its lease
            row.last_attempt_at is not None
            and row.next_attempt_at == row.last_attempt_at + delivery.LEASE
            and row.next_attempt_at > now
        )
        if in_flight:
            raise HooksError("sending", _("This delivery is being sent right now."))
        row.delivered_at = None
        row.given_up_at = None
        row.next_attempt_at = now
        row.save(update_fields=["delivered_at", "given_up_at", "next_attempt_at"])
        background.start_after_commit(tasks.deliver, row.pk)
    return row
