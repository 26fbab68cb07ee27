"""`clustermeet verify-awards EVENT FILE`: check an exported ballots file against the database
and recount it (`awards.results.verification`). Exit code 0 when everything matches, 1 when
anything differs (each difference is printed with its line number), 2 when the file cannot be
read or the event is unknown."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clustermeet.awards.results.verification import Unreadable, verify
from clustermeet.events.models import Event


class Command(BaseCommand):
    help = (
        "Verify an exported awards ballots file: every ballot present once with the same "
        "choice, channel, time, receipt and voter pseudonym, none missing or added, and each "
        "category's recount equal to its revealed result."
    )

    def add_arguments(self, parser):
        parser.add_argument("event", help="the event's slug, e.g. ecc-2022")
        parser.add_argument("file", help="the ballots file (CSV) exported from the results page")

    def handle(self, *args, **options):
        event = Event.objects.filter(slug=options["event"]).first()
        if event is None:
            raise CommandError(f"No event with the slug {options['event']!r}.", returncode=2)
        try:
            data = Path(options["file"]).read_bytes()
        except OSError as error:
            message = f"Cannot read {options['file']}: {error.strerror}."
            raise CommandError(message, returncode=2) from error
        try:
            report = verify(event, data)
        except Unreadable as error:
            raise CommandError(str(error), returncode=2) from error
        for summary in report.summaries:
            self.stdout.write(summary)
        for difference in report.differences:
            self.stdout.write(difference)
        if not report.ok:
            count = len(report.differences)
            raise CommandError(
                f"{count} difference{'s' if count != 1 else ''}: the file does not match.",
                returncode=1,
            )
        self.stdout.write("Everything matches.")
