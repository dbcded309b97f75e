"""The digest task. It keeps the name ``commitments.tasks.send_digests`` (beat's schedule and operators
call it by that name) but lives here, above ``web``: the digest re-runs saved searches through the list's
FilterSet, so it cannot sit in ``commitments`` (tracker/tests/test_layering.py)."""

from __future__ import annotations

from celery import shared_task

from commitments.tasks import BrokerTolerantTask

from . import digest


@shared_task(
    name="commitments.tasks.send_digests",
    base=BrokerTolerantTask,
    run_locally_if_broker_down=False,
)
def send_digests() -> int:
    """Send the digest e-mails from the outbox. Returns the number sent."""
    return digest.send_digests()
