"""The ingest and inspect_document commands and the ingestion service, against the database."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from commitments.models import Commitment, Motion, Status
from documents.models import Document, Passage, Reference
from ingestion.pipeline import ingest_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
MANIFEST = {e["file"]: e for e in json.loads((CORPUS / "manifest.json").read_text())}


def run_ingest(*args: str) -> tuple[str, str, int]:
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
    except CommandError as exc:
        err.write(str(exc))
        code = 1
    return out.getvalue(), err.getvalue(), code


def table_counts() -> tuple[int, ...]:
    return (Document.objects.count(), Passage.objects.count(), Reference.objects.count(),
            Commitment.objects.count(), Motion.objects.count())


@pytest.mark.django_db
def test_it_ingests_the_corpus_with_manifest_values():
    out, err, code = run_ingest(str(CORPUS))
    assert code == 0, err
    assert sum(line.startswith("created") for line in out.splitlines()) == 5
    assert "5 documents: 5 created" in out
    for name, entry in MANIFEST.items():
        doc = Document.objects.get(source_name=name)
        assert doc.date.isoformat() == entry["date"]
        assert doc.type == entry["type"]
        assert doc.ministry in entry["ministry"]
        if entry["kamerstuk"]:
            assert doc.kamerstuk == entry["kamerstuk"]
        assert doc.passages.count() > 10
    vso = Document.objects.get(source_name="002_0a29cf3916a2a4d9.txt")
    assert vso.passages.filter(kind="answer", question__isnull=False).exists()
    assert Reference.objects.filter(key="31497-507").exists()
    assert Motion.objects.filter(key="31497-507").exists()
    assert Commitment.objects.filter(status=Status.PROPOSED).count() >= 40
    assert Commitment.objects.filter(due_date__isnull=False).count() >= 15


@pytest.mark.django_db
def test_it_changes_nothing_when_the_same_content_comes_again():
    run_ingest(str(CORPUS))
    before = table_counts()
    out, err, code = run_ingest(str(CORPUS))
    assert code == 0
    assert sum(line.startswith("unchanged") for line in out.splitlines()) == 5
    assert table_counts() == before


@pytest.mark.django_db
def test_it_reports_bad_files_and_still_processes_the_others(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "truncated.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog")
    (tmp_path / "truncated.docx").write_bytes(b"PK\x03\x04 not really a zip")
    good = tmp_path / "letter.txt"
    shutil.copy(CORPUS / "001_3eec2496caf3007a.txt", good)
    out, err, code = run_ingest(*(str(p) for p in sorted(tmp_path.iterdir())), "--date", "2024-12-16")
    assert code == 1
    for name in ("empty.txt", "binary.txt", "truncated.pdf", "truncated.docx"):
        line = next(line for line in err.splitlines() if name in line)
        assert line.startswith("error")
    assert "created" in out and "letter.txt" in out
    assert Document.objects.count() == 1


@pytest.mark.django_db
def test_it_refuses_a_malformed_date_and_an_unknown_type(tmp_path):
    doc = CORPUS / "001_3eec2496caf3007a.txt"
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("ingest", str(doc), "--date", "16-12-2024", stdout=StringIO(), stderr=StringIO())
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("ingest", str(doc), "--type", "nota", stdout=StringIO(), stderr=StringIO())
    result = ingest_file(doc, doc_type="nota")
    assert result.status == "error" and "nota" in result.message
    assert Document.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("bad", ["9999-12-31", "0001-01-01", "1989-12-31", "2101-01-01"])
def test_it_refuses_a_date_outside_1990_to_2100_and_changes_nothing(bad):
    """Issue 15, item 8: ``--date 9999-12-31`` raised ValueError (a deadline beyond year 9999)."""
    doc = CORPUS / "001_3eec2496caf3007a.txt"
    before = table_counts()
    with pytest.raises(CommandError, match="1990 and 2100"):
        call_command("ingest", str(doc), "--date", bad, stdout=StringIO(), stderr=StringIO())
    result = ingest_file(doc, date=dt.date.fromisoformat(bad))
    assert result.status == "error" and "1990" in result.message and "2100" in result.message
    assert table_counts() == before


@pytest.mark.django_db
def test_it_refuses_a_manifest_date_outside_1990_to_2100_per_file_and_ingests_the_rest(tmp_path):
    first, second = "000_f3750f973495ae9b.txt", "001_3eec2496caf3007a.txt"
    for name in (first, second):
        shutil.copy(CORPUS / name, tmp_path / name)
    entries = [{**MANIFEST[first], "date": "9999-12-31"}, MANIFEST[second]]
    (tmp_path / "manifest.json").write_text(json.dumps(entries))
    out, err, code = run_ingest(str(tmp_path))
    assert code == 1
    assert f"error     {tmp_path / first}" in err and "1990" in err
    assert "1 created" in out and "1 error" in out
    assert list(Document.objects.values_list("source_name", flat=True)) == [second]


@pytest.mark.django_db
def test_it_refuses_another_text_for_a_stored_kamerstuk_unless_replace(tmp_path):
    original = CORPUS / "001_3eec2496caf3007a.txt"
    first = ingest_file(original, date=None, kamerstuk="31839-1050")
    assert first.status == "created"
    commitment = first.document.commitments.order_by("id").first()
    Commitment.objects.filter(pk=commitment.pk).update(status=Status.OPEN)

    changed = tmp_path / "001_corrected.txt"
    changed.write_text(original.read_text(encoding="utf-8") + "\nEen rectificatie van een kleine fout.\n",
                       encoding="utf-8")
    refused = ingest_file(changed, kamerstuk="31839-1050")
    assert refused.status == "error"
    assert "31839-1050" in refused.message and "--replace" in refused.message
    assert Document.objects.count() == 1

    replaced = ingest_file(changed, kamerstuk="31839-1050", replace=True)
    assert replaced.status == "replaced"
    assert replaced.document.pk == first.document.pk
    assert Document.objects.count() == 1
    kept = Commitment.objects.get(pk=commitment.pk)
    assert kept.status == Status.OPEN  # the clerk's decision survived the replacement
    assert kept.passage is not None and kept.passage.document_id == first.document.pk


@pytest.mark.django_db(transaction=True)
def test_it_stores_a_document_once_when_ingested_concurrently():
    assert connection.vendor == "postgresql"
    path = CORPUS / "003_3dae4a2d5cfb7524.txt"
    results = []
    barrier = threading.Barrier(2)

    def worker():
        barrier.wait()
        try:
            results.append(ingest_file(path, date=None, flag=False).status)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == ["created", "unchanged"]
    assert Document.objects.count() == 1
