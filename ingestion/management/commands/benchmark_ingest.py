"""Measure ingest: documents per second through read + extract (Frog included) + store, and peak memory.

    python manage.py benchmark_ingest [--corpus fixtures/corpus] [--copies 3] [--format json]

Ingests every corpus file ``--copies`` times (each copy made unique by trailing blank lines, so it is
a new document) inside one transaction that is rolled back: the database is left as it was. This is
the code path the Celery worker runs for an upload (``ingestion.pipeline.ingest_file``), so the
process's peak resident memory is the worker's peak for this work; Frog's server is a separate
process and its resident memory is reported beside it.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from commitments.extraction import frog
from ingestion.management.commands.ingest import expand
from ingestion.pipeline import ingest_file


class _Rollback(Exception):
    pass


def _frog_rss_mb() -> float | None:
    """Resident memory of the Frog server listening on FROG_ADDRESS's port (its parent process)."""
    _host, port = frog.address()
    try:
        out = subprocess.run(["pgrep", "-f", f"frog -S {port} "], capture_output=True, text=True).stdout.split()
    except OSError:
        return None
    sizes = []
    for pid in out:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        except OSError:
            continue
    return round(min(sizes), 1) if sizes else None


class Command(BaseCommand):
    help = "Benchmark ingest (documents/s, peak memory); everything it stores is rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(Path(settings.BASE_DIR) / "fixtures" / "corpus"))
        parser.add_argument("--copies", type=int, default=3, help="times each corpus file is ingested")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **opts):
        if opts["copies"] < 1:
            raise CommandError("--copies must be at least 1")
        try:
            frog.ensure_server()
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        files = expand([opts["corpus"]])
        if not files:
            raise CommandError(f"no documents in {opts['corpus']}")
        tmp = Path(tempfile.mkdtemp(prefix="benchmark-ingest-"))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results = []
        try:
            copies = []
            for n in range(opts["copies"]):
                for path, entry in files:
                    copy = tmp / f"{n}_{path.name}"
                    copy.write_bytes(path.read_bytes() + b"\n" * (n + 1))
                    copies.append((copy, entry))
            start = time.perf_counter()
            try:
                with transaction.atomic():
                    for copy, entry in copies:
                        results.append(ingest_file(
                            copy, doc_type=entry.get("type"),
                            date=_date(entry.get("date")), ministry=entry.get("ministry"),
                            kamerstuk=None, subject=entry.get("subject"), source_name=copy.name, flag=False))
                    raise _Rollback
            except _Rollback:
                pass
            elapsed = time.perf_counter() - start
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        errors = [r for r in results if r.status == "error"]
        if errors:
            raise CommandError(f"{len(errors)} documents failed: {errors[0].path}: {errors[0].message}")
        result = {
            "documents": len(results),
            "seconds": round(elapsed, 2),
            "documents_per_s": round(len(results) / elapsed, 2),
            "commitments": sum(r.commitments for r in results),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_mb": round(rss_before, 1),
            "frog_rss_mb": _frog_rss_mb(),
            "pid": os.getpid(),
        }
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, indent=1))
            return
        self.stdout.write(f"ingested {result['documents']} documents in {result['seconds']} s: "
                          f"{result['documents_per_s']} documents/s, {result['commitments']} commitments (rolled back); "
                          f"peak memory {result['peak_rss_mb']} MB (before: {result['rss_before_mb']} MB); "
                          f"Frog server {result['frog_rss_mb']} MB")


def _date(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None
