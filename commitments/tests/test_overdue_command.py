"""``manage.py flag_overdue``: the synchronous command and its JSON contract."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.models import Motion, OverdueEvent, Status

from .overdue_helpers import make_commitment, make_document


def run(*args: str) -> str:
    out = StringIO()
    call_command("flag_overdue", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_it_prints_the_json_contract():
    doc = make_document(kamerstuk="31497-510", ministry="Ministerie van VWS")
    late = make_commitment(
        date(2026, 7, 3), document=doc, quote="Vóór de zomer informeer ik uw Kamer."
    )
    late.motions.add(Motion.objects.create(key="31497-507", name="motie Westerveld"))
    make_commitment(date(2026, 12, 31), document=doc)
    make_commitment(date(2026, 1, 1), status=Status.FULFILLED, document=doc)

    data = json.loads(run("--today", "2026-11-23", "--format", "json"))
    assert data == {
        "today": "2026-11-23",
        "newly_overdue": 1,
        "cleared": 0,
        "overdue": [
            {
                "id": late.pk,
                "quote": "Vóór de zomer informeer ik uw Kamer.",
                "due_date": "2026-07-03",
                "status": "openstaand",
                "days_late": 143,
                "motions": ["31497-507"],
                "document": "31497-510",
                "ministry": "Ministerie van VWS",
            }
        ],
    }
    again = json.loads(run("--today", "2026-11-23", "--format", "json"))
    assert (again["newly_overdue"], again["cleared"], len(again["overdue"])) == (
        0,
        0,
        1,
    )

    later = json.loads(run("--today", "2027-01-01", "--format", "json"))
    assert (later["newly_overdue"], later["cleared"], len(later["overdue"])) == (
        1,
        0,
        2,
    )
    assert later["overdue"][0]["days_late"] == 182


@pytest.mark.django_db
def test_it_prints_text():
    make_commitment(date(2026, 1, 1), quote="Ik stuur de evaluatie.")
    out = run("--today", "2026-11-23")
    assert "2026-11-23: 1 nieuw te laat, 0 niet meer te laat" in out
    assert "Ik stuur de evaluatie." in out
    assert "1 toezeggingen te laat" in out


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["2026-13-01", "23-11-2026", "morgen", "20261123", ""])
def test_it_rejects_a_malformed_date_and_changes_nothing(bad):
    c = make_commitment(date(2026, 1, 1))
    with pytest.raises(CommandError, match="--today"):
        run("--today", bad, "--format", "json")
    c.refresh_from_db()
    assert c.overdue_since is None
    assert not OverdueEvent.objects.exists()


def test_it_exits_non_zero_on_a_malformed_date(tmp_path):
    import subprocess
    import sys

    from django.conf import settings

    proc = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "flag_overdue",
            "--today",
            "2026-02-30",
            "--skip-checks",
        ],
        cwd=settings.BASE_DIR,
        capture_output=True,
        check=False,
        text=True,
        env={**__import__("os").environ, "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"},
    )
    assert proc.returncode != 0
    assert "--today" in proc.stderr


@pytest.mark.django_db(transaction=True)  # the benchmark VACUUMs, which no transaction may surround
def test_benchmark_overdue_runs_on_postgresql_with_every_required_column_filled():
    """Issue 15, item 11: its loader had not followed the columns copied onto the commitment
    (``letter_date``, ``committee``) and crashed with ``null value in column "committee"``."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("benchmark_overdue needs PostgreSQL")
    out = StringIO()
    call_command("benchmark_overdue", "--rows", "2000", "--format", "json", stdout=out, stderr=StringIO())
    report = json.loads(out.getvalue())
    assert report["rows"] == 2000
    assert 0 < report["newly_overdue"] < 2000
    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'bench_overdue_%%'")
        assert cur.fetchone()[0] == 0  # the scratch schemas are gone
