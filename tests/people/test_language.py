"""The page language: the switcher's choice (its cookie), then the logged-in person's saved
language, then the browser's Accept-Language; the switcher saves a logged-in person's choice."""

import pytest
from django.conf import settings
from django.urls import reverse

from clustermeet.people.models import Person
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

HOME = "/"


def language_of(response) -> str:
    return response.headers["Content-Language"]


def test_the_24_official_languages_of_the_eu_are_offered():
    assert [code for code, _name in settings.LANGUAGES] == [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
        "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
    ]  # fmt: skip
    assert dict(settings.LANGUAGES)["cs"] == "čeština"


def test_an_anonymous_visitor_gets_the_browsers_first_choice(client):
    assert language_of(client.get(HOME, HTTP_ACCEPT_LANGUAGE="cs,en;q=0.5")) == "cs"
    assert language_of(client.get(HOME, HTTP_ACCEPT_LANGUAGE="ja")) == "en"


def test_a_logged_in_person_gets_their_saved_language(client):
    person = PersonFactory(language="de")
    client.force_login(person)
    assert language_of(client.get(HOME, HTTP_ACCEPT_LANGUAGE="fr")) == "de"


def test_a_person_without_a_saved_language_gets_the_browsers(client):
    client.force_login(PersonFactory(language=""))
    assert language_of(client.get(HOME, HTTP_ACCEPT_LANGUAGE="pl")) == "pl"


def test_the_switcher_sets_the_cookie_and_saves_a_logged_in_persons_choice(client):
    person = PersonFactory(language="de")
    client.force_login(person)

    response = client.post(reverse("set_language"), {"language": "cs", "next": "/events/"})

    assert response.status_code == 302
    assert response.url == "/events/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "cs"
    assert Person.objects.get(pk=person.pk).language == "cs"
    assert language_of(client.get(HOME)) == "cs"


def test_the_cookie_wins_over_the_saved_language(client):
    client.force_login(PersonFactory(language="de"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "it"
    assert language_of(client.get(HOME)) == "it"


def test_an_anonymous_switch_sets_only_the_cookie(client):
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert language_of(client.get(HOME)) == "fr"


def test_an_unknown_language_changes_nothing(client):
    person = PersonFactory(language="de")
    client.force_login(person)

    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})

    assert response.status_code == 302
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert Person.objects.get(pk=person.pk).language == "de"


def test_the_switcher_never_redirects_off_site(client):
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert response.url == "/"


def test_the_switcher_takes_post_only(client):
    assert client.get(reverse("set_language")).status_code == 405
