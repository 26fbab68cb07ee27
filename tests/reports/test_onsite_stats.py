"""The "onsite" figures of event_stats on a small hand-built event: each figure counts what its
docstring says, and nothing of another event."""

import datetime as dt

import pytest

from clustermeet.onsite.checkin.tokens import new_nonce
from clustermeet.onsite.models import Activity, Badge, Booking, CheckIn
from clustermeet.people.models import Registration
from clustermeet.reports.queries import event_stats, onsite_figures
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory
from tests.onsite.factories import ActivityFactory, BookingFactory

DAY_1, DAY_2 = dt.date(2022, 9, 26), dt.date(2022, 9, 27)
AT = dt.datetime(2022, 9, 26, 7, 0, tzinfo=dt.UTC)
STATUS = Booking.Status


def check_in(registration, day, method=CheckIn.Method.SCAN):
    return CheckIn.objects.create(
        event=registration.event,
        registration=registration,
        day=day,
        checked_in_at=dt.datetime.combine(day, dt.time(7), dt.UTC),
        method=method,
    )


@pytest.fixture
def event(db):
    """Four approved registrations (a, b, c, d) and a pending one. Check-ins: a on both days,
    b on the first, c on the second (4 rows, 3 people); d never came. Badges: a's reissued
    (one revoked, one valid), b and c valid, d none. Activities: two visits and a booked
    session. Bookings: on visit 1, two booked (one attended, one moved up from the waiting
    list), one offered (moved up), one waitlisted, one cancelled, one expired offer (moved
    up); on the session one booked and attended, one waitlisted. Another event has one of
    everything, counted nowhere."""
    event = EventFactory(slug="prague")
    a, b, c, _never_came = (RegistrationFactory(event=event) for _ in range(4))
    RegistrationFactory(event=event, status=Registration.Status.PENDING)
    check_in(a, DAY_1)
    check_in(a, DAY_2, CheckIn.Method.SEARCH)
    check_in(b, DAY_1, CheckIn.Method.KIOSK)
    check_in(c, DAY_2)
    Badge.objects.create(registration=a, nonce=new_nonce(), revoked_at=AT)
    for registration in (a, b, c):
        Badge.objects.create(registration=registration, nonce=new_nonce())

    first = ActivityFactory(event=event)
    ActivityFactory(event=event)
    session = ActivityFactory(
        event=event, kind=Activity.Kind.SESSION, session=SessionFactory(event=event)
    )
    BookingFactory(activity=first, status=STATUS.BOOKED, attended_at=AT)
    BookingFactory(activity=first, status=STATUS.BOOKED, promoted_at=AT)
    BookingFactory(activity=first, status=STATUS.OFFERED, promoted_at=AT, confirm_by=AT)
    BookingFactory(activity=first, status=STATUS.WAITLISTED)
    BookingFactory(activity=first, status=STATUS.CANCELLED, cancelled_at=AT)
    BookingFactory(activity=first, status=STATUS.EXPIRED, promoted_at=AT, confirm_by=AT)
    BookingFactory(activity=session, status=STATUS.BOOKED, attended_at=AT)
    BookingFactory(activity=session, status=STATUS.WAITLISTED)

    other = EventFactory(slug="elsewhere")
    stranger = RegistrationFactory(event=other, person=PersonFactory())
    check_in(stranger, DAY_1)
    Badge.objects.create(registration=stranger, nonce=new_nonce())
    BookingFactory(
        activity=ActivityFactory(event=other),
        status=STATUS.BOOKED,
        promoted_at=AT,
        attended_at=AT,
    )
    BookingFactory(activity=ActivityFactory(event=other), status=STATUS.WAITLISTED)
    return event


def test_onsite_figures(event, django_assert_num_queries):
    with django_assert_num_queries(5):
        figures = onsite_figures(event, expected=4)
    assert figures == {
        "checked_in": 3,
        "check_ins": 4,
        "per_day": {"2022-09-26": 2, "2022-09-27": 2},
        "expected": 4,
        "badges": 3,
        "site_visits": 2,
        "bookings": 4,
        "waitlisted": 2,
        "promoted": 3,
        "attended": 2,
    }


def test_event_stats_carries_the_onsite_figures_with_the_approved_as_expected(event):
    stats = event_stats(event)
    assert (stats["approved"], stats["onsite"]["expected"]) == (4, 4)
    assert stats["onsite"] == onsite_figures(event, expected=4)


def test_an_event_without_a_door(db):
    assert onsite_figures(EventFactory(slug="online"), expected=0) == {
        "checked_in": 0,
        "check_ins": 0,
        "per_day": {},
        "expected": 0,
        "badges": 0,
        "site_visits": 0,
        "bookings": 0,
        "waitlisted": 0,
        "promoted": 0,
        "attended": 0,
    }
