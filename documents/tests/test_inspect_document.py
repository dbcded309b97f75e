"""inspect_document: reads a file and prints what ingest would store, without the database."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"


def test_it_inspects_a_vso_without_touching_the_database():
    # No django_db mark: any query would fail the test.
    out = StringIO()
    if True:
        call_command("inspect_document", str(CORPUS / "002_0a29cf3916a2a4d9.txt"), "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["document"]["type"] == "vso"
    assert data["document"]["date"] == "2026-05-20"
    assert "31497-507" in data["references"]
    assert any(m["key"] == "31497-507" for m in data["motions"])
    assert data["fracties"][:1] and all(not f.endswith("-fractie") for f in data["fracties"])
    assert len(data["answers"]) >= 20
    assert all(a["fractie"] for a in data["answers"])
    assert data["passages"] > 50


def test_it_names_an_unreadable_file_in_inspect_document(tmp_path):
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    with pytest.raises(CommandError, match="kapot.pdf"):
        call_command("inspect_document", str(bad), stdout=StringIO())
