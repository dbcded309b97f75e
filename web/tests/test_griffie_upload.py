"""Issue 14, item 6: an upload is read at once; date, type, ministry and Kamerstuk number are
pre-filled for the clerk to confirm, and only the confirmation ingests the letter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from documents.tests.builders import make_letter_pdf
from web.models import UploadJob, UploadStatus

from .griffie_factories import DocumentFactory

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
VSO_2026 = CORPUS / "002_0a29cf3916a2a4d9.txt"  # VSO answers of 20 May 2026 (VWS)

HEADER = [
    "> Retouradres Postbus 20350 2500 EJ Den Haag",
    "De Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Kamerstuk 31839-1050",
    "Datum 16 december 2024",
    "Betreft Beleidsreactie op het onderzoeksrapport Druk op de Keten",
    "Geachte voorzitter,",
]
PARAGRAPHS = [
    ("Met deze brief stuur ik uw Kamer de beleidsreactie op het onderzoeksrapport Druk op de Keten.", {}),
    ("Ik zal uw Kamer voor het einde van 2025 informeren over de uitkomsten van de verkenning.", {}),
]
SIGNATURE = ["Hoogachtend,", "de staatssecretaris van Volksgezondheid,", "Welzijn en Sport,", "V.P.G. Karremans"]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def eager():
    from tracker.celery import app

    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def upload(client, path: Path):
    return client.post(reverse("web:upload"), {"file": SimpleUploadedFile(path.name, path.read_bytes())})


def test_it_prefills_date_type_and_ministry_from_a_corpus_file(client_clerk):
    response = upload(client_clerk, VSO_2026)
    job = UploadJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("web:confirm_upload", args=[job.pk])
    assert (job.status, job.date, job.doc_type, job.ministry) == (UploadStatus.DRAFT, dt.date(2026, 5, 20), "vso", "VWS")
    assert not Document.objects.exists()  # nothing is ingested before the clerk confirms
    page = client_clerk.get(response["Location"]).content.decode()
    assert 'name="date" value="2026-05-20"' in page
    assert '<option value="vso" selected>' in page
    assert 'name="ministry" value="VWS"' in page
    assert "Verbeteraanpak Zorg in Onderwijstijd" in page  # the subject read from the file
    # The job page of a draft sends the clerk to confirm first.
    assert client_clerk.get(job.get_absolute_url())["Location"] == response["Location"]


def test_it_prefills_the_kamerstuk_number_from_a_generated_pdf_and_ingests_on_confirm(
    client_clerk, tmp_path, eager, django_capture_on_commit_callbacks
):
    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE)
    response = upload(client_clerk, pdf)
    job = UploadJob.objects.get()
    assert (job.date, job.doc_type, job.ministry, job.kamerstuk) == (
        dt.date(2024, 12, 16), "kamerbrief", "VWS", "31839-1050")
    page = client_clerk.get(response["Location"]).content.decode()
    assert 'name="kamerstuk" value="31839-1050"' in page and 'name="date" value="2024-12-16"' in page
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = client_clerk.post(response["Location"], {
            "date": "2024-12-16", "doc_type": "kamerbrief", "ministry": "Volksgezondheid, Welzijn en Sport",
            "kamerstuk": "Kamerstuk 31 839, nr. 1050"})
    assert confirmed["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == UploadStatus.DONE, job.message
    document = job.document
    assert (document.kamerstuk, document.date, document.ministry) == (
        "31839-1050", dt.date(2024, 12, 16), "VWS")  # the ingest stores the abbreviation
    assert document.display_title.endswith("Beleidsreactie op het onderzoeksrapport Druk op de Keten")


def test_it_refuses_a_kamerstuk_number_of_another_document_and_changes_nothing(client_clerk, tmp_path):
    DocumentFactory(kamerstuk="31839-1050", subject="Een andere brief")
    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE)
    location = upload(client_clerk, pdf)["Location"]
    response = client_clerk.post(location, {"date": "2024-12-16", "doc_type": "kamerbrief", "ministry": "",
                                            "kamerstuk": "31839-1050"})
    assert response.status_code == 400
    assert "Kamerstuk 31839-1050 hoort al bij een ander ingelezen document:" in response.content.decode()
    assert UploadJob.objects.get().status == UploadStatus.DRAFT and Document.objects.count() == 1


def test_it_refuses_a_pdf_it_cannot_read_with_a_dutch_message(client_clerk):
    response = client_clerk.post(reverse("web:upload"), {
        "file": SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n1 0 obj kapot\n%%EOF")})
    assert response.status_code == 400
    assert "Dit bestand kon niet worden gelezen; er is niets opgeslagen." in response.content.decode()
    assert not UploadJob.objects.exists()


# Issue 15: limits a clerk understands, checked before parsing, nothing stored.

def confirm(client, location: str):
    return client.post(location, {"date": "2024-12-16", "doc_type": "kamerbrief", "ministry": "VWS"})


def test_the_upload_form_refuses_a_pdf_over_the_page_limit_before_reading_it(client_clerk, tmp_path, settings):
    from documents.tests.builders import make_pages_pdf

    settings.DOCUMENT_MAX_PAGES = 3
    response = upload(client_clerk, make_pages_pdf(tmp_path / "brief.pdf", 4))
    assert response.status_code == 400
    assert ("Dit bestand wordt niet ingelezen; er is niets opgeslagen. "
            "Het document heeft meer dan 3 pagina&#x27;s; de grens is 3 pagina&#x27;s.") in response.content.decode()
    assert not UploadJob.objects.exists() and not Document.objects.exists()


def test_the_upload_form_refuses_a_docx_zip_bomb(client_clerk, tmp_path):
    from documents.tests.builders import make_inflating_docx

    response = upload(client_clerk, make_inflating_docx(tmp_path / "brief.docx", 20 * 1024 * 1024))
    assert response.status_code == 400
    assert "Het Word-bestand is verdacht sterk ingepakt" in response.content.decode()
    assert not UploadJob.objects.exists() and not Document.objects.exists()


def test_the_upload_form_refuses_a_file_over_the_size_limit(client_clerk, settings):
    settings.UPLOAD_MAX_BYTES = 1000
    response = client_clerk.post(reverse("web:upload"), {
        "file": SimpleUploadedFile("brief.txt", b"Ik zal uw Kamer informeren.\n" * 100)})
    assert response.status_code == 400
    assert "Het bestand is 2,7 KB groot; de grens is 1000 bytes." in response.content.decode()
    assert not UploadJob.objects.exists()


@pytest.mark.parametrize("limit, expected", [
    ({"DOCUMENT_MAX_PAGES": 3}, "Het document heeft meer dan 3 pagina's; de grens is 3 pagina's."),
    ({"DOCUMENT_MAX_CHARS": 100}, "tekens tekst; de grens is 100 tekens."),
])
def test_the_upload_job_refuses_a_document_over_a_limit_and_stores_nothing(
    client_clerk, tmp_path, eager, django_capture_on_commit_callbacks, settings, limit, expected
):
    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS * 25, SIGNATURE)  # four pages
    location = upload(client_clerk, pdf)["Location"]
    for name, value in limit.items():  # lowered after the draft: the worker checks again
        setattr(settings, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client_clerk, location)
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.FAILED
    assert job.message.startswith("Het document kon niet worden ingelezen; er is niets opgeslagen. Oorzaak: ")
    assert expected in job.message
    assert not Document.objects.exists() and not job.file


def test_the_soft_time_limit_fails_the_job_with_a_dutch_message(
    client_clerk, eager, django_capture_on_commit_callbacks, monkeypatch, settings
):
    from celery.exceptions import SoftTimeLimitExceeded

    def too_slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr("ingestion.pipeline.ingest_file", too_slow)
    settings.UPLOAD_TASK_SOFT_TIME_LIMIT = 600
    location = upload(client_clerk, VSO_2026)["Location"]
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client_clerk, location)
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.FAILED
    assert job.message == ("Het document kon niet worden ingelezen; er is niets opgeslagen. Oorzaak: "
                           "het inlezen duurde langer dan 10 minuten en is afgebroken.")
    assert not Document.objects.exists()


def test_process_upload_has_a_soft_and_a_hard_time_limit(settings):
    from web.tasks import process_upload

    assert 0 < process_upload.soft_time_limit < process_upload.time_limit
    assert process_upload.soft_time_limit == settings.UPLOAD_TASK_SOFT_TIME_LIMIT


def test_the_soft_time_limit_while_a_pdf_is_read_is_reported_as_the_time_limit(
    client_clerk, tmp_path, eager, django_capture_on_commit_callbacks, monkeypatch, settings
):
    """The PDF reader reports its library's errors as "unreadable"; the time limit is not one."""
    from celery.exceptions import SoftTimeLimitExceeded

    from documents.reader import sources

    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE)
    location = upload(client_clerk, pdf)["Location"]

    def too_slow(*args, **kwargs):
        raise SoftTimeLimitExceeded()

    monkeypatch.setattr(sources, "_page_lines", too_slow)
    settings.UPLOAD_TASK_SOFT_TIME_LIMIT = 600
    with django_capture_on_commit_callbacks(execute=True):
        confirm(client_clerk, location)
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.FAILED
    assert job.message == ("Het document kon niet worden ingelezen; er is niets opgeslagen. Oorzaak: "
                           "het inlezen duurde langer dan 10 minuten en is afgebroken.")
    assert not Document.objects.exists()
