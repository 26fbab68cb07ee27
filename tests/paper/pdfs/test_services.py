"""The stored PDFs: one build per fingerprint, the job's steps and outcome, a failed build
queued again, older builds removed."""

import datetime as dt
import io
import os

import pypdfium2 as pdfium
import pytest
from django.utils import timezone, translation

from clustermeet.paper import document
from clustermeet.paper.models import Paper, PaperBuild, Takeaway
from clustermeet.paper.pdfs import services
from clustermeet.paper.pdfs.fingerprint import fingerprint
from tests.factories import EventFactory, SessionFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db
Status = PaperBuild.Status


def test_a_request_makes_one_queued_build_and_its_paper():
    event = SessionFactory().event
    made, start = services.request_build(event, "en", public=False)
    assert (start, made.status, made.progress, made.language, made.public) == (
        True,
        Status.QUEUED,
        0,
        "en",
        False,
    )
    assert made.paper == Paper.objects.get(event=event)
    assert made.fingerprint == fingerprint(made.paper)
    again, start_again = services.request_build(event, "en", public=False)
    assert (again.pk, start_again) == (made.pk, False)
    assert PaperBuild.objects.count() == 1


def test_each_language_and_audience_has_its_build():
    event = SessionFactory().event
    keys = [("en", False), ("en", True), ("de", False)]
    builds = [services.request_build(event, lang, public=public)[0] for lang, public in keys]
    assert len({b.pk for b in builds}) == 3
    assert PaperBuild.objects.count() == 3


def test_the_job_makes_the_pdf_in_the_builds_language():
    built = build()
    made, _start = services.request_build(built.event, "de", public=False)
    services.run_build(made.pk)
    made.refresh_from_db()
    assert (made.status, made.progress, made.step, made.error) == (Status.DONE, 100, "", "")
    assert made.started_at is not None and made.finished_at is not None
    with made.file.open("rb") as handle:
        data = handle.read()
    assert made.size == len(data)
    toc = [item.get_title() for item in pdfium.PdfDocument(io.BytesIO(data)).get_toc()]
    with translation.override("de"):
        expected = document.section_title("glance")
    assert expected != "The conference at a glance"
    assert toc[1] == expected


def test_a_second_run_does_nothing():
    made, _start = services.request_build(SessionFactory().event, "en", public=False)
    services.run_build(made.pk)
    made.refresh_from_db()
    name = made.file.name
    services.run_build(made.pk)
    made.refresh_from_db()
    assert (made.status, made.file.name) == (Status.DONE, name)


def test_a_failed_build_records_its_error(settings, tmp_path):
    made, _start = services.request_build(SessionFactory().event, "en", public=False)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the media folder should be")
    settings.MEDIA_ROOT = blocked
    services.run_build(made.pk)
    made.refresh_from_db()
    assert (made.status, made.step, made.progress, made.file.name) == (
        Status.FAILED,
        "saving",
        95,
        "",
    )
    assert made.error != "" and made.finished_at is not None


def test_a_failed_build_is_queued_again_by_one_request():
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    PaperBuild.objects.filter(pk=made.pk).update(status=Status.FAILED, error="Boom", progress=55)
    again, start = services.request_build(event, "en", public=False)
    assert (again.pk, start, again.status, again.error, again.progress) == (
        made.pk,
        True,
        Status.QUEUED,
        "",
        0,
    )
    third, start_third = services.request_build(event, "en", public=False)
    assert (third.pk, start_third) == (made.pk, False)


def test_a_change_of_the_texts_makes_a_new_build_and_the_done_one_removes_the_old():
    session = SessionFactory()
    event = session.event
    first, _start = services.request_build(event, "en", public=False)
    services.run_build(first.pk)
    first.refresh_from_db()
    old_path = first.file.path
    Takeaway.objects.create(session=session, text="We agreed on **three** things.")
    second, start = services.request_build(event, "en", public=False)
    assert (start, second.pk != first.pk, second.fingerprint != first.fingerprint) == (
        True,
        True,
        True,
    )
    services.run_build(second.pk)
    assert list(PaperBuild.objects.values_list("pk", flat=True)) == [second.pk]
    assert os.path.exists(old_path) is False


def test_remove_older_keeps_other_languages_and_audiences():
    event = EventFactory()
    paper = Paper.objects.create(event=event)
    kept = [
        PaperBuild.objects.create(
            paper=paper, language=lang, public=public, fingerprint="a", status=Status.DONE
        )
        for lang, public in (("de", False), ("en", True))
    ]
    old = PaperBuild.objects.create(
        paper=paper, language="en", public=False, fingerprint="a", status=Status.DONE
    )
    new = PaperBuild.objects.create(
        paper=paper, language="en", public=False, fingerprint="b", status=Status.DONE
    )
    assert services.remove_older(new) == 1
    assert sorted(PaperBuild.objects.values_list("pk", flat=True)) == sorted(
        [kept[0].pk, kept[1].pk, new.pk]
    )
    assert PaperBuild.objects.filter(pk=old.pk).exists() is False


@pytest.mark.parametrize("status", [Status.QUEUED, Status.RUNNING])
def test_a_build_whose_job_was_lost_is_queued_again(status):
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    long_ago = timezone.now() - services.STALE - dt.timedelta(seconds=1)
    PaperBuild.objects.filter(pk=made.pk).update(
        status=status, created_at=long_ago, started_at=long_ago, progress=40, step="layout"
    )
    again, start = services.request_build(event, "en", public=False)
    assert (again.pk, start, again.status, again.progress, again.step, again.started_at) == (
        made.pk,
        True,
        Status.QUEUED,
        0,
        "",
        None,
    )
    assert services.request_build(event, "en", public=False)[1] is False


def test_a_running_build_within_its_time_is_left_alone():
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    PaperBuild.objects.filter(pk=made.pk).update(status=Status.RUNNING, started_at=timezone.now())
    again, start = services.request_build(event, "en", public=False)
    assert (again.pk, start, again.status) == (made.pk, False, Status.RUNNING)


def test_the_public_build_has_the_public_sections_only():
    built = build()
    Paper.objects.create(
        event=built.event, status=Paper.Status.PUBLISHED, public_sections=["polls"]
    )
    made, _start = services.request_build(built.event, "en", public=True)
    services.run_build(made.pk)
    made.refresh_from_db()
    with made.file.open("rb") as handle:
        toc = [item.get_title() for item in pdfium.PdfDocument(handle.read()).get_toc()]
    assert "Live polls" in toc
    assert [t for t in toc if t in ("The conference at a glance", "World cafés")] == []


def test_a_done_build_whose_file_is_gone_is_queued_again():
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    services.run_build(made.pk)
    made.refresh_from_db()
    os.remove(made.file.path)
    again, start = services.request_build(event, "en", public=False)
    assert (again.pk, start, again.status) == (made.pk, True, Status.QUEUED)
    services.run_build(again.pk)
    again.refresh_from_db()
    assert (again.status, os.path.exists(again.file.path)) == (Status.DONE, True)
