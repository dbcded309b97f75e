"""An upload runs through a real Celery worker process on the real Redis broker."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commitments.models import Status
from web.models import UploadJob, UploadStatus

from .griffie_factories import ClerkFactory

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
LETTER = CORPUS / "002_0a29cf3916a2a4d9.txt"  # VSO answers of 20 May 2026


def wait_for(job_id: int, timeout: float = 60) -> UploadJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = UploadJob.objects.get(pk=job_id)
        if job.finished:
            return job
        time.sleep(0.3)
    raise AssertionError(f"upload {job_id} not finished after {timeout}s: {job.status} {job.message}")


@pytest.mark.worker
def test_it_processes_an_upload_on_a_real_worker(client, celery_worker_factory, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    worker = celery_worker_factory(MEDIA_ROOT=str(tmp_path)).start()
    client.force_login(ClerkFactory())

    response = client.post(reverse("web:upload"), {"file": SimpleUploadedFile(LETTER.name, LETTER.read_bytes())})
    assert response.status_code == 302
    # Issue 14: the clerk confirms what was read from the file; that queues the task.
    response = client.post(response["Location"], {"date": "2026-05-20", "doc_type": "vso", "ministry": "VWS"})
    assert response.status_code == 302
    job = UploadJob.objects.get()
    job = wait_for(job.pk)

    assert job.status == UploadStatus.DONE, job.message
    assert job.attempts == 1 and job.dispatched_at is not None
    assert job.progress == 100
    assert job.document is not None and job.document.type == "vso"
    assert job.commitments > 0
    assert job.document.commitments.filter(status=Status.PROPOSED).count() == job.commitments
    assert "web.tasks.process_upload" in worker.output()
    assert client.get(reverse("web:upload_job_status", args=[job.pk])).json()["status"] == "done"
