"""Browser tests: Playwright's sync API driving Debian's Chromium, headless, against
pytest-django's live server. The browser is Debian's /usr/bin/chromium (`make test` installs it
with apt when it is missing); Playwright's own browser downloads are never used."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
RESULTS_DIR = Path(__file__).resolve().parents[2] / "test-results"
TIMEOUT_MS = 15_000

_reports = pytest.StashKey[dict]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test item, so fixtures can tell whether it failed."""
    report = yield
    item.stash.setdefault(_reports, {})[report.when] = report
    return report


@pytest.fixture(scope="package")
def playwright_instance():
    # Playwright's sync API keeps an asyncio event loop running in this thread while it is
    # started, and Django then refuses ORM calls from the thread (SynchronousOnlyOperation).
    # The tests here drive the browser and read the database in turn, never at once, so the
    # check is lifted for as long as Playwright runs and restored afterwards.
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium. "
            "`make test` installs it as root (apt-get install -y chromium); "
            "do not use `playwright install`."
        )
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield playwright
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(
        executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
    )
    yield browser
    browser.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context (no cookies) whose relative URLs go to the live server."""
    context = browser.new_context(
        base_url=live_server.url, accept_downloads=True, locale="en-GB", timezone_id="UTC"
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


class Screenshots:
    """Screenshots taken during a test, written to test-results/ only if the test fails."""

    def __init__(self) -> None:
        self.taken: list[tuple[str, bytes]] = []

    def take(self, page, name: str) -> None:
        self.taken.append((name, page.screenshot(full_page=True)))


@pytest.fixture
def screenshots(request):
    shots = Screenshots()
    yield shots
    report = request.node.stash.get(_reports, {}).get("call")
    if report is None or not report.failed or not shots.taken:
        return
    RESULTS_DIR.mkdir(exist_ok=True)
    for name, png in shots.taken:
        path = RESULTS_DIR / f"{request.node.name}-{name}.png"
        path.write_bytes(png)
        print(f"screenshot: {path}")


@pytest.fixture
def page_problems(page):
    """What went wrong in the page while the test ran: responses of 400 and above (a browser's
    own /favicon.ico probe aside) and uncaught JavaScript errors. A test asserts it is empty."""
    problems: list[str] = []

    def on_response(response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            problems.append(f"{response.status} {response.request.method} {response.url}")

    page.on("response", on_response)
    page.on("pageerror", lambda error: problems.append(f"JavaScript error: {error}"))
    return problems
