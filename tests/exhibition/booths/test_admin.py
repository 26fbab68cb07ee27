"""The back office of booths: refused uploads and translations store nothing, staff are added
by e-mail."""

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from clustermeet.exhibition.booths.admin import validate_translations
from clustermeet.exhibition.models import BoothStaff, Hall
from tests.exhibition.factories import BoothFactory
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32


@pytest.fixture
def staff(client):
    person = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def add_hall(client, event, upload):
    data = {"event": event.pk, "name": "Hall A", "slug": "hall-a", "position": 0, "plan": upload}
    return client.post(reverse("admin:exhibition_hall_add"), data)


def test_a_plan_that_is_no_image_is_refused_and_nothing_is_stored(client, staff):
    event = EventFactory()
    response = add_hall(client, event, SimpleUploadedFile("plan.png", b"<html>"))
    assert response.status_code == 200
    assert "This file is not a PNG, JPEG or SVG image" in response.content.decode()
    assert Hall.objects.count() == 0
    response = add_hall(client, event, SimpleUploadedFile("plan.png", PNG))
    assert (response.status_code, Hall.objects.count()) == (302, 1)


def test_staff_are_added_by_account_e_mail(client, staff):
    booth = BoothFactory()
    person = PersonFactory(email="eva@example.org")
    url = reverse("admin:exhibition_boothstaff_add")
    response = client.post(url, {"booth": booth.pk, "email": "nobody@example.org"})
    assert "No account has this e-mail address." in response.content.decode()
    client.post(url, {"booth": booth.pk, "email": "EVA@example.org"})
    assert list(BoothStaff.objects.values_list("booth", "person")) == [(booth.pk, person.pk)]


@pytest.mark.parametrize(
    "value",
    [["de"], {"xx": {"summary": "?"}}, {"de": {"title": "Nein"}}, {"de": {"summary": "x" * 301}}],
)
def test_translations_of_a_wrong_shape_are_refused(value):
    with pytest.raises(forms.ValidationError):
        validate_translations(value)


def test_translations_of_the_right_shape_pass():
    value = {"de": {"summary": "Kurz", "description": "Lang"}}
    assert validate_translations(value) == value
