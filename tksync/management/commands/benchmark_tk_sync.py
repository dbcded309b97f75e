"""Measure sync_tk on a recorded night: time to read and store it, and whether a re-run writes nothing.

    python manage.py benchmark_tk_sync [--documents 500] [--toezeggingen 2000] [--reruns 3]
                                       [--mode both|with-files|without-files] [--format json]

Writes a deterministic night (``generate_tk_night``) into a temporary folder, then per mode runs
``sync_tk --source that-folder`` once on an empty register and ``--reruns`` more times over the same
night (a full re-read, ``--since`` the start of the year), counting the INSERT/UPDATE/DELETE
statements each re-run sends to the database (the goal: 0 every time). ``with-files`` ingests each
document's file through the upload pipeline (Frog included), ``without-files`` reads the documents
but stores only the register, to show what the extractor costs. Everything is rolled back.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from tksync.recording import write_night
from tksync.sync import sync_tk

WRITE_VERBS = ("INSERT", "UPDATE", "DELETE")


class _Rollback(Exception):
    pass


class _WriteCounter:
    def __init__(self):
        self.statements = 0

    def __call__(self, execute, sql, params, many, context):
        if sql.lstrip().upper().startswith(WRITE_VERBS):
            self.statements += 1
        return execute(sql, params, many, context)


class Command(BaseCommand):
    help = "Benchmark sync_tk on a generated night (seconds; writes of each re-run); rolled back afterwards."

    def add_arguments(self, parser):
        parser.add_argument("--documents", type=int, default=500)
        parser.add_argument("--toezeggingen", type=int, default=2000)
        parser.add_argument("--reruns", type=int, default=3)
        parser.add_argument("--mode", choices=["both", "with-files", "without-files"], default="both")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, documents, toezeggingen, reruns, mode, format, **options):
        if documents < 0 or toezeggingen < 0 or reruns < 1:
            raise CommandError("--documents and --toezeggingen must be 0 or more, --reruns 1 or more")
        modes = ["without-files", "with-files"] if mode == "both" else [mode]
        if "with-files" in modes and documents:
            from commitments.extraction import frog

            try:
                frog.ensure_server(log=self.stderr.write)
            except frog.FrogUnavailable as exc:
                raise CommandError(f"cannot ingest the documents without Frog: {exc}") from exc
        results = {"documents": documents, "toezeggingen": toezeggingen, "modes": {}}
        with tempfile.TemporaryDirectory(prefix="tk-night-") as tmp:
            t0 = time.perf_counter()
            folder = write_night(Path(tmp) / "night", documents=documents, toezeggingen=toezeggingen)
            results["generate_seconds"] = round(time.perf_counter() - t0, 3)
            for name in modes:
                results["modes"][name] = self._measure(str(folder), reruns, ingest_files=name == "with-files")
        if format == "json":
            self.stdout.write(json.dumps(results))
            return
        self.stdout.write(
            f"night: {documents} documents, {toezeggingen} Toezegging records (written in {results['generate_seconds']} s)"
        )
        for name, r in results["modes"].items():
            self.stdout.write(
                f"{name}: first run {r['first_seconds']} s ({r['first_writes']} rows written, "
                f"{r['documents_stored']} documents, {r['commitments_created']} oral commitments); "
                f"re-runs {r['rerun_seconds']} s, write statements per re-run {r['rerun_write_statements']} "
                f"({r['reruns_writing_nothing']}/{len(r['rerun_write_statements'])} wrote nothing)"
            )

    def _measure(self, folder: str, reruns: int, *, ingest_files: bool) -> dict:
        result: dict = {}
        try:
            with transaction.atomic():
                t0 = time.perf_counter()
                first = sync_tk(folder, since=dt.date(2026, 1, 1), ingest_files=ingest_files)
                result["first_seconds"] = round(time.perf_counter() - t0, 3)
                result["first_writes"] = first.writes
                result["documents_stored"] = first.counts["documents_ingested"] + first.counts["documents_linked"]
                result["documents_failed"] = first.counts["documents_failed"]
                result["commitments_created"] = first.counts["commitments_created"]
                seconds, statements = [], []
                for _ in range(reruns):
                    counter = _WriteCounter()
                    t0 = time.perf_counter()
                    with connection.execute_wrapper(counter):
                        sync_tk(folder, since=dt.date(2026, 1, 1), ingest_files=ingest_files)
                    seconds.append(round(time.perf_counter() - t0, 3))
                    statements.append(counter.statements)
                result["rerun_seconds"] = seconds
                result["rerun_write_statements"] = statements
                result["reruns_writing_nothing"] = sum(1 for n in statements if n == 0)
                raise _Rollback
        except _Rollback:
            pass
        return result
