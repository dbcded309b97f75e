"""python manage.py sync_tk [--since YYYY-MM-DD] [--source URL-or-folder] [--dry-run]"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from commitments.services import date_in_range, date_range_error
from tksync.sync import SyncError, sync_tk


class Command(BaseCommand):
    help = (
        "Fetch the Tweede Kamer's new letters (Brief regering), VSO reports and oral commitments "
        "(Toezegging) from its open data and store them; a re-run writes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--since", help="read everything changed from this day (YYYY-MM-DD) instead of the last run")
        parser.add_argument("--source", help="the OData URL or a folder of recorded responses (default: TK_ODATA_URL)")
        parser.add_argument("--dry-run", action="store_true", help="read and compare, write nothing")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, since=None, source=None, dry_run=False, format="text", **options):
        since_date = _parse_date(since) if since else None
        if since_date and not date_in_range(since_date):
            raise CommandError(f"--since: {date_range_error()}")
        if not dry_run:
            from commitments.extraction import frog

            try:  # a new letter is extracted like an upload; the register itself needs no Frog
                started = frog.ensure_server(log=self.stderr.write)
                if started:
                    self.stderr.write(f"started Frog in {started:.1f} s; it keeps running for the next calls")
            except frog.FrogUnavailable as exc:
                self.stderr.write(f"no Frog ({exc}): new documents are not stored tonight and retried next run")
        try:
            report = sync_tk(source, since=since_date, dry_run=dry_run)
        except SyncError as exc:
            raise CommandError(f"sync_tk stopped, nothing written: {exc}") from exc
        if format == "json":
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False))
            return
        for failure in report.failures:
            self.stderr.write(f"failed: {failure}")
        counts = ", ".join(f"{k} {v}" for k, v in sorted(report.counts.items()) if v)
        prefix = "dry run, nothing written: " if dry_run else ""
        self.stdout.write(f"{prefix}{counts or 'nothing read'}; {report.writes} writes in {report.seconds:.1f} s")


def _parse_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--since: {value!r} is not a date (YYYY-MM-DD)") from exc
