"""Celery tasks of the web application: thin, they take ids and call a service."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings


@shared_task(
    name="web.tasks.process_upload",
    # Issue 15: one letter may not hold a worker for ever. At the soft limit run_upload marks the
    # job failed with a Dutch message (the ingest's transaction rolls back); the hard limit kills
    # the worker process should even that not return.
    soft_time_limit=settings.UPLOAD_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.UPLOAD_TASK_TIME_LIMIT,
)
def process_upload(job_id: int) -> str:
    """Ingest and extract an uploaded document (see ``web.uploads.run_upload``)."""
    from .uploads import run_upload

    return run_upload(job_id)


@shared_task(name="web.tasks.expire_upload_leases")
def expire_upload_leases() -> int:
    """Fail running uploads whose worker stopped renewing the lease (see ``web.upload_leases``)."""
    from .upload_leases import expire_upload_leases as expire

    return expire()
