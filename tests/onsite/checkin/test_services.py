"""Check-in at the door (onsite.checkin.services): green, amber, every red, nothing recorded for
red, one check-in per registration and day, idempotent scan ids, the day in the event's zone."""

import datetime as dt
import uuid
import zoneinfo

import pytest
from django.utils import timezone

from clustermeet.onsite.checkin import services
from clustermeet.onsite.checkin.tokens import make_token, new_nonce
from clustermeet.onsite.models import Badge, CheckIn
from clustermeet.people.models import Registration, Role
from tests.factories import PersonFactory, RegistrationFactory
from tests.onsite.factories import badged, event_today

pytestmark = pytest.mark.django_db


def test_a_valid_badge_checks_in_green_with_name_role_and_note(event, staff):
    registration, token = badged(
        event,
        roles=[Role.SPEAKER],
        note="VIP",
        person=PersonFactory(first_name="Ana", last_name="Novak"),
    )
    result = services.check_in_token(event, token, by=staff)
    row = CheckIn.objects.get()
    assert (result.ok, result.code, result.colour) == (True, "checked_in", "green")
    assert (result.name, result.first_name, result.kind, result.kind_label, result.note) == (
        "Ana Novak",
        "Ana",
        "speaker",
        "Speaker",
        "VIP",
    )
    assert result.message == "Checked in."
    assert (row.registration, row.checked_in_by, row.method, row.badge.note) == (
        registration,
        staff,
        "scan",
        "VIP",
    )
    assert row.day == timezone.localtime(row.checked_in_at, event.tz).date()
    assert result.checked_in_at == row.checked_in_at


def test_a_second_scan_the_same_day_is_amber_with_the_first_time_and_who(event, staff):
    _registration, token = badged(event)
    first = services.check_in_token(event, token, by=staff)
    other = PersonFactory(first_name="Otto", last_name="Other")
    second = services.check_in_token(event, token, by=other)
    local = timezone.localtime(first.checked_in_at, event.tz).strftime("%H:%M")
    assert (second.ok, second.code, second.colour) == (False, "already", "amber")
    assert second.message == f"Already checked in today at {local} by Dora Door."
    assert (second.checked_in_at, second.checked_in_by) == (first.checked_in_at, "Dora Door")
    assert CheckIn.objects.count() == 1


def test_a_badge_checks_in_again_on_the_next_day(event, staff):
    _registration, token = badged(event)
    today = timezone.now()
    tomorrow = today + dt.timedelta(days=1)
    services.check_in_token(event, token, by=staff, scanned_at=today - dt.timedelta(days=1))
    result = services.check_in_token(event, token, by=staff)
    assert result.code == "checked_in"
    assert CheckIn.objects.count() == 2
    # A page's clock in the future is not believed: it is now, so this is "already".
    late = services.check_in_token(event, token, by=staff, scanned_at=tomorrow)
    assert late.code == "already"


@pytest.mark.parametrize(
    "token",
    ["", "garbage", "AAAAAAAAAAAAAAAAAAAAAAAAAA.forgedsignature", "x" * 500],
)
def test_a_forged_token_is_red_and_records_nothing(event, staff, token):
    badged(event)
    result = services.check_in_token(event, token, by=staff)
    assert (result.ok, result.code, result.colour) == (False, "forged", "red")
    assert result.message == "This is not a badge of this event."
    assert result.name == ""
    assert CheckIn.objects.count() == 0


def test_a_tampered_signature_of_a_real_nonce_is_forged(event, staff):
    registration, _token = badged(event)
    nonce = Badge.objects.get(registration=registration).nonce
    assert services.check_in_token(event, nonce + ".abc", by=staff).code == "forged"
    assert services.check_in_token(event, nonce, by=staff).code == "forged"
    assert CheckIn.objects.count() == 0


def test_another_events_badge_is_red_other_event_and_records_nothing(event, staff):
    other = event_today()
    _registration, token = badged(other)
    result = services.check_in_token(event, token, by=staff)
    assert (result.ok, result.code) == (False, "other_event")
    assert result.message == "This badge is for another event."
    assert CheckIn.objects.count() == 0


def test_a_well_signed_unknown_nonce_is_red_unknown(event, staff):
    result = services.check_in_token(event, make_token(event.pk, new_nonce()), by=staff)
    assert (result.ok, result.code) == (False, "unknown")
    assert CheckIn.objects.count() == 0


def test_a_revoked_badge_is_red_and_records_nothing(event, staff):
    registration, token = badged(event)
    Badge.objects.filter(registration=registration).update(revoked_at=timezone.now())
    Badge.objects.create(registration=registration, nonce=new_nonce())
    result = services.check_in_token(event, token, by=staff)
    assert (result.ok, result.code) == (False, "revoked")
    assert result.message == (
        "This badge is no longer valid (a new one was printed). "
        "Please send the person to the help desk."
    )
    assert CheckIn.objects.count() == 0


@pytest.mark.parametrize(
    "status",
    [Registration.Status.PENDING, Registration.Status.CANCELLED, Registration.Status.DECLINED],
)
def test_a_registration_not_approved_is_red_and_records_nothing(event, staff, status):
    _registration, token = badged(event, status=status)
    result = services.check_in_token(event, token, by=staff)
    assert (result.ok, result.code) == (False, "not_approved")
    assert CheckIn.objects.count() == 0


def test_the_same_scan_id_twice_gives_the_same_answer_and_one_row(event, staff):
    _registration, token = badged(event)
    scan_id = uuid.uuid4()
    first = services.check_in_token(event, token, by=staff, scan_id=str(scan_id))
    again = services.check_in_token(event, token, by=staff, scan_id=str(scan_id))
    assert (first.code, again.code) == ("checked_in", "checked_in")
    assert again == first
    assert CheckIn.objects.get().scan_id == scan_id
    # Another scan (another id) of the same badge is the second scan it is.
    assert services.check_in_token(event, token, by=staff, scan_id=uuid.uuid4()).code == "already"
    assert CheckIn.objects.count() == 1


def test_a_malformed_scan_id_is_ignored(event, staff):
    _registration, token = badged(event)
    assert services.check_in_token(event, token, by=staff, scan_id="nope").code == "checked_in"
    assert CheckIn.objects.get().scan_id is None


def test_the_day_is_the_scans_day_in_the_events_time_zone(staff):
    event = event_today(timezone="Pacific/Auckland")
    _registration, token = badged(event)
    # 11:30 UTC yesterday is 00:30 today in Auckland (UTC+13 in December, +12 in June).
    now = timezone.now()
    auckland = zoneinfo.ZoneInfo("Pacific/Auckland")
    local_midnight = timezone.localtime(now, auckland).replace(hour=0, minute=30, second=0)
    services.check_in_token(event, token, by=staff, scanned_at=local_midnight)
    row = CheckIn.objects.get()
    assert row.day == local_midnight.date()
    assert row.checked_in_at == local_midnight
    assert row.day != local_midnight.astimezone(dt.UTC).date()


def test_a_queued_scan_keeps_its_own_time_unless_outside_the_event(event, staff):
    _r1, token1 = badged(event)
    _r2, token2 = badged(event)
    earlier = timezone.now() - dt.timedelta(minutes=20)
    services.check_in_token(event, token1, by=staff, scanned_at=earlier)
    services.check_in_token(event, token2, by=staff, scanned_at=earlier - dt.timedelta(days=30))
    first, second = CheckIn.objects.order_by("registration__pk")
    assert first.checked_in_at == earlier
    assert abs((second.checked_in_at - timezone.now()).total_seconds()) < 60


def test_check_in_by_name_records_a_search_check_in_once(event, staff):
    registration, _token = badged(event, note="needs badge reprint")
    result = services.check_in_registration(event, registration, by=staff)
    assert (result.code, result.note) == ("checked_in", "needs badge reprint")
    again = services.check_in_registration(event, registration, by=staff, method="kiosk")
    assert again.code == "already"
    row = CheckIn.objects.get()
    assert (row.method, row.badge.registration) == ("search", registration)


def test_check_in_by_name_without_a_badge_and_refusals(event, staff):
    registration = RegistrationFactory(event=event)
    assert services.check_in_registration(event, registration, by=staff).code == "checked_in"
    assert CheckIn.objects.get().badge is None
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING)
    assert services.check_in_registration(event, pending, by=staff).code == "not_approved"
    elsewhere = RegistrationFactory(event=event_today())
    assert services.check_in_registration(event, elsewhere, by=staff).code == "unknown"
    assert CheckIn.objects.count() == 1


def test_sync_answers_each_queued_scan_in_order(event, staff):
    _r1, token1 = badged(event)
    ids = [str(uuid.uuid4()) for _ in range(3)]
    results = services.sync(
        event,
        [
            {"token": token1, "scan_id": ids[0]},
            {"token": "forged", "scan_id": ids[1]},
            {"token": token1, "scan_id": ids[2], "method": "kiosk"},
        ],
        by=staff,
    )
    assert [r.code for r in results] == ["checked_in", "forged", "already"]
    # The page sends the same batch again (its answer was lost): the same answers.
    again = services.sync(event, [{"token": token1, "scan_id": ids[0]}], by=staff)
    assert [r.code for r in again] == ["checked_in"]
    assert CheckIn.objects.count() == 1


def test_the_kiosk_sees_a_first_name_and_nothing_else(event, staff):
    _registration, token = badged(event, note="VIP", person=PersonFactory(first_name="Eva"))
    result = services.check_in_token(event, token, by=staff, method="kiosk")
    assert result.as_json(kiosk=True) == {
        "ok": True,
        "code": "checked_in",
        "message": "Checked in.",
        "colour": "green",
        "first_name": "Eva",
    }
