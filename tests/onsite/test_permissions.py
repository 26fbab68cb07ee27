"""The on-site permissions: one rule each (onsite.permissions)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from clustermeet.onsite import permissions
from clustermeet.onsite.checkin.tokens import new_nonce
from clustermeet.onsite.models import Badge, DoorStaff
from clustermeet.people.models import Registration, Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_organisers_and_staff_are_organisers_no_one_else():
    event = EventFactory()
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    pending = RegistrationFactory(
        event=event, roles=[Role.ORGANISER], status=Registration.Status.PENDING
    ).person
    participant = RegistrationFactory(event=event).person
    door = PersonFactory()
    DoorStaff.objects.create(event=event, person=door)
    assert permissions.is_organiser(organiser, event) is True
    assert permissions.is_organiser(PersonFactory(is_staff=True), event) is True
    assert permissions.is_organiser(pending, event) is False
    assert permissions.is_organiser(participant, event) is False
    assert permissions.is_organiser(door, event) is False
    assert permissions.is_organiser(AnonymousUser(), event) is False


def test_door_staff_are_the_events_check_in_staff_and_its_organisers():
    event, other = EventFactory(), EventFactory()
    door = PersonFactory()
    DoorStaff.objects.create(event=event, person=door)
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    assert permissions.is_door_staff(door, event) is True
    assert permissions.is_door_staff(door, other) is False
    assert permissions.is_door_staff(organiser, event) is True
    assert permissions.is_door_staff(RegistrationFactory(event=event).person, event) is False
    assert permissions.is_door_staff(AnonymousUser(), event) is False
    assert permissions.is_door_staff(None, event) is False


def test_a_badge_is_seen_by_its_owner_and_the_organisers_only():
    event = EventFactory()
    registration = RegistrationFactory(event=event)
    badge = Badge.objects.create(registration=registration, nonce=new_nonce())
    door = PersonFactory()
    DoorStaff.objects.create(event=event, person=door)
    assert permissions.can_see_badge(registration.person, badge) is True
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    assert permissions.can_see_badge(organiser, badge) is True
    assert permissions.can_see_badge(RegistrationFactory(event=event).person, badge) is False
    assert permissions.can_see_badge(door, badge) is False
    assert permissions.can_see_badge(AnonymousUser(), badge) is False
