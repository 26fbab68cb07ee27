"""schemathesis against the app in-process (WSGI): every operation of the OpenAPI document,
five derandomised examples each, called as the organiser of the test world on its event (so
that the operations get past the event's lookup and their permission checks and reach their
code): no server error, and every
answer — status, content type, body — conforms to the document."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.api.world import build

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def organiser_token(db, settings):
    """The world, and its organiser's token. Requests reach the WSGI handler directly, not
    through Django's test client: as the client does, keep the request signals from closing
    the test's database connection (PostgreSQL would lose the test's transaction)."""
    settings.CLUSTERMEET_API_RATE = 100_000
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield build().tokens["organiser"]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=5,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
)
def test_the_api_conforms_to_its_document(case, organiser_token):
    if case.path_parameters and "slug" in case.path_parameters:
        # The world's event, so that the operations run past the event's lookup.
        case.path_parameters = {**case.path_parameters, "slug": "ecc"}
    case.call_and_validate(headers={"Authorization": f"Bearer {organiser_token}"}, checks=CHECKS)
