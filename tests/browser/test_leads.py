"""Leads in a browser: a participant opens a booth and shares their contact; the booth's staff
see the lead on the dashboard and download the CSV with exactly that row; on the scanning page
(360 px) a typed badge code becomes a new lead rated hot, and a scan made offline is queued
("1 scan waiting to be sent") and sent once when the network returns. axe finds no violation on
the dashboard and the scanning page, and neither scrolls sideways at 360 px."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from clustermeet.exhibition.models import Lead
from tests.browser.conftest import session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.exhibition.factories import BoothFactory, staff_of
from tests.factories import PersonFactory
from tests.onsite.factories import approved, badged, event_today

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_as(browser, live_server, person, width=1280):
    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        timezone_id="UTC",
        viewport={"width": width, "height": 860},
        accept_downloads=True,
    )
    context.set_default_timeout(15_000)
    context.add_cookies([session_cookie(person, live_server.url)])
    return context


def test_share_dashboard_csv_and_scanning(browser, live_server, screenshots):
    event = event_today(slug="ecc-expo", name="ECC 2022 Prague")
    booth = BoothFactory(event=event, name="Acme Cluster", slug="acme")
    staff = staff_of(booth, person__first_name="Stan", person__last_name="Staff")
    vera = approved(
        event,
        person__first_name="Vera",
        person__last_name="Visitor",
        person__email="vera@example.org",
    )
    _ada, ada_token = badged(event, person=PersonFactory(first_name="Ada", last_name="Scan"))
    _ben, ben_token = badged(event, person=PersonFactory(first_name="Ben", last_name="Offline"))
    errors: list[str] = []

    visitor = open_as(browser, live_server, vera)
    try:
        page = visitor.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"/events/{event.slug}/exhibition/{booth.slug}/")
        page.get_by_role("button", name="Share my contact with this exhibitor").click()
        expect(page.locator(".lead-share")).to_contain_text(
            "You shared your contact with Acme Cluster on"
        )
    finally:
        visitor.close()

    exhibitor = open_as(browser, live_server, staff)
    try:
        page = exhibitor.new_page()
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"/events/{event.slug}/exhibition/{booth.slug}/dashboard/")
        expect(page.locator(".lead-table")).to_contain_text("Vera Visitor")
        screenshots.take(page, "dashboard")
        violations = axe_violations(page)
        assert violations == [], describe(violations)
        with page.expect_download() as download:
            page.get_by_role("link", name="Download CSV").click()
        text = Path(download.value.path()).read_text(encoding="utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        assert [row[:2] for row in rows] == [
            ["Name", "E-mail"],
            ["Vera Visitor", "vera@example.org"],
        ]

        page.set_viewport_size({"width": 360, "height": 780})
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.goto(f"/events/{event.slug}/exhibition/{booth.slug}/scan/")
        result = page.locator("#lead-result")
        field = page.get_by_label("Badge code (scanner or keyboard)")
        field.fill(ada_token)
        field.press("Enter")
        expect(result).to_contain_text("New lead")
        expect(result).to_contain_text("Ada Scan")
        page.get_by_role("button", name="Hot").click()
        expect(page.locator("#lead-note-status")).to_have_text("Note and rating saved.")
        assert Lead.objects.get(person__first_name="Ada").rating == "hot"

        exhibitor.set_offline(True)
        field.fill(ben_token)
        field.press("Enter")
        expect(page.locator("#lead-queue")).to_have_text("1 scan waiting to be sent")
        assert not Lead.objects.filter(person__first_name="Ben").exists()
        screenshots.take(page, "scan-offline")
        with page.expect_response(lambda r: r.url.endswith("/scan/sync/")):
            exhibitor.set_offline(False)
        expect(page.locator("#lead-queue")).to_have_text("1 queued scan sent.")
        assert Lead.objects.filter(person__first_name="Ben", source="scan").count() == 1

        violations = axe_violations(page)
        assert violations == [], describe(violations)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert errors == []
    finally:
        exhibitor.close()
