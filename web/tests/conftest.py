import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Filter drop-downs are cached for minutes; each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clerk():
    """A user in the griffie group."""
    from web.tests.griffie_factories import ClerkFactory

    return ClerkFactory()


@pytest.fixture
def client_clerk(client, clerk):
    """The test client, logged in as ``clerk``."""
    client.force_login(clerk)
    return client
