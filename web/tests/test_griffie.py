"""The griffie's pages: permissions, review queue, edit with conflicts, status actions, upload, CSRF."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from commitments.models import (
    Commitment,
    DeadlineChange,
    FulfilmentKind,
    FulfilmentLink,
    Status,
    StatusChange,
)
from commitments.overdue import flag_overdue
from documents.models import Document
from web.models import UploadJob, UploadStatus

from .griffie_factories import (
    ClerkFactory,
    CommitmentFactory,
    DocumentFactory,
    PassageFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
LETTER_2024 = CORPUS / "003_3dae4a2d5cfb7524.txt"  # 10 May 2024, Kamerstuk 31497-475


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def eager():
    """Run Celery tasks in-process (the real worker is exercised in test_griffie_worker.py)."""
    from tracker.celery import app

    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def broken_docx() -> bytes:
    """A zip that looks like a .docx to the form but that the reader cannot read."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document kapot")
    return buf.getvalue()


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


# --------------------------------------------------------------------------- permissions

GRIFFIE_GETS = [
    ("web:review_queue", []),
    ("web:upload", []),
    ("web:edit_commitment", ["pk"]),
    ("web:commitment_status_action", ["pk", "voldaan"]),
]
GRIFFIE_POSTS = [
    ("web:accept_commitment", ["pk"]),
    ("web:reject_commitment", ["pk"]),
    ("web:bulk_accept", []),
    ("web:commitment_status_action", ["pk", "vervallen"]),
    ("web:upload", []),
]


def _url(name: str, args: list, commitment: Commitment) -> str:
    return reverse(name, args=[commitment.pk if a == "pk" else a for a in args])


@pytest.mark.parametrize("name,args", GRIFFIE_GETS + GRIFFIE_POSTS)
def test_it_sends_anonymous_visitors_to_the_login_page(client, name, args):
    c = CommitmentFactory(status=Status.PROPOSED)
    url = _url(name, args, c)
    response = client.post(url) if (name, args) in GRIFFIE_POSTS else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login") + "?next=")
    c.refresh_from_db()
    assert c.status == Status.PROPOSED


@pytest.mark.parametrize("name,args", GRIFFIE_GETS + GRIFFIE_POSTS)
def test_it_forbids_logged_in_users_outside_the_griffie(client, name, args):
    client.force_login(UserFactory())
    c = CommitmentFactory(status=Status.PROPOSED)
    url = _url(name, args, c)
    response = client.post(url, {"version": 1}) if (name, args) in GRIFFIE_POSTS else client.get(url)
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()
    c.refresh_from_db()
    assert c.status == Status.PROPOSED and c.version == 1


def test_it_lets_a_superuser_in(client):
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("web:review_queue")).status_code == 200


def test_it_logs_a_clerk_in_with_the_login_page(client, clerk):
    page = client.get(reverse("login") + "?next=/griffie/")
    assert page.status_code == 200
    assert "Inloggen" in page.content.decode()
    response = client.post(reverse("login"), {"username": clerk.username, "password": "geheim-wachtwoord-123",
                                              "next": "/griffie/"})
    assert response.status_code == 302 and response["Location"] == "/griffie/"


def test_it_shows_the_actions_on_the_detail_page_only_to_clerks(client, clerk):
    c = CommitmentFactory(status=Status.OPEN)
    url = c.get_absolute_url()
    anonymous = client.get(url).content.decode()
    assert "Griffie: status vastleggen" not in anonymous
    client.force_login(UserFactory())
    assert "Griffie: status vastleggen" not in client.get(url).content.decode()
    client.force_login(clerk)
    page = client.get(url).content.decode()
    assert "Griffie: status vastleggen" in page
    for action in ("voldaan", "deels-voldaan", "uitgesteld", "vervallen"):
        assert reverse("web:commitment_status_action", args=[c.pk, action]) in page


# --------------------------------------------------------------------------- CSRF


def test_it_enforces_csrf_on_every_change(clerk):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(clerk)
    c = CommitmentFactory(status=Status.PROPOSED)
    letter = DocumentFactory()
    posts = [
        (reverse("web:accept_commitment", args=[c.pk]), {"version": 1}),
        (reverse("web:reject_commitment", args=[c.pk]), {"version": 1}),
        (reverse("web:bulk_accept"), {"item": f"{c.pk}:1"}),
        (reverse("web:edit_commitment", args=[c.pk]), {"version": 1, "quote": "x"}),
        (reverse("web:commitment_status_action", args=[c.pk, "voldaan"]),
         {"voldaan-version": 1, "voldaan-evidence": letter.pk}),
        (reverse("web:upload"), {"date": "2024-05-10", "doc_type": "kamerbrief"}),
    ]
    for url, data in posts:
        assert csrf_client.post(url, data).status_code == 403, url
    c.refresh_from_db()
    assert c.status == Status.PROPOSED and c.version == 1
    assert not StatusChange.objects.exists() and not UploadJob.objects.exists()

    # With the token from the page the same POST goes through.
    page = csrf_client.get(reverse("web:review_queue"))
    token = page.context["csrf_token"]
    response = csrf_client.post(reverse("web:accept_commitment", args=[c.pk]),
                                {"version": 1, "csrfmiddlewaretoken": str(token)})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.status == Status.OPEN


# --------------------------------------------------------------------------- review queue


def test_it_groups_the_queue_by_document_newest_first(client_clerk):
    old = DocumentFactory(date=dt.date(2024, 5, 10), subject="Oude brief")
    new = DocumentFactory(date=dt.date(2026, 5, 20), subject="Nieuwe brief")
    CommitmentFactory(document=old, status=Status.PROPOSED, quote="Oude toezegging")
    CommitmentFactory(document=new, status=Status.PROPOSED, quote="Nieuwe toezegging")
    CommitmentFactory(document=new, status=Status.OPEN, quote="Al geaccepteerd")
    page = client_clerk.get(reverse("web:review_queue")).content.decode()
    assert page.index("Nieuwe brief") < page.index("Oude brief")
    assert page.index("Nieuwe toezegging") < page.index("Oude toezegging")
    assert "Al geaccepteerd" not in page
    assert "2 voorgestelde toezeggingen" in page


def test_it_escapes_text_from_documents(client_clerk):
    CommitmentFactory(status=Status.PROPOSED, quote="<script>alert('x')</script> wij sturen een brief")
    page = client_clerk.get(reverse("web:review_queue")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_it_accepts_and_rejects_from_the_queue(client_clerk, clerk):
    a = CommitmentFactory(status=Status.PROPOSED)
    b = CommitmentFactory(status=Status.PROPOSED)
    response = client_clerk.post(reverse("web:accept_commitment", args=[a.pk]), {"version": a.version}, follow=True)
    assert "Toezegging geaccepteerd." in response.content.decode()
    client_clerk.post(reverse("web:reject_commitment", args=[b.pk]), {"version": b.version})
    a.refresh_from_db(), b.refresh_from_db()
    assert (a.status, b.status) == (Status.OPEN, Status.REJECTED)
    assert StatusChange.objects.filter(user=clerk).count() == 2


def test_it_bulk_accepts_the_ticked_commitments(client_clerk):
    a, b, c = (CommitmentFactory(status=Status.PROPOSED) for _ in range(3))
    response = client_clerk.post(reverse("web:bulk_accept"), {"item": [f"{a.pk}:1", f"{b.pk}:1"]}, follow=True)
    assert "2 toezegging(en) geaccepteerd." in response.content.decode()
    assert set(Commitment.objects.filter(status=Status.OPEN).values_list("pk", flat=True)) == {a.pk, b.pk}
    c.refresh_from_db()
    assert c.status == Status.PROPOSED


def test_it_refuses_a_bulk_accept_when_one_changed_meanwhile(client_clerk):
    a, b = (CommitmentFactory(status=Status.PROPOSED) for _ in range(2))
    Commitment.objects.filter(pk=b.pk).update(version=2)
    response = client_clerk.post(reverse("web:bulk_accept"), {"item": [f"{a.pk}:1", f"{b.pk}:1"]}, follow=True)
    assert "Niets geaccepteerd" in response.content.decode()
    assert not Commitment.objects.filter(status=Status.OPEN).exists()


# --------------------------------------------------------------------------- edit and conflicts


def _edit_data(c: Commitment, **overrides) -> dict:
    data = {"version": c.version, "quote": c.quote, "deliverable": c.deliverable,
            "deadline_phrase": c.deadline_phrase, "due_date": "", "motions": "", "note": ""}
    data.update(overrides)
    return data


def test_it_shows_the_edit_form_with_the_version_hidden(client_clerk):
    c = CommitmentFactory(status=Status.PROPOSED)
    page = client_clerk.get(reverse("web:edit_commitment", args=[c.pk])).content.decode()
    assert 'type="hidden" name="version" value="1"' in page


def test_it_refuses_the_second_of_two_clerks_and_keeps_their_input(client, clerk):
    passage = PassageFactory(text="Ik zal uw Kamer voor de zomer van 2026 informeren over de evaluatie.")
    c = CommitmentFactory(document=passage.document, passage=passage, status=Status.PROPOSED, quote=passage.text)
    first, second = Client(), Client()
    first.force_login(clerk)
    second.force_login(ClerkFactory())
    # Both open the edit page and see version 1.
    for browser in (first, second):
        assert browser.get(reverse("web:edit_commitment", args=[c.pk])).status_code == 200
    ok = first.post(reverse("web:edit_commitment", args=[c.pk]), _edit_data(c, deliverable="de evaluatie"))
    assert ok.status_code == 302
    refused = second.post(reverse("web:edit_commitment", args=[c.pk]),
                          _edit_data(c, deliverable="mijn eigen omschrijving", motions="31497-507"))
    assert refused.status_code == 409
    page = refused.content.decode()
    assert "Deze toezegging is intussen door een ander gewijzigd" in page
    assert "mijn eigen omschrijving" in page  # the second clerk's input is kept in the form
    assert "31497-507" in page
    assert "de evaluatie" in page  # and the first clerk's version is shown next to it
    assert 'name="version" value="2"' in page
    c.refresh_from_db()
    assert c.deliverable == "de evaluatie" and c.version == 2 and not c.motions.exists()
    # Saving again from the conflict page, knowingly, replaces the first clerk's text.
    again = second.post(reverse("web:edit_commitment", args=[c.pk]),
                        _edit_data(c, version=2, deliverable="mijn eigen omschrijving", motions="31497-507"))
    assert again.status_code == 302
    c.refresh_from_db()
    assert c.deliverable == "mijn eigen omschrijving" and c.version == 3
    assert [m.key for m in c.motions.all()] == ["31497-507"]


def test_it_shows_validation_errors_on_the_edit_form(client_clerk):
    passage = PassageFactory(text="Ik zal uw Kamer voor de zomer informeren.")
    c = CommitmentFactory(document=passage.document, passage=passage, quote=passage.text)
    response = client_clerk.post(reverse("web:edit_commitment", args=[c.pk]),
                                 _edit_data(c, quote="Dit staat niet in de brief."))
    assert response.status_code == 200
    assert "Dit citaat staat niet letterlijk in de brief." in response.content.decode()
    c.refresh_from_db()
    assert c.version == 1


def test_it_sets_a_manual_due_date_from_the_edit_form(client_clerk):
    c = CommitmentFactory(status=Status.PROPOSED, due_date=dt.date(2099, 1, 1))
    client_clerk.post(reverse("web:edit_commitment", args=[c.pk]), _edit_data(c, due_date="2025-03-01"))
    c.refresh_from_db()
    assert c.due_date == dt.date(2025, 3, 1) and c.due_overridden
    assert c.overdue_since == timezone.localdate()


# --------------------------------------------------------------------------- status actions


def _late_commitment() -> Commitment:
    # The letter of 10 May 2024 made it; evidence must be dated that day or later (issue 14).
    c = CommitmentFactory(document=DocumentFactory(date=dt.date(2024, 5, 10)), status=Status.OPEN,
                          due_date=dt.date(2024, 7, 5), deadline_phrase="voor de zomer")
    flag_overdue()
    c.refresh_from_db()
    assert c.overdue_since is not None
    return c


def test_it_marks_fulfilled_from_the_detail_page(client_clerk, clerk):
    c = _late_commitment()
    letter = DocumentFactory(date=dt.date(2024, 12, 16))
    url = reverse("web:commitment_status_action", args=[c.pk, "voldaan"])
    response = client_clerk.post(url, {"voldaan-version": c.version, "voldaan-evidence": letter.pk,
                                       "voldaan-note": "beleidsreactie", "next": c.get_absolute_url()})
    assert response.status_code == 302 and response["Location"] == c.get_absolute_url()
    c.refresh_from_db()
    assert c.status == Status.FULFILLED and c.overdue_since is None
    change = StatusChange.objects.get(commitment=c)
    assert (change.user, change.evidence, change.note) == (clerk, letter, "beleidsreactie")
    assert FulfilmentLink.objects.get(commitment=c, document=letter).kind == FulfilmentKind.FULFILS


def test_it_marks_partly_fulfilled_from_the_detail_page(client_clerk):
    c = _late_commitment()
    letter = DocumentFactory()
    client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "deels-voldaan"]),
                      {"deels-voldaan-version": c.version, "deels-voldaan-evidence": letter.pk})
    c.refresh_from_db()
    assert c.status == Status.PARTLY_FULFILLED
    assert FulfilmentLink.objects.get(commitment=c).kind == FulfilmentKind.PARTLY


def test_it_postpones_from_the_detail_page(client_clerk, clerk):
    c = _late_commitment()
    letter = DocumentFactory()
    new = timezone.localdate() + dt.timedelta(days=120)
    client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "uitgesteld"]), {
        "uitgesteld-version": c.version, "uitgesteld-evidence": letter.pk,
        "uitgesteld-new_due_date": new.isoformat(), "uitgesteld-new_phrase": "in het voorjaar",
        "uitgesteld-note": "uitstelbrief",
    })
    c.refresh_from_db()
    assert c.due_date == new and c.overdue_since is None and c.status == Status.OPEN
    change = DeadlineChange.objects.get(commitment=c)
    assert (change.old_due_date, change.new_due_date, change.evidence, change.user) == (
        dt.date(2024, 7, 5), new, letter, clerk)
    assert change.is_postponement
    assert FulfilmentLink.objects.get(commitment=c).kind == FulfilmentKind.POSTPONES


def test_it_marks_lapsed_from_the_detail_page(client_clerk):
    c = _late_commitment()
    response = client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "vervallen"]),
                                 {"vervallen-version": c.version, "vervallen-evidence": ""})
    assert response.status_code == 400  # a reason is required
    assert "Dit veld is verplicht." in response.content.decode()
    client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "vervallen"]),
                      {"vervallen-version": c.version, "vervallen-note": "Na het debat niet meer nodig."})
    c.refresh_from_db()
    assert c.status == Status.LAPSED and c.overdue_since is None
    assert StatusChange.objects.get(commitment=c).note == "Na het debat niet meer nodig."


def test_it_requires_the_evidence_letter(client_clerk):
    c = _late_commitment()
    response = client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "voldaan"]),
                                 {"voldaan-version": c.version, "voldaan-note": "zonder brief"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit veld is verplicht." in page and "zonder brief" in page
    c.refresh_from_db()
    assert c.status == Status.OPEN


def test_it_refuses_a_status_action_on_a_stale_page(client_clerk):
    c = _late_commitment()
    letter = DocumentFactory()
    Commitment.objects.filter(pk=c.pk).update(version=c.version + 1)
    response = client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "voldaan"]),
                                 {"voldaan-version": c.version, "voldaan-evidence": letter.pk,
                                  "voldaan-note": "mijn toelichting"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "intussen door een ander gewijzigd" in page and "mijn toelichting" in page
    c.refresh_from_db()
    assert c.status == Status.OPEN and not StatusChange.objects.exists()


def test_it_preselects_the_evidence_letter_from_the_url(client_clerk):
    c = CommitmentFactory(status=Status.OPEN)
    letter = DocumentFactory()
    page = client_clerk.get(c.get_absolute_url() + f"?bewijs={letter.pk}").content.decode()
    assert f'name="voldaan-evidence" value="{letter.kamerstuk}"' in page  # issue 14: a search input, no dropdown


# --------------------------------------------------------------------------- upload


def _upload(client, content: bytes, name: str = "brief.txt", date: str = "2024-05-10", doc_type: str = "kamerbrief"):
    """Upload (step 1) and, when the file was readable, confirm date and type (step 2, issue 14)."""
    response = client.post(reverse("web:upload"), {"file": SimpleUploadedFile(name, content)})
    if response.status_code != 302:
        return response
    return client.post(response["Location"], {"date": date, "doc_type": doc_type, "ministry": "", "kamerstuk": ""})


def test_it_uploads_a_letter_and_proposes_its_commitments(client_clerk, clerk, eager, media_root,
                                                         django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_clerk, LETTER_2024.read_bytes(), name=LETTER_2024.name)
    job = UploadJob.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert job.status == UploadStatus.DONE and job.progress == 100 and job.user == clerk
    assert job.document.date == dt.date(2024, 5, 10)
    assert job.commitments > 0
    assert job.document.commitments.filter(status=Status.PROPOSED).count() == job.commitments
    assert Path(job.file.path).is_relative_to(media_root)
    page = client_clerk.get(job.get_absolute_url()).content.decode()
    assert "Klaar" in page and "voorgesteld" in page
    status = client_clerk.get(reverse("web:upload_job_status", args=[job.pk])).json()
    assert status["finished"] and status["status"] == "done" and status["progress"] == 100
    queue = client_clerk.get(reverse("web:review_queue")).content.decode()
    assert f'id="document-{job.document.pk}"' in queue


@pytest.mark.parametrize(
    "content,name,date,error",
    [
        (b"", "leeg.txt", "2024-05-10", "leeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "plaatje.txt", "2024-05-10", "binaire gegevens"),
        (b"\x00\x01\x02\x03" * 100, "brief.pdf", "2024-05-10", "geen geldige PDF"),
        (b"PK\x03\x04 kapot", "brief.docx", "2024-05-10", "geen geldig Word-document"),
        (b"Geachte voorzitter,", "brief.exe", "2024-05-10", "Alleen .docx, .pdf en .txt"),
    ],
)
def test_it_refuses_a_bad_upload_and_stores_nothing(client_clerk, media_root, content, name, date, error):
    response = _upload(client_clerk, content, name=name, date=date)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not UploadJob.objects.exists()
    assert not Document.objects.exists()
    assert stored_files(media_root) == []


@pytest.mark.parametrize("date,error", [("31-02-2024", "geldige datum"), ("", "verplicht"), ("1850-01-01", "klopt niet")])
def test_it_refuses_a_wrong_date_in_the_confirm_step_and_ingests_nothing(client_clerk, date, error):
    # Since issue 14 the date is confirmed in step 2, after the file was read.
    response = _upload(client_clerk, LETTER_2024.read_bytes(), date=date)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert UploadJob.objects.get().status == UploadStatus.DRAFT
    assert not Document.objects.exists()


def test_it_reports_an_unreadable_file_plainly_and_keeps_nothing(client_clerk, media_root):
    # Since issue 14 the file is read when it is uploaded, so a broken one is refused in step 1.
    response = _upload(client_clerk, broken_docx(), name="brief.docx")
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit bestand kon niet worden gelezen; er is niets opgeslagen." in page
    assert not UploadJob.objects.exists()
    assert not Document.objects.exists() and not Commitment.objects.exists()
    assert stored_files(media_root) == []


def test_it_fails_an_ingest_that_crashes_halfway_without_leaving_rows(client_clerk, eager, monkeypatch,
                                                                     django_capture_on_commit_callbacks):
    from ingestion import pipeline as ingest

    def crash(*args, **kwargs):
        raise RuntimeError("extractie kapot")

    monkeypatch.setattr(ingest, "_store_commitments", crash)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client_clerk, LETTER_2024.read_bytes())
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.FAILED and "extractie kapot" in job.message
    assert not Document.objects.exists() and not Commitment.objects.exists()


def test_with_the_broker_unreachable_the_upload_waits_in_the_database_and_beat_sends_it_later(
    client_clerk, eager, monkeypatch, django_capture_on_commit_callbacks
):
    """Issue 15: the request never ingests; the job row is the outbox."""
    from kombu.exceptions import OperationalError

    from web.tasks import dispatch_queued_uploads, process_upload

    real_apply_async = process_upload.apply_async

    def unreachable(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(process_upload, "apply_async", unreachable)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client_clerk, LETTER_2024.read_bytes())
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.QUEUED and job.attempts == 0 and job.dispatched_at is None
    assert not Document.objects.exists()  # nothing processed in the request
    page = client_clerk.get(response["Location"]).content.decode()
    assert "In de wachtrij. De taakwachtrij is nu niet bereikbaar; de verwerking begint vanzelf" in page

    assert dispatch_queued_uploads.apply().get() == 0  # still down: stays queued
    assert UploadJob.objects.get().status == UploadStatus.QUEUED

    monkeypatch.setattr(process_upload, "apply_async", real_apply_async)  # the broker is back
    assert dispatch_queued_uploads.apply().get() == 1
    job.refresh_from_db()
    assert job.status == UploadStatus.DONE and job.attempts == 1, job.message
    assert Document.objects.count() == 1
    assert dispatch_queued_uploads.apply().get() == 0  # nothing left to send


def test_it_queues_the_task_only_after_the_commit(client_clerk, monkeypatch, django_capture_on_commit_callbacks):
    from web.tasks import process_upload

    queued = []
    monkeypatch.setattr(process_upload, "apply_async", lambda args, **kw: queued.append(args))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _upload(client_clerk, LETTER_2024.read_bytes())
    assert queued == [] and len(callbacks) == 1
    callbacks[0]()
    assert queued == [[UploadJob.objects.get().pk]]
    assert UploadJob.objects.get().status == UploadStatus.QUEUED


def test_it_reports_an_already_ingested_letter_as_unchanged(client_clerk, eager, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client_clerk, LETTER_2024.read_bytes())
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client_clerk, LETTER_2024.read_bytes())
    first, second = UploadJob.objects.order_by("id")
    assert second.status == UploadStatus.DONE and second.document == first.document
    assert "al eerder ingelezen" in second.message
    assert Document.objects.count() == 1


def test_it_offers_the_commitments_a_new_letter_may_fulfil(client_clerk, clerk):
    from .factories import MotionFactory, ReferenceFactory

    cited = DocumentFactory(kamerstuk="31497-475", date=dt.date(2024, 5, 10))
    from_letter = CommitmentFactory(document=cited, status=Status.OPEN, quote="Beleidsreactie Druk op de keten")
    about_motion = CommitmentFactory(status=Status.PARTLY_FULFILLED, quote="Informatie over de motie",
                                     motions=[MotionFactory(key="31497-507")])
    CommitmentFactory(document=cited, status=Status.FULFILLED, quote="Al voldaan")
    new = DocumentFactory(date=dt.date(2024, 12, 16))
    ReferenceFactory(document=new, key="31497-475")
    ReferenceFactory(document=new, key="31497-507")
    job = UploadJob.objects.create(original_name="brief.txt", doc_type="kamerbrief", date=new.date,
                                   status=UploadStatus.DONE, progress=100, document=new, user=clerk)
    page = client_clerk.get(job.get_absolute_url()).content.decode()
    assert "Voldoet deze brief aan een eerdere toezegging?" in page
    assert f"{from_letter.get_absolute_url()}?bewijs={new.pk}" in page
    assert f"{about_motion.get_absolute_url()}?bewijs={new.pk}" in page
    assert "Al voldaan" not in page


def test_it_creates_the_griffie_group_with_permissions_in_a_migration():
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="griffie")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_commitment", "add_statuschange", "add_document", "add_uploadjob"} <= codenames
