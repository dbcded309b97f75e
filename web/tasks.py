"""Celery tasks of the web application: thin, they take ids and call a service."""

from __future__ import annotations

from celery import Task, shared_task
from celery.exceptions import TimeLimitExceeded
from django.conf import settings

# Imported with the tasks, in the worker's main process before it forks: the ingest pipeline's
# modules are loaded once, and a child starts on an upload (and claims it) at once.
from .uploads import fail_upload, run_upload, time_limit_detail


class UploadTask(Task):
    """At the hard time limit the worker kills the process running the ingest (its transaction
    rolls back with the connection); the worker's main process then calls ``on_failure`` here,
    which ends the job this task had claimed as failed, with a Dutch message."""

    def on_failure(self, exc, task_id, args, kwargs, einfo):
        if isinstance(exc, TimeLimitExceeded) and args:
            # Only the job this task had claimed: a second delivery of it may be running elsewhere.
            fail_upload(args[0], time_limit_detail(self.time_limit or settings.UPLOAD_TASK_TIME_LIMIT), task_id=task_id)


@shared_task(
    name="web.tasks.process_upload",
    base=UploadTask,
    bind=True,
    # Issue 15: one letter may not hold a worker for ever. At the soft limit run_upload marks the
    # job failed with a Dutch message (the ingest's transaction rolls back); the hard limit kills
    # the worker process should even that not return.
    soft_time_limit=settings.UPLOAD_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.UPLOAD_TASK_TIME_LIMIT,
)
def process_upload(self, job_id: int) -> str:
    """Ingest and extract an uploaded document (see ``web.uploads.run_upload``)."""
    return run_upload(job_id, self.request.id or "")


@shared_task(name="web.tasks.expire_upload_leases")
def expire_upload_leases() -> int:
    """Re-queue (once) or fail running uploads whose worker stopped renewing the lease (``web.upload_leases``)."""
    from .upload_leases import expire_upload_leases as expire

    return expire()


@shared_task(name="web.tasks.dispatch_queued_uploads")
def dispatch_queued_uploads() -> int:
    """The outbox: send queued uploads the broker never took (it was down) to the worker again."""
    from .upload_leases import dispatch_queued_uploads as dispatch

    return dispatch()
