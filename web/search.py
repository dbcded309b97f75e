"""Full-text search and citation parsing for the public pages.

PostgreSQL: the ``dutch`` text search configuration, matched against expression
GIN indexes created in ``web/migrations/0001_search_indexes.py``. The SQL
expressions below must stay *identical* to the indexed ones, or the planner
falls back to a sequential scan. SQLite (the embedded run): ``icontains``.
"""

from __future__ import annotations

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Func, Q, QuerySet

from documents.reader.citations import kamerstuk_keys, normalise_key

#: The text search configuration used everywhere (and in the index definitions).
TS_CONFIG = "dutch"

#: Index expressions (see the migration). Kept here so the two can be compared.
COMMITMENT_VECTOR_SQL = "to_tsvector('dutch'::regconfig, quote)"
DOCUMENT_VECTOR_SQL = "to_tsvector('dutch'::regconfig, (subject || ' '::text) || text)"

# "31497-507", "36410-VIII-125", "31497 507", "kst-31497-507" is handled by the reader.
_BARE_KEY_RE = re.compile(r"^\s*(\d{2}\s?\d{3})\s*(?:-\s*([A-Za-z]{1,6}))?\s*[-\s]\s*(\d{1,4})\s*$")
_MOTION_NAME_RE = re.compile(r"^\s*moties?\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?(?P<name>.+?)\s*$", re.IGNORECASE)


class DutchDocumentVector(Func):
    """``to_tsvector('dutch', subject || ' ' || text)`` exactly as indexed."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        table = compiler.query.get_initial_alias()
        qn = compiler.quote_name_unless_alias
        sql = f"to_tsvector('dutch'::regconfig, ({qn(table)}.\"subject\" || ' '::text) || {qn(table)}.\"text\")"
        return sql, []


class DutchCommitmentVector(Func):
    """``to_tsvector('dutch', quote)`` exactly as indexed."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        table = compiler.query.get_initial_alias()
        qn = compiler.quote_name_unless_alias
        return f"to_tsvector('dutch'::regconfig, {qn(table)}.\"quote\")", []


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


def citation_key(q: str) -> str | None:
    """The Kamerstuk key a search string denotes, if it is a citation.

    Accepts every form the reader resolves ("Kamerstuk 31 497, nr. 507",
    "Kamerstuk II, 2025-2026, 31497, nr. 507", "kst-31497-507") and the bare key
    itself ("31497-507", "36410-VIII-125").
    """
    m = _BARE_KEY_RE.match(q)
    if m:
        return normalise_key(m.group(1), m.group(2), m.group(3))
    keys = kamerstuk_keys(q)
    return keys[0] if keys else None


def motion_name(q: str) -> str | None:
    """"motie Westerveld" -> "Westerveld"; None if the query is not about a named motion."""
    m = _MOTION_NAME_RE.match(q)
    return m.group("name") if m else None


def text_search_commitments(qs: QuerySet, q: str) -> QuerySet:
    """Filter commitments whose quote matches ``q`` (Dutch stemming on PostgreSQL)."""
    q = q.strip()
    if not q:
        return qs
    if is_postgresql():
        return qs.annotate(_vector=DutchCommitmentVector()).filter(
            _vector=SearchQuery(q, config=TS_CONFIG, search_type="websearch")
        )
    words = q.split()
    cond = Q()
    for word in words:
        cond &= Q(quote__icontains=word)
    return qs.filter(cond)


def text_search_documents(qs: QuerySet, q: str) -> QuerySet:
    """Filter documents whose subject or text matches ``q``."""
    q = q.strip()
    if not q:
        return qs
    if is_postgresql():
        return qs.annotate(_vector=DutchDocumentVector()).filter(
            _vector=SearchQuery(q, config=TS_CONFIG, search_type="websearch")
        )
    cond = Q()
    for word in q.split():
        cond &= Q(subject__icontains=word) | Q(text__icontains=word)
    return qs.filter(cond)


__all__ = [
    "citation_key",
    "motion_name",
    "text_search_commitments",
    "text_search_documents",
]
