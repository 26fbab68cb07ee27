import pytest

from clustermeet.reports.dashboard import presence


@pytest.fixture(autouse=True)
def _no_connections_of_other_tests():
    """Connections other tests left open (their event loop ended first) count nowhere here."""
    presence.clear()
    yield
    presence.clear()
