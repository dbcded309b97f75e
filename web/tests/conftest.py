import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Filter drop-downs are cached for minutes; each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
