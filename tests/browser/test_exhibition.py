"""A participant opens the exhibition, filters it by ecosystem, opens a booth and leaves a
message; the list, the floor and the booth page have no axe violations, and a 360 px wide
screen never scrolls sideways."""

import pytest
from playwright.sync_api import expect

from clustermeet.events.models import Ecosystem
from clustermeet.exhibition.models import BoothMessage, BoothVisit
from tests.browser.conftest import TIMEOUT_MS, session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.exhibition.factories import BoothFactory, BoothStaffFactory, HallFactory
from tests.factories import EventFactory, OrganisationFactory, RegistrationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def exhibition():
    event = EventFactory(slug="ecc-2020")
    hall = HallFactory(event=event, name="Hall A", slug="hall-a")
    textile, energy = Ecosystem.objects.order_by("pk")[:2]
    fibre = BoothFactory(
        event=event,
        hall=hall,
        stand="12",
        slug="fibre-hub",
        name="Fibre Hub",
        organisation=OrganisationFactory(name="Fibre Hub cluster", country="PT"),
        summary="Smart textiles from Portugal.",
        description="We connect 120 textile companies.",
        video_url="https://www.youtube.com/watch?v=abcdefghijk",
    )
    fibre.ecosystems.add(textile)
    BoothStaffFactory(booth=fibre)
    BoothFactory(event=event, hall=hall, stand="3", name="Volt Valley").ecosystems.add(energy)
    return event, textile


def test_a_participant_filters_the_exhibition_opens_a_booth_and_leaves_a_message(
    browser, live_server, screenshots
):
    event, textile = exhibition()
    ana = RegistrationFactory(event=event, person__first_name="Ana", person__language="en").person
    context = browser.new_context(base_url=live_server.url, locale="en-GB", timezone_id="UTC")
    context.set_default_timeout(TIMEOUT_MS)
    context.add_cookies([session_cookie(ana, live_server.url)])
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    page.on(
        "response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    try:
        page.goto(f"/events/{event.slug}/exhibition/")
        expect(
            page.get_by_role("navigation", name="Event").get_by_role("link", name="Exhibition")
        ).to_have_attribute("aria-current", "page")
        expect(page.locator("[data-booth]")).to_have_count(2)
        assert axe_violations(page) == [], describe(axe_violations(page))
        page.get_by_role("combobox", name="Industrial ecosystem").select_option(textile.slug)
        expect(page.locator("[data-booth]")).to_have_count(1)
        expect(page.get_by_role("status").first).to_have_text("1 booth")
        screenshots.take(page, "filtered")

        page.goto(f"/events/{event.slug}/exhibition/floor/")
        stands = page.locator("table.stands tbody tr td:first-child")
        expect(stands).to_have_text(["3", "12"])
        assert axe_violations(page) == [], describe(axe_violations(page))

        page.goto(f"/events/{event.slug}/exhibition/")
        page.get_by_role("link", name="Fibre Hub", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Fibre Hub")
        expect(page.locator("iframe")).to_have_count(0)  # the video loads on click only
        page.get_by_label("Your message").fill("Can we meet at stand 12?")
        page.get_by_role("button", name="Send the message").click()
        expect(page.get_by_role("status").first).to_contain_text("Your message is with")
        assert axe_violations(page) == [], describe(axe_violations(page))
        page.set_viewport_size({"width": 360, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        screenshots.take(page, "booth-narrow")
    finally:
        context.close()
    assert list(BoothMessage.objects.values_list("text", flat=True)) == ["Can we meet at stand 12?"]
    assert list(BoothVisit.objects.values_list("person", "views")) == [(ana.pk, 2)]
    assert problems == []
