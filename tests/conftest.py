import pytest
from django.core import mail  # noqa: F401  (pytest-django's mailoutbox relies on locmem)
from django.db import transaction
from hypothesis import HealthCheck, settings

# No timing in tests: Hypothesis' deadline and its "too slow" health check depend on the machine's
# load (CI runs the suite twice on two cores), not on the code under test.
settings.register_profile(
    "clustermeet", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("clustermeet")


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _tasks_inline(settings):
    """Without a broker the web process runs long jobs in a thread (clustermeet.background);
    tests run them inline, where the test can see their outcome (tests of the thread turn
    this back on)."""
    settings.CLUSTERMEET_TASKS_IN_THREAD = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Websocket tests run database work in asgiref's worker threads, whose PostgreSQL
    connections outlive the tests (CONN_MAX_AGE). End them before the test database is dropped,
    which PostgreSQL refuses while other sessions use it."""
    yield
    from django.db import connection

    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once per test module inside a transaction rolled back at its end;
    the value is what `load_demo` reports it created."""
    from django.db import connection

    from clustermeet.demo.loader import load_demo

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            created = load_demo()
            if connection.vendor == "postgresql":
                # The demo's thousands of rows are not committed, so autovacuum never analyses
                # them: the planner would keep the statistics of the empty tables it saw
                # earlier in the run and pick nested loops that take minutes. ANALYZE in this
                # transaction counts its own rows.
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield created
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request activates its person's language in the thread (LocaleMiddleware and ours do, as
    in production, where each request activates its own); code a later test runs outside a
    request would otherwise inherit it. Every test starts and ends in the source language."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "live_server"}


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on SQLite, then the database tests again on PostgreSQL
    (CLUSTERMEET_DATABASE_TESTS_ONLY=1): a test that cannot touch the database (pytest-django
    refuses it one without the django_db mark or a database fixture) has nothing to learn from
    a second engine, so that run leaves it out."""
    import os

    if os.environ.get("CLUSTERMEET_DATABASE_TESTS_ONLY") != "1":
        return
    kept, left_out = [], []
    for item in items:
        uses_db = item.get_closest_marker("django_db") is not None or bool(
            DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        (kept if uses_db else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
