"""Print the commitments found in one document, without touching the database.

    python manage.py extract_commitments FILE --date YYYY-MM-DD [--type kamerbrief|vso] --format json
"""

from __future__ import annotations

import datetime as dt
import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commitments.extraction import frog
from commitments.extraction.extractor import extract
from commitments.extraction.model import threshold_for
from documents.reader import ReaderError, read_document


def _date(s: str) -> dt.date:
    try:
        return dt.date.fromisoformat(s)
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {s!r}") from exc


class Command(BaseCommand):
    help = "Extract commitments (toezeggingen) and their due dates from a Kamerbrief or VSO file."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--date", type=_date, default=None,
                            help="date of the document (the anchor for time phrases); default: detected")
        parser.add_argument("--type", dest="doc_type", choices=["kamerbrief", "vso"], default=None)
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **opts):
        try:
            doc = read_document(opts["file"], doc_type=opts["doc_type"], date=opts["date"])
        except (ReaderError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        try:
            started = frog.ensure_server(log=self.stderr.write)
            if started:
                host, port = frog.address()
                self.stderr.write(f"started Frog on {host}:{port} in {started:.1f} s (once; it keeps running for "
                                  f"the next calls: stop it with `pkill -f 'frog -S {port}'`)")
            items = extract(doc, threshold=threshold_for(settings.EXTRACTION_MIN_CONFIDENCE))
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        if opts["format"] == "json":
            out = {
                "document": {"type": doc.type, "date": doc.date.isoformat() if doc.date else None,
                             "kamerstuk": doc.kamerstuk, "bewindspersoon": doc.bewindspersoon},
                "commitments": [c.as_dict() for c in items],
            }
            self.stdout.write(json.dumps(out, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{doc.source_name}: {doc.type}, {doc.date}, {doc.bewindspersoon or '?'}; "
                          f"{len(items)} commitments\n")
        for n, c in enumerate(items, 1):
            dl = c.deadline
            due = dl.due_date.isoformat() if dl.due_date else "-"
            est = " (estimated recess)" if dl.estimated else ""
            self.stdout.write(f"{n:3}. [{c.kind}] due {due}{est}  {dl.kind}: {dl.phrase or '-'}  ({dl.rule})")
            self.stdout.write(f"     {c.quote}")
            extra = [f"actor: {c.actor}" if c.actor else "", f"deliverable: {c.deliverable}" if c.deliverable else "",
                     f"fractie: {c.fractie}" if c.fractie else "", f"motions: {', '.join(c.motions)}" if c.motions else ""]
            self.stdout.write("     " + "; ".join(e for e in extra if e))
