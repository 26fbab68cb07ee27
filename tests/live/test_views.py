"""The live pages: the session page's live panel, the moderator console, the presenter view and
the short join link — who may open them, what they show, and how many queries they cost."""

import datetime as dt

import pytest
from django.urls import reverse

from clustermeet.events.models import Event
from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption, Question
from clustermeet.people.models import Registration, Role
from clustermeet.programme.models import Session
from tests.factories import PersonFactory, RegistrationFactory, SessionFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2020, 11, 10, 9, 40, tzinfo=dt.UTC)


def moderate_url(stage) -> str:
    return reverse("live:moderate", args=[stage["event"].slug, stage["session"].slug])


def present_url(stage) -> str:
    return reverse("live:present", args=[stage["event"].slug, stage["session"].slug])


def session_url(stage) -> str:
    return reverse("programme:session", args=[stage["event"].slug, stage["session"].slug])


def join_code(stage) -> str:
    return LiveSettings.objects.get(session=stage["session"]).join_code


def test_urls():
    assert reverse("live:moderate", args=["ecc", "roundtable"]) == (
        "/events/ecc/sessions/roundtable/moderate/"
    )
    assert reverse("live:present", args=["ecc", "roundtable"]) == (
        "/events/ecc/sessions/roundtable/present/"
    )
    assert reverse("live_join", args=["ABC234"]) == "/j/ABC234/"


@pytest.mark.parametrize("url", [moderate_url, present_url])
def test_moderator_pages_are_for_moderators_and_organisers(client, stage, url):
    path = url(stage)
    organiser = RegistrationFactory(event=stage["event"], roles=[Role.ORGANISER]).person
    staff = PersonFactory(is_staff=True)

    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={path}"

    for person in (stage["alice"], stage["outsider"]):
        client.force_login(person)
        assert client.get(path).status_code == 403
    for person in (stage["moderator"], organiser, staff):
        client.force_login(person)
        assert client.get(path).status_code == 200


def test_a_pending_organiser_or_a_speaker_is_no_moderator(client, stage):
    pending = RegistrationFactory(
        event=stage["event"], roles=[Role.ORGANISER], status=Registration.Status.PENDING
    ).person
    speaker = RegistrationFactory(event=stage["event"]).person
    stage["session"].speaker_roles.create(person=speaker, role="speaker")
    for person in (pending, speaker):
        client.force_login(person)
        assert client.get(moderate_url(stage)).status_code == 403
    client.force_login(pending)
    assert client.get(present_url(stage)).status_code == 403


def test_the_sessions_speakers_open_its_presenter_view_and_no_other(client, stage):
    speaker = RegistrationFactory(event=stage["event"]).person
    stage["session"].speaker_roles.create(person=speaker, role="speaker")
    other = SessionFactory(event=stage["event"], slug="other-session")
    elsewhere = RegistrationFactory(event=stage["event"]).person
    other.speaker_roles.create(person=elsewhere, role="panellist")

    client.force_login(speaker)
    assert client.get(present_url(stage)).status_code == 200
    client.force_login(elsewhere)
    response = client.get(present_url(stage))
    assert response.status_code == 403
    assert (
        "Only the session&#x27;s speakers, its moderators and the organisers open this page."
        in response.content.decode()
    )


def test_invitation_only_event_and_unknown_session_answer_404(client, stage):
    Event.objects.filter(pk=stage["event"].pk).update(visibility=Event.Visibility.INVITATION)
    code = join_code(stage)
    client.force_login(stage["outsider"])
    for path in (moderate_url(stage), present_url(stage), f"/j/{code}/"):
        assert client.get(path).status_code == 404

    client.force_login(stage["moderator"])  # registered, so the event is visible
    assert client.get(moderate_url(stage)).status_code == 200
    assert client.get("/events/ecc/sessions/no-such-session/moderate/").status_code == 404
    assert client.get("/events/ecc/sessions/no-such-session/present/").status_code == 404


def test_hidden_session_is_404_even_for_its_moderator_unless_organiser(client, stage):
    Session.objects.filter(pk=stage["session"].pk).update(visibility=Session.Visibility.HIDDEN)
    client.force_login(stage["moderator"])
    assert client.get(moderate_url(stage)).status_code == 404
    organiser = RegistrationFactory(event=stage["event"], roles=[Role.ORGANISER]).person
    client.force_login(organiser)
    assert client.get(moderate_url(stage)).status_code == 200


def test_short_link_redirects_to_the_session_page(client, stage):
    settings = LiveSettings.objects.get(session=stage["session"])
    settings.join_code = "ABC234"
    settings.save()

    response = client.get("/j/ABC234/")
    assert response.status_code == 302
    assert response["Location"] == "/events/ecc/sessions/roundtable/"

    LiveSettings.objects.filter(pk=settings.pk).update(room_voting=True)
    response = client.get("/j/abc234/")  # codes are read in any case
    assert response.status_code == 302
    assert response["Location"] == "/events/ecc/sessions/roundtable/?join=ABC234"

    assert client.get("/j/ZZZ999/").status_code == 404
    assert client.get("/j/no/").status_code == 404
    assert client.get("/j/<script>/").status_code == 404


def test_short_link_of_a_session_only_participants_see(client, stage):
    settings = LiveSettings.objects.get(session=stage["session"])
    Session.objects.filter(pk=stage["session"].pk).update(
        visibility=Session.Visibility.PARTICIPANTS
    )
    assert client.get(f"/j/{settings.join_code}/").status_code == 404
    client.force_login(stage["alice"])
    assert client.get(f"/j/{settings.join_code}/")["Location"] == (
        "/events/ecc/sessions/roundtable/"
    )


def test_presenter_view_shows_the_qr_code_and_short_link(client, stage):
    LiveSettings.objects.filter(session=stage["session"]).update(join_code="XY7K2P")
    client.force_login(stage["moderator"])

    response = client.get(present_url(stage))

    html = response.content.decode()
    # Version 3 (29 × 29 modules) with a border of 2 modules on each side.
    assert '<svg viewBox="0 0 33 33" class="qr-code">' in html
    assert "<title>QR code of http://testserver/j/XY7K2P/</title>" in html
    assert '<strong class="join-link">testserver/j/XY7K2P</strong>' in html
    assert f'data-ws="/ws/events/ecc/" data-session="{stage["session"].pk}"' in html
    assert 'data-live="presenter"' in html
    assert "<script" in html and "https://" not in html  # nothing from a third party
    assert response.context["show"] == "auto"
    assert client.get(present_url(stage), {"show": "qa"}).context["show"] == "qa"
    assert client.get(present_url(stage), {"show": "<b>"}).context["show"] == "auto"


def test_presenter_view_creates_missing_live_settings(client, stage):
    LiveSettings.objects.filter(session=stage["session"]).delete()
    client.force_login(stage["moderator"])
    assert client.get(present_url(stage)).status_code == 200
    settings = LiveSettings.objects.get(session=stage["session"])
    assert (settings.qa_enabled, settings.qa_moderated, settings.room_voting) == (
        True,
        True,
        False,
    )


def make_polls(session, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        poll = Poll.objects.create(
            session=session,
            question=f"Question {i}",
            type=Poll.Type.SINGLE,
            status=Poll.Status.CLOSED,
            position=i + 1,
            version=2,
        )
        options = [
            PollOption.objects.create(poll=poll, label=f"Option {i}.{k}", position=k)
            for k in range(3)
        ]
        for k in range(2):
            Ballot.objects.create(
                poll=poll,
                voter_key=f"r{i}-{k}",
                answer={"choice": options[k].pk},
                version=k + 1,
                created_at=NOW,
                updated_at=NOW,
            )


def test_moderator_page_lists_every_poll_with_drafts(client, stage):
    make_polls(stage["session"], 1)
    Question.objects.create(session=stage["session"], author=stage["alice"], text="Why?")
    client.force_login(stage["moderator"])

    response = client.get(moderate_url(stage))

    assert [(p.question, p.status, p.ballot_count) for p in response.context["polls"]] == [
        ("How can public authorities help?", "draft", 0),
        ("Question 0", "closed", 2),
    ]
    html = response.content.decode()
    assert '<span class="badge status-draft">Draft</span> Single choice · 0 ballots' in html
    assert '<span class="badge status-closed">Closed</span> Single choice · 2 ballots' in html
    assert "<li>Invest</li><li>Collaborate</li><li>Simplify</li>" in html
    assert "1 awaiting approval · 0 published · 0 rejected" in html
    assert 'href="/events/ecc/sessions/roundtable/present/"' in html
    assert response.context["short_link"] == f"http://testserver/j/{join_code(stage)}/"
    assert 'data-live="moderator"' in html
    poll = stage["poll"]
    assert (
        f'<a href="/events/ecc/polls/{poll.pk}/results.csv">Results (CSV)</a> · '
        f'<a href="/events/ecc/polls/{poll.pk}/ballots.csv">Ballots (CSV)</a></p>'
    ) in html
    assert "?names=1" not in html  # voters' names are for organisers only

    organiser = RegistrationFactory(event=stage["event"], roles=[Role.ORGANISER]).person
    client.force_login(organiser)
    html = client.get(moderate_url(stage)).content.decode()
    assert (
        f'<a href="/events/ecc/polls/{poll.pk}/ballots.csv?names=1">Ballots with names (CSV)</a>'
    ) in html
    assert "Add a poll" not in html  # back-office links for staff only

    client.force_login(PersonFactory(is_staff=True))
    html = client.get(moderate_url(stage)).content.decode()
    assert f'href="/admin/live/poll/add/?session={stage["session"].pk}">Add a poll</a>' in html


def test_moderator_page_query_count_does_not_grow(client, stage, django_assert_num_queries):
    client.force_login(stage["moderator"])
    make_polls(stage["session"], 2)
    client.get(moderate_url(stage))  # warm up: live settings, content types

    with django_assert_num_queries(14) as few:  # +1: the navigation asks about booths
        client.get(moderate_url(stage))
    make_polls(stage["session"], 10, start=2)
    for n in range(5):
        Question.objects.create(session=stage["session"], author=stage["bob"], text=f"Q{n}?")
    with django_assert_num_queries(14) as many:
        response = client.get(moderate_url(stage))
    assert len(few.captured_queries) == len(many.captured_queries)
    assert len(response.context["polls"]) == 13


def test_session_page_panel_for_each_kind_of_visitor(client, stage):
    url = session_url(stage)
    # Registration is still open (it closes by itself once the event is over).
    Event.objects.filter(pk=stage["event"].pk).update(end_date=dt.date.today())

    html = client.get(url).content.decode()
    assert 'data-live="participant"' in html
    assert 'data-vote-status="anonymous"' in html
    assert (
        'To vote and ask questions, <a href="/accounts/login/?next=/events/ecc/sessions/'
        'roundtable/">log in</a> or <a href="/events/ecc/register/">register for this event</a>.'
    ) in html
    assert "Moderate</a>" not in html

    client.force_login(stage["outsider"])
    html = client.get(url).content.decode()
    assert "Only registered participants vote and ask questions." in html

    pending = RegistrationFactory(event=stage["event"], status=Registration.Status.PENDING)
    client.force_login(pending.person)
    html = client.get(url).content.decode()
    assert "Your registration awaits approval" in html

    client.force_login(stage["alice"])
    html = client.get(url).content.decode()
    assert 'data-vote-status="approved"' in html
    assert 'data-role="vote-notice"' not in html
    assert "Moderate</a>" not in html

    client.force_login(stage["moderator"])
    html = client.get(url).content.decode()
    assert '<a href="/events/ecc/sessions/roundtable/moderate/">Moderate</a>' in html
    assert "<iframe" not in html


def test_a_speaker_sees_the_presenter_view_link_and_an_ended_session_says_so(client, stage):
    url = session_url(stage)
    speaker = RegistrationFactory(event=stage["event"]).person
    stage["session"].speaker_roles.create(person=speaker, role="speaker")
    client.force_login(speaker)

    html = client.get(url).content.decode()

    assert (
        '<p class="live-links"><a href="/events/ecc/sessions/roundtable/present/" '
        'target="_blank" rel="noopener">Presenter view</a></p>'
    ) in html
    assert "Moderate</a>" not in html
    Session.objects.filter(pk=stage["session"].pk).update(
        starts_at=dt.datetime(2020, 11, 10, 9, tzinfo=dt.UTC),
        ends_at=dt.datetime(2020, 11, 10, 10, tzinfo=dt.UTC),
    )
    assert 'data-vote-status="approved" data-ended>' in client.get(url).content.decode()


def test_session_page_passes_a_clean_join_code(client, stage):
    url = session_url(stage)
    assert 'data-join="ABC234"' in client.get(url, {"join": " abc234 "}).content.decode()
    html = client.get(url, {"join": '"><script>'}).content.decode()
    assert 'data-join=""' in html
    assert "<script>" not in html.split('data-live="participant"')[1].split("</section>")[0]


def test_the_room_code_notice_is_one_sentence_with_the_code_and_a_login_link(client, stage):
    html = client.get(session_url(stage), {"join": join_code(stage)}).content.decode()
    assert (
        f"You vote with the room code <strong>{join_code(stage)}</strong>. To ask questions, "
        '<a href="/accounts/login/?next=/events/ecc/sessions/roundtable/%3Fjoin%3D'
        f'{join_code(stage)}">log in</a> as a participant.'
    ) in html


def test_without_open_registration_the_notice_only_offers_to_log_in(client, stage):
    Event.objects.filter(pk=stage["event"].pk).update(registration_open=False)
    html = client.get(session_url(stage)).content.decode()
    assert (
        'To vote and ask questions, <a href="/accounts/login/?next=/events/ecc/sessions/'
        'roundtable/">log in</a>.'
    ) in html


@pytest.mark.parametrize(
    ("enabled", "moderated", "anonymous", "expected"),
    [
        (True, True, True, "Open · Questions need approval. Anonymous questions are allowed."),
        (True, False, False, "Open · Questions appear at once."),
        (False, True, True, "Closed"),
    ],
)
def test_moderator_page_states_the_qa_settings_in_whole_sentences(
    client, stage, enabled, moderated, anonymous, expected
):
    LiveSettings.objects.filter(session=stage["session"]).update(
        qa_enabled=enabled, qa_moderated=moderated, qa_anonymous_allowed=anonymous
    )
    client.force_login(stage["moderator"])
    html = client.get(moderate_url(stage)).content.decode()
    assert html.split("<dt>Q&amp;A</dt><dd>")[1].split("</dd>")[0] == expected
