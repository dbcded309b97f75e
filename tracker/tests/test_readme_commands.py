"""Every command the README names runs in CI at least once on a small input (developers' guide).

``test_every_readme_command_is_exercised_by_a_test`` reads the README for ``python manage.py <command>``
and fails when no test file names the command: a new command cannot rot unnoticed. The tests below run
the four that no other test ran.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from commitments.models import Commitment, FulfilmentSuggestion

ROOT = Path(__file__).resolve().parents[2]
DJANGO_OWN = {"createsuperuser", "migrate", "runserver", "shell", "collectstatic", "compilemessages"}


def readme_commands() -> set[str]:
    return set(re.findall(r"manage\.py ([a-z_]+)", (ROOT / "README.md").read_text(encoding="utf-8"))) - DJANGO_OWN


def test_every_readme_command_is_exercised_by_a_test():
    tests = "\n".join(
        p.read_text(encoding="utf-8") for p in ROOT.glob("*/tests/test_*.py") if ".venv" not in p.parts
    )
    commands = readme_commands()
    assert {"ingest", "extract_commitments", "flag_overdue", "sync_tk"} <= commands  # the reader works
    missing = sorted(c for c in commands if not re.search(rf"[\"']{c}[\"']", tests))
    assert missing == [], f"README commands no test runs: {missing}"


def test_evaluate_extraction_scores_the_stored_model_on_the_check_sets():
    out = io.StringIO()
    call_command("evaluate_extraction", "--skip-lomo", "--sets", "real", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    check = report["check"]["overall"]
    sets = sorted(d for d in (ROOT / "commitments/tests/gold_real").iterdir() if d.name.startswith("check"))
    texts = [t for d in sets for t in (d / "corpus").iterdir() if t.name != "manifest.json"]
    annotations = [line for d in sets for f in d.glob("*.jsonl")
                   for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert check["documents"] >= len(list(sets[0].glob("*.jsonl"))) and texts
    assert 0 < check["gold"] <= len(annotations)
    assert 0.0 <= check["precision"] <= 1.0 and 0.0 <= check["recall"] <= 1.0
    assert check["tp"] <= check["gold"] and check["tp"] + check["fp"] > 0
    assert sum(m["documents"] for m in report["check"]["by_ministry"].values()) == check["documents"]
    # the second annotation of 160 real letters, each annotation scored against the other
    second, first = report["agreement real: second vs first"]["overall"], report["agreement real: first vs second"]["overall"]
    assert second["documents"] == first["documents"] == 160
    assert second["tp"] <= first["gold"] and first["tp"] <= second["gold"] and 0 < second["f1"] < 1
    assert not any(k.startswith("agreement real: lomo") for k in report)  # --skip-lomo: no cross-validated extractor
    # on the frozen check set, the stored model against either annotation: against the first, the check report itself
    assert report["agreement check: model vs first"]["overall"] == check
    assert report["agreement check: second vs first"]["overall"]["documents"] == check["documents"]
    # per band of the confidence shown, how often the check set's proposals were promises: every proposal not on a
    # borderline item is in a band, and the calibrated confidences say less than the scores did
    shown, scores = report["confidence"]["check, as shown"], report["confidence"]["check, the score alone"]
    assert shown["proposals"] == scores["proposals"] == check["tp"] + check["fp"] + check["duplicates"]
    assert sum(b["proposals"] for b in shown["bands"]) == shown["proposals"]
    assert shown["ece"] < scores["ece"]
    assert "lomo, as shown" not in report["confidence"]  # --skip-lomo


def test_make_review_decisions_rebuilds_the_fixture_entries_of_the_annotated_documents(tmp_path):
    # gold_extra annotates corpus documents 003 and 004 (the rest of the annotations live in ../shared)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ("003_3dae4a2d5cfb7524.txt", "004_23a8b92f44a7dc28.txt")
    manifest = json.loads((ROOT / "fixtures/corpus/manifest.json").read_text(encoding="utf-8"))
    (corpus / "manifest.json").write_text(json.dumps([e for e in manifest if e["file"] in names]), encoding="utf-8")
    for name in names:
        (corpus / name).write_bytes((ROOT / "fixtures/corpus" / name).read_bytes())
    out = tmp_path / "decisions.json"
    call_command("make_review_decisions", "--corpus", str(corpus), "--gold", str(ROOT / "commitments/tests/gold_extra"),
                 "--out", str(out), stdout=io.StringIO())
    made = json.loads(out.read_text(encoding="utf-8"))["decisions"]
    stored = json.loads((ROOT / "fixtures/review_decisions.json").read_text(encoding="utf-8"))["decisions"]
    assert {d["document"] for d in made} == set(names)
    # 004 is not the newest letter in either run: its decisions are the stored fixture's, entry for entry
    older = names[1]
    assert [d for d in made if d["document"] == older] == [d for d in stored if d["document"] == older]


@pytest.mark.django_db
def test_generate_tk_night_writes_a_folder_sync_tk_reads(tmp_path):
    call_command("generate_tk_night", "--output", str(tmp_path / "night"), "--documents", "3",
                 "--toezeggingen", "5", stdout=io.StringIO())
    files = list((tmp_path / "night").rglob("*"))
    assert any(f.is_file() for f in files)
    out = io.StringIO()
    call_command("sync_tk", "--source", str(tmp_path / "night"), "--dry-run", "--format", "json", stdout=out)
    report = json.loads(out.getvalue())
    assert report["dry_run"] is True and report["writes"] == 0
    assert report["counts"]["documents_read"] == 3 and report["counts"]["toezeggingen_read"] == 5
    assert report["counts"]["would_create_commitments"] == 5
    assert not Commitment.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_refresh_suggestions_recomputes_and_keeps_dismissed(tmp_path):
    from ingestion.pipeline import ingest_file

    corpus = ROOT / "fixtures/corpus"
    letter = ingest_file(corpus / "001_3eec2496caf3007a.txt", doc_type="kamerbrief",
                         date=__import__("datetime").date(2024, 12, 16)).document
    Commitment.objects.filter(document=letter).update(status="openstaand")
    vso = ingest_file(corpus / "000_f3750f973495ae9b.txt", doc_type="vso",
                      date=__import__("datetime").date(2025, 4, 15)).document
    FulfilmentSuggestion.objects.all().delete()
    call_command("refresh_suggestions", stdout=io.StringIO())
    stored = FulfilmentSuggestion.objects.filter(document=vso)
    assert stored.exists()
    first = stored.order_by("rank").first()
    first.state = "dismissed"
    first.save()
    call_command("refresh_suggestions", "--document", str(vso.pk), stdout=io.StringIO())
    assert FulfilmentSuggestion.objects.get(pk=first.pk).state == "dismissed"
