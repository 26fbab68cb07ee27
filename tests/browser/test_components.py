"""The shared components of app.js and app.css, on the demo: a destructive action asks first.
The form's POST is caught in the browser (the component is under test, not the seating)."""

import pytest
from playwright.sync_api import expect

from tests.browser.pages import CAFE_SESSION, EVENT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_seat_everyone_asks_first_and_cancel_sends_nothing(demo_site):
    context, page = demo_site.open("organiser")
    try:
        path = f"/events/{EVENT}/sessions/{CAFE_SESSION}/cafe/organise/"
        page.goto(path)
        sent = []

        def catch(route):
            if route.request.method != "POST":
                return route.continue_()
            sent.append(route.request.post_data)
            return route.fulfill(status=200, content_type="text/html", body="<p>sent</p>")

        page.route(f"**{path}", catch)
        seat = page.get_by_role("button", name="Seat everyone")

        seat.click()
        dialog = page.get_by_role("dialog")
        expect(dialog).to_contain_text("The whole seating of every round is replaced")
        expect(dialog.get_by_role("button", name="Cancel")).to_be_focused()
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
        seat.click()
        page.get_by_role("dialog").get_by_role("button", name="Cancel").click()
        expect(page.get_by_role("dialog")).to_have_count(0)
        assert sent == []

        seat.click()
        page.get_by_role("dialog").get_by_role("button", name="Seat everyone").click()
        expect(page.locator("body")).to_have_text("sent")
        assert len(sent) == 1 and "action=seat_all" in sent[0]
    finally:
        context.close()
