"""Booth visits: views within 30 minutes of the previous one extend the visit."""

import datetime as dt

import pytest

from clustermeet.exhibition.booths.visits import VISIT_GAP, record_view
from clustermeet.exhibition.models import BoothVisit
from tests.exhibition.factories import BoothFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2020, 11, 10, 9, 0, tzinfo=dt.UTC)


def test_views_within_the_gap_are_one_visit_and_the_boundary_is_inclusive(
    django_assert_num_queries,
):
    booth, person = BoothFactory(), PersonFactory()
    with django_assert_num_queries(2):  # nothing to extend: the UPDATE, then the INSERT
        record_view(booth, person, T0)
    with django_assert_num_queries(1):  # extended: the UPDATE only
        record_view(booth, person, T0 + VISIT_GAP)
    record_view(booth, person, T0 + VISIT_GAP + VISIT_GAP + dt.timedelta(seconds=1))
    visits = list(BoothVisit.objects.order_by("started_at").values_list("views", "last_seen_at"))
    assert visits == [(2, T0 + VISIT_GAP), (1, T0 + 2 * VISIT_GAP + dt.timedelta(seconds=1))]


def test_each_person_and_booth_has_its_own_visit():
    booth, other, person = BoothFactory(), BoothFactory(), PersonFactory()
    record_view(booth, person, T0)
    record_view(other, person, T0)
    record_view(booth, PersonFactory(), T0)
    assert BoothVisit.objects.count() == 3
