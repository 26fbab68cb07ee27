"""The back office of nominations: saving goes through the services (entries, acceptances and
declines logged), documents are checked by content, finalists are never set here."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from clustermeet.awards.models import AuditEntry, Category, Nomination, NominationDocument
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    person = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def form_data(category, **changes):
    data = {
        "category": category.pk,
        "name": "S3Food",
        "organisation": "Flanders' FOOD",
        "country": "BE",
        "statement": "",
        "website": "",
        "video_url": "",
        "translations": "{}",
        "position": 0,
        "documents-TOTAL_FORMS": 0,
        "documents-INITIAL_FORMS": 0,
        "documents-MIN_NUM_FORMS": 0,
        "documents-MAX_NUM_FORMS": 3,
    }
    data.update(changes)
    return data


def test_a_nomination_added_in_the_admin_is_entered_accepted_and_logged(client, staff):
    category = CategoryFactory()
    data = form_data(
        category,
        **{
            "documents-TOTAL_FORMS": 1,
            "documents-0-title": "Dossier",
            "documents-0-file": SimpleUploadedFile("d.pdf", b"%PDF-1.7\n"),
        },
    )
    response = client.post(reverse("admin:awards_nomination_add"), data)
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert (nomination.status, nomination.nominated_by_id, nomination.documents.count()) == (
        "accepted",
        staff.pk,
        1,
    )
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["entered"]


def test_a_document_that_is_no_pdf_is_refused_and_nothing_is_stored(client, staff):
    category = CategoryFactory()
    data = form_data(
        category,
        **{
            "documents-TOTAL_FORMS": 1,
            "documents-0-title": "Dossier",
            "documents-0-file": SimpleUploadedFile("d.pdf", b"<html>"),
        },
    )
    response = client.post(reverse("admin:awards_nomination_add"), data)
    assert "it is not a PDF file" in response.content.decode()
    assert (Nomination.objects.count(), NominationDocument.objects.count()) == (0, 0)
    assert AuditEntry.objects.count() == 0


def test_a_status_change_in_the_admin_is_a_logged_decision(client, staff):
    nomination = NominationFactory(status=Nomination.Status.SUBMITTED, name="S3Food")
    url = reverse("admin:awards_nomination_change", args=[nomination.pk])
    data = form_data(nomination.category, status="declined", organisation="A Cluster")
    response = client.post(url, data)
    assert response.status_code == 302
    nomination.refresh_from_db()
    assert (nomination.status, nomination.organisation) == ("declined", "A Cluster")
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["declined"]


def test_no_decision_after_the_shortlist_in_the_admin(client, staff):
    category = CategoryFactory(shortlist_confirmed_at=timezone.now())
    nomination = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    url = reverse("admin:awards_nomination_change", args=[nomination.pk])
    response = client.post(url, form_data(category, status="accepted"))
    assert "The shortlist is confirmed" in response.content.decode()
    assert Nomination.objects.get().status == "submitted"
    response = client.post(reverse("admin:awards_nomination_add"), form_data(category))
    assert Nomination.objects.count() == 1
    assert Category.objects.get().pk == category.pk


def test_the_admin_offers_only_decisions_as_statuses(client, staff):
    nomination = NominationFactory(status=Nomination.Status.SUBMITTED)
    html = client.get(
        reverse("admin:awards_nomination_change", args=[nomination.pk])
    ).content.decode()
    assert 'value="withdrawn"' not in html
    assert 'value="accepted"' in html and 'value="declined"' in html
