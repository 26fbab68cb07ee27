"""`clustermeet import-participants EVENT FILE`: import a CSV or XLSX file of participants.

All or nothing: a file with any invalid row is rejected, every error is printed to stderr (one a
line), and the command exits with status 2 without importing anything."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from clustermeet.events.models import Event
from clustermeet.people.importing import ImportRejected, import_participants


class Command(BaseCommand):
    help = (
        "Import participants into an event from a CSV or XLSX file (columns email, first_name, "
        "last_name, country, and optional ones; see clustermeet.people.importing). A file with "
        "any invalid row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("event", help="the event's slug, e.g. ecc-2020")
        parser.add_argument("file", help="a .csv (UTF-8, comma or semicolon) or .xlsx file")

    def handle(self, *args, event: str, file: str, **options):
        try:
            target = Event.objects.get(slug=event)
        except Event.DoesNotExist:
            raise CommandError(f"No event with the slug '{event}'.") from None
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        try:
            result = import_participants(target, path, path.name)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            count = len(rejected.errors)
            self.stderr.write(
                f"Rejected: {count} error{'s' if count != 1 else ''}, nothing imported."
            )
            raise SystemExit(2) from None
        self.stdout.write(
            f"Imported {result.registrations} registrations ({result.created_people} new people) "
            f"into {target.name}"
        )
