"""Issue 15 item 3: the ingest reports progress (the upload's heartbeat) from the reader and the
extractor, before the transaction that stores; what the callback raises stops it with nothing stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from commitments.models import Commitment
from documents.models import Document
from documents.tests.builders import make_letter_pdf
from ingestion.pipeline import ingest_file
from web.tests.test_griffie_upload import HEADER, PARAGRAPHS, SIGNATURE

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


class Stop(Exception):
    pass


def test_a_pdf_reports_each_page_then_the_extraction_then_the_store(tmp_path):
    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS * 25, SIGNATURE)  # four pages
    calls: list[tuple[str, int, int]] = []

    def progress(stage, done, total):
        calls.append((stage, done, total))
        if stage == "store":  # nothing stored yet when the last stage is announced
            assert not Document.objects.exists()

    result = ingest_file(pdf, doc_type="kamerbrief", progress=progress)
    assert result.status == "created", result.message

    pages = [(d, t) for s, d, t in calls if s == "read" and d]
    assert pages == [(1, 4), (2, 4), (3, 4), (4, 4)]
    stages = [s for s, _d, _t in calls]
    assert stages.index("extract") > stages.index("read") and stages[-1] == "store"
    extract = [(d, t) for s, d, t in calls if s == "extract" and d]
    assert len(extract) >= 2 and extract[-1][0] == extract[-1][1]  # up to 100 %
    assert all(d <= t for d, t in extract)


def test_a_long_text_reports_progress_all_through_the_extraction():
    calls = []
    ingest_file(CORPUS / "002_0a29cf3916a2a4d9.txt", progress=lambda s, d, t: calls.append((s, d, t)))
    extract = [d / t for s, d, t in calls if s == "extract" and t > 1]
    assert len(extract) > 50  # per passage and per scored sentence, not once at the end
    assert extract == sorted(extract)
    assert min(extract) < 0.1 and max(extract) == 1.0


@pytest.mark.parametrize("stage", ["read", "extract", "store"])
def test_what_the_progress_callback_raises_stops_the_ingest_with_nothing_stored(tmp_path, stage):
    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS * 25, SIGNATURE)

    def progress(s, done, total):
        if s == stage and (done or stage == "store"):
            raise Stop(stage)

    with pytest.raises(Stop):  # passed through as it is, never reported as an unreadable file
        ingest_file(pdf, doc_type="kamerbrief", progress=progress)
    assert not Document.objects.exists() and not Commitment.objects.exists()
