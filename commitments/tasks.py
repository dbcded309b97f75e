"""Celery tasks for the overdue job and the follower digest. Thin: parse arguments, call a service.

Queue them after the surrounding transaction commits::

    transaction.on_commit(lambda: flag_overdue.delay())   # or: flag_overdue.delay_on_commit()

A broker that is down must not take the web app down with it: publishing is
retried briefly by Celery and then, instead of raising into the request,
``flag_overdue`` runs in-process (it is one cheap, idempotent statement per
direction) and ``send_digests`` is skipped with a warning (beat sends it again the
next morning, and nothing in the outbox is lost).
"""

from __future__ import annotations

import logging
import os
from datetime import date
from typing import Any

from celery import shared_task
from celery.contrib.django.task import DjangoTask
from kombu.exceptions import OperationalError

from . import overdue

logger = logging.getLogger(__name__)


class BrokerTolerantTask(DjangoTask):
    """A task whose ``delay``/``apply_async`` never raises because the broker is unreachable."""

    #: When publishing fails: run the task in this process (True) or only log (False).
    run_locally_if_broker_down = True

    def apply_async(
        self,
        args=None,
        kwargs=None,
        task_id=None,
        producer=None,
        link=None,
        link_error=None,
        shadow=None,
        **options,
    ) -> Any:
        try:
            return super().apply_async(
                args, kwargs, task_id, producer, link, link_error, shadow, **options
            )
        except OperationalError as exc:
            if not self.run_locally_if_broker_down:
                logger.warning("broker unreachable, %s not queued: %s", self.name, exc)
                return None
            logger.warning(
                "broker unreachable, running %s in this process: %s", self.name, exc
            )
            return self.apply(args, kwargs)


def _env_int(name: str) -> int | None:
    value = os.environ.get(name, "")
    return int(value) if value else None


@shared_task(name="commitments.tasks.flag_overdue", base=BrokerTolerantTask)
def flag_overdue(
    today: str | None = None, ids: list[int] | None = None
) -> dict[str, int]:
    """Flag and clear overdue commitments (all, or ``ids``) as of ``today`` (ISO date, default: today).

    ``OVERDUE_BATCH_SIZE`` (env) splits a run into committed id-range batches;
    ``OVERDUE_BATCH_PAUSE`` (env, seconds) pauses before each commit, for tests
    that kill the worker mid-run.
    """
    result = overdue.flag_overdue(
        date.fromisoformat(today) if today else None,
        ids=ids,
        batch_size=_env_int("OVERDUE_BATCH_SIZE"),
        pause=float(os.environ.get("OVERDUE_BATCH_PAUSE", "0") or 0),
    )
    return {"newly_overdue": result.newly_overdue, "cleared": result.cleared}


def after_ingest(ids: list[int] | None = None) -> None:
    """Queue ``flag_overdue`` for when the current transaction commits (never raises on a broker outage)."""
    flag_overdue.delay_on_commit(ids=ids)
