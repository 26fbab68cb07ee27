"""Real races at the door against PostgreSQL: threads with their own connections scan at the
same moment (a barrier releases them together). Nothing is mocked: the unique constraints
(registration, day) and scan_id, and the transactions, are PostgreSQL's.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import uuid
from collections import Counter

import pytest

from clustermeet.onsite.checkin import services
from clustermeet.onsite.models import CheckIn
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.onsite.factories import badged, door_staff_of, event_today

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def test_staff_scanning_the_same_badge_at_once_record_one_check_in():
    event = event_today()
    registration, token = badged(event)
    staff = [door_staff_of(event) for _ in range(8)]

    results = run_together(8, lambda i: services.check_in_token(event, token, by=staff[i]))

    assert Counter(r.code for r in results) == Counter({"checked_in": 1, "already": 7})
    row = CheckIn.objects.get()
    assert row.registration == registration
    winner = next(r for r in results if r.code == "checked_in")
    assert {r.checked_in_at for r in results} == {winner.checked_in_at}
    assert {r.checked_in_by for r in results} == {row.checked_in_by.full_name}


def test_the_same_queued_scan_sent_twice_at_once_is_one_row_and_one_answer():
    event = event_today()
    _registration, token = badged(event)
    staff = door_staff_of(event)
    scan_id = uuid.uuid4()

    results = run_together(
        4, lambda i: services.check_in_token(event, token, by=staff, scan_id=scan_id)
    )

    assert [r.code for r in results] == ["checked_in"] * 4
    assert CheckIn.objects.get().scan_id == scan_id


def test_many_badges_scanned_at_once_are_all_recorded():
    event = event_today()
    tokens = [badged(event)[1] for _ in range(20)]
    staff = [door_staff_of(event) for _ in range(4)]

    results = run_together(20, lambda i: services.check_in_token(event, tokens[i], by=staff[i % 4]))

    assert [r.code for r in results] == ["checked_in"] * 20
    assert CheckIn.objects.count() == 20
    assert len(set(CheckIn.objects.values_list("registration_id", flat=True))) == 20
