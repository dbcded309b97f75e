"""Read functions for the public pages (HackSoft style: views call these, nothing else).

Every list loads its related rows with ``select_related``/``prefetch_related`` (no N+1)
and never loads a document's full text unless the page shows it. "Te laat" is
always a set-based condition (open status and ``due_date < today``), matched by the
partial indexes of ``web/migrations/0001_search_indexes.py``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property

from commitments.models import (
    OPEN_STATUSES,
    PUBLIC_OPEN_STATUSES,
    Commitment,
    DeadlineChange,
    FulfilmentLink,
    Measure,
    Motion,
    Status,
    StatusChange,
)
from documents.models import Document, Dossier, Passage, Reference

from . import search as text_search

#: "Binnenkort": due within this many days from today.
SOON_DAYS = 30
#: Lists count at most this many rows; beyond it the page says "meer dan …".
COUNT_CAP = 10_000
#: Commitments shown per page of the list.
PAGE_SIZE = 50
#: Rows in the dashboard's overdue list.
DASHBOARD_OVERDUE_ROWS = 25
#: Cache lifetime of filter option lists (distinct ministries, committees, …).
OPTIONS_TTL = 300


def today() -> dt.date:
    return timezone.localdate()


def overdue_q(on: dt.date | None = None) -> Q:
    """Accepted, not delivered and past its due date ("te laat").

    Not the stored ``overdue_since``: that lags until the nightly job. An unreviewed
    proposal is never "te laat" on a public page: the griffie has not said it is a promise.
    """
    return Q(status__in=PUBLIC_OPEN_STATUSES, due_date__lt=on or today())


def soon_q(on: dt.date | None = None) -> Q:
    on = on or today()
    return Q(status__in=PUBLIC_OPEN_STATUSES, due_date__gte=on, due_date__lte=on + dt.timedelta(days=SOON_DAYS))


# --- lists of commitments ------------------------------------------------------------------


def commitment_rows(qs: QuerySet[Commitment] | None = None, motions: bool = True) -> QuerySet[Commitment]:
    """Commitments with what a list row shows: letter, dossier, measure and (``motions``) motions.

    Pages pass ``motions=False`` and let :func:`decorate` attach the motions in one
    flat query: a prefetch builds a related manager per row, which cost more than the
    rows themselves on a page of 50.
    """
    qs = Commitment.objects.all() if qs is None else qs
    qs = qs.select_related("document", "document__dossier", "measure").defer("document__text")
    if motions:
        qs = qs.prefetch_related(Prefetch("motions", queryset=Motion.objects.only("id", "key", "name")))
    return qs


#: The columns a table row shows (web/templatetags/table_tags.py build_rows), and no others.
ROW_FIELDS = (
    "id", "quote", "deadline_phrase", "due_date", "estimated", "status", "ministry",
    "document__id", "document__kamerstuk", "document__type", "document__date",
)


def page_rows(qs: QuerySet[Commitment] | None = None) -> QuerySet[Commitment]:
    """Commitments with only what a table row shows; motions come from :func:`decorate`."""
    qs = Commitment.objects.all() if qs is None else qs
    return qs.select_related("document").only(*ROW_FIELDS)


def decorate(commitments: Iterable[Commitment], on: dt.date | None = None, motions: bool = False) -> list[Commitment]:
    """Set ``days_late`` (int or None) on the rows already loaded; with ``motions``, ``motion_refs``.

    ``motion_refs`` is a list of ``(key, name)`` per row, ordered by key, read for all
    rows in one query (see :func:`commitment_rows`).
    """
    on = on or today()
    rows = list(commitments)
    for c in rows:
        late = c.status in PUBLIC_OPEN_STATUSES and c.due_date and c.due_date < on
        c.days_late = (on - c.due_date).days if late else None
    if motions and rows:
        refs: dict[int, list[tuple[str, str]]] = {c.pk: [] for c in rows}
        links = (
            Commitment.motions.through.objects.filter(commitment_id__in=list(refs))
            .order_by("motion__key")
            .values_list("commitment_id", "motion__key", "motion__name")
        )
        for commitment_id, key, name in links:
            refs[commitment_id].append((key, name))
        for c in rows:
            c.motion_refs = refs[c.pk]
    return rows


class CappedPaginator(Paginator):
    """A paginator that never counts more than ``COUNT_CAP`` rows.

    ``COUNT(*)`` over a million filtered rows costs more than the page itself; beyond
    the cap the page shows "meer dan 10.000" and stops offering later pages.
    """

    def __init__(self, object_list, per_page, cap: int = COUNT_CAP, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        # No ORDER BY in the count: sorting is the expensive part and changes nothing here.
        return self.object_list.order_by()[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.cap


# --- dashboard -----------------------------------------------------------------------------


@dataclass
class Dashboard:
    today: dt.date
    overdue: int
    soon: int
    open: int
    to_review: int
    #: a web.rows.CachedRows: the ids; the rows come from the row cache.
    overdue_list: Iterable[Commitment]
    per_ministry: list[dict] = field(default_factory=list)

    @property
    def soon_until(self) -> dt.date:
        return self.today + dt.timedelta(days=SOON_DAYS)

    @property
    def max_per_ministry(self) -> int:
        return max((row["n"] for row in self.per_ministry), default=0)


def dashboard(filtered: QuerySet[Commitment], on: dt.date | None = None, cache_token: str | None = None) -> Dashboard:
    """Counts, the overdue list and overdue per ministry for an already filtered queryset.

    One aggregate over the open rows (an index-only scan), one grouped count of the
    overdue rows (index-only on ``web_commitment_open_ministry``), one short ordered list.

    ``cache_token`` (the filter state that produced ``filtered``) keeps the counts in the
    shared cache under the data generation and the date: the unfiltered counts pass over
    ~300k open rows (~60 ms) and are the same for every URL variant of the dashboard
    page, which the page cache keys separately. A write starts a new generation.
    """
    on = on or today()
    if cache_token is None:
        counts, per_ministry = _dashboard_aggregates(filtered, on)
    else:
        counts, per_ministry = _cached_dashboard_aggregates(filtered, on, cache_token)
    overdue = filtered.public().filter(overdue_q(on))
    from .rows import CachedRows

    overdue_ids = overdue.order_by("due_date", "pk").values_list("pk", flat=True)[:DASHBOARD_OVERDUE_ROWS]
    overdue_list = CachedRows(overdue_ids, on)
    return Dashboard(
        today=on,
        overdue=counts["overdue"],
        soon=counts["soon"],
        open=counts["open"],
        to_review=counts["to_review"],
        overdue_list=overdue_list,
        per_ministry=per_ministry,
    )


def _cached_dashboard_aggregates(filtered: QuerySet[Commitment], on: dt.date, token: str) -> tuple[dict, list[dict]]:
    import hashlib

    from .cache import generation, page_ttl

    try:
        key = f"web:dashboard:{generation()}:{on.isoformat()}:{hashlib.sha1(token.encode()).hexdigest()}"
        value = cache.get(key)
    except Exception:  # a cache outage must not break the page
        return _dashboard_aggregates(filtered, on)
    if value is None:
        value = _dashboard_aggregates(filtered, on)
        try:
            cache.set(key, value, page_ttl())
        except Exception:
            pass
    return value


def _dashboard_aggregates(filtered: QuerySet[Commitment], on: dt.date) -> tuple[dict, list[dict]]:
    """The four counts and overdue per ministry, in one index-only pass over the open rows.

    "te laat", "binnenkort" and "openstaand" count only what the griffie accepted (the
    publication rule, ``PUBLIC_OPEN_STATUSES``); "te beoordelen" counts the proposals
    apart, never in the headline numbers. Grouped by ministry (a few dozen groups at most); the totals are the sums of the
    groups. Counts ``status`` (never NULL), not ``id``: the id is not in the index,
    counting it would visit the heap for every row.
    """
    groups = list(
        filtered.filter(status__in=OPEN_STATUSES)
        .order_by()
        .values("ministry")
        .annotate(
            overdue=Count("status", filter=overdue_q(on)),
            soon=Count("status", filter=soon_q(on)),
            open=Count("status", filter=Q(status__in=PUBLIC_OPEN_STATUSES)),
            to_review=Count("status", filter=Q(status=Status.PROPOSED)),
        )
    )
    counts = {k: sum(g[k] for g in groups) for k in ("overdue", "soon", "open", "to_review")}
    per_ministry = sorted(
        ({"ministry": g["ministry"], "n": g["overdue"]} for g in groups if g["overdue"]),
        key=lambda row: (-row["n"], row["ministry"] or ""),
    )[:25]
    return counts, per_ministry


# --- filter options ------------------------------------------------------------------------


def _distinct_loose(table: str, column: str) -> list[str]:
    """Distinct non-empty values of an indexed column.

    On PostgreSQL a recursive "loose index scan" (one index probe per distinct value)
    instead of ``SELECT DISTINCT`` over a million rows.
    """
    if connection.vendor == "postgresql":
        sql = f"""
            WITH RECURSIVE t(v) AS (
                (SELECT {column} FROM {table} WHERE {column} > '' ORDER BY {column} LIMIT 1)
                UNION ALL
                SELECT (SELECT {column} FROM {table} WHERE {column} > t.v ORDER BY {column} LIMIT 1)
                FROM t WHERE t.v IS NOT NULL
            )
            SELECT v FROM t WHERE v IS NOT NULL LIMIT 500
        """
    else:
        sql = f"SELECT DISTINCT {column} FROM {table} WHERE {column} > '' ORDER BY {column} LIMIT 500"
    with connection.cursor() as cur:
        cur.execute(sql)
        return [row[0] for row in cur.fetchall()]


_OPTION_SOURCES = {
    "ministry": ("commitments_commitment", "ministry"),
    "actor": ("commitments_commitment", "actor"),
    "fractie": ("commitments_commitment", "fractie"),
    "committee": ("commitments_commitment", "committee"),
}


def filter_options(name: str) -> list[str]:
    """Values offered in a filter's drop-down, cached until the data changes (or a few minutes)."""
    return filter_options_many([name])[name]


def filter_options_many(names: Iterable[str]) -> dict[str, list]:
    """:func:`filter_options` for several drop-downs in one cache round trip.

    ``"measure"`` gives ``(id, name)`` pairs: the measures by name.
    """
    from .cache import generation

    names = list(names)
    try:
        gen = generation()
        keys = {name: f"web:options:{gen}:{name}" for name in names}
        found = cache.get_many(list(keys.values()))
    except Exception:  # a cache outage must not break the page: read the options directly
        keys, found = {name: None for name in names}, {}
    out = {}
    for name, key in keys.items():
        values = found.get(key) if key else None
        if values is None:
            values = _option_values(name)
            if key:
                try:
                    cache.set(key, values, OPTIONS_TTL)
                except Exception:
                    pass
        out[name] = values
    return out


def _option_values(name: str) -> list:
    if name == "measure":
        return [(str(pk), label) for pk, label in Measure.objects.order_by("name").values_list("pk", "name")[:2000]]
    table, column = _OPTION_SOURCES[name]
    return _distinct_loose(table, column)


# --- single pages --------------------------------------------------------------------------


def commitment_detail(pk: int) -> Commitment:
    qs = Commitment.objects.select_related(
        "document", "document__dossier", "passage", "passage__question", "measure"
    ).prefetch_related(
        Prefetch("motions", queryset=Motion.objects.order_by("key")),
        Prefetch(
            "status_changes",
            queryset=StatusChange.objects.select_related("user", "evidence").defer("evidence__text"),
        ),
        Prefetch(
            "deadline_changes",
            queryset=DeadlineChange.objects.select_related("user", "evidence").defer("evidence__text"),
        ),
        Prefetch(
            "links",
            queryset=FulfilmentLink.objects.select_related("document", "confirmed_by")
            .defer("document__text")
            .order_by("document__date", "pk"),
        ),
    )
    try:
        commitment = qs.get(pk=pk)
    except Commitment.DoesNotExist as exc:
        raise Http404 from exc
    decorate([commitment])
    return commitment


def postponements(commitment: Commitment) -> int:
    """How often the due date was postponed ("2× uitgesteld"), from the prefetched history."""
    changes = commitment.deadline_changes.all()
    # A postponement undone by the griffie (a row that ``reverts`` it) no longer counts.
    return sum(1 for d in changes if d.is_postponement) - sum(1 for d in changes if d.reverts_id)


@dataclass
class Segment:
    text: str
    commitment: Commitment | None = None


def highlight(text: str, commitments: Iterable[Commitment]) -> list[Segment]:
    """Split a passage's text into plain and commitment segments (the quotes, marked).

    Pure string work: the template escapes every segment, so a quote holding markup
    renders as text. A quote not found verbatim is left unmarked.
    """
    spans: list[tuple[int, int, Commitment]] = []
    for c in commitments:
        quote = (c.quote or "").strip()
        if not quote:
            continue
        start = text.find(quote)
        if start < 0:
            continue
        end = start + len(quote)
        if all(end <= s or start >= e for s, e, _ in spans):
            spans.append((start, end, c))
    spans.sort(key=lambda s: s[0])
    out: list[Segment] = []
    pos = 0
    for start, end, c in spans:
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], c))
        pos = end
    if pos < len(text) or not out:
        out.append(Segment(text[pos:]))
    return out


@dataclass
class DocumentPage:
    document: Document
    #: the passages of this page (``Passage.PER_PAGE`` of them), each with its commitments marked
    passages: list[Passage]
    #: the commitments shown on this page (in its passages, and those without a passage)
    commitments: list[Commitment]
    unplaced: list[Commitment]
    motions: list[Motion]
    references: list[Reference]
    #: a django Page over the passages (``page.paginator.num_pages``)
    page: object = None
    #: every commitment of the document shown to this visitor, on any page
    commitment_count: int = 0


def document_detail(pk: int, include_proposed: bool = False, page_number=None) -> DocumentPage:
    """One page of the document (``Passage.PER_PAGE`` passages) with its accepted commitments marked
    (``include_proposed``: and the proposals). Only that page's passages and commitments are loaded."""
    try:
        document = Document.objects.select_related("dossier").defer("text").get(pk=pk)
    except Document.DoesNotExist as exc:
        raise Http404 from exc
    paginator = Paginator(document.passages.select_related("question").order_by("index"), Passage.PER_PAGE)
    page = paginator.get_page(page_number)
    passages = list(page.object_list)
    public = Commitment.objects.public(include_proposed).filter(document=document)
    commitments = decorate(
        public.filter(Q(passage__in=[p.pk for p in passages]) | Q(passage__isnull=True))
        .prefetch_related(Prefetch("motions", queryset=Motion.objects.only("id", "key", "name")))
        .order_by("passage__index", "pk")
    )
    by_passage: dict[int, list[Commitment]] = {}
    unplaced = []
    for c in commitments:
        if c.passage_id:
            by_passage.setdefault(c.passage_id, []).append(c)
        else:
            unplaced.append(c)
    here = {p.index for p in passages}
    for p in passages:
        p.commitments_here = by_passage.get(p.pk, [])
        p.segments = highlight(p.text, p.commitments_here)
        found = {id(s.commitment) for s in p.segments if s.commitment}
        # Quotes that are not verbatim in the passage are still listed under it.
        p.unmarked = [c for c in p.commitments_here if id(c) not in found]
        if p.question is not None:  # the question answered may stand on another page
            p.question_url = f"#{p.question.anchor}" if p.question.index in here else p.question.get_absolute_url()
    references = list(document.references.exclude(key=None).exclude(key="").order_by("key").distinct())
    keys = {r.key for r in references}
    motions = list(Motion.objects.filter(key__in=keys).order_by("key")) if keys else []
    return DocumentPage(document, passages, commitments, unplaced, motions, references, page, public.count())


#: Commitments shown on a motion page; the rest are one click away in the filtered list.
MOTION_ROWS = 50


@dataclass
class MotionPage:
    motion: Motion
    documents: list[Document]
    #: a web.rows.CachedRows
    commitments: Iterable[Commitment]
    more: bool = False
    #: Unreviewed proposals about this motion: not shown, one link away.
    proposals: int = 0
    #: What the motion asks of the government, where a document states it.
    request: MotionRequest | None = None


def motion_detail(key: str) -> MotionPage:
    try:
        motion = Motion.objects.select_related("dossier").get(key=key)
    except Motion.DoesNotExist as exc:
        raise Http404 from exc
    citing = (
        Document.objects.filter(pk__in=Reference.objects.filter(key=key).values("document_id"))
        .defer("text")
        .order_by("-date", "-pk")[:100]
    )
    from .rows import CachedRows

    ids = list(
        Commitment.objects.public()
        .filter(motions=motion)
        .order_by("due_date", "pk")
        .values_list("pk", flat=True)[: MOTION_ROWS + 1]
    )
    proposals = Commitment.objects.filter(motions=motion, status=Status.PROPOSED).count()
    return MotionPage(
        motion,
        list(citing),
        CachedRows(ids[:MOTION_ROWS]),
        more=len(ids) > MOTION_ROWS,
        proposals=proposals,
        request=motion_request(motion),
    )


#: Words with which a motion asks something of the government ("verzoekt de regering …").
_REQUEST_WORDS = ("verzoekt de regering", "verzoekt het kabinet", "roept de regering op", "verzoekt de minister")
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“])")


@dataclass
class MotionRequest:
    """What a motion asks of the government, as a document states it, and where."""

    text: str
    passage: Passage

    @property
    def document(self) -> Document:
        return self.passage.document


def motion_request(motion: Motion) -> MotionRequest | None:
    """The motion's request: from its own document (Kamerstuk ``motion.key``) if stored, else the first
    citing passage that says what it asks ("De motie Westerveld verzoekt de regering om …")."""
    cond = Q()
    for words in _REQUEST_WORDS:
        cond |= Q(text__icontains=words)
    own = Passage.objects.filter(document__kamerstuk=motion.key).filter(cond)
    citing = Passage.objects.filter(pk__in=Reference.objects.filter(key=motion.key).values("passage_id")).filter(cond)
    for qs in (own, citing):
        passage = qs.select_related("document").defer("document__text").order_by("document__date", "index").first()
        if passage is None:
            continue
        sentences = [s for s in _SENTENCE_RE.split(passage.text) if any(w in s.lower() for w in _REQUEST_WORDS)]
        return MotionRequest(sentences[0].strip() if sentences else passage.text, passage)
    return None


def motion_list(q: str = "") -> QuerySet[Motion]:
    """Motions by number, newest first (dossier, then ondernummer, both descending), optionally by
    name or key, with their numbers of open and late public commitments (``n_open``, ``n_late``)."""
    qs = Motion.objects.select_related("dossier")
    if q:
        key = text_search.citation_key(q)
        name = text_search.motion_name(q) or q
        cond = Q(name__icontains=name) | Q(key__startswith=q.strip()) | Q(submitters__icontains=name)
        if key:
            cond |= Q(key=key)
        qs = qs.filter(cond)
    public_open = Q(commitments__status__in=PUBLIC_OPEN_STATUSES)
    qs = qs.annotate(
        n_open=Count("commitments", filter=public_open, distinct=True),
        n_late=Count("commitments", filter=public_open & Q(commitments__due_date__lt=today()), distinct=True),
    )
    return qs.order_by(
        F("dossier__number").desc(nulls_last=True), F("ondernummer").desc(nulls_last=True), "-key"
    )


def parse_dossier_key(key: str) -> tuple[str, str]:
    number, _, toevoeging = key.partition("-")
    return number.strip(), toevoeging.strip().upper()


@dataclass
class DossierPage:
    dossier: Dossier
    documents: list[Document]
    motions: list[Motion]
    commitments: list[Commitment]


def dossier_detail(key: str) -> DossierPage:
    number, toevoeging = parse_dossier_key(key)
    try:
        dossier = Dossier.objects.get(number=number, toevoeging=toevoeging)
    except Dossier.DoesNotExist as exc:
        raise Http404 from exc
    documents = list(dossier.documents.defer("text").order_by("-date", "-pk")[:200])
    motions = list(dossier.motions.order_by("-ondernummer", "key")[:200])
    commitments = decorate(
        page_rows(Commitment.objects.public()).filter(document__dossier=dossier).order_by("due_date", "pk")[:200],
        motions=True,
    )
    return DossierPage(dossier, documents, motions, commitments)


# --- search --------------------------------------------------------------------------------


@dataclass
class SearchResults:
    q: str
    key: str | None = None
    motions: list[Motion] = field(default_factory=list)
    #: a web.rows.CachedRows (or empty)
    commitments: Iterable[Commitment] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    more_commitments: bool = False
    more_documents: bool = False
    #: The query has no letters or digits (a row of dashes): nothing was searched.
    no_terms: bool = False


SEARCH_ROWS = 20


def resolve_citation(key: str) -> str | None:
    """URL of the motion or document a Kamerstuk key denotes, or None."""
    motion = Motion.objects.filter(key=key).only("key").first()
    if motion:
        return motion.get_absolute_url()
    document = Document.objects.filter(kamerstuk=key).only("pk").first()
    if document:
        return document.get_absolute_url()
    return None


def motions_named(name: str, limit: int = 50) -> list[Motion]:
    """Motions whose cited name or any name seen contains ``name`` ("Westerveld")."""
    name = name.strip()
    if not name:
        return []
    cond = Q(name__icontains=name) | Q(submitters__icontains=name)
    if connection.vendor == "postgresql":
        cond |= Q(names_seen__icontains=name)
    return list(Motion.objects.filter(cond).order_by("-date", "key")[:limit])


citation_key = text_search.citation_key


def search(q: str, key: str | None = None) -> SearchResults:
    """Motions by name, then Dutch full-text search over commitments and documents."""
    q = q.strip()
    results = SearchResults(q=q, key=key)
    if not q:
        return results
    if text_search.unsearchable(q):
        results.no_terms = True
        return results
    name = text_search.motion_name(q)
    results.motions = motions_named(name if name else q, limit=20)
    from .rows import CachedRows

    if name:
        # "motie Westerveld": the commitments about the motions found.
        ids = list(
            Commitment.objects.public()
            .filter(motions__in=results.motions)
            .distinct()
            .order_by("-due_date", "-pk")
            .values_list("pk", flat=True)[: SEARCH_ROWS + 1]
        )
        results.more_commitments = len(ids) > SEARCH_ROWS
        results.commitments = CachedRows(ids[:SEARCH_ROWS])
        return results
    ids = list(
        text_search.text_search_commitments(Commitment.objects.public(), q)
        .order_by("-due_date", "-pk")
        .values_list("pk", flat=True)[: SEARCH_ROWS + 1]
    )
    results.more_commitments = len(ids) > SEARCH_ROWS
    results.commitments = CachedRows(ids[:SEARCH_ROWS])
    documents = list(
        text_search.text_search_documents(Document.objects.defer("text"), q).order_by("-date", "-pk")[
            : SEARCH_ROWS + 1
        ]
    )
    results.more_documents = len(documents) > SEARCH_ROWS
    results.documents = documents[:SEARCH_ROWS]
    return results


def document_suggestions(document: Document, *, clerk: bool = False) -> dict[str, list]:
    """"Deze brief beantwoordt mogelijk: …" (issue 13): the letter's stored fulfilment suggestions.

    The public sees those about public commitments (the publication rule), open or applied; a clerk
    sees every open one (with the one-click actions) and the applied ones. Dismissed ones are never shown.
    """
    from commitments.models import OPEN_STATUSES, PUBLIC_STATUSES, FulfilmentSuggestion, SuggestionState

    rows = (
        FulfilmentSuggestion.objects.filter(document=document)
        .exclude(state=SuggestionState.DISMISSED)
        # an open suggestion about a commitment closed since (by another letter) is moot
        .filter(Q(state=SuggestionState.APPLIED) | Q(commitment__status__in=OPEN_STATUSES))
        .select_related("commitment", "commitment__document")
        .order_by("rank", "id")
    )
    if not clerk:
        rows = rows.filter(commitment__status__in=PUBLIC_STATUSES)
    rows = list(rows)
    if clerk:
        return {
            "open": [s for s in rows if s.state == SuggestionState.OPEN],
            "listed": [s for s in rows if s.state == SuggestionState.APPLIED],
        }
    return {"open": [], "listed": rows}
