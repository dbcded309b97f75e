"""Uploads whose worker died: a running job holds a lease (``UploadJob.lease_until``), renewed by
``run_upload`` at each progress update. Beat runs ``web.tasks.expire_upload_leases`` every few
minutes; a job still "running" after its lease ran out is marked failed, and the clerk is told to
upload the file again. It is not re-queued: a file that killed the worker would kill it again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UploadJob, UploadStatus

logger = logging.getLogger(__name__)


def expire_upload_leases(now=None) -> int:
    """Mark running jobs with an expired lease as failed; returns how many. One compare-and-set
    UPDATE: a job that finished meanwhile, or renewed its lease, is left alone."""
    now = now or timezone.now()
    stale = Q(lease_until__lt=now) | Q(  # jobs started before leases existed: judged by their last update
        lease_until__isnull=True, updated_at__lt=now - timedelta(seconds=settings.UPLOAD_LEASE_SECONDS)
    )
    expired = UploadJob.objects.filter(stale, status=UploadStatus.RUNNING).update(
        status=UploadStatus.FAILED,
        progress=100,
        lease_until=None,
        finished_at=now,
        updated_at=now,
        message=_("De verwerking is onderbroken; upload het bestand opnieuw."),
    )
    if expired:
        logger.warning("%d upload(s) failed: their worker stopped before finishing (lease expired)", expired)
    return expired
