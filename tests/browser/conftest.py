"""Browser tests: Playwright's sync API driving Debian's Chromium, headless, against
pytest-django's live server. The browser is Debian's /usr/bin/chromium (`make test` installs it
with apt when it is missing); Playwright's own browser downloads are never used."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from tests.harness.process import free_port
from tests.harness.uvicorn import uvicorn_workers

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
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # While Playwright's loop counts as running, Django keeps its connections in a context
    # variable instead of the thread: without this, the tests would get fresh connection
    # objects that lack what the test database setup left on the thread's ones (the serialized
    # contents that `serialized_rollback` restores after another test flushed the database).
    thread_connections = {alias: connections[alias] for alias in connections}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            for alias, connection in thread_connections.items():
                connections[alias] = connection
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


# --- An ASGI server for the live (websocket) pages -------------------------------------------
#
# pytest-django's live_server is a WSGI thread: it serves no websockets. Tests of the live pages
# use `asgi_server` instead: uvicorn serving clustermeet.asgi in a subprocess, on a free port of
# 127.0.0.1 (the host ALLOWED_HOSTS accepts as the websocket's Origin), connected to the test
# database. A second process cannot open SQLite's in-memory test database, so when a selected
# test uses `asgi_server` on SQLite the test database becomes a file in a temporary folder (set
# here, after collection and before pytest-django creates it); with PostgreSQL the subprocess
# uses the same test database. Tests that use it need `transaction=True`, so that what they
# write is committed and visible to the server.

ASGI_FIXTURES = ("asgi_server", "demo_site")
_sqlite_test_dir: Path | None = None


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    global _sqlite_test_dir
    if not any(
        name in getattr(item, "fixturenames", ()) for item in items for name in ASGI_FIXTURES
    ):
        return
    from django.conf import settings

    database = settings.DATABASES["default"]
    test = database.setdefault("TEST", {})
    if database["ENGINE"] == "django.db.backends.sqlite3" and not test.get("NAME"):
        import tempfile

        _sqlite_test_dir = Path(tempfile.mkdtemp(prefix="clustermeet-test-db-"))
        test["NAME"] = str(_sqlite_test_dir / "test.sqlite3")


def pytest_unconfigure(config):
    if _sqlite_test_dir is not None:
        import shutil

        shutil.rmtree(_sqlite_test_dir, ignore_errors=True)


def _database_url(database: dict) -> str:
    from urllib.parse import quote

    if database["ENGINE"] == "django.db.backends.sqlite3":
        name = database["NAME"]
        if str(name).startswith(":memory:") or "mode=memory" in str(name):
            pytest.fail("asgi_server needs a file database: use it with transaction=True")
        return f"sqlite:///{Path(name).resolve()}"
    user = quote(database.get("USER") or "", safe="")
    password = quote(database.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = database.get("HOST") or "127.0.0.1"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(database['NAME'], safe='')}"


class AsgiServer:
    def __init__(self, url: str, log: Path):
        self.url = url
        self.log = log


@pytest.fixture
def asgi_server(transactional_db, tmp_path):
    """uvicorn serving clustermeet.asgi (HTTP and websockets) on the test database; stopped
    at teardown, before the database is flushed."""
    from django.conf import settings
    from django.db import connection

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DATABASE_URL=_database_url(connection.settings_dict),
        CLUSTERMEET_SECRET_KEY=settings.SECRET_KEY,
        CLUSTERMEET_ALLOWED_HOSTS="127.0.0.1",
        CLUSTERMEET_SITE_URL=url,
        DJANGO_SETTINGS_MODULE="clustermeet.settings",
    )
    env.pop("REDIS_URL", None)  # one process: the in-memory channel layer is enough
    args = ["--log-level", "warning"]
    with uvicorn_workers(1, env, tmp_path, args=args, ports=[port]) as (worker,):
        yield AsgiServer(url, worker.log)


def session_cookie(person, url: str) -> dict:
    """A logged-in session of `person` as a browser cookie for `url` (the server shares the
    database and the secret key)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(person.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = person.get_session_auth_hash()
    store.create()
    return {"name": "sessionid", "value": store.session_key, "url": url}


class LivePages:
    """Browser pages on the ASGI server, one context (one person) each, with what went wrong in
    any of them (responses ≥ 400 but /favicon.ico, uncaught JavaScript errors)."""

    def __init__(self, browser, server: AsgiServer):
        self.browser = browser
        self.server = server
        self.contexts = []
        self.problems: list[str] = []

    def open(self, person=None):
        context = self.browser.new_context(
            base_url=self.server.url, locale="en-GB", timezone_id="UTC"
        )
        context.set_default_timeout(TIMEOUT_MS)
        if person is not None:
            context.add_cookies([session_cookie(person, self.server.url)])
        self.contexts.append(context)
        page = context.new_page()
        page.on("response", self._response)
        page.on("pageerror", lambda error: self.problems.append(f"JavaScript error: {error}"))
        return page

    def _response(self, response) -> None:
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.problems.append(f"{response.status} {response.request.method} {response.url}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def live_pages(browser, asgi_server):
    pages = LivePages(browser, asgi_server)
    yield pages
    pages.close()


# --- The demo conference served for a whole module --------------------------------------------
#
# The accessibility and third-party tests look at every page type of the demo (tests/browser/
# pages.py). Loading the demo takes seconds, so it is loaded once per module, committed (uvicorn
# reads it from another process), and removed at the end: the database is flushed and what the
# migrations put in it is restored, as a transactional test with serialized_rollback does.


class DemoSite:
    def __init__(self, browser, url: str, people: dict, refs: dict):
        self.browser, self.url, self.people, self.refs = browser, url, people, refs
        self.cookies = {key: session_cookie(person, url) for key, person in people.items()}

    def open(self, user: str | None, language: str | None = None, width: int | None = None):
        """A fresh context (one person's cookie, or none; the language chosen in the switcher,
        or the browser's English; a window `width` px wide, or Playwright's 1280) on the demo
        server, and its page."""
        options = {"viewport": {"width": width, "height": 900}} if width else {}
        context = self.browser.new_context(
            base_url=self.url, locale="en-GB", timezone_id="UTC", **options
        )
        context.set_default_timeout(TIMEOUT_MS)
        if user is not None:
            context.add_cookies([self.cookies[user]])
        if language is not None:
            context.add_cookies(
                [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": self.url}]
            )
        return context, context.new_page()


def _demo_refs() -> tuple[dict, dict]:
    """Who looks at the pages and the parts of their paths that depend on the demo's rows."""
    from clustermeet.awards.models import Nomination
    from clustermeet.cafe.models import Seat
    from clustermeet.demo.accounts import (
        DOOR_EMAIL,
        ORGANISER_EMAIL,
        PARTICIPANT_EMAIL,
        SPEAKER_EMAIL,
    )
    from clustermeet.exhibition.models import BoothStaff
    from clustermeet.people.models import Person, Registration
    from clustermeet.programme.models import Session
    from tests.browser.pages import CAFE_SESSION, EVENT, ONSITE_EVENT

    seat = (
        Seat.objects.filter(round__cafe__session__slug=CAFE_SESSION)
        .select_related("person")
        .order_by("round__number", "pk")
        .first()
    )
    participant = Person.objects.get(email=PARTICIPANT_EMAIL)
    profile = (
        Registration.objects.filter(event__slug=EVENT, directory_consent_at__isnull=False)
        .exclude(person=participant)
        .select_related("person")
        .order_by("pk")
        .first()
        .person
    )
    stream = (
        Session.objects.filter(event__slug=EVENT, room__stream_url__gt="", recording_url="")
        .order_by("starts_at")
        .first()
    )
    if stream is None:  # every demo session is over: give one a livestream of its own
        stream = Session.objects.filter(event__slug=EVENT, recording_url="").order_by("pk")[0]
        Session.objects.filter(pk=stream.pk).update(
            livestream_url="https://www.youtube.com/watch?v=bsPn1gMDLKQ"
        )
    people = {
        "participant": participant,
        "organiser": Person.objects.get(email=ORGANISER_EMAIL),
        "seated": seat.person,
        "door": Person.objects.get(email=DOOR_EMAIL),
        "speaker": Person.objects.get(email=SPEAKER_EMAIL),
    }
    duties = BoothStaff.objects.filter(person=people["speaker"]).select_related("booth__event")
    booth = next(d.booth for d in duties if d.booth.event.slug == EVENT)
    stand = next(d.booth for d in duties if d.booth.event.slug != EVENT)
    return people, {
        "profile": profile.slug,
        "stream_session": stream.slug,
        "booth": booth.slug,
        "stand": stand.slug,
        "nomination": Nomination.objects.get(name="S3Food", category__event__slug=ONSITE_EVENT).pk,
    }


def _restore_reference_data(connection) -> None:
    """A transactional test without serialized_rollback (the live servers' tests) empties the
    database when it ends, the migrations' reference data included: bring it back before the
    demo is loaded on it."""
    from clustermeet.people.models import Role

    serialized = getattr(connection, "_test_serialized_contents", None)
    if serialized and not Role.objects.exists():
        connection.creation.deserialize_db_from_string(serialized)


@pytest.fixture(scope="module")
def demo_site(browser, django_db_setup, django_db_blocker, tmp_path_factory):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from clustermeet.demo.loader import load_demo

    with django_db_blocker.unblock():
        _restore_reference_data(connection)
        load_demo()
        people, refs = _demo_refs()
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
        env.update(
            DATABASE_URL=_database_url(connection.settings_dict),
            CLUSTERMEET_SECRET_KEY=settings.SECRET_KEY,
            CLUSTERMEET_ALLOWED_HOSTS="127.0.0.1",
            CLUSTERMEET_SITE_URL=url,
            DJANGO_SETTINGS_MODULE="clustermeet.settings",
        )
        env.pop("REDIS_URL", None)
        log_dir = tmp_path_factory.mktemp("demo-site")
        options = connection.settings_dict.setdefault("OPTIONS", {})
        mode = options.get("transaction_mode")
        try:
            site = DemoSite(browser, url, people, refs)
            connection.close()  # SQLite: let the server write (sessions) without waiting on us
            # The tests of these modules only read, each inside pytest-django's transaction.
            # On SQLite an IMMEDIATE transaction takes the write lock at BEGIN: a page that
            # writes on GET (a booth records its visit) would wait for the test to end. Here
            # the tests' transactions are DEFERRED (they never write); the server keeps its own.
            if connection.vendor == "sqlite":
                options["transaction_mode"] = "DEFERRED"
            with uvicorn_workers(1, env, log_dir, args=["--log-level", "warning"], ports=[port]):
                yield site
        finally:
            if connection.vendor == "sqlite":
                connection.close()
                options["transaction_mode"] = mode
            serialized = getattr(connection, "_test_serialized_contents", None)
            call_command(
                "flush", interactive=False, verbosity=0, inhibit_post_migrate=bool(serialized)
            )
            if serialized:
                connection.creation.deserialize_db_from_string(serialized)
