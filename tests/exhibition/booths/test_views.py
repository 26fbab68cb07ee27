"""The exhibition pages: who sees what, who is recorded, who may write, and fixed query
counts of the list and of a booth with many visits."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.exhibition.models import (
    BoothDocument,
    BoothMessage,
    BoothStaff,
    BoothVisit,
    DocumentDownload,
)
from tests.exhibition.factories import BoothFactory, BoothStaffFactory, HallFactory
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n"


def booth_url(booth, name="booth", *args):
    return reverse(f"booths:{name}", args=[booth.event.slug, booth.slug, *args])


def participant(event):
    return RegistrationFactory(event=event).person


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_runs_the_same_queries_whatever_the_number_of_booths(
    client, count, django_assert_num_queries
):
    event = EventFactory()
    hall = HallFactory(event=event)
    for _ in range(count):
        BoothFactory(event=event, hall=hall)
    client.force_login(participant(event))
    with django_assert_num_queries(13):
        response = client.get(reverse("booths:list", args=[event.slug]))
    assert response.content.decode().count('class="card booth-card"') == count


def test_the_list_filters_by_search(client):
    event = EventFactory()
    BoothFactory(event=event, name="Hydrogen Valley")
    BoothFactory(event=event, name="Textile Hub")
    html = client.get(reverse("booths:list", args=[event.slug]), {"q": "textile"}).content
    assert (b"Textile Hub" in html, b"Hydrogen Valley" in html) == (True, False)


def test_a_booth_with_a_thousand_visits_renders_without_per_visit_queries(
    client, django_assert_num_queries
):
    booth = BoothFactory()
    people = PersonFactory.create_batch(5)
    now = timezone.now()
    BoothVisit.objects.bulk_create(
        BoothVisit(booth=booth, person=people[i % 5], started_at=now, last_seen_at=now)
        for i in range(1000)
    )
    visitor = participant(booth.event)
    client.force_login(visitor)
    with django_assert_num_queries(15):
        assert client.get(booth_url(booth)).status_code == 200
    assert BoothVisit.objects.filter(person=visitor).count() == 1


def test_an_approved_participant_is_recorded_and_a_second_view_extends_the_visit(client):
    booth = BoothFactory()
    visitor = participant(booth.event)
    client.force_login(visitor)
    client.get(booth_url(booth))
    client.get(booth_url(booth))
    assert list(BoothVisit.objects.values_list("person", "views")) == [(visitor.pk, 2)]


def test_a_non_participant_sees_the_booth_but_is_not_recorded_and_cannot_message(client):
    booth = BoothFactory(summary="We weave smart textiles.")
    client.force_login(PersonFactory())
    html = client.get(booth_url(booth)).content.decode()
    assert "We weave smart textiles." in html
    assert "Send the message" not in html
    client.post(booth_url(booth, "message"), {"text": "Hello"})
    assert (BoothVisit.objects.count(), BoothMessage.objects.count()) == (0, 0)


def test_staff_views_mark_them_online_and_are_not_visits(client):
    duty = BoothStaffFactory()
    RegistrationFactory(event=duty.booth.event, person=duty.person)
    client.force_login(duty.person)
    html = client.get(booth_url(duty.booth)).content.decode()
    assert "Edit this booth" in html
    assert BoothVisit.objects.count() == 0
    assert BoothStaff.objects.get().seen_at is not None
    visitor = participant(duty.booth.event)
    client.force_login(visitor)
    html = client.get(booth_url(duty.booth)).content.decode()
    assert "Join the video room" in html
    assert duty.booth.video_room in html


def test_no_video_room_when_staff_were_last_seen_long_ago(client):
    duty = BoothStaffFactory(seen_at=timezone.now() - dt.timedelta(minutes=5))
    client.force_login(participant(duty.booth.event))
    assert "Join the video room" not in client.get(booth_url(duty.booth)).content.decode()


def test_a_participant_leaves_a_message(client):
    booth = BoothFactory()
    client.force_login(participant(booth.event))
    response = client.post(booth_url(booth, "message"), {"text": "Let us talk."})
    assert response.status_code == 302
    assert list(BoothMessage.objects.values_list("text", flat=True)) == ["Let us talk."]


def test_the_booth_of_an_invisible_event_and_its_documents_are_404(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    booth = BoothFactory(event=EventFactory(visibility=Event.Visibility.INVITATION))
    document = BoothDocument(booth=booth, title="Brochure")
    document.file.save("b.pdf", SimpleUploadedFile("b.pdf", PDF))
    client.force_login(PersonFactory())
    assert client.get(booth_url(booth)).status_code == 404
    assert client.get(booth_url(booth, "document", document.pk)).status_code == 404
    assert DocumentDownload.objects.count() == 0


def test_a_document_download_is_counted(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    booth = BoothFactory()
    document = BoothDocument(booth=booth, title="Brochure")
    document.file.save("b.pdf", SimpleUploadedFile("b.pdf", PDF))
    reader = participant(booth.event)
    client.force_login(reader)
    response = client.get(booth_url(booth, "document", document.pk))
    assert (response.status_code, b"".join(response.streaming_content)) == (200, PDF)
    assert list(DocumentDownload.objects.values_list("person", flat=True)) == [reader.pk]


def test_staff_edit_their_booth_and_not_another(client):
    duty = BoothStaffFactory()
    other = BoothFactory(event=duty.booth.event)
    client.force_login(duty.person)
    assert client.get(booth_url(other, "edit")).status_code == 403
    response = client.post(
        booth_url(duty.booth, "edit"),
        {"summary": "New", "description": "", "website": "https://x.eu", "video_url": ""},
    )
    assert response.status_code == 302
    duty.booth.refresh_from_db()
    assert (duty.booth.summary, duty.booth.website) == ("New", "https://x.eu")


def test_a_refused_document_shows_why_and_stores_nothing(client):
    duty = BoothStaffFactory()
    client.force_login(duty.person)
    response = client.post(
        booth_url(duty.booth, "add_document"),
        {"title": "Brochure", "file": SimpleUploadedFile("b.pdf", b"<html>")},
    )
    assert response.status_code == 400
    assert "it is not a PDF file" in response.content.decode()
    assert BoothDocument.objects.count() == 0


def test_the_floor_lists_stands_per_hall(client):
    event = EventFactory()
    hall = HallFactory(event=event, name="Hall A")
    BoothFactory(event=event, hall=hall, stand="12", name="Twelve")
    BoothFactory(event=event, hall=hall, stand="3", name="Three")
    html = client.get(reverse("booths:floor", args=[event.slug])).content.decode()
    assert html.index("Three") < html.index("Twelve")


def test_a_hall_plan_shows_its_placed_booths_as_markers_and_in_the_list(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    hall = HallFactory(event=event, name="Hall A")
    hall.plan.save("plan.png", SimpleUploadedFile("plan.png", b"\x89PNG\r\n\x1a\n"))
    BoothFactory(event=event, hall=hall, stand="7", name="Seven", plan_x="12.50", plan_y="40")
    html = client.get(reverse("booths:floor", args=[event.slug])).content.decode()
    assert 'style="left:12.50%;top:40.00%"' in html
    assert 'aria-label="Stand 7: Seven"' in html
    assert html.count(">Seven</a>") == 1  # the list's link; the marker shows the stand


def test_the_exhibition_of_an_invisible_event_is_404(client):
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    BoothFactory(event=event)
    assert client.get(reverse("booths:list", args=[event.slug])).status_code == 404
    assert client.get(reverse("booths:floor", args=[event.slug])).status_code == 404
