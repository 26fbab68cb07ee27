"""The booking reads: places and waiting lists counted in the query itself, positions by
subquery, the organisers' lists in order; each in a fixed number of queries."""

import pytest

from clustermeet.onsite.bookings import queries
from clustermeet.onsite.models import Activity, Booking
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, in_hours

pytestmark = pytest.mark.django_db
S = Booking.Status


def fill(activity, booked=0, offered=0, waiting=0, cancelled=0):
    made = {}
    for status, n in ((S.BOOKED, booked), (S.OFFERED, offered), (S.WAITLISTED, waiting)):
        made[status] = [
            BookingFactory(activity=activity, person=approved(activity.event), status=status)
            for _ in range(n)
        ]
    for _ in range(cancelled):
        BookingFactory(activity=activity, person=approved(activity.event), status=S.CANCELLED)
    return made


def test_visits_with_places_and_waiting_in_one_query(django_assert_num_queries):
    first = ActivityFactory(capacity=5, starts_at=in_hours(30), ends_at=in_hours(32))
    second = ActivityFactory(event=first.event, capacity=2)
    ActivityFactory(event=first.event, kind=Activity.Kind.SESSION)  # not a visit
    fill(first, booked=2, offered=1, cancelled=3)
    fill(second, booked=2, waiting=4)
    with django_assert_num_queries(1):
        listed = queries.visits(first.event)
        shown = [(a.pk, a.held, a.places_left, a.waiting) for a in listed]
    assert shown == [(first.pk, 3, 2, 0), (second.pk, 2, 0, 4)]
    assert (listed[0].duration_hours, listed[0].duration_minutes) == (2, 0)


def test_my_bookings_with_positions_in_one_query(django_assert_num_queries):
    first = ActivityFactory(capacity=1, starts_at=in_hours(30), ends_at=in_hours(32))
    second = ActivityFactory(event=first.event, capacity=1)
    fill(first, booked=1, waiting=2)
    fill(second, booked=1, waiting=4)
    person = approved(first.event)
    mine = [
        BookingFactory(activity=first, person=person, status=S.WAITLISTED),
        BookingFactory(activity=second, person=person, status=S.WAITLISTED),
    ]
    with django_assert_num_queries(1):
        found = queries.my_bookings(first.event, person)
        shown = [(b.pk, b.position, b.activity.title) for b in found]
    assert shown == [(mine[0].pk, 3, first.title), (mine[1].pk, 5, second.title)]


def test_activity_lists_in_one_query(django_assert_num_queries):
    visit = ActivityFactory(capacity=2)
    made = fill(visit, booked=1, offered=1, waiting=3, cancelled=1)
    with django_assert_num_queries(1):
        lists = queries.activity_lists(visit)
        names = [b.person.organisation for b in lists["booked"]]
    assert names == [None]
    assert [b.pk for b in lists["offered"]] == [b.pk for b in made[S.OFFERED]]
    assert [(b.pk, b.position) for b in lists["waitlisted"]] == [
        (b.pk, i) for i, b in enumerate(made[S.WAITLISTED], 1)
    ]
    assert [b.status for b in lists["ended"]] == [S.CANCELLED]


def test_language_names_follow_the_reader():
    from django.utils import translation

    with translation.override("cs"):
        assert queries.language_name("en") == "anglicky"
    assert queries.language_name("en") == "English"
    assert queries.language_name("xx") == "xx"
