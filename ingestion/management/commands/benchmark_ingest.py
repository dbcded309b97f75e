"""Measure ingest: documents per second through read + extract (Frog included) + store, and peak memory.

    python manage.py benchmark_ingest [--corpus FOLDER [FOLDER …]] [--copies 3] [--workers N] [--format json]

Ingests every file of the corpus folders (default ``fixtures/corpus``; each with its manifest) ``--copies``
times (each copy made unique by trailing blank lines), each in a savepoint rolled back after it, so that
every copy is a new document and the database is left as it was. This is
the code path the Celery worker runs for an upload (``ingestion.pipeline.ingest_file``), so the
process's peak resident memory is the worker's peak for this work; Frog's server is a separate
process and its resident memory is reported beside it (the server, and all its processes: it forks
one per connection, ``FROG_CONNECTIONS`` per ingesting process, so their proportional share, PSS).

Honest figures: the first copy of the corpus is a first sight (the process is warmed up on a short
letter of its own, and Frog's cache of analyses is emptied before it); later copies repeat the same
sentences and are served from that cache: they are reported apart ("repeated").  The process's CPU
seconds and the machine's load average are reported beside the wall-clock figures, as the machine
may be shared.

``--workers N`` (N > 1) then measures the ``ingest`` command's way with several files: each corpus file
once more (a copy of its own, in a savepoint rolled back at once), read and extracted ahead in N worker
processes and stored in order here (``ingestion.parallel``), also a first sight (the workers are forked
after Frog's cache is emptied again); CPU seconds are this process's and its workers' together.
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
from ingestion.parallel import ingest_files, usable
from ingestion.pipeline import Job, ingest_file


class _Rollback(Exception):
    pass


WARMUP = ("Geachte voorzitter,\n\nIn deze brief informeer ik uw Kamer over de voortgang van de aanpak. "
          "Het kabinet zal voor de zomer van 2031 een wetsvoorstel indienen. Ik stuur u eind 2031 de evaluatie.\n\n"
          "Hoogachtend,\n\nde minister\n")


def _proc_kb(pid: str, name: str, field: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def _frog_memory_mb() -> tuple[float | None, float | None]:
    """(resident memory of the Frog server on FROG_ADDRESS's port, the proportional memory (PSS) of
    the server and all its per-connection processes together); None when it runs elsewhere."""
    _host, port = frog.address()
    try:
        pids = subprocess.run(["pgrep", "-f", f"frog -S {port} "], capture_output=True, text=True).stdout.split()
    except OSError:
        return None, None
    rss = [kb for pid in pids if (kb := _proc_kb(pid, "status", "VmRSS")) is not None]
    pss = [kb for pid in pids if (kb := _proc_kb(pid, "smaps_rollup", "Pss")) is not None]
    return (round(min(rss) / 1024, 1) if rss else None), (round(sum(pss) / 1024, 1) if pss else None)


class Command(BaseCommand):
    help = "Benchmark ingest (documents/s, peak memory); everything it stores is rolled back."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", nargs="+", default=[str(Path(settings.BASE_DIR) / "fixtures" / "corpus")],
                            metavar="FOLDER", help="folders of documents with their manifest.json")
        parser.add_argument("--copies", type=int, default=3, help="times each corpus file is ingested")
        parser.add_argument("--workers", type=int, default=1,
                            help="also measure ingest with N worker processes (as `ingest --workers N`)")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **opts):
        if opts["copies"] < 1:
            raise CommandError("--copies must be at least 1")
        if opts["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        workers = usable(opts["workers"])
        try:
            frog.ensure_server()
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        files = expand(opts["corpus"])
        if not files:
            raise CommandError(f"no documents in {', '.join(opts['corpus'])}")
        tmp = Path(tempfile.mkdtemp(prefix="benchmark-ingest-"))
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        results = []
        try:
            copies = []
            for n in range(opts["copies"]):
                for i, (path, entry) in enumerate(files):
                    copy = tmp / f"{n}_{i}_{path.name}"  # (two folders may hold the same name)
                    copy.write_bytes(path.read_bytes() + b"\n" * (n + 1))
                    copies.append((copy, entry))
            warmup = tmp / "warmup.txt"
            warmup.write_text(WARMUP, encoding="utf-8")
            first = len(files)          # copies[:first]: the first sight of each document
            times: list[tuple[float, float]] = []   # (wall, cpu) per document
            parallel = None
            try:
                with transaction.atomic():
                    warm = ingest_file(warmup, doc_type="kamerbrief", date=_date("2030-01-15"), flag=False)
                    if warm.status == "error":
                        raise CommandError(f"warm-up failed: {warm.message}")
                    frog.client().clear_cache()   # nothing of the corpus is known before its first sight
                    for copy, entry in copies:
                        try:
                            # each document in a savepoint rolled back after it: a copy is a new document again
                            # (a real letter names its Kamerstuk number, which a stored copy would hold already)
                            with transaction.atomic():
                                t0, c0 = time.perf_counter(), time.process_time()
                                results.append(ingest_file(
                                    copy, doc_type=entry.get("type"),
                                    date=_date(entry.get("date")), ministry=entry.get("ministry"),
                                    kamerstuk=None, subject=entry.get("subject"), source_name=copy.name, flag=False))
                                times.append((time.perf_counter() - t0, time.process_time() - c0))
                                raise _Rollback
                        except _Rollback:
                            pass
                    frog_rss, frog_pss = _frog_memory_mb()  # (before any worker's connections)
                    if workers > 1:
                        frog.client().clear_cache()   # the workers are forked with this (empty) cache: a first sight
                        parallel = self._parallel(files, tmp, workers)
                    raise _Rollback
            except _Rollback:
                pass
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        errors = [r for r in results if r.status == "error"]
        if errors:
            raise CommandError(f"{len(errors)} documents failed: {errors[0].path}: {errors[0].message}")
        elapsed = sum(t for t, _ in times)
        first_s = sum(t for t, _ in times[:first])
        repeated_s = sum(t for t, _ in times[first:])
        result = {
            "documents": len(results),
            "seconds": round(elapsed, 2),
            "documents_per_s": round(len(results) / elapsed, 2),
            "first_sight": {"documents": first, "seconds": round(first_s, 2),
                            "documents_per_s": round(first / first_s, 2),
                            "cpu_s": round(sum(c for _, c in times[:first]), 2)},
            "repeated": ({"documents": len(times) - first, "seconds": round(repeated_s, 2),
                          "documents_per_s": round((len(times) - first) / repeated_s, 2),
                          "cpu_s": round(sum(c for _, c in times[first:]), 2)} if repeated_s else None),
            "parallel": parallel,
            "frog_connections": frog.connections(),
            "commitments": sum(r.commitments for r in results),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_before_mb": round(rss_before, 1),
            "frog_rss_mb": frog_rss,
            "frog_total_pss_mb": frog_pss,
            "load_average": round(os.getloadavg()[0], 2),
            "pid": os.getpid(),
        }
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, indent=1))
            return
        f, r = result["first_sight"], result["repeated"]
        self.stdout.write(f"ingested {result['documents']} documents in {result['seconds']} s: "
                          f"{result['documents_per_s']} documents/s, {result['commitments']} commitments (rolled back)")
        self.stdout.write(f"  first sight: {f['documents']} documents in {f['seconds']} s, {f['documents_per_s']} "
                          f"documents/s ({f['cpu_s']} s CPU in this process)")
        if r:
            self.stdout.write(f"  repeated (Frog's analyses cached): {r['documents']} documents in {r['seconds']} s, "
                              f"{r['documents_per_s']} documents/s ({r['cpu_s']} s CPU)")
        if parallel:
            self.stdout.write(f"  with {parallel['workers']} workers (first sight, as `ingest --workers "
                              f"{parallel['workers']}`): {parallel['documents']} documents in {parallel['seconds']} s, "
                              f"{parallel['documents_per_s']} documents/s ({parallel['cpu_s']} s CPU with its workers; "
                              f"a worker's peak memory {parallel['worker_peak_rss_mb']} MB)")
        self.stdout.write(f"  peak memory {result['peak_rss_mb']} MB (before: {result['rss_before_mb']} MB); "
                          f"Frog server {result['frog_rss_mb']} MB resident, {result['frog_total_pss_mb']} MB with its "
                          f"{result['frog_connections']} connection processes (PSS); "
                          f"load average {result['load_average']} on {os.cpu_count()} CPUs")

    def _parallel(self, files, tmp: Path, workers: int) -> dict:
        """Each corpus file once more (a copy of its own), through ``ingest_files`` with ``workers`` processes, in a
        savepoint rolled back afterwards."""
        jobs = []
        for i, (path, entry) in enumerate(files):
            copy = tmp / f"parallel_{i}_{path.name}"
            copy.write_bytes(path.read_bytes() + b" \n")
            jobs.append(Job(copy, doc_type=entry.get("type"), date=_date(entry.get("date")),
                            ministry=entry.get("ministry"), subject=entry.get("subject"), source_name=copy.name))
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        try:
            with transaction.atomic():  # rolled back here: the copies measured next are new documents again
                t0, c0 = time.perf_counter(), time.process_time()
                done = list(ingest_files(jobs, workers=workers, flag=False))  # returns after its workers ended
                wall, own = time.perf_counter() - t0, time.process_time() - c0
                raise _Rollback
        except _Rollback:
            pass
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = own + (after.ru_utime - children.ru_utime) + (after.ru_stime - children.ru_stime)
        if errors := [r for r in done if r.status != "created"]:
            raise CommandError(f"{len(errors)} documents were not ingested with workers: {errors[0].path}: "
                               f"{errors[0].status} {errors[0].message}")
        return {"workers": workers, "documents": len(done), "seconds": round(wall, 2),
                "documents_per_s": round(len(done) / wall, 2), "cpu_s": round(cpu, 2),
                "commitments": sum(r.commitments for r in done),
                "worker_peak_rss_mb": round(after.ru_maxrss / 1024, 1)}  # the largest worker's (forked: shared pages)


def _date(value):
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None
