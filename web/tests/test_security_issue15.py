"""Issue 15 (security probe): login throttling, date ranges, text encodings, no server paths in
upload messages, a Content-Security-Policy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from commitments.models import Commitment, DeadlineChange, Status
from web.models import UploadJob, UploadStatus
from web.uploads import run_upload

from .griffie_factories import ClerkFactory, CommitmentFactory, DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "geheim-wachtwoord-123"  # griffie_factories.UserFactory
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
LETTER_2024 = CORPUS / "003_3dae4a2d5cfb7524.txt"  # 10 May 2024, Kamerstuk 31497-475
VSO_2026 = CORPUS / "002_0a29cf3916a2a4d9.txt"  # VSO answers of 20 May 2026: its date is read from the text


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


# --------------------------------------------------------------------------- item 5: login throttling


@pytest.mark.parametrize("login_url", ["/accounts/login/", "/admin/login/"])
def test_it_locks_a_login_out_after_repeated_wrong_passwords(login_url, settings):
    user = UserFactory(is_staff=True, is_superuser=True)
    browser = Client()
    limit = settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        response = browser.post(login_url, {"username": user.username, "password": "fout"})
        assert response.status_code == 200  # the form again, with an error
    locked = browser.post(login_url, {"username": user.username, "password": "nog-steeds-fout"})  # the limit-th
    assert locked.status_code == 429
    assert f"Na {limit} mislukte pogingen is inloggen met deze gebruikersnaam vanaf dit adres geblokkeerd" \
        in locked.content.decode()
    assert "Probeer het over 30 minuten opnieuw." in locked.content.decode()
    # The right password no longer works from here during the cool-off period.
    right = browser.post(login_url, {"username": user.username, "password": PASSWORD})
    assert right.status_code == 429
    assert "_auth_user_id" not in browser.session
    # Another user from elsewhere is not affected (username + IP).
    other = UserFactory()
    elsewhere = Client(REMOTE_ADDR="10.1.2.3")
    ok = elsewhere.post("/accounts/login/", {"username": other.username, "password": PASSWORD})
    assert ok.status_code == 302


def test_a_successful_login_before_the_limit_still_works(client):
    user = ClerkFactory()
    for _attempt in range(2):
        client.post("/accounts/login/", {"username": user.username, "password": "fout"})
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD,
                                                "next": "/griffie/"})
    assert response.status_code == 302 and response["Location"] == "/griffie/"


# --------------------------------------------------------------------------- item 8: dates


def _open_commitment() -> Commitment:
    return CommitmentFactory(document=DocumentFactory(date=dt.date(2024, 5, 10)), status=Status.OPEN,
                             due_date=dt.date(2024, 7, 5), deadline_phrase="voor de zomer")


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1989-12-31", "2101-01-01"])
def test_it_refuses_a_postponement_outside_1990_to_2100(client_clerk, value):
    c = _open_commitment()
    letter = DocumentFactory(date=dt.date(2024, 12, 16))
    response = client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "uitgesteld"]), {
        "uitgesteld-version": c.version, "uitgesteld-evidence": letter.pk,
        "uitgesteld-new_due_date": value, "uitgesteld-note": "uitstelbrief",
    })
    assert response.status_code == 400
    assert "kies een datum tussen 1990 en 2100" in response.content.decode()
    c.refresh_from_db()
    assert c.due_date == dt.date(2024, 7, 5) and c.version == 1
    assert not DeadlineChange.objects.exists()


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1989-12-31", "2101-01-01"])
def test_it_refuses_a_manual_due_date_outside_1990_to_2100_on_the_edit_form(client_clerk, value):
    c = _open_commitment()
    response = client_clerk.post(reverse("web:edit_commitment", args=[c.pk]), {
        "version": c.version, "quote": c.quote, "deliverable": c.deliverable,
        "deadline_phrase": c.deadline_phrase, "due_date": value, "motions": "", "note": "",
    })
    assert response.status_code == 200  # the form again
    assert "kies een datum tussen 1990 en 2100" in response.content.decode()
    c.refresh_from_db()
    assert c.due_date == dt.date(2024, 7, 5) and c.version == 1 and not c.due_overridden
    assert not DeadlineChange.objects.exists()


def test_the_edit_service_refuses_a_due_date_outside_1990_to_2100():
    from django.core.exceptions import ValidationError

    from commitments.services import CommitmentEdit, edit_commitment

    c = _open_commitment()
    with pytest.raises(ValidationError):
        edit_commitment(c.pk, c.version, CommitmentEdit(quote=c.quote, deliverable="", deadline_phrase="",
                                                        due_date=dt.date(9999, 12, 31)), user=None)
    c.refresh_from_db()
    assert c.due_date == dt.date(2024, 7, 5) and c.version == 1


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "1989-12-31", "2101-01-01"])
def test_it_refuses_a_letter_date_outside_1990_to_2100_in_the_upload_confirm_step(client_clerk, value):
    response = client_clerk.post(reverse("web:upload"), {"file": SimpleUploadedFile("brief.txt", LETTER_2024.read_bytes())})
    assert response.status_code == 302
    confirm = client_clerk.post(response["Location"], {"date": value, "doc_type": "kamerbrief", "ministry": "",
                                                       "kamerstuk": ""})
    assert confirm.status_code == 400
    assert "kies een datum tussen 1990 en 2100" in confirm.content.decode()
    assert UploadJob.objects.get().status == UploadStatus.DRAFT


# --------------------------------------------------------------------------- item 9: encodings


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-16-le-bom", "utf-8-sig"])
def test_it_accepts_text_files_in_the_encodings_the_command_line_reads(client_clerk, encoding):
    text = VSO_2026.read_text(encoding="utf-8")
    if encoding == "utf-16-le-bom":
        raw = b"\xff\xfe" + text.encode("utf-16-le")
    else:
        raw = text.encode(encoding)
    assert raw != text.encode("utf-8")
    response = client_clerk.post(reverse("web:upload"), {"file": SimpleUploadedFile("brief.txt", raw)})
    assert response.status_code == 302, response.content.decode()[:2000]
    job = UploadJob.objects.get()
    assert job.date == dt.date(2026, 5, 20)  # read from the file, in whatever encoding


def test_it_still_refuses_binary_data_in_a_text_file(client_clerk):
    response = client_clerk.post(reverse("web:upload"),
                                 {"file": SimpleUploadedFile("brief.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")})
    assert response.status_code == 400
    assert "binaire gegevens" in response.content.decode()


# --------------------------------------------------------------------------- item 10a: no server paths


def test_a_failed_upload_names_the_original_file_and_no_server_path(client_clerk, media_root):
    job = UploadJob.objects.create(original_name="Mijn brief.txt", date=dt.date(2024, 5, 10), doc_type="kamerbrief",
                                   status=UploadStatus.QUEUED)
    job.file.save("Mijn brief.txt", ContentFile(LETTER_2024.read_bytes()), save=True)
    server_path = job.file.path
    Path(server_path).unlink()  # gone from the disk: the reader's error names the path
    assert run_upload(job.pk) == UploadStatus.FAILED
    job.refresh_from_db()
    assert str(media_root) not in job.message and "/uploads/" not in job.message
    assert "Mijn brief.txt" in job.message
    page = client_clerk.get(job.get_absolute_url()).content.decode()
    assert str(media_root) not in page
    status = client_clerk.get(reverse("web:upload_job_status", args=[job.pk])).json()
    assert str(media_root) not in status["message"]


# --------------------------------------------------------------------------- item 10b: CSP


@pytest.mark.parametrize("url", ["/", "/toezeggingen/", "/accounts/login/"])
def test_every_page_sends_a_content_security_policy_without_inline_scripts(client, url):
    response = client.get(url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    assert directives["default-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives.get("style-src", [])
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_griffie_pages_carry_no_inline_script_or_style_element(client_clerk):
    import re

    c = _open_commitment()
    job = UploadJob.objects.create(original_name="brief.txt", doc_type="kamerbrief", status=UploadStatus.QUEUED)
    pages = [reverse("web:review_queue"), reverse("web:upload"), reverse("web:edit_commitment", args=[c.pk]),
             reverse("web:commitment_status_action", args=[c.pk, "uitgesteld"]), c.get_absolute_url(),
             job.get_absolute_url(), reverse("web:extraction_quality")]
    for url in pages:
        page = client_clerk.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), url
        assert "<style" not in page, url
