"""The download views: who sees what, content types, file names, and a fixed number of queries."""

import datetime as dt

import pytest
from django.urls import reverse
from icalendar import Calendar
from lxml import etree

from clustermeet.events.models import Ecosystem, Event
from clustermeet.people.models import Invitation, Registration, Role
from clustermeet.programme.models import Attachment, Bookmark, Session
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)
from tests.programme.frab_support import assert_valid_json, assert_valid_xml

PUBLIC_TITLES = [
    "Welcome and opening",
    "Clusters for a green and digital recovery",
    "Digital ecosystem workshop",
    "Resilient value chains",
    "Online networking",
]
EXPORTS = ["programme_ics", "schedule_xml", "schedule_json"]


def url(name: str, event: Event, **kwargs) -> str:
    return reverse(f"programme:{name}", kwargs={"event_slug": event.slug, **kwargs})


def titles(response) -> list[str]:
    """The session titles of any export, in order, after validating schedules."""
    if response["Content-Type"] == "application/json":
        assert_valid_json(response.json())
        days = response.json()["schedule"]["conference"]["days"]
        events = [e for day in days for room in day["rooms"].values() for e in room]
        return [e["title"] for e in sorted(events, key=lambda e: e["date"])]
    if response["Content-Type"] == "application/xml":
        root = assert_valid_xml(response.content)
        events = sorted(root.iterfind("day/room/event"), key=lambda e: e.findtext("date"))
        return [e.findtext("title") for e in events]
    return [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]


def test_programme_ics(client, ecc):
    response = client.get("/events/ecc-2020/programme.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ecc-2020.ics"'
    calendar = Calendar.from_ical(response.content)
    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == [
        f"{s.guid}@clustermeet" for s in ecc.public
    ]
    assert str(calendar["x-wr-calname"]) == "European Cluster Conference 2020"
    assert str(calendar.walk("VEVENT")[0]["url"]) == (
        "http://testserver/events/ecc-2020/sessions/welcome/"
    )


def test_schedule_xml(client, ecc):
    response = client.get("/events/ecc-2020/schedule.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert titles(response) == PUBLIC_TITLES
    root = etree.fromstring(response.content)
    assert root.findtext("conference/base_url") == "http://testserver/"


def test_schedule_json(client, ecc):
    response = client.get("/events/ecc-2020/schedule.json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert titles(response) == PUBLIC_TITLES
    assert response.json()["schedule"]["base_url"] == "http://testserver/"


@pytest.mark.parametrize("name", EXPORTS)
def test_approved_participant_also_gets_participants_only_sessions(client, ecc, name):
    participant = RegistrationFactory(event=ecc.event).person
    client.force_login(participant)

    response = client.get(url(name, ecc.event))

    assert titles(response) == [*PUBLIC_TITLES[:4], "Matchmaking briefing", PUBLIC_TITLES[4]]


@pytest.mark.parametrize("name", EXPORTS)
def test_pending_registration_gets_only_public_sessions(client, ecc, name):
    pending = RegistrationFactory(event=ecc.event, status=Registration.Status.PENDING).person
    client.force_login(pending)

    assert titles(client.get(url(name, ecc.event))) == PUBLIC_TITLES


@pytest.mark.parametrize("name", EXPORTS)
def test_organiser_also_gets_hidden_sessions(client, ecc, name):
    organiser = RegistrationFactory(event=ecc.event, roles=[Role.ORGANISER]).person
    client.force_login(organiser)

    response = client.get(url(name, ecc.event))

    assert titles(response) == [
        *PUBLIC_TITLES[:4],
        "Matchmaking briefing",
        PUBLIC_TITLES[4],
        "Closing ceremony (draft)",
    ]


def test_session_ics(client, ecc):
    response = client.get("/events/ecc-2020/sessions/green-digital-recovery.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="ecc-2020-green-digital-recovery.ics"'
    )
    calendar = Calendar.from_ical(response.content)
    assert [str(e["uid"]) for e in calendar.walk("VEVENT")] == [f"{ecc.panel.guid}@clustermeet"]
    assert str(calendar["x-wr-calname"]) == (
        "Clusters for a green and digital recovery – European Cluster Conference 2020"
    )


@pytest.mark.parametrize("slug", ["closing-draft", "matchmaking-briefing", "no-such-session"])
def test_session_ics_of_an_unseen_session_is_404(client, ecc, slug):
    response = client.get(url("session_ics", ecc.event, session_slug=slug))

    assert response.status_code == 404


def test_session_ics_of_participants_only_session_for_a_participant(client, ecc):
    client.force_login(RegistrationFactory(event=ecc.event).person)

    response = client.get(url("session_ics", ecc.event, session_slug="matchmaking-briefing"))

    assert titles(response) == ["Matchmaking briefing"]


@pytest.fixture
def side_event(ecc):
    """The invitation-only European Cluster Partnerships side event of the 2020 edition."""
    side = EventFactory(
        slug="ecp-side-event",
        name="European Cluster Partnerships side event",
        visibility=Event.Visibility.INVITATION,
        parent=ecc.event,
        start_date=dt.date(2020, 11, 16),
        end_date=dt.date(2020, 11, 16),
    )
    SessionFactory(
        event=side,
        slug="partnership-matchmaking",
        title="Partnership matchmaking",
        starts_at=dt.datetime(2020, 11, 16, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2020, 11, 16, 11, tzinfo=dt.UTC),
    )
    return side


SIDE_EVENT_URLS = [
    ("programme_ics", {}),
    ("schedule_xml", {}),
    ("schedule_json", {}),
    ("session_ics", {"session_slug": "partnership-matchmaking"}),
]


@pytest.mark.parametrize(("name", "kwargs"), SIDE_EVENT_URLS)
def test_invitation_only_event_is_404_for_anonymous(client, side_event, name, kwargs):
    response = client.get(url(name, side_event, **kwargs))

    assert response.status_code == 404
    assert b"Partnership matchmaking" not in response.content


@pytest.mark.parametrize(("name", "kwargs"), [*SIDE_EVENT_URLS, ("agenda_ics", {})])
def test_invitation_only_event_is_404_for_someone_not_invited(client, side_event, name, kwargs):
    RegistrationFactory(event=side_event.parent)  # registered for the main event only
    client.force_login(Registration.objects.get().person)

    response = client.get(url(name, side_event, **kwargs))

    assert response.status_code == 404
    assert b"Partnership matchmaking" not in response.content


@pytest.mark.parametrize(("name", "kwargs"), SIDE_EVENT_URLS)
def test_invitation_only_event_for_an_invited_person(client, side_event, name, kwargs):
    guest = PersonFactory()
    Invitation.objects.create(event=side_event, email=guest.email.upper())
    client.force_login(guest)

    response = client.get(url(name, side_event, **kwargs))

    assert titles(response) == ["Partnership matchmaking"]


def test_agenda_redirects_anonymous_visitors_to_log_in(client, ecc):
    Bookmark.objects.create(person=PersonFactory(), session=ecc.panel)

    response = client.get("/events/ecc-2020/agenda.ics")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/events/ecc-2020/agenda.ics"


def test_agenda_holds_exactly_the_bookmarked_sessions_still_visible(client, ecc):
    person = RegistrationFactory(event=ecc.event, status=Registration.Status.PENDING).person
    for session in [ecc.keynote, ecc.panel, ecc.hidden, ecc.members_only]:
        Bookmark.objects.create(person=person, session=session)
    Bookmark.objects.create(person=PersonFactory(), session=ecc.workshop)
    other_event = SessionFactory(event=EventFactory(slug="ecc-2022"), slug="other")
    Bookmark.objects.create(person=person, session=other_event)
    client.force_login(person)

    response = client.get("/events/ecc-2020/agenda.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ecc-2020-agenda.ics"'
    calendar = Calendar.from_ical(response.content)
    assert [(str(e["uid"]), str(e["summary"])) for e in calendar.walk("VEVENT")] == [
        (f"{ecc.panel.guid}@clustermeet", "Clusters for a green and digital recovery"),
        (f"{ecc.keynote.guid}@clustermeet", "Resilient value chains"),
    ]
    assert str(calendar["x-wr-calname"]) == "My agenda – European Cluster Conference 2020"


def test_agenda_of_someone_without_bookmarks_is_an_empty_calendar(client, ecc):
    client.force_login(PersonFactory())

    response = client.get("/events/ecc-2020/agenda.ics")

    assert response.status_code == 200
    assert Calendar.from_ical(response.content).walk("VEVENT") == []


def make_programme(count: int) -> Event:
    event = EventFactory(slug="big-2020")
    digital = Ecosystem.objects.get(slug="digital")
    start = dt.datetime(2020, 11, 10, 8, tzinfo=dt.UTC)
    for n in range(count):
        session = SessionFactory(
            event=event,
            starts_at=start + dt.timedelta(minutes=15 * n),
            ends_at=start + dt.timedelta(minutes=15 * n + 15),
            recording_url=f"https://video.example.org/{n}",
        )
        SessionSpeakerFactory(session=session)
        session.ecosystems.add(digital)
        Attachment.objects.create(session=session, title="Slides", url="https://f.example.org/s")
    return event


@pytest.mark.parametrize("count", [3, 30])
@pytest.mark.parametrize("name", EXPORTS)
def test_exports_run_a_fixed_number_of_queries(client, db, django_assert_num_queries, name, count):
    event = make_programme(count)

    # event, sessions, then speakers, ecosystems, challenges, attachments
    with django_assert_num_queries(6):
        response = client.get(url(name, event))

    assert len(titles(response)) == count


@pytest.mark.parametrize("count", [3, 30])
def test_agenda_runs_a_fixed_number_of_queries(client, db, django_assert_num_queries, count):
    event = make_programme(count)
    person = RegistrationFactory(event=event).person
    for session in Session.objects.filter(event=event):
        Bookmark.objects.create(person=person, session=session)
    client.force_login(person)

    # login session, person, event, organiser check, registration check, then sessions,
    # speakers, ecosystems, challenges, attachments
    with django_assert_num_queries(10):
        response = client.get(url("agenda_ics", event))

    assert len(titles(response)) == count
