"""Registrations through the API: the same service, validation and e-mails as the pages."""

import json

import pytest
from django.test import Client

from clustermeet.api import services
from clustermeet.api.models import ApiToken
from clustermeet.people.models import Person, Registration, Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup():
    event = EventFactory(upcoming=True, slug="ecc", requires_approval=True)
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    text = services.create_token(organiser, name="site", scope=ApiToken.Scope.WRITE)[1]
    return event, organiser, Client(HTTP_AUTHORIZATION=f"Bearer {text}")


def body(response):
    return json.loads(response.content)


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def test_create_makes_the_account_and_sends_the_email(
    setup, mailoutbox, django_capture_on_commit_callbacks
):
    _event, _organiser, client = setup
    with django_capture_on_commit_callbacks(execute=True):
        response = post(
            client,
            "/api/v1/events/ecc/registrations",
            {
                "email": "Nina@Example.org",
                "first_name": "Nina",
                "last_name": "Novak",
                "roles": ["participant", "speaker"],
            },
        )
    assert response.status_code == 201
    created = body(response)
    assert (created["status"], created["source"], created["roles"]) == (
        "pending",
        "admin",
        ["participant", "speaker"],
    )
    assert created["person"]["email"] == "nina@example.org"
    assert Person.objects.get(email="nina@example.org").first_name == "Nina"
    assert [m.to for m in mailoutbox] == [["nina@example.org"]]


def test_an_existing_person_is_registered_with_their_account(setup):
    event, _organiser, client = setup
    person = PersonFactory(email="known@example.org")
    response = post(
        client,
        "/api/v1/events/ecc/registrations",
        {"email": "known@example.org", "first_name": "X"},
    )
    assert response.status_code == 201
    assert Registration.objects.get(event=event, person=person).source == "admin"


def test_a_second_registration_is_refused_and_changes_nothing(setup):
    event, organiser, client = setup
    response = post(
        client, "/api/v1/events/ecc/registrations", {"email": organiser.email, "first_name": "X"}
    )
    assert (response.status_code, body(response)) == (
        422,
        {
            "code": "registration_refused",
            "message": "You are registered for this event already.",
            "field": None,
        },
    )
    assert event.registrations.count() == 1


def test_an_unknown_role_is_refused(setup):
    _event, _organiser, client = setup
    response = post(
        client,
        "/api/v1/events/ecc/registrations",
        {"email": "a@example.org", "first_name": "A", "roles": ["king"]},
    )
    assert (response.status_code, body(response)["field"]) == (422, "roles")
    assert Person.objects.filter(email="a@example.org").exists() is False


def test_approve_and_decline(setup, mailoutbox, django_capture_on_commit_callbacks):
    event, organiser, client = setup
    first = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    second = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=True):
        approved = post(client, f"/api/v1/events/ecc/registrations/{first.pk}/approve")
        declined = post(client, f"/api/v1/events/ecc/registrations/{second.pk}/decline")
    assert (body(approved)["status"], body(declined)["status"]) == ("approved", "declined")
    first.refresh_from_db()
    assert first.decided_by == organiser
    assert sorted(m.to[0] for m in mailoutbox) == sorted([first.person.email, second.person.email])
    # Declining an approved registration is refused, and changes nothing.
    refused = post(client, f"/api/v1/events/ecc/registrations/{first.pk}/decline")
    assert (refused.status_code, body(refused)["code"]) == (422, "invalid_transition")
    first.refresh_from_db()
    assert first.status == "approved"


def test_another_events_registration_is_not_found(setup):
    _event, _organiser, client = setup
    elsewhere = RegistrationFactory(status=Registration.Status.PENDING)
    response = post(client, f"/api/v1/events/ecc/registrations/{elsewhere.pk}/approve")
    assert response.status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == "pending"


def test_filters(setup):
    event, _organiser, client = setup
    RegistrationFactory(event=event, status=Registration.Status.PENDING)
    RegistrationFactory(event=event, roles=[Role.SPEAKER])
    statuses = [
        r["status"]
        for r in body(client.get("/api/v1/events/ecc/registrations?status=pending"))["items"]
    ]
    roles = [
        r["roles"]
        for r in body(client.get("/api/v1/events/ecc/registrations?role=speaker"))["items"]
    ]
    assert (statuses, roles) == (["pending"], [["speaker"]])
