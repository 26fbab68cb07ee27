"""The beat job that expires unconfirmed offers, and its entry in the beat schedule."""

import pytest

from clustermeet.celery_app import app
from clustermeet.onsite.bookings import tasks
from clustermeet.onsite.models import Booking
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, in_hours

pytestmark = pytest.mark.django_db


def test_beat_runs_the_expiry_every_minute():
    entry = app.conf.beat_schedule["onsite-expire-booking-offers"]
    assert entry == {
        "task": "clustermeet.onsite.bookings.tasks.expire_booking_offers",
        "schedule": 60.0,
    }
    assert tasks.expire_booking_offers.name == entry["task"]


def test_the_job_expires_and_offers_the_place_again(django_capture_on_commit_callbacks):
    visit = ActivityFactory(capacity=1)
    offer = BookingFactory(
        activity=visit,
        person=approved(visit.event),
        status=Booking.Status.OFFERED,
        confirm_by=in_hours(-1),
    )
    nxt = BookingFactory(activity=visit, person=approved(visit.event), status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.expire_booking_offers.delay().get() == [offer.pk]
    nxt.refresh_from_db()
    assert nxt.status == Booking.Status.OFFERED
