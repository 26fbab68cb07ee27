"""The awards' figure and section: revealed categories only, their numbers equal to
`event_stats(...)["awards"]` and to the public results page's, decided and jury-only awards as
such, a fixed number of queries."""

import pytest
from django.urls import reverse
from django.utils import translation

from clustermeet.awards.models import Category
from clustermeet.paper import document
from clustermeet.paper.figures.awards import awards
from clustermeet.paper.models import Paper
from clustermeet.reports.queries import event_stats
from tests.awards.factories import awards_organiser
from tests.factories import EventFactory
from tests.paper.awards_data import HIDDEN_FINALIST, add_awards

pytestmark = pytest.mark.django_db


def built(size=1):
    event = EventFactory(slug="awarded")
    organiser = awards_organiser(event)
    return event, organiser, add_awards(event, organiser, size)


def test_no_revealed_award_no_section():
    event = EventFactory()
    assert awards(event) is None
    vote_only = Category.objects.create(event=event, name="Later", slug="later")
    assert vote_only.revealed_at is None
    assert awards(event) is None


def test_revealed_awards_only_with_their_frozen_results():
    event, _organiser, _made = built()
    figure = awards(event)
    assert [a.category.slug for a in figure.awards] == ["manager", "special", "partnership"]
    vote, decided, jury = figure.awards
    assert [
        (r["name"], r["online"], r["onsite"], r["total"]) for r in vote.result["finalists"]
    ] == [
        ("Finalist 1", 3, 1, 4),
        ("Finalist 2", 2, 0, 2),
        ("Finalist 3", 0, 0, 0),
    ]
    assert vote.result["winner_names"] == ["Finalist 1"]
    assert (vote.turnout.online, vote.turnout.onsite, vote.turnout.eligible) == (5, 1, 7)
    assert (decided.decided, decided.result["winner_names"], decided.turnout) == (
        True,
        ["Chosen Cluster"],
        None,
    )
    assert (jury.jury_only, jury.result["winner_names"]) == (True, ["Partnership 1"])
    assert (figure.finalists, figure.online, figure.onsite, figure.ballots) == (6, 5, 1, 6)


def test_the_numbers_equal_clustermeet_stats_and_the_results_page(client):
    event, _organiser, _made = built()
    figure = awards(event)
    stats = event_stats(event)["awards"]
    revealed_winners = [
        {"category": a.category.slug, "winners": a.result["winner_names"]} for a in figure.awards
    ]
    assert stats["winners"] == revealed_winners
    # the stats count the unrevealed vote's ballot too; the paper never does
    assert stats["ballots"]["total"] == figure.ballots + 1
    page = client.get(reverse("results:public", args=[event.slug])).context
    rows = {row["category"].slug: row for row in page["rows"]}
    for award in figure.awards:
        row = rows[award.category.slug]
        assert row["result"] == award.result
        assert row["turnout"] == award.turnout


def test_the_section_in_the_document():
    event, _organiser, _made = built()
    paper = Paper(event=event, sections=["awards"], public_sections=["awards"])
    with translation.override("en"):
        content = document.context(event, paper)
        html = document.render_html(content)
    (section,) = content["sections"]
    assert section.title == "Awards"
    assert section.parts == [
        ("award-manager", "Cluster Manager of the Year"),
        ("award-special", "Special Award"),
        ("award-partnership", "Partnership of the Year"),
    ]
    assert section.context["numbers"].items == [
        ("3", "awards"),
        ("6", "finalists"),
        ("6", "award ballots"),
        ("5", "online"),
        ("1", "on site"),
    ]
    vote, decided, jury = section.context["entries"]
    assert vote["turnout"] == "6 ballots (5 online, 1 on site); 85.7 % of 7 participants."
    assert vote["figure"].table.headers == [
        "Finalist",
        "Rank",
        "Online",
        "On site",
        "Votes",
        "Share of the votes",
    ]
    assert vote["figure"].table.rows == [
        ["Finalist 1 (winner)", "1", "3", "1", "4", "66.7 %"],
        ["Finalist 2", "2", "2", "0", "2", "33.3 %"],
        ["Finalist 3", "3", "0", "0", "0", "0.0 %"],
    ]
    assert (decided["figure"], decided["table"], decided["turnout"]) == (None, None, "")
    assert decided["method"] == "The organisers decided this award, without a vote."
    assert jury["figure"] is None
    assert jury["table"].headers == [
        "Finalist",
        "Rank",
        "Jury's mean score",
        "Share of the jury",
    ]
    assert jury["table"].rows[0] == ["Partnership 1 (winner)", "1", "5.000", "62.5 %"]
    assert "Figure 1: Votes per finalist: Cluster Manager of the Year" in html
    assert "Winner: <strong>Chosen Cluster</strong>" in html
    assert HIDDEN_FINALIST not in html
    assert "Not revealed yet" not in html
    assert '<h3 id="annex-awards">Awards</h3>' in html


@pytest.mark.parametrize("size", [1, 3])
def test_a_fixed_number_of_queries(size, django_assert_num_queries):
    event, _organiser, _made = built(size)
    with django_assert_num_queries(3):  # revealed categories, ballots per channel, participants
        awards(event)


def test_a_vote_weighed_with_its_jury_and_one_channel_only():
    from clustermeet.awards.results import services
    from tests.awards.factories import (
        BallotFactory,
        CriterionFactory,
        JurorFactory,
        finalists_of,
        score_all,
        vote_category,
    )

    event = EventFactory()
    organiser = awards_organiser(event)
    category = vote_category(event, online=(-48, -24), finalists=2, jury_weight=50, slug="mixed")
    criterion, juror = CriterionFactory(category=category), JurorFactory(category=category)
    first, second = finalists_of(category)
    score_all(juror, first, [criterion], 2)
    score_all(juror, second, [criterion], 2)
    BallotFactory(nomination=first)
    services.reveal(category, organiser)
    paper = Paper(event=event, sections=["awards"])
    with translation.override("en"):
        (section,) = document.context(event, paper)["sections"]
    assert section.context["numbers"].items == [
        ("1", "award"),
        ("2", "finalists"),
        ("1", "award ballot"),
    ]
    (entry,) = section.context["entries"]
    assert entry["figure"].table.headers[-3:] == [
        "Jury's mean score",
        "Share of the jury",
        "Combined",
    ]
    assert entry["figure"].table.rows == [
        ["Finalist 1 (winner)", "1", "1", "0", "1", "100.0 %", "2.000", "50.0 %", "75.0 %"],
        ["Finalist 2", "2", "0", "0", "0", "0.0 %", "2.000", "50.0 %", "25.0 %"],
    ]
