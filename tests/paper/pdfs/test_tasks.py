"""The PDF's job as a Celery task: inline in the tests, in a thread of the web process without
a broker (the request returns at once and the page polls), by primary key."""

import threading

import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.paper.models import PaperBuild
from clustermeet.paper.pdfs import services, tasks
from clustermeet.people.models import Role
from tests.factories import RegistrationFactory, SessionFactory

Status = PaperBuild.Status


def done(response) -> bytes:
    """The sent file, read to its end: the test client then closes it (a `response.close()`
    of our own would send request_finished, which closes the test's database connection)."""
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_the_task_runs_the_build_by_its_primary_key():
    made, _start = services.request_build(SessionFactory().event, "en", public=False)
    tasks.build_paper.apply(args=(made.pk,))
    made.refresh_from_db()
    assert made.status == Status.DONE


@pytest.mark.django_db
def test_schedule_starts_it_after_the_commit(django_capture_on_commit_callbacks):
    made, _start = services.request_build(SessionFactory().event, "en", public=False)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tasks.schedule(made)
    made.refresh_from_db()
    assert (len(callbacks), made.status) == (1, Status.QUEUED)
    callbacks[0]()
    made.refresh_from_db()
    assert made.status == Status.DONE


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_without_a_broker_the_job_runs_in_a_thread_while_the_page_polls(settings, tmp_path):
    settings.CLUSTERMEET_TASKS_IN_THREAD = True
    event = SessionFactory().event
    client = Client()
    client.force_login(RegistrationFactory(event=event, roles=[Role.ORGANISER]).person)
    before = set(threading.enumerate())
    page = client.get(reverse("paper:pdfs:organisers", args=[event.slug]))
    started = [t for t in threading.enumerate() if t not in before]
    assert [t.name for t in started] == ["task-clustermeet.paper.pdfs.tasks.build_paper"]
    started[0].join(timeout=120)
    build = PaperBuild.objects.get()
    assert page.status_code == 200
    assert build.status == Status.DONE
    poll = reverse("paper:pdfs:organisers_progress", args=[event.slug, build.pk])
    finished = client.get(poll, headers={"hx-request": "true"})
    assert finished.status_code == 286
    assert 'data-role="download"' in finished.content.decode()
    response = client.get(reverse("paper:pdfs:organisers", args=[event.slug]))
    assert response["Content-Type"] == "application/pdf"
    done(response)
