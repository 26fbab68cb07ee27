"""The interactive docs in Debian's Chromium: Swagger UI renders the operations from our own
static files, and no request leaves the server under test (no CDN, no validator badge)."""

from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.browser,
    # live_server makes the test transactional: serialized_rollback brings the migrations'
    # reference data back after its flush, for the transactional tests that run after it.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


def test_the_docs_load_nothing_from_elsewhere(live_server):
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    requests: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page()
            page.on("request", lambda request: requests.append(request.url))
            page.goto(f"{live_server.url}/api/v1/docs")
            page.locator(".opblock-summary-path").first.wait_for(timeout=15_000)
            page.wait_for_load_state("networkidle")
            paths = page.locator(".opblock-summary-path").all_inner_texts()
        finally:
            browser.close()
    assert "/api/v1/events" in [p.replace("\u200b", "") for p in paths]
    assert f"{live_server.url}/api/v1/openapi.json" in requests
    assert [url for url in requests if not url.startswith(live_server.url)] == []
