"""The writes of the stored PDFs: `request_build` finds the build of the paper's current
fingerprint or makes it (a unique constraint: two requests at once share one row), `run_build`
is the background job that lays the PDF out and writes its progress as it goes."""

import datetime as dt
import logging
import secrets

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from clustermeet.events.models import Event
from clustermeet.paper import document
from clustermeet.paper.models import Paper, PaperBuild
from clustermeet.paper.pdfs.fingerprint import fingerprint

logger = logging.getLogger(__name__)
Status = PaperBuild.Status

# The job's steps: (key, progress when it starts); their labels are in `steps.label`.
STALE = dt.timedelta(minutes=15)
STEPS = (("figures", 5), ("layout", 40), ("pdf", 55), ("saving", 95))


def _paper(event: Event) -> Paper:
    paper = Paper.objects.filter(event=event).first()
    if paper is not None:
        return paper
    try:
        with transaction.atomic():
            return Paper.objects.create(event=event)
    except IntegrityError:  # another request made it first
        return Paper.objects.get(event=event)


def request_build(event: Event, language: str, *, public: bool) -> tuple[PaperBuild, bool]:
    """The build of the paper as it stands now in `language` for its audience, and whether the
        caller must start the job (a new build, or a failed one queued again). A done build of the
        current fingerprint is returned as it is; a failed one, or one whose job was lost (queued or
    running for longer than `STALE`), is queued again."""
    paper = _paper(event)
    key = {"paper": paper, "language": language, "public": public, "fingerprint": ""}
    key["fingerprint"] = fingerprint(paper)
    build = PaperBuild.objects.filter(**key).first()
    if build is None:
        try:
            with transaction.atomic():
                return PaperBuild.objects.create(**key), True
        except IntegrityError:  # the same request at the same time: its row is the one
            build = PaperBuild.objects.get(**key)
    if build.status == Status.FAILED or _stale(build) or _file_lost(build):
        # Only one of several requests queues it again (the update's filter is the lock).
        again = PaperBuild.objects.filter(
            pk=build.pk, status=build.status, created_at=build.created_at
        ).update(
            status=Status.QUEUED,
            progress=0,
            step="",
            error="",
            created_at=timezone.now(),
            started_at=None,
            finished_at=None,
        )
        build.refresh_from_db()
        return build, bool(again)
    return build, False


def _file_lost(build: PaperBuild) -> bool:
    """Done, but its file is gone from the storage (a media folder restored without it)."""
    return build.status == Status.DONE and not (
        build.file and build.file.storage.exists(build.file.name)
    )


def _stale(build: PaperBuild) -> bool:
    """Queued or running for longer than any build takes: its job was lost (a worker or the
    web process stopped), so the next request starts it again."""
    if build.status not in (Status.QUEUED, Status.RUNNING):
        return False
    return (build.started_at or build.created_at) < timezone.now() - STALE


def run_build(build_id: int) -> None:
    """The job: claim the queued build (running), read the figures, render the HTML and the
    PDF in the build's language — each step's start written with a plain UPDATE, committed at
    once, so the progress page sees it — then store the file (done) and remove the older builds
    of the same paper, language and audience, or record the error (failed). A second run finds
    nothing to claim and does nothing."""
    rows = PaperBuild.objects.filter(pk=build_id)
    if not rows.filter(status=Status.QUEUED).update(
        status=Status.RUNNING, started_at=timezone.now(), progress=0, step=""
    ):
        return
    build = PaperBuild.objects.select_related("paper__event").get(pk=build_id)
    paper, event = build.paper, build.paper.event
    steps = dict(STEPS)

    def step(key: str) -> None:
        rows.update(step=key, progress=steps[key])

    try:
        with translation.override(build.language):
            step("figures")
            content = document.context(event, paper, public=build.public)
            step("layout")
            html = document.render_html(content)
            step("pdf")
            pdf = document.render_pdf(html)
        step("saving")
        # A random part: MEDIA_ROOT served as it is gives no guessable address of a draft.
        name = f"{event.slug}-{build.language}-{build_id}-{secrets.token_urlsafe(12)}.pdf"
        build.file.save(name, ContentFile(pdf), save=False)
        rows.update(
            status=Status.DONE,
            progress=100,
            step="",
            file=build.file.name,
            size=len(pdf),
            finished_at=timezone.now(),
        )
    except Exception as error:  # the job's failure is the build's state, shown to the reader
        logger.exception("Paper build %s failed", build_id)
        rows.update(
            status=Status.FAILED,
            error=str(error) or error.__class__.__name__,
            finished_at=timezone.now(),
        )
        return
    remove_older(build)


def remove_older(build: PaperBuild) -> int:
    """Delete the finished builds of the same paper, language and audience with another
    fingerprint, and their files; the number deleted."""
    older = PaperBuild.objects.filter(
        paper_id=build.paper_id,
        language=build.language,
        public=build.public,
        status__in=[Status.DONE, Status.FAILED],
    ).exclude(pk=build.pk)
    removed = 0
    for old in older:
        if old.file:
            old.file.delete(save=False)
        removed += PaperBuild.objects.filter(pk=old.pk).delete()[0]
    return removed
