"""What the event's navigation offers of the on-site day (onsite.queries.nav_facts)."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.events.models import Event
from clustermeet.exhibition.models import Booth
from clustermeet.onsite.models import Activity, DoorStaff
from clustermeet.onsite.queries import NavFacts, nav_facts
from clustermeet.people.models import Registration, Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    return EventFactory(format=Event.Format.HYBRID)


def add_visit(event):
    start = timezone.now() + dt.timedelta(days=3)
    return Activity.objects.create(
        event=event,
        slug="visit",
        title="Visit",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=3),
        capacity=20,
    )


def test_an_online_event_asks_once_whether_it_has_an_exhibition(django_assert_num_queries):
    # One query since the exhibition: an online event's bar shows "Exhibition" when it has booths.
    event = EventFactory(format=Event.Format.VIRTUAL)
    person = RegistrationFactory(event=event).person
    with django_assert_num_queries(1):
        assert nav_facts(person, event) == NavFacts()
    Booth.objects.create(event=event, name="Booth", slug="booth")
    with django_assert_num_queries(1):
        assert nav_facts(person, event) == NavFacts(booths=True)


def test_an_event_on_site_with_booths_says_so_in_its_one_query(event, django_assert_num_queries):
    Booth.objects.create(event=event, name="Booth", slug="booth")
    person = RegistrationFactory(event=event).person
    with django_assert_num_queries(1):
        assert nav_facts(person, event) == NavFacts(ticket=True, registered=True, booths=True)
    assert nav_facts(None, event) == NavFacts(booths=True)


def test_an_anonymous_visitor_sees_the_site_visits_only(event, django_assert_num_queries):
    add_visit(event)
    with django_assert_num_queries(1):
        assert nav_facts(None, event) == NavFacts(site_visits=True)


def test_an_approved_participant_has_a_ticket(event, django_assert_num_queries):
    person = RegistrationFactory(event=event).person
    with django_assert_num_queries(1):
        assert nav_facts(person, event) == NavFacts(ticket=True, registered=True)


def test_a_pending_registration_has_no_ticket(event):
    person = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    assert nav_facts(person, event) == NavFacts()


def test_door_staff_without_a_registration_work_the_door_only(event):
    person = PersonFactory()
    DoorStaff.objects.create(event=event, person=person)
    assert nav_facts(person, event) == NavFacts(door=True)
    other = EventFactory(format=Event.Format.HYBRID)
    assert nav_facts(person, other) == NavFacts()


def test_organisers_and_staff_work_the_door(event):
    organiser = RegistrationFactory(event=event, roles=[Role.ORGANISER]).person
    staff = PersonFactory(is_staff=True)
    assert nav_facts(organiser, event) == NavFacts(ticket=True, door=True, registered=True)
    assert nav_facts(staff, event) == NavFacts(door=True, registered=True)
