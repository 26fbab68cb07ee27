"""Real races against PostgreSQL: threads, each with its own database connection, call the
booking services at the same moment (`run_together`). Nothing is mocked: the row locks, the
partial unique constraint and the transactions are PostgreSQL's. Skipped on SQLite, which
serialises every writer; run with `python -m tests.harness.postgres -- pytest …`."""

from collections import Counter

import pytest
from django.core import mail

from clustermeet.onsite.bookings import services
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Booking
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, in_hours

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]
S = Booking.Status


def outcome(call) -> tuple:
    try:
        booking = call()
    except OnsiteError as error:
        return ("refused", error.code)
    return (booking.status, booking.pk)


def test_fifty_people_booking_twenty_places_at_once():
    """Exactly 20 booked, 30 waiting in the order the lock let them in, never 21."""
    visit = ActivityFactory(capacity=20)
    people = [approved(visit.event) for _ in range(50)]

    results = run_together(50, lambda i: outcome(lambda: services.book(visit, people[i])))

    assert Counter(kind for kind, _pk in results) == {S.BOOKED: 20, S.WAITLISTED: 30}
    bookings = list(Booking.objects.filter(activity=visit).order_by("queued_at", "pk"))
    assert [b.status for b in bookings] == [S.BOOKED] * 20 + [S.WAITLISTED] * 30
    stamps = [b.queued_at for b in bookings]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 50  # strictly ordered: each read its time under the lock
    waiting = [b for b in bookings if b.status == S.WAITLISTED]
    assert [services.position(b) for b in waiting] == list(range(1, 31))
    assert Booking.objects.filter(activity=visit, status__in=Booking.HOLDS_PLACE).count() == 20


def test_concurrent_cancellations_promote_exactly_as_many_as_left():
    """10 of 20 booked people cancel at once: the first 10 of the waiting list are offered a
    place, each e-mailed once; the 11th onwards keep waiting."""
    visit = ActivityFactory(capacity=20)
    booked = [
        BookingFactory(activity=visit, person=approved(visit.event), queued_at=in_hours(-2))
        for _ in range(20)
    ]
    waiting = [
        BookingFactory(
            activity=visit,
            person=approved(visit.event),
            status=S.WAITLISTED,
            queued_at=in_hours(-1 + i / 100),
        )
        for i in range(15)
    ]
    leaving = booked[:10]

    run_together(10, lambda i: services.cancel(leaving[i], leaving[i].person))

    statuses = dict(Booking.objects.filter(activity=visit).values_list("pk", "status"))
    assert [statuses[b.pk] for b in waiting] == [S.OFFERED] * 10 + [S.WAITLISTED] * 5
    assert [statuses[b.pk] for b in leaving] == [S.CANCELLED] * 10
    assert Booking.objects.filter(activity=visit, status__in=Booking.HOLDS_PLACE).count() == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(b.person.email for b in waiting[:10])


def test_one_person_booking_two_overlapping_visits_at_once_gets_one():
    first = ActivityFactory(starts_at=in_hours(48), ends_at=in_hours(51))
    second = ActivityFactory(event=first.event, starts_at=in_hours(49), ends_at=in_hours(52))
    person = approved(first.event)
    visits = [first, second] * 5  # ten attempts at once, five at each visit

    results = run_together(10, lambda i: outcome(lambda: services.book(visits[i], person)))

    assert Booking.objects.filter(person=person, status__in=Booking.ACTIVE).count() == 1
    booked_at = Booking.objects.get(person=person).activity
    codes = Counter(code for kind, code in results if kind == "refused")
    assert codes == {"already_booked": 4, "overlap": 5}
    assert sum(1 for kind, _ in results if kind == S.BOOKED) == 1
    assert booked_at in (first, second)


def test_expiry_runners_at_once_expire_and_promote_once():
    visit = ActivityFactory(capacity=3)
    for _ in range(2):
        BookingFactory(activity=visit, person=approved(visit.event))
    offer = BookingFactory(
        activity=visit, person=approved(visit.event), status=S.OFFERED, confirm_by=in_hours(-1)
    )
    nxt = BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)

    results = run_together(4, lambda i: services.expire_offers())

    assert sorted(pk for r in results for pk in r) == [offer.pk]
    nxt.refresh_from_db()
    assert nxt.status == S.OFFERED
    assert len(mail.outbox) == 2  # the expiry and the new offer, once each


def test_newcomers_booking_while_a_place_frees_up_join_the_end_of_the_list():
    """A booked person cancels while 5 newcomers book: the freed place goes to the first on the
    waiting list, never to a newcomer; the newcomers queue behind, in their lock order."""
    visit = ActivityFactory(capacity=2)
    booked = BookingFactory(activity=visit, person=approved(visit.event), queued_at=in_hours(-2))
    BookingFactory(activity=visit, person=approved(visit.event), queued_at=in_hours(-2))
    first = BookingFactory(
        activity=visit, person=approved(visit.event), status=S.WAITLISTED, queued_at=in_hours(-1)
    )
    newcomers = [approved(visit.event) for _ in range(5)]

    def work(i):
        if i == 0:
            return outcome(lambda: services.cancel(booked, booked.person))
        return outcome(lambda: services.book(visit, newcomers[i - 1]))

    results = run_together(6, work)

    assert Counter(kind for kind, _pk in results[1:]) == {S.WAITLISTED: 5}
    first.refresh_from_db()
    assert first.status == S.OFFERED
    waiting = Booking.objects.filter(activity=visit, status=S.WAITLISTED).order_by("queued_at")
    assert [services.position(b) for b in waiting] == [1, 2, 3, 4, 5]
