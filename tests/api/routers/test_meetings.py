"""Meeting requests through the API: networking.meetings.services' rules and e-mails."""

import json

import pytest
from django.test import Client

from clustermeet.api import services
from clustermeet.api.models import ApiToken
from clustermeet.networking.models import Meeting, MeetingRequest
from tests.factories import EventFactory
from tests.networking.factories import MeetingRequestFactory, SlotFactory, participant

pytestmark = pytest.mark.django_db


def client_of(person) -> Client:
    text = services.create_token(person, name="app", scope=ApiToken.Scope.WRITE)[1]
    return Client(HTTP_AUTHORIZATION=f"Bearer {text}")


def post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


def body(response):
    return json.loads(response.content)


@pytest.fixture
def pair():
    event = EventFactory(upcoming=True, slug="ecc")
    return event, participant(event, slug="anna"), participant(event, slug="ben")


def test_send_then_accept(pair, mailoutbox, django_capture_on_commit_callbacks):
    event, anna, ben = pair
    slot = SlotFactory(event=event)
    with django_capture_on_commit_callbacks(execute=True):
        sent = post(
            client_of(anna),
            "/api/v1/events/ecc/me/meeting-requests",
            {"recipient": "ben", "message": "Coffee?", "slots": [slot.pk]},
        )
    assert sent.status_code == 201
    request = body(sent)
    assert (request["direction"], request["other"]["slug"], request["proposed_slots"][0]["id"]) == (
        "outgoing",
        "ben",
        slot.pk,
    )
    incoming = body(client_of(ben).get("/api/v1/events/ecc/me/meeting-requests"))["items"]
    assert [(r["id"], r["direction"]) for r in incoming] == [(request["id"], "incoming")]
    accepted = post(
        client_of(ben),
        f"/api/v1/events/ecc/me/meeting-requests/{request['id']}/accept",
        {"slot": slot.pk},
    )
    assert accepted.status_code == 200
    meeting = body(accepted)
    assert (meeting["status"], meeting["slot"]["id"], [p["slug"] for p in meeting["people"]]) == (
        "scheduled",
        slot.pk,
        ["anna"],
    )
    listed = body(client_of(anna).get("/api/v1/events/ecc/me/meetings"))["items"]
    assert [m["id"] for m in listed] == [meeting["id"]]
    assert [m.to for m in mailoutbox] == [[ben.email]]


def test_a_duplicate_request_is_refused_and_changes_nothing(pair):
    event, anna, ben = pair
    MeetingRequestFactory(event=event, sender=anna, recipient=ben)
    response = post(client_of(anna), "/api/v1/events/ecc/me/meeting-requests", {"recipient": "ben"})
    assert (response.status_code, body(response)["code"]) == (422, "duplicate")
    assert MeetingRequest.objects.count() == 1


def test_decline(pair):
    event, anna, ben = pair
    request = MeetingRequestFactory(event=event, sender=anna, recipient=ben)
    response = post(client_of(ben), f"/api/v1/events/ecc/me/meeting-requests/{request.pk}/decline")
    assert (response.status_code, body(response)["status"]) == (200, "declined")
    assert Meeting.objects.count() == 0


def test_an_unknown_slot_is_refused(pair):
    event, anna, ben = pair
    request = MeetingRequestFactory(event=event, sender=anna, recipient=ben)
    other_slot = SlotFactory()
    response = post(
        client_of(ben),
        f"/api/v1/events/ecc/me/meeting-requests/{request.pk}/accept",
        {"slot": other_slot.pk},
    )
    assert (response.status_code, body(response)["field"]) == (422, "slot")
    request.refresh_from_db()
    assert request.status == "pending"
