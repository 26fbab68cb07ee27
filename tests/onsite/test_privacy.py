"""The on-site day in a person's data export and erasure (onsite.privacy)."""

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from clustermeet.onsite.models import Badge, BadgePrint, Booking, CheckIn, DoorStaff
from clustermeet.privacy import services
from clustermeet.privacy.queries import export_data
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import ActivityFactory, BookingFactory, badge_of, in_hours

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    visit = ActivityFactory(title="CLUTEX", capacity=1)
    event = visit.event
    registration = RegistrationFactory(event=event, person__first_name="Anna")
    badge = badge_of(registration)
    Badge.objects.filter(pk=badge.pk).update(note="VIP")
    CheckIn.objects.create(
        event=event,
        registration=registration,
        day=event.start_date,
        checked_in_at=timezone.now(),
        method=CheckIn.Method.SCAN,
        badge=badge,
    )
    BookingFactory(activity=visit, person=registration.person)
    DoorStaff.objects.create(event=event, person=registration.person)
    return registration


def test_the_export_holds_badges_check_ins_door_duties_and_bookings(anna):
    data = export_data(anna.person)["apps"]["onsite"]
    assert [(b["note_for_the_door"], b["revoked_at"]) for b in data["badges"]] == [("VIP", None)]
    assert [(c["day"], c["method"]) for c in data["check_ins"]] == [
        (anna.event.start_date.isoformat(), "scan")
    ]
    assert [d["event"] for d in data["door_duties"]] == [anna.event.name]
    assert [(b["activity"], b["status"]) for b in data["bookings"]] == [("CLUTEX", "booked")]


def test_erasure_revokes_badges_frees_the_place_and_keeps_the_check_ins(anna):
    visit = Booking.objects.get(person=anna.person).activity
    waiting = BookingFactory(
        activity=visit, status=Booking.Status.WAITLISTED, queued_at=in_hours(-1)
    )
    mine = BadgePrint.objects.create(
        event=anna.event, layout="a6", registrations=[anna.pk], total=1
    )
    mine.file.save("mine.pdf", ContentFile(b"%PDF"))
    others = BadgePrint.objects.create(
        event=anna.event, layout="a6", registrations=[anna.pk + 1000], total=1
    )
    others.file.save("others.pdf", ContentFile(b"%PDF"))

    counts = services.erase_account(anna.person, anna.person.email)

    assert counts["badges_revoked"] == 1
    assert counts["bookings_cancelled"] == 1
    assert counts["badge_files_deleted"] == 1
    assert counts["door_duties_deleted"] == 1
    assert counts["check_ins_kept"] == 1
    assert Badge.objects.get(registration=anna).revoked_at is not None
    assert Badge.objects.get(registration=anna).note == ""
    assert Booking.objects.get(person=anna.person).status == Booking.Status.CANCELLED
    assert Booking.objects.get(pk=waiting.pk).status == Booking.Status.OFFERED
    assert BadgePrint.objects.get(pk=mine.pk).file.name == ""
    assert BadgePrint.objects.get(pk=others.pk).file.name != ""
    assert CheckIn.objects.filter(registration=anna).count() == 1
    assert DoorStaff.objects.count() == 0


def test_erasure_of_someone_without_on_site_records_changes_nothing():
    person = PersonFactory()
    counts = services.erase_account(person, person.email)
    assert (counts["badges_revoked"], counts["bookings_cancelled"]) == (0, 0)
