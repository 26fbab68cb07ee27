"""The results' reads: turnout per category (no count per finalist), the published ballots
and the receipt check (revealed categories only), the log in words — with their query counts."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from clustermeet.awards.models import Category
from clustermeet.awards.results import queries, services
from clustermeet.people.models import Registration
from tests.awards.factories import CategoryFactory, NominationFactory
from tests.awards.results.helpers import finalists, vote
from tests.factories import RegistrationFactory

AT = dt.datetime(2022, 9, 26, 8, 42, 7, tzinfo=dt.UTC)  # 10:42 in Prague, 10:42 in Brussels


@pytest.fixture
def categories(category, event):
    """The participants' category (3 ballots: 2 online, 1 on site), a community one (1), a
    decided one. Two approved participants with the organiser's fixture (3 in all with the
    organiser), one pending."""
    antonio, uwe, _corinne = finalists(category)
    vote(category, uwe, cast_at=AT)
    vote(category, uwe, "onsite", cast_at=AT)
    vote(category, antonio, cast_at=AT + dt.timedelta(minutes=30))
    community = CategoryFactory(
        event=event, slug="community", position=2, voters=Category.Voters.COMMUNITY
    )
    vote(community, NominationFactory(category=community, finalist=True))
    CategoryFactory(event=event, slug="special", position=3, kind=Category.Kind.DECISION)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event)
    RegistrationFactory(event=event, status=Registration.Status.PENDING)
    return category


def test_turnout(categories, organiser, event, django_assert_num_queries):
    with django_assert_num_queries(3):
        rows = queries.turnout(event)
    assert [
        (r.category.slug, r.phase, r.turnout and (r.turnout.online, r.turnout.onsite)) for r in rows
    ] == [
        ("manager", "closed", (2, 1)),
        ("community", "jury", (1, 0)),
        ("special", "jury", None),
    ]
    manager, community = rows[0].turnout, rows[1].turnout
    assert (manager.total, manager.eligible, manager.percent) == (3, 3, Decimal("100.0"))
    assert (community.total, community.eligible, community.percent) == (1, None, None)


def test_turnout_percent_rounds_half_up():
    turnout = queries.Turnout(online=1, onsite=0, eligible=8)
    assert turnout.percent == Decimal("12.5")
    assert queries.Turnout(online=2, onsite=0, eligible=3).percent == Decimal("66.7")
    assert queries.Turnout(online=0, onsite=0, eligible=0).percent is None


def test_published_ballots_only_after_the_reveal(categories, organiser, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert queries.published_ballots(categories) == []
    services.reveal(categories, organiser)
    categories.refresh_from_db()
    assert categories.event.slug == "ecc"
    with django_assert_num_queries(1):
        published = queries.published_ballots(categories)
    receipts = sorted(b.receipt for b in categories.ballots.all())
    assert [b["receipt"] for b in published] == receipts
    hour = dt.datetime(2022, 9, 26, 10, tzinfo=categories.event.tz)
    assert sorted((b["channel"], b["cast_hour"], b["finalist"]) for b in published) == [
        ("On site", hour, "Uwe"),
        ("Online", hour, "Uwe"),
        ("Online", hour.replace(hour=11), "Antonio"),
    ]
    assert set(published[0]) == {"receipt", "channel", "cast_hour", "finalist"}  # no voter
    assert queries.published_ballots_of([categories], categories.event) == {
        categories.pk: published
    }


def test_find_receipt(categories, organiser, event):
    ballot = categories.ballots.select_related("nomination").first()
    assert queries.find_receipt(event, ballot.receipt) is None  # not revealed yet
    services.reveal(categories, organiser)
    typed = " ".join([ballot.receipt[:4].lower(), ballot.receipt[4:8], "-" + ballot.receipt[8:]])
    found = queries.find_receipt(event, typed)
    assert found["receipt"] == ballot.receipt
    assert found["finalist"] == ballot.nomination.name
    assert found["category"] == categories
    assert queries.find_receipt(CategoryFactory().event, ballot.receipt) is None
    assert queries.find_receipt(event, "   ") is None


def test_current_tally_and_the_means_only_with_a_jury_weight(categories, django_assert_num_queries):
    with django_assert_num_queries(2):
        result = queries.current_tally(categories)
    assert (result.ballots, result.winners) == (3, (finalists(categories)[1].pk,))
    categories.jury_weight = 30
    with django_assert_num_queries(3):
        queries.current_tally(categories)


def test_audit_log(categories, organiser, event, django_assert_num_queries):
    now = timezone.now()
    services.view_early(categories, organiser)
    services.reveal(categories, organiser, now=now)
    services.export_ballots(event, organiser)
    with django_assert_num_queries(2):
        rows = queries.audit_log(event)
    assert [(r["entry"].action, r["details"]) for r in rows] == [
        ("viewed", "3 ballots at the time"),
        ("revealed", "Winner: Uwe; 3 ballots"),
        ("exported", "Awards: manager"),
    ]
