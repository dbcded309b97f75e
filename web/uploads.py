"""Uploads by the griffie: store the file, queue the ingest, run it, report progress.

``analyse_upload`` reads the file (the reader of ``manage.py inspect_document``),
``create_draft_upload`` stores it with what was read for the clerk to confirm, and
``confirm_upload`` queues ``web.tasks.process_upload`` after the transaction commits;
``run_upload`` is what the task does. Ingestion itself (``ingestion.pipeline.ingest_file``) is all-or-nothing, so a failed upload leaves no
document, passages or commitments behind.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from documents.models import DocumentType

from .models import UploadJob, UploadStatus

logger = logging.getLogger(__name__)


class UnreadableUpload(Exception):
    """The uploaded file cannot be read as a letter; the message says why, in Dutch."""


@dataclass(frozen=True)
class UploadAnalysis:
    """What the reader found in an uploaded file, to pre-fill the confirm form."""

    date: date | None
    doc_type: str
    ministry: str
    kamerstuk: str
    subject: str


def analyse_upload(uploaded: UploadedFile) -> UploadAnalysis:
    """Read the file with the same reader as ``manage.py inspect_document``; store nothing.

    Raises UnreadableUpload for a file the reader cannot read.
    """
    from documents.limits import LimitExceeded, check_file, check_text
    from documents.reader import ReaderError, read_document

    suffix = Path(uploaded.name or "").suffix.lower()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        with path.open("wb") as out:
            for chunk in uploaded.chunks():
                out.write(chunk)
        uploaded.seek(0)
        try:
            check_file(path)  # issue 15: size, pages and inflated size before anything is parsed
            parsed = read_document(path, check_text=check_text)
        except LimitExceeded as exc:
            raise UnreadableUpload(
                _("Dit bestand wordt niet ingelezen; er is niets opgeslagen. %(reason)s") % {"reason": exc}
            ) from exc
        except (ReaderError, OSError, UnicodeError, ValueError, KeyError) as exc:
            detail = str(exc).replace(str(path), uploaded.name or "").splitlines()[0] if str(exc) else type(exc).__name__
            detail = _ABSOLUTE_PATH.sub(lambda m: uploaded.name or "" if m.group(0) != "/" else "/", detail)
            raise UnreadableUpload(
                _("Dit bestand kon niet worden gelezen; er is niets opgeslagen. Oorzaak: %(detail)s") % {"detail": detail}
            ) from exc
    doc_type = parsed.type if parsed.type in (DocumentType.KAMERBRIEF, DocumentType.VSO) else DocumentType.KAMERBRIEF
    return UploadAnalysis(
        date=parsed.date,
        doc_type=doc_type,
        ministry=(parsed.ministry or "")[:200],
        kamerstuk=(parsed.kamerstuk or "")[:40],
        subject=parsed.subject or "",
    )


def create_draft_upload(*, uploaded: UploadedFile, analysis: UploadAnalysis, user=None) -> UploadJob:
    """Store the file with what was read from it; nothing is ingested until the clerk confirms."""
    with transaction.atomic():
        job = UploadJob(
            original_name=(uploaded.name or "document")[:300],
            date=analysis.date,
            doc_type=analysis.doc_type,
            ministry=analysis.ministry,
            kamerstuk=analysis.kamerstuk,
            status=UploadStatus.DRAFT,
            user=user if user and user.is_authenticated else None,
            progress=0,
            message=_("Gelezen; wacht op bevestiging van datum, soort, ministerie en Kamerstuknummer."),
        )
        job.file.save(uploaded.name or "document", uploaded, save=False)
        job.save()
    return job


def confirm_upload(job: UploadJob, *, date: date, doc_type: str, ministry: str, kamerstuk: str) -> bool:
    """The clerk confirmed (or corrected) what was read: queue the ingest once committed.

    Compare-and-set on the draft status, so a double submit queues the file once. False when the
    job was already confirmed.
    """
    with transaction.atomic():
        changed = UploadJob.objects.filter(pk=job.pk, status=UploadStatus.DRAFT).update(
            date=date, doc_type=doc_type, ministry=ministry, kamerstuk=kamerstuk,
            status=UploadStatus.QUEUED, message=_("In de wachtrij."), updated_at=timezone.now(),
        )
        if changed:
            transaction.on_commit(lambda: dispatch_upload(job.pk))
    return bool(changed)


def dispatch_upload(job_id: int) -> None:
    """Queue the task; when the broker cannot be reached, run it here and now and say so."""
    from .tasks import process_upload

    try:
        process_upload.apply_async(args=[job_id], retry=False)
    except Exception:  # kombu raises OperationalError and friends; any failure to queue means: run inline
        logger.warning("broker unreachable, processing upload %s synchronously", job_id, exc_info=True)
        UploadJob.objects.filter(pk=job_id).update(ran_inline=True)
        run_upload(job_id)


def _update(job_id: int, **fields) -> None:
    now = timezone.now()
    if "progress" in fields:  # heartbeat: a job in progress renews its lease, a finished one drops it
        fields.setdefault("lease_until", lease_deadline(now) if fields["progress"] < 100 else None)
    UploadJob.objects.filter(pk=job_id).update(updated_at=now, **fields)


def lease_deadline(now=None):
    """Until when a running job counts as alive without another heartbeat (``UPLOAD_LEASE_SECONDS``)."""
    from datetime import timedelta

    from django.conf import settings

    return (now or timezone.now()) + timedelta(seconds=settings.UPLOAD_LEASE_SECONDS)


#: An absolute file path (not the path of a URL): /app/data/uploads/…, /tmp/…
_ABSOLUTE_PATH = re.compile(r"(?<![\w:/.])/(?:[^\s'\"/]+/)*[^\s'\"/]*")


def _without_server_paths(text: str, job: UploadJob) -> str:
    """Clerks see the name they uploaded, never where the server keeps files."""
    if job.file:
        text = text.replace(job.file.path, job.original_name).replace(job.file.name, job.original_name)
    return _ABSOLUTE_PATH.sub(lambda m: job.original_name if m.group(0) != "/" else "/", text)


def run_upload(job_id: int) -> str:
    """Ingest the job's file. Idempotent: a finished job is left alone; a redelivered one is re-run
    safely because the ingest recognises content it already stored."""
    from ingestion.pipeline import ingest_file

    job = UploadJob.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    if job.finished or job.status == UploadStatus.DRAFT:
        return job.status
    _update(job_id, status=UploadStatus.RUNNING, progress=10, message=_("Het document wordt gelezen en geanalyseerd…"))
    try:
        result = ingest_file(
            job.file.path,
            doc_type=job.doc_type,
            date=job.date,
            ministry=job.ministry or None,
            kamerstuk=job.kamerstuk or None,
            source_name=job.original_name,
        )
        status, detail = result.status, result.message
    except SoftTimeLimitExceeded:  # the task's soft time limit: the ingest's transaction rolled back
        logger.warning("upload %s stopped at the soft time limit", job_id)
        result, status = None, "error"
        detail = _("het inlezen duurde langer dan %(minutes)s minuten en is afgebroken.") % {
            "minutes": max(1, round(settings.UPLOAD_TASK_SOFT_TIME_LIMIT / 60))}
    except Exception as exc:  # an unexpected bug must still end the job visibly, not leave it "running"
        logger.exception("upload %s failed", job_id)
        result, status, detail = None, "error", f"{type(exc).__name__}: {exc}"

    if status == "error":
        detail = _without_server_paths(detail, job)
        _update(
            job_id,
            status=UploadStatus.FAILED,
            progress=100,
            finished_at=timezone.now(),
            message=_("Het document kon niet worden ingelezen; er is niets opgeslagen. Oorzaak: %(detail)s")
            % {"detail": detail},
        )
        job.file.delete(save=False)
        UploadJob.objects.filter(pk=job_id).update(file="")
        return UploadStatus.FAILED

    if status == "unchanged":
        message = _("Dit document was al eerder ingelezen; er is niets gewijzigd.")
    else:
        message = _("Ingelezen: %(count)d toezegging(en) voorgesteld om te beoordelen.") % {"count": result.commitments}
    _update(
        job_id,
        status=UploadStatus.DONE,
        progress=100,
        finished_at=timezone.now(),
        document=result.document,
        commitments=result.commitments,
        message=message,
    )
    return UploadStatus.DONE
