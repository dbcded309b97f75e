"""``python manage.py flag_overdue [--today YYYY-MM-DD] [--format json|text]``: the overdue job, synchronously."""

from __future__ import annotations

import json
import re
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from commitments.overdue import flag_overdue, overdue_report


class Command(BaseCommand):
    help = (
        "Zet en wist 'te laat sinds' op toezeggingen, zoals de dagelijkse Celery-taak, maar direct "
        "en zonder broker. Toont daarna de toezeggingen die te laat zijn."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--today",
            help="Peildatum YYYY-MM-DD (standaard: vandaag, Europe/Amsterdam).",
        )
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **options) -> None:
        today = (
            _parse_date(options["today"])
            if options["today"] is not None
            else timezone.localdate()
        )
        result = flag_overdue(today)
        rows = overdue_report(today)
        if options["format"] == "json":
            self._write_json(today, result.newly_overdue, result.cleared, rows)
            return
        self.stdout.write(
            f"{today.isoformat()}: {result.newly_overdue} nieuw te laat, {result.cleared} niet meer te laat"
        )
        count = 0
        for row in rows:
            count += 1
            motions = f" [{', '.join(row['motions'])}]" if row["motions"] else ""
            self.stdout.write(
                f"#{row['id']} {row['due_date']} +{row['days_late']}d {row['status']} "
                f"{row['document']}{motions} {row['ministry']}: {row['quote'][:100]}"
            )
        self.stdout.write(f"{count} toezeggingen te laat")

    def _write_json(self, today: date, newly: int, cleared: int, rows) -> None:
        """Stream the list: at a million commitments it need not sit in memory as one string."""
        head = json.dumps(
            {"today": today.isoformat(), "newly_overdue": newly, "cleared": cleared},
            ensure_ascii=False,
        )
        self.stdout.write(head[:-1] + ', "overdue": [', ending="")
        for i, row in enumerate(rows):
            self.stdout.write(
                ("" if i == 0 else ", ") + json.dumps(row, ensure_ascii=False),
                ending="",
            )
        self.stdout.write("]}")


def _parse_date(value: str) -> date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--today: geen geldige datum (YYYY-MM-DD): {value!r}"
        ) from None
