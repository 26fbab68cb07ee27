"""The published paper at /events/<event>/output-paper/: its public sections only, for anyone
who may see the event; a 404 while it is a draft; never an unconsented participant; the link on
the event's page; a fixed number of queries whatever the event's size."""

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.paper import services
from clustermeet.people.models import Role
from tests.factories import PersonFactory, RegistrationFactory
from tests.paper.awards_data import HIDDEN_FINALIST, add_awards
from tests.paper.data import PUBLIC_AUTHORITIES, SECRET_EMAIL, SECRET_NAME, build

pytestmark = pytest.mark.django_db


def published(size=1, public=("glance", "polls", "awards"), **kwargs):
    built = build(size, **kwargs)
    add_awards(built.event, built.organiser, size)
    order = ["glance", "programme", "polls", "cafes", "networking", "awards"]
    services.set_sections(built.event, built.organiser, order, list(public))
    services.publish(built.event, built.organiser)
    return built


def url(event):
    return reverse("paper:public", args=[event.slug])


def test_not_found_while_a_draft(client):
    built = build()
    assert client.get(url(built.event)).status_code == 404
    services.set_sections(built.event, built.organiser, ["glance"], ["glance"])
    assert client.get(url(built.event)).status_code == 404
    client.force_login(built.organiser)
    assert client.get(url(built.event)).status_code == 404


def test_a_visitor_reads_the_public_sections_only(client):
    built = published()
    response = client.get(url(built.event))
    html = response.content.decode()
    assert response.status_code == 200
    assert [s.key for s in response.context["sections"]] == ["glance", "polls", "awards"]
    assert html.count("<h1") == 1
    assert "<h1>European Cluster Conference 2020: the output paper</h1>" in html
    assert PUBLIC_AUTHORITIES in html
    assert "Cluster Manager of the Year" in html
    assert "High-level opening" not in html  # the programme is not public
    assert reverse("paper:edit", args=[built.event.slug]) not in html


@pytest.mark.parametrize("roles", [[Role.PARTICIPANT], [Role.JURY], [Role.ORGANISER]])
def test_everyone_who_may_see_the_event_reads_the_same(client, roles):
    built = published()
    person = (
        built.organiser
        if Role.ORGANISER in roles
        else RegistrationFactory(event=built.event, roles=roles).person
    )
    client.force_login(person)
    response = client.get(url(built.event))
    assert [s.key for s in response.context["sections"]] == ["glance", "polls", "awards"]
    edit = reverse("paper:edit", args=[built.event.slug])
    assert (edit in response.content.decode()) == (Role.ORGANISER in roles)


def test_never_an_unconsented_participant_nor_an_unrevealed_award(client):
    built = published(public=("glance", "programme", "polls", "cafes", "networking", "awards"))
    html = client.get(url(built.event)).content.decode()
    assert SECRET_EMAIL not in html
    assert SECRET_NAME[1] not in html
    assert HIDDEN_FINALIST not in html
    assert "Not revealed yet" not in html


def test_an_event_one_may_not_see_is_not_found(client):
    built = published()
    Event.objects.filter(pk=built.event.pk).update(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())
    assert client.get(url(built.event)).status_code == 404


def test_the_event_page_links_it_once_published(client):
    built = build()
    detail = reverse("events:detail", args=[built.event.slug])
    assert url(built.event) not in client.get(detail).content.decode()
    services.publish(built.event, built.organiser)
    assert url(built.event) in client.get(detail).content.decode()


@pytest.mark.parametrize("size", [1, 3])
def test_the_same_queries_whatever_the_size(client, size, django_assert_num_queries):
    built = published(size)
    with django_assert_num_queries(PUBLIC_QUERIES):
        client.get(url(built.event))


# the event, the paper, the public sections' figures (at a glance 23, polls 3, awards 3) and
# the event bar's one
PUBLIC_QUERIES = 32


def test_the_pdf_link_is_the_published_papers(client):
    built = published()
    html = client.get(url(built.event)).content.decode()
    assert reverse("paper:pdfs:public", args=[built.event.slug]) in html


def test_the_tables_are_linked_and_the_comparison_only_for_a_series(client):
    from clustermeet.events.models import Series

    built = published()
    html = client.get(url(built.event)).content.decode()
    assert reverse("paper:exports:index", args=[built.event.slug]) in html
    assert reverse("paper:compare:index", args=[built.event.slug]) not in html
    built.event.series = Series.objects.create(slug="ecc", name="ECC")
    built.event.save()
    html = client.get(url(built.event)).content.decode()
    assert reverse("paper:compare:index", args=[built.event.slug]) in html
