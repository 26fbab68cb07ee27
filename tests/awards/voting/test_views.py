"""The awards' overview and the ballot page: who sees what, who may vote, what the page says
about the channel, the receipt after voting, and fixed query counts."""

import pytest
from django.urls import reverse

from clustermeet.awards.models import Ballot, Category, Conflict
from clustermeet.events.models import Event
from tests.awards.factories import (
    BallotFactory,
    JurorFactory,
    checked_in,
    finalists_of,
    vote_category,
)
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.onsite.factories import approved, event_today, organiser_of

pytestmark = pytest.mark.django_db


def index_url(event):
    return reverse("awards:index", args=[event.slug])


def ballot_url(category):
    return reverse("awards:ballot", args=[category.event.slug, category.slug])


# --- the overview ------------------------------------------------------------------------------


def test_a_visitor_sees_the_categories_in_order_with_their_phase(client):
    event = EventFactory()
    second = vote_category(event=event, name="Cluster Manager of the Year", position=2)
    first = vote_category(event=event, name="Partnership of the Year", position=1, confirmed=False)

    response = client.get(index_url(event))

    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Partnership of the Year") < html.index("Cluster Manager of the Year")
    assert [row.category for row in response.context["rows"]] == [first, second]
    assert [row.phase_label for row in response.context["rows"]] == [
        "The jury is choosing the finalists",
        "Voting is open",
    ]
    assert f'href="{ballot_url(second)}"' in html
    assert "The finalists of Cluster Manager of the Year" in html
    assert "to vote or to see your receipts." in html


def test_the_description_is_in_the_reader_s_language(client):
    category = vote_category(
        description="For the best cluster manager.",
        translations={
            "de": {"name": "Clustermanager des Jahres", "description": "Für die Besten."}
        },
    )
    html = client.get(index_url(category.event), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert ("Clustermanager des Jahres" in html, "Für die Besten." in html) == (True, True)
    assert "For the best cluster manager." not in html


def test_an_invitation_only_event_s_awards_are_a_404_to_the_uninvited(client):
    category = vote_category(event=EventFactory(visibility=Event.Visibility.INVITATION))
    assert client.get(index_url(category.event)).status_code == 404
    client.force_login(PersonFactory())
    assert client.get(index_url(category.event)).status_code == 404
    assert client.get(ballot_url(category)).status_code == 404


def test_a_participant_sees_the_vote_link_and_their_receipts(client):
    category = vote_category(name="Cluster Manager of the Year")
    voter = approved(category.event)
    ballot = BallotFactory(nomination=finalists_of(category)[1], voter=voter)
    client.force_login(voter)

    html = client.get(index_url(category.event)).content.decode()

    assert "Your vote in Cluster Manager of the Year" in html
    assert "My votes and receipts" in html
    assert f'<code class="receipt">{ballot.receipt}</code>' in html
    assert "you voted for Finalist 2 online (" in html


def test_someone_else_s_receipt_is_never_shown(client):
    category = vote_category()
    other = BallotFactory(nomination=finalists_of(category)[0])
    client.force_login(approved(category.event))

    html = client.get(index_url(category.event)).content.decode()

    assert other.receipt not in html
    assert "My votes and receipts" not in html


def test_a_juror_is_marked_on_their_category(client):
    event = EventFactory()
    mine = vote_category(event=event)
    other = vote_category(event=event)
    juror = JurorFactory(category=mine, person=approved(event))
    client.force_login(juror.person)

    response = client.get(index_url(event))

    assert [(row.category, row.juror) for row in response.context["rows"]] == [
        (mine, True),
        (other, False),
    ]
    assert response.context["any_juror"] is True


def test_an_organiser_gets_the_kiosk_link(client):
    category = vote_category()
    client.force_login(organiser_of(category.event))
    response = client.get(index_url(category.event))
    assert response.context["organiser"] is True
    assert reverse("awards:kiosk", args=[category.event.slug]) in response.content.decode()


def test_a_participant_gets_no_organiser_links(client):
    category = vote_category()
    client.force_login(approved(category.event))
    response = client.get(index_url(category.event))
    assert response.context["organiser"] is False
    assert reverse("awards:kiosk", args=[category.event.slug]) not in response.content.decode()


def test_an_event_without_awards(client):
    event = EventFactory()
    assert "This event has no awards yet." in client.get(index_url(event)).content.decode()


@pytest.mark.parametrize("count", [2, 6])
def test_the_overview_runs_the_same_queries_whatever_the_number_of_categories(
    client, count, django_assert_num_queries
):
    event = EventFactory()
    voter = approved(event)
    for n in range(count):
        category = vote_category(event=event, voters="participants" if n % 2 else "community")
        BallotFactory(nomination=finalists_of(category)[0], voter=voter)
        JurorFactory(category=category, person=voter)
    client.force_login(voter)
    # session, person, event, the event bar's facts, categories, may_vote (participants: the
    # registration; community: none), ballots, jury seats, organiser
    with django_assert_num_queries(9):
        response = client.get(index_url(event))
    assert response.content.decode().count('class="card awards-category"') == count


# --- the ballot page ---------------------------------------------------------------------------


def test_a_visitor_sees_the_finalists_and_is_asked_to_log_in(client):
    category = vote_category()
    response = client.get(ballot_url(category))
    html = response.content.decode()
    assert response.status_code == 200
    assert [c.nomination.name for c in response.context["cards"]] == [
        "Finalist 1",
        "Finalist 2",
        "Finalist 3",
    ]
    assert "Not shortlisted" not in html
    assert 'type="radio"' not in html
    assert "to vote." in html


def test_a_visitor_s_post_goes_to_the_login_page_and_records_nothing(client):
    category = vote_category()
    response = client.post(ballot_url(category), {"nomination": finalists_of(category)[0].pk})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))
    assert Ballot.objects.count() == 0


def test_a_participant_votes_online_and_sees_the_receipt(client):
    category = vote_category()
    voter = approved(category.event)
    client.force_login(voter)
    html = client.get(ballot_url(category)).content.decode()
    assert html.count('type="radio"') == 3
    assert "Your vote goes through the online vote." in html
    assert "You vote once: your vote cannot be changed." in html

    choice = finalists_of(category)[2]
    response = client.post(ballot_url(category), {"nomination": choice.pk}, follow=True)

    ballot = Ballot.objects.get()
    assert (ballot.voter, ballot.nomination, ballot.channel) == (voter, choice, "online")
    html = response.content.decode()
    assert response.redirect_chain == [(ballot_url(category), 302)]
    assert f"Your vote is recorded. Your receipt code is {ballot.receipt}." in html
    assert f'<code class="receipt" id="receipt">{ballot.receipt}</code>' in html
    assert "You voted for <strong>Finalist 3</strong> online (" in html
    assert 'type="radio"' not in html


def test_a_second_vote_is_refused_on_the_page_when_changes_are_not_allowed(client):
    category = vote_category()
    voter = approved(category.event)
    first, second, _third = finalists_of(category)
    BallotFactory(nomination=first, voter=voter)
    client.force_login(voter)

    response = client.post(ballot_url(category), {"nomination": second.pk})

    assert response.status_code == 400
    assert "You have already voted in this category (online, on " in response.content.decode()
    assert Ballot.objects.get().nomination == first


def test_a_vote_can_be_changed_when_allowed(client):
    category = vote_category(allow_change=True)
    voter = approved(category.event)
    first, second, _third = finalists_of(category)
    original = BallotFactory(nomination=first, voter=voter)
    client.force_login(voter)
    html = client.get(ballot_url(category)).content.decode()
    assert "Change my vote" in html
    assert "You can change it until the vote closes; the last choice counts." in html
    assert f'value="{first.pk}" id="finalist-{first.pk}" checked' in html

    client.post(ballot_url(category), {"nomination": second.pk})

    row = Ballot.objects.get()
    assert (row.pk, row.nomination, row.changes, row.receipt) == (
        original.pk,
        second,
        1,
        original.receipt,
    )


def test_no_choice_is_a_clear_error(client):
    category = vote_category()
    client.force_login(approved(category.event))
    response = client.post(ballot_url(category), {})
    assert response.status_code == 400
    assert "Please choose one finalist." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_a_non_finalist_cannot_be_posted(client):
    category = vote_category()
    client.force_login(approved(category.event))
    other = category.nominations.get(finalist=False)
    response = client.post(ballot_url(category), {"nomination": other.pk})
    assert response.status_code == 400
    assert "Please choose one of the finalists listed." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_a_closed_vote(client):
    category = vote_category(online=(-48, -1))
    client.force_login(approved(category.event))
    html = client.get(ballot_url(category)).content.decode()
    assert "The online vote closed on " in html
    assert 'type="radio"' not in html
    response = client.post(ballot_url(category), {"nomination": finalists_of(category)[0].pk})
    assert response.status_code == 400
    assert "The online vote closed on " in response.content.decode()
    assert Ballot.objects.count() == 0


def test_someone_who_may_not_vote_gets_403_and_nothing_is_recorded(client):
    category = vote_category()
    client.force_login(PersonFactory())
    html = client.get(ballot_url(category)).content.decode()
    assert "Only the event&#x27;s approved participants vote in this category." in html
    response = client.post(ballot_url(category), {"nomination": finalists_of(category)[0].pk})
    assert response.status_code == 403
    assert Ballot.objects.count() == 0


def test_a_nominee_who_participates_votes_like_anyone(client):
    category = vote_category()
    nominee = approved(category.event)
    mine = finalists_of(category)[0]
    mine.nominee = nominee
    mine.save(update_fields=["nominee"])
    client.force_login(nominee)
    client.post(ballot_url(category), {"nomination": finalists_of(category)[1].pk})
    assert Ballot.objects.get().voter == nominee


def test_a_conflicted_juror_is_not_offered_that_finalist(client):
    category = vote_category()
    juror = JurorFactory(category=category, person=approved(category.event))
    first = finalists_of(category)[0]
    Conflict.objects.create(juror=juror, nomination=first)
    client.force_login(juror.person)

    html = client.get(ballot_url(category)).content.decode()

    assert f'id="finalist-{first.pk}"' not in html
    assert html.count('type="radio"') == 2
    assert "You declared a conflict of interest with this finalist as a juror" in html
    response = client.post(ballot_url(category), {"nomination": first.pk})
    assert response.status_code == 400
    assert Ballot.objects.count() == 0


def test_on_site_without_check_in_the_page_says_so(client):
    category = vote_category(event=event_today(), online=None, onsite=(-1, 1))
    client.force_login(approved(category.event))
    html = client.get(ballot_url(category)).content.decode()
    assert "Your badge has not been checked in today." in html
    assert 'type="radio"' not in html


def test_on_site_on_the_phone_after_check_in(client):
    category = vote_category(event=event_today(), online=None, onsite=(-1, 1))
    registration = RegistrationFactory(event=category.event)
    checked_in(registration)
    client.force_login(registration.person)
    html = client.get(ballot_url(category)).content.decode()
    assert "Your vote goes through the on-site vote (your badge is checked in today)." in html

    client.post(ballot_url(category), {"nomination": finalists_of(category)[1].pk})

    row = Ballot.objects.get()
    assert (row.voter, row.channel, row.recorded_by) == (registration.person, "onsite", None)


def test_both_windows_open_a_person_at_home_votes_online(client):
    category = vote_category(event=event_today(), online=(-1, 1), onsite=(-1, 1))
    voter = approved(category.event)
    client.force_login(voter)
    client.post(ballot_url(category), {"nomination": finalists_of(category)[0].pk})
    assert Ballot.objects.get().channel == "online"


def test_a_decided_award_and_an_unknown_category_have_no_ballot(client):
    category = vote_category(kind=Category.Kind.DECISION)
    assert client.get(ballot_url(category)).status_code == 404
    missing = reverse("awards:ballot", args=[category.event.slug, "nope"])
    assert client.get(missing).status_code == 404


def test_a_category_of_another_event_is_not_found_under_this_one(client):
    category = vote_category()
    other = EventFactory()
    url = reverse("awards:ballot", args=[other.slug, category.slug])
    assert client.get(url).status_code == 404


def test_before_the_shortlist_the_finalists_are_not_known(client):
    category = vote_category(confirmed=False)
    html = client.get(ballot_url(category)).content.decode()
    assert "The finalists of this category are not known yet." in html
    assert "Finalist 1" not in html


@pytest.mark.parametrize("finalists", [2, 6])
def test_the_ballot_page_runs_the_same_queries_whatever_the_number_of_finalists(
    client, finalists, django_assert_num_queries
):
    category = vote_category(finalists=finalists)
    voter = approved(category.event)
    JurorFactory(category=category, person=voter)
    client.force_login(voter)
    # session, person, event, the event bar's facts, category, may_vote (registration),
    # conflicts, finalists, the person's ballot
    with django_assert_num_queries(9):
        response = client.get(ballot_url(category))
    assert response.content.decode().count('type="radio"') == finalists
