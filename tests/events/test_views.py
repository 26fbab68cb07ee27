import datetime as dt

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.people.models import Invitation
from tests.factories import EventFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_index_lists_public_events_upcoming_and_past(client, django_assert_num_queries):
    EventFactory(name="Past one", start_date=dt.date(2020, 1, 1), end_date=dt.date(2020, 1, 2))
    EventFactory(name="Future one", start_date=dt.date(2099, 1, 1), end_date=dt.date(2099, 1, 1))
    EventFactory(name="Hidden", visibility=Event.Visibility.INVITATION)
    EventFactory(name="Quiet", visibility=Event.Visibility.UNLISTED)

    with django_assert_num_queries(1):
        response = client.get(reverse("events:index"))

    assert [e.name for e in response.context["upcoming"]] == ["Future one"]
    assert [e.name for e in response.context["past"]] == ["Past one"]


def test_index_query_count_is_independent_of_event_count(client, django_assert_num_queries):
    guest = PersonFactory(email="guest@example.org")
    client.force_login(guest)
    client.get(reverse("events:index"))
    for n in range(20):
        event = EventFactory(visibility=Event.Visibility.INVITATION)
        if n % 2:
            Invitation.objects.create(event=event, email="guest@example.org")

    with django_assert_num_queries(3):  # session, user, events
        response = client.get(reverse("events:index"))

    assert len(response.context["past"]) == 10


def test_side_events_listed_on_parent_only_when_visible(client):
    parent = EventFactory(slug="ecc")
    EventFactory(slug="open-side", name="Matchmaking", parent=parent)
    EventFactory(
        slug="closed-side",
        name="Partnerships",
        parent=parent,
        visibility=Event.Visibility.INVITATION,
    )

    response = client.get(reverse("events:detail", args=["ecc"]))

    assert [e.name for e in response.context["side_events"]] == ["Matchmaking"]
    assert "Partnerships" not in response.content.decode()
    assert [e.name for e in client.get(reverse("events:index")).context["past"]] == [parent.name]


def test_the_organisers_links_on_the_event_page(client):
    from tests.factories import RegistrationFactory

    event = EventFactory(slug="ecc")
    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    participant = RegistrationFactory(event=event).person
    links = [
        reverse("dashboard:live", args=["ecc"]),
        reverse("hooks:list", args=["ecc"]),
        reverse("api:service_tokens", args=["ecc"]),
    ]
    client.force_login(participant)
    html = client.get(reverse("events:detail", args=["ecc"])).content.decode()
    assert [link in html for link in links] == [False, False, False]
    client.force_login(organiser)
    html = client.get(reverse("events:detail", args=["ecc"])).content.decode()
    assert [link in html for link in links] == [True, True, True]
