"""Tokens: stored hashed, shown once, looked up by prefix; revoked, expired, malformed and
unknown tokens are refused (401); a read token may not write, an event's token sees that event
only, a service token acts as its organiser on its event and has no agenda."""

import datetime as dt
import hashlib
import json

import pytest
from django.test import Client
from django.utils import timezone

from clustermeet.api import queries, services, tokens
from clustermeet.api.errors import TokenError
from clustermeet.api.models import ApiToken
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def bearer(text: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {text}")


def body(response) -> dict:
    return json.loads(response.content)


def test_the_secret_is_stored_as_its_sha256_only():
    person = PersonFactory()
    token, text = services.create_token(person, name="CRM")
    prefix, secret = tokens.parse(text)
    assert text == f"cm_{token.prefix}_{secret}"
    assert prefix == token.prefix
    assert token.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in json.dumps(list(ApiToken.objects.values()), default=str)
    assert queries.token_for(text) == token


def test_a_wrong_secret_with_a_known_prefix_finds_nothing():
    token, _text = services.create_token(PersonFactory(), name="CRM")
    forged = f"cm_{token.prefix}_{'A' * 43}"
    assert queries.token_for(forged) is None
    response = bearer(forged).get("/api/v1/events")
    assert (response.status_code, body(response)["code"]) == (401, "invalid_token")


@pytest.mark.parametrize("header", ["Bearer nonsense", "Basic abc", "Bearer "])
def test_malformed_authorization_is_refused_not_anonymous(header):
    response = Client(HTTP_AUTHORIZATION=header).get("/api/v1/events")
    assert (response.status_code, body(response)["code"]) == (401, "invalid_token")


def test_a_revoked_token_is_refused():
    token, text = services.create_token(PersonFactory(), name="CRM")
    services.revoke(token)
    response = bearer(text).get("/api/v1/events")
    assert (response.status_code, body(response)) == (
        401,
        {"code": "token_revoked", "message": "This API token was revoked.", "field": None},
    )


def test_an_expired_token_is_refused():
    token, text = services.create_token(
        PersonFactory(), name="CRM", expires_at=timezone.now() + dt.timedelta(days=1)
    )
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    response = bearer(text).get("/api/v1/events")
    assert (response.status_code, body(response)["code"]) == (401, "token_expired")


def test_an_erased_persons_token_is_refused():
    person = PersonFactory()
    _token, text = services.create_token(person, name="CRM")
    person.erased_at = timezone.now()
    person.save()
    assert bearer(text).get("/api/v1/events").status_code == 401


def test_use_is_recorded_at_most_once_a_minute(django_assert_num_queries):
    token, text = services.create_token(PersonFactory(), name="CRM")
    client = bearer(text)
    assert client.get("/api/v1/series").status_code == 200
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    assert client.get("/api/v1/series").status_code == 200
    token.refresh_from_db()
    assert token.last_used_at == first


def test_a_read_token_may_not_write():
    event = EventFactory(upcoming=True)
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    _token, text = services.create_token(organiser, name="read")
    response = bearer(text).post(
        f"/api/v1/events/{event.slug}/registrations",
        {"email": "new@example.org", "first_name": "Nina"},
        content_type="application/json",
    )
    assert (response.status_code, body(response)["code"]) == (403, "token_scope")
    assert event.registrations.count() == 1


def test_an_event_token_sees_its_event_only():
    mine, other = EventFactory(slug="mine"), EventFactory(slug="theirs")
    person = PersonFactory()
    _token, text = services.create_token(person, name="one event", event=mine)
    client = bearer(text)
    assert [e["slug"] for e in body(client.get("/api/v1/events"))["items"]] == ["mine"]
    assert client.get("/api/v1/events/mine").status_code == 200
    response = client.get("/api/v1/events/theirs")
    assert (response.status_code, body(response)["code"]) == (403, "token_scope")
    assert other.slug == "theirs"


def test_a_service_token_acts_as_its_organiser_on_its_event():
    event = EventFactory(upcoming=True, slug="ecc")
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    token, text = services.create_service_token(event, organiser, name="Registration site")
    assert (token.service, token.event, token.created_by) == (True, event, organiser)
    client = bearer(text)
    assert client.get("/api/v1/events/ecc/registrations").status_code == 200
    response = client.get("/api/v1/events/ecc/me/agenda")
    assert (response.status_code, body(response)["code"]) == (403, "service_token")
    # The organiser steps down: the token loses the rights with them.
    organiser.registrations.get(event=event).roles.set(Role.objects.filter(code=Role.PARTICIPANT))
    assert client.get("/api/v1/events/ecc/registrations").status_code == 403


def test_only_organisers_create_service_tokens():
    event = EventFactory()
    participant = RegistrationFactory(event=event).person
    with pytest.raises(TokenError) as refused:
        services.create_service_token(event, participant, name="x")
    assert refused.value.code == "forbidden"
    assert ApiToken.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"name": "  "}, "name"),
        ({"name": "x" * 101}, "name"),
        ({"name": "x", "scope": "admin"}, "scope"),
        ({"name": "x", "expires_at": dt.datetime(2000, 1, 1, tzinfo=dt.UTC)}, "expires_at"),
    ],
)
def test_refused_tokens_change_nothing(fields, code):
    with pytest.raises(TokenError) as refused:
        services.create_token(PersonFactory(), **fields)
    assert refused.value.code == code
    assert ApiToken.objects.count() == 0


def test_revoking_twice_keeps_the_first_time():
    token, _text = services.create_token(PersonFactory(), name="CRM")
    first = services.revoke(token).revoked_at
    assert services.revoke(token).revoked_at == first


def test_messages_are_in_the_tokens_persons_language_unless_the_tool_asks():
    event = EventFactory(slug="ecc")
    person = PersonFactory(language="cs")
    RegistrationFactory(event=event, person=person, status="pending")
    _token, text = services.create_token(person, name="app")
    czech = "Schůzky si mohou rezervovat pouze schválení účastníci této akce."
    assert body(bearer(text).get("/api/v1/events/ecc/me/meetings"))["message"] == czech
    english = bearer(text).get("/api/v1/events/ecc/me/meetings", HTTP_ACCEPT_LANGUAGE="en")
    assert body(english)["message"] == "Only approved participants of this event book meetings."
