"""A vote category with three confirmed finalists, an organiser, a participant and a visitor."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.awards.factories import CategoryFactory, NominationFactory
from tests.factories import EventFactory, PersonFactory, RegistrationFactory


@pytest.fixture
def event(db):
    return EventFactory(slug="ecc")


@pytest.fixture
def organiser(event):
    return RegistrationFactory(event=event, roles=["organiser"]).person


@pytest.fixture
def participant(event):
    return RegistrationFactory(event=event).person


@pytest.fixture
def visitor(db):
    return PersonFactory()


@pytest.fixture
def category(event):
    """Shortlist confirmed yesterday, online window of the past week (closed an hour ago), no
    on-site window; three finalists and a fourth nomination that is not one."""
    now = timezone.now()
    category = CategoryFactory(
        event=event,
        slug="manager",
        name="Cluster Manager of the Year",
        shortlist_confirmed_at=now - dt.timedelta(days=8),
        online_opens_at=now - dt.timedelta(days=7),
        online_closes_at=now - dt.timedelta(hours=1),
    )
    for position, name in enumerate(["Antonio", "Uwe", "Corinne"]):
        NominationFactory(category=category, name=name, position=position, finalist=True)
    NominationFactory(category=category, name="Not shortlisted", position=9)
    return category
