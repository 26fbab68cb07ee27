"""`clustermeet stats EVENT [--json]`: the figures of one event."""

import json

from django.core.management.base import BaseCommand, CommandError

from clustermeet.events.models import Event
from clustermeet.reports.queries import event_stats

LABELS = {
    "registrations": "Registrations (all statuses)",
    "approved": "Approved",
    "pending": "Pending approval",
    "declined": "Declined",
    "cancelled": "Cancelled",
    "countries": "Countries (approved)",
    "organisations": "Organisations (approved)",
    "sessions": "Sessions",
    "speakers": "Speakers",
    "polls": "Polls run",
    "ballots": "Ballots",
    "questions": "Questions asked",
}
GROUPS = {"onsite": "On site"}


class Command(BaseCommand):
    help = (
        "Print the figures of an event: registrations, countries, sessions, speakers, polls, "
        "ballots, questions, networking, the on-site days (check-ins, badges, bookings), and the "
        "exhibition (booths, visits, leads, messages, pitches and their contacts), and the awards "
        "(categories, nominations, finalists, ballots, turnout, winners)."
    )

    def add_arguments(self, parser):
        parser.add_argument("event", help="the event's slug, e.g. ecc-2020")
        parser.add_argument("--json", action="store_true", help="print one JSON object")

    def handle(self, *args, **options):
        slug = options["event"]
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            known = ", ".join(Event.objects.order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"No event with the slug {slug!r}. Known events: {known or 'none'}.")
        stats = event_stats(event)
        if options["json"]:
            self.stdout.write(json.dumps(stats, sort_keys=True))
            return
        self.stdout.write(f"{event.name} ({event.slug})")
        width = max(len(label) for label in LABELS.values())
        for key, value in stats.items():
            if isinstance(value, dict):  # a group of figures, e.g. "networking"
                self.stdout.write(f"  {GROUPS.get(key, key.capitalize())}")
                for sub, figure in value.items():
                    label = sub.replace("_", " ").capitalize()
                    if isinstance(figure, dict):  # e.g. the on-site check-ins per day
                        self.stdout.write(f"    {label}")
                        for name, n in figure.items():
                            self.stdout.write(f"      {name.ljust(width - 4)}  {n!s:>7}")
                    elif isinstance(figure, list):  # the awards' winners per category
                        self.stdout.write(f"    {label.ljust(width - 2)}  {len(figure)!s:>7}")
                        for entry in figure:
                            names = ", ".join(entry["winners"])
                            self.stdout.write(f"      {entry['category']}: {names}")
                    else:
                        self.stdout.write(f"    {label.ljust(width - 2)}  {figure!s:>7}")
            elif key != "event":
                self.stdout.write(f"  {LABELS.get(key, key).ljust(width)}  {value!s:>7}")
