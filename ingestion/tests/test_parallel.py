"""Ingest with worker processes (ingestion.parallel): the same rows as one by one, sooner; workers never query."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection, transaction

from commitments.models import Commitment, FulfilmentSuggestion, Status
from documents.ministries import canonical_ministry
from documents.models import Document
from ingestion import parallel
from ingestion.parallel import WorkerQueried, ingest_files, usable
from ingestion.pipeline import Job
from web.tests.factories import DocumentFactory, DossierFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
REAL = ROOT / "commitments" / "tests" / "gold_real" / "dev-a" / "corpus"


def batch(tmp_path: Path) -> list[Job]:
    """Two corpus documents and four real letters (their manifest values), the same content twice, another text
    under a Kamerstuk number the batch already holds, and a broken PDF."""
    jobs = []
    for folder, names in ((CORPUS, ("001_", "004_")), (REAL, ("101_", "102_", "104_", "105_"))):
        for e in json.loads((folder / "manifest.json").read_text()):
            if e["file"].startswith(names):
                jobs.append(Job(folder / e["file"], doc_type=e["type"], date=dt.date.fromisoformat(e["date"]),
                                ministry=e["ministry"], kamerstuk=e["kamerstuk"], subject=e["subject"]))
    again = tmp_path / "again.txt"
    shutil.copy(jobs[2].path, again)
    other = tmp_path / "other.txt"
    other.write_text(jobs[2].path.read_text() + "\nEen andere slotzin.\n")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    return jobs[:3] + [Job(again, date=jobs[2].date), Job(other, date=jobs[2].date, kamerstuk=jobs[2].kamerstuk),
                       Job(broken)] + jobs[3:]


def outcome(result) -> tuple[str, str, str, int]:
    return (result.status, Path(result.path).name, re.sub(r"document \d+", "document N", result.message),
            result.commitments)


def snapshot() -> dict:
    """Everything an ingest stores that a reader sees, without row ids (the two runs number rows differently)."""
    return {
        "documents": sorted((d.sha256, d.source_name, str(d.date), d.kamerstuk, d.type, d.ministry, d.subject,
                             d.passages.count(), d.references.count()) for d in Document.objects.all()),
        "commitments": sorted((c.document.sha256, c.passage.index if c.passage else None, c.quote, str(c.due_date),
                               c.deadline_phrase, c.status, c.confidence, c.kind, c.actor, c.deliverable,
                               tuple(sorted(m.key for m in c.motions.all())), str(c.overdue_since))
                              for c in Commitment.objects.select_related("document", "passage")),
        "suggestions": sorted((s.document.sha256, s.commitment.quote, s.kind, round(s.score, 4), s.rank)
                              for s in FulfilmentSuggestion.objects.select_related("document", "commitment")),
    }


def open_promise_a_letter_of_the_batch_answers() -> Commitment:
    """An earlier letter's promise, confirmed, in the dossier of letter 102 (the Schoolkostenmonitor 2018/2019)."""
    ocw = canonical_ministry("OCW (minister van Onderwijs, Cultuur en Wetenschap)")
    earlier = DocumentFactory(dossier=DossierFactory(number="31293"), ondernummer=440, date=dt.date(2018, 9, 3),
                              ministry=ocw, subject="Schoolkosten")
    return Commitment.objects.create(
        document=earlier, quote="Wij sturen uw Kamer begin 2019 de nieuwe Schoolkostenmonitor met onze reactie.",
        deliverable="de Schoolkostenmonitor 2018/2019", status=Status.OPEN, ministry=ocw,
        due_date=dt.date(2019, 3, 31), letter_date=earlier.date)


def test_workers_store_exactly_what_one_by_one_stores_and_report_it_in_order(tmp_path):
    assert connection.vendor == "postgresql" and usable(2) == 2  # the test command's database: workers run
    jobs = batch(tmp_path)
    promise = open_promise_a_letter_of_the_batch_answers()
    with transaction.atomic():
        one = [outcome(r) for r in ingest_files(jobs, workers=1)]
        alone = snapshot()
        transaction.set_rollback(True)
    assert Document.objects.count() == 1
    two = [outcome(r) for r in ingest_files(jobs, workers=2)]
    assert two == one
    assert snapshot() == alone
    statuses = [o[0] for o in two]
    assert statuses.count("created") == 6 and statuses[3] == "unchanged", two
    assert statuses[4] == "error" and "is already stored with a different text" in two[4][2], two
    assert statuses[5] == "error" and two[5][1] == "broken.pdf", two
    assert len(alone["commitments"]) >= 20
    assert any(s[1] == promise.quote for s in alone["suggestions"]), alone["suggestions"]


def _counting_documents(job, sha, calendar):
    return Document.objects.count()  # what a worker must never do


def test_a_worker_that_would_query_the_database_fails_loudly_and_the_parent_goes_on(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "_analyse", _counting_documents)
    with pytest.raises(WorkerQueried, match="must not query the database"):
        list(ingest_files(batch(tmp_path)[:2], workers=2))
    assert Document.objects.count() == 0  # and this process's connection still works


def test_the_ingest_command_takes_workers_and_refuses_fewer_than_one(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    for name in ("001_3eec2496caf3007a.txt", "004_23a8b92f44a7dc28.txt"):
        shutil.copy(CORPUS / name, folder / name)
    shutil.copy(CORPUS / "manifest.json", folder / "manifest.json")
    out = StringIO()
    call_command("ingest", str(folder), workers=2, stdout=out, stderr=StringIO())
    lines = [line for line in out.getvalue().splitlines() if line.startswith("created")]
    assert [Path(line.split()[1]).name for line in lines] == ["001_3eec2496caf3007a.txt", "004_23a8b92f44a7dc28.txt"]
    assert Document.objects.count() == 2
    with pytest.raises(CommandError, match="--workers must be at least 1"):
        call_command("ingest", str(folder), workers=0, stdout=StringIO(), stderr=StringIO())


def test_a_daemonic_process_ingests_one_by_one(monkeypatch):
    """A Celery pool process is daemonic and may not have children: there ``ingest_files`` works alone."""
    import multiprocessing

    assert usable(3) == 3
    monkeypatch.setattr(multiprocessing.current_process(), "daemon", True, raising=False)
    assert usable(3) == 1
