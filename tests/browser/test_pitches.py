"""A participant on a pitch session's page presses *Contact me about this* on a pitch (with a
message); the pitcher opens their contacts page and sees the person with the message. Both
pages have no axe violations, and the session page loads nothing from the video's host."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import TIMEOUT_MS, session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.exhibition.factories import PitchFactory
from tests.factories import OrganisationFactory, RegistrationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_as(browser, live_server, person):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([session_cookie(person, live_server.url)])
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"outside request {r.url}")
            if not r.url.startswith(live_server.url)
            else None
        ),
    )
    page.on(
        "response",
        lambda r: (
            problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    return context, page, problems


def test_participant_asks_for_contact_and_the_pitcher_sees_it(browser, live_server, screenshots):
    pitch = PitchFactory(
        title="Smart textiles for care homes",
        organisation=OrganisationFactory(name="Textile cluster", country="CZ"),
        video_url="https://www.youtube.com/watch?v=abc123",
        session__title="Pitching for contacts",
    )
    PitchFactory(session=pitch.session, kind="partnership", title="Agri-food partnership")
    event = pitch.session.event
    ana = RegistrationFactory(
        event=event,
        person__first_name="Ana",
        person__last_name="Novak",
        person__email="ana@example.org",
    ).person
    a_context, a, a_problems = open_as(browser, live_server, ana)
    p_context, p, p_problems = open_as(browser, live_server, pitch.pitcher)
    try:
        a.goto(f"/events/{event.slug}/sessions/{pitch.session.slug}/")
        card = a.locator(f"#pitch-{pitch.pk}")
        expect(card.get_by_role("heading", name="Smart textiles for care homes")).to_be_visible()
        assert axe_violations(a) == [], describe(axe_violations(a))
        card.get_by_label("Message to the pitcher (optional)").fill("We run 12 care homes.")
        card.get_by_role("button", name="Contact me about this").click()
        expect(a.get_by_text("You asked to be contacted.")).to_be_visible()
        expect(
            a.locator(f"#pitch-{pitch.pk}").get_by_role("button", name="Withdraw")
        ).to_be_visible()
        screenshots.take(a, "asked")
        violations = axe_violations(a)
        assert violations == [], describe(violations)

        p.goto(f"/events/{event.slug}/pitches/mine/")
        row = p.locator("tr", has_text="Ana Novak")
        expect(row).to_contain_text("ana@example.org")
        expect(row).to_contain_text("We run 12 care homes.")
        expect(p.locator("[data-count=contacts]")).to_have_text("1 contact")
        screenshots.take(p, "mine")
        violations = axe_violations(p)
        assert violations == [], describe(violations)
        assert a_problems == [] and p_problems == []
    finally:
        a_context.close()
        p_context.close()
