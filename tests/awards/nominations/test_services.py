"""The nominations' writes: the open call (with its uploads), the organisers' entries and
decisions (logged), the profile, its translations and documents. Every refusal leaves the
database — and the media folder — as they were."""

import datetime as dt
import io
import zipfile

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from clustermeet.awards.errors import AwardsError
from clustermeet.awards.models import AuditEntry, Category, Nomination, NominationDocument
from clustermeet.awards.nominations import services
from tests.awards.factories import CategoryFactory, NominationFactory, awards_organiser
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"


def pdf(name="dossier.pdf", data=PDF):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def docx(name="letter.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def stored_files() -> list[str]:
    root = settings.MEDIA_ROOT
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def state():
    return (
        list(Nomination.objects.order_by("pk").values()),
        list(NominationDocument.objects.order_by("pk").values_list("nomination", "title")),
        AuditEntry.objects.count(),
        stored_files() if settings.MEDIA_ROOT.exists() else [],
    )


def refused(code, call, *args, **kwargs):
    before = state()
    with pytest.raises(AwardsError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code
    assert state() == before
    return str(caught.value)


def open_call(**kwargs):
    return CategoryFactory(nomination_mode=Category.Nominations.OPEN, **kwargs)


# --- the open call -----------------------------------------------------------------------------


def test_a_nomination_is_submitted_with_its_documents_and_linked_to_the_nominees_account():
    category = open_call()
    nominator = PersonFactory()
    nominee = PersonFactory(email="uwe@example.org")
    nomination = services.nominate(
        category,
        nominator,
        name=" Uwe Pfeil ",
        organisation="Cluster Mecklenburg",
        country="de",
        statement="Twenty years of cluster management.",
        website="https://example.org",
        video_url="https://www.youtube.com/watch?v=abc123",
        email="UWE@example.org",
        files=[pdf(), docx()],
    )
    assert (nomination.name, nomination.country.code, nomination.status) == (
        "Uwe Pfeil",
        "DE",
        "submitted",
    )
    assert (nomination.nominated_by_id, nomination.nominee_id) == (nominator.pk, nominee.pk)
    assert list(nomination.documents.values_list("title", flat=True)) == [
        "dossier.pdf",
        "letter.docx",
    ]
    assert len(stored_files()) == 2
    assert AuditEntry.objects.count() == 0


def test_an_unknown_nominee_e_mail_links_no_account():
    nomination = services.nominate(open_call(), PersonFactory(), name="A", email="x@example.org")
    assert nomination.nominee_id is None


def test_a_refused_upload_stores_nothing():
    category = open_call()
    person = PersonFactory()
    fake = SimpleUploadedFile("dossier.pdf", b"<html>not a pdf</html>")
    message = refused(
        "document_content", services.nominate, category, person, name="A", files=[pdf(), fake]
    )
    assert message == "The file's content does not match its name: it is not a PDF file."
    refused(
        "document_type",
        services.nominate,
        category,
        person,
        name="A",
        files=[SimpleUploadedFile("run.exe", b"MZ")],
    )
    message = refused("documents", services.nominate, category, person, name="A", files=[pdf()] * 4)
    assert message == "A nomination holds at most 3 documents."


def test_the_open_call_keeps_its_dates_and_mode():
    person = PersonFactory()
    now = timezone.now()
    closed = open_call(nominations_close_at=now - dt.timedelta(minutes=1))
    assert refused("closed", services.nominate, closed, person, name="A") == (
        "The call for nominations is not open."
    )
    later = open_call(nominations_open_at=now + dt.timedelta(days=1))
    refused("closed", services.nominate, later, person, name="A")
    shortlisted = open_call(shortlist_confirmed_at=now)
    refused("closed", services.nominate, shortlisted, person, name="A")
    organisers_only = CategoryFactory()
    refused("closed", services.nominate, organisers_only, person, name="A")


def test_a_visitor_cannot_nominate():
    from django.contrib.auth.models import AnonymousUser

    refused("closed", services.nominate, open_call(), AnonymousUser(), name="A")


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"name": " "}, "name"),
        ({}, "name"),
        ({"name": "A", "statement": "x" * 1501}, "statement"),
        ({"name": "A", "website": "not a url"}, "url"),
        ({"name": "A", "video_url": "http://example.org/page"}, "video"),
        ({"name": "A", "country": "XX"}, "country"),
        ({"name": "A", "organisation": "x" * 301}, "too_long"),
        ({"name": "A", "status": "accepted"}, "field"),
    ],
)
def test_bad_values_are_refused(values, code):
    refused(code, services.nominate, open_call(), PersonFactory(), **values)


def test_an_https_video_or_a_video_file_is_taken():
    category = open_call()
    person = PersonFactory()
    for url in ("https://vimeo.com/123", "http://example.org/pitch.mp4"):
        assert services.nominate(category, person, name="A", video_url=url).video_url == url


# --- the organisers ----------------------------------------------------------------------------


def test_organisers_enter_accepted_nominations_logged():
    category = CategoryFactory()
    organiser = awards_organiser(category.event)
    nomination = services.enter_nomination(category, organiser, name="IOT4Industry")
    assert (nomination.status, nomination.nominated_by_id) == ("accepted", organiser.pk)
    assert list(AuditEntry.objects.values_list("action", "actor", "detail")) == [
        ("entered", organiser.pk, {"nomination": nomination.pk, "name": "IOT4Industry"})
    ]


def test_only_organisers_enter_and_only_before_the_shortlist():
    category = CategoryFactory()
    refused("not_organiser", services.enter_nomination, category, PersonFactory(), name="A")
    organiser = awards_organiser(category.event)
    Category.objects.filter(pk=category.pk).update(shortlist_confirmed_at=timezone.now())
    category.refresh_from_db()
    refused("shortlisted", services.enter_nomination, category, organiser, name="A")


def test_organisers_accept_and_decline_logged():
    category = CategoryFactory()
    organiser = awards_organiser(category.event)
    first = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    second = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    assert services.accept(first, organiser).status == "accepted"
    assert services.decline(second, organiser).status == "declined"
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "detail")) == [
        ("accepted", {"nomination": first.pk, "name": first.name, "before": "submitted"}),
        ("declined", {"nomination": second.pk, "name": second.name, "before": "submitted"}),
    ]
    refused("same", services.accept, first, organiser)


def test_decisions_are_refused_to_others_after_the_shortlist_and_on_withdrawn_ones():
    category = CategoryFactory()
    organiser = awards_organiser(category.event)
    submitted = NominationFactory(category=category, status=Nomination.Status.SUBMITTED)
    withdrawn = NominationFactory(category=category, status=Nomination.Status.WITHDRAWN)
    refused("not_organiser", services.accept, submitted, PersonFactory())
    refused("withdrawn", services.accept, withdrawn, organiser)
    Category.objects.filter(pk=category.pk).update(shortlist_confirmed_at=timezone.now())
    submitted.category.refresh_from_db()
    refused("shortlisted", services.decline, submitted, organiser)


# --- the profile -------------------------------------------------------------------------------


def test_the_nominee_the_nominator_and_organisers_complete_the_profile():
    nominee, nominator = PersonFactory(), PersonFactory()
    nomination = NominationFactory(nominee=nominee, nominated_by=nominator)
    organiser = awards_organiser(nomination.category.event)
    services.update_profile(nomination, nominee, statement="Mine.")
    services.update_profile(nomination, nominator, organisation="Flanders' FOOD")
    services.update_profile(nomination, organiser, country="cz", website="https://s3food.eu")
    nomination.refresh_from_db()
    assert (
        nomination.statement,
        nomination.organisation,
        nomination.country.code,
        nomination.website,
    ) == ("Mine.", "Flanders' FOOD", "CZ", "https://s3food.eu")


def test_the_profile_is_refused_to_others_to_name_changes_and_after_the_vote():
    nominee = PersonFactory()
    nomination = NominationFactory(nominee=nominee)
    refused("not_editor", services.update_profile, nomination, PersonFactory(), statement="x")
    refused("field", services.update_profile, nomination, nominee, name="Another")
    now = timezone.now()
    Category.objects.filter(pk=nomination.category_id).update(
        shortlist_confirmed_at=now - dt.timedelta(days=2),
        online_opens_at=now - dt.timedelta(days=2),
        online_closes_at=now - dt.timedelta(days=1),
    )
    nomination.category.refresh_from_db()
    message = refused("closed", services.update_profile, nomination, nominee, statement="x")
    assert message == "The vote is over: the profile no longer changes."


def test_the_profile_changes_while_the_vote_is_open():
    nominee = PersonFactory()
    now = timezone.now()
    nomination = NominationFactory(
        nominee=nominee,
        finalist=True,
        category=CategoryFactory(
            shortlist_confirmed_at=now,
            online_opens_at=now - dt.timedelta(days=1),
            online_closes_at=now + dt.timedelta(days=1),
        ),
    )
    assert services.update_profile(nomination, nominee, statement="Vote!").statement == "Vote!"


def test_translations_of_the_statement_are_set_and_removed():
    nominee = PersonFactory()
    nomination = NominationFactory(nominee=nominee)
    services.set_statement_translation(nomination, nominee, "de", " Hallo ")
    services.set_statement_translation(nomination, nominee, "cs", "Ahoj")
    services.set_statement_translation(nomination, nominee, "de", "")
    nomination.refresh_from_db()
    assert nomination.translations == {"cs": {"statement": "Ahoj"}}
    refused("language", services.set_statement_translation, nomination, nominee, "xx", "?")
    refused("statement", services.set_statement_translation, nomination, nominee, "de", "x" * 1501)


def test_documents_are_added_up_to_three_and_removed():
    nominee = PersonFactory()
    nomination = NominationFactory(nominee=nominee)
    first = services.add_document(nomination, nominee, pdf(), "Dossier")
    services.add_document(nomination, nominee, docx())
    refused("document_content", services.add_document, nomination, nominee, pdf(data=b"no"))
    services.add_document(nomination, nominee, pdf("two.pdf"))
    assert refused("documents", services.add_document, nomination, nominee, pdf("four.pdf")) == (
        "A nomination holds at most 3 documents."
    )
    refused("not_editor", services.add_document, nomination, PersonFactory(), pdf())
    with pytest.raises(AwardsError):
        services.remove_document(nomination, PersonFactory(), first.pk)
    services.remove_document(nomination, nominee, first.pk)
    assert list(nomination.documents.values_list("title", flat=True)) == [
        "letter.docx",
        "two.pdf",
    ]
    refused("no_document", services.remove_document, nomination, nominee, first.pk)


def test_organisers_correct_a_nomination():
    nomination = NominationFactory(name="IOT4industry")
    organiser = awards_organiser(nomination.category.event)
    edited = services.edit_by_organiser(
        nomination, organiser, name="IOT4Industry", translations={"de": {"statement": "Hallo"}}
    )
    assert (edited.name, edited.translations) == ("IOT4Industry", {"de": {"statement": "Hallo"}})
    refused("field", services.edit_by_organiser, nomination, organiser, finalist=True)
    refused("not_organiser", services.edit_by_organiser, nomination, PersonFactory(), name="B")
