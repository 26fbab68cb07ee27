"""The live panel with the keyboard only (page.keyboard: Tab, Shift+Tab, Enter, Space; no mouse):
a participant ranks the options of a ranking poll, votes, and upvotes a question, and the
results show it; the focused button has a visible focus indicator. And the presenter view at
200 % zoom (640 × 450 CSS pixels): no horizontal scrolling, the poll's question visible."""

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

QUESTION = "Which cluster services matter most to your members?"
OPTIONS = ["Train staff", "Enhance use of digital tools", "Search new markets"]
ASKED = "Will the cluster partnerships be funded after 2021?"
SESSION_PATH = "/events/ecc-keys/sessions/services/"
TAB_LIMIT = 80


@pytest.fixture
def stage():
    event = EventFactory(slug="ecc-keys", name="Keyboard Cluster Conference")
    session = SessionFactory(  # under way: the panel is live
        event=event,
        slug="services",
        title="Cluster services",
        starts_at=timezone.now() - dt.timedelta(minutes=10),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    LiveSettings.objects.create(session=session, join_code="KEYS42", qa_moderated=True)
    moderator = SessionSpeakerFactory(
        session=session, role="moderator", person=PersonFactory(first_name="Mia")
    ).person
    RegistrationFactory(event=event, person=moderator)
    alice, bob = (
        RegistrationFactory(event=event, person=PersonFactory(first_name=name)).person
        for name in ("Alice", "Bob")
    )
    poll = Poll.objects.create(session=session, question=QUESTION, type=Poll.Type.RANKING)
    options = [
        PollOption.objects.create(poll=poll, label=label, position=n)
        for n, label in enumerate(OPTIONS)
    ]
    # Open before any page connects (the service's after-commit broadcast needs no listener,
    # and cannot run inside Playwright's event loop thread).
    Poll.objects.filter(pk=poll.pk).update(
        status=Poll.Status.OPEN, opened_at=timezone.now(), version=1
    )
    question = Question.objects.create(session=session, author=bob, text=ASKED, status="approved")
    return {"moderator": moderator, "alice": alice, "poll": poll, "options": options, "q": question}


def focused(page) -> str:
    """The focused element, as its tag, class and accessible label or text."""
    return page.evaluate(
        """() => { const e = document.activeElement;
        return `${e.tagName.toLowerCase()}.${e.className}|${e.getAttribute('aria-label')
          || e.textContent.trim()}`; }"""
    )


def tab_to(page, pattern: str, key: str = "Tab") -> str:
    """Press `key` (Tab or Shift+Tab) until the focused element matches `pattern`."""
    seen = []
    for _ in range(TAB_LIMIT):
        page.keyboard.press(key)
        now = focused(page)
        if re.search(pattern, now):
            return now
        seen.append(now)
    raise AssertionError(f"{pattern!r} not reached with {key}: {seen}")


def focus_indicator(page) -> dict:
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
        return {outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow}; }"""
    )


def test_rank_vote_and_upvote_with_the_keyboard_only(live_pages, stage, screenshots):
    page = live_pages.open(stage["alice"])
    page.goto(SESSION_PATH)
    expect(page.locator("[data-role=connection]")).to_have_text("Live")
    ballot = page.get_by_role("article", name=QUESTION)
    expect(ballot.locator(".rank-label")).to_have_text(OPTIONS)

    # "Search new markets" (third) goes up twice, to the top; the focus follows it.
    tab_to(page, "Move “Search new markets” up")
    indicator = focus_indicator(page)
    assert indicator["outline"] != "none" or indicator["shadow"] != "none", indicator
    assert indicator["outline"] == "none" or indicator["width"] != "0px", indicator
    page.keyboard.press("Enter")
    expect(ballot.locator(".rank-label")).to_have_text([OPTIONS[0], OPTIONS[2], OPTIONS[1]])
    assert "Move “Search new markets” up" in focused(page)
    page.keyboard.press("Space")
    expect(ballot.locator(".rank-label")).to_have_text([OPTIONS[2], OPTIONS[0], OPTIONS[1]])
    # At the top its up button is disabled: the focus is on its down button.
    assert "Move “Search new markets” down" in focused(page)
    expect(page.locator("[data-role=announcer]")).to_have_text(
        "Search new markets: position 1 of 3."
    )
    # Back one step with Shift+Tab and forth again, then on to the vote button.
    tab_to(page, "Move “Train staff”", key="Shift+Tab")
    tab_to(page, "Move “Search new markets” down")
    tab_to(page, r"^button\.[^|]*\|Vote$")
    screenshots.take(page, "ranked")
    page.keyboard.press("Enter")
    expect(ballot.get_by_text("Thanks — your vote counts.")).to_be_visible()
    expect(ballot.locator(".your-answer")).to_have_text(
        f"Your answer: 1. {OPTIONS[2]}, 2. {OPTIONS[0]}, 3. {OPTIONS[1]}"
    )
    # The results show the ballot: its order, one voter.
    expect(ballot.locator(".ranking-results .bar-row")).to_have_count(3)
    expect(ballot.locator(".ranking-results .bar-row").first).to_contain_text(OPTIONS[2])
    market, train, digital = (o.pk for o in (stage["options"][2], *stage["options"][:2]))
    assert [(b.person_id, b.answer) for b in Ballot.objects.filter(poll=stage["poll"])] == [
        (stage["alice"].pk, {"ranking": [market, train, digital]})
    ]

    # The question's upvote button, with Space.
    item = page.locator(f'[data-question="{stage["q"].pk}"]')
    expect(item.locator(".upvote-count")).to_have_text("0")
    tab_to(page, "Upvote this question, 0 votes")
    indicator = focus_indicator(page)
    assert indicator["outline"] != "none" or indicator["shadow"] != "none", indicator
    page.keyboard.press("Space")
    expect(item.locator(".upvote-count")).to_have_text("1")
    expect(item.locator(".upvote")).to_have_attribute("aria-pressed", "true")
    screenshots.take(page, "upvoted")
    assert Question.objects.get(pk=stage["q"].pk).upvote_count == 1
    assert list(Upvote.objects.values_list("person_id", flat=True)) == [stage["alice"].pk]
    assert live_pages.problems == []


def test_presenter_view_at_200_percent_zoom(live_pages, stage, screenshots):
    presenter = live_pages.open(stage["moderator"])
    presenter.set_viewport_size({"width": 640, "height": 450})  # 1280 × 900 at 200 %
    presenter.goto(SESSION_PATH + "present/")
    expect(presenter.locator("[data-role=connection]")).to_have_text("Live")
    question = presenter.locator(".stage-question")
    expect(question).to_have_text(QUESTION)
    expect(question).to_be_visible()
    expect(question).to_be_in_viewport()
    screenshots.take(presenter, "zoomed")
    widths = presenter.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert widths[0] <= widths[1], widths
    assert live_pages.problems == []
