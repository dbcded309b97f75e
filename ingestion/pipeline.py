"""Ingestion: a file in, a Document with its passages, references, motions and
proposed commitments out — in one transaction, or not at all.

This app sits above ``documents`` (reader, limits, models) and ``commitments`` (extractor,
motions, the overdue job) and uses both; neither of them imports it.

Repeatable: the SHA-256 of the raw bytes is unique, so the same content again
(even concurrently) changes nothing and reports "unchanged".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, transaction

from commitments.calendar import DatabaseCalendar
from commitments.extraction.extractor import ExtractedCommitment, extract
from commitments.extraction.frog import FrogUnavailable
from commitments.extraction.model import threshold_for
from commitments.models import Commitment, Measure, Motion, Origin, Status
from commitments.motions import motion_for
from commitments.services import DATE_YEARS, date_in_range, deadline_fields
from documents.dossiers import dossier_for
from documents.limits import LimitExceeded, check_file, check_text
from documents.ministries import canonical_ministry
from documents.models import Document, DocumentType, Passage, Reference
from documents.reader import ReaderError, read_document
from documents.reader.citations import split_key
from documents.reader.types import ParsedDocument

logger = logging.getLogger(__name__)

#: ``progress(stage, done, total)``: stage is "read", "extract" or "store".
Progress = Callable[[str, int, int], None]


class IngestError(Exception):
    """Input that cannot be stored: the message names the reason, in one line."""


@dataclass
class IngestResult:
    path: str
    status: str  # "created" | "unchanged" | "replaced" | "error"
    message: str = ""
    document: Document | None = None
    commitments: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status != "error"


def ingest_file(
    path: str | Path,
    *,
    doc_type: str | None = None,
    date: dt.date | None = None,
    ministry: str | None = None,
    kamerstuk: str | None = None,
    subject: str | None = None,
    replace: bool = False,
    source_name: str | None = None,
    flag: bool = True,
    progress: Progress | None = None,
) -> IngestResult:
    """Read, analyse and store one file. Never raises for bad input: returns status "error".

    Reading and extraction (the slow part) run before the transaction that stores the result, so
    ``progress(stage, done, total)`` — stage "read" per PDF page, "extract" per candidate sentence
    scored, "store" once — can renew an upload's lease in autocommit while the work goes on. What
    ``progress`` raises aborts the ingest with nothing stored.
    """
    job = Job(Path(path), doc_type=doc_type, date=date, ministry=ministry, kamerstuk=kamerstuk, subject=subject,
              source_name=source_name)
    report: Progress = progress or (lambda stage, done, total: None)
    first = check(job)
    if isinstance(first, IngestResult):
        return first
    analysed = analyse(job, first, calendar=DatabaseCalendar(), progress=report,
                       stored_kamerstuk=None if replace else _refuse_stored_kamerstuk)
    if isinstance(analysed, IngestResult):
        return analysed
    report("store", 0, 1)
    return store(analysed, replace=replace, flag=flag)


@dataclass
class Job:
    """One file to ingest and what the caller knows of it (each given field overrides what the reader detects)."""

    path: Path
    doc_type: str | None = None
    date: dt.date | None = None
    ministry: str | None = None
    kamerstuk: str | None = None
    subject: str | None = None
    source_name: str | None = None


@dataclass
class Analysed:
    """A file read and its commitments extracted: everything ingest does before it writes. Plain data (it
    crosses from a worker process to the one that stores it, ``ingestion.parallel``)."""

    path: Path
    sha: str
    parsed: ParsedDocument
    extracted: list[ExtractedCommitment]


def _error(path: Path, exc: BaseException) -> IngestResult:
    if isinstance(exc, FrogUnavailable):  # no extractor without Frog, and no weaker fallback: nothing is stored
        return IngestResult(str(path), "error", f"cannot extract without Frog: {exc}")
    return IngestResult(str(path), "error", str(exc).splitlines()[0] if str(exc) else type(exc).__name__)


_BAD_INPUT = (ReaderError, IngestError, LimitExceeded, OSError, UnicodeError, FrogUnavailable)


def check(job: Job) -> str | IngestResult:
    """The file's SHA-256 when it is to be read; else why not: bad options, a file over the limits (refused before
    anything is parsed), or the same content already stored ("unchanged")."""
    try:
        if job.doc_type and job.doc_type not in DocumentType.values:
            raise IngestError(f"unknown document type {job.doc_type!r} (use kamerbrief or vso)")
        _check_date(job.date)
        check_file(job.path)
        sha = hashlib.sha256(job.path.read_bytes()).hexdigest()
    except _BAD_INPUT as exc:
        return _error(job.path, exc)
    existing = Document.objects.filter(sha256=sha).first()
    if existing:
        return IngestResult(str(job.path), "unchanged", "same content already stored", existing)
    return sha


def analyse(job: Job, sha: str, *, calendar, progress: Progress | None = None,
            stored_kamerstuk: Callable[[str], None] | None = None) -> Analysed | IngestResult:
    """Read the file and extract its commitments; writes nothing. ``stored_kamerstuk(key)`` may refuse a Kamerstuk
    number already stored before the extraction is spent on it (``store`` checks again); without it, and with
    the ``calendar`` given, nothing here reads the database either (``ingestion.parallel`` runs it in workers)."""
    report: Progress = progress or (lambda stage, done, total: None)
    try:
        report("read", 0, 1)
        parsed = read_document(job.path, doc_type=job.doc_type, date=job.date, check_text=check_text,
                               on_page=lambda done, total: report("read", done, total))
        _check_date(parsed.date)  # a date read from the letter itself
        parsed.sha256 = sha
        parsed.source_name = job.source_name or job.path.name
        if job.kamerstuk:
            parsed.kamerstuk = job.kamerstuk
        if job.subject:
            parsed.subject = job.subject
        if job.ministry:
            parsed.ministry = job.ministry
        if parsed.kamerstuk and stored_kamerstuk:
            stored_kamerstuk(parsed.kamerstuk)
        report("extract", 0, 1)
        extracted = extract(parsed, calendar=calendar, threshold=threshold_for(settings.EXTRACTION_MIN_CONFIDENCE),
                            progress=lambda done, total: report("extract", done, total))
    except _BAD_INPUT as exc:
        return _error(job.path, exc)
    return Analysed(job.path, sha, parsed, extracted)


def store(analysed: Analysed, *, replace: bool = False, flag: bool = True) -> IngestResult:
    """Store what ``analyse`` found in one transaction; then flag what became overdue (``flag``) and suggest what
    the letter fulfils."""
    try:
        result = _store(analysed.parsed, analysed.extracted, replace=replace, path=str(analysed.path))
    except IngestError as exc:
        return _error(analysed.path, exc)
    except IntegrityError:
        # A concurrent ingest of the same content won the race: nothing to do.
        existing = Document.objects.filter(sha256=analysed.sha).first()
        if existing:
            return IngestResult(str(analysed.path), "unchanged", "same content already stored", existing)
        raise
    if flag and result.commitments:
        _flag_overdue_now()
    if result.document is not None and result.status in ("created", "replaced"):
        from commitments.fulfilment import suggest_for_document  # issue 13: what this letter may answer

        suggest_for_document(result.document)
    return result


def _check_date(date: dt.date | None) -> None:
    """A letter dated outside 1990–2100 is a typing error (and would overflow deadline arithmetic)."""
    if not date_in_range(date):
        raise IngestError(f"date {date.isoformat()} is not between {DATE_YEARS[0]} and {DATE_YEARS[1]}")


def _flag_overdue_now() -> None:
    """Flag what the new commitments make overdue, right after the ingest committed.

    Runs the set-based job synchronously: ingest works without a broker, and the
    job only touches rows whose state changes.
    """
    try:
        from commitments.overdue import flag_overdue
    except ImportError:  # the overdue job is not installed yet
        return
    flag_overdue()


def _refuse_stored_kamerstuk(kamerstuk: str) -> None:
    old = Document.objects.filter(kamerstuk=kamerstuk).first()
    if old is not None:
        raise IngestError(
            f"Kamerstuk {kamerstuk} is already stored with a different text "
            f"(document {old.pk}, {old.source_name}); use --replace to replace it"
        )


def _store(parsed: ParsedDocument, extracted: list[ExtractedCommitment], *, replace: bool, path: str) -> IngestResult:
    if parsed.type not in DocumentType.values:
        raise IngestError(f"unknown document type {parsed.type!r}")
    with transaction.atomic():
        old = None
        if parsed.kamerstuk:
            old = Document.objects.select_for_update().filter(kamerstuk=parsed.kamerstuk).first()
            if old and not replace:
                _refuse_stored_kamerstuk(parsed.kamerstuk)
        document = old or Document()
        _fill_document(document, parsed)
        document.save()
        if old:
            old_commitments = list(old.commitments.all())
            old.passages.all().delete()  # cascades to references; commitments keep their rows
        passages = _store_passages(document, parsed)
        _store_references_and_motions(document, parsed, passages)
        created = _store_commitments(document, parsed, passages, old_commitments if old else [], extracted)
    status = "replaced" if old else "created"
    return IngestResult(path, status, f"{len(passages)} passages, {created} commitments", document, created)


def _fill_document(document: Document, parsed: ParsedDocument) -> None:
    document.type = parsed.type
    document.date = parsed.date
    document.kamerstuk = parsed.kamerstuk or None
    document.subject = parsed.subject or ""
    document.ministry = canonical_ministry(parsed.ministry or parsed.bewindspersoon)
    document.bewindspersoon = (parsed.bewindspersoon or "")[:300]
    document.committee = (parsed.committee or "")[:300]
    document.source_name = parsed.source_name[:300]
    document.sha256 = parsed.sha256
    document.text = parsed.text
    if parsed.kamerstuk and (parts := split_key(parsed.kamerstuk)):
        number, toevoeging, document.ondernummer = parts
        document.dossier = dossier_for(number, toevoeging)


def _store_passages(document: Document, parsed: ParsedDocument) -> dict[int, Passage]:
    rows = [
        Passage(
            document=document,
            index=p.index,
            kind=p.kind,
            text=p.text,
            fractie=(p.fractie or "")[:120],
            footnotes=[{"number": f.number, "text": f.text} for f in p.footnotes],
        )
        for p in parsed.passages
    ]
    Passage.objects.bulk_create(rows)
    by_index = {p.index: p for p in Passage.objects.filter(document=document)}
    answers = []
    for p in parsed.passages:
        if p.question_index is not None and p.question_index in by_index:
            row = by_index[p.index]
            row.question = by_index[p.question_index]
            answers.append(row)
    Passage.objects.bulk_update(answers, ["question"])
    return by_index


def _store_references_and_motions(document: Document, parsed: ParsedDocument, passages: dict[int, Passage]) -> None:
    refs = []
    for p in parsed.passages:
        seen = set()
        for c in p.citations:
            ident = (c.kind, c.key, c.text)
            if ident in seen:
                continue
            seen.add(ident)
            refs.append(
                Reference(
                    document=document,
                    passage=passages[p.index],
                    kind=c.kind if c.kind in ("kamerstuk", "other") else "other",
                    key=c.key,
                    text=c.text[:2000],
                    footnote=(c.footnote or "")[:12],
                )
            )
    Reference.objects.bulk_create(refs)
    for mention in parsed.motions:
        if mention.key:
            motion_for(mention.key, mention.name, mention.submitters)


def _normalise(quote: str) -> str:
    return re.sub(r"\W+", " ", quote).strip().lower()


def _store_commitments(
    document: Document, parsed: ParsedDocument, passages: dict[int, Passage], previous: list[Commitment],
    extracted: list[ExtractedCommitment],
) -> int:
    """Store extracted commitments as ``voorgesteld``; on replace, keep matching clerk decisions."""
    previous_by_quote = {_normalise(c.quote): c for c in previous}
    cited_names = {m.key: m.name for m in parsed.motions if m.key}
    motions: dict[str, Motion] = {}  # one row lookup per motion, not per commitment
    measures: dict[str, Measure] = {}
    kept_ids = set()
    count = 0
    new: list[Commitment] = []
    links: list[tuple[Commitment, set[Motion]]] = []
    for item in extracted:
        dl = item.deadline
        if item.measure and item.measure not in measures:
            measures[item.measure], _ = Measure.objects.get_or_create(name=item.measure[:300])
        fields = dict(
            document=document,
            passage=passages.get(item.passage_index),
            quote=item.quote,
            actor=(item.actor or "")[:300],
            deliverable=item.deliverable or "",
            kind=item.kind or "other",
            ministry=document.ministry,
            fractie=(item.fractie or "")[:120],
            confidence=item.confidence,
            features=item.features,
            **({"measure": measures[item.measure]} if item.measure else {}),
        )
        deadline = deadline_fields(dl)
        commitment = previous_by_quote.get(_normalise(item.quote))
        if commitment is not None and commitment.pk not in kept_ids:
            # Replacing a document: the clerk's decisions (status, overridden date, motions) stay.
            for k, v in fields.items():
                setattr(commitment, k, v)
            if not commitment.due_overridden:
                for k, v in deadline.items():
                    setattr(commitment, k, v)
            commitment.save()
            kept_ids.add(commitment.pk)
        else:
            # inserted together below; what Commitment.save copies from the letter is set here
            commitment = Commitment(status=Status.PROPOSED, letter_date=document.date, committee=document.committee,
                                    origin=Origin.VSO if document.type == DocumentType.VSO else Origin.LETTER,
                                    **fields, **deadline)
            new.append(commitment)
            count += 1
        for key in item.motions:
            if key not in motions:
                motions[key] = motion_for(key, cited_names.get(key, ""))
        if item.motions:
            links.append((commitment, {motions[key] for key in item.motions}))
    _insert_commitments(new, links)
    # Unreviewed proposals that no longer appear in the replaced text go; reviewed ones stay.
    for c in previous:
        if c.pk not in kept_ids and c.status == Status.PROPOSED:
            c.delete()
    return count


def _insert_commitments(new: list[Commitment], links: list[tuple[Commitment, set[Motion]]]) -> None:
    """The new commitments in one INSERT and their motions in another (speed: a long VSO has a hundred;
    the page cache is bumped by the document's own save in this transaction)."""
    Commitment.objects.bulk_create(new)
    fresh = {id(c) for c in new}
    through = Commitment.motions.through
    rows = []
    for commitment, motions in links:
        if id(commitment) in fresh:
            rows += [through(commitment_id=commitment.pk, motion_id=m.pk) for m in motions]
        else:   # a commitment kept from the replaced text
            commitment.motions.add(*motions)
    through.objects.bulk_create(rows)
