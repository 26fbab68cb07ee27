"""The site's own error pages (templates/400, 403, 403_csrf, 404, 500.html): in the layout, saying
what happened and what to do, with a way back to the events."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path, reverse

from clustermeet.urls import urlpatterns as site_urlpatterns
from tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def broken(request):
    raise RuntimeError("boom")


def refused(request):
    raise PermissionDenied("Only the event's organisers open this page.")


# The site, plus two views that fail.
urlpatterns = [path("broken/", broken), path("refused/", refused), *site_urlpatterns]


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_an_unknown_address_gets_the_styled_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = text(response)
    assert '<h1 id="error-heading">Page not found</h1>' in page
    assert "Error 404" in page
    assert f'href="{reverse("events:index")}">Go to the list of events</a>' in page
    assert 'class="skip-link"' in page  # the site's layout, not Django's bare page


def test_a_403_says_why_and_who_is_logged_in(client):
    event = EventFactory(slug="ecc")
    person = RegistrationFactory(event=event, person__first_name="Ada").person
    client.force_login(person)

    response = client.get(reverse("matchmaking:organise", args=["ecc"]))

    assert response.status_code == 403
    page = text(response)
    assert '<h1 id="error-heading">You may not open this page</h1>' in page
    assert '<p class="error-reason">Only the event&#x27;s organisers open this page.</p>' in page
    assert f"You are logged in as {person.full_name}," in page


@pytest.mark.urls("tests.templates.test_error_pages")
def test_an_anonymous_403_offers_to_log_in(client):
    response = client.get("/refused/")

    assert response.status_code == 403
    page = text(response)
    assert "This page is only for logged-in participants, speakers or organisers." in page
    assert f'href="{reverse("people:login")}?next=/refused/">Log in</a>' in page


@pytest.mark.urls("tests.templates.test_error_pages")
def test_a_crash_gets_the_styled_500():
    client = Client(raise_request_exception=False)

    response = client.get("/broken/")

    assert response.status_code == 500
    page = text(response)
    assert '<h1 id="error-heading">Something went wrong on our side</h1>' in page
    assert "Try again in a moment." in page


def test_a_form_without_its_csrf_token_gets_the_expired_form_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("people:login"), {"email": "a@example.org"})

    assert response.status_code == 403
    page = text(response)
    assert '<h1 id="error-heading">The form has expired</h1>' in page
    assert "Nothing was saved." in page


def test_error_pages_are_in_the_visitors_language(client):
    response = client.get("/no-such-page/", headers={"accept-language": "fr"})

    assert response.status_code == 404
    assert '<html lang="fr"' in response.content.decode()
