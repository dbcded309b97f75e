"""Issue 15: an upload whose worker died does not stay "running" forever (a lease, expired by beat)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation

from web.models import UploadJob, UploadStatus
from web.tasks import expire_upload_leases
from web.uploads import run_upload

pytestmark = pytest.mark.django_db


def running_job(**fields) -> UploadJob:
    fields.setdefault("original_name", "brief.txt")
    fields.setdefault("doc_type", "vso")
    return UploadJob.objects.create(status=UploadStatus.RUNNING, progress=10, **fields)


def test_a_running_job_with_an_expired_lease_is_requeued_once_and_sent_again(monkeypatch, django_capture_on_commit_callbacks):
    from web.tasks import process_upload

    sent = []
    monkeypatch.setattr(process_upload, "apply_async", lambda args, **kw: sent.append(args))
    job = running_job(attempts=1, lease_until=timezone.now() - dt.timedelta(seconds=1))

    with translation.override("nl"), django_capture_on_commit_callbacks(execute=True):
        assert expire_upload_leases.apply().get() == 1

    job.refresh_from_db()
    assert job.status == UploadStatus.QUEUED and job.lease_until is None and not job.finished
    assert job.message == "De verwerking werd onderbroken (de worker stopte); het document staat opnieuw in de wachtrij."
    assert sent == [[job.pk]] and job.dispatched_at is not None


def test_a_job_whose_lease_ran_out_on_its_last_attempt_is_failed_with_a_dutch_message(settings):
    settings.UPLOAD_MAX_ATTEMPTS = 2
    job = running_job(attempts=2, lease_until=timezone.now() - dt.timedelta(seconds=1))

    with translation.override("nl"):  # the worker's language (LANGUAGE_CODE); other tests may leave "en" active
        assert expire_upload_leases.apply().get() == 1

    job.refresh_from_db()
    assert job.status == UploadStatus.FAILED
    assert job.finished and job.finished_at is not None
    assert job.lease_until is None
    assert job.message.startswith("De verwerking is 2 keer onderbroken (de worker stopte); er is niets opgeslagen.")
    # A redelivery of the dead worker's task afterwards leaves the failed job alone.
    assert run_upload(job.pk) == UploadStatus.FAILED
    assert UploadJob.objects.get(pk=job.pk).attempts == 2


def test_a_run_that_lost_its_lease_stops_and_leaves_the_job_to_the_next_attempt(monkeypatch, settings, tmp_path):
    """The heartbeat finds the job re-queued under it: the ingest stops, nothing is stored."""
    from documents.models import Document
    from web.upload_leases import expire_upload_leases as expire

    settings.MEDIA_ROOT = str(tmp_path)
    job = UploadJob(original_name="brief.txt", doc_type="vso", status=UploadStatus.QUEUED)
    job.file.save("brief.txt", ContentFile(b"Geachte voorzitter,"), save=True)
    monkeypatch.setattr("web.uploads.dispatch_upload", lambda job_id: True)

    def slow_ingest(path, progress, **kwargs):
        progress("read", 0, 1)
        expire(now=timezone.now() + dt.timedelta(seconds=settings.UPLOAD_LEASE_SECONDS + 1))  # beat: lease ran out
        progress("extract", 0, 1)  # the next heartbeat
        raise AssertionError("the ingest went on after losing its lease")

    monkeypatch.setattr("ingestion.pipeline.ingest_file", slow_ingest)
    assert run_upload(job.pk) == "lease-lost"
    job.refresh_from_db()
    assert job.status == UploadStatus.QUEUED and job.attempts == 1 and job.file
    assert not Document.objects.exists()


def test_a_job_with_a_live_lease_and_jobs_not_running_are_left_alone():
    past = timezone.now() - dt.timedelta(hours=1)
    live = running_job(lease_until=timezone.now() + dt.timedelta(minutes=5))
    queued = UploadJob.objects.create(original_name="q.txt", doc_type="vso", status=UploadStatus.QUEUED, lease_until=past,
                                      dispatched_at=timezone.now())
    done = UploadJob.objects.create(original_name="d.txt", doc_type="vso", status=UploadStatus.DONE, lease_until=past)

    assert expire_upload_leases.apply().get() == 0

    assert UploadJob.objects.get(pk=live.pk).status == UploadStatus.RUNNING
    assert UploadJob.objects.get(pk=queued.pk).status == UploadStatus.QUEUED
    assert UploadJob.objects.get(pk=done.pk).status == UploadStatus.DONE


def test_a_running_job_from_before_leases_is_judged_by_its_last_update():
    stale = running_job(attempts=2)
    fresh = running_job(attempts=2)
    UploadJob.objects.filter(pk=stale.pk).update(
        updated_at=timezone.now() - dt.timedelta(seconds=settings.UPLOAD_LEASE_SECONDS + 60)
    )

    assert expire_upload_leases.apply().get() == 1
    assert UploadJob.objects.get(pk=stale.pk).status == UploadStatus.FAILED
    assert UploadJob.objects.get(pk=fresh.pk).status == UploadStatus.RUNNING


def test_run_upload_takes_a_lease_while_running_and_drops_it_when_finished(monkeypatch, settings, tmp_path):
    settings.UPLOAD_LEASE_SECONDS = 600
    settings.MEDIA_ROOT = str(tmp_path)
    job = UploadJob(original_name="brief.txt", doc_type="vso", status=UploadStatus.QUEUED)
    job.file.save("brief.txt", ContentFile(b"Geachte voorzitter,"), save=True)
    seen = {}

    def fake_ingest(path, **kwargs):
        seen["job"] = UploadJob.objects.get(pk=job.pk)
        raise RuntimeError("boom")

    monkeypatch.setattr("ingestion.pipeline.ingest_file", fake_ingest)
    run_upload(job.pk)

    during = seen["job"]
    assert during.status == UploadStatus.RUNNING
    remaining = (during.lease_until - timezone.now()).total_seconds()
    assert 500 < remaining <= 600
    job.refresh_from_db()
    assert job.status == UploadStatus.FAILED and job.lease_until is None


def test_beat_schedules_the_lease_expiry_every_few_minutes():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "web.tasks.expire_upload_leases"]
    assert len(entries) == 1
    schedule = entries[0]["schedule"]
    assert len(schedule.minute) >= 12  # at least every five minutes, every hour


def test_beat_sends_queued_uploads_again_every_minute():
    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "web.tasks.dispatch_queued_uploads"]
    assert len(entries) == 1
    assert len(entries[0]["schedule"].minute) == 60


def test_only_queued_jobs_that_nobody_took_are_sent_again(monkeypatch, settings):
    from web.tasks import dispatch_queued_uploads, process_upload

    settings.UPLOAD_REDISPATCH_SECONDS = 900
    sent = []
    monkeypatch.setattr(process_upload, "apply_async", lambda args, **kw: sent.append(args[0]))
    now = timezone.now()
    never_sent = UploadJob.objects.create(original_name="a.txt", doc_type="vso", status=UploadStatus.QUEUED)
    long_ago = UploadJob.objects.create(original_name="b.txt", doc_type="vso", status=UploadStatus.QUEUED,
                                        dispatched_at=now - dt.timedelta(seconds=901))
    UploadJob.objects.create(original_name="c.txt", doc_type="vso", status=UploadStatus.QUEUED, dispatched_at=now)
    UploadJob.objects.create(original_name="d.txt", doc_type="vso", status=UploadStatus.DRAFT)
    running_job()

    assert dispatch_queued_uploads.apply().get() == 2
    assert sent == [never_sent.pk, long_ago.pk]
    assert UploadJob.objects.get(pk=never_sent.pk).dispatched_at is not None


def test_a_worker_that_claims_a_job_before_the_sender_wrote_dispatched_at_fills_it_in():
    """The worker can take the task before the request's 'sent' UPDATE runs; that UPDATE then finds
    the job running and writes nothing. The claim itself records that the broker took the job."""
    from web.uploads import claim_upload

    sent_at = timezone.now() - dt.timedelta(minutes=3)
    unsent = UploadJob.objects.create(original_name="a.txt", doc_type="vso", status=UploadStatus.QUEUED)
    sent = UploadJob.objects.create(original_name="b.txt", doc_type="vso", status=UploadStatus.QUEUED,
                                    dispatched_at=sent_at)

    assert claim_upload(unsent.pk) == 1 and claim_upload(sent.pk) == 1

    unsent.refresh_from_db()
    sent.refresh_from_db()
    assert unsent.status == UploadStatus.RUNNING and unsent.dispatched_at is not None
    assert sent.dispatched_at == sent_at
