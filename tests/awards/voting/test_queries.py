"""The reads of the community vote: what the overview, the ballot page and the kiosk show,
each in a fixed number of queries."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from clustermeet.awards.models import Category, Conflict, Nomination
from clustermeet.awards.voting import queries
from tests.awards.factories import (
    BallotFactory,
    JurorFactory,
    NominationFactory,
    finalists_of,
    vote_category,
)
from tests.factories import EventFactory, PersonFactory
from tests.onsite.factories import approved

pytestmark = pytest.mark.django_db


def test_finalists_in_their_position_order_accepted_only():
    category = vote_category(finalists=0)
    third = NominationFactory(category=category, finalist=True, position=3, name="C")
    first = NominationFactory(category=category, finalist=True, position=1, name="A")
    NominationFactory(
        category=category, finalist=True, position=2, status=Nomination.Status.WITHDRAWN
    )
    assert queries.finalists(category) == [first, third]


def test_the_overview_row_of_a_category(django_assert_num_queries):
    event = EventFactory()
    category = vote_category(event=event, online=(-1, 1), onsite=(5, 6))
    voter = approved(event)
    ballot = BallotFactory(nomination=finalists_of(category)[0], voter=voter)
    JurorFactory(category=category, person=voter)
    now = timezone.now()

    with django_assert_num_queries(4):  # categories, registration, ballots, jury seats
        (row,) = queries.overview(event, voter, now, "en")

    assert (row.category, row.phase, row.phase_label, row.channels) == (
        category,
        "voting",
        "Voting is open",
        ["online"],
    )
    assert (row.may_vote, row.can_vote, row.ballot, row.juror, row.nominations_open) == (
        True,
        True,
        ballot,
        True,
        False,
    )
    assert [(w["channel"], w["opens"], w["closes"]) for w in row.windows] == [
        ("online", category.online_opens_at, category.online_closes_at),
        ("onsite", category.onsite_opens_at, category.onsite_closes_at),
    ]


def test_the_overview_for_a_visitor_asks_nothing_about_them(django_assert_num_queries):
    category = vote_category()
    with django_assert_num_queries(1):
        (row,) = queries.overview(category.event, AnonymousUser(), timezone.now(), None)
    assert (row.may_vote, row.can_vote, row.ballot, row.juror) == (False, False, None, False)


def test_voting_rights_are_asked_once_per_electorate(django_assert_num_queries):
    event = EventFactory()
    cats = [
        vote_category(event=event, voters=Category.Voters.PARTICIPANTS),
        vote_category(event=event, voters=Category.Voters.COMMUNITY),
        vote_category(event=event, voters=Category.Voters.PARTICIPANTS),
    ]
    outsider = PersonFactory()
    with django_assert_num_queries(1):
        rights = queries.voting_rights(outsider, cats)
    assert rights == {cats[0].pk: False, cats[1].pk: True, cats[2].pk: False}


def test_ballots_of_are_the_person_s_own_at_the_event():
    event = EventFactory()
    category = vote_category(event=event)
    voter = approved(event)
    mine = BallotFactory(nomination=finalists_of(category)[0], voter=voter)
    BallotFactory(nomination=finalists_of(category)[1])
    BallotFactory(nomination=finalists_of(vote_category())[0], voter=voter)
    assert queries.ballots_of(voter, event) == {category.pk: mine}
    assert queries.ballot_of(voter, category) == mine
    assert queries.ballots_of(AnonymousUser(), event) == {}


def test_conflicted_nominations_are_the_person_s_on_this_jury():
    category = vote_category()
    juror = JurorFactory(category=category)
    first, second, _third = finalists_of(category)
    Conflict.objects.create(juror=juror, nomination=first)
    Conflict.objects.create(juror=JurorFactory(category=category), nomination=second)
    assert queries.conflicted_nominations(juror.person, category) == {first.pk}
    cards = queries.finalist_cards(category, juror.person, "en")
    assert [(c.nomination, c.conflicted) for c in cards] == [
        (first, True),
        (second, False),
        (finalists_of(category)[2], False),
    ]


def test_finalist_cards_in_the_reader_s_language_with_their_video():
    category = vote_category(finalists=1)
    finalist = finalists_of(category)[0]
    finalist.statement = "Ten years of cluster work."
    finalist.translations = {"fr": {"statement": "Dix ans de travail."}}
    finalist.video_url = "https://www.youtube.com/watch?v=abc123"
    finalist.save()
    (card,) = queries.finalist_cards(category, AnonymousUser(), "fr")
    assert (card.statement, card.video.embed_url, card.conflicted) == (
        "Dix ans de travail.",
        "https://www.youtube-nocookie.com/embed/abc123?autoplay=1",
        False,
    )


def test_the_kiosk_offers_the_categories_open_on_site(django_assert_num_queries):
    event = EventFactory()
    open_here = vote_category(event=event, online=None, onsite=(-1, 1))
    vote_category(event=event, online=(-1, 1))
    already = vote_category(event=event, online=None, onsite=(-1, 1))
    voter = approved(event)
    ballot = BallotFactory(nomination=finalists_of(already)[0], voter=voter)
    now = timezone.now()

    assert queries.kiosk_categories(event, now) == [open_here, already]
    # categories, finalists, conflicts, ballots, registration
    with django_assert_num_queries(5):
        offered = queries.kiosk_ballot(event, voter, now, "en")

    assert [(k.category, k.ballot, k.may_vote, k.open_to_voter) for k in offered] == [
        (open_here, None, True, True),
        (already, ballot, True, False),
    ]
    assert [c.nomination for c in offered[0].cards] == finalists_of(open_here)
