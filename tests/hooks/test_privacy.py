"""The webhooks' privacy declaration: who added an endpoint is exported and forgotten."""

import pytest

from clustermeet.hooks import privacy
from tests.factories import PersonFactory
from tests.hooks.factories import EndpointFactory

pytestmark = pytest.mark.django_db


def test_export_and_erase_the_endpoints_a_person_added():
    person = PersonFactory()
    endpoint = EndpointFactory(created_by=person, url="https://crm.example.org/a")
    EndpointFactory(created_by=PersonFactory())
    exported = privacy.export(person)
    assert exported == {
        "webhook_endpoints_added": [
            {
                "event": endpoint.event.name,
                "address": "https://crm.example.org/a",
                "added_at": endpoint.created_at.isoformat(),
            }
        ]
    }
    assert privacy.erase(person) == {"webhook_endpoints": 1}
    endpoint.refresh_from_db()
    assert endpoint.created_by is None
