"""benchmark_limits (issue 15) on a small input: every generated file is ingested in its own process, the
files within the (lowered) limits are stored and rolled back, those beyond are refused in Dutch, nothing
stays in the database."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from commitments.models import Commitment
from documents.models import Document


@pytest.mark.django_db(transaction=True)
def test_benchmark_limits_measures_files_within_and_beyond_the_limits(settings):
    settings.DOCUMENT_MAX_PAGES = 3
    settings.UPLOAD_MAX_BYTES = 300_000
    settings.DOCUMENT_MAX_CHARS = 30_000
    settings.DOCX_MAX_UNCOMPRESSED_BYTES = 2 * 1024 * 1024
    out = StringIO()
    call_command("benchmark_limits", pages="1,2", paragraphs=6, text_chars=3000, dates="30", format="json", stdout=out)
    report = json.loads(out.getvalue())
    by_case = {r["case"]: r for r in report["files"]}
    within = [r for r in report["files"] if r["within"]]
    assert {r["case"] for r in within} == {"pdf 1 pages", "pdf 2 pages", "docx 6 paragraphs", "text 3000 characters",
                                           "one sentence of 30 dates"}
    for r in within:
        assert r["status"] == "created", r
        assert r["documents_stored"] == 1 and r["commitments_stored"] == r["commitments"]
        assert 0 < r["base_rss_mb"] <= r["peak_rss_mb"]
        assert r["seconds"] > 0 and r["process_seconds"] >= r["seconds"]
    assert by_case["pdf 2 pages"]["commitments"] > by_case["pdf 1 pages"]["commitments"] > 0
    refused = {r["limit"]: r for r in report["files"] if not r["within"]}
    assert set(refused) == {"DOCUMENT_MAX_PAGES", "PDF_MAX_PAGE_AREA_A0", "DOCX_MAX_UNCOMPRESSED_BYTES",
                            "UPLOAD_MAX_BYTES", "DOCUMENT_MAX_CHARS"}
    for r in refused.values():
        assert r["status"] == "error" and r["documents_stored"] == 0 and r["commitments_stored"] == 0, r
    assert "meer dan 3 pagina's" in refused["DOCUMENT_MAX_PAGES"]["message"]
    assert "tekens" in refused["DOCUMENT_MAX_CHARS"]["message"]
    assert "Word-bestand" in refused["DOCX_MAX_UNCOMPRESSED_BYTES"]["message"]
    assert "groot" in refused["UPLOAD_MAX_BYTES"]["message"]
    summary = report["summary"]
    assert summary["within_ok"] and summary["beyond_refused"] and summary["beyond_stored"] == 0
    assert [p["pages"] for p in summary["pdf_seconds_per_page"]] == [1, 2]
    # everything was rolled back
    assert Document.objects.count() == 0 and Commitment.objects.count() == 0


def test_benchmark_limits_refuses_page_counts_beyond_the_limit():
    with pytest.raises(CommandError, match="DOCUMENT_MAX_PAGES"):
        call_command("benchmark_limits", pages="5000", stdout=StringIO())
