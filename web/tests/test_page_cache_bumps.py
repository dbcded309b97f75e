"""A transaction that writes many rows (an ingest) bumps the page-cache generation once, not per row."""

from __future__ import annotations

import pytest
from django.core.cache import cache as shared

from web import cache as page_cache

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def test_many_writes_in_one_transaction_bump_once_and_the_writer_still_reads_a_new_generation(
        django_capture_on_commit_callbacks, monkeypatch):
    before = page_cache.generation()
    sets = []
    real_set = shared.set
    monkeypatch.setattr(shared, "set", lambda key, *a, **kw: (key == page_cache.GEN_KEY and sets.append(key))
                        or real_set(key, *a, **kw))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        for _ in range(6):
            DocumentFactory()
        assert sets == []                          # no write per row
        during = page_cache.generation()           # but this thread's own read is not served stale
        assert during != before and len(sets) == 1
        DocumentFactory()
        assert page_cache.generation() != during   # nor after a further write
    assert [c for c in callbacks if c is page_cache._bump_at_commit] == [page_cache._bump_at_commit]
    assert page_cache.generation() not in (before, during)   # and the commit bumped for everyone else


def test_outside_a_transaction_every_write_bumps_at_once(monkeypatch):
    from django.db import transaction

    monkeypatch.setattr(transaction.get_connection(), "in_atomic_block", False)
    before = page_cache.generation()
    page_cache.bump_generation()
    assert page_cache.generation() != before
