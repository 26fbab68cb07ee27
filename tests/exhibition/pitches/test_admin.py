"""The back office of pitches: slides checked by content and size (nothing stored on refusal),
and the list's contact counts (numbers, never names)."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clustermeet.exhibition.models import Pitch
from clustermeet.exhibition.pitches import forms as pitch_forms
from clustermeet.exhibition.pitches import services
from clustermeet.exhibition.pitches.forms import PitchForm
from tests.exhibition.factories import PitchFactory
from tests.factories import PersonFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def pptx_bytes(with_presentation=True) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        name = "ppt/presentation.xml" if with_presentation else "word/document.xml"
        archive.writestr(name, "<p/>")
    return out.getvalue()


def form_with(name: str, data: bytes) -> PitchForm:
    session = SessionFactory(type="pitch")
    pitcher = RegistrationFactory(event=session.event).person
    return PitchForm(
        {
            "session": session.pk,
            "position": 1,
            "kind": "pitch",
            "title": "Smart textiles",
            "pitcher": pitcher.pk,
            "video_url": "example.org/video",
        },
        {"slides": SimpleUploadedFile(name, data)},
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [("deck.pdf", b"%PDF-1.7 ..."), ("deck.PPTX", pptx_bytes())],
)
def test_pdf_and_pptx_slides_are_accepted(name, data):
    form = form_with(name, data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["video_url"] == "https://example.org/video"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("deck.pdf", b"<html>not a pdf</html>", "This file is not a PDF or PPTX presentation."),
        (
            "deck.pptx",
            pptx_bytes(with_presentation=False),
            "This file is not a PDF or PPTX presentation.",
        ),
        ("deck.pptx", b"PK\x03\x04 broken", "This file is not a PDF or PPTX presentation."),
        ("deck.key", b"%PDF-1.7", "Upload the slides as PDF or PPTX."),
    ],
)
def test_other_files_are_refused_and_nothing_stored(name, data, message):
    form = form_with(name, data)
    assert not form.is_valid()
    assert form.errors["slides"] == [message]
    assert Pitch.objects.count() == 0


def test_oversized_slides_are_refused():
    form = form_with("deck.pdf", b"%PDF-1.7" + b" " * pitch_forms.MAX_SLIDES_BYTES)
    assert not form.is_valid()
    assert form.errors["slides"] == ["The slides may be at most 20 MB."]


def test_the_list_shows_contact_counts_not_names(client):
    pitch = PitchFactory(title="Smart textiles")
    for n in range(3):
        person = RegistrationFactory(
            event=pitch.session.event, person__last_name=f"Secret{n}"
        ).person
        contact = services.ask_contact(pitch, person)
    services.withdraw_contact(contact, contact.person)
    client.force_login(PersonFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:exhibition_pitch_changelist"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<td class="field-contacts">2</td>' in html
    assert "Secret" not in html
