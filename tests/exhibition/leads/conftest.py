"""Fixtures of the leads tests: a booth at an event under way today, its staff, a visitor."""

import pytest

from tests.exhibition.factories import BoothFactory, staff_of
from tests.onsite.factories import approved, event_today


@pytest.fixture
def event(db):
    return event_today()


@pytest.fixture
def booth(event):
    return BoothFactory(event=event, name="Acme Cluster")


@pytest.fixture
def staff(booth):
    return staff_of(booth, person__first_name="Stan", person__last_name="Staff")


@pytest.fixture
def visitor(event):
    return approved(
        event,
        person__first_name="Vera",
        person__last_name="Visitor",
        person__email="vera@example.org",
        person__job_title="Innovation manager",
    )
