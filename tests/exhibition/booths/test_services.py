"""Booth services: messages, staff edits (their own booth only), documents and their checks
(a refused upload changes nothing), staff assignment."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from clustermeet.exhibition.booths import services, uploads
from clustermeet.exhibition.errors import ExhibitionError
from clustermeet.exhibition.models import Booth, BoothDocument, BoothMessage, BoothStaff
from clustermeet.people.models import Registration
from tests.exhibition.factories import BoothFactory, BoothStaffFactory
from tests.factories import PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
PDF = b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\n"


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def refusal(call) -> str:
    with pytest.raises(ExhibitionError) as caught:
        call()
    return caught.value.code


def test_an_approved_participant_leaves_a_message():
    booth = BoothFactory()
    person = RegistrationFactory(event=booth.event).person
    message = services.send_message(booth, person, "  Can we meet at your stand?  ")
    assert list(BoothMessage.objects.values_list("pk", "text")) == [
        (message.pk, "Can we meet at your stand?")
    ]


def test_messages_are_refused_to_outsiders_when_empty_and_when_too_long():
    booth = BoothFactory()
    person = RegistrationFactory(event=booth.event).person
    pending = RegistrationFactory(event=booth.event, status=Registration.Status.PENDING).person
    assert refusal(lambda: services.send_message(booth, PersonFactory(), "Hi")) == (
        "not_participant"
    )
    assert refusal(lambda: services.send_message(booth, pending, "Hi")) == "not_participant"
    assert refusal(lambda: services.send_message(booth, person, "   ")) == "empty"
    assert refusal(lambda: services.send_message(booth, person, "x" * 2001)) == "too_long"
    services.send_message(booth, person, "x" * 2000)
    assert BoothMessage.objects.count() == 1


def test_staff_edit_their_own_booth_and_not_another():
    duty = BoothStaffFactory()
    other = BoothFactory(event=duty.booth.event, summary="Theirs")
    services.update_booth(duty.booth, duty.person, summary=" Ours ", website="https://a.eu")
    assert refusal(lambda: services.update_booth(other, duty.person, summary="Mine now")) == (
        "not_staff"
    )
    assert refusal(lambda: services.update_booth(duty.booth, duty.person, stand="1")) == "field"
    assert list(Booth.objects.order_by("pk").values_list("summary", "website")) == [
        ("Ours", "https://a.eu"),
        ("Theirs", ""),
    ]


def test_a_logo_of_the_wrong_content_changes_nothing():
    duty = BoothStaffFactory(booth__summary="Before")
    fake = SimpleUploadedFile("logo.png", b"GIF89a not a png")
    code = refusal(
        lambda: services.update_booth(duty.booth, duty.person, logo=fake, summary="After")
    )
    assert code == "image_content"
    booth = Booth.objects.get()
    assert (booth.summary, booth.logo.name) == ("Before", "")
    services.update_booth(duty.booth, duty.person, logo=SimpleUploadedFile("l.png", PNG))
    assert Booth.objects.get().logo.name.startswith("exhibition/logos/l")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("virus.exe", b"MZ", "document_type"),
        ("brochure.pdf", b"<html>not a pdf</html>", "document_content"),
        ("offer.docx", PDF, "document_content"),
        ("table.xlsx", docx(), "document_content"),  # a Word file named as a spreadsheet
    ],
)
def test_documents_of_a_type_not_allowed_are_refused_and_nothing_is_stored(name, content, code):
    duty = BoothStaffFactory()
    upload = SimpleUploadedFile(name, content)
    assert refusal(lambda: services.add_document(duty.booth, duty.person, "Doc", upload)) == code
    assert BoothDocument.objects.count() == 0


def test_an_oversized_document_is_refused(monkeypatch):
    duty = BoothStaffFactory()
    upload = SimpleUploadedFile("big.pdf", PDF)
    upload.size = uploads.MAX_DOCUMENT_BYTES + 1
    code = refusal(lambda: services.add_document(duty.booth, duty.person, "Big", upload))
    assert (code, BoothDocument.objects.count()) == ("document_size", 0)


def test_allowed_documents_are_added_in_order_and_removed():
    duty = BoothStaffFactory()
    first = services.add_document(
        duty.booth, duty.person, "Brochure", SimpleUploadedFile("b.pdf", PDF)
    )
    services.add_document(duty.booth, duty.person, "Offer", SimpleUploadedFile("o.docx", docx()))
    assert list(BoothDocument.objects.values_list("title", "position")) == [
        ("Brochure", 1),
        ("Offer", 2),
    ]
    stranger = PersonFactory()
    assert refusal(lambda: services.remove_document(duty.booth, stranger, first.pk)) == (
        "not_staff"
    )
    services.remove_document(duty.booth, duty.person, first.pk)
    assert list(BoothDocument.objects.values_list("title", flat=True)) == ["Offer"]


def test_staff_are_added_by_e_mail_once():
    booth = BoothFactory()
    person = PersonFactory(email="ana@example.org")
    services.add_booth_staff(booth, " ANA@example.org ")
    services.add_booth_staff(booth, "ana@example.org")
    assert list(BoothStaff.objects.values_list("person", flat=True)) == [person.pk]
    assert refusal(lambda: services.add_booth_staff(booth, "nobody@example.org")) == "no_account"


def test_only_staff_are_marked_online():
    duty = BoothStaffFactory()
    assert services.mark_staff_seen(duty.booth, duty.person) is True
    assert services.mark_staff_seen(duty.booth, PersonFactory()) is False
    assert BoothStaff.objects.get().seen_at is not None
