"""No page of the demo (tests/browser/pages.py: every page type, as the person who uses it,
including a session with a livestream before its play button is pressed) makes a request to
any host but the server under test: no CDN, no fonts, no video player, no analytics."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import PAGE_TYPES, is_local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(serialized_rollback=True)]


def test_is_local():
    assert [
        is_local(url)
        for url in (
            "http://127.0.0.1:8123/static/app.css",
            "ws://localhost:9000/ws/events/x/",
            "data:image/svg+xml,<svg/>",
            "https://www.youtube-nocookie.com/embed/x",
            "http://127.0.0.1.example.com/",
            "https://fonts.googleapis.com/css",
        )
    ] == [True, True, True, False, False, False]


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=[p.name for p in PAGE_TYPES])
def test_no_third_party_request(demo_site, page_type):
    context, page = demo_site.open(page_type.user)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page.on("websocket", lambda socket: requests.append(socket.url))
    try:
        page.goto(page_type.path.format(**demo_site.refs))
        expect(page.locator(page_type.ready).first).to_be_visible()
        if page_type.live:
            expect(page.locator("[data-role=connection]").first).to_have_attribute(
                "data-state", re.compile(r"^(online|open)$")
            )
        page.wait_for_load_state("networkidle")
        if page_type.name == "session-stream":  # the player is there, not yet loaded
            expect(page.locator("[data-embed-src]").first).to_be_visible()
            assert page.locator("iframe").count() == 0
        assert requests, "the recorder saw no request"
        assert [url for url in requests if not is_local(url)] == []
    finally:
        context.close()
