"""A participant books the last place of a site visit, a second one joins the waiting list
(number 1), the first cancels, the second sees the place offered and confirms it: booked. The
visits list and a visit's page have no axe violations."""

import datetime as dt

import pytest
from django.core import mail
from playwright.sync_api import expect

from clustermeet.onsite.models import Booking
from tests.browser.conftest import TIMEOUT_MS, session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.factories import OrganisationFactory
from tests.onsite.factories import ActivityFactory, BookingFactory, approved, in_hours

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
        "response",
        lambda r: (
            problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    return context, page, problems


def test_last_place_waiting_list_cancel_and_promotion(browser, live_server, screenshots):
    visit = ActivityFactory(
        slug="mechatronika",
        title="MECHATRONIKA: robots at work",
        host=OrganisationFactory(name="MECHATRONIKA cluster"),
        capacity=2,
        starts_at=in_hours(50),
        ends_at=in_hours(50) + dt.timedelta(hours=4, minutes=30),
        booking_deadline=in_hours(30),
        description="A morning at the cluster's robotics lab.",
    )
    event = visit.event
    BookingFactory(activity=visit, person=approved(event))  # one of the two places is taken
    ana = approved(event, person__first_name="Ana", person__language="en")
    bruno = approved(event, person__first_name="Bruno", person__language="en")
    a_context, a, a_problems = open_as(browser, live_server, ana)
    b_context, b, b_problems = open_as(browser, live_server, bruno)
    try:
        a.goto(f"/events/{event.slug}/visits/")
        card = a.locator("[data-visit=mechatronika]")
        expect(card.locator("[data-role=places]")).to_have_text("1 place left")
        card.get_by_role("button", name="Book a place").click()
        expect(a.locator("[data-status=booked]")).to_be_visible()

        b.goto(f"/events/{event.slug}/visits/")
        expect(b.locator("[data-role=places]")).to_have_text("Full — 0 on the waiting list")
        assert axe_violations(b) == [], describe(axe_violations(b))
        b.get_by_role("link", name="MECHATRONIKA: robots at work").click()
        b.get_by_role("button", name="Join the waiting list").click()
        expect(b.locator("[data-status=waitlisted]")).to_contain_text(
            "You are number 1 on the waiting list."
        )
        screenshots.take(b, "waitlisted")
        violations = axe_violations(b)
        assert violations == [], describe(violations)

        a.goto(f"/events/{event.slug}/visits/mechatronika/")
        a.get_by_role("button", name="Cancel my booking").click()
        a.get_by_role("dialog").get_by_role("button", name="Yes, give up my place").click()
        expect(a.get_by_role("button", name="Book a place")).to_be_hidden()
        expect(a.get_by_role("button", name="Join the waiting list")).to_be_visible()

        b.reload()
        expect(b.locator("[data-status=offered]")).to_contain_text("A place is offered to you.")
        b.get_by_role("button", name="Confirm my place").click()
        expect(b.locator("[data-status=booked]")).to_have_text("You have a place.")
        screenshots.take(b, "confirmed")
    finally:
        a_context.close()
        b_context.close()

    assert Booking.objects.get(person=bruno).status == Booking.Status.BOOKED
    assert Booking.objects.get(person=ana).status == Booking.Status.CANCELLED
    assert [m.to for m in mail.outbox] == [[bruno.email]]
    assert a_problems == [] and b_problems == []
