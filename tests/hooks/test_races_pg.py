"""Real races of the webhook runners against PostgreSQL: threads with their own connections
attempt the same due delivery at once (the retry task and the sweep, or two sweeps). The claim
(one UPDATE … WHERE it is due) lets exactly one of them send; the receiver counts the requests.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import pytest
from django.utils import timezone

from clustermeet.hooks import delivery, services
from clustermeet.hooks.errors import HooksError
from clustermeet.hooks.models import Delivery, Endpoint
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.hooks.factories import DeliveryFactory, EndpointFactory

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]
TYPES = ["registration.created"]


def test_four_runners_at_once_send_a_due_delivery_once(receiver):
    endpoint = EndpointFactory(url=receiver.url)
    receiver.secret = endpoint.secret
    row = DeliveryFactory(endpoint=endpoint, next_attempt_at=timezone.now())

    results = run_together(4, lambda i: delivery.attempt(row.pk))

    assert sorted(r is not None for r in results) == [False, False, False, True]
    row.refresh_from_db()
    assert (row.state, row.attempts) == ("delivered", 1)
    assert [r.verified for r in receiver.received] == [True]


def test_a_committed_registration_emits_once_and_is_delivered(receiver):
    endpoint = EndpointFactory(url=receiver.url, event_types=["registration.created"])
    receiver.secret = endpoint.secret
    registration = RegistrationFactory(event=endpoint.event)

    services.emit(endpoint.event, "registration.created", registration.pk)  # autocommit

    row = Delivery.objects.get()
    assert (row.state, row.attempts) == ("delivered", 1)
    assert [r.verified for r in receiver.received] == [True]


def test_two_organisers_adding_the_same_address_at_once_make_one_endpoint():
    event = EventFactory()
    organisers = [PersonFactory(), PersonFactory()]

    def add(i):
        try:
            return services.create_endpoint(
                event, url="https://crm.example.org/hook", event_types=TYPES, by=organisers[i]
            ).pk
        except HooksError as error:
            return error.code

    results = run_together(2, add)

    (endpoint,) = Endpoint.objects.all()
    assert sorted(results, key=str) == sorted([endpoint.pk, "url"], key=str)
