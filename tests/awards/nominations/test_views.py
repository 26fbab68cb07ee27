"""The nominations' pages with every role (visitor, participant, juror, nominee, organiser):
the open call, the organisers' page, a nomination's page and its profile; fixed query counts."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clustermeet.awards.models import AuditEntry, Category, Nomination, NominationDocument
from tests.awards.factories import (
    CategoryFactory,
    JurorFactory,
    NominationFactory,
    awards_organiser,
)
from tests.factories import PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n"


@pytest.fixture
def people():
    category = CategoryFactory(nomination_mode=Category.Nominations.OPEN)
    nominee = PersonFactory()
    nomination = NominationFactory(
        category=category,
        nominee=nominee,
        statement="In English.",
        translations={"de": {"statement": "Auf Deutsch."}},
        video_url="https://www.youtube.com/watch?v=abc123",
    )
    return {
        "category": category,
        "nomination": nomination,
        "visitor": None,
        "participant": RegistrationFactory(event=category.event).person,
        "juror": JurorFactory(category=category).person,
        "nominee": nominee,
        "organiser": awards_organiser(category.event),
    }


def as_(client, person):
    if person is not None:
        client.force_login(person)
    return client


def nomination_url(nomination, name="detail", *args):
    return reverse(
        f"nominations:{name}", args=[nomination.category.event.slug, nomination.pk, *args]
    )


def category_url(category, name):
    return reverse(f"nominations:{name}", args=[category.event.slug, category.slug])


# --- the open call -----------------------------------------------------------------------------


def test_a_participant_nominates_with_a_document(client, people):
    category, person = people["category"], people["participant"]
    as_(client, person)
    assert (
        'enctype="multipart/form-data"'
        in client.get(category_url(category, "nominate")).content.decode()
    )
    data = {
        "name": "Corinne Farace",
        "organisation": "Cluster X",
        "country": "FR",
        "statement": "A decade of work.",
        "documents": [SimpleUploadedFile("cv.pdf", PDF)],
    }
    response = client.post(category_url(category, "nominate"), data)
    nomination = Nomination.objects.get(name="Corinne Farace")
    assert (response.status_code, response.url) == (302, nomination_url(nomination))
    assert (nomination.status, nomination.nominated_by_id, nomination.documents.count()) == (
        "submitted",
        person.pk,
        1,
    )
    html = client.get(nomination_url(nomination)).content.decode()
    assert "only you and the organisers see this page" in html


def test_a_refused_upload_shows_why_and_stores_nothing(client, people):
    category = people["category"]
    as_(client, people["participant"])
    data = {"name": "A", "documents": [SimpleUploadedFile("cv.pdf", b"<html>")]}
    response = client.post(category_url(category, "nominate"), data)
    assert response.status_code == 400
    assert "it is not a PDF file" in response.content.decode()
    assert (Nomination.objects.count(), NominationDocument.objects.count()) == (1, 0)


def test_the_open_call_sends_a_visitor_to_log_in(client, people):
    response = client.get(category_url(people["category"], "nominate"))
    assert response.status_code == 302


def test_a_category_without_open_call_takes_no_nominations(client, people):
    category = CategoryFactory(event=people["category"].event)
    as_(client, people["participant"])
    assert client.get(category_url(category, "nominate")).status_code == 403


def test_a_closed_call_says_so_and_takes_nothing(client, people):
    from django.utils import timezone

    category = people["category"]
    Category.objects.filter(pk=category.pk).update(nominations_close_at=timezone.now())
    as_(client, people["participant"])
    response = client.post(category_url(category, "nominate"), {"name": "Late"})
    assert response.status_code == 403
    assert "The call for nominations of this category is not open." in response.content.decode()
    assert Nomination.objects.count() == 1


# --- the organisers' page ----------------------------------------------------------------------


@pytest.mark.parametrize("count", [2, 12])
def test_the_organisers_page_runs_the_same_queries_whatever_the_numbers(
    client, people, count, django_assert_num_queries
):
    category = people["category"]
    for i in range(count):
        NominationFactory(
            category=category,
            status=Nomination.Status.SUBMITTED,
            nominated_by=PersonFactory(email=f"nominator{i}@example.org"),
        )
    NominationFactory(category=category, status=Nomination.Status.DECLINED)
    as_(client, people["organiser"])
    with django_assert_num_queries(7):
        html = client.get(category_url(category, "manage")).content.decode()
    assert f"Waiting for a decision ({count})" in html
    assert "nominator0@example.org" in html


@pytest.mark.parametrize("role", ["visitor", "participant", "juror", "nominee"])
def test_the_organisers_page_is_theirs_only(client, people, role):
    as_(client, people[role])
    response = client.get(category_url(people["category"], "manage"))
    assert response.status_code == (302 if role == "visitor" else 403)


def test_organisers_enter_accept_and_decline(client, people):
    category = people["category"]
    submitted = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    other = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    as_(client, people["organiser"])
    response = client.post(category_url(category, "enter"), {"name": "Uwe Pfeil", "country": ""})
    assert response.status_code == 302
    client.post(nomination_url(submitted, "accept"))
    client.post(nomination_url(other, "decline"))
    assert sorted(Nomination.objects.values_list("name", "status")) == sorted(
        [
            (people["nomination"].name, "accepted"),
            ("Uwe Pfeil", "accepted"),
            (submitted.name, "accepted"),
            (other.name, "declined"),
        ]
    )
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "entered",
        "accepted",
        "declined",
    ]


@pytest.mark.parametrize("role", ["participant", "juror", "nominee"])
def test_only_organisers_decide(client, people, role):
    submitted = NominationFactory(category=people["category"], status=Nomination.Status.SUBMITTED)
    as_(client, people[role])
    assert client.post(nomination_url(submitted, "accept")).status_code == 403
    assert client.post(category_url(people["category"], "enter"), {"name": "X"}).status_code == 403
    assert (Nomination.objects.filter(status="accepted").count(), AuditEntry.objects.count()) == (
        1,
        0,
    )


# --- a nomination's page -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["visitor", "participant", "juror", "nominee", "organiser"])
def test_an_accepted_nomination_is_public_with_a_click_to_load_video(client, people, role):
    as_(client, people[role])
    NominationDocument.objects.create(
        nomination=people["nomination"], title="Dossier", file="awards/documents/d.pdf"
    )
    response = client.get(nomination_url(people["nomination"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "In English." in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/abc123?autoplay=1"' in html
    assert "<iframe" not in html
    assert "Dossier" in html
    assert ("Complete the profile" in html) == (role in ("nominee", "organiser"))


def test_the_statement_is_in_the_readers_language(client, people):
    html = client.get(nomination_url(people["nomination"]), HTTP_ACCEPT_LANGUAGE="de").content
    assert "Auf Deutsch." in html.decode()


@pytest.mark.parametrize(
    ("role", "status"),
    [("visitor", 404), ("participant", 404), ("juror", 404), ("nominee", 200), ("organiser", 200)],
)
def test_a_submitted_nomination_is_seen_only_by_who_may_edit_it(client, people, role, status):
    nomination = people["nomination"]
    Nomination.objects.filter(pk=nomination.pk).update(status=Nomination.Status.SUBMITTED)
    as_(client, people[role])
    assert client.get(nomination_url(nomination)).status_code == status


def test_a_nomination_page_runs_a_fixed_number_of_queries(
    client, people, django_assert_num_queries
):
    for i in range(3):
        NominationDocument.objects.create(
            nomination=people["nomination"], title=f"Doc {i}", file=f"awards/documents/{i}.pdf"
        )
    as_(client, people["participant"])
    with django_assert_num_queries(7):
        client.get(nomination_url(people["nomination"]))


# --- the profile -------------------------------------------------------------------------------


def test_the_nominee_completes_the_profile_translation_and_documents(client, people):
    nomination, nominee = people["nomination"], people["nominee"]
    as_(client, nominee)
    assert client.get(nomination_url(nomination, "edit")).status_code == 200
    data = {"organisation": "AgriFood Lithuania DIH", "country": "LT", "statement": "New."}
    assert client.post(nomination_url(nomination, "edit"), data).status_code == 302
    client.post(nomination_url(nomination, "translation"), {"language": "cs", "statement": "Nové."})
    upload = SimpleUploadedFile("dossier.pdf", PDF)
    client.post(nomination_url(nomination, "add_document"), {"title": "Dossier", "file": upload})
    nomination.refresh_from_db()
    assert (nomination.organisation, nomination.country.code, nomination.statement) == (
        "AgriFood Lithuania DIH",
        "LT",
        "New.",
    )
    assert nomination.translations == {
        "de": {"statement": "Auf Deutsch."},
        "cs": {"statement": "Nové."},
    }
    document = nomination.documents.get()
    response = client.get(nomination_url(nomination, "document", document.pk))
    assert (response.status_code, b"".join(response.streaming_content)) == (200, PDF)
    client.post(nomination_url(nomination, "remove_document", document.pk))
    assert nomination.documents.count() == 0


def test_a_refused_document_on_the_profile_stores_nothing(client, people):
    nomination = people["nomination"]
    as_(client, people["nominee"])
    upload = SimpleUploadedFile("dossier.pdf", b"not a pdf")
    response = client.post(
        nomination_url(nomination, "add_document"), {"title": "D", "file": upload}
    )
    assert response.status_code == 400
    assert "it is not a PDF file" in response.content.decode()
    assert NominationDocument.objects.count() == 0


@pytest.mark.parametrize("role", ["participant", "juror"])
def test_the_profile_is_forbidden_to_others(client, people, role):
    nomination = people["nomination"]
    as_(client, people[role])
    assert client.get(nomination_url(nomination, "edit")).status_code == 403
    response = client.post(nomination_url(nomination, "edit"), {"statement": "Hijacked"})
    assert response.status_code == 403
    nomination.refresh_from_db()
    assert nomination.statement == "In English."


@pytest.mark.parametrize("count", [0, 3])
def test_the_profile_page_runs_the_same_queries_whatever_the_documents(
    client, people, count, django_assert_num_queries
):
    for i in range(count):
        NominationDocument.objects.create(
            nomination=people["nomination"], title=f"Doc {i}", file=f"awards/documents/{i}.pdf"
        )
    as_(client, people["nominee"])
    with django_assert_num_queries(6):
        html = client.get(nomination_url(people["nomination"], "edit")).content.decode()
    assert html.count("Remove “Doc") == count
    assert ("Add a document" in html) == (count < 3)
