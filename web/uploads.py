"""Uploads by the griffie: store the file, queue the ingest from the database, run it, report progress.

``analyse_upload`` reads the file (the reader of ``manage.py inspect_document``),
``create_draft_upload`` stores it with what was read for the clerk to confirm, and
``confirm_upload`` marks the job queued. The job row is the outbox: the request never ingests.
``dispatch_upload`` sends ``web.tasks.process_upload`` once the transaction commits and notes
``dispatched_at``; with the broker down it only says so on the job, and beat's
``web.tasks.dispatch_queued_uploads`` sends every queued job nobody took (``web.upload_leases``).
``run_upload`` is what the task does: it claims the job by compare-and-set (queued → running,
``attempts + 1``), so a job sent twice is processed once, and renews its lease as the reader and
the extractor report progress. Ingestion itself (``ingestion.pipeline.ingest_file``) is
all-or-nothing, so a failed upload leaves no document, passages or commitments behind.
"""

from __future__ import annotations

import logging
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.models import DocumentType
from ingestion import pipeline

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
    """The clerk confirmed (or corrected) what was read: the job is queued, and sent to the worker
    once committed. Nothing is processed in the request.

    Compare-and-set on the draft status, so a double submit queues the file once. False when the
    job was already confirmed.
    """
    with transaction.atomic():
        changed = UploadJob.objects.filter(pk=job.pk, status=UploadStatus.DRAFT).update(
            date=date, doc_type=doc_type, ministry=ministry, kamerstuk=kamerstuk,
            status=UploadStatus.QUEUED, message=_("In de wachtrij."), dispatched_at=None, updated_at=timezone.now(),
        )
        if changed:
            transaction.on_commit(lambda: dispatch_upload(job.pk))
    return bool(changed)


def dispatch_upload(job_id: int) -> bool:
    """Send a queued job to the worker. With the broker unreachable the job stays queued (the
    database is the outbox) with a message saying so; beat sends it again later. Never raises."""
    from .tasks import process_upload

    try:
        process_upload.apply_async(args=[job_id], retry=False)
    except Exception:  # kombu raises OperationalError and friends: the job waits in the database
        logger.warning("broker unreachable; upload %s stays queued until beat sends it again", job_id, exc_info=True)
        UploadJob.objects.filter(pk=job_id, status=UploadStatus.QUEUED).update(
            dispatched_at=None, updated_at=timezone.now(), message=broker_down_message())
        return False
    UploadJob.objects.filter(pk=job_id, status=UploadStatus.QUEUED).update(dispatched_at=timezone.now())
    return True


def broker_down_message() -> str:
    return _("In de wachtrij. De taakwachtrij is nu niet bereikbaar; de verwerking begint vanzelf zodra "
             "die weer werkt. U hoeft het bestand niet opnieuw te uploaden.")


def lease_deadline(now=None):
    """Until when a running job counts as alive without another heartbeat (``UPLOAD_LEASE_SECONDS``)."""
    from datetime import timedelta

    return (now or timezone.now()) + timedelta(seconds=settings.UPLOAD_LEASE_SECONDS)


class LeaseLost(Exception):
    """This run no longer owns the job (its lease ran out and the job was re-queued or failed)."""


#: Progress shown to the clerk per stage of the ingest: (from %, to %).
STAGES = {"read": (10, 40), "extract": (40, 90), "store": (90, 95)}


class Heartbeat:
    """The ``progress`` callback of an upload's ingest: shows progress and renews the lease.

    * Each progress report (a PDF page read, a sentence scored, a new stage) writes at most every
      5 seconds (``UPLOAD_LEASE_SECONDS / 6`` if shorter), and at each new stage.
    * Between reports — parsing, the storing transaction, the overdue flags after it — a thread
      renews the lease at the same pace while the worker process lives (:meth:`start`). A process
      that hangs is the time limits' business; a process that dies stops both.

    Every write is in autocommit and guarded by the attempt number: when the row no longer belongs
    to this attempt, the next report raises :class:`LeaseLost`, which aborts the ingest before
    anything is stored.
    """

    def __init__(self, job_id: int, attempt: int):
        self.job_id, self.attempt = job_id, attempt
        self.every = max(0.2, min(5.0, settings.UPLOAD_LEASE_SECONDS / 6))
        self.last_write = time.monotonic()
        self.stage = ""
        self.lost = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def messages(self) -> dict[str, str]:
        return {
            "read": _("Het document wordt gelezen…"),
            "extract": _("De toezeggingen worden gezocht…"),
            "store": _("De toezeggingen worden opgeslagen…"),
        }

    def _owned(self):
        return UploadJob.objects.filter(pk=self.job_id, status=UploadStatus.RUNNING, attempts=self.attempt)

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self.lost:
            raise LeaseLost(self.job_id)
        now = time.monotonic()
        if stage == self.stage and now - self.last_write < self.every:
            return
        low, high = STAGES.get(stage, (10, 95))
        percent = low + (high - low) * min(done, total) // max(total, 1)
        fields = {"progress": percent, "lease_until": lease_deadline(), "updated_at": timezone.now()}
        if stage != self.stage:
            fields["message"] = self.messages().get(stage, "")
        if not self._owned().update(**fields):
            self.lost = True
            raise LeaseLost(self.job_id)
        self.stage, self.last_write = stage, now

    def start(self) -> None:
        """Renew the lease from a thread (its own database connection) until :meth:`stop`.

        Not inside a transaction (tests): another connection would not see the job row."""
        if transaction.get_connection().in_atomic_block:
            return
        self._thread = threading.Thread(target=self._renew, name=f"upload-{self.job_id}-lease", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def _renew(self) -> None:
        from django.db import connection

        try:
            while not self._stop.wait(self.every):
                try:
                    if not self._owned().update(lease_until=lease_deadline(), updated_at=timezone.now()):
                        self.lost = True
                        return
                except Exception:  # a busy SQLite file or a short outage: the next beat tries again
                    logger.warning("upload %s: could not renew the lease", self.job_id, exc_info=True)
        finally:
            connection.close()


#: An absolute file path (not the path of a URL): /app/data/uploads/…, /tmp/…
_ABSOLUTE_PATH = re.compile(r"(?<![\w:/.])/(?:[^\s'\"/]+/)*[^\s'\"/]*")


def _without_server_paths(text: str, job: UploadJob) -> str:
    """Clerks see the name they uploaded, never where the server keeps files."""
    if job.file:
        text = text.replace(job.file.path, job.original_name).replace(job.file.name, job.original_name)
    return _ABSOLUTE_PATH.sub(lambda m: job.original_name if m.group(0) != "/" else "/", text)


def claim_upload(job_id: int, task_id: str = "") -> int | None:
    """Compare-and-set queued → running for this worker; the attempt number, or None when the job
    is not queued (another worker has it, it finished, or it is still a draft).

    A worker holding the task proves the broker took it: an empty ``dispatched_at`` is filled here,
    since the worker can claim the job before the request that sent it has written that time."""
    now = timezone.now()
    claimed = UploadJob.objects.filter(pk=job_id, status=UploadStatus.QUEUED).update(
        status=UploadStatus.RUNNING, attempts=F("attempts") + 1, progress=10, lease_until=lease_deadline(now),
        task_id=(task_id or "")[:64], updated_at=now, message=_("Het document wordt gelezen en geanalyseerd…"),
        dispatched_at=Coalesce(F("dispatched_at"), Value(now)),
    )
    if not claimed:
        return None
    return UploadJob.objects.filter(pk=job_id).values_list("attempts", flat=True).first()


def run_upload(job_id: int, task_id: str = "") -> str:
    """Ingest the job's file, once: only the run that claims the queued job processes it; a second
    delivery of the same job (sent twice, redelivered) returns the job's status and does nothing."""
    attempt = claim_upload(job_id, task_id)
    job = UploadJob.objects.filter(pk=job_id).first()
    if job is None:
        return "missing"
    if attempt is None:
        logger.info("upload %s is %s, not queued: nothing to do", job_id, job.status)
        return job.status
    heartbeat = Heartbeat(job_id, attempt)
    heartbeat.start()
    try:
        result = pipeline.ingest_file(
            job.file.path,
            doc_type=job.doc_type,
            date=job.date,
            ministry=job.ministry or None,
            kamerstuk=job.kamerstuk or None,
            source_name=job.original_name,
            progress=heartbeat,
        )
        status, detail = result.status, result.message
        if status == "error" and "SoftTimeLimitExceeded" in detail:
            # the PDF and Word readers turn any exception of their libraries into "unreadable";
            # the soft time limit raised inside them is not the file's fault
            detail = time_limit_detail()
    except LeaseLost:  # beat re-queued or failed the job meanwhile: that decision stands
        logger.warning("upload %s: attempt %s lost its lease; stopped with nothing stored", job_id, attempt)
        return "lease-lost"
    except SoftTimeLimitExceeded:  # the task's soft time limit: the ingest's transaction rolled back
        logger.warning("upload %s stopped at the soft time limit", job_id)
        result, status, detail = None, "error", time_limit_detail()
    except Exception as exc:  # an unexpected bug must still end the job visibly, not leave it "running"
        logger.exception("upload %s failed", job_id)
        result, status, detail = None, "error", f"{type(exc).__name__}: {exc}"
    finally:
        heartbeat.stop()

    if status == "error":
        fail_upload(job_id, detail, attempt=attempt)
        return UploadStatus.FAILED

    if status == "unchanged":
        message = _("Dit document was al eerder ingelezen; er is niets gewijzigd.")
    else:
        message = _("Ingelezen: %(count)d toezegging(en) voorgesteld om te beoordelen.") % {"count": result.commitments}
    done = UploadJob.objects.filter(pk=job_id, status=UploadStatus.RUNNING, attempts=attempt).update(
        status=UploadStatus.DONE,
        progress=100,
        lease_until=None,
        finished_at=timezone.now(),
        updated_at=timezone.now(),
        document=result.document,
        commitments=result.commitments,
        message=message,
    )
    if not done:
        logger.warning("upload %s: attempt %s finished after losing its lease", job_id, attempt)
    return UploadStatus.DONE


def time_limit_detail(seconds: int | None = None) -> str:
    """Why a job stopped at a time limit (``seconds``, by default the soft one)."""
    seconds = settings.UPLOAD_TASK_SOFT_TIME_LIMIT if seconds is None else seconds
    minutes = max(1, round(seconds / 60))
    return ngettext("het inlezen duurde langer dan %(minutes)s minuut en is afgebroken.",
                    "het inlezen duurde langer dan %(minutes)s minuten en is afgebroken.", minutes) % {"minutes": minutes}


def fail_upload(job_id: int, detail: str, *, attempt: int | None = None, task_id: str | None = None) -> bool:
    """End a running job as failed with a Dutch message, and delete its file. With ``attempt`` or
    ``task_id``, only if that attempt / task still owns the job. True when the job was failed here."""
    job = UploadJob.objects.filter(pk=job_id).first()
    if job is None:
        return False
    detail = _without_server_paths(detail, job)
    owned = UploadJob.objects.filter(pk=job_id, status=UploadStatus.RUNNING)
    if attempt is not None:
        owned = owned.filter(attempts=attempt)
    if task_id is not None:
        owned = owned.filter(task_id=task_id)
    now = timezone.now()
    failed = owned.update(
        status=UploadStatus.FAILED,
        progress=100,
        lease_until=None,
        finished_at=now,
        updated_at=now,
        file="",
        message=_("Het document kon niet worden ingelezen; er is niets opgeslagen. Oorzaak: %(detail)s")
        % {"detail": detail},
    )
    if failed and job.file:
        job.file.delete(save=False)
    return bool(failed)
