"""The back office of bookings: the activity list counts places and waiting lists, a session's
booking takes the session's title and times, more places move the waiting list up, and the
bookings list cancels through the service."""

import pytest
from django.urls import reverse

from clustermeet.onsite.models import Activity, Booking
from tests.factories import EventFactory, PersonFactory, SessionFactory
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, in_hours

pytestmark = pytest.mark.django_db
S = Booking.Status


@pytest.fixture
def staff(client):
    person = PersonFactory(is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def test_activity_list_shows_held_places_and_waiting(client, staff):
    visit = ActivityFactory(capacity=1, title="Nanoprogress")
    BookingFactory(activity=visit, person=approved(visit.event))
    BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    response = client.get(reverse("admin:onsite_activity_changelist"))
    [row] = response.context["cl"].result_list
    assert (row.held, row.waiting) == (1, 1)
    page = client.get(reverse("admin:onsite_activity_change", args=[visit.pk]))
    assert page.status_code == 200


def test_session_booking_from_the_back_office(client, staff):
    session = SessionFactory(
        event=EventFactory(upcoming=True),
        title="Workshop",
        starts_at=in_hours(30),
        ends_at=in_hours(32),
    )
    response = client.post(
        reverse("admin:onsite_activity_add"),
        {
            "event": session.event.pk,
            "kind": "session",
            "session": session.pk,
            "slug": "workshop",
            "capacity": 12,
            "confirm_hours": 24,
            "languages": "[]",
            "bookings-TOTAL_FORMS": 0,
            "bookings-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    activity = Activity.objects.get()
    assert (activity.title, activity.starts_at, activity.capacity) == (
        "Workshop",
        session.starts_at,
        12,
    )


def test_more_places_from_the_back_office_move_the_waiting_list(client, staff):
    visit = ActivityFactory(capacity=1)
    BookingFactory(activity=visit, person=approved(visit.event))
    waiting = BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    data = {
        "event": visit.event.pk,
        "kind": "visit",
        "title": visit.title,
        "slug": visit.slug,
        "place": visit.place,
        "meeting_point": visit.meeting_point,
        "starts_at_0": visit.starts_at.astimezone().strftime("%Y-%m-%d"),
        "starts_at_1": visit.starts_at.astimezone().strftime("%H:%M:%S"),
        "ends_at_0": visit.ends_at.astimezone().strftime("%Y-%m-%d"),
        "ends_at_1": visit.ends_at.astimezone().strftime("%H:%M:%S"),
        "capacity": 2,
        "confirm_hours": 24,
        "languages": '["en"]',
        "bookings-TOTAL_FORMS": 2,
        "bookings-INITIAL_FORMS": 2,
    }
    for i, booking in enumerate(Booking.objects.order_by("queued_at", "pk")):
        data[f"bookings-{i}-id"] = booking.pk
        data[f"bookings-{i}-activity"] = visit.pk
    response = client.post(reverse("admin:onsite_activity_change", args=[visit.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    waiting.refresh_from_db()
    assert waiting.status == S.OFFERED


def test_cancel_action_promotes_the_next(client, staff):
    visit = ActivityFactory(capacity=1)
    booked = BookingFactory(activity=visit, person=approved(visit.event))
    waiting = BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    client.post(
        reverse("admin:onsite_booking_changelist"),
        {"action": "cancel_bookings", "_selected_action": [booked.pk]},
    )
    booked.refresh_from_db()
    waiting.refresh_from_db()
    assert (booked.status, waiting.status) == (S.CANCELLED, S.OFFERED)
