"""sync_tk on recorded nights of the Kamer's OData API (fixtures/tk_odata/), through the same
client and paging as the live API; documents are ingested with Frog like an upload."""

from __future__ import annotations

import datetime as dt
import filecmp
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from commitments.models import Commitment, Origin, StatusChange
from documents.models import Document, DocumentType
from tksync.models import PendingDocument, SyncCursor
from tksync.recording import guid, write_night, write_scenario
from tksync.sync import SyncError, sync_tk

ROOT = Path(settings.BASE_DIR)
NIGHT1 = str(ROOT / "fixtures/tk_odata/night1")
NIGHT2 = str(ROOT / "fixtures/tk_odata/night2")
BROKEN = str(ROOT / "fixtures/tk_odata/broken")

pytestmark = pytest.mark.django_db


def write_statements(ctx: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]


def oral(key: str) -> Commitment:
    return Commitment.objects.get(tk_id=guid("toezegging", key))


def test_it_reads_every_page_and_imports_the_register_and_the_letters():
    report = sync_tk(NIGHT1)
    assert report.counts["pages"] == 4  # two pages per entity, followed through @odata.nextLink
    assert report.counts["toezeggingen_read"] == 4 and report.counts["documents_read"] == 4
    # The oral commitments: the Kamer's status, date of nakoming and minister, on the debate's dossier.
    assert Commitment.objects.filter(origin=Origin.ORAL).count() == 4
    c = oral("tz-1")
    assert (c.status, c.tk_status, c.tk_number) == ("openstaand", "Openstaand", "TZ202610-041")
    assert c.due_date.isoformat() == "2027-03-01" and c.rule == "tk_datum_nakoming"
    assert c.actor.startswith("Bruins, E.E.W.") and c.ministry == "OCW"
    assert c.document.type == DocumentType.DEBATE and c.document.dossier.key == "31497"
    assert c.document.subject == "Commissiedebat: Passend onderwijs"
    assert c.is_public  # the Kamer's own register: public as imported, not a proposal
    assert oral("tz-3").status == "voldaan" and oral("tz-4").due_date is None
    assert oral("tz-2").overdue_since is not None  # nakoming 1 November 2026 has passed
    # The letter and the VSO went through the upload pipeline, keyed on the Kamer's id.
    letter = Document.objects.get(tk_id=guid("document", "letter-480"))
    assert (letter.type, letter.kamerstuk, letter.ministry) == ("kamerbrief", "31497-480", "OCW")
    assert letter.committee == "vaste commissie voor Onderwijs, Cultuur en Wetenschap"
    assert letter.passages.exists() and letter.commitments.filter(origin=Origin.LETTER).exists()
    vso = Document.objects.get(tk_id=guid("document", "vso-481"))
    assert vso.type == "vso" and all(c.origin == Origin.VSO for c in vso.commitments.all())
    # A motion is not a kind the tracker ingests.
    assert not Document.objects.filter(tk_id=guid("document", "motie-490")).exists()
    assert SyncCursor.objects.count() == 2


def test_a_failed_download_stores_nothing_and_is_retried_the_next_night():
    report = sync_tk(NIGHT1)
    failed_id = guid("document", "letter-482")
    assert report.counts["documents_failed"] == 1 and "2026D41377" in report.failures[0]
    assert not Document.objects.filter(tk_id=failed_id).exists()
    assert not Document.objects.filter(kamerstuk="31497-482").exists()  # nothing half-stored
    assert PendingDocument.objects.get().tk_id == failed_id

    report = sync_tk(NIGHT2)  # tonight its file is there; the record itself did not change
    document = Document.objects.get(tk_id=failed_id)
    assert document.kamerstuk == "31497-482" and document.passages.exists()
    assert report.counts["documents_ingested"] == 1
    assert not PendingDocument.objects.exists()


def test_a_changed_record_is_followed_and_a_deleted_one_removed():
    sync_tk(NIGHT1)
    sync_tk(NIGHT2)  # from the stored cursor
    c = oral("tz-1")
    assert (c.tk_status, c.status) == ("Voldaan", "voldaan")  # no clerk had decided: ours follows
    change = c.status_changes.get()
    assert change.user is None and "Voldaan" in change.note
    assert not Commitment.objects.filter(tk_id=guid("toezegging", "tz-4")).exists()  # Verwijderd=true
    assert oral("tz-5").due_date.isoformat() == "2027-06-30"
    letter = Document.objects.get(tk_id=guid("document", "letter-480"))
    assert letter.subject.endswith("(gecorrigeerd)")
    # A document the Kamer deleted before we stored it is never fetched.
    assert not Document.objects.filter(tk_id=guid("document", "letter-483")).exists()


def test_a_clerks_status_stays_and_the_difference_is_flagged():
    from web.tests.griffie_factories import ClerkFactory

    clerk = ClerkFactory()
    sync_tk(NIGHT1)
    c = oral("tz-1")
    StatusChange.objects.create(commitment=c, user=clerk, old_status="openstaand", new_status="deels_voldaan")
    Commitment.objects.filter(pk=c.pk).update(status="deels_voldaan")
    removed = oral("tz-4")
    StatusChange.objects.create(commitment=removed, user=clerk, old_status="openstaand", new_status="openstaand")
    sync_tk(NIGHT2)
    c.refresh_from_db()
    assert (c.status, c.tk_status) == ("deels_voldaan", "Voldaan") and c.differs_from_tk
    removed.refresh_from_db()  # a clerk acted on it: kept, and marked as gone from the Kamer's register
    assert removed.tk_status == "Verwijderd" and removed.differs_from_tk


def test_a_broken_response_is_a_clear_error_and_writes_nothing():
    with pytest.raises(SyncError, match=r"broken response .*Toezegging.*not JSON"):
        sync_tk(BROKEN)
    with pytest.raises(CommandError, match="nothing written"):
        call_command("sync_tk", "--source", BROKEN)
    assert not Document.objects.exists() and not Commitment.objects.exists()
    assert not SyncCursor.objects.exists() and not PendingDocument.objects.exists()


def test_a_dry_run_writes_nothing():
    with CaptureQueriesContext(connection) as ctx:
        report = sync_tk(NIGHT1, dry_run=True)
    assert write_statements(ctx) == []
    assert report.counts["would_create_commitments"] == 4 and report.counts["would_ingest_documents"] == 3
    assert not Document.objects.exists() and not Commitment.objects.exists()


def test_a_rerun_writes_nothing(tmp_path):
    night = write_night(tmp_path / "night", documents=3, toezeggingen=30, page_size=7)
    first = sync_tk(str(night))
    assert first.counts["documents_ingested"] == 3 and first.counts["commitments_created"] == 30
    assert first.counts["pages"] == 1 + 5  # 3 documents on one page, 30 records on five
    for since in (None, "2026-01-01"):  # from the cursor, and a full re-read of the night
        args = {"since": dt.date.fromisoformat(since)} if since else {}
        with CaptureQueriesContext(connection) as ctx:
            again = sync_tk(str(night), **args)
        assert again.writes == 0 and write_statements(ctx) == [], write_statements(ctx)[:3]
    assert Document.objects.filter(tk_id__isnull=False, type="debat").count() > 0


def test_the_command_and_its_flags(tmp_path, capsys):
    call_command("sync_tk", "--source", NIGHT1, "--dry-run")
    assert "dry run, nothing written" in capsys.readouterr().out
    with pytest.raises(CommandError, match="not a date"):
        call_command("sync_tk", "--since", "gisteren", "--source", NIGHT1)
    with pytest.raises(CommandError, match="not a folder"):
        call_command("sync_tk", "--source", str(tmp_path / "missing"))
    call_command("sync_tk", "--source", NIGHT1, "--since", "2026-01-01", "--format", "json")
    assert '"commitments_created": 4' in capsys.readouterr().out


def test_the_celery_beat_entry_runs_the_task():
    from tracker.celery import app

    entries = [e for e in settings.CELERY_BEAT_SCHEDULE.values() if e["task"] == "tksync.tasks.sync_tk"]
    assert len(entries) == 1
    app.loader.import_default_modules()
    assert "tksync.tasks.sync_tk" in app.tasks


def test_the_task_reports_a_broken_night_without_raising():
    from tksync.tasks import sync_tk as task

    assert "broken response" in task(BROKEN)["error"]
    assert task(NIGHT1)["counts"]["commitments_created"] == 4


def test_the_recorded_fixtures_are_what_the_generator_writes(tmp_path):
    for name in ("night1", "night2", "broken"):
        fresh = write_scenario(name, tmp_path / name)
        committed = ROOT / "fixtures/tk_odata" / name
        files = sorted(p.relative_to(fresh).as_posix() for p in fresh.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(committed).as_posix() for p in committed.rglob("*") if p.is_file())
        _match, mismatch, errors = filecmp.cmpfiles(fresh, committed, files, shallow=False)
        assert not mismatch and not errors, (name, mismatch, errors)


def test_a_commitment_gets_its_origin_from_its_document():
    vso = Document.objects.create(type="vso", sha256="a" * 64)
    letter = Document.objects.create(type="kamerbrief", sha256="b" * 64)
    assert Commitment.objects.create(document=vso, quote="x").origin == Origin.VSO
    assert Commitment.objects.create(document=letter, quote="y").origin == Origin.LETTER


def test_the_benchmark_runs_on_a_small_night(capsys):
    call_command("benchmark_tk_sync", "--documents", "2", "--toezeggingen", "12", "--reruns", "2", "--format", "json")
    import json

    result = json.loads(capsys.readouterr().out)
    for mode in ("with-files", "without-files"):
        r = result["modes"][mode]
        assert r["commitments_created"] == 12 and r["rerun_write_statements"] == [0, 0]
        assert r["reruns_writing_nothing"] == 2
    assert result["modes"]["with-files"]["documents_stored"] == 2
    assert result["modes"]["without-files"]["documents_stored"] == 0
    assert not Document.objects.exists() and not Commitment.objects.exists()  # rolled back


def test_the_migration_gives_existing_rows_the_origin_of_their_document():
    import importlib

    from django.apps import apps

    migration = importlib.import_module("commitments.migrations.0010_commitment_origin_tk_register")
    vso = Document.objects.create(type="vso", sha256="c" * 64)
    letter = Document.objects.create(type="kamerbrief", sha256="d" * 64)
    rows = [Commitment.objects.create(document=vso, quote="x"), Commitment.objects.create(document=letter, quote="y")]
    Commitment.objects.update(origin="")  # as before the migration
    migration.fill_origin(apps, None)
    assert [Commitment.objects.get(pk=c.pk).origin for c in rows] == ["vso", "brief"]
