"""The live pages in a real browser over real websockets (uvicorn in a subprocess): the moderator
opens a poll in the console, a participant votes on the session page, the presenter view follows
without reloading; a Q&A upvote reorders the participant's list."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from clustermeet.live.models import Ballot, LiveSettings, Poll, PollOption, Question, Upvote
from tests.factories import (
    EventFactory,
    PersonFactory,
    RegistrationFactory,
    SessionFactory,
    SessionSpeakerFactory,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

QUESTION = "How can public authorities support business during the covid-19 crisis?"
OPTIONS = ["Increase public investments", "Facilitate collaboration", "Simplify state aid"]


@pytest.fixture
def stage():
    event = EventFactory(slug="ecc-live", name="Live Cluster Conference")
    session = SessionFactory(  # under way: the panel is live
        event=event,
        slug="roundtable",
        title="Policy roundtable",
        starts_at=timezone.now() - dt.timedelta(minutes=10),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    LiveSettings.objects.create(session=session, join_code="LIVE42", qa_moderated=True)
    moderator = SessionSpeakerFactory(
        session=session, role="moderator", person=PersonFactory(first_name="Mia")
    ).person
    RegistrationFactory(event=event, person=moderator)
    alice, bob, carol = (
        RegistrationFactory(event=event, person=PersonFactory(first_name=name)).person
        for name in ("Alice", "Bob", "Carol")
    )
    poll = Poll.objects.create(session=session, question=QUESTION, type=Poll.Type.SINGLE)
    for n, label in enumerate(OPTIONS):
        PollOption.objects.create(poll=poll, label=label, position=n)
    # Two published questions with one upvote each: the older one is listed first.
    older = Question.objects.create(
        session=session, author=bob, text="What budget is foreseen after 2021?", status="approved"
    )
    newer = Question.objects.create(
        session=session,
        author=carol,
        text="Can regions co-finance partnerships?",
        status="approved",
    )
    for question, voter in ((older, carol), (newer, bob)):
        Upvote.objects.create(question=question, person=voter)
        Question.objects.filter(pk=question.pk).update(upvote_count=1)
    return {
        "event": event,
        "session": session,
        "moderator": moderator,
        "alice": alice,
        "poll": poll,
        "older": older,
        "newer": newer,
    }


def test_vote_reaches_presenter_and_upvote_reorders(live_pages, stage, screenshots):
    session_path = "/events/ecc-live/sessions/roundtable/"
    console = live_pages.open(stage["moderator"])
    console.goto(session_path + "moderate/")
    presenter = live_pages.open(stage["moderator"])
    presenter.goto(session_path + "present/")
    participant = live_pages.open(stage["alice"])
    participant.goto(session_path)
    for page in (console, presenter, participant):
        expect(page.locator("[data-role=connection]")).to_have_text("Live")
    presenter.evaluate("window.notReloaded = true")
    expect(participant.get_by_text("No poll is open yet.")).to_be_visible()
    expect(presenter.locator(".stage")).to_contain_text("Questions from the audience")

    # The moderator opens the draft poll.
    card = console.locator(f'[data-poll="{stage["poll"].pk}"]')
    expect(card.locator(".badge")).to_have_text("Draft")
    card.get_by_role("button", name="Open voting").click()
    expect(card.locator(".badge")).to_have_text("Open")
    expect(card.get_by_role("button", name="Close voting")).to_be_visible()

    # The presenter view switches to it by itself; the participant gets a ballot.
    expect(presenter.locator(".stage-question")).to_have_text(QUESTION)
    expect(presenter.locator(".stage-kicker")).to_have_text("Vote now · Single choice · 0 votes")
    ballot = participant.get_by_role("article", name=QUESTION)
    ballot.get_by_label(OPTIONS[1]).check()
    screenshots.take(participant, "ballot")
    ballot.get_by_role("button", name="Vote").click()
    expect(ballot.get_by_text("Thanks — your vote counts.")).to_be_visible()
    expect(ballot.locator(".your-answer")).to_have_text(f"Your answer: {OPTIONS[1]}")
    expect(ballot.locator(".poll-thanks")).to_be_focused()

    # Results everywhere, without reloading.
    expect(presenter.locator(".stage-kicker")).to_have_text("Vote now · Single choice · 1 vote")
    expect(presenter.locator(".bar-row")).to_have_text(
        [
            re.compile(rf"^{OPTIONS[0]}\s*0\.0 % \(0\)$"),
            re.compile(rf"^{OPTIONS[1]}\s*100\.0 % \(1\)$"),
            re.compile(rf"^{OPTIONS[2]}\s*0\.0 % \(0\)$"),
        ]
    )
    expect(ballot.locator(".bar-row.leading")).to_contain_text("100.0 %")
    expect(card.locator(".poll-meta")).to_contain_text("1 ballot")
    screenshots.take(presenter, "presenter")
    assert presenter.evaluate("window.notReloaded") is True
    assert [(b.person_id, b.answer) for b in Ballot.objects.filter(poll=stage["poll"])] == [
        (stage["alice"].pk, {"choice": stage["poll"].options.get(label=OPTIONS[1]).pk})
    ]

    # Q&A: the newer question gets Alice's upvote and moves to the top.
    questions = participant.locator(".questions .question-text")
    expect(questions).to_have_text([stage["older"].text, stage["newer"].text])
    item = participant.locator(f'[data-question="{stage["newer"].pk}"]')
    item.get_by_role("button", name="Upvote this question, 1 vote").click()
    expect(questions).to_have_text([stage["newer"].text, stage["older"].text])
    expect(item.locator(".upvote")).to_be_disabled()
    expect(item.locator(".upvote-count")).to_have_text("2")
    expect(presenter.locator(".stage")).to_contain_text(QUESTION)  # the poll stays on screen
    presenter.get_by_role("button", name="Q&A").click()
    expect(presenter.locator(".stage-questions li")).to_have_text(
        [re.compile(rf"^▲ 2\s*{re.escape(stage['newer'].text)}"), re.compile(r"^▲ 1")]
    )
    screenshots.take(participant, "participant")
    assert Question.objects.get(pk=stage["newer"].pk).upvote_count == 2
    assert Upvote.objects.filter(person=stage["alice"]).count() == 1

    # Closing the poll reaches the participant.
    card.get_by_role("button", name="Close voting").click()
    expect(ballot.locator(".badge")).to_have_text("Closed")
    assert Poll.objects.get(pk=stage["poll"].pk).closed_at <= timezone.now()
    assert live_pages.problems == []


GERMAN_QUESTION = "Wie können Behörden Unternehmen in der Covid-19-Krise unterstützen?"
GERMAN_OPTIONS = ["Öffentliche Investitionen erhöhen", "Zusammenarbeit fördern", "Beihilfen"]


def test_a_translated_poll_is_shown_in_each_viewers_language(live_pages, stage):
    """The payload carries the translations; each page picks its own language (the switcher's
    cookie here), the original where there is none — also for live updates."""
    # Stored directly: the service's broadcast cannot run in Playwright's thread (its loop).
    poll = stage["poll"]
    Poll.objects.filter(pk=poll.pk).update(translations={"de": GERMAN_QUESTION})
    for option, label in zip(poll.options.order_by("position"), GERMAN_OPTIONS, strict=True):
        PollOption.objects.filter(pk=option.pk).update(translations={"de": label})
    session_path = "/events/ecc-live/sessions/roundtable/"
    german = live_pages.open(stage["alice"])
    german.context.add_cookies(
        [{"name": "clustermeet_language", "value": "de", "url": live_pages.server.url}]
    )
    german.goto(session_path)
    english = live_pages.open(stage["alice"])
    english.goto(session_path)
    presenter = live_pages.open(stage["moderator"])
    presenter.context.add_cookies(
        [{"name": "clustermeet_language", "value": "de", "url": live_pages.server.url}]
    )
    presenter.goto(session_path + "present/")
    console = live_pages.open(stage["moderator"])
    console.goto(session_path + "moderate/")
    expect(german.locator("html")).to_have_attribute("lang", "de")
    for page in (german, english, presenter, console):
        expect(page.locator("[data-role=connection]")).to_have_attribute("data-state", "online")
    card = console.locator(f'[data-poll="{poll.pk}"]')
    expect(card.locator(".poll-question")).to_have_text(QUESTION)  # the console is English
    card.get_by_role("button", name="Open voting").click()  # arrives as a poll.update

    expect(german.locator(".poll-question")).to_have_text(GERMAN_QUESTION)
    expect(german.get_by_label(GERMAN_OPTIONS[1])).to_be_visible()
    expect(english.locator(".poll-question")).to_have_text(QUESTION)
    expect(english.get_by_label(OPTIONS[1])).to_be_visible()
    expect(presenter.locator(".stage-question")).to_have_text(GERMAN_QUESTION)
    german.get_by_label(GERMAN_OPTIONS[1]).check()
    german.locator(".ballot-form button[type=submit]").click()
    expect(german.locator(".your-answer")).to_contain_text(GERMAN_OPTIONS[1])
    assert live_pages.problems == []
