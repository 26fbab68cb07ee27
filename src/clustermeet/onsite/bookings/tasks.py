"""Background jobs of bookings (Celery): the beat job that expires unconfirmed offers every
minute and offers their places to the next on the waiting lists. `clustermeet
expire_booking_offers` does the same from cron. (The e-mails are `emails.send_booking_email`.)"""

from celery import shared_task

from clustermeet.onsite.bookings import emails  # noqa: F401  (registers the e-mail task)
from clustermeet.onsite.bookings.services import expire_offers


@shared_task
def expire_booking_offers() -> list[int]:
    """The beat job: expire the offers past their deadline and offer the places again."""
    return expire_offers()
