"""Reads of the booths: the list in fixed queries, visit figures, messages, texts."""

import datetime as dt

import pytest
from django.utils import timezone

from clustermeet.events.models import Ecosystem
from clustermeet.exhibition.booths import queries
from clustermeet.exhibition.booths.visits import record_view
from clustermeet.exhibition.models import BoothMessage, BoothVisit
from tests.exhibition.factories import BoothFactory, BoothStaffFactory, HallFactory
from tests.factories import EventFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [3, 30])
def test_the_exhibition_list_runs_three_queries_whatever_the_number(
    count, django_assert_num_queries
):
    event = EventFactory()
    ecosystem = Ecosystem.objects.first()
    for _ in range(count):
        booth = BoothFactory(event=event)
        booth.ecosystems.add(ecosystem)
        BoothStaffFactory(booth=booth, seen_at=timezone.now())
    with django_assert_num_queries(3):
        booths = queries.exhibition(event)
        assert [len(b.ecosystems.all()) for b in booths] == [1] * count
        assert all(b.staff_online for b in booths)


def test_filters_and_search():
    event = EventFactory()
    hall = HallFactory(event=event, slug="north")
    fr = BoothFactory(
        event=event, name="Alpha", organisation=OrganisationFactory(country="FR"), hall=hall
    )
    BoothFactory(event=event, name="Beta", summary="Hydrogen valleys")
    ecosystem = Ecosystem.objects.first()
    fr.ecosystems.add(ecosystem)

    def names(**kwargs):
        return [b.name for b in queries.exhibition(event, queries.BoothFilters(**kwargs))]

    assert names() == ["Alpha", "Beta"]
    assert names(q="hydrogen") == ["Beta"]
    assert names(country="FR") == ["Alpha"]
    assert names(hall="north") == ["Alpha"]
    assert names(ecosystem=ecosystem.slug) == ["Alpha"]


def test_staff_seen_more_than_two_minutes_ago_are_not_online():
    booth = BoothFactory()
    BoothStaffFactory(booth=booth, seen_at=timezone.now() - dt.timedelta(minutes=3))
    assert queries.exhibition(booth.event)[0].staff_online is False


def test_visit_figures_per_day_and_hour_in_the_event_time_zone(django_assert_num_queries):
    booth = BoothFactory(event=EventFactory(timezone="Europe/Brussels"))
    ann, bob = PersonFactory(), PersonFactory()
    late = dt.datetime(2020, 11, 10, 23, 10, tzinfo=dt.UTC)  # 00:10 on the 11th in Brussels
    record_view(booth, ann, late)
    record_view(booth, ann, late + dt.timedelta(minutes=5))  # the same visit
    record_view(booth, ann, late + dt.timedelta(hours=2))  # a new one
    record_view(booth, bob, late + dt.timedelta(hours=2))
    with django_assert_num_queries(3):
        figures = queries.visit_figures(booth)
    tz = booth.event.tz
    assert figures == {
        "visits": 3,
        "visitors": 2,
        "per_day": [{"day": dt.date(2020, 11, 11), "visits": 3, "visitors": 2}],
        "per_hour": [
            {"hour": dt.datetime(2020, 11, 11, 0, tzinfo=tz), "visits": 1, "visitors": 1},
            {"hour": dt.datetime(2020, 11, 11, 2, tzinfo=tz), "visits": 2, "visitors": 2},
        ],
    }


def test_figures_of_a_thousand_visits_take_the_same_queries(django_assert_num_queries):
    booth = BoothFactory()
    people = PersonFactory.create_batch(10)
    start = dt.datetime(2020, 11, 10, 8, tzinfo=dt.UTC)
    BoothVisit.objects.bulk_create(
        BoothVisit(
            booth=booth,
            person=people[i % 10],
            started_at=start + dt.timedelta(minutes=i),
            last_seen_at=start + dt.timedelta(minutes=i),
        )
        for i in range(1000)
    )
    with django_assert_num_queries(3):
        figures = queries.visit_figures(booth)
    assert (figures["visits"], figures["visitors"]) == (1000, 10)
    assert sum(row["visits"] for row in figures["per_hour"]) == 1000


def test_messages_newest_first_in_one_query(django_assert_num_queries):
    booth = BoothFactory()
    first = BoothMessage.objects.create(booth=booth, person=PersonFactory(), text="One")
    second = BoothMessage.objects.create(booth=booth, person=PersonFactory(), text="Two")
    with django_assert_num_queries(1):
        assert [(m.pk, m.person.first_name) for m in queries.messages(booth)] == [
            (second.pk, second.person.first_name),
            (first.pk, first.person.first_name),
        ]


def test_texts_fall_back_to_the_original():
    booth = BoothFactory(
        summary="Original", description="Long", translations={"de": {"summary": "Deutsch"}}
    )
    assert queries.texts(booth, "de") == {
        "summary": "Deutsch",
        "description": "Long",
        "language": "de",
    }
    assert queries.texts(booth, "fr") == {
        "summary": "Original",
        "description": "Long",
        "language": "",
    }


def test_the_floor_orders_stands_numerically():
    event = EventFactory()
    hall = HallFactory(event=event)
    for stand in ["10", "2", "A1", ""]:
        BoothFactory(event=event, hall=hall, stand=stand)
    BoothFactory(event=event)
    halls = queries.floor(event)
    assert [[b.stand for b in h.stands] for h in halls] == [["2", "10", "A1", ""], [""]]
