"""Issue 15: what one document may cost is checked before it is parsed; a file over a limit is
refused quickly, with a Dutch reason, and nothing is stored — by ingest_file and `manage.py ingest`."""

from __future__ import annotations

import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import translation

from documents.limits import LimitExceeded, check_file
from documents.models import Document
from ingestion.pipeline import ingest_file

from .builders import make_inflating_docx, make_pages_pdf

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


@pytest.fixture(autouse=True)
def dutch():
    with translation.override("nl"):
        yield


def refused(path: Path) -> str:
    """Ingest ``path``; assert it is refused within a second and stores nothing; return the reason."""
    before = Document.objects.count()
    start = time.perf_counter()
    result = ingest_file(path)
    elapsed = time.perf_counter() - start
    assert result.status == "error", result.message
    assert Document.objects.count() == before
    assert elapsed < 1.0, f"refusing took {elapsed:.2f} s"
    return result.message


@override_settings(DOCUMENT_MAX_PAGES=3)
def test_a_pdf_with_more_pages_than_the_limit_is_refused(tmp_path):
    pdf = make_pages_pdf(tmp_path / "brief.pdf", 4)
    assert refused(pdf) == "Het document heeft meer dan 3 pagina's; de grens is 3 pagina's."


@override_settings(DOCUMENT_MAX_PAGES=4)
def test_a_pdf_at_the_page_limit_is_not_refused(tmp_path):
    check_file(make_pages_pdf(tmp_path / "brief.pdf", 4))  # no LimitExceeded


def test_a_pdf_with_an_absurd_page_size_is_refused(tmp_path):
    pdf = make_pages_pdf(tmp_path / "brief.pdf", 1, pagesize=(14_400, 14_400))  # 5 × 5 m: 12 A0 sheets
    assert refused(pdf).startswith("Pagina 1 is onwaarschijnlijk groot (5 bij 5 meter; de grens is 10 keer A0)")


@override_settings(DOCX_MAX_UNCOMPRESSED_BYTES=1 * MB)
def test_a_docx_that_inflates_beyond_the_limit_is_refused_from_its_zip_directory(tmp_path):
    docx = make_inflating_docx(tmp_path / "brief.docx", 2 * MB, compressible=False)
    assert docx.stat().st_size > 500_000  # hex text: not a zip bomb, just large
    message = refused(docx)
    assert message.startswith("Het Word-bestand pakt uit tot ") and message.endswith("; de grens is 1,0 MB."), message


def test_a_docx_zip_bomb_is_refused_for_its_compression_ratio(tmp_path):
    docx = make_inflating_docx(tmp_path / "brief.docx", 20 * MB)  # 20 MB of spaces in about 20 KB
    assert docx.stat().st_size < 100_000
    assert refused(docx).startswith("Het Word-bestand is verdacht sterk ingepakt (customXml/filler.xml pakt ")


@override_settings(DOCUMENT_MAX_CHARS=1000)
def test_a_text_over_the_character_limit_is_refused(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_text("Ik zal uw Kamer voor het einde van 2025 informeren.\n" * 40, encoding="utf-8")
    assert refused(letter) == "Het document bevat 2.080 tekens tekst; de grens is 1.000 tekens."


@override_settings(UPLOAD_MAX_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused_unread(tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_bytes(b"Ik zal uw Kamer informeren.\n" * 100)
    assert refused(letter) == "Het bestand is 2,7 KB groot; de grens is 1000 bytes."


@override_settings(DOCUMENT_MAX_PAGES=3)
def test_the_ingest_command_reports_the_refusal_and_fails(tmp_path):
    pdf = make_pages_pdf(tmp_path / "brief.pdf", 4)
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError, match="1 of 1 documents could not be ingested"):
        call_command("ingest", str(pdf), stdout=out, stderr=err)
    assert "Het document heeft meer dan 3 pagina's" in err.getvalue()
    assert not Document.objects.exists()


def test_limits_are_settings_with_sensible_defaults(settings):
    assert settings.UPLOAD_MAX_BYTES == 20 * MB
    assert settings.DOCUMENT_MAX_PAGES == 300
    assert settings.DOCUMENT_MAX_CHARS == 2_000_000
    assert settings.DOCX_MAX_UNCOMPRESSED_BYTES == 50 * MB
    assert settings.CELERY_WORKER_MAX_MEMORY_PER_CHILD == 1_000_000
    assert LimitExceeded  # the exception callers catch
