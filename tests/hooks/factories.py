"""factory_boy factories of the webhook models."""

import uuid

import factory

from clustermeet.hooks import events
from clustermeet.hooks.models import Delivery, Endpoint
from tests.factories import EventFactory


class EndpointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Endpoint

    event = factory.SubFactory(EventFactory)
    url = factory.Sequence(lambda n: f"https://crm{n}.example.org/clustermeet")
    event_types = factory.LazyFunction(lambda: list(events.CATALOGUE))
    secret = factory.Sequence(lambda n: f"secret-{n:040d}")


class DeliveryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delivery

    endpoint = factory.SubFactory(EndpointFactory)
    event_type = "registration.created"
    event_id = factory.LazyFunction(uuid.uuid4)
    payload = factory.LazyAttribute(
        lambda o: {"id": str(o.event_id), "type": o.event_type, "data": {"registration": {}}}
    )
