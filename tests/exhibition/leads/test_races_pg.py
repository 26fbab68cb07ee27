"""Real races at the stand against PostgreSQL: threads with their own connections scan at the
same moment (a barrier releases them together). Nothing is mocked: the unique constraints
(booth, person) and scan_id, and the transactions, are PostgreSQL's.

SQLite serialises writers, so the module is skipped there and runs in the PostgreSQL pass."""

import uuid
from collections import Counter

import pytest

from clustermeet.exhibition.leads import services
from clustermeet.exhibition.models import Lead
from tests.exhibition.factories import BoothFactory, staff_of
from tests.harness.races import POSTGRES_ONLY, run_together
from tests.onsite.factories import badged, event_today

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    *POSTGRES_ONLY,
]


def test_two_staff_scanning_the_same_badge_at_once_make_one_lead():
    event = event_today()
    booth = BoothFactory(event=event)
    registration, token = badged(event)
    staff = [staff_of(booth) for _ in range(2)]

    results = run_together(2, lambda i: services.scan_badge(booth, token, by=staff[i]))

    assert Counter(r.code for r in results) == Counter({"new": 1, "already": 1})
    row = Lead.objects.get()
    assert row.person == registration.person
    assert {r.lead for r in results} == {row.pk}


def test_the_same_offline_scan_sent_three_times_at_once_is_one_lead():
    event = event_today()
    booth = BoothFactory(event=event)
    _registration, token = badged(event)
    staff = staff_of(booth)
    scan_id = uuid.uuid4()
    batch = [{"token": token, "scan_id": scan_id}]

    results = run_together(3, lambda i: services.sync(booth, batch, staff))

    assert [r[0].code for r in results] == ["new"] * 3
    row = Lead.objects.get()
    assert row.scan_id == scan_id
    assert {r[0].lead for r in results} == {row.pk}
