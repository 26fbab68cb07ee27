import pytest

from tests.api.world import build


@pytest.fixture
def world(db):
    return build()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    from django.core.cache import cache

    cache.clear()
