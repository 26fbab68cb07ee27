"""Deliveries against a real HTTP receiver on 127.0.0.1: signed as documented, retried after a
500 by the sweep, given up after 24 hours, never redirected, never to a plain-HTTP address in
production."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from clustermeet.hooks import delivery, services, signature, tasks
from clustermeet.hooks.models import Delivery
from tests.factories import RegistrationFactory
from tests.hooks.factories import DeliveryFactory, EndpointFactory
from tests.hooks.receiver import verify

pytestmark = pytest.mark.django_db


def endpoint_for(receiver, **fields):
    endpoint = EndpointFactory(url=receiver.url, **fields)
    receiver.secret = endpoint.secret
    return endpoint


def make_due(row: Delivery) -> None:
    """Time passes: the delivery's next attempt is due now."""
    Delivery.objects.filter(pk=row.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )


def test_a_500_then_a_200_shows_attempt_one_failed_then_the_sweep_delivers(
    receiver, django_capture_on_commit_callbacks
):
    endpoint = endpoint_for(receiver, event_types=["registration.created"])
    registration = RegistrationFactory(event=endpoint.event)
    receiver.script = [500]
    with django_capture_on_commit_callbacks(execute=True):
        services.emit(endpoint.event, "registration.created", registration.pk)
    row = Delivery.objects.get()
    first = receiver.received[0]
    assert (row.attempts, row.last_status_code, row.state) == (1, 500, "retrying")
    assert row.delivered_at is None
    wait = row.next_attempt_at - row.last_attempt_at
    assert dt.timedelta(minutes=1) <= wait < dt.timedelta(minutes=1, seconds=5)
    assert first.verified is True
    assert first.headers["ClusterMeet-Event"] == "registration.created"
    assert first.headers["ClusterMeet-Delivery"] == str(row.event_id)
    assert first.body == signature.body_of(row.payload)
    assert json.loads(first.body)["data"]["registration"]["id"] == registration.pk

    assert call_command("deliver_webhooks") is None  # not due yet: nothing sent
    assert len(receiver.received) == 1
    make_due(row)
    call_command("deliver_webhooks")
    row.refresh_from_db()
    second = receiver.received[1]
    assert (row.attempts, row.last_status_code, row.state) == (2, 200, "delivered")
    assert (row.next_attempt_at, row.given_up_at, row.last_error) == (None, None, "")
    assert second.verified is True
    assert second.body == first.body
    assert second.headers["ClusterMeet-Delivery"] == first.headers["ClusterMeet-Delivery"]
    assert len(receiver.received) == 2


def test_the_celery_sweep_sends_what_is_due(receiver):
    endpoint = endpoint_for(receiver)
    due = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    later = DeliveryFactory(
        endpoint=endpoint, next_attempt_at=timezone.now() + dt.timedelta(minutes=5)
    )
    assert tasks.retry_due() == 1
    due.refresh_from_db(), later.refresh_from_db()
    assert (due.state, due.attempts, later.state, later.attempts) == (
        "delivered",
        1,
        "pending",
        0,
    )
    assert [r.verified for r in receiver.received] == [True]


def test_the_task_attempts_once_and_leaves_the_retry_to_the_sweep_without_a_broker(receiver):
    endpoint = endpoint_for(receiver)
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    receiver.script = [503, 503]
    assert tasks.deliver(row.pk) == "retrying"
    assert tasks.deliver(row.pk) is None  # not due: a second runner sends nothing
    row.refresh_from_db()
    assert (row.attempts, row.last_status_code, len(receiver.received)) == (1, 503, 1)


def test_a_tampered_body_fails_the_receivers_verification(receiver):
    endpoint = endpoint_for(receiver)
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    tasks.deliver(row.pk)
    sent = receiver.received[0]
    assert verify(endpoint.secret, sent.headers, sent.body) is True
    tampered = sent.body.replace(b"registration.created", b"registration.approved")
    assert verify(endpoint.secret, sent.headers, tampered) is False
    assert verify("another secret", sent.headers, sent.body) is False


def test_a_rotated_secret_signs_the_next_attempt(receiver):
    endpoint = endpoint_for(receiver)
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    old = endpoint.secret
    receiver.secret = services.rotate_secret(endpoint).secret
    tasks.deliver(row.pk)
    sent = receiver.received[0]
    assert (receiver.secret != old, sent.verified, verify(old, sent.headers, sent.body)) == (
        True,
        True,
        False,
    )


def test_backoff_doubles_from_a_minute_up_to_an_hour():
    minutes = [delivery.backoff(n).total_seconds() / 60 for n in range(1, 10)]
    assert minutes == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_the_last_retry_is_at_the_deadline_and_a_failure_after_it_gives_up(receiver):
    endpoint = endpoint_for(receiver)
    created = timezone.now() - dt.timedelta(hours=23, minutes=59, seconds=30)
    row = DeliveryFactory(
        endpoint=endpoint, created_at=created, attempts=12, next_attempt_at=timezone.now()
    )
    receiver.script = [500, 500]
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.next_attempt_at) == ("retrying", created + delivery.RETRY_FOR)
    Delivery.objects.filter(pk=row.pk).update(created_at=created - dt.timedelta(minutes=1))
    make_due(row)
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.attempts, row.next_attempt_at) == ("given_up", 14, None)
    assert row.given_up_at is not None


def test_a_redirect_is_not_followed(receiver):
    endpoint = endpoint_for(receiver)
    receiver.script = [302]
    receiver.redirect_to = receiver.url + "/elsewhere"
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.last_status_code) == ("retrying", 302)
    assert [r.path for r in receiver.received] == ["/hook"]


def test_a_refused_connection_is_recorded_and_retried():
    endpoint = EndpointFactory(url="http://127.0.0.1:9/hook")  # the discard port: closed
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.last_status_code, row.attempts) == ("retrying", None, 1)
    assert "refused" in row.last_error.lower()


def test_a_plain_http_address_is_never_sent_to_in_production(receiver, settings):
    endpoint = endpoint_for(receiver)
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = False
    settings.DEBUG = False
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.last_error, receiver.received) == (
        "given_up",
        "A webhook's address must start with https://.",
        [],
    )


def test_a_deactivated_endpoints_waiting_delivery_is_given_up_unsent(receiver):
    endpoint = endpoint_for(receiver)
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    services.set_active(endpoint, False)
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.last_error, receiver.received) == (
        "given_up",
        "The endpoint is deactivated.",
        [],
    )


def test_a_name_that_resolves_to_this_machine_is_never_sent_to_in_production(settings):
    endpoint = EndpointFactory(url="https://localhost:9/hook")  # passes the address check
    settings.CLUSTERMEET_WEBHOOKS_ALLOW_LOCAL = False
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())
    tasks.deliver(row.pk)
    row.refresh_from_db()
    assert (row.state, row.last_status_code, row.last_error) == (
        "given_up",
        None,
        "The address is on this machine or in a private network.",
    )
