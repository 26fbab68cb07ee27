"""Payloads are cleared 30 days after their delivery ended; the log's rows stay."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.celery_app import app
from clustermeet.hooks import retention, tasks
from clustermeet.hooks.models import Delivery
from tests.hooks.factories import DeliveryFactory

pytestmark = pytest.mark.django_db


def test_payloads_of_deliveries_ended_over_30_days_ago_are_cleared():
    now = timezone.now()
    old = now - dt.timedelta(days=31)
    delivered = DeliveryFactory(delivered_at=old)
    given_up = DeliveryFactory(given_up_at=old)
    recent = DeliveryFactory(delivered_at=now - dt.timedelta(days=29))
    waiting = DeliveryFactory(created_at=old, next_attempt_at=now)
    assert tasks.purge_payloads() == 2
    assert [
        Delivery.objects.get(pk=d.pk).payload is None
        for d in (delivered, given_up, recent, waiting)
    ] == [True, True, False, False]
    assert Delivery.objects.count() == 4
    assert retention.purge_payloads() == 0


def test_beat_runs_the_sweep_every_minute_and_the_purge_daily():
    schedule = app.conf.beat_schedule
    assert (schedule["hooks-retry-due"], schedule["hooks-purge-payloads"]) == (
        {"task": "clustermeet.hooks.tasks.retry_due", "schedule": 60.0},
        {"task": "clustermeet.hooks.tasks.purge_payloads", "schedule": 86400.0},
    )
    assert (tasks.retry_due.name, tasks.purge_payloads.name) == (
        "clustermeet.hooks.tasks.retry_due",
        "clustermeet.hooks.tasks.purge_payloads",
    )
