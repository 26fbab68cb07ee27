"""The comparison page: who opens it, what it shows, a fixed number of queries."""

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.events.models import Event, Series
from clustermeet.paper.models import Paper
from clustermeet.people.models import Role
from tests.factories import EventFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def series():
    return Series.objects.create(slug="ecc", name="European Cluster Conference")


def edition(series, year: int, **kwargs) -> Event:
    event = EventFactory(
        series=series,
        slug=f"ecc-{year}",
        name=f"ECC {year}",
        start_date=dt.date(year, 11, 10),
        end_date=dt.date(year, 11, 11),
        **kwargs,
    )
    SessionFactory(event=event)
    RegistrationFactory.create_batch(year - 2018, event=event)
    return event


def url(event):
    return reverse("paper:compare:index", args=[event.slug])


def test_the_visitors_comparison_of_published_papers(series):
    first, second = edition(series, 2020), edition(series, 2022)
    Paper.objects.create(event=first, status=Paper.Status.PUBLISHED)
    Paper.objects.create(event=second, status=Paper.Status.PUBLISHED, public_sections=["polls"])
    response = Client().get(url(second))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert "<h1>European Cluster Conference: the editions compared</h1>" in html
    assert '<a href="/events/ecc-2020/" aria-label="ECC 2020" title="ECC 2020">2020</a>' in html
    assert (
        '<tr><th scope="row">Participants</th><td class="num">2</td><td class="num">—</td></tr>'
        in html
    )
    assert (
        '<tr><th scope="row">Sessions</th><td class="num">1</td><td class="num">—</td></tr>' in html
    )
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert "Editions you do not organise show the figures" in html


def test_an_organiser_of_all_editions_sees_all(series):
    first, second = edition(series, 2020), edition(series, 2022)
    organiser = RegistrationFactory(event=first, roles=[Role.ORGANISER]).person
    RegistrationFactory(event=second, person=organiser, roles=[Role.ORGANISER])
    client = Client()
    client.force_login(organiser)
    html = client.get(url(first)).content.decode()
    # the organiser's own registrations count as participants
    assert (
        '<tr><th scope="row">Participants</th><td class="num">3</td><td class="num">5</td></tr>'
        in html
    )
    assert "Editions you do not organise" not in html


@pytest.mark.parametrize("role", [None, Role.PARTICIPANT, Role.JURY, Role.SPEAKER])
def test_nothing_published_is_not_found_to_anyone_but_organisers(series, role):
    event = edition(series, 2020)
    Paper.objects.create(event=event)
    client = Client()
    if role:
        client.force_login(RegistrationFactory(event=event, roles=[role]).person)
    assert client.get(url(event)).status_code == 404


def test_an_event_outside_a_series_is_not_found():
    event = EventFactory()
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    assert Client().get(url(event)).status_code == 404


def test_an_invitation_only_edition_is_not_found(series):
    event = edition(series, 2020, visibility=Event.Visibility.INVITATION)
    Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    assert Client().get(url(event)).status_code == 404


@pytest.mark.parametrize("count", [2, 3])
def test_the_page_in_a_fixed_number_of_queries(series, count, django_assert_num_queries):
    events = [edition(series, 2020 + 2 * i) for i in range(count)]
    for event in events:
        Paper.objects.create(event=event, status=Paper.Status.PUBLISHED)
    with django_assert_num_queries(13):
        Client().get(url(events[0]))
