"""The paper's writes (`paper.services`): each for the organisers only, validated, in one
transaction; every refusal changes nothing."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import model_to_dict

from clustermeet.paper import services
from clustermeet.paper.models import SECTIONS, Paper, Takeaway
from clustermeet.paper.services import PaperError
from clustermeet.people.models import Role
from tests.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


@pytest.fixture
def event():
    return EventFactory(slug="paper-event")


@pytest.fixture
def organiser(event):
    return RegistrationFactory(event=event, roles=[Role.ORGANISER]).person


def rows():
    papers = [
        model_to_dict(p, exclude=["cover"]) | {"cover": p.cover.name} for p in Paper.objects.all()
    ]
    takeaways = list(Takeaway.objects.values("session_id", "text", "translations"))
    return papers, takeaways


def refused(code, call, *args, **kwargs):
    before = rows()
    with pytest.raises(PaperError) as error:
        call(*args, **kwargs)
    assert error.value.code == code
    assert rows() == before
    return str(error.value)


def test_only_organisers(event):
    participant = RegistrationFactory(event=event, roles=[Role.PARTICIPANT]).person
    session = SessionFactory(event=event)
    calls = [
        (services.set_sections, (["glance"], [])),
        (services.set_colours, ("#0b4f9c", "#c2410c")),
        (services.set_cover, (None, "")),
        (services.set_introduction, ("", "Hello")),
        (services.set_takeaway, (session.pk, "", "Hello")),
        (services.publish, ()),
        (services.unpublish, ()),
    ]
    for call, args in calls:
        message = refused("forbidden", call, event, participant, *args)
        assert message == "Only the event's organisers edit the output paper."


def test_sections_their_order_and_the_public_ones(event, organiser):
    paper = services.set_sections(
        event, organiser, ["awards", "glance", "polls"], ["polls", "cafes"]
    )
    assert (paper.sections, paper.public_sections) == (["awards", "glance", "polls"], ["polls"])
    paper = services.set_sections(event, organiser, paper.sections, ["glance"], ("polls", -1))
    assert (paper.sections, paper.public_sections) == (["awards", "polls", "glance"], ["glance"])
    paper = services.set_sections(event, organiser, paper.sections, [], ("awards", 1))
    assert Paper.objects.get(event=event).sections == ["polls", "awards", "glance"]


def test_sections_refused(event, organiser):
    services.set_sections(event, organiser, ["glance", "polls"], [])
    assert refused("unknown_section", services.set_sections, event, organiser, ["maps"], []) == (
        "Unknown section: maps."
    )
    assert refused("twice", services.set_sections, event, organiser, ["glance", "glance"], [])
    assert refused("no_section", services.set_sections, event, organiser, [], [])
    assert refused(
        "edge", services.set_sections, event, organiser, ["glance", "polls"], [], ("glance", -1)
    ) == ("This section is already first.")
    assert refused(
        "edge", services.set_sections, event, organiser, ["glance", "polls"], [], ("polls", 1)
    ) == ("This section is already last.")
    assert refused(
        "not_chosen", services.set_sections, event, organiser, ["glance"], [], ("awards", 1)
    )
    assert refused("step", services.set_sections, event, organiser, ["glance"], [], ("glance", 2))


def test_a_refusal_on_an_event_without_paper_creates_none(event, organiser):
    refused("edge", services.set_sections, event, organiser, ["glance"], [], ("glance", -1))
    assert Paper.objects.count() == 0


def test_colours(event, organiser):
    paper = services.set_colours(event, organiser, " #E8590C ", "#0B4F9C")
    assert (paper.primary_colour, paper.accent_colour) == ("#e8590c", "#0b4f9c")
    assert refused("colour", services.set_colours, event, organiser, "red", "#0b4f9c") == (
        "Write the primary colour as #rrggbb, e.g. #0b4f9c."
    )
    assert refused("contrast", services.set_colours, event, organiser, "#0b4f9c", "#ffff00") == (
        "The accent colour #ffff00 is too light: it has 1.1:1 against white, and bars and rules "
        "need at least 3:1. Choose a darker colour."
    )


def test_the_cover_checked_by_content(event, organiser, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    paper = services.set_cover(
        event, organiser, SimpleUploadedFile("cover.png", PNG), "Delegates in the hall"
    )
    assert (paper.cover.name.startswith("paper/covers/cover"), paper.cover_description) == (
        True,
        "Delegates in the hall",
    )
    fake = SimpleUploadedFile("cover.png", b"GIF89a not a png")
    assert refused("image_content", services.set_cover, event, organiser, fake, "x") == (
        "This file is not a PNG, JPEG or SVG image (SVG without scripts or outside links)."
    )
    assert refused(
        "image_type", services.set_cover, event, organiser, SimpleUploadedFile("c.gif", b"G"), ""
    )
    assert refused("description", services.set_cover, event, organiser, None, "x" * 301)
    paper = services.set_cover(event, organiser, None, "", remove=True)
    assert (paper.cover.name, paper.cover_description) == ("", "")


def test_the_introduction_and_its_translations(event, organiser):
    assert refused("no_original", services.set_introduction, event, organiser, "de", "Hallo") == (
        "Write the introduction in the original language first."
    )
    services.set_introduction(event, organiser, "", "Hello\r\n\r\nworld ")
    services.set_introduction(event, organiser, "de", "Hallo")
    paper = services.set_introduction(event, organiser, "fr", "Bonjour")
    assert (paper.introduction, paper.introduction_translations) == (
        "Hello\n\nworld",
        {"de": "Hallo", "fr": "Bonjour"},
    )
    assert refused("translations_left", services.set_introduction, event, organiser, "en", "")
    assert refused("language", services.set_introduction, event, organiser, "xx", "Hi") == (
        "Choose one of the site's languages."
    )
    assert refused("too_long", services.set_introduction, event, organiser, "", "x" * 20_001)
    paper = services.set_introduction(event, organiser, "de", "")
    assert paper.introduction_translations == {"fr": "Bonjour"}


def test_takeaways_and_their_translations(event, organiser):
    session = SessionFactory(event=event, starts_at=dt.datetime(2020, 11, 10, 9, tzinfo=dt.UTC))
    other = SessionFactory()
    assert refused("no_original", services.set_takeaway, event, organiser, session.pk, "de", "x")
    assert refused("no_session", services.set_takeaway, event, organiser, other.pk, "", "x") == (
        "This session is not in the event's programme."
    )
    services.set_takeaway(event, organiser, session.pk, "", "- One\n- Two")
    takeaway = services.set_takeaway(event, organiser, session.pk, "de", "- Eins")
    assert (takeaway.text, takeaway.translations) == ("- One\n- Two", {"de": "- Eins"})
    takeaway = services.set_takeaway(event, organiser, session.pk, "de", "")
    assert takeaway.translations == {}
    assert services.set_takeaway(event, organiser, session.pk, "", "") is None
    assert Takeaway.objects.count() == 0
    assert services.set_takeaway(event, organiser, session.pk, "de", "") is None


def test_publish_and_unpublish(event, organiser):
    now = dt.datetime(2020, 12, 1, 10, tzinfo=dt.UTC)
    paper = services.publish(event, organiser, now)
    assert (paper.status, paper.published_at, paper.sections) == ("published", now, list(SECTIONS))
    assert refused("published", services.publish, event, organiser) == (
        "The paper is already published."
    )
    paper = services.unpublish(event, organiser)
    assert (paper.status, paper.published_at) == ("draft", None)
    assert refused("draft", services.unpublish, event, organiser) == "The paper is not published."
    services.set_sections(event, organiser, ["glance"], [])
    assert refused("nothing_public", services.publish, event, organiser) == (
        "Make at least one section public before publishing."
    )
