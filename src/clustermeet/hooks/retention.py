"""Payloads carry participants' personal data (names, e-mail addresses): they are kept while a
delivery may still be attempted or re-sent, and cleared 30 days after it ended (delivered or
given up). The delivery's row stays, without its payload, in the log."""

import datetime as dt

from django.db.models import Q
from django.utils import timezone

from clustermeet.hooks.models import Delivery

KEEP_PAYLOADS = dt.timedelta(days=30)


def purge_payloads(now: dt.datetime | None = None) -> int:
    """Clears the payload of every delivery that ended more than 30 days ago; returns how
    many were cleared."""
    cutoff = (now or timezone.now()) - KEEP_PAYLOADS
    return (
        Delivery.objects.filter(payload__isnull=False)
        .filter(Q(delivered_at__lt=cutoff) | Q(given_up_at__lt=cutoff))
        .update(payload=None, next_attempt_at=None)
    )
