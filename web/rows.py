"""Rows of the commitment table by id, their HTML shared between pages through the cache.

A page that misses the page cache (web/cache.py) still mostly shows rows that other
pages showed moments ago: the list sorted another way, the next filter, the dashboard's
overdue list, a motion page. :class:`CachedRows` carries only the ids of a page's rows;
the ``commitment_rows`` template tag then takes each row's finished ``<tr>`` from the
shared cache and loads and builds only the rows it lacks (one query for the rows, one
for their motions).

A row's key holds the data generation, the local date (days late) and the language,
so the same rule as for pages holds: any write makes every stored row unreachable.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator

from django.core.cache import cache
from django.utils import translation

from commitments.models import Commitment

from . import selectors
from .cache import generation, page_ttl

logger = logging.getLogger(__name__)


class CachedRows:
    """The ids of commitment rows in display order; iterating loads the commitments themselves."""

    def __init__(self, ids: Iterable[int], on: dt.date | None = None):
        self.ids = list(ids)
        self.on = on or selectors.today()

    def __len__(self) -> int:
        return len(self.ids)

    def __bool__(self) -> bool:
        return bool(self.ids)

    def __iter__(self) -> Iterator[Commitment]:
        return iter(self.load(self.ids))

    def __getitem__(self, index):
        return self.load(self.ids)[index]

    def load(self, ids: list[int]) -> list[Commitment]:
        """The commitments ``ids`` in that order, with what a row shows (letter, motions, days late)."""
        by_pk = {c.pk: c for c in selectors.page_rows(Commitment.objects.filter(pk__in=ids))}
        rows = [by_pk[pk] for pk in ids if pk in by_pk]
        return selectors.decorate(rows, self.on, motions=True)

    def html(self, build) -> list[str]:
        """Each row's ``<tr>``: from the cache, or ``build(commitments)`` for the ones missing."""
        if not self.ids:
            return []
        try:
            prefix = f"web:row:{generation()}:{self.on.isoformat()}:{translation.get_language()}:"
            keys = [f"{prefix}{pk}" for pk in self.ids]
            found = cache.get_many(keys)
        except Exception:  # a cache outage only makes the page slower
            logger.exception("row cache unavailable")
            return build(self.load(self.ids))
        missing = [pk for pk, key in zip(self.ids, keys) if key not in found]
        if missing:
            rows = self.load(missing)
            fresh = {f"{prefix}{c.pk}": html for c, html in zip(rows, build(rows))}
            try:
                cache.set_many(fresh, page_ttl())
            except Exception:
                logger.exception("row cache: could not store rows")
            found.update(fresh)
        return [found[key] for key in keys if key in found]
