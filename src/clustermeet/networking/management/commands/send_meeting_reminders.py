"""`clustermeet send-meeting-reminders [--minutes 15]`: e-mail both people of every scheduled
meeting starting within the next N minutes, once per meeting (safe to run from cron every
minute, and alongside the Celery beat job)."""

from django.core.management.base import BaseCommand, CommandError

from clustermeet.networking.meetings.reminders import send_due_reminders
from clustermeet.networking.meetings.services import NetworkingError


class Command(BaseCommand):
    help = "Send the reminder e-mail of meetings starting within the next N minutes (once each)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--minutes", type=int, default=15, help="how long before the start (default 15)"
        )

    def handle(self, *args, **options):
        try:
            reminded = send_due_reminders(options["minutes"])
        except NetworkingError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{len(reminded)} meeting reminder(s) sent.")
