import datetime as dt

import pytest
from django.urls import reverse

from clustermeet.events.models import Challenge, Ecosystem, Event
from clustermeet.people.models import Invitation, Registration
from clustermeet.programme.models import Attachment, Bookmark, Session, SessionSpeaker
from tests.factories import (
    EventFactory,
    OrganisationFactory,
    PersonFactory,
    RegistrationFactory,
    RoomFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = pytest.mark.django_db

UTC = dt.UTC


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2020, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def event():
    return EventFactory(slug="ecc", name="Cluster Conference")


def make_sessions(event, n: int, day: int = 10):
    room = RoomFactory(event=event, name="Studio")
    digital = Ecosystem.objects.get(slug="digital")
    green = Challenge.objects.get(slug="green")
    sessions = []
    for i in range(n):
        s = SessionFactory(
            event=event,
            room=room,
            slug=f"s-{day}-{i}",
            title=f"Session {day}-{i:02d}",
            starts_at=at(day, 8 + i % 8, i // 8),
            ends_at=at(day, 9 + i % 8, i // 8),
        )
        s.ecosystems.add(digital)
        s.challenges.add(green)
        for role in (SessionSpeaker.Role.MODERATOR, SessionSpeaker.Role.PANELLIST):
            SessionSpeakerFactory(
                session=s, role=role, person=PersonFactory(organisation=OrganisationFactory())
            )
        Attachment.objects.create(session=s, title="Slides", url="https://example.org/s.pdf")
        sessions.append(s)
    return sessions


def test_programme_groups_by_day_in_event_time_zone(client, event):
    room = RoomFactory(event=event)
    # 23:30 UTC on the 10th is 00:30 on the 11th in Brussels.
    late = SessionFactory(
        event=event, room=room, title="Late", starts_at=at(10, 23, 30), ends_at=at(11, 0, 30)
    )
    early = SessionFactory(
        event=event, room=room, title="Early", starts_at=at(10, 8), ends_at=at(10, 9)
    )

    response = client.get(reverse("programme:programme", args=[event.slug]))

    days = response.context["days"]
    assert [(day, [s.title for s in items]) for day, items in days] == [
        (dt.date(2020, 11, 10), ["Early"]),
        (dt.date(2020, 11, 11), ["Late"]),
    ]
    html = response.content.decode()
    assert "09:00–10:00" in html  # 08:00 UTC shown in Europe/Brussels
    assert "00:30–01:30" in html
    assert early.pk != late.pk


def test_programme_filters(client, event):
    room = RoomFactory(event=event)
    keynote = SessionFactory(event=event, room=room, title="Keynote", type=Session.Type.KEYNOTE)
    workshop = SessionFactory(
        event=event, room=room, title="Tourism workshop", type=Session.Type.WORKSHOP
    )
    workshop.ecosystems.add(Ecosystem.objects.get(slug="tourism"))
    cafe = SessionFactory(event=event, room=room, title="Green café", type=Session.Type.WORLD_CAFE)
    cafe.challenges.add(Challenge.objects.get(slug="green"))
    url = reverse("programme:programme", args=[event.slug])

    def titles(**params):
        days = client.get(url, params).context["days"]
        return sorted(s.title for _, items in days for s in items)

    assert titles() == ["Green café", "Keynote", "Tourism workshop"]
    assert titles(type="keynote") == ["Keynote"]
    assert titles(ecosystem="tourism") == ["Tourism workshop"]
    assert titles(challenge="green") == ["Green café"]
    assert titles(type="keynote", challenge="green") == []
    assert "No session matches these filters." in client.get(url, {"type": "quiz"}).content.decode()
    assert keynote.pk


def test_programme_query_count_does_not_grow_with_sessions(
    client, event, django_assert_num_queries
):
    person = PersonFactory()
    RegistrationFactory(event=event, person=person)
    client.force_login(person)
    url = reverse("programme:programme", args=[event.slug])
    make_sessions(event, 3)
    client.get(url)  # warm caches (content types, sessions)

    with django_assert_num_queries(14) as small:  # +1: the navigation asks about booths
        client.get(url)
    make_sessions(event, 30, day=11)
    with django_assert_num_queries(14) as big:
        response = client.get(url)
    assert len(small.captured_queries) == len(big.captured_queries)
    assert sum(len(items) for _, items in response.context["days"]) == 33


def test_hidden_and_participant_sessions(client, event):
    room = RoomFactory(event=event)
    SessionFactory(event=event, room=room, title="Open")
    SessionFactory(
        event=event, room=room, title="Members", visibility=Session.Visibility.PARTICIPANTS
    )
    hidden = SessionFactory(
        event=event, room=room, title="Draft", visibility=Session.Visibility.HIDDEN
    )
    url = reverse("programme:programme", args=[event.slug])

    def titles():
        return sorted(s.title for _, items in client.get(url).context["days"] for s in items)

    assert titles() == ["Open"]
    assert (
        client.get(reverse("programme:session", args=[event.slug, hidden.slug])).status_code == 404
    )

    participant = RegistrationFactory(event=event).person
    client.force_login(participant)
    assert titles() == ["Members", "Open"]

    pending = RegistrationFactory(event=event, status=Registration.Status.PENDING).person
    client.force_login(pending)
    assert titles() == ["Open"]

    organiser = RegistrationFactory(event=event, roles=["organiser"]).person
    client.force_login(organiser)
    assert titles() == ["Draft", "Members", "Open"]


def test_invitation_only_event_is_invisible_to_others(client):
    side = EventFactory(slug="side", visibility=Event.Visibility.INVITATION)
    SessionFactory(event=side, slug="secret-session")
    urls = [
        reverse("events:detail", args=["side"]),
        reverse("programme:programme", args=["side"]),
        reverse("programme:session", args=["side", "secret-session"]),
        reverse("programme:speakers", args=["side"]),
        reverse("events:register", args=["side"]),
    ]
    assert [client.get(u).status_code for u in urls] == [404] * 5
    assert "side" not in client.get(reverse("events:index")).content.decode()

    outsider = PersonFactory()
    client.force_login(outsider)
    assert [client.get(u).status_code for u in urls] == [404] * 5

    guest = PersonFactory(email="guest@example.org")
    Invitation.objects.create(event=side, email="guest@example.org")
    client.force_login(guest)
    assert [client.get(u).status_code for u in urls] == [200] * 5


def test_unlisted_event_opens_by_link_but_is_not_listed(client):
    EventFactory(slug="quiet", name="Quiet Meeting", visibility=Event.Visibility.UNLISTED)
    assert client.get(reverse("events:detail", args=["quiet"])).status_code == 200
    assert "Quiet Meeting" not in client.get(reverse("events:index")).content.decode()


def test_session_page_shows_people_and_loads_nothing_third_party(client, event):
    room = RoomFactory(event=event, stream_url="https://youtu.be/UJ7VN-p_cbM")
    session = SessionFactory(
        event=event,
        room=room,
        slug="opening",
        title="Opening",
        recording_url="https://example.org/rec.mp4",
        starts_at=dt.datetime(2099, 1, 1, 9, tzinfo=UTC),
        ends_at=dt.datetime(2099, 1, 1, 10, tzinfo=UTC),
    )
    org = OrganisationFactory(name="DG GROW")
    mod = PersonFactory(
        first_name="Ulla", last_name="Engel", job_title="Head of unit", organisation=org
    )
    SessionSpeaker.objects.create(session=session, person=mod, role="moderator")
    Attachment.objects.create(session=session, title="Slides", url="https://example.org/a.pdf")

    html = client.get(reverse("programme:session", args=[event.slug, "opening"])).content.decode()

    assert "Moderator" in html
    assert "Ulla Engel" in html
    assert "Head of unit, DG GROW" in html
    assert "<iframe" not in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/UJ7VN-p_cbM?autoplay=1"' in html
    assert 'data-embed-src="https://example.org/rec.mp4"' in html
    assert 'href="https://example.org/a.pdf"' in html


def test_bookmarks_and_agenda(client, event):
    a, b, c = make_sessions(event, 3)
    person = PersonFactory()
    client.force_login(person)

    for s in (a, c):
        response = client.post(
            reverse("programme:bookmark", args=[event.slug, s.slug]),
            {"bookmarked": "1"},
            HTTP_HX_REQUEST="true",
        )
        assert 'aria-pressed="true"' in response.content.decode()
    client.post(reverse("programme:bookmark", args=[event.slug, a.slug]), {"bookmarked": "1"})

    assert sorted(Bookmark.objects.values_list("session__title", flat=True)) == [a.title, c.title]
    agenda = client.get(reverse("programme:agenda", args=[event.slug]))
    assert agenda.context["count"] == 2
    assert "Download .ics" in agenda.content.decode()

    client.post(reverse("programme:bookmark", args=[event.slug, a.slug]), {"bookmarked": "0"})
    assert list(Bookmark.objects.values_list("session__title", flat=True)) == [c.title]
    assert b.pk


def test_bookmark_needs_login_and_a_visible_session(client, event):
    hidden = SessionFactory(event=event, visibility=Session.Visibility.HIDDEN)
    url = reverse("programme:bookmark", args=[event.slug, hidden.slug])

    assert client.post(url, {"bookmarked": "1"}).status_code == 302
    client.force_login(PersonFactory())
    assert client.post(url, {"bookmarked": "1"}).status_code == 404
    assert client.get(url).status_code == 405
    assert Bookmark.objects.count() == 0


def test_speakers_list_and_page(client, event, django_assert_num_queries):
    make_sessions(event, 2)
    url = reverse("programme:speakers", args=[event.slug])
    client.get(url)
    with django_assert_num_queries(4):  # +1: the navigation asks whether there are booths
        response = client.get(url)
    assert len(response.context["speakers"]) == 4
    speaker = response.context["speakers"][0]
    page = client.get(reverse("programme:speaker", args=[event.slug, speaker.slug]))
    assert page.status_code == 200
    assert speaker.full_name in page.content.decode()
    stranger = PersonFactory()
    assert (
        client.get(reverse("programme:speaker", args=[event.slug, stranger.slug])).status_code
        == 404
    )


def test_event_pages(client, event):
    RegistrationFactory(event=event, person=PersonFactory(country="DE"))
    RegistrationFactory(event=event, person=PersonFactory(country="CZ"))
    RegistrationFactory(
        event=event, person=PersonFactory(country="CZ"), status=Registration.Status.PENDING
    )
    response = client.get(reverse("events:detail", args=[event.slug]))
    assert response.context["figures"] == {"participants": 2, "countries": 2}
    assert "Cluster Conference" in client.get(reverse("events:index")).content.decode()


def test_agenda_query_count_does_not_grow(client, event, django_assert_num_queries):
    person = PersonFactory()
    client.force_login(person)
    url = reverse("programme:agenda", args=[event.slug])
    for s in make_sessions(event, 2):
        Bookmark.objects.create(person=person, session=s)
    client.get(url)
    with django_assert_num_queries(11):  # +1: the navigation asks about booths
        client.get(url)
    for s in make_sessions(event, 20, day=11):
        Bookmark.objects.create(person=person, session=s)
    with django_assert_num_queries(11):
        response = client.get(url)
    assert response.context["count"] == 22


def test_past_session_offers_its_recording_instead_of_the_stream(client, event):
    room = RoomFactory(event=event, stream_url="https://youtu.be/UJ7VN-p_cbM")
    SessionFactory(event=event, room=room, slug="done", recording_url="https://youtu.be/abcdefgh")
    SessionFactory(event=event, room=room, slug="unrecorded")

    done = client.get(reverse("programme:session", args=[event.slug, "done"])).content.decode()
    unrecorded = client.get(
        reverse("programme:session", args=[event.slug, "unrecorded"])
    ).content.decode()

    assert done.count("data-embed-src=") == 1
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/abcdefgh?autoplay=1"' in done
    assert unrecorded.count("data-embed-src=") == 1
    assert "embed/UJ7VN-p_cbM" in unrecorded
