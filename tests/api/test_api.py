"""The API's common behaviour: pagination, ETags, rate limits, errors, CSRF with the session,
404 for what the caller may not know exists."""

import json

import pytest
from django.test import Client

from clustermeet.api import services
from clustermeet.events.models import Event
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def body(response) -> dict:
    return json.loads(response.content)


def test_cursor_pagination_walks_every_item_once():
    event = EventFactory(slug="ecc")
    for n in range(7):
        SessionFactory(event=event, slug=f"s{n}")
    client, seen, url = Client(), [], "/api/v1/events/ecc/sessions?limit=3"
    pages = 0
    while url:
        page = body(client.get(url))
        seen += [s["slug"] for s in page["items"]]
        url, pages = page["next"], pages + 1
    assert (pages, sorted(seen)) == (3, [f"s{n}" for n in range(7)])


def test_the_next_link_keeps_the_filters():
    EventFactory(slug="a", start_date="2020-01-01", end_date="2020-01-02")
    EventFactory(slug="b", start_date="2021-01-01", end_date="2021-01-02")
    page = body(Client().get("/api/v1/events?limit=1&ordering=start_date"))
    assert [e["slug"] for e in page["items"]] == ["a"]
    assert "ordering=start_date" in page["next"]
    assert [e["slug"] for e in body(Client().get(page["next"]))["items"]] == ["b"]
    assert body(Client().get(page["next"]))["next"] is None


@pytest.mark.parametrize("cursor", ["nonsense", "eyJ4Ijox", ""])
def test_a_forged_cursor_is_refused(cursor):
    EventFactory()
    response = Client().get(f"/api/v1/events?cursor={cursor}x")
    assert (response.status_code, body(response)) == (
        422,
        {"code": "invalid_cursor", "message": "This cursor is not valid.", "field": "cursor"},
    )


def test_limit_is_at_most_100():
    response = Client().get("/api/v1/events?limit=101")
    assert (response.status_code, body(response)["code"], body(response)["field"]) == (
        422,
        "invalid",
        "limit",
    )


def test_reads_carry_an_etag_and_answer_304():
    EventFactory(slug="ecc")
    first = Client().get("/api/v1/events/ecc")
    etag = first["ETag"]
    assert etag.startswith('W/"')
    again = Client().get("/api/v1/events/ecc", HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", etag)
    Event.objects.filter(slug="ecc").update(name="Renamed")
    changed = Client().get("/api/v1/events/ecc", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_anonymous_callers_are_limited_by_address(settings):
    settings.CLUSTERMEET_API_ANONYMOUS_RATE = 3
    client = Client(REMOTE_ADDR="10.0.0.1")
    assert [client.get("/api/v1/series").status_code for _ in range(3)] == [200, 200, 200]
    refused = client.get("/api/v1/series")
    assert (refused.status_code, body(refused)["code"]) == (429, "rate_limited")
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert Client(REMOTE_ADDR="10.0.0.2").get("/api/v1/series").status_code == 200
    # A made-up X-Forwarded-For does not reset the count.
    spoofed = client.get("/api/v1/series", HTTP_X_FORWARDED_FOR="192.0.2.7")
    assert spoofed.status_code == 429


def test_tokens_are_limited_each_on_their_own(settings):
    settings.CLUSTERMEET_API_RATE = 2
    person = PersonFactory()
    first = Client(HTTP_AUTHORIZATION=f"Bearer {services.create_token(person, name='a')[1]}")
    second = Client(HTTP_AUTHORIZATION=f"Bearer {services.create_token(person, name='b')[1]}")
    assert [first.get("/api/v1/series").status_code for _ in range(3)] == [200, 200, 429]
    assert second.get("/api/v1/series").status_code == 200


def test_an_invitation_only_event_is_not_found_for_others():
    EventFactory(slug="secret", visibility=Event.Visibility.INVITATION)
    response = Client().get("/api/v1/events/secret/sessions")
    assert (response.status_code, body(response)) == (
        404,
        {"code": "not_found", "message": "Not found.", "field": None},
    )


def test_validation_errors_name_the_field():
    event = EventFactory(upcoming=True, slug="ecc")
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    client = Client()
    client.force_login(organiser)
    response = client.post(
        "/api/v1/events/ecc/registrations",
        {"email": "not an address", "first_name": "Nina"},
        content_type="application/json",
    )
    assert (response.status_code, body(response)) == (
        422,
        {"code": "invalid", "message": "Enter a valid e-mail address.", "field": "email"},
    )


def test_the_session_needs_the_csrf_token_for_unsafe_methods():
    event = EventFactory(upcoming=True, slug="ecc")
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    client = Client(enforce_csrf_checks=True)
    client.force_login(organiser)
    assert client.get("/api/v1/events/ecc/registrations").status_code == 200
    response = client.post(
        "/api/v1/events/ecc/registrations",
        {"email": "new@example.org", "first_name": "Nina"},
        content_type="application/json",
    )
    assert (response.status_code, body(response)["code"]) == (403, "csrf_failed")
    assert event.registrations.count() == 1
    client.get("/accounts/api-tokens/")  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/api/v1/events/ecc/registrations",
        {"email": "new@example.org", "first_name": "Nina"},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 201


def test_a_body_that_is_not_json_is_a_bad_request():
    event = EventFactory(upcoming=True, slug="ecc")
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    client = Client()
    client.force_login(organiser)
    response = client.post(
        "/api/v1/events/ecc/registrations", b"{not json", content_type="application/json"
    )
    assert (response.status_code, body(response)["code"]) == (400, "bad_request")
    assert event.registrations.count() == 1


def test_the_document_allows_anonymous_calls_and_names_the_token_format():
    document = Client().get("/api/v1/openapi.json").json()
    assert document["paths"]["/api/v1/events"]["get"]["security"] == [
        {"TokenAuth": []},
        {"SessionAuth": []},
        {},
    ]
    assert document["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "cm_<prefix>_<secret>",
    }


def test_a_method_an_address_does_not_take_gets_the_json_error():
    EventFactory(slug="ecc")
    response = Client().delete("/api/v1/events/ecc")
    assert (response.status_code, body(response), response["Allow"]) == (
        405,
        {
            "code": "method_not_allowed",
            "message": "This address does not take a DELETE request.",
            "field": None,
        },
        "GET",
    )


def test_a_405_outside_the_api_is_left_alone():
    response = Client().put("/i18n/setlang/")
    assert (response.status_code, response["Content-Type"].split(";")[0]) == (405, "text/html")
