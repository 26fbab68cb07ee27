"""The organisers' preview and PDF: who may open them, what they show, a fixed number of
queries whatever the event's size."""

import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.paper.data import PUBLIC_AUTHORITIES, SECRET_EMAIL, build

pytestmark = pytest.mark.django_db


def urls(event):
    return [reverse(f"paper:{name}", args=[event.slug]) for name in ("preview", "pdfs:organisers")]


def test_a_visitor_is_asked_to_log_in():
    event = EventFactory()
    for url in urls(event):
        response = Client().get(url)
        assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


@pytest.mark.parametrize(
    "roles", [[Role.PARTICIPANT], [Role.SPEAKER], [Role.JURY], [Role.EXHIBITOR]]
)
def test_participants_speakers_jurors_and_exhibitors_may_not(client, roles):
    event = EventFactory()
    client.force_login(RegistrationFactory(event=event, roles=roles).person)
    for url in urls(event):
        response = client.get(url)
        assert response.status_code == 403
        assert (
            "Only the event&#x27;s organisers open the output paper." in response.content.decode()
        )


def test_an_organiser_of_another_event_may_not(client):
    event, other = EventFactory(), EventFactory()
    client.force_login(RegistrationFactory(event=other, roles=[Role.ORGANISER]).person)
    assert [client.get(url).status_code for url in urls(event)] == [403, 403]


def test_an_event_one_may_not_see_is_not_found(client):
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())
    assert [client.get(url).status_code for url in urls(event)] == [404, 404]


def test_the_organisers_preview(client):
    built = build()
    client.force_login(built.organiser)
    response = client.get(reverse("paper:preview", args=[built.event.slug]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<h1>Output paper: preview</h1>" in html
    assert PUBLIC_AUTHORITIES in html
    assert reverse("paper:pdfs:organisers", args=[built.event.slug]) in html
    assert SECRET_EMAIL not in html


def test_staff_open_it_too_with_the_link_to_the_editor(client):
    built = build()
    client.force_login(PersonFactory(is_staff=True))
    html = client.get(reverse("paper:preview", args=[built.event.slug])).content.decode()
    assert reverse("paper:edit", args=[built.event.slug]) in html


@pytest.mark.parametrize("size", [1, 3])
def test_the_preview_runs_the_same_queries_whatever_the_size(
    client, size, django_assert_num_queries
):
    built = build(size)
    client.force_login(built.organiser)
    with django_assert_num_queries(PREVIEW_QUERIES):
        client.get(reverse("paper:preview", args=[built.event.slug]))


# The document's 48, the session and the account, the organiser check, the navigation.
PREVIEW_QUERIES = 53
