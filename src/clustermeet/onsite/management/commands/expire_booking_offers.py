"""`clustermeet expire_booking_offers`: every place offered from a waiting list and not
confirmed in time expires and goes to the next person on the list (safe to run from cron every
minute, and alongside the Celery beat job: each activity is claimed under its row lock)."""

from django.core.management.base import BaseCommand

from clustermeet.onsite.bookings.services import expire_offers


class Command(BaseCommand):
    help = "Expire the booking offers past their deadline and offer the places to the next."

    def handle(self, *args, **options):
        expired = expire_offers()
        self.stdout.write(f"{len(expired)} booking offer(s) expired.")
