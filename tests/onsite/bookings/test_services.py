"""The booking rules: places, the waiting list and its order, cancellations promoting the first
in line, confirmations, expiry, overlaps, deadlines, who may book; attendance at the bus."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from clustermeet.onsite.bookings import services
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.errors import OnsiteError
from clustermeet.onsite.models import Activity, Booking, DoorStaff
from clustermeet.people.models import Registration, Role
from tests.factories import EventFactory, PersonFactory, RegistrationFactory, SessionFactory
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, badge_of, in_hours

pytestmark = pytest.mark.django_db
S = Booking.Status


def refused(call) -> str:
    with pytest.raises(OnsiteError) as error:
        call()
    return error.value.code


@pytest.fixture
def visit():
    return ActivityFactory(capacity=2, title="Mechatronika")


def people(event, n):
    return [approved(event) for _ in range(n)]


def statuses(activity):
    return list(
        Booking.objects.filter(activity=activity)
        .order_by("queued_at", "pk")
        .values_list("status", flat=True)
    )


def test_book_until_full_then_waiting_list_in_order(visit):
    a, b, c, d = people(visit.event, 4)
    bookings = [services.book(visit, p) for p in (a, b, c, d)]
    assert [x.status for x in bookings] == [S.BOOKED, S.BOOKED, S.WAITLISTED, S.WAITLISTED]
    assert [services.position(x) for x in bookings] == [None, None, 1, 2]
    assert bookings[2].queued_at < bookings[3].queued_at


def test_second_booking_of_the_same_activity_is_refused_with_the_position(visit):
    a, b, c = people(visit.event, 3)
    services.book(visit, a)
    services.book(visit, b)
    services.book(visit, c)
    with pytest.raises(OnsiteError) as error:
        services.book(visit, c)
    assert error.value.code == "already_waitlisted"
    assert str(error.value) == "You are already on the waiting list (number 1)."
    assert refused(lambda: services.book(visit, a)) == "already_booked"
    assert Booking.objects.filter(activity=visit).count() == 3


def test_only_approved_participants_book(visit):
    pending = RegistrationFactory(event=visit.event, status=Registration.Status.PENDING).person
    stranger = PersonFactory()
    assert refused(lambda: services.book(visit, pending)) == "not_participant"
    assert refused(lambda: services.book(visit, stranger)) == "not_participant"
    assert Booking.objects.count() == 0


def test_no_booking_after_the_deadline_or_the_departure():
    closed = ActivityFactory(booking_deadline=in_hours(-1))
    gone = ActivityFactory(starts_at=in_hours(-1), ends_at=in_hours(1))
    assert refused(lambda: services.book(closed, approved(closed.event))) == "closed"
    assert refused(lambda: services.book(gone, approved(gone.event))) == "departed"


def test_overlapping_booking_is_refused_naming_the_other_visit():
    first = ActivityFactory(title="Clutex", starts_at=in_hours(48), ends_at=in_hours(51))
    event = first.event
    overlapping = ActivityFactory(event=event, starts_at=in_hours(50), ends_at=in_hours(52))
    after = ActivityFactory(event=event, starts_at=in_hours(51), ends_at=in_hours(53))
    person = approved(event)
    services.book(first, person)
    with pytest.raises(OnsiteError) as error:
        services.book(overlapping, person)
    assert error.value.code == "overlap"
    assert str(error.value) == "You have booked “Clutex” at the same time: cancel it first."
    assert services.book(after, person).status == S.BOOKED  # touching ends do not overlap


def test_a_waiting_list_place_also_counts_as_overlapping(visit):
    people(visit.event, 0)
    for p in people(visit.event, 2):
        services.book(visit, p)
    person = approved(visit.event)
    assert services.book(visit, person).status == S.WAITLISTED
    other = ActivityFactory(event=visit.event, starts_at=visit.starts_at, ends_at=visit.ends_at)
    assert refused(lambda: services.book(other, person)) == "overlap"


def test_cancelled_booking_of_another_visit_does_not_overlap(visit):
    person = approved(visit.event)
    booking = services.book(visit, person)
    services.cancel(booking, person)
    other = ActivityFactory(event=visit.event, starts_at=visit.starts_at, ends_at=visit.ends_at)
    assert services.book(other, person).status == S.BOOKED


def test_cancel_promotes_the_first_waiting_and_mails_them(
    visit, mailoutbox, django_capture_on_commit_callbacks
):
    a, b, c, d = people(visit.event, 4)
    booked = services.book(visit, a)
    services.book(visit, b)
    first = services.book(visit, c)
    second = services.book(visit, d)
    before = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(booked, a)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.OFFERED
    assert second.status == S.WAITLISTED
    assert services.position(second) == 1
    assert before <= first.promoted_at
    assert first.confirm_by == first.promoted_at + dt.timedelta(hours=24)
    assert [m.to for m in mailoutbox] == [[c.email]]


def test_offer_deadline_never_after_the_departure():
    visit = ActivityFactory(capacity=1, starts_at=in_hours(5), ends_at=in_hours(8))
    a, b = people(visit.event, 2)
    booked = services.book(visit, a)
    waiting = services.book(visit, b)
    services.cancel(booked, a)
    waiting.refresh_from_db()
    assert waiting.confirm_by == visit.starts_at


def test_cancelling_a_waiting_place_promotes_nobody(
    visit, mailoutbox, django_capture_on_commit_callbacks
):
    a, b, c, d = people(visit.event, 4)
    for p in (a, b):
        services.book(visit, p)
    waiting = services.book(visit, c)
    services.book(visit, d)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(waiting, c)
    assert statuses(visit) == [S.BOOKED, S.BOOKED, S.CANCELLED, S.WAITLISTED]
    assert mailoutbox == []


def test_only_the_person_or_an_organiser_cancels(visit):
    a = approved(visit.event)
    other = approved(visit.event)
    organiser = approved(visit.event, roles=[Role.ORGANISER])
    booking = services.book(visit, a)
    assert refused(lambda: services.cancel(booking, other)) == "forbidden"
    assert services.cancel(booking, organiser).status == S.CANCELLED
    assert refused(lambda: services.cancel(booking, a)) == "not_active"


def test_confirm_an_offer(visit):
    a, b, c = people(visit.event, 3)
    booked = services.book(visit, a)
    services.book(visit, b)
    offered = services.book(visit, c)
    services.cancel(booked, a)
    offered.refresh_from_db()
    assert refused(lambda: services.confirm(offered, b)) == "forbidden"
    assert services.confirm(offered, c).status == S.BOOKED
    assert refused(lambda: services.confirm(offered, c)) == "already_booked"


def test_confirm_after_the_deadline_is_refused(visit):
    person = approved(visit.event)
    offer = BookingFactory(
        activity=visit, person=person, status=S.OFFERED, confirm_by=in_hours(-0.1)
    )
    assert refused(lambda: services.confirm(offer, person)) == "offer_expired"
    waiting = BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    assert refused(lambda: services.confirm(waiting, waiting.person)) == "not_offered"


def test_expired_offer_goes_to_the_next_person(
    visit, mailoutbox, django_capture_on_commit_callbacks
):
    a, b, c, d = people(visit.event, 4)
    booked = services.book(visit, a)
    services.book(visit, b)
    first = services.book(visit, c)
    second = services.book(visit, d)
    services.cancel(booked, a)
    first.refresh_from_db()
    assert services.expire_offers(now=first.confirm_by - dt.timedelta(seconds=1)) == []
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_offers(now=first.confirm_by) == [first.pk]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.EXPIRED
    assert second.status == S.OFFERED
    assert sorted(m.to[0] for m in mailoutbox) == sorted([c.email, d.email])
    assert services.expire_offers(now=first.confirm_by) == []  # once


def test_expire_command(visit, capsys):
    person = approved(visit.event)
    offer = BookingFactory(activity=visit, person=person, status=S.OFFERED, confirm_by=in_hours(-1))
    call_command("expire_booking_offers")
    offer.refresh_from_db()
    assert offer.status == S.EXPIRED
    assert capsys.readouterr().out == "1 booking offer(s) expired.\n"


def test_newcomer_does_not_jump_the_waiting_list(visit):
    a, b, c = people(visit.event, 3)
    services.book(visit, a)
    services.book(visit, b)
    services.book(visit, c)
    Activity.objects.filter(pk=visit.pk).update(capacity=3)  # a free place nobody was given
    late = services.book(visit, approved(visit.event))
    assert late.status == S.WAITLISTED
    assert services.position(late) == 2


def test_more_places_go_to_the_waiting_list():
    visit = ActivityFactory(capacity=1)
    organiser = approved(visit.event, roles=[Role.ORGANISER])
    a, b, c = people(visit.event, 3)
    for p in (a, b, c):
        services.book(visit, p)
    services.set_capacity(visit, 2, by=organiser)
    assert statuses(visit) == [S.BOOKED, S.OFFERED, S.WAITLISTED]
    assert refused(lambda: services.set_capacity(visit, 3, by=a)) == "forbidden"


def test_mark_attended_by_door_staff_and_organisers_only(visit):
    person = approved(visit.event)
    booking = services.book(visit, person)
    staff = PersonFactory()
    DoorStaff.objects.create(event=visit.event, person=staff)
    assert refused(lambda: services.mark_attended(booking, person)) == "forbidden"
    assert services.mark_attended(booking, staff).attended_at is not None
    assert services.mark_attended(booking, staff, attended=False).attended_at is None


def test_mark_attended_by_badge_token(visit):
    staff = approved(visit.event, roles=[Role.ORGANISER])
    registration = RegistrationFactory(event=visit.event)
    badge = badge_of(registration)
    booking = services.book(visit, registration.person)
    token = make_token(visit.event.pk, badge.nonce)
    assert services.mark_attended_by_token(visit, token, staff).pk == booking.pk
    booking.refresh_from_db()
    assert booking.attended_at is not None


def test_badge_token_refusals(visit):
    staff = approved(visit.event, roles=[Role.ORGANISER])
    registration = RegistrationFactory(event=visit.event)
    name = registration.person.full_name
    badge = badge_of(registration)
    token = make_token(visit.event.pk, badge.nonce)
    other_event = make_token(EventFactory().pk, badge.nonce)
    assert refused(lambda: services.mark_attended_by_token(visit, "forged", staff)) == (
        "invalid_token"
    )
    assert refused(lambda: services.mark_attended_by_token(visit, other_event, staff)) == (
        "invalid_token"
    )
    with pytest.raises(OnsiteError) as error:
        services.mark_attended_by_token(visit, token, staff)
    assert (error.value.code, str(error.value)) == ("not_on_list", f"{name} is not on this list.")
    services.book(visit, registration.person)
    badge.revoked_at = timezone.now()
    badge.save()
    assert refused(lambda: services.mark_attended_by_token(visit, token, staff)) == "revoked"


def test_enable_and_disable_session_booking():
    session = SessionFactory(event=EventFactory(upcoming=True), title="Workshop")
    organiser = approved(session.event, roles=[Role.ORGANISER])
    participant = approved(session.event)
    assert (
        refused(lambda: services.enable_session_booking(session, 10, by=participant)) == "forbidden"
    )
    activity = services.enable_session_booking(session, 10, by=organiser)
    assert (activity.kind, activity.title, activity.capacity, activity.place) == (
        Activity.Kind.SESSION,
        "Workshop",
        10,
        session.room.name,
    )
    assert (activity.starts_at, activity.ends_at) == (session.starts_at, session.ends_at)
    assert services.enable_session_booking(session, 12, by=organiser).pk == activity.pk
    BookingFactory(activity=activity, person=participant)
    assert (
        refused(lambda: services.disable_session_booking(session, by=organiser)) == "has_bookings"
    )
    Booking.objects.all().delete()
    services.disable_session_booking(session, by=organiser)
    assert Activity.objects.count() == 0
