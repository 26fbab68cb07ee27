"""Celery application. Without CELERY_BROKER_URL tasks run eagerly in the caller's process
(settings.CELERY_TASK_ALWAYS_EAGER), so the embedded default needs no broker."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "clustermeet.settings")

app = Celery("clustermeet")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic jobs, run by `celery beat` (which needs a broker).
app.conf.beat_schedule = {
    "networking-meeting-reminders": {
        "task": "clustermeet.networking.meetings.reminders.send_meeting_reminders",
        "schedule": 60.0,
        "kwargs": {"minutes": 15},
    },
    "onsite-expire-booking-offers": {
        "task": "clustermeet.onsite.bookings.tasks.expire_booking_offers",
        "schedule": 60.0,
    },
    "hooks-retry-due": {
        "task": "clustermeet.hooks.tasks.retry_due",
        "schedule": 60.0,
    },
    "hooks-purge-payloads": {
        "task": "clustermeet.hooks.tasks.purge_payloads",
        "schedule": 24 * 60 * 60.0,
    },
    "privacy-purge-expired": {
        "task": "clustermeet.privacy.tasks.purge_expired",
        "schedule": 24 * 60 * 60.0,
    },
}
