"""The dashboard's page: organisers only (per role), the figures rendered without
JavaScript, the charts drawn on the server with their text alternatives, a pinned number of
queries, and the event page's link."""

import re

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.people.models import Role
from tests.awards.factories import CategoryFactory, JurorFactory, NominationFactory
from tests.factories import EventFactory, PersonFactory, RegistrationFactory
from tests.onsite.factories import door_staff_of
from tests.reports.dashboard.factories import dashboard_event

pytestmark = pytest.mark.django_db


def url(event) -> str:
    return reverse("dashboard:live", args=[event.slug])


@pytest.fixture
def built():
    return dashboard_event()


def test_a_visitor_is_sent_to_log_in(client, built):
    response = client.get(url(built["event"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("people:login"))


def test_only_organisers_and_staff_open_it(client, built):
    event, award = built["event"], built["award"]
    juror = JurorFactory(category=award, person=RegistrationFactory(event=event).person).person
    nominee = RegistrationFactory(event=event).person
    NominationFactory(category=award, nominee=nominee)
    refused = {
        "participant": built["participants"][0],
        "juror": juror,
        "nominee": nominee,
        "door staff": door_staff_of(event),
        "outsider": PersonFactory(),
        "speaker": RegistrationFactory(event=event, roles=[Role.SPEAKER]).person,
    }
    for role, person in refused.items():
        client.force_login(person)
        assert (role, client.get(url(event)).status_code) == (role, 403)
    client.force_login(built["organiser"])
    assert client.get(url(event)).status_code == 200
    client.force_login(PersonFactory(is_staff=True))
    assert client.get(url(event)).status_code == 200


def test_an_event_one_may_not_see_is_a_404(client):
    event = EventFactory(visibility=Event.Visibility.INVITATION)
    client.force_login(PersonFactory())
    assert client.get(url(event)).status_code == 404
    assert client.get("/events/no-such-event/dashboard/").status_code == 404


def test_the_page_shows_the_figures_without_javascript(client, built):
    event = built["event"]
    client.force_login(built["organiser"])
    response = client.get(url(event))
    html = response.content.decode()
    assert response["Cache-Control"].startswith("max-age=0")

    def figure(path):
        match = re.search(rf'data-figure="{re.escape(path)}">([^<]*)<', html)
        return match.group(1) if match else None

    assert [
        figure(path)
        for path in (
            "registrations.registered",
            "registrations.approved",
            "registrations.pending",
            "online.people",
            "online.connections",
            "door.checked_in",
            "door.expected",
            "cafe.tables_active",
            "cafe.people_seated",
            "meetings.in_progress",
            "meetings.held",
            "meetings.scheduled",
            "booths.visits_today",
            "booths.visits",
            "spark_total",
        )
    ] == ["7", "5", "1", "0", "0", "2", "5", "1", "2", "1", "1", "2", "1", "2", "8"]
    assert html.count("<h1") == 1
    assert "Clusters and the twin transition" in html
    assert reverse("programme:session", args=[event.slug, built["live"].slug]) in html
    assert 'aria-live="polite"' in html
    assert 'data-ws-path="/ws/events/ecc-live/"' in html
    assert "clustermeet/reports/dashboard.js" in html
    # Every chart is an image with a title and a text alternative; the numbers are beside it.
    charts = re.findall(r'<svg id="(dash-[a-z]+)"[^>]*role="img" aria-labelledby="([^"]+)"', html)
    assert charts == [
        ("dash-spark", "dash-spark-title dash-spark-desc"),
        ("dash-hours", "dash-hours-title dash-hours-desc"),
        ("dash-votes", "dash-votes-title dash-votes-desc"),
    ]
    assert "8 new registrations in the last 30 days; at most 7 on one day." in html
    assert "2 check-ins on " in html
    assert "Votes cast in the sessions under way: 4 in all." in html
    assert html.count('<rect class="bar"') == 1 + 2  # one hour of check-ins, two sessions
    # The award's turnout: counts, never a count per finalist.
    award = built["award"]
    assert award.name in html
    assert "60.0 %" in html
    for finalist in award.nominations.all():
        assert finalist.name not in html


def test_the_page_takes_a_fixed_number_of_queries(client, built, django_assert_num_queries):
    client.force_login(built["organiser"])
    client.get(url(built["event"]))  # the session, the user: warm
    # the session, the user, the event, can_manage, the figures (12), the event bar's facts (1)
    with django_assert_num_queries(17):
        assert client.get(url(built["event"])).status_code == 200


def test_the_event_page_links_the_dashboard_for_organisers_only(client, built):
    event = built["event"]
    link = url(event)
    client.force_login(built["organiser"])
    assert link in client.get(reverse("events:detail", args=[event.slug])).content.decode()
    client.force_login(built["participants"][0])
    assert link not in client.get(reverse("events:detail", args=[event.slug])).content.decode()


def test_an_award_no_vote_decides_says_who_does(client, built):
    CategoryFactory(event=built["event"], kind="decision", name="Special award", position=5)
    client.force_login(built["organiser"])
    html = client.get(url(built["event"])).content.decode()
    assert "Special award" in html
    assert '<td colspan="2">decided by the organisers</td>' in html
