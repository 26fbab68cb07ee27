"""`clustermeet output-paper EVENT --pdf FILE [--html DIR] [--language CODE] [--public]`: the
output paper of an event as a PDF, and with --html as a folder (index.html, its stylesheet and
images) that opens offline."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from clustermeet.events.models import Event
from clustermeet.paper import document, queries


class Command(BaseCommand):
    help = (
        "Write the output paper of an event: the PDF (--pdf FILE) and/or an offline HTML folder "
        "(--html DIR) with the figures, charts, polls, café outcomes and takeaways."
    )

    def add_arguments(self, parser):
        parser.add_argument("event", help="the event's slug, e.g. ecc-2020")
        parser.add_argument("--pdf", metavar="FILE", help="write the PDF here")
        parser.add_argument("--html", metavar="DIR", help="write index.html and its files here")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="the paper's language (default: %(default)s)",
        )
        parser.add_argument(
            "--public", action="store_true", help="only the sections the organisers made public"
        )

    def handle(self, *args, **options):
        if not options["pdf"] and not options["html"]:
            raise CommandError("Give --pdf FILE, --html DIR, or both.")
        event = Event.objects.filter(slug=options["event"]).first()
        if event is None:
            raise CommandError(f"No event with the slug {options['event']!r}.")
        with translation.override(options["language"]):
            paper = queries.paper_of(event)
            content = document.context(event, paper, public=options["public"])
            if options["html"]:
                folder = Path(options["html"])
                document.write_folder(content, folder)
                self.stdout.write(f"Wrote {folder / 'index.html'}")
            if options["pdf"]:
                target = Path(options["pdf"])
                data = document.render_pdf(document.render_html(content))
                target.write_bytes(data)
                self.stdout.write(f"Wrote {target} ({len(data):,} bytes)")
