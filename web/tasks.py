"""Celery tasks of the web application: thin, they take ids and call a service."""

from __future__ import annotations

from celery import shared_task


@shared_task(name="web.tasks.process_upload")
def process_upload(job_id: int) -> str:
    """Ingest and extract an uploaded document (see ``web.uploads.run_upload``)."""
    from .uploads import run_upload

    return run_upload(job_id)


@shared_task(name="web.tasks.expire_upload_leases")
def expire_upload_leases() -> int:
    """Fail running uploads whose worker stopped renewing the lease (see ``web.upload_leases``)."""
    from .upload_leases import expire_upload_leases as expire

    return expire()
