"""Fulfilment suggestions on the real corpus: the story, the command contract, the evaluation command.

The corpus is ingested once per test (Frog needed, about 40 s), as ``ingest`` stores it: every
extracted commitment a proposal (the griffie sees proposals; suggestions include them).
"""

from __future__ import annotations

import json
import subprocess
import sys
from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.fulfilment import LetterView, evidence_text, rank, refresh_all
from commitments.models import Commitment, FulfilmentSuggestion, SuggestionKind
from documents.models import Document
from ingestion.fulfilment_eval import ingest_corpus

CORPUS = settings.BASE_DIR / "fixtures" / "corpus"
VSO_2025 = CORPUS / "000_f3750f973495ae9b.txt"
HANDREIKING = "handreiking aan het ontwikkelen om kinderopvangorganisaties"


def db_snapshot() -> dict:
    """Every row of every model of the project's apps, as values: equal snapshots, unchanged database."""
    snap = {}
    for label in ("documents", "commitments", "web"):
        for model in apps.get_app_config(label).get_models():
            snap[model._meta.label] = sorted(
                json.dumps(row, default=str, sort_keys=True) for row in model.objects.values()
            )
    return snap


@pytest.mark.django_db
def test_the_vso_of_2025_answers_the_letter_of_december_2024_and_the_command_changes_nothing():
    ingest_corpus()
    # Ingest stores each letter's suggestions at once; the VSO came first, so refresh now that all are in.
    refresh_all()
    vso = Document.objects.get(source_name=VSO_2025.name)
    december = Document.objects.get(kamerstuk="31839-1050")

    stored = list(FulfilmentSuggestion.objects.filter(document=vso).select_related("commitment").order_by("rank"))
    assert stored, "the VSO of April 2025 should have suggestions"
    # Its best three are commitments of the letter it answers (it cites 31 839, nr. 1050 and names its date) ...
    assert [s.commitment.document_id for s in stored[:3]] == [december.pk] * 3
    # ... and among its best four (the VSO takes up four of that letter's promises: the screening, the leidraad,
    # "naast kennisdeling onderzoeken we …" and the handreiking) the handreiking inclusieve kinderopvang, which
    # the VSO says comes "voor de zomer".
    top4 = {s.commitment.quote for s in stored[:4]}
    assert any(HANDREIKING in q or "In de handreiking zullen ook voorbeelden" in q for q in top4), top4
    first = stored[0]
    texts = first.evidence_texts
    assert any("31839-1050" in t for t in texts) and any("16 december 2024" in t for t in texts), texts
    assert first.score >= stored[-1].score
    # Never the VSO's own commitments, never a commitment of a later letter.
    assert all(s.commitment.document_id != vso.pk for s in stored)
    assert all(s.commitment.letter_date <= vso.date for s in stored)

    # The December letter answers the beleidsreactie "Druk op de keten" promised in May 2024 (31 497, nr. 475).
    december_top3 = [s.commitment.quote for s in rank(LetterView.from_document(december), limit=3)]
    assert any("Druk op de keten" in q for q in december_top3), december_top3

    # The command: the same ranking read from the file, as JSON, best first, and the database unchanged.
    before = db_snapshot()
    out = StringIO()
    call_command("suggest_fulfilment", str(VSO_2025), "--date", "2025-04-15", "--type", "vso",
                 "--format", "json", stdout=out)
    assert db_snapshot() == before
    suggestions = json.loads(out.getvalue())["suggestions"]
    assert suggestions
    for s in suggestions:
        assert set(s) >= {"commitment_id", "quote", "kind", "score", "new_due_date", "evidence"}
        assert s["kind"] in ("fulfils", "partly", "postpones")
        assert (s["new_due_date"] is not None) == (s["kind"] == "postpones")
        assert isinstance(s["evidence"], list) and s["evidence"]
    scores = [s["score"] for s in suggestions]
    assert scores == sorted(scores, reverse=True)
    assert [s["commitment_id"] for s in suggestions[:3]] == [s.commitment_id for s in stored[:3]]
    assert Commitment.objects.get(pk=suggestions[0]["commitment_id"]).document_id == december.pk
    postponed = [s for s in suggestions if s["kind"] == "postpones"]
    for s in postponed:  # a new date by the deadline conventions, after the letter
        assert s["new_due_date"] > "2025-04-15"

    # The evaluation command runs on the same corpus and leaves the database as it was.
    out = StringIO()
    call_command("evaluate_suggestions", "--format", "json", stdout=out, stderr=StringIO())
    assert db_snapshot() == before
    figures = json.loads(out.getvalue())
    assert figures["all"]["letters"] == 14 and figures["all"]["pairs"] == 16
    # Floors under the figures measured when the weights were set (README): a regression fails here.
    assert figures["dev"]["top3"] >= 0.85
    assert figures["all"]["top1"] >= 0.7
    assert figures["all"]["top3"] >= 0.85


@pytest.mark.django_db
def test_bad_input_is_refused_with_a_message(tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("suggest_fulfilment", str(VSO_2025), "--date", "15-04-2025")
    with pytest.raises(CommandError, match="between 1990 and 2100"):
        call_command("suggest_fulfilment", str(VSO_2025), "--date", "2525-04-15")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("suggest_fulfilment", str(tmp_path / "missing.txt"), "--date", "2025-04-15")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("suggest_fulfilment", str(empty), "--date", "2025-04-15")


def test_the_command_exits_non_zero_on_a_bad_date():
    proc = subprocess.run(
        [sys.executable, "manage.py", "suggest_fulfilment", str(VSO_2025), "--date", "2025-13-01", "--format", "json"],
        cwd=settings.BASE_DIR, capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode != 0
    assert "--date must be YYYY-MM-DD" in proc.stderr
    assert proc.stdout == ""


def test_evidence_reads_in_dutch_and_english():
    from django.utils import translation

    item = {"feature": "cites_letter", "params": {"key": "31839-1050"}}
    with translation.override("nl"):
        assert evidence_text(item) == "citeert Kamerstuk 31839-1050, de brief met de toezegging"
    with translation.override("en"):
        assert "31839-1050" in evidence_text(item) and "citeert" not in evidence_text(item)
    assert SuggestionKind.POSTPONES == "postpones"
