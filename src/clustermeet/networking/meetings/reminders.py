"""Meeting reminders: the e-mail of every scheduled meeting starting soon, sent once. Run by
`clustermeet send-meeting-reminders` (cron) or by the Celery beat job below (every minute when a
broker runs)."""

import datetime as dt

from celery import shared_task
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from clustermeet.networking.meetings import tasks
from clustermeet.networking.meetings.services import NetworkingError
from clustermeet.networking.models import Meeting


def send_due_reminders(minutes: int = 15, *, now=None) -> list[int]:
    """Send the "reminder" e-mail of every scheduled meeting starting within the next `minutes`,
    once: each meeting is claimed with UPDATE … WHERE reminder_sent_at IS NULL, so two runners
    at once never send the same reminder twice. Returns the ids reminded, in start order."""
    if minutes < 1:
        raise NetworkingError("invalid", _("Remind at least one minute before."))
    now = now or timezone.now()
    due = Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED,
        reminder_sent_at__isnull=True,
        slot__starts_at__gt=now,
        slot__starts_at__lte=now + dt.timedelta(minutes=minutes),
    ).order_by("slot__starts_at", "pk")
    reminded = []
    for pk in due.values_list("pk", flat=True):
        claimed = Meeting.objects.filter(pk=pk, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now
        )
        if claimed:
            reminded.append(pk)
            transaction.on_commit(lambda pk=pk: tasks.send_meeting_email.delay(pk, "reminder"))
    return reminded


@shared_task
def send_meeting_reminders(minutes: int = 15) -> list[int]:
    """The beat job: reminders of meetings starting within the next `minutes`."""
    return send_due_reminders(minutes)
