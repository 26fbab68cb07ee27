"""The results' pages per role: the public results (nothing before the reveal, the receipt
check), the organisers' page and its actions, the stage and its polled counter, the log —
with their query counts."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from clustermeet.awards.models import AuditEntry, Category
from clustermeet.awards.results import services
from tests.awards.factories import CategoryFactory, JurorFactory, NominationFactory
from tests.awards.results.helpers import finalists, snapshot, vote
from tests.factories import PersonFactory

BASE = "/events/ecc/awards/results/"
# Rank by rank (Corinne, Antonio, Uwe): online, on site, votes, share of the votes.
EXPECTED_CELLS = ["7", "6", "13", "41.9 %", "6", "5", "11", "35.5 %", "4", "3", "7", "22.6 %"]
ORGANISER_PAGES = ["manage/", "log/", "stage/", "stage/manager/turnout/"]


@pytest.fixture
def votes(category):
    """Seven votes for Uwe, eleven for Antonio, thirteen for Corinne (31 in all)."""
    antonio, uwe, corinne = finalists(category)
    for nomination, n in [(uwe, 7), (antonio, 11), (corinne, 13)]:
        for i in range(n):
            vote(category, nomination, "onsite" if i % 2 else "online")
    return category


@pytest.fixture
def juror(category):
    return JurorFactory(category=category).person


@pytest.fixture
def nominee(category):
    person = PersonFactory()
    nomination = finalists(category)[0]
    nomination.nominee = person
    nomination.save()
    return person


def cells(html: str) -> list[str]:
    return re.findall(r'<td class="num">([^<]*)</td>', html)


# Who may open what


@pytest.mark.parametrize("page", ORGANISER_PAGES)
def test_organiser_pages_ask_visitors_to_log_in(client, category, page):
    response = client.get(BASE + page)
    assert response.status_code == 302
    assert response["Location"].startswith("/people/login/") or "login" in response["Location"]


@pytest.mark.parametrize("page", ORGANISER_PAGES)
@pytest.mark.parametrize("role", ["visitor", "participant", "juror", "nominee"])
def test_organiser_pages_are_forbidden_to_everyone_else(client, category, page, role, request):
    client.force_login(request.getfixturevalue(role))
    assert client.get(BASE + page).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "manage/manager/open/",
        "manage/manager/close/",
        "manage/manager/look/",
        "manage/manager/reveal/",
        "manage/manager/decision/",
        "ballots.csv",
        "stage/manager/reveal/",
    ],
)
@pytest.mark.parametrize("role", ["visitor", "participant", "juror", "nominee"])
def test_organiser_actions_are_forbidden_and_change_nothing(client, votes, path, role, request):
    client.force_login(request.getfixturevalue(role))
    before = snapshot(votes)
    response = client.post(BASE + path, {"channel": "online", "early": "on"})
    assert response.status_code == 403
    assert snapshot(votes) == before


def test_an_unknown_category_is_a_404(client, organiser, category):
    client.force_login(organiser)
    assert client.post(BASE + "manage/nope/reveal/").status_code == 404
    assert client.get(BASE + "stage/nope/turnout/").status_code == 404


# Nothing before the reveal


@pytest.mark.parametrize("role", [None, "visitor", "participant", "juror", "nominee"])
def test_the_public_page_shows_nothing_of_an_unrevealed_vote(client, votes, role, request):
    if role:
        client.force_login(request.getfixturevalue(role))
    html = client.get(BASE).content.decode()
    assert "No award is revealed yet." in html
    for name in ["Antonio", "Uwe", "Corinne"]:
        assert name not in html
    assert cells(html) == []


def test_the_organisers_page_shows_turnout_only(client, organiser, votes):
    client.force_login(organiser)
    html = client.get(BASE + "manage/").content.decode()
    assert "31 (17 online, 14 on site)" in html
    for name in ["Antonio", "Uwe", "Corinne"]:
        assert name not in html
    assert cells(html) == []
    assert "Reveal the winner of Cluster Manager of the Year" in html
    assert "Look at the results now (this is logged)" in html


def test_the_stage_shows_the_turnout_and_the_reveal_button(client, organiser, votes):
    client.force_login(organiser)
    html = client.get(BASE + "stage/").content.decode()
    assert '<span class="stage-number">31</span>' in html
    assert 'hx-trigger="every 5s"' in html
    assert 'aria-live="polite"' in html
    for name in ["Antonio", "Uwe", "Corinne"]:
        assert name not in html
    fragment = client.get(BASE + "stage/manager/turnout/?phase=closed", HTTP_HX_REQUEST="true")
    assert fragment.status_code == 200
    assert '<span class="stage-number">31</span>' in fragment.content.decode()
    assert "Antonio" not in fragment.content.decode()


def test_the_counter_reloads_the_stage_when_the_phase_changed(client, organiser, votes):
    client.force_login(organiser)
    response = client.get(BASE + "stage/manager/turnout/?phase=voting", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"
    services.reveal(votes, organiser)
    response = client.get(BASE + "stage/manager/turnout/?phase=closed", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"


# The actions


def test_the_early_look_is_logged_and_shows_the_counts(client, organiser, votes):
    client.force_login(organiser)
    html = client.post(BASE + "manage/manager/look/").content.decode()
    assert "Your look is in the awards log." in html
    assert "In the lead" in html and "Winner" not in html
    assert cells(html) == EXPECTED_CELLS
    assert AuditEntry.objects.filter(action="viewed").count() == 1


def test_reveal_from_the_organisers_page(client, organiser, votes):
    client.force_login(organiser)
    response = client.post(BASE + "manage/manager/reveal/")
    assert response.status_code == 302
    assert response["Location"] == BASE + "manage/#category-manager"
    votes.refresh_from_db()
    assert votes.revealed_at is not None
    html = client.get(response["Location"]).content.decode()
    assert "The winner is revealed and the results are public." in html
    assert "Corinne" in html


def test_a_refused_action_shows_its_message(client, organiser, votes):
    client.force_login(organiser)
    response = client.post(BASE + "manage/manager/close/", {"channel": "online"}, follow=True)
    assert "The online vote is not open." in response.content.decode()
    response = client.post(BASE + "manage/manager/open/", {"channel": "online"}, follow=True)
    assert "Say when the online vote closes." in response.content.decode()


def test_open_with_a_closing_time_in_the_event_time_zone(client, organiser, votes):
    client.force_login(organiser)
    later = (timezone.now() + dt.timedelta(days=1)).astimezone(votes.event.tz)
    response = client.post(
        BASE + "manage/manager/open/",
        {"channel": "onsite", "closes_at": later.strftime("%Y-%m-%dT%H:%M")},
    )
    assert response.status_code == 302
    votes.refresh_from_db()
    assert votes.onsite_closes_at == later.replace(second=0, microsecond=0)
    html = client.get(BASE + "manage/").content.decode()
    assert "Close the on-site vote now" in html


def test_record_a_decision_and_reveal_it(client, organiser, event):
    special = CategoryFactory(event=event, slug="special", kind=Category.Kind.DECISION)
    antonio = NominationFactory(category=special, name="Antonio Novo Guerrero")
    client.force_login(organiser)
    client.post(BASE + "manage/special/decision/", {"nomination": antonio.pk})
    html = client.get(BASE + "manage/").content.decode()
    assert "Recorded: Antonio Novo Guerrero (announced at the reveal)." in html
    client.post(BASE + "manage/special/reveal/")
    html = client.get(BASE).content.decode()
    assert "The organisers decided this award, without a vote." in html
    assert "<strong>Antonio Novo Guerrero</strong>" in html


def test_the_ballots_export(client, organiser, votes):
    client.force_login(organiser)
    response = client.post(BASE + "ballots.csv", follow=True)
    assert "exporting them is an early look at the votes (logged)" in response.content.decode()
    response = client.post(BASE + "ballots.csv", {"early": "on"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ballots-ecc.csv"'
    assert len(response.content.decode("utf-8-sig").splitlines()) == 32
    response = client.post(BASE + "ballots.csv", {"category": "manager", "early": "on"})
    assert response["Content-Disposition"] == 'attachment; filename="ballots-ecc-manager.csv"'
    assert AuditEntry.objects.filter(action="exported").count() == 2


def test_the_stage_reveal_with_htmx_fills_the_live_region(client, organiser, votes):
    client.force_login(organiser)
    response = client.post(BASE + "stage/manager/reveal/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "The winner is" in html
    assert '<p class="stage-winners">Corinne</p>' in html
    assert 'id="controls-manager" hx-swap-oob="outerHTML"' in html
    assert cells(html) == ["7", "6", "13", "6", "5", "11", "4", "3", "7"]
    again = client.post(BASE + "stage/manager/reveal/", HTTP_HX_REQUEST="true")
    assert again.content.decode() == (
        '<p class="stage-error" role="alert">This award is already revealed.</p>\n'
    )
    page = client.get(BASE + "stage/").content.decode()
    assert '<p class="stage-winners">Corinne</p>' in page
    assert "hx-trigger" not in page


def test_the_stage_reveal_without_htmx_goes_back_to_the_stage(client, organiser, votes):
    client.force_login(organiser)
    response = client.post(BASE + "stage/manager/reveal/")
    assert response["Location"] == BASE + "stage/#stage-manager"


# After the reveal


@pytest.fixture
def revealed(votes, organiser):
    services.reveal(votes, organiser)
    votes.refresh_from_db()
    return votes


@pytest.mark.parametrize("role", [None, "visitor", "participant"])
def test_the_public_results(client, revealed, role, request):
    if role:
        client.force_login(request.getfixturevalue(role))
    html = client.get(BASE).content.decode()
    assert "Winner:" in html and "<strong>Corinne</strong>" in html
    # rank by rank: online, on site, votes, share
    assert cells(html) == EXPECTED_CELLS
    assert "One vote per person across the online and on-site votes" in html
    assert "The published ballots (31)" in html
    ballot = revealed.ballots.order_by("receipt").first()
    assert f'<code class="receipt">{ballot.receipt}</code>' in html


def test_the_receipt_check(client, revealed):
    ballot = revealed.ballots.select_related("nomination").first()
    html = client.get(BASE, {"receipt": ballot.receipt.lower()}).content.decode()
    assert "Your ballot is in the list." in html
    assert f"for {ballot.nomination.name}." in html
    html = client.get(BASE, {"receipt": "NOSUCHRECEIPT"}).content.decode()
    assert "No ballot with this receipt" in html


def test_the_receipt_of_an_unrevealed_award_is_not_found(client, votes):
    ballot = votes.ballots.first()
    html = client.get(BASE, {"receipt": ballot.receipt}).content.decode()
    assert "No ballot with this receipt" in html
    assert ballot.nomination.name not in html


def test_the_log_in_words(client, organiser, revealed):
    client.force_login(organiser)
    html = client.get(BASE + "log/").content.decode()
    assert "Revealed the winner" in html
    assert "Winner: Corinne; 31 ballots" in html
    assert organiser.full_name in html


# Query counts


def _more(event, organiser, n: int) -> None:
    """n more categories of each kind, revealed, with ballots and log entries."""
    for i in range(n):
        vote_category = CategoryFactory(
            event=event, slug=f"more-{i}", shortlist_confirmed_at=timezone.now()
        )
        nomination = NominationFactory(category=vote_category, finalist=True)
        vote(vote_category, nomination)
        vote(vote_category, nomination, "onsite")
        services.reveal(vote_category, organiser)
        special = CategoryFactory(event=event, slug=f"special-{i}", kind=Category.Kind.DECISION)
        services.record_decision(special, organiser, NominationFactory(category=special).pk)
        CategoryFactory(event=event, slug=f"later-{i}")


# The session, the person, the event, the organiser rule, then the page's own reads, and the
# navigation's one query (base.html); the stage has no navigation.
QUERIES = {"manage/": 9, "stage/": 7, "log/": 7, "": 9, "stage/manager/turnout/": 7}


def test_the_public_page_for_a_visitor(
    client, revealed, event, organiser, django_assert_num_queries
):
    client.get(BASE)
    with django_assert_num_queries(7):  # the event, then the page's five, the navigation's one
        assert client.get(BASE).status_code == 200
    _more(event, organiser, 3)
    with django_assert_num_queries(7):
        assert client.get(BASE).status_code == 200


@pytest.mark.parametrize(("page", "count"), QUERIES.items())
def test_query_counts_do_not_grow(
    client, organiser, revealed, event, page, count, django_assert_num_queries
):
    client.force_login(organiser)
    client.get(BASE + page)
    with django_assert_num_queries(count):
        assert client.get(BASE + page).status_code == 200
    _more(event, organiser, 3)
    with django_assert_num_queries(count):
        assert client.get(BASE + page).status_code == 200


def test_a_jury_only_award_shows_no_turnout_and_no_ballots_export(client, organiser, event):
    from clustermeet.awards.models import Score
    from tests.awards.factories import CriterionFactory

    partnership = CategoryFactory(
        event=event,
        slug="partnership",
        jury_weight=100,
        shortlist_confirmed_at=timezone.now() - dt.timedelta(days=1),
    )
    criterion = CriterionFactory(category=partnership)
    juror = JurorFactory(category=partnership)
    for value, name in [(5, "IOT4Industry"), (3, "MedTex")]:
        nomination = NominationFactory(category=partnership, name=name, finalist=True)
        Score.objects.create(juror=juror, nomination=nomination, criterion=criterion, value=value)
    services.reveal(partnership, organiser)
    client.force_login(organiser)
    html = client.get(BASE + "manage/").content.decode()
    section = html[html.index('id="category-partnership"') :]
    assert "Decided by the jury (no community vote)" in section
    assert "<strong>IOT4Industry</strong>" in section
    assert "Eligible voters" not in section
    assert 'name="category" value="partnership"' not in section
    public = client.get(BASE).content.decode()
    section = public[public.index('id="category-partnership"') :]
    assert "The jury alone decides" in section
    assert "Share of the votes" not in section
    assert "The published ballots" not in section
