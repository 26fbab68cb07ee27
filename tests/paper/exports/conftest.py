import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _empty_cache():
    """The tables are cached by fingerprint: each test starts without them."""
    cache.clear()
    yield
    cache.clear()
