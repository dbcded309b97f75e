"""Regenerate the demo's review decisions from the hand annotations (see commitments/review_fixture.py).

    python manage.py make_review_decisions [--corpus fixtures/corpus] \
        [--gold ../shared/gold --gold commitments/tests/gold_extra] [--out fixtures/review_decisions.json]

Runs the extractor on each corpus document (no database), pairs its proposals with the annotated
commitments of that document and writes the decisions a clerk would take.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commitments.extraction.extractor import extract
from commitments.review_fixture import Extracted, make_decisions
from documents.reader import read_document

#: The clerk's story in the corpus (docs/domain.md): the beleidsreactie on "Druk op de keten"
#: promised in 003 "voor de zomer" 2024 came with the letter 001 of 16 December 2024.
FULFILMENTS = {
    "003-46": {
        "fulfilled_by": "001_3eec2496caf3007a.txt",
        "note": "De beleidsreactie op ‘Druk op de keten’ kwam met de brief van 16 december 2024.",
    },
}


class Command(BaseCommand):
    help = "Write fixtures/review_decisions.json from the annotated gold commitments."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        base = Path(settings.BASE_DIR)
        parser.add_argument("--corpus", default=str(base / "fixtures" / "corpus"))
        parser.add_argument("--gold", action="append", default=None,
                            help="folder of NNN.jsonl annotations (repeatable); "
                                 "default ../shared/gold and commitments/tests/gold_extra")
        parser.add_argument("--out", default=str(base / "fixtures" / "review_decisions.json"))

    def handle(self, *args, **opts):
        base = Path(settings.BASE_DIR)
        corpus = Path(opts["corpus"])
        gold_dirs = [Path(g) for g in (opts["gold"] or [base.parent / "shared" / "gold",
                                                        base / "commitments" / "tests" / "gold_extra"])]
        manifest = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))
        decisions: list[dict] = []
        # The newest letter is the one the griffie is still reviewing: its doubtful proposals stay queued.
        newest = max(manifest, key=lambda e: e.get("date") or "")["file"]
        for entry in manifest:
            name = entry["file"]
            gold = self._gold_for(name, gold_dirs)
            if gold is None:
                raise CommandError(f"no annotations for {name} in {', '.join(map(str, gold_dirs))}")
            doc = read_document(corpus / name, doc_type=entry.get("type"),
                                date=dt.date.fromisoformat(entry["date"]) if entry.get("date") else None)
            extracted = [Extracted(c.quote, c.deadline.due_date) for c in extract(doc)]
            mine = make_decisions(name, gold, extracted, leave_borderline=name == newest)
            for d in mine:
                d.update(FULFILMENTS.get(d.get("gold", ""), {}))
            decisions.extend(mine)
            counts = {a: sum(1 for d in mine if d["action"] == a) for a in ("accept", "reject")}
            self.stdout.write(f"{name}: {len(extracted)} proposals, {counts['accept']} accept, "
                              f"{counts['reject']} reject, {len(extracted) - len(mine)} left for the queue")
        out = {
            "about": "What a clerk accepted, edited and rejected in the five corpus documents, taken from the "
                     "hand annotations (borderline items rejected, except in the newest letter, whose "
                     "doubtful proposals stay in the review queue). Keyed by document file and quote, never by database id. "
                     "Regenerate: python manage.py make_review_decisions; apply: "
                     "python manage.py apply_review_decisions fixtures/review_decisions.json",
            "actor": "demo-griffie",
            "decisions": decisions,
        }
        Path(opts["out"]).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        self.stdout.write(f"wrote {len(decisions)} decisions to {opts['out']}")

    @staticmethod
    def _gold_for(name: str, gold_dirs: list[Path]) -> list[dict] | None:
        for folder in gold_dirs:
            path = folder / f"{name[:3]}.jsonl"
            if path.exists():
                lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
                return [g for g in lines if g.get("doc", name) == name]
        return None
