"""Fixtures of the meetings tests: a virtual event, two approved participants, three slots."""

import pytest

from clustermeet.events.models import Event
from tests.factories import EventFactory
from tests.networking.factories import SlotFactory, participant


@pytest.fixture
def event(db):
    return EventFactory(slug="ecc", format=Event.Format.VIRTUAL)


@pytest.fixture
def alice(event):
    return participant(event, first_name="Alice", last_name="Andersen")


@pytest.fixture
def bob(event):
    return participant(event, first_name="Bob", last_name="Berg")


@pytest.fixture
def slots(event):
    return [SlotFactory(event=event) for _ in range(3)]
