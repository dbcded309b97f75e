"""The nightly run of the connector (Celery beat, ``sync-tk-nightly`` in CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

import logging

from celery import shared_task

from .sync import SyncError
from .sync import sync_tk as run_sync

logger = logging.getLogger(__name__)


@shared_task(name="tksync.tasks.sync_tk")
def sync_tk(source: str | None = None) -> dict:
    """Read what the Kamer published since the last night; a broken response is logged, nothing written."""
    try:
        report = run_sync(source)
    except SyncError as exc:
        logger.error("sync_tk stopped, nothing written: %s", exc)
        return {"error": str(exc)}
    logger.info("sync_tk: %s", report.as_dict())
    return report.as_dict()
