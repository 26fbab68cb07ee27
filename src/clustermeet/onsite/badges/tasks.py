"""The background job of badges: render a BadgePrint (takes its pk; runs eagerly in the caller's
process when no broker is configured, CELERY_TASK_ALWAYS_EAGER)."""

from celery import shared_task
from django.db import transaction
from django.utils import translation

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
    pk, language = badge_print.pk, translation.get_language()
    transaction.on_commit(lambda: print_badges.delay(pk, language))
