"""Fixtures of the check-in tests: an event under way today (in its own time zone) and its door
staff (the builders are in tests/onsite/factories.py)."""

import pytest

from tests.onsite.factories import door_staff_of, event_today


@pytest.fixture
def event(db):
    return event_today()


@pytest.fixture
def staff(event):
    return door_staff_of(event, first_name="Dora", last_name="Door")
