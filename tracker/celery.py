"""Celery application, configured from Django settings (namespace CELERY)."""

import logging
import os
import sys

from celery import Celery
from celery.signals import worker_init

logger = logging.getLogger(__name__)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="tracker.ping")
def ping() -> str:
    """Round trip used by health checks and the broker test."""
    return "pong"


@worker_init.connect
def require_frog(**_kwargs) -> None:
    """The worker ingests uploads, and the extractor needs Frog: start one when none answers on
    FROG_ADDRESS (local addresses only), or stop the worker with a clear message. No fallback."""
    from commitments.extraction import frog

    try:
        started = frog.ensure_server()
    except frog.FrogUnavailable as exc:
        logger.critical("cannot start the worker: the extractor needs Frog and %s", exc)
        sys.stderr.write(f"cannot start the worker: the extractor needs Frog and {exc}\n")
        sys.stderr.flush()
        os._exit(3)
    if started:
        logger.warning("started Frog on %s in %.1f s", os.environ.get("FROG_ADDRESS"), started)
