"""Each figure reads a fixed number of queries, whatever the event's size."""

import pytest

from clustermeet.paper.document import FIGURES
from tests.factories import PersonFactory, RegistrationFactory
from tests.paper.data import build

pytestmark = pytest.mark.django_db
# glance: event_stats (20) and its three breakdowns; cafés: the cafés, their tags (two), questions,
# notes and renamed themes; networking: networking_figures (2), exhibition_figures (5), four more.
QUERIES = {"glance": 23, "programme": 3, "polls": 3, "cafes": 6, "networking": 11}


@pytest.mark.parametrize("key", sorted(QUERIES))
def test_a_figure_reads_the_same_queries_for_a_small_and_a_larger_event(
    key, django_assert_num_queries
):
    small, large = build(1, slug="small"), build(3, slug="large")
    for _n in range(5):
        RegistrationFactory(event=large.event, person=PersonFactory(country="PL"))
    with django_assert_num_queries(QUERIES[key]):
        FIGURES[key](small.event)
    with django_assert_num_queries(QUERIES[key]):
        FIGURES[key](large.event)
