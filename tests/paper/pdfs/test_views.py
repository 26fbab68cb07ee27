"""The organisers' and the public PDF: who may open them, the progress page, the stored file
sent with its ETag, the polled fragment."""

import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.paper.models import Paper, PaperBuild
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db
Status = PaperBuild.Status


def done(response) -> bytes:
    """The sent file, read to its end: the test client then closes it (a `response.close()`
    of our own would send request_finished, which closes the test's database connection)."""
    return b"".join(response.streaming_content)


def organiser_of(event):
    return RegistrationFactory(event=event, roles=[Role.ORGANISER]).person


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_first_request_builds_inline_and_shows_it_done_then_the_pdf_is_sent(client):
    """Outside a transaction (no broker, tasks inline) the job runs within the request."""
    event = SessionFactory().event
    client.force_login(organiser_of(event))
    url = reverse("paper:pdfs:organisers", args=[event.slug])
    page = client.get(url)
    html = page.content.decode()
    build = PaperBuild.objects.get()
    assert (page.status_code, build.status, build.public) == (200, Status.DONE, False)
    assert html.count("<h1") == 1
    assert "<h1>Output paper: the organisers’ PDF</h1>" in html
    assert f'href="{url}" data-role="download"' in html
    assert "hx-get" not in html
    response = client.get(url)
    assert (response.status_code, response["Content-Type"], response["ETag"]) == (
        200,
        "application/pdf",
        f'"{build.fingerprint}"',
    )
    assert done(response)[:5] == b"%PDF-"
    assert response["Cache-Control"] == "private, no-cache"
    assert (
        response["Content-Disposition"]
        == f'inline; filename="{event.slug}-output-paper-full-en.pdf"'
    )
    assert PaperBuild.objects.count() == 1
    unchanged = client.get(url, headers={"if-none-match": f'"{build.fingerprint}"'})
    assert unchanged.status_code == 304


def test_a_queued_build_shows_its_progress_and_polls(client):
    event = SessionFactory().event
    client.force_login(organiser_of(event))
    from clustermeet.paper.pdfs import services

    build, _start = services.request_build(event, "en", public=False)
    PaperBuild.objects.filter(pk=build.pk).update(status=Status.RUNNING, step="pdf", progress=55)
    page = client.get(reverse("paper:pdfs:organisers", args=[event.slug]))
    html = page.content.decode()
    poll = reverse("paper:pdfs:organisers_progress", args=[event.slug, build.pk])
    assert page.status_code == 200
    assert f'hx-get="{poll}" hx-trigger="every 1s"' in html
    assert "Setting the pages · 55% done" in html
    assert '<progress id="build-bar" max="100" value="55">' in html
    fragment = client.get(poll, headers={"hx-request": "true"})
    assert (fragment.status_code, "<h1" in fragment.content.decode()) == (200, False)
    PaperBuild.objects.filter(pk=build.pk).update(status=Status.FAILED, error="Boom")
    finished = client.get(poll, headers={"hx-request": "true"})
    assert finished.status_code == 286
    assert "The PDF could not be made." in finished.content.decode()
    assert "Boom" in finished.content.decode()
    assert client.get(poll).status_code == 200


def test_the_progress_of_another_events_or_audiences_build_is_not_found(client):
    event, other = SessionFactory().event, SessionFactory().event
    paper = Paper.objects.create(event=other)
    foreign = PaperBuild.objects.create(paper=paper, language="en", fingerprint="x")
    client.force_login(organiser_of(event))
    url = reverse("paper:pdfs:organisers_progress", args=[event.slug, foreign.pk])
    assert client.get(url).status_code == 404
    own = PaperBuild.objects.create(
        paper=Paper.objects.create(event=event), language="en", fingerprint="x", public=True
    )
    url = reverse("paper:pdfs:organisers_progress", args=[event.slug, own.pk])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("roles", [[Role.PARTICIPANT], [Role.JURY], [Role.SPEAKER]])
def test_only_organisers_open_the_full_pdf(client, roles):
    event = SessionFactory().event
    client.force_login(RegistrationFactory(event=event, roles=roles).person)
    assert client.get(reverse("paper:pdfs:organisers", args=[event.slug])).status_code == 403
    assert PaperBuild.objects.count() == 0


def test_a_visitor_is_asked_to_log_in_for_the_full_pdf():
    event = EventFactory()
    response = Client().get(reverse("paper:pdfs:organisers", args=[event.slug]))
    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


def test_the_public_pdf_of_a_draft_is_not_found_even_for_organisers(client):
    event = SessionFactory().event
    Paper.objects.create(event=event)
    url = reverse("paper:pdfs:public", args=[event.slug])
    assert Client().get(url).status_code == 404
    client.force_login(organiser_of(event))
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("who", ["visitor", "participant", "juror", "organiser"])
def test_anyone_who_sees_the_event_opens_the_published_pdf(who, django_capture_on_commit_callbacks):
    event = SessionFactory().event
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    client = Client()
    if who != "visitor":
        role = {"participant": Role.PARTICIPANT, "juror": Role.JURY}.get(who, Role.ORGANISER)
        client.force_login(RegistrationFactory(event=event, roles=[role]).person)
    url = reverse("paper:pdfs:public", args=[event.slug])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    assert first.status_code == 200
    assert "Output paper: PDF" in first.content.decode()
    response = client.get(url)
    done(response)
    assert (response.status_code, response["Cache-Control"]) == (200, "public, no-cache")
    assert PaperBuild.objects.get().public is True


def test_the_public_pdf_of_an_event_one_may_not_see_is_not_found(client):
    event = SessionFactory(event=EventFactory(visibility=Event.Visibility.INVITATION)).event
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    client.force_login(PersonFactory())
    assert client.get(reverse("paper:pdfs:public", args=[event.slug])).status_code == 404


def test_the_stored_pdf_is_sent_in_a_bounded_number_of_queries(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    event = SessionFactory().event
    client.force_login(organiser_of(event))
    url = reverse("paper:pdfs:organisers", args=[event.slug])
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(url)
    assert 'hx-trigger="every 1s"' in page.content.decode()  # queued: the job runs after
    with django_assert_num_queries(30):
        done(client.get(url))
