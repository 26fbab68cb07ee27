"""The door on a phone: the staff scan a badge (the payload typed into the scanner field, as a
hardware scanner does) → green; the same again → "already checked in"; with the network gone a
third badge is decided from the roster and queued (counter 1); back online the queue is sent and
the check-in exists; a picture of a QR code goes through the page's decoder (the camera's path).
axe finds no violation on the scanning page, at a phone's width, which never scrolls sideways."""

import base64
import datetime as dt
import io

import pytest
import segno
from playwright.sync_api import expect

from clustermeet.onsite.models import CheckIn
from tests.browser.conftest import session_cookie
from tests.browser.test_accessibility import axe_violations, describe
from tests.factories import PersonFactory
from tests.onsite.factories import badged, door_staff_of, event_today

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def scan_picture(page, token: str) -> None:
    """Hand the page a picture of the badge's QR code, as the camera would (camera.js decodes
    it with the vendored jsQR)."""
    png = io.BytesIO()
    segno.make(token, error="m").save(png, kind="png", scale=6, border=4)
    data_url = "data:image/png;base64," + base64.b64encode(png.getvalue()).decode()
    page.evaluate(
        """async (url) => {
            const image = new Image();
            image.src = url;
            await image.decode();
            const canvas = document.createElement("canvas");
            canvas.width = image.width;
            canvas.height = image.height;
            const context = canvas.getContext("2d");
            context.drawImage(image, 0, 0);
            const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
            await window.clustermeetCheckin.scanImage(pixels);
        }""",
        data_url,
    )


def scan(page, token: str) -> None:
    field = page.get_by_label("Badge code (scanner or keyboard)")
    field.fill(token)
    field.press("Enter")


def test_staff_scan_green_then_already_then_offline_queue_sent(browser, live_server, screenshots):
    event = event_today(slug="ecc-door", name="ECC 2022 Prague")
    staff = door_staff_of(event, first_name="Dora", last_name="Door")
    ana, ana_token = badged(
        event, note="VIP", person=PersonFactory(first_name="Ana", last_name="Novak")
    )
    jan, jan_token = badged(event, person=PersonFactory(first_name="Jan", last_name="Dvořák"))
    _petra, petra_token = badged(
        event, roles=["press"], person=PersonFactory(first_name="Petra", last_name="Svobodová")
    )

    context = browser.new_context(
        base_url=live_server.url,
        locale="en-GB",
        timezone_id="UTC",
        viewport={"width": 360, "height": 780},
    )
    context.set_default_timeout(15_000)
    context.add_cookies([session_cookie(staff, live_server.url)])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        with page.expect_response(lambda r: r.url.endswith("/checkin/roster.json")):
            page.goto(f"/events/{event.slug}/checkin/")
        result = page.locator("#checkin-result")

        scan(page, ana_token)
        expect(result.locator(".checkin-verdict")).to_have_attribute("data-colour", "green")
        expect(result).to_contain_text("Checked in")
        expect(result).to_contain_text("Ana Novak")
        expect(result).to_contain_text("VIP")
        screenshots.take(page, "green")

        scan(page, ana_token)
        expect(result.locator(".checkin-verdict")).to_have_attribute("data-colour", "amber")
        expect(result).to_contain_text("Already checked in")
        expect(result).to_contain_text("by Dora Door")
        assert CheckIn.objects.filter(registration=ana).count() == 1

        context.set_offline(True)
        scan(page, jan_token)
        expect(result.locator(".checkin-verdict")).to_have_attribute("data-colour", "green")
        expect(result).to_contain_text("offline, will be sent")
        expect(page.locator("#checkin-queue")).to_have_text("1 check-in waiting to be sent")
        # The same badge again, still offline: the page remembers it.
        scan(page, jan_token)
        expect(result).to_contain_text("Already checked in")
        expect(page.locator("#checkin-queue")).to_have_text("1 check-in waiting to be sent")
        screenshots.take(page, "offline")
        assert not CheckIn.objects.filter(registration=jan).exists()

        with page.expect_response(lambda r: r.url.endswith("/checkin/sync/")):
            context.set_offline(False)
        expect(page.locator("#checkin-queue")).to_have_text("1 queued check-in sent.")
        row = CheckIn.objects.get(registration=jan)
        assert row.checked_in_by == staff
        assert abs(row.checked_in_at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)

        # The camera's path: a picture of a QR code, decoded in the page.
        scan_picture(page, petra_token)
        expect(result).to_contain_text("Petra Svobodová")
        expect(result.locator(".checkin-verdict")).to_have_attribute("data-colour", "green")

        violations = axe_violations(page)
        assert violations == [], describe(violations)
        # Phone width: nothing scrolls sideways.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert errors == []
    finally:
        context.close()
