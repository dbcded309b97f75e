"""python manage.py ingest PATH [PATH …] [--date YYYY-MM-DD] [--type kamerbrief|vso] [--replace] [--workers N]

Files or folders. A folder with a manifest.json (format of fixtures/corpus/manifest.json)
takes date, type, ministry, kamerstuk and subject from it; command-line options
override both the manifest and what was detected. One line per document
(created / unchanged / replaced / error) and a summary; exit 1 if any file failed.
Several files are read and extracted ahead in ``--workers`` processes (default: one per CPU up
to four, ``INGEST_WORKERS``) and stored here in order, with the same results as one by one.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from commitments.extraction import frog
from commitments.services import DATE_YEARS, date_in_range
from ingestion.parallel import default_workers, ingest_files, usable
from ingestion.pipeline import IngestResult, Job

SUFFIXES = {".txt", ".text", ".docx", ".pdf"}


def parse_date(value: str) -> dt.date:
    try:
        date = dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--date: {value!r} is not a date in the form YYYY-MM-DD") from None
    if not date_in_range(date):
        raise CommandError(f"--date: {value} is not between {DATE_YEARS[0]} and {DATE_YEARS[1]}; nothing was ingested")
    return date


def expand(paths: list[str]) -> list[tuple[Path, dict]]:
    """Files to ingest, each with its manifest entry (or {})."""
    out: list[tuple[Path, dict]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            manifest = {}
            if (path / "manifest.json").exists():
                try:
                    entries = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
                    manifest = {e["file"]: e for e in entries}
                except (ValueError, KeyError, TypeError) as exc:
                    raise CommandError(f"{path / 'manifest.json'}: unreadable manifest ({exc})") from None
            out += [(f, manifest.get(f.name, {})) for f in sorted(path.iterdir())
                    if f.is_file() and f.suffix.lower() in SUFFIXES]
        else:
            out.append((path, {}))
    return out


class Command(BaseCommand):
    help = "Read Kamerbrieven and VSO documents (txt, docx, pdf) into the database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--date", type=parse_date, help="document date YYYY-MM-DD (overrides detection)")
        parser.add_argument("--type", dest="doc_type", choices=["kamerbrief", "vso"])
        parser.add_argument("--replace", action="store_true",
                            help="replace a stored document with the same Kamerstuk number")
        parser.add_argument("--workers", type=int, default=None,
                            help="processes that read and extract ahead (default: one per CPU up to four; 1: none)")

    def handle(self, *args, paths, date, doc_type, replace, workers, **options):
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1")
        files = expand(paths)
        try:
            started = frog.ensure_server(log=self.stderr.write)
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        if started:
            self.stderr.write(f"started Frog in {started:.1f} s; it keeps running for the next calls")
        start = time.perf_counter()
        results: list[IngestResult] = []
        jobs: list[Job] = []
        for path, entry in files:
            try:
                entry_date = dt.date.fromisoformat(entry["date"]) if entry.get("date") else None
            except ValueError:
                self._report(IngestResult(str(path), "error", f"manifest date {entry['date']!r} is not YYYY-MM-DD"),
                             results)
                continue
            jobs.append(Job(path, doc_type=doc_type or entry.get("type"), date=date or entry_date,
                            ministry=entry.get("ministry"), kamerstuk=entry.get("kamerstuk"),
                            subject=entry.get("subject")))
        workers = usable(default_workers() if workers is None else workers)
        bar = tqdm(total=len(jobs), unit="doc", disable=len(jobs) < 10, file=self.stderr._out, leave=False)
        for result in ingest_files(jobs, workers=workers, replace=replace):
            bar.update()
            self._report(result, results)
        bar.close()
        elapsed = time.perf_counter() - start
        counts = {s: sum(r.status == s for r in results) for s in ("created", "replaced", "unchanged", "error")}
        summary = ", ".join(f"{n} {s}" for s, n in counts.items())
        commitments = sum(r.commitments for r in results)
        self.stdout.write(f"{len(results)} documents: {summary}; {commitments} commitments proposed; {elapsed:.2f} s")
        if counts["error"]:
            raise CommandError(f"{counts['error']} of {len(results)} documents could not be ingested")

    def _report(self, result: IngestResult, results: list[IngestResult]) -> None:
        results.append(result)
        line = f"{result.status:9} {result.path}"
        if result.document is not None:
            line += f"  [document {result.document.pk}]"
        if result.message:
            line += f"  {result.message}"
        style = self.style.ERROR if result.status == "error" else self.style.SUCCESS
        (self.stderr if result.status == "error" else self.stdout).write(style(line))
