"""The token pages: "My API tokens" and an event's service tokens — who may open them, the token
shown once, revoking, and their queries."""

import pytest
from django.test import Client
from django.urls import reverse

from clustermeet.api import services
from clustermeet.api.models import ApiToken
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def logged_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_my_tokens_needs_a_login():
    response = Client().get(reverse("api:tokens"))
    assert (response.status_code, response["Location"].split("?")[0]) == (302, "/accounts/login/")


def test_creating_shows_the_token_once():
    person = PersonFactory()
    client = logged_in(person)
    response = client.post(
        reverse("api:tokens"), {"name": "CRM", "scope": "write", "expires": "30"}
    )
    assert response.status_code == 200
    text = response.context["created"]
    token = ApiToken.objects.get()
    assert (token.name, token.scope, token.person, token.expires_at is not None) == (
        "CRM",
        "write",
        person,
        True,
    )
    assert text.startswith(f"cm_{token.prefix}_")
    assert text in response.content.decode()
    again = client.get(reverse("api:tokens"))
    assert text not in again.content.decode()
    assert f"cm_{token.prefix}_…" in again.content.decode()


def test_an_invalid_form_creates_nothing():
    client = logged_in(PersonFactory())
    response = client.post(reverse("api:tokens"), {"name": "", "scope": "write"})
    assert (response.status_code, ApiToken.objects.count()) == (200, 0)
    assert response.context["form"].errors["name"] == ["This field is required."]


def test_revoking_my_token_and_not_someone_elses():
    mine, _ = services.create_token(PersonFactory(), name="mine")
    theirs, _ = services.create_token(PersonFactory(), name="theirs")
    client = logged_in(mine.person)
    assert client.post(reverse("api:revoke", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("api:revoke", args=[mine.pk])).status_code == 302
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert (mine.revoked_at is not None, theirs.revoked_at) == (True, None)


def test_my_tokens_page_queries(django_assert_num_queries):
    person = PersonFactory()
    event = EventFactory()
    for n in range(5):
        services.create_token(person, name=f"t{n}", event=event if n % 2 else None)
    client = logged_in(person)
    with django_assert_num_queries(5):  # session, person, tokens, events organised, events
        assert client.get(reverse("api:tokens")).status_code == 200


@pytest.fixture
def event_roles():
    event = EventFactory(upcoming=True, slug="ecc")
    return {
        "event": event,
        "organiser": RegistrationFactory(event=event, roles=[Role.ORGANISER]).person,
        "participant": RegistrationFactory(event=event).person,
        "visitor": PersonFactory(),
    }


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("visitor", 403), ("participant", 403), ("organiser", 200)],
)
def test_service_tokens_are_for_organisers(event_roles, role, status):
    client = Client() if role == "anonymous" else logged_in(event_roles[role])
    assert client.get(reverse("api:service_tokens", args=["ecc"])).status_code == status


def test_an_organiser_creates_and_another_revokes_a_service_token(event_roles):
    event, organiser = event_roles["event"], event_roles["organiser"]
    response = logged_in(organiser).post(
        reverse("api:service_tokens", args=["ecc"]), {"name": "Site", "scope": "read"}
    )
    token = ApiToken.objects.get()
    assert (token.service, token.event, token.created_by) == (True, event, organiser)
    assert response.context["created"].startswith(f"cm_{token.prefix}_")
    other = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    participant = logged_in(event_roles["participant"])
    url = reverse("api:revoke_service_token", args=["ecc", token.pk])
    assert participant.post(url).status_code == 403
    assert logged_in(other).post(url).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_service_tokens_page_queries(event_roles, django_assert_num_queries):
    event, organiser = event_roles["event"], event_roles["organiser"]
    for n in range(4):
        services.create_service_token(event, organiser, name=f"s{n}")
    client = logged_in(organiser)
    with django_assert_num_queries(6):
        assert client.get(reverse("api:service_tokens", args=["ecc"])).status_code == 200


def test_organisers_find_their_events_service_tokens(event_roles):
    response = logged_in(event_roles["organiser"]).get(reverse("api:tokens"))
    assert f'href="{reverse("api:service_tokens", args=["ecc"])}"' in response.content.decode()
    response = logged_in(event_roles["participant"]).get(reverse("api:tokens"))
    assert "Service tokens of the events you organise" not in response.content.decode()


def test_my_page_links_the_tokens():
    response = logged_in(PersonFactory()).get(reverse("people:me"))
    assert f'href="{reverse("api:tokens")}"' in response.content.decode()


def test_the_docs_page_loads_nothing_from_elsewhere():
    html = Client().get("/api/v1/docs").content.decode()
    assert "/static/clustermeet/vendor/swagger-ui/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html
