"""``sync_tk``: bring in the Kamer's new letters, VSO reports and its register of oral commitments.

Two phases:

1. **Read** every page of both entities (``Document`` of kind "Brief regering" / "Verslag van
   een schriftelijk overleg", and ``Toezegging``) changed since the cursor. A broken response
   stops the run here with a clear error: nothing has been written.
2. **Apply**, comparing with what is stored and writing only what differs (a re-run writes
   nothing):
   * oral commitments (one transaction): create, update (the Kamer's status and date of
     nakoming; our status follows the Kamer's unless a clerk set it), delete (``Verwijderd``);
     each hangs on a ``debat`` Document for its ``Activiteit``, linked to that debate's dossier;
   * documents: keyed on the Kamer's id (``Document.tk_id``); a new one's file is downloaded
     and ingested through the upload pipeline (its own transaction). A failed download or
     ingest stores nothing of the document and is retried on the next run
     (:class:`~tksync.models.PendingDocument`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from commitments.models import (
    CLOSED_STATUSES,
    TK_DELETED,
    Commitment,
    DeadlineChange,
    DeadlineKind,
    Origin,
    StatusChange,
    status_from_tk,
)
from documents.ministries import canonical_ministry
from documents.models import Document, DocumentType
from tracker.signals import announce_data_changed

from .models import PendingDocument, SyncCursor
from .odata import (
    DOCUMENT_EXPAND,
    DOCUMENT_SOORTEN,
    SOORT_VSO,
    TOEZEGGING_EXPAND,
    DownloadError,
    ODataClient,
    ODataError,
    transport_for,
)
from .pipeline import dossier_for, ingest_file
from .records import TkDebate, TkDocument, TkToezegging, parse_document, parse_toezegging

logger = logging.getLogger(__name__)

DOCUMENT = "Document"
TOEZEGGING = "Toezegging"
#: ``rule`` of an imported oral commitment: its due date is the Kamer's DatumNakoming.
RULE_TK = "tk_datum_nakoming"


class SyncError(Exception):
    """The run stopped before writing anything; the message says why, in one line."""


@dataclass
class SyncReport:
    source: str
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def writes(self) -> int:
        """Rows this run created, changed or deleted (0 for a re-run over the same data)."""
        return sum(v for k, v in self.counts.items() if k in WRITE_COUNTS)

    def as_dict(self) -> dict:
        return {"source": self.source, "dry_run": self.dry_run, "counts": dict(sorted(self.counts.items())),
                "writes": self.writes, "failures": self.failures, "seconds": round(self.seconds, 3)}


#: The counts that are writes (the rest are what was read or skipped).
WRITE_COUNTS = {
    "documents_ingested", "documents_linked", "documents_updated", "documents_failed",
    "commitments_created", "commitments_updated", "commitments_deleted", "commitments_marked_deleted",
    "debates_created", "debates_updated", "cursor_moved",
}


def sync_tk(
    source: str | None = None,
    *,
    since: dt.date | None = None,
    dry_run: bool = False,
    ingest_files: bool = True,
) -> SyncReport:
    """One run. ``source``: the API's URL or a folder of recorded responses (default ``TK_ODATA_URL``).

    ``since`` reads everything changed from that day on instead of from the stored cursor.
    ``dry_run`` reads and compares but writes nothing (and downloads nothing).
    ``ingest_files=False`` (benchmarks only) stores no new documents: it measures reading and the
    register without the extractor.
    """
    started = time.perf_counter()
    source = source or settings.TK_ODATA_URL
    report = SyncReport(source=source, dry_run=dry_run)
    try:
        base, transport = transport_for(source)
        client = ODataClient(base, transport, page_size=settings.TK_ODATA_PAGE_SIZE)
        documents, toezeggingen = _read(client, since, report)
    except ODataError as exc:
        raise SyncError(str(exc)) from exc
    if dry_run:
        _plan(documents, toezeggingen, report)
    else:
        _apply_toezeggingen(toezeggingen, report)
        _apply_documents(client, documents, report, ingest_files=ingest_files)
        _move_cursor(DOCUMENT, documents, report)
        _move_cursor(TOEZEGGING, toezeggingen, report)
        if report.counts["commitments_created"] or report.counts["commitments_updated"]:
            from commitments.overdue import flag_overdue

            flag_overdue()
    report.seconds = time.perf_counter() - started
    return report


# ------------------------------------------------------------------------------------------- read


def _since(entity: str, since: dt.date | None) -> dt.datetime | None:
    if since is not None:
        return dt.datetime.combine(since, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))
    cursor = SyncCursor.objects.filter(entity=entity).first()
    return cursor.modified_since if cursor else None


def _filter(since: dt.datetime | None, *extra: str) -> str:
    parts = list(extra)
    if since is not None:
        parts.append(f"GewijzigdOp ge {since.astimezone(dt.UTC):%Y-%m-%dT%H:%M:%SZ}")
    return " and ".join(parts)


def _read(client: ODataClient, since: dt.date | None, report: SyncReport):
    """Every changed record of both entities; raises ODataError before anything is written."""
    doc_since = _since(DOCUMENT, since)
    soort = "(" + " or ".join(f"Soort eq '{s}'" for s in DOCUMENT_SOORTEN) + ")"
    url = client.collection_url(DOCUMENT, filter=_filter(doc_since, soort), expand=DOCUMENT_EXPAND)
    documents: dict[str, TkDocument] = {}
    for page in client.pages(url):
        report.counts["pages"] += 1
        for record in page:
            doc = parse_document(record)
            report.counts["documents_read"] += 1
            # The live API filtered already; a recording (or a lenient server) may hold more.
            if doc.soort not in DOCUMENT_SOORTEN or (doc_since and doc.modified < doc_since):
                report.counts["documents_skipped"] += 1
                continue
            if doc.id not in documents or documents[doc.id].modified <= doc.modified:
                documents[doc.id] = doc
    tz_since = _since(TOEZEGGING, since)
    url = client.collection_url(TOEZEGGING, filter=_filter(tz_since), expand=TOEZEGGING_EXPAND)
    toezeggingen: dict[str, TkToezegging] = {}
    for page in client.pages(url):
        report.counts["pages"] += 1
        for record in page:
            item = parse_toezegging(record)
            report.counts["toezeggingen_read"] += 1
            if tz_since and item.modified < tz_since:
                report.counts["toezeggingen_skipped"] += 1
                continue
            if item.id not in toezeggingen or toezeggingen[item.id].modified <= item.modified:
                toezeggingen[item.id] = item
    return list(documents.values()), list(toezeggingen.values())


def _move_cursor(entity: str, records, report: SyncReport) -> None:
    if not records:
        return
    newest = max(r.modified for r in records)
    cursor = SyncCursor.objects.filter(entity=entity).first()
    if cursor and cursor.modified_since >= newest:
        return
    SyncCursor.objects.update_or_create(entity=entity, defaults={"modified_since": newest})
    report.counts["cursor_moved"] += 1


# ----------------------------------------------------------------------------- oral commitments


def _debate_key(item: TkToezegging) -> str | None:
    return item.debate.id if item.debate else None


def _actor(item: TkToezegging) -> str:
    if item.name and item.function:
        return f"{item.name} ({item.function})"[:300]
    return (item.name or item.function)[:300]


def _commitment_fields(item: TkToezegging) -> dict:
    """What an imported oral commitment looks like, from the Kamer's record (status apart)."""
    return dict(
        quote=item.text,
        actor=_actor(item),
        ministry=canonical_ministry(item.ministry or item.function),
        tk_number=item.number[:40],
        tk_status=item.status[:40],
        origin=Origin.ORAL,
    )


def _deadline_fields(item: TkToezegging) -> dict:
    due = item.due_date
    return dict(
        due_date=due, latest=due, earliest=None,
        deadline_kind=DeadlineKind.DATE if due else DeadlineKind.NONE,
        deadline_phrase="", deadline_detail="", rule=RULE_TK if due else "", estimated=False,
    )


def _debate_fields(debate: TkDebate, ministry: str) -> dict:
    return dict(
        type=DocumentType.DEBATE,
        date=debate.date,
        subject=(f"{debate.soort}: {debate.subject}" if debate.soort and debate.subject else debate.subject or debate.soort),
        committee=debate.committee[:300],
        source_name=f"Activiteit {debate.number}"[:300] if debate.number else "Activiteit",
        ministry=ministry,
    )


def _clerk_set_status(commitment_ids) -> set[int]:
    """Commitments whose status a clerk changed (a StatusChange with a user): ours stays ours."""
    return set(
        StatusChange.objects.filter(commitment_id__in=commitment_ids, user__isnull=False)
        .values_list("commitment_id", flat=True)
    )


def _plan(documents: list[TkDocument], toezeggingen: list[TkToezegging], report: SyncReport) -> None:
    """Dry run: what a real run would do, counted, without writing or downloading."""
    stored = dict(Commitment.objects.filter(tk_id__in=[t.id for t in toezeggingen]).values_list("tk_id", "status"))
    for item in toezeggingen:
        if item.deleted:
            report.counts["would_delete_commitments"] += item.id in stored
        elif item.id not in stored:
            report.counts["would_create_commitments"] += 1
        else:
            report.counts["would_check_commitments"] += 1
    known = set(Document.objects.filter(tk_id__in=[d.id for d in documents]).values_list("tk_id", flat=True))
    for doc in documents:
        if not doc.deleted and doc.id not in known:
            report.counts["would_ingest_documents"] += 1
    report.counts["would_retry_documents"] = PendingDocument.objects.exclude(tk_id__in=known).count()


def _apply_toezeggingen(toezeggingen: list[TkToezegging], report: SyncReport) -> None:
    if not toezeggingen:
        return
    with transaction.atomic():
        debates = _ensure_debates(toezeggingen, report)
        existing = {c.tk_id: c for c in Commitment.objects.filter(tk_id__in=[t.id for t in toezeggingen])}
        clerk_owned = _clerk_set_status([c.pk for c in existing.values()])
        new: list[Commitment] = []
        for item in toezeggingen:
            commitment = existing.get(item.id)
            if item.deleted:
                _delete(commitment, clerk_owned, report)
                continue
            debate_key = _debate_key(item)
            if debate_key is None:
                report.counts["toezeggingen_without_debate"] += 1
                report.failures.append(f"Toezegging {item.number or item.id}: no Activiteit (debate); skipped")
                continue
            document = debates[debate_key]
            if commitment is None:
                new.append(Commitment(
                    document=document, tk_id=item.id, kind="other", status=status_from_tk(item.status),
                    letter_date=document.date, committee=document.committee,  # what save() would copy
                    **_commitment_fields(item), **_deadline_fields(item),
                ))
            elif _update(commitment, item, document, commitment.pk in clerk_owned):
                report.counts["commitments_updated"] += 1
        # One INSERT per 500 new rows instead of a save (and two cache bumps) each; one bump after.
        Commitment.objects.bulk_create(new, batch_size=500)
        report.counts["commitments_created"] += len(new)
        if new:
            announce_data_changed(__name__)  # bulk_create sends no post_save


def _delete(commitment: Commitment | None, clerk_owned: set[int], report: SyncReport) -> None:
    """The Kamer withdrew a commitment: gone, unless a clerk acted on it (then it is flagged)."""
    if commitment is None:
        return
    if commitment.pk in clerk_owned:
        if commitment.tk_status != TK_DELETED:
            commitment.tk_status = TK_DELETED
            commitment.save(update_fields=["tk_status", "updated_at"])
            report.counts["commitments_marked_deleted"] += 1
        return
    commitment.delete()
    report.counts["commitments_deleted"] += 1


def _update(commitment: Commitment, item: TkToezegging, document: Document, clerk_owned: bool) -> bool:
    """Bring one stored oral commitment in line with the Kamer's record; False when nothing differs."""
    changed: dict[str, object] = {}
    for name, value in _commitment_fields(item).items():
        if getattr(commitment, name) != value:
            changed[name] = value
    if commitment.document_id != document.pk:
        changed["document"] = document
    new_status = status_from_tk(item.status)
    status_note = None
    if not clerk_owned and commitment.status != new_status:
        status_note = (commitment.status, new_status)
        changed["status"] = new_status
        if new_status in CLOSED_STATUSES:
            changed["overdue_since"] = None
    deadline = _deadline_fields(item)
    old_due = commitment.due_date
    if not commitment.due_overridden and commitment.due_date != deadline["due_date"]:
        changed.update(deadline)
    if not changed:
        return False
    if "document" in changed:
        changed.update(letter_date=document.date, committee=document.committee)
    # Compare-and-set, as the clerks' services do: a clerk who saved meanwhile wins; the next run
    # compares again.
    saved = Commitment.objects.filter(pk=commitment.pk, version=commitment.version).update(
        version=F("version") + 1, updated_at=timezone.now(), **changed
    )
    if not saved:
        return False
    announce_data_changed(__name__)  # a queryset UPDATE sends no signal
    for name, value in changed.items():
        setattr(commitment, name, value)
    if status_note:
        StatusChange.objects.create(
            commitment=commitment, old_status=status_note[0], new_status=status_note[1],
            note=f"Het toezeggingenregister van de Tweede Kamer zegt nu: {item.status}.",
        )
    if "due_date" in changed:
        DeadlineChange.objects.create(
            commitment=commitment, old_due_date=old_due, new_due_date=commitment.due_date,
            is_postponement=bool(old_due and commitment.due_date and commitment.due_date > old_due),
            note="Datum nakoming gewijzigd in het toezeggingenregister van de Tweede Kamer.",
        )
    return True


def _ensure_debates(toezeggingen: list[TkToezegging], report: SyncReport) -> dict[str, Document]:
    """One ``debat`` Document per Activiteit, created or brought up to date (only when it differs)."""
    wanted: dict[str, tuple[TkDebate, str]] = {}
    for item in toezeggingen:
        if item.debate and not item.deleted and item.debate.id not in wanted:
            wanted[item.debate.id] = (item.debate, canonical_ministry(item.ministry or item.function))
    existing = {d.tk_id: d for d in Document.objects.filter(tk_id__in=list(wanted)).select_related("dossier")}
    debates: dict[str, Document] = {}
    for key, (debate, ministry) in wanted.items():
        fields = _debate_fields(debate, ministry)
        document = existing.get(key)
        dossier_key = debate.dossier
        if document is None:
            document = Document(
                tk_id=key, sha256=hashlib.sha256(f"tk-activiteit:{key}".encode()).hexdigest(), **fields,
                dossier=dossier_for(*dossier_key) if dossier_key else None,
            )
            document.save()
            report.counts["debates_created"] += 1
        else:
            changed = [name for name, value in fields.items() if name != "ministry" and getattr(document, name) != value]
            current = (document.dossier.number, document.dossier.toevoeging) if document.dossier else None
            if current != dossier_key:
                document.dossier = dossier_for(*dossier_key) if dossier_key else None
                changed.append("dossier")
            if changed:
                for name in changed:
                    if name in fields:
                        setattr(document, name, fields[name])
                document.save()
                report.counts["debates_updated"] += 1
        debates[key] = document
    return debates


# ------------------------------------------------------------------------------------ documents


_EXTENSIONS = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "text/plain": ".txt",
}


def _extension(content_type: str, data: bytes) -> str:
    ext = _EXTENSIONS.get(content_type.split(";")[0].strip().lower())
    if ext:
        return ext
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK"):
        return ".docx"
    raise DownloadError(f"unsupported file type {content_type or 'unknown'}")


def _apply_documents(client: ODataClient, documents: list[TkDocument], report: SyncReport, *, ingest_files: bool) -> None:
    pending = {p.tk_id: p for p in PendingDocument.objects.all()}
    by_id = {d.id: d for d in documents}
    for tk_id, row in pending.items():  # yesterday's failures, unless the night brought a newer record
        if tk_id not in by_id:
            try:
                by_id[tk_id] = parse_document(row.record)
            except ODataError:
                continue
    known = {d.tk_id: d for d in Document.objects.filter(tk_id__in=list(by_id)).only("id", "tk_id", "subject", "committee")}
    # Letters uploaded by hand before the Kamer published them: linked by Kamerstuk number (one query).
    kamerstukken = {d.kamerstuk for d in by_id.values() if d.kamerstuk and d.id not in known}
    unlinked = {
        d.kamerstuk: d
        for d in Document.objects.filter(kamerstuk__in=kamerstukken, tk_id__isnull=True).only("id", "kamerstuk", "committee")
    }
    for doc in by_id.values():
        stored = known.get(doc.id)
        if doc.deleted:
            # A letter does not leave the record: a stored one stays; an unstored one is not fetched.
            report.counts["documents_deleted_upstream"] += 1
            _forget_pending(pending, doc.id)
            continue
        if stored is not None:
            if _update_document(stored, doc):
                report.counts["documents_updated"] += 1
            _forget_pending(pending, doc.id)
            continue
        if doc.kamerstuk and (same := unlinked.pop(doc.kamerstuk, None)):
            _link(same, doc)  # uploaded by hand before the Kamer published it
            report.counts["documents_linked"] += 1
            _forget_pending(pending, doc.id)
            continue
        if not ingest_files:
            report.counts["documents_not_ingested"] += 1
            continue
        _ingest(client, doc, pending, report)


def _update_document(document: Document, doc: TkDocument) -> bool:
    """The Kamer corrected a stored document's subject or committee: follow (only when it differs)."""
    changed = []
    if doc.subject and document.subject != doc.subject:
        document.subject = doc.subject
        changed.append("subject")
    if doc.committee and document.committee != doc.committee[:300]:
        document.committee = doc.committee[:300]
        changed.append("committee")
    if changed:
        document.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


def _link(document: Document, doc: TkDocument) -> None:
    document.tk_id = doc.id
    fields = ["tk_id", "updated_at"]
    if doc.committee and not document.committee:
        document.committee = doc.committee[:300]
        fields.append("committee")
    document.save(update_fields=fields)


def _forget_pending(pending: dict[str, PendingDocument], tk_id: str) -> None:
    row = pending.pop(tk_id, None)
    if row is not None:
        row.delete()


def _ingest(client: ODataClient, doc: TkDocument, pending: dict[str, PendingDocument], report: SyncReport) -> None:
    """Download and ingest one new document; on any failure remember it for the next run."""
    try:
        data = client.download(doc.id)
        suffix = _extension(doc.content_type, data)
        with tempfile.TemporaryDirectory(prefix="tk-") as folder:
            path = Path(folder) / f"{doc.number or doc.id}{suffix}"
            path.write_bytes(data)
            result = ingest_file(
                path,
                doc_type=DocumentType.VSO if doc.soort == SOORT_VSO else DocumentType.KAMERBRIEF,
                date=doc.date,
                ministry=doc.ministry or None,
                kamerstuk=doc.kamerstuk or None,
                subject=doc.subject or None,
                source_name=path.name,
            )
        if not result.ok:
            raise DownloadError(f"ingest failed: {result.message}")
    except DownloadError as exc:
        _remember_failure(doc, str(exc), pending)
        report.counts["documents_failed"] += 1
        report.failures.append(f"Document {doc.number or doc.id}: {exc}")
        return
    document = result.document
    if document.tk_id and document.tk_id != doc.id:
        report.counts["documents_duplicate"] += 1  # the same file published twice by the Kamer
    else:
        _link(document, doc)
        report.counts["documents_ingested" if result.status == "created" else "documents_linked"] += 1
    _forget_pending(pending, doc.id)


def _remember_failure(doc: TkDocument, error: str, pending: dict[str, PendingDocument]) -> None:
    row = pending.get(doc.id)
    if row is None:
        pending[doc.id] = PendingDocument.objects.create(tk_id=doc.id, record=doc.raw, last_error=error[:2000])
    else:
        row.attempts += 1
        row.last_error = error[:2000]
        row.record = doc.raw
        row.save()
    logger.warning("Kamer document %s not stored, retried next run: %s", doc.number or doc.id, error)

