"""The webhooks' Celery tasks; each takes primary keys and reads fresh rows.

- `deliver(delivery_id)`: one attempt; with a broker it schedules its own retry
  (`apply_async(countdown=…)`). Without one (eager tasks) it never waits: the retry is
  recorded as `next_attempt_at` and left to the sweep. `deliver_each(ids)` runs the first
  attempts of one emit in a single job when there is no broker.
- `retry_due()`: the sweep (Celery beat, every minute; `clustermeet deliver-webhooks` does the
  same from cron): every delivery whose next attempt is due.
- `purge_payloads()`: daily, the payloads of deliveries that ended more than 30 days ago."""

from celery import shared_task
from django.conf import settings

from clustermeet.hooks import delivery, retention


@shared_task
def deliver(delivery_id: int) -> str | None:
    done = delivery.attempt(delivery_id)
    if done is None:
        return None
    wait = delivery.retry_in(done)
    if wait is not None and not settings.CELERY_TASK_ALWAYS_EAGER:
        deliver.apply_async(args=[delivery_id], countdown=wait + 1)
    return done.state


@shared_task
def deliver_each(delivery_ids: list[int]) -> int:
    """The first attempts of one emit's deliveries, one after the other: without a broker
    this is one job (one thread of the web process) for the lot, so publishing the matchmaking
    does not start a thread per meeting. Returns how many were attempted."""
    return sum(deliver(delivery_id) is not None for delivery_id in delivery_ids)


@shared_task
def retry_due() -> int:
    """Attempts every due delivery (in this process when tasks run eagerly, else one task
    each); returns how many were due."""
    ids = delivery.due_ids()
    for delivery_id in ids:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            delivery.attempt(delivery_id)
        else:
            deliver.delay(delivery_id)
    return len(ids)


@shared_task
def purge_payloads() -> int:
    return retention.purge_payloads()
