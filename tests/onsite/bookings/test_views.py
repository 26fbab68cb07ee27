"""The booking pages: what each reader sees and may do, the organisers' lists and the bus page
(permissions), fixed query counts of the lists, and the booking box on a session page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from clustermeet.onsite.bookings import services
from clustermeet.onsite.checkin.tokens import make_token
from clustermeet.onsite.models import Booking, DoorStaff
from clustermeet.people.models import Role
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
)
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, badge_of, in_hours

pytestmark = pytest.mark.django_db
S = Booking.Status


@pytest.fixture
def visit():
    return ActivityFactory(
        capacity=1,
        title="Mechatronika",
        slug="mechatronika",
        host=OrganisationFactory(name="Mechatronika cluster"),
        meeting_point="Hall A, door 3",
        languages=["en", "cs"],
    )


def url(name, activity, **kwargs):
    return reverse(f"bookings:{name}", args=[activity.event.slug, activity.slug], **kwargs)


def visits_url(event):
    return reverse("bookings:visits", args=[event.slug])


def organiser_of(event):
    return approved(event, roles=[Role.ORGANISER])


def test_visits_list_for_anyone_shows_the_facts(client, visit):
    html = client.get(visits_url(visit.event)).content.decode()
    assert "Mechatronika cluster" in html
    assert "Hall A, door 3" in html
    assert "English, Czech" in html
    assert "3 hours" in html
    assert "1 place left" in html
    assert "Log in to book a place." in html
    assert 'value="book"' not in html


def test_language_names_in_the_readers_language(client, visit):
    person = approved(visit.event, person__language="de")
    client.force_login(person)
    html = client.get(visits_url(visit.event), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Englisch, Tschechisch" in html


def test_full_visit_shows_the_waiting_list_length(client, visit):
    BookingFactory(activity=visit, person=approved(visit.event))
    for _ in range(5):
        BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    client.force_login(approved(visit.event))
    html = client.get(visits_url(visit.event)).content.decode()
    assert "Full — 5 on the waiting list" in html
    assert "Join the waiting list" in html


def test_book_from_the_visit_page_then_see_the_status(client, visit):
    person = approved(visit.event)
    client.force_login(person)
    response = client.post(url("visit", visit), {"action": "book"})
    assert (response.status_code, response["Location"]) == (302, url("visit", visit))
    assert Booking.objects.get(person=person).status == S.BOOKED
    html = client.get(url("visit", visit)).content.decode()
    assert "Your place is booked." in html
    assert "You have a place." in html
    assert 'value="cancel"' in html
    assert "data-confirm=" in html


def test_waitlisted_person_sees_the_position_and_my_bookings(client, visit):
    BookingFactory(activity=visit, person=approved(visit.event))
    BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
    person = approved(visit.event)
    client.force_login(person)
    client.post(url("visit", visit), {"action": "book"})
    html = client.get(url("visit", visit)).content.decode()
    assert "You are number 2 on the waiting list." in html
    html = client.get(visits_url(visit.event)).content.decode()
    assert 'data-section="my-bookings"' in html
    assert "Number 2 on the waiting list" in html


def test_offered_place_is_confirmed_from_the_page(client, visit):
    person = approved(visit.event)
    booked = services.book(visit, approved(visit.event))
    waiting = services.book(visit, person)
    services.cancel(booked, booked.person)
    client.force_login(person)
    html = client.get(url("visit", visit)).content.decode()
    assert "A place is offered to you." in html
    assert "Confirm my place" in html
    client.post(url("visit", visit), {"action": "confirm", "booking": waiting.pk})
    waiting.refresh_from_db()
    assert waiting.status == S.BOOKED


def test_refusal_is_shown(client, visit):
    person = RegistrationFactory(event=visit.event, status="pending").person
    client.force_login(person)
    response = client.post(url("visit", visit), {"action": "book"}, follow=True)
    assert "Only approved participants of this event book places." in response.content.decode()
    assert Booking.objects.count() == 0


def test_someone_elses_booking_cannot_be_cancelled(client, visit):
    booking = BookingFactory(activity=visit, person=approved(visit.event))
    client.force_login(approved(visit.event))
    response = client.post(url("visit", visit), {"action": "cancel", "booking": booking.pk})
    assert response.status_code == 404
    booking.refresh_from_db()
    assert booking.status == S.BOOKED


def test_anonymous_post_is_refused(client, visit):
    assert client.post(url("visit", visit), {"action": "book"}).status_code == 403


@pytest.mark.parametrize("name", ["manage", "export_csv", "export_xlsx", "guide_pdf"])
def test_participants_and_door_staff_cannot_see_lists_or_exports(name, client, visit):
    staff = PersonFactory()
    DoorStaff.objects.create(event=visit.event, person=staff)
    for person in (approved(visit.event), staff):
        client.force_login(person)
        assert client.get(url(name, visit)).status_code == 403


@pytest.mark.parametrize("name", ["bus"])
def test_participants_cannot_open_the_bus_page(name, client, visit):
    client.force_login(approved(visit.event))
    assert client.get(url(name, visit)).status_code == 403
    assert client.post(url("bus_tick", visit), {"booking": 1}).status_code == 403


def test_manage_shows_the_lists_in_order(client, visit):
    booked = BookingFactory(activity=visit, person=approved(visit.event, person__last_name="Novak"))
    waiting = [
        BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)
        for _ in range(3)
    ]
    client.force_login(organiser_of(visit.event))
    response = client.get(url("manage", visit))
    lists = response.context["lists"]
    assert [b.pk for b in lists["booked"]] == [booked.pk]
    assert [(b.pk, b.position) for b in lists["waitlisted"]] == [
        (w.pk, i) for i, w in enumerate(waiting, 1)
    ]
    assert "Waiting list (3)" in response.content.decode()


def test_list_pages_run_a_fixed_number_of_queries(client, visit, django_assert_num_queries):
    organiser = organiser_of(visit.event)

    def add(n):
        for _ in range(n):
            other = ActivityFactory(event=visit.event)
            BookingFactory(activity=other, person=organiser)
            BookingFactory(activity=visit, person=approved(visit.event), status=S.WAITLISTED)

    add(1)
    client.force_login(organiser)
    counts = {}
    for name in ("visits", "manage", "bus"):
        target = visits_url(visit.event) if name == "visits" else url(name, visit)
        with CaptureQueriesContext(connection) as small:
            client.get(target)
        counts[name] = len(small.captured_queries)
    # One more each since the exhibition: the navigation asks whether the event has booths.
    assert counts == {"visits": 8, "manage": 7, "bus": 7}
    add(4)
    for name, count in counts.items():
        target = visits_url(visit.event) if name == "visits" else url(name, visit)
        with django_assert_num_queries(count):
            assert client.get(target).status_code == 200


def test_bus_tick_and_scan(client, visit):
    staff = PersonFactory()
    DoorStaff.objects.create(event=visit.event, person=staff)
    registration = RegistrationFactory(event=visit.event)
    booking = BookingFactory(activity=visit, person=registration.person)
    client.force_login(staff)
    html = client.get(url("bus", visit)).content.decode()
    assert "0 of 1 booked person here" in html
    response = client.post(
        url("bus_tick", visit), {"booking": booking.pk, "attended": "on"}, HTTP_HX_REQUEST="true"
    )
    assert 'aria-pressed="true"' in response.content.decode()
    client.post(url("bus_tick", visit), {"booking": booking.pk})
    booking.refresh_from_db()
    assert booking.attended_at is None
    token = make_token(visit.event.pk, badge_of(registration).nonce)
    response = client.post(url("bus_scan", visit), {"token": token}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert 'data-result="green"' in html
    assert 'hx-swap-oob="true"' in html
    booking.refresh_from_db()
    assert booking.attended_at is not None
    stranger = RegistrationFactory(event=visit.event)
    token = make_token(visit.event.pk, badge_of(stranger).nonce)
    response = client.post(url("bus_scan", visit), {"token": token}, HTTP_HX_REQUEST="true")
    assert 'data-result="red"' in response.content.decode()
    assert f"{stranger.person.full_name} is not on this list." in response.content.decode()


def test_session_page_shows_the_booking_box(client):
    session = SessionFactory(
        event=EventFactory(upcoming=True),
        title="Workshop",
        starts_at=in_hours(48),
        ends_at=in_hours(50),
    )
    organiser = organiser_of(session.event)
    activity = services.enable_session_booking(session, 5, by=organiser)
    person = approved(session.event)
    client.force_login(person)
    page = reverse("programme:session", args=[session.event.slug, session.slug])
    html = client.get(page).content.decode()
    assert "This session has 5 places: book one to take part." in html
    response = client.post(url("visit", activity), {"action": "book"})
    assert response["Location"] == page
    assert "You have a place." in client.get(page).content.decode()
    assert client.get(url("visit", activity))["Location"] == page


def test_session_without_booking_has_no_box(client):
    session = SessionFactory()
    page = reverse("programme:session", args=[session.event.slug, session.slug])
    assert "session-booking" not in client.get(page).content.decode()


def test_hidden_sessions_booking_is_hidden_too(client):
    from clustermeet.programme.models import Session

    session = SessionFactory(
        event=EventFactory(upcoming=True),
        visibility=Session.Visibility.HIDDEN,
        starts_at=in_hours(48),
        ends_at=in_hours(50),
    )
    activity = services.enable_session_booking(session, 5, by=organiser_of(session.event))
    client.force_login(approved(session.event))
    assert client.post(url("visit", activity), {"action": "book"}).status_code == 404
    assert Booking.objects.count() == 0


def test_links_to_the_lists_and_the_bus_by_role(client, visit):
    manage, bus = url("manage", visit), url("bus", visit)
    staff = PersonFactory()
    DoorStaff.objects.create(event=visit.event, person=staff)
    seen = {}
    for who, person in (
        ("organiser", organiser_of(visit.event)),
        ("door", staff),
        ("participant", approved(visit.event)),
    ):
        client.force_login(person)
        html = client.get(visits_url(visit.event)).content.decode()
        seen[who] = (manage in html, bus in html)
    assert seen == {
        "organiser": (True, True),
        "door": (False, True),
        "participant": (False, False),
    }
