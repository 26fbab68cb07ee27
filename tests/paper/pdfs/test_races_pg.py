"""Real races for the stored PDF against PostgreSQL: requests at the same moment (a barrier
releases them together, each thread with its own connection) make one paper and one build, and
exactly one of them starts the job. Nothing is mocked: the unique constraints are PostgreSQL's.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import pytest

from clustermeet.paper.models import Paper, PaperBuild
from clustermeet.paper.pdfs import services
from tests.factories import SessionFactory
from tests.harness.races import POSTGRES_ONLY, run_together

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def test_three_requests_at_once_make_one_build_and_start_it_once():
    event = SessionFactory().event
    results = run_together(3, lambda i: services.request_build(event, "en", public=True))
    assert Paper.objects.filter(event=event).count() == 1
    build = PaperBuild.objects.get()
    assert [made.pk for made, _start in results] == [build.pk] * 3
    assert sorted(start for _made, start in results) == [False, False, True]


def test_a_failed_build_asked_for_at_once_is_queued_again_once():
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    PaperBuild.objects.filter(pk=made.pk).update(status=PaperBuild.Status.FAILED)
    results = run_together(3, lambda i: services.request_build(event, "en", public=False))
    assert sorted(start for _made, start in results) == [False, False, True]
    assert PaperBuild.objects.get().status == PaperBuild.Status.QUEUED


def test_two_jobs_of_one_build_at_once_lay_it_out_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    event = SessionFactory().event
    made, _start = services.request_build(event, "en", public=False)
    run_together(2, lambda i: services.run_build(made.pk))
    build = PaperBuild.objects.get()
    assert build.status == PaperBuild.Status.DONE
    assert len(list((tmp_path / "media" / "paper" / "builds").iterdir())) == 1
