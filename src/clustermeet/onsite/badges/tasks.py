"""The background job of badges: render a BadgePrint (takes its pk). Without a broker it runs in
a thread of the web process (clustermeet.background), so the organiser sees its progress."""

from celery import shared_task
from django.utils import translation

from clustermeet.background import start_after_commit
from clustermeet.onsite.badges import services
from clustermeet.onsite.models import BadgePrint


@shared_task
def print_badges(print_id: int, language: str | None = None) -> None:
    """Render the print; its outcome (done with the file, or failed with the error) is written
    on the BadgePrint row, which the progress page polls."""
    services.run_print(print_id, language)


def schedule(badge_print: BadgePrint) -> None:
    """Start the job once the BadgePrint row is committed, in the language active now (the
    requesting organiser's), which the badges are written in."""
    start_after_commit(print_badges, badge_print.pk, translation.get_language())
