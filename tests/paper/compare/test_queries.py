"""The editions' figures: the same numbers as `clustermeet stats`, who sees which, and a fixed
number of queries whatever the number of editions."""

import datetime as dt

import pytest

from clustermeet.events.models import Event, Series
from clustermeet.paper.compare import queries
from clustermeet.paper.figures.cafes import cafes
from clustermeet.paper.models import Paper
from clustermeet.people.models import Role
from clustermeet.reports.queries import event_stats
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db


def in_series(series, year: int, **kwargs) -> Event:
    event = build(slug=f"ecc-{year}").event
    Event.objects.filter(pk=event.pk).update(
        series=series, start_date=dt.date(year, 11, 10), end_date=dt.date(year, 11, 11), **kwargs
    )
    return Event.objects.get(pk=event.pk)


@pytest.fixture
def series():
    return Series.objects.create(slug="ecc", name="European Cluster Conference")


def test_the_figures_equal_clustermeet_stats(series):
    event = in_series(series, 2020)
    (edition,) = queries.editions(PersonFactory(is_staff=True), series)
    stats = event_stats(event)
    assert edition.values == {
        "participants": stats["approved"],
        "countries": stats["countries"],
        "speakers": stats["speakers"],
        "sessions": stats["sessions"],
        "polls": stats["polls"],
        "cafe_tables": cafes(event).tables,  # as the paper's cafés
        "meetings": stats["networking"]["meetings_held"],
        "booths": stats["exhibition"]["booths"],
        "visits": stats["exhibition"]["visits"],
        "award_ballots": None,  # no awards at this event
        "turnout": None,
    }
    assert edition.managed is True


def test_a_visitor_compares_the_published_papers_public_sections(series):
    first = in_series(series, 2020)
    second = in_series(series, 2022)
    in_series(series, 2024)  # its paper is a draft: left out
    Paper.objects.create(event=first, status=Paper.Status.PUBLISHED, public_sections=["glance"])
    Paper.objects.create(
        event=second,
        status=Paper.Status.PUBLISHED,
        sections=["glance", "polls"],
        public_sections=["polls", "networking"],  # networking is not among its sections
    )
    Paper.objects.create(event=Event.objects.get(slug="ecc-2024"))
    found = queries.editions(None, series)
    assert [e.event.slug for e in found] == ["ecc-2020", "ecc-2022"]
    stats = event_stats(first)
    assert found[0].values == {
        "participants": stats["approved"],
        "countries": stats["countries"],
        "speakers": stats["speakers"],
        "sessions": stats["sessions"],
        "polls": None,
        "cafe_tables": None,
        "meetings": None,
        "booths": None,
        "visits": None,
        "award_ballots": None,
        "turnout": None,
    }
    assert [key for key, value in found[1].values.items() if value is not None] == ["polls"]


def test_an_organiser_of_one_edition_sees_all_of_it_and_the_public_part_of_the_others(series):
    first = in_series(series, 2020)
    second = in_series(series, 2022)
    Paper.objects.create(event=first, status=Paper.Status.PUBLISHED, public_sections=["polls"])
    organiser = RegistrationFactory(event=second, roles=[Role.ORGANISER]).person
    found = queries.editions(organiser, series)
    assert [(e.event.slug, e.managed) for e in found] == [("ecc-2020", False), ("ecc-2022", True)]
    assert None not in [found[1].values[k] for k in ("participants", "booths", "visits")]
    assert found[0].values["participants"] is None


def test_an_edition_one_may_not_see_is_left_out(series):
    in_series(series, 2020, visibility=Event.Visibility.INVITATION)
    Paper.objects.filter(event__slug="ecc-2020").delete()
    Paper.objects.create(event=Event.objects.get(slug="ecc-2020"), status=Paper.Status.PUBLISHED)
    assert queries.editions(PersonFactory(), series) == []


def test_award_turnout(series):
    from clustermeet.awards.models import Ballot, Category, Nomination

    event = in_series(series, 2020)
    category = Category.objects.create(event=event, slug="best", name="Best")
    nomination = Nomination.objects.create(category=category, name="A cluster")
    voters = [r.person for r in event.registrations.filter(status="approved")[:2]]
    for i, voter in enumerate(voters):
        Ballot.objects.create(
            category=category, voter=voter, nomination=nomination, channel="online", receipt=f"r{i}"
        )
    (edition,) = queries.editions(PersonFactory(is_staff=True), series)
    stats = event_stats(event)
    assert (edition.values["award_ballots"], edition.values["turnout"]) == (
        2,
        stats["awards"]["turnout"],
    )


@pytest.mark.parametrize("count", [2, 3])
def test_the_queries_do_not_grow_with_the_editions(series, count, django_assert_num_queries):
    for year in range(2020, 2020 + 2 * count, 2):
        Paper.objects.create(event=in_series(series, year), status=Paper.Status.PUBLISHED)
    person = PersonFactory()
    with django_assert_num_queries(12):
        found = queries.editions(person, series)
    assert len(found) == count


def test_another_series_does_not_count(series):
    in_series(series, 2020)
    EventFactory(series=Series.objects.create(slug="other", name="Other"))
    assert len(queries.editions(PersonFactory(is_staff=True), series)) == 1
