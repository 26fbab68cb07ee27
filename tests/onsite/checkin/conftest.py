"""Fixtures of the check-in tests: an event under way today (in its own time zone), its door
staff, and approved registrations with a valid badge."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.onsite.checkin.tokens import make_token, new_nonce
from clustermeet.onsite.models import Badge, DoorStaff
from clustermeet.people.models import Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory


def event_today(**kwargs):
    """An event whose first day is today in its time zone (Prague), two days long."""
    day = timezone.localtime(timezone.now(), dt.UTC).date()
    kwargs.setdefault("timezone", "Europe/Prague")
    return EventFactory(
        start_date=day - dt.timedelta(days=1), end_date=day + dt.timedelta(days=1), **kwargs
    )


def badged(event, *, roles=None, note="", **kwargs):
    """(registration, token): an approved registration with a valid badge."""
    registration = RegistrationFactory(event=event, roles=roles or [Role.PARTICIPANT], **kwargs)
    badge = Badge.objects.create(registration=registration, nonce=new_nonce(), note=note)
    return registration, make_token(event.pk, badge.nonce)


def door_staff_of(event, **kwargs):
    person = PersonFactory(**kwargs)
    DoorStaff.objects.create(event=event, person=person)
    return person


@pytest.fixture
def event(db):
    return event_today()


@pytest.fixture
def staff(event):
    return door_staff_of(event, first_name="Dora", last_name="Door")
