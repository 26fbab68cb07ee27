"""The back office: the paper's form checks the cover by content and the sections by name; the
two models are registered."""

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile

from clustermeet.paper.admin import PaperForm
from clustermeet.paper.models import Paper, Takeaway
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


def form(event, cover=None, **data):
    fields = {
        "event": event.pk,
        "sections": '["glance", "polls"]',
        "public_sections": '["glance"]',
        "introduction_translations": "{}",
        "primary_colour": "#0b4f9c",
        "accent_colour": "#c2410c",
        "status": "draft",
        **data,
    }
    return PaperForm(fields, {"cover": cover} if cover else {})


def test_a_cover_is_checked_by_its_content(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = EventFactory()
    fake = form(event, SimpleUploadedFile("cover.png", b"GIF89a not a png"))
    assert fake.errors == {
        "cover": [
            "This file is not a PNG, JPEG or SVG image (SVG without scripts or outside links)."
        ]
    }
    script = form(event, SimpleUploadedFile("cover.svg", b"<svg><script>alert(1)</script></svg>"))
    assert not script.is_valid()
    assert Paper.objects.count() == 0
    good = form(event, SimpleUploadedFile("cover.png", PNG))
    assert good.is_valid(), good.errors
    paper = good.save()
    assert (paper.sections, paper.public_sections) == (["glance", "polls"], ["glance"])
    assert paper.cover.name.startswith("paper/covers/cover")


def test_sections_are_known_and_once_each():
    event = EventFactory()
    assert form(event, sections='["glance", "maps"]').errors == {
        "sections": [
            "Unknown sections: maps. The sections are glance, programme, polls, cafes, "
            "networking, awards."
        ]
    }
    assert form(event, sections='["glance", "glance"]').errors == {
        "sections": ["Each section may appear once."]
    }
    assert form(event, introduction_translations='{"de": 3}').errors == {
        "introduction_translations": ['Write the translations as {"de": "…", "fr": "…"}.']
    }
    assert Paper.objects.count() == 0


def test_both_models_are_in_the_back_office():
    assert admin.site.is_registered(Paper)
    assert admin.site.is_registered(Takeaway)


def test_the_back_office_pages_open(client):
    client.force_login(PersonFactory(is_staff=True, is_superuser=True))
    for url in (
        "/admin/paper/paper/",
        "/admin/paper/paper/add/",
        "/admin/paper/takeaway/",
        "/admin/paper/takeaway/add/",
    ):
        assert client.get(url).status_code == 200, url
