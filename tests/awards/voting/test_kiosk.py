"""The voting kiosk in the hall: check-in staff (and organisers) scan a badge, its owner
chooses on the screen, the vote is recorded on site by the staff, and the screen goes back to
"scan the next badge" without a trace of the previous voter."""

import time

import pytest
from django.urls import reverse

from clustermeet.awards.models import Ballot
from clustermeet.awards.voting.views import KIOSK_SESSION
from clustermeet.events.models import Event
from tests.awards.factories import BallotFactory, checked_in, finalists_of, vote_category
from tests.factories import PersonFactory
from tests.onsite.factories import approved, badged, door_staff_of, event_today, organiser_of

pytestmark = pytest.mark.django_db


def kiosk_url(event, name="kiosk"):
    return reverse(f"awards:{name}", args=[event.slug])


def hall(**kwargs):
    """An event under way with one category open on site; (category, staff)."""
    event = event_today(**kwargs.pop("event", {}))
    category = vote_category(event=event, online=None, onsite=(-1, 2), **kwargs)
    return category, door_staff_of(event)


def voter_at(event, *, first_name="Anna"):
    registration, token = badged(event, person__first_name=first_name)
    checked_in(registration)
    return registration.person, token


def test_a_visitor_is_sent_to_log_in(client):
    category, _staff = hall()
    response = client.get(kiosk_url(category.event))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_a_participant_may_not_run_a_kiosk(client):
    category, _staff = hall()
    client.force_login(approved(category.event))
    response = client.get(kiosk_url(category.event))
    assert response.status_code == 403
    _person, token = voter_at(category.event)
    assert client.post(kiosk_url(category.event), {"token": token}).status_code == 403
    assert client.post(kiosk_url(category.event, "kiosk_vote"), {}).status_code == 403


def test_an_invisible_event_s_kiosk_is_a_404_to_others(client):
    category, _staff = hall(event={"visibility": Event.Visibility.INVITATION})
    client.force_login(PersonFactory())
    assert client.get(kiosk_url(category.event)).status_code == 404


def test_door_staff_of_an_invitation_only_event_run_its_kiosk(client):
    category, staff = hall(event={"visibility": Event.Visibility.INVITATION})
    client.force_login(staff)
    response = client.get(kiosk_url(category.event))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Scan the next badge" in html
    # The camera (hidden until voting.js finds one) and the script that starts it.
    assert '<div class="awards-kiosk-camera" id="kiosk-camera" hidden>' in html
    assert "clustermeet/awards/voting.js" in html
    assert response["Cache-Control"] == "no-store, max-age=0, no-cache, must-revalidate, private"


def test_an_organiser_runs_a_kiosk(client):
    category, _staff = hall()
    client.force_login(organiser_of(category.event))
    assert client.get(kiosk_url(category.event)).status_code == 200


def test_scan_vote_and_back_to_the_next_badge(client):
    category, staff = hall(name="Cluster Manager of the Year")
    voter, token = voter_at(category.event, first_name="Anna")
    choice = finalists_of(category)[1]
    client.force_login(staff)

    response = client.post(kiosk_url(category.event), {"token": token}, follow=True)
    html = response.content.decode()
    assert "Welcome, Anna." in html
    assert "Cluster Manager of the Year" in html
    assert html.count('type="radio"') == 3

    response = client.post(
        kiosk_url(category.event, "kiosk_vote"),
        {f"category-{category.pk}": choice.pk},
        follow=True,
    )

    row = Ballot.objects.get()
    assert (row.voter, row.nomination, row.channel, row.recorded_by) == (
        voter,
        choice,
        "onsite",
        staff,
    )
    html = response.content.decode()
    assert "Thank you: your vote is recorded." in html
    assert "Scan the next badge" in html
    for trace in ("Anna", voter.last_name, choice.name, row.receipt):
        assert trace not in html
    # And again, after the thank-you message is gone.
    html = client.get(kiosk_url(category.event)).content.decode()
    assert ("Anna" in html, choice.name in html, "Thank you" in html) == (False, False, False)


def test_a_badge_not_checked_in_today_is_refused_at_scan(client):
    category, staff = hall()
    _registration, token = badged(category.event)
    client.force_login(staff)
    response = client.post(kiosk_url(category.event), {"token": token}, follow=True)
    html = response.content.decode()
    assert "Your badge has not been checked in today." in html
    assert "Scan the next badge" in html
    assert KIOSK_SESSION not in client.session


def test_a_forged_badge(client):
    category, staff = hall()
    client.force_login(staff)
    response = client.post(kiosk_url(category.event), {"token": "nonsense.token"}, follow=True)
    assert "This is not a badge of this event." in response.content.decode()
    assert KIOSK_SESSION not in client.session


def test_nothing_open_on_site(client):
    category, staff = hall(onsite_closes_at=None, onsite_opens_at=None)
    _voter, token = voter_at(category.event)
    client.force_login(staff)
    response = client.post(kiosk_url(category.event), {"token": token}, follow=True)
    assert response.content.decode().count("No on-site vote is open now.") == 2
    assert KIOSK_SESSION not in client.session


def test_a_vote_without_a_scanned_badge(client):
    category, staff = hall()
    client.force_login(staff)
    response = client.post(
        kiosk_url(category.event, "kiosk_vote"),
        {f"category-{category.pk}": finalists_of(category)[0].pk},
        follow=True,
    )
    assert "Please scan the voter&#x27;s badge first." in response.content.decode()
    assert Ballot.objects.count() == 0


def test_no_choice_keeps_the_voter_s_screen_with_an_error(client):
    category, staff = hall()
    _voter, token = voter_at(category.event)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})
    response = client.post(kiosk_url(category.event, "kiosk_vote"), {})
    assert response.status_code == 400
    assert "Choose a finalist in at least one category" in response.content.decode()
    assert Ballot.objects.count() == 0


def test_cancel_records_nothing_and_forgets_the_voter(client):
    category, staff = hall()
    _voter, token = voter_at(category.event)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})
    response = client.post(kiosk_url(category.event, "kiosk_cancel"), follow=True)
    html = response.content.decode()
    assert "Cancelled: nothing was recorded." in html
    assert "Anna" not in html
    assert Ballot.objects.count() == 0
    assert KIOSK_SESSION not in client.session


def test_the_kiosk_forgets_a_voter_who_walked_away(client):
    category, staff = hall()
    _voter, token = voter_at(category.event)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})
    session = client.session
    session[KIOSK_SESSION] = {**session[KIOSK_SESSION], "until": time.time() - 1}
    session.save()
    html = client.get(kiosk_url(category.event)).content.decode()
    assert ("Anna" in html, "Scan the next badge" in html) == (False, True)


def test_a_voter_who_already_voted_online_cannot_vote_again_at_the_kiosk(client):
    category, staff = hall()
    voter, token = voter_at(category.event)
    BallotFactory(nomination=finalists_of(category)[0], voter=voter)
    client.force_login(staff)
    response = client.post(kiosk_url(category.event), {"token": token}, follow=True)
    html = response.content.decode()
    assert "You have already voted in this award, and the vote cannot be changed." in html
    assert 'type="radio"' not in html
    assert finalists_of(category)[0].name not in html


def test_at_the_kiosk_an_on_site_vote_replaces_the_online_one_when_allowed(client):
    category, staff = hall(allow_change=True)
    voter, token = voter_at(category.event)
    online = BallotFactory(nomination=finalists_of(category)[0], voter=voter)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})
    client.post(
        kiosk_url(category.event, "kiosk_vote"),
        {f"category-{category.pk}": finalists_of(category)[2].pk},
    )
    row = Ballot.objects.get()
    assert (row.pk, row.channel, row.nomination, row.recorded_by, row.changes) == (
        online.pk,
        "onsite",
        finalists_of(category)[2],
        staff,
        1,
    )


@pytest.mark.parametrize("count", [1, 3])
def test_the_voter_s_screen_runs_the_same_queries_whatever_the_number_of_categories(
    client, count, django_assert_num_queries
):
    category, staff = hall()
    for _ in range(count - 1):
        vote_category(event=category.event, online=None, onsite=(-1, 2))
    _voter, token = voter_at(category.event)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})
    # session, staff, event, runs_kiosk (organiser, door staff), the voter, the event bar's
    # facts, categories, finalists, conflicts, ballots, may_vote (registration)
    with django_assert_num_queries(12):
        response = client.get(kiosk_url(category.event))
    assert response.content.decode().count('class="card awards-kiosk-category"') == count


def test_the_next_voter_never_sees_the_previous_one(client):
    category, staff = hall()
    first, first_token = voter_at(category.event, first_name="Anna")
    _second, second_token = voter_at(category.event, first_name="Bruno")
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": first_token})
    client.post(
        kiosk_url(category.event, "kiosk_vote"),
        {f"category-{category.pk}": finalists_of(category)[0].pk},
    )

    response = client.post(kiosk_url(category.event), {"token": second_token}, follow=True)

    html = response.content.decode()
    assert "Welcome, Bruno." in html
    assert ("Anna" in html, first.last_name in html, " checked" in html) == (False, False, False)
    assert "You have already voted" not in html


def test_two_categories_in_one_go_each_its_own_ballot(client):
    category, staff = hall()
    other = vote_category(event=category.event, online=None, onsite=(-1, 2))
    skipped = vote_category(event=category.event, online=None, onsite=(-1, 2))
    voter, token = voter_at(category.event)
    client.force_login(staff)
    client.post(kiosk_url(category.event), {"token": token})

    client.post(
        kiosk_url(category.event, "kiosk_vote"),
        {
            f"category-{category.pk}": finalists_of(category)[0].pk,
            f"category-{other.pk}": finalists_of(other)[2].pk,
        },
    )

    assert sorted(
        Ballot.objects.filter(voter=voter).values_list("category", "nomination", "channel")
    ) == sorted(
        [
            (category.pk, finalists_of(category)[0].pk, "onsite"),
            (other.pk, finalists_of(other)[2].pk, "onsite"),
        ]
    )
    assert not Ballot.objects.filter(category=skipped).exists()
