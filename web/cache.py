"""The shared page cache of the public pages, invalidated by a data "generation".

Anonymous GET responses of the dashboard, the list (with its filters), the motion
page and the search results are stored in the shared cache (``settings.CACHES``:
Redis in production and tests, files under ``data/cache`` in the embedded run) under

    web:page:<generation>:<local date>:<language>:<sha1 of the absolute URL>

* **generation**: a random value under ``web:generation``. :func:`bump_generation`
  replaces it with a new one whenever something that these pages show is written, so
  every page cached before is unreachable at once; the next request renders afresh.
  Model saves and deletes bump through signals (:func:`connect_signals`); the domain
  paths that write without model signals (``commitments.services`` compare-and-set,
  ``commitments.overdue.flag_overdue``, ``commitments.calendar``) send
  ``tracker.signals.data_changed``, connected here, so ``commitments`` never imports
  ``web``; ``seed_synthetic`` and migrations bump directly.
  A bump happens when the surrounding transaction commits, so a request that read the
  old rows just before the commit cannot keep them cached, and for the writing thread's
  own reads before that at its next ``generation()``: once per transaction, not per row.
  A new value is random, never an increment: a lost or evicted key cannot bring back
  an old generation.
* **local date**: "te laat" and "binnenkort" depend on today; a new day is a new key.
* **language**: Dutch and English pages are separate entries.

Visitors with a session (logged-in clerks, or anyone with pending messages) bypass
the cache entirely: their pages carry their name and forms. The CSRF token of the
language form is stored as a placeholder and filled in per visitor on a hit. Entries
also expire after ``PAGE_CACHE_SECONDS`` (default 600). A cache that is down never
breaks a page: it is then rendered uncached.

Responses carry ``X-Page-Cache: hit | miss | bypass`` (the load test counts them).
"""

from __future__ import annotations

import contextvars
import hashlib
import logging
import re
import secrets
import threading
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

GEN_KEY = "web:generation"
HEADER = "X-Page-Cache"
_CSRF_RE = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_PLACEHOLDER = b'name="csrfmiddlewaretoken" value="@csrf@"'


def page_ttl() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 600)


# --- the generation ------------------------------------------------------------------------


def _new_value() -> str:
    return secrets.token_hex(8)


#: The generation read once for the request being served (cache_public_page): the page key,
#: the dashboard counts and the filter options of one page use the same one, in one round trip.
_request_generation: contextvars.ContextVar[str | None] = contextvars.ContextVar("page_generation", default=None)


def generation() -> str:
    """The current data generation (created on first use)."""
    if getattr(_pending, "dirty", False):   # this thread wrote since: its pages must not be served stale
        _pending.dirty = False
        _set_new_generation()
    gen = _request_generation.get()
    if gen is not None:
        return gen
    gen = cache.get(GEN_KEY)
    if gen is None:
        gen = _new_value()
        if not cache.add(GEN_KEY, gen, None):
            gen = cache.get(GEN_KEY) or gen
    return gen


def _set_new_generation() -> None:
    _request_generation.set(None)
    try:
        cache.set(GEN_KEY, _new_value(), None)
    except Exception:  # a cache outage must not fail the write that asked for the bump
        logger.exception("page cache: could not bump the generation")


#: Writes of this thread's open transaction not yet reflected in the generation (see bump_generation).
_pending = threading.local()


def _bump_at_commit() -> None:
    _pending.dirty = False
    _set_new_generation()


def bump_generation(using: str | None = None) -> None:
    """Make every cached public page stale: now, and again when the current transaction commits.

    Inside a transaction the bump is paid once, not per row (an ingest writes hundreds): at commit
    (what other connections need: they cannot see the rows before), and, for this thread's own
    reads before that, by ``generation()`` itself at its next call.  A rolled-back savepoint takes
    its commit callback with it, so the next write registers one again."""
    conn = transaction.get_connection(using)
    if not conn.in_atomic_block:
        _set_new_generation()
        return
    _pending.dirty = True
    if not any(item[1] is _bump_at_commit for item in conn.run_on_commit):
        transaction.on_commit(_bump_at_commit, using=using)


# --- signals -------------------------------------------------------------------------------

#: Models whose rows the cached pages show (directly or in counts).
WATCHED_MODELS = (
    "commitments.Commitment",
    "commitments.Motion",
    "commitments.Measure",
    "commitments.StatusChange",
    "commitments.DeadlineChange",
    "commitments.FulfilmentLink",
    "documents.Dossier",
    "documents.Document",
    "documents.Passage",
    "documents.Reference",
)


def _on_change(sender, using=None, **kwargs) -> None:
    bump_generation(using)


def _on_m2m_change(sender, action, using=None, **kwargs) -> None:
    if action in ("post_add", "post_remove", "post_clear"):
        bump_generation(using)


def _on_migrate(sender, using=None, **kwargs) -> None:
    bump_generation(using)


def _on_data_changed(sender, using=None, **kwargs) -> None:
    bump_generation(using)


def connect_signals() -> None:
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

    from tracker.signals import data_changed

    for label in WATCHED_MODELS:
        model = apps.get_model(label)
        post_save.connect(_on_change, sender=model, dispatch_uid=f"web.cache.save.{label}")
        post_delete.connect(_on_change, sender=model, dispatch_uid=f"web.cache.delete.{label}")
        for m2m in model._meta.many_to_many:
            m2m_changed.connect(_on_m2m_change, sender=m2m.remote_field.through, dispatch_uid=f"web.cache.m2m.{label}.{m2m.name}")
    post_migrate.connect(_on_migrate, dispatch_uid="web.cache.migrate")
    data_changed.connect(_on_data_changed, dispatch_uid="web.cache.data_changed")


# --- the page cache ------------------------------------------------------------------------


def _bypass(request: HttpRequest) -> bool:
    """Only anonymous GETs without a session or pending messages are served from the cache."""
    return (
        request.method != "GET"
        or settings.SESSION_COOKIE_NAME in request.COOKIES
        or getattr(settings, "MESSAGES_COOKIE_NAME", "messages") in request.COOKIES
    )


def page_key(request: HttpRequest, gen: str | None = None) -> str:
    url = hashlib.sha1(request.build_absolute_uri().encode()).hexdigest()
    gen = generation() if gen is None else gen
    return f"web:page:{gen}:{timezone.localdate().isoformat()}:{translation.get_language()}:{url}"


def _cacheable(response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
    )


def cache_public_page(view):
    """Serve anonymous GETs of ``view`` from the shared cache (see the module docstring)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if _bypass(request):
            response = view(request, *args, **kwargs)
            response[HEADER] = "bypass"
            return response
        try:
            gen = generation()
            key = page_key(request, gen)
            entry = cache.get(key)
        except Exception:
            logger.exception("page cache unavailable; rendering uncached")
            return view(request, *args, **kwargs)
        if entry is not None:
            return _from_entry(request, entry)
        token = _request_generation.set(gen)
        try:
            response = view(request, *args, **kwargs)
        finally:
            _request_generation.reset(token)
        if _cacheable(response):
            stored = _CSRF_RE.sub(rb"\1@csrf@\2", response.content)
            try:
                cache.set(key, (response["Content-Type"], stored), page_ttl())
            except Exception:
                logger.exception("page cache: could not store %s", request.path)
        response[HEADER] = "miss"
        return response

    return wrapped


def _from_entry(request: HttpRequest, entry: tuple[str, bytes]) -> HttpResponse:
    content_type, content = entry
    if _CSRF_PLACEHOLDER in content:
        token = get_token(request).encode()
        content = content.replace(_CSRF_PLACEHOLDER, _CSRF_PLACEHOLDER.replace(b"@csrf@", token))
    response = HttpResponse(content, content_type=content_type)
    response[HEADER] = "hit"
    return response
