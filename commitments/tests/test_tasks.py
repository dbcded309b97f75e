"""The Celery tasks with real components: a worker process, Redis, the filesystem broker, beat's schedule."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection

from commitments.models import Commitment, OverdueEvent, Status
from commitments.tasks import flag_overdue
from readers.tasks import send_digests
from tracker.celery import app as celery_app

from .overdue_helpers import make_commitment, make_document

AMS = ZoneInfo("Europe/Amsterdam")
TODAY = "2026-11-23"


def database_url() -> str:
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{s['NAME']}"


def wait_for(
    predicate, timeout: float = 60, interval: float = 0.1, what: str = "condition"
):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")


def bulk_commitments(n: int) -> int:
    """n commitments, every other one past due (and open). Returns how many are due."""
    doc = make_document()
    rows = [
        Commitment(
            document=doc,
            quote=f"Toezegging {i}",
            status=Status.OPEN,
            due_date=date(2026, 1, 1) if i % 2 == 0 else date(2027, 6, 1),
        )
        for i in range(n)
    ]
    Commitment.objects.bulk_create(rows, batch_size=5000)
    return (n + 1) // 2


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    """Run Python with Django set up in a fresh process (its own settings from ``env``)."""
    prelude = "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tracker.settings'); django.setup()\n"
    return subprocess.run(
        [sys.executable, "-c", prelude + code],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "DATABASE_URL": database_url(), **env},
    )


# --- beat -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "task", "hour", "minute"),
    [
        ("flag-overdue-daily", "commitments.tasks.flag_overdue", 5, 30),
        ("send-digests-daily", "commitments.tasks.send_digests", 6, 30),
    ],
)
def test_it_schedules_the_daily_jobs_in_amsterdam_time(entry, task, hour, minute):
    schedule = celery_app.conf.beat_schedule[entry]
    assert schedule["task"] == task
    assert task in celery_app.tasks
    cron = schedule["schedule"]
    assert cron.hour == {hour} and cron.minute == {minute}
    assert str(celery_app.timezone) == "Europe/Amsterdam"

    cron = cron.__class__(hour=hour, minute=minute, app=celery_app)
    for last_run in (
        datetime(2026, 11, 23, hour, minute, tzinfo=AMS),  # winter, UTC+1
        datetime(2026, 7, 1, hour, minute, tzinfo=AMS),
    ):  # summer, UTC+2
        start, delta, _now = cron.remaining_delta(last_run.astimezone(ZoneInfo("UTC")))
        nxt = (start + delta).astimezone(AMS)
        assert (nxt.date(), nxt.hour, nxt.minute) == (
            last_run.date() + timedelta(days=1),
            hour,
            minute,
        )


def test_it_flags_before_it_sends_digests():
    s = celery_app.conf.beat_schedule
    assert max(s["flag-overdue-daily"]["schedule"].hour) < min(s["send-digests-daily"]["schedule"].hour)


# --- a real worker on the real Redis ---------------------------------------------------------------


@pytest.mark.worker
def test_it_runs_the_task_in_a_real_worker(celery_worker_factory):
    late = make_commitment(date(2026, 6, 30))
    on_time = make_commitment(date(2026, 12, 31))
    celery_worker_factory().start()

    assert flag_overdue.delay(today=TODAY).get(timeout=60) == {
        "newly_overdue": 1,
        "cleared": 0,
    }
    assert flag_overdue.delay(today=TODAY).get(timeout=60) == {
        "newly_overdue": 0,
        "cleared": 0,
    }
    assert flag_overdue.delay(today="2027-01-01", ids=[on_time.pk]).get(timeout=60) == {
        "newly_overdue": 1,
        "cleared": 0,
    }
    late.refresh_from_db()
    assert late.overdue_since == date(2026, 11, 23)
    assert send_digests.delay().get(timeout=60) == 0


@pytest.mark.worker
def test_it_queues_after_commit_and_the_worker_runs_it(celery_worker_factory):
    from django.db import transaction

    from commitments.tasks import after_ingest

    celery_worker_factory().start()
    with transaction.atomic():
        c = make_commitment(date(2020, 1, 1))
        after_ingest()
        time.sleep(0.5)
        c.refresh_from_db()
        assert c.overdue_since is None  # not queued before the commit
    wait_for(
        lambda: Commitment.objects.filter(
            pk=c.pk, overdue_since__isnull=False
        ).exists(),
        what="the worker to flag the commitment",
    )


@pytest.mark.worker
@pytest.mark.parametrize("mode", ["batches", "one_transaction"])
def test_it_survives_sigkill_mid_run(celery_worker_factory, mode):
    """Kill -9 the worker in the middle of a large run: after a restart every due row is flagged once."""
    due = bulk_commitments(20_000)
    slow = {"CELERY_VISIBILITY_TIMEOUT": "2"}
    if mode == "batches":
        slow |= {"OVERDUE_BATCH_SIZE": "1000", "OVERDUE_BATCH_PAUSE": "0.4"}
    else:
        slow |= {"OVERDUE_BATCH_PAUSE": "30"}  # holds its one transaction for 30 s
    first = celery_worker_factory(**slow).start()
    flag_overdue.delay(today=TODAY)

    if mode == "batches":
        wait_for(
            lambda: Commitment.objects.filter(overdue_since__isnull=False).exists(),
            what="first batch",
        )
    else:
        wait_for(
            lambda: "flag_overdue today=" in first.output(),
            what="the run to hold its transaction",
        )
    first.kill()
    flagged = Commitment.objects.filter(overdue_since__isnull=False).count()
    assert flagged < due, "the worker must die mid-run"
    if mode == "one_transaction":
        assert (
            flagged == 0 and not OverdueEvent.objects.exists()
        )  # rolled back with the connection
    assert OverdueEvent.objects.count() == flagged

    time.sleep(
        2.5
    )  # past the visibility timeout: the unacknowledged task is redelivered
    celery_worker_factory(
        CELERY_VISIBILITY_TIMEOUT="2", OVERDUE_BATCH_SIZE="5000"
    ).start()
    wait_for(
        lambda: Commitment.objects.filter(overdue_since__isnull=False).count() == due,
        timeout=90,
        what="the redelivered task to finish",
    )
    assert OverdueEvent.objects.count() == due
    assert OverdueEvent.objects.values("commitment_id").distinct().count() == due
    assert not Commitment.objects.filter(
        overdue_since__isnull=False, due_date__gte=date(2026, 11, 23)
    ).exists()


# --- Redis down ------------------------------------------------------------------------------------


@pytest.mark.worker
def test_it_keeps_serving_with_redis_down_and_runs_tasks_when_it_is_back(
    celery_worker_factory, private_redis
):
    c = make_commitment(date(2026, 6, 30))
    private_redis.stop()

    proc = run_django(
        """
import json
from django.db import transaction
from django.test import Client
from commitments.tasks import flag_overdue
from readers.tasks import send_digests
with transaction.atomic():
    transaction.on_commit(lambda: flag_overdue.delay(today="2026-11-23"))
queued = send_digests.delay()
page = Client(HTTP_HOST="localhost").get("/healthz")
print(json.dumps({"digest_queued": queued is not None, "healthz": page.status_code}))
""",
        CELERY_BROKER_URL=private_redis.url,
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {
        "digest_queued": False,
        "healthz": 200,
    }
    assert (
        "broker unreachable, running commitments.tasks.flag_overdue in this process"
        in proc.stderr
    )
    c.refresh_from_db()
    assert c.overdue_since == date(2026, 11, 23)  # ran in-process instead

    other = make_commitment(date(2026, 6, 30))
    cmd = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "flag_overdue",
            "--today",
            TODAY,
            "--format",
            "json",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": private_redis.url,
        },
    )
    assert cmd.returncode == 0, cmd.stderr
    assert json.loads(cmd.stdout)["newly_overdue"] == 1

    private_redis.start()
    celery_worker_factory(broker_url=private_redis.url).start()
    late = make_commitment(date(2026, 10, 1))
    Commitment.objects.filter(pk=other.pk).update(
        status=Status.FULFILLED, overdue_since=None
    )
    proc = run_django(
        "from commitments.tasks import flag_overdue; print(flag_overdue.delay(today='2026-11-23').id)",
        CELERY_BROKER_URL=private_redis.url,
    )
    assert proc.returncode == 0, proc.stderr
    assert "broker unreachable" not in proc.stderr
    wait_for(
        lambda: Commitment.objects.filter(
            pk=late.pk, overdue_since__isnull=False
        ).exists(),
        what="the worker on the restarted Redis",
    )


# --- the embedded mode: the filesystem broker -----------------------------------------------------


@pytest.mark.worker
def test_it_runs_through_the_filesystem_broker(celery_worker_factory, tmp_path):
    c = make_commitment(date(2026, 6, 30))
    fs = {"CELERY_BROKER_DIR": str(tmp_path / "broker"), "CELERY_RESULT_BACKEND": ""}
    celery_worker_factory(broker_url="filesystem://", **fs).start()
    proc = run_django(
        "from commitments.tasks import flag_overdue; print(flag_overdue.delay(today='2026-11-23').id)",
        CELERY_BROKER_URL="filesystem://",
        **fs,
    )
    assert proc.returncode == 0, proc.stderr
    assert "broker unreachable" not in proc.stderr
    wait_for(
        lambda: Commitment.objects.filter(
            pk=c.pk, overdue_since__isnull=False
        ).exists(),
        what="the worker on the filesystem broker",
    )
    assert OverdueEvent.objects.filter(commitment=c).count() == 1
    assert Path(tmp_path / "broker" / "out").is_dir()
