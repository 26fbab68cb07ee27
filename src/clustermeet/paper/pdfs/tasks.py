"""The background job of the paper's PDF (takes the build's pk). Without a broker it runs in a
thread of the web process (`clustermeet.background`), so the reader sees its progress; the
tests run it inline."""

from celery import shared_task

from clustermeet.background import start_after_commit
from clustermeet.paper.models import PaperBuild
from clustermeet.paper.pdfs import services


@shared_task
def build_paper(build_id: int) -> None:
    """Lay the build's PDF out; its progress and outcome are written on the PaperBuild row."""
    services.run_build(build_id)


def schedule(build: PaperBuild) -> None:
    """Start the job once the build's row is committed."""
    start_after_commit(build_paper, build.pk)
