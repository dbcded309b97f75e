"""Which open commitments in the database may this letter fulfil, partly fulfil or postpone?

    python manage.py suggest_fulfilment FILE --date YYYY-MM-DD [--type kamerbrief|vso] [--ministry NAME] --format json

Reads the file without storing it and ranks against the database (``commitments.fulfilment``),
best first. Changes nothing: no document, no suggestion, no status is written.
"""

from __future__ import annotations

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from commitments.fulfilment import LetterView, rank
from commitments.services import DATE_YEARS, date_in_range
from documents.limits import LimitExceeded, check_file, check_text
from documents.reader import ReaderError, read_document


def _date(s: str) -> dt.date:
    try:
        value = dt.date.fromisoformat(s)
    except ValueError as exc:
        raise CommandError(f"--date must be YYYY-MM-DD, got {s!r}") from exc
    if not date_in_range(value):
        raise CommandError(f"--date {s} is not between {DATE_YEARS[0]} and {DATE_YEARS[1]}")
    return value


class Command(BaseCommand):
    help = "Rank the open commitments a letter may fulfil, partly fulfil or postpone (read-only)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--date", required=True, help="date of the letter, YYYY-MM-DD")
        parser.add_argument("--type", dest="doc_type", choices=["kamerbrief", "vso"], default=None)
        parser.add_argument("--ministry", default="", help="the letter's ministry, when the text does not say")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--format", choices=["json", "text"], default="json")

    def handle(self, *args, **opts):
        date = _date(opts["date"])
        if opts["limit"] < 1:
            raise CommandError("--limit must be at least 1")
        try:
            check_file(opts["file"])
            parsed = read_document(opts["file"], doc_type=opts["doc_type"], date=date, check_text=check_text)
        except (ReaderError, LimitExceeded, OSError, UnicodeError) as exc:
            raise CommandError(f"cannot read {opts['file']}: {str(exc).splitlines()[0] if str(exc) else exc}") from exc
        # Read-only by construction; the rollback is a second guard.
        with transaction.atomic():
            letter = LetterView.from_parsed(parsed, ministry=opts["ministry"])
            found = rank(letter, limit=opts["limit"])
            transaction.set_rollback(True)
        if opts["format"] == "json":
            self.stdout.write(json.dumps({"suggestions": [s.as_dict() for s in found]}, ensure_ascii=False, indent=1))
            return
        self.stdout.write(f"{opts['file']}: {len(found)} suggestion(s)")
        for n, s in enumerate(found, 1):
            due = f" → {s.new_due_date.isoformat()}" if s.new_due_date else ""
            self.stdout.write(f"{n:3}. #{s.commitment.pk} {s.kind}{due} score {s.score:.2f}: {s.commitment.quote[:100]}")
            for e in s.evidence:
                self.stdout.write(f"       - {e}")
