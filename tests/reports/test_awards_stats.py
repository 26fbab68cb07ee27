"""The awards figures of `clustermeet stats` on a small hand-built event: accepted
nominations, finalists, ballots per channel, turnout among the approved participants, and the
winners of revealed categories only (a tie gives two); another event's awards do not count."""

import pytest
from django.utils import timezone

from clustermeet.awards.models import Category, Nomination
from clustermeet.people.models import Registration
from clustermeet.reports.queries import awards_figures, event_stats
from tests.awards.factories import BallotFactory, CategoryFactory, NominationFactory
from tests.factories import EventFactory, PersonFactory, RegistrationFactory


@pytest.fixture
def event(db):
    """Four approved participants (three vote) and a pending one who votes in a community
    category; three categories: a revealed one with a tie (Ana, Ben), one still voting, one
    decided and revealed. Another event has one category, one ballot and a winner."""
    now = timezone.now()
    event, other = EventFactory(slug="awards"), EventFactory(slug="elsewhere")
    people = [RegistrationFactory(event=event).person for _ in range(4)]
    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    outsider = PersonFactory()
    manager = CategoryFactory(event=event, slug="manager", position=1, revealed_at=now)
    ana = NominationFactory(category=manager, name="Ana", finalist=True, winner=True, position=0)
    ben = NominationFactory(category=manager, name="Ben", finalist=True, winner=True, position=1)
    NominationFactory(category=manager, name="Not shortlisted")
    NominationFactory(category=manager, status=Nomination.Status.SUBMITTED)
    community = CategoryFactory(
        event=event, slug="community", position=2, voters=Category.Voters.COMMUNITY
    )
    cara = NominationFactory(category=community, name="Cara", finalist=True)
    special = CategoryFactory(
        event=event, slug="special", position=3, kind=Category.Kind.DECISION, revealed_at=now
    )
    NominationFactory(category=special, name="Dan", finalist=True, winner=True)
    BallotFactory(category=manager, nomination=ana, voter=people[0])
    BallotFactory(category=manager, nomination=ben, voter=people[1], channel="onsite")
    BallotFactory(category=community, nomination=cara, voter=people[0], channel="onsite")
    BallotFactory(category=community, nomination=cara, voter=people[2])
    BallotFactory(category=community, nomination=cara, voter=pending)
    BallotFactory(category=community, nomination=cara, voter=outsider)
    far = CategoryFactory(event=other, revealed_at=now)
    far_winner = NominationFactory(category=far, name="Far", finalist=True, winner=True)
    BallotFactory(category=far, nomination=far_winner, voter=people[3])
    return event


def test_awards_figures(event, django_assert_num_queries):
    with django_assert_num_queries(4):
        figures = awards_figures(event, approved=4)
    assert figures == {
        "categories": 3,
        "nominations": 5,
        "finalists": 4,
        "ballots": {"online": 4, "onsite": 2, "total": 6},
        "turnout": 75.0,
        "winners": [
            {"category": "manager", "winners": ["Ana", "Ben"]},
            {"category": "special", "winners": ["Dan"]},
        ],
    }
    assert event_stats(event)["awards"] == figures


def test_turnout_rounds_to_one_decimal_and_is_null_without_participants(event):
    assert awards_figures(event, approved=7)["turnout"] == 42.9
    assert awards_figures(EventFactory(), approved=0) == {
        "categories": 0,
        "nominations": 0,
        "finalists": 0,
        "ballots": {"online": 0, "onsite": 0, "total": 0},
        "turnout": None,
        "winners": [],
    }
