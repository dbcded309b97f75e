"""ETag and Last-Modified for every API response, answered without touching the database.

Everything the API shows changes only when the data generation of the page cache
(``web.cache``) changes: every write that changes a commitment, motion, document or its
history starts a new one (signals, and the paths that write without them). What is late
also depends on the date. So

* ``ETag`` = a hash of the generation, the local date, the API version and the URL (path
  and query): the same URL gives the same body until a write or midnight;
* ``Last-Modified`` = when this API first saw the current generation on this date,
  stamped in the shared cache and kept strictly increasing (one second at least between
  two generations), so ``If-Modified-Since`` never matches a newer generation.

A conditional GET (``If-None-Match`` or ``If-Modified-Since``) that still matches gets a
304 after authentication and throttling but before any query. When the cache is down
the API answers without validators.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone

from web.cache import generation

logger = logging.getLogger(__name__)

#: Part of every ETag: a change to what the API writes for the same data changes it.
REPRESENTATION_VERSION = "api-v1.1"
LAST_STAMP_KEY = "api:last-modified:latest"


@dataclass(frozen=True)
class Validators:
    etag: str
    last_modified: float  # seconds since the epoch, a whole number


def _stamp(gen: str, day: str) -> float:
    key = f"api:last-modified:{gen}:{day}"
    stamp = cache.get(key)
    if stamp is not None:
        return stamp
    latest = cache.get(LAST_STAMP_KEY) or 0
    stamp = float(max(math.ceil(time.time()), latest + 1))
    if cache.add(key, stamp, 7 * 24 * 3600):
        cache.set(LAST_STAMP_KEY, stamp, None)
        return stamp
    return cache.get(key) or stamp


def validators(request: HttpRequest) -> Validators | None:
    """The validators of ``request``'s response, or None when the shared cache is unavailable."""
    try:
        gen = generation()
        day = timezone.localdate().isoformat()
        stamp = _stamp(gen, day)
    except Exception:  # a cache outage must not break the API
        logger.exception("api: no validators (cache unavailable)")
        return None
    digest = hashlib.sha1("\n".join((REPRESENTATION_VERSION, gen, day, request.get_full_path())).encode()).hexdigest()
    return Validators(etag=f'"{digest}"', last_modified=stamp)
