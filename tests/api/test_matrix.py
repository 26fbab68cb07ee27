"""The permission matrix: every operation of the OpenAPI document, called as each role, answers
the status of ONE table (operation id × role). A new operation fails
`test_every_operation_is_in_the_table` until it has its row."""

import json

import pytest
from django.test import Client

from tests.api.world import ROLES, bodies, build, client_for, path_params

# anonymous, participant (booth staff; answers the request), other participant (sent it),
# organiser, a read-only token of the organiser scoped to another event.
PUBLIC = (200, 200, 200, 200, 403)
LISTED = (200, 200, 200, 200, 200)
ORGANISERS = (401, 403, 403, 200, 403)
PARTICIPANTS = (401, 200, 200, 200, 403)

TABLE = {
    "events_list": LISTED,
    "events_get": PUBLIC,
    "series_list": LISTED,
    "sessions_list": PUBLIC,
    "sessions_get": PUBLIC,
    "speakers_list": PUBLIC,
    "rooms_list": PUBLIC,
    "tags_list": PUBLIC,
    "registrations_list": ORGANISERS,
    "registrations_get": ORGANISERS,
    "registrations_create": (401, 403, 403, 201, 403),
    "registrations_approve": ORGANISERS,
    "registrations_decline": ORGANISERS,
    "directory_list": PARTICIPANTS,
    "polls_list": PUBLIC,
    "harvest_get": ORGANISERS,
    "agenda_list": PARTICIPANTS,
    "meetings_list": PARTICIPANTS,
    "meeting_requests_list": PARTICIPANTS,
    "meeting_requests_create": (401, 201, 201, 201, 403),
    # The participant answers; the sender may not (403); the organiser is not part of it (404).
    "meeting_requests_accept": (401, 200, 403, 404, 403),
    "meeting_requests_decline": (401, 200, 403, 404, 403),
    "offers_list": PARTICIPANTS,
    "booths_list": PUBLIC,
    "leads_list": (401, 200, 403, 403, 403),
    "awards_list": PUBLIC,
    "checkins_list": ORGANISERS,
    "paper_get": PUBLIC,
}


def _operations() -> list[tuple[str, str, str]]:
    from clustermeet.api.api import api

    schema = api.get_openapi_schema()
    return sorted(
        (op["operationId"], method, path)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    )


OPERATIONS = _operations()


def test_every_operation_is_in_the_table():
    assert sorted(op for op, _method, _path in OPERATIONS) == sorted(TABLE)


def test_the_document_is_served():
    response = Client().get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert json.loads(response.content)["info"]["version"] == "1"


@pytest.mark.django_db
@pytest.mark.parametrize(("operation", "method", "path"), OPERATIONS)
def test_permission_matrix(operation, method, path):
    world = build()
    params, body = path_params(world), bodies(world).get(operation)
    url = path.format(**params)
    got = {}
    for role in ROLES:
        # Each role meets the world as it was: writes are undone by a savepoint.
        from django.db import transaction

        sid = transaction.savepoint()
        client = client_for(world, role)
        if method == "get":
            response = client.get(url)
        else:
            response = client.generic(
                method.upper(), url, json.dumps(body or {}), content_type="application/json"
            )
        got[role] = response.status_code
        transaction.savepoint_rollback(sid)
    assert tuple(got[role] for role in ROLES) == TABLE[operation], got
