"""Uploads nobody is working on: the outbox of queued jobs, and running jobs whose worker died.

* **Outbox.** A confirmed upload is a queued ``UploadJob`` row; the request sends it to the broker
  after the commit (``web.uploads.dispatch_upload``). A job the broker never took (it was down:
  ``dispatched_at`` is empty), or that still waits ``UPLOAD_REDISPATCH_SECONDS`` after it was sent
  (a lost message), is sent again by beat's ``web.tasks.dispatch_queued_uploads``. Sending twice is
  harmless: the worker claims a job by compare-and-set (queued → running), so it runs once.
* **Leases.** A running job holds a lease (``UploadJob.lease_until``), renewed as the reader and
  the extractor report progress (``web.uploads.Heartbeat``). Beat's ``web.tasks.expire_upload_leases``
  re-queues a job whose lease ran out, once (``UPLOAD_MAX_ATTEMPTS``, default 2 attempts in all), and
  fails it after that: a file that killed the worker twice would kill it again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import UploadJob, UploadStatus

logger = logging.getLogger(__name__)


def _stale(now) -> Q:
    return Q(lease_until__lt=now) | Q(  # jobs started before leases existed: judged by their last update
        lease_until__isnull=True, updated_at__lt=now - timedelta(seconds=settings.UPLOAD_LEASE_SECONDS)
    )


def expire_upload_leases(now=None) -> int:
    """Re-queue (once) or fail running jobs whose lease ran out; returns how many.

    Compare-and-set UPDATEs: a job that finished meanwhile, or renewed its lease, is left alone.
    Re-queued jobs are sent to the worker after the commit.
    """
    now = now or timezone.now()
    running = UploadJob.objects.filter(_stale(now), status=UploadStatus.RUNNING)
    with transaction.atomic():
        requeued = running.filter(attempts__lt=settings.UPLOAD_MAX_ATTEMPTS).update(
            status=UploadStatus.QUEUED,
            progress=0,
            lease_until=None,
            dispatched_at=None,
            updated_at=now,
            message=_("De verwerking werd onderbroken (de worker stopte); het document staat opnieuw in de wachtrij."),
        )
        failed = running.filter(attempts__gte=settings.UPLOAD_MAX_ATTEMPTS).update(
            status=UploadStatus.FAILED,
            progress=100,
            lease_until=None,
            finished_at=now,
            updated_at=now,
            message=_("De verwerking is %(n)d keer onderbroken (de worker stopte); er is niets opgeslagen. "
                      "Het bestand is waarschijnlijk te zwaar: upload het opnieuw of neem contact op met de beheerder.")
            % {"n": settings.UPLOAD_MAX_ATTEMPTS},
        )
        if requeued:
            transaction.on_commit(lambda: dispatch_queued_uploads(now=now))
    if requeued:
        logger.warning("%d upload(s) re-queued: their worker stopped before finishing (lease expired)", requeued)
    if failed:
        logger.warning("%d upload(s) failed: their worker stopped before finishing, %d times", failed,
                       settings.UPLOAD_MAX_ATTEMPTS)
    return requeued + failed


def dispatch_queued_uploads(now=None) -> int:
    """Send the queued jobs nobody took to the broker again; returns how many were sent."""
    from .uploads import dispatch_upload

    now = now or timezone.now()
    waiting = UploadJob.objects.filter(status=UploadStatus.QUEUED).filter(
        Q(dispatched_at__isnull=True)
        | Q(dispatched_at__lt=now - timedelta(seconds=settings.UPLOAD_REDISPATCH_SECONDS))
    )
    sent = 0
    for job_id in waiting.order_by("created_at", "pk").values_list("pk", flat=True):
        if not dispatch_upload(job_id):
            break  # the broker is still down: the rest waits for the next run
        sent += 1
    if sent:
        logger.info("%d queued upload(s) sent to the worker again", sent)
    return sent
