"""Write (or compare) everything the extractor says about a set of documents: a guard for speed work.

    python manage.py snapshot_extraction --out before.json          # corpus + every gold set on this machine
    python manage.py snapshot_extraction --compare before.json      # exit status 1 and the first differences
    python manage.py snapshot_extraction --corpus DIR [--corpus DIR …] --out x.json

Per document: the ``extract_commitments --format json`` items and, for every candidate sentence, its
rule, deadline, confidence and features (Frog's included).  A change that only makes extraction
faster must leave this file byte-identical.  Touches no database.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commitments.extraction import evaluation as ev
from commitments.extraction import frog
from commitments.extraction.extractor import select
from commitments.extraction.model import candidates, threshold_for
from documents.reader import ReaderError, read_document


def _documents(corpora: list[str]) -> list[tuple[str, Path, dict]]:
    """(label, path, manifest entry) for every .txt of each corpus folder (with its manifest.json)."""
    out = []
    for folder in corpora:
        folder = Path(folder)
        manifest_path = folder / "manifest.json"
        if not manifest_path.is_file():
            raise CommandError(f"{folder} has no manifest.json")
        manifest = {m["file"]: m for m in json.loads(manifest_path.read_text(encoding="utf-8"))}
        for name in sorted(manifest):
            if (folder / name).is_file():
                out.append((_label(folder / name), folder / name, manifest[name]))
    return out


def _label(path: Path) -> str:
    base = Path(settings.BASE_DIR).resolve().parent
    path = path.resolve()
    return str(path.relative_to(base)) if path.is_relative_to(base) else str(path)


def snapshot(corpora: list[str]) -> dict:
    result = {}
    for label, path, meta in _documents(corpora):
        date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
        try:
            doc = read_document(path, doc_type=meta.get("type"), date=date)
        except ReaderError as exc:
            result[label] = {"error": str(exc)}
            continue
        cands = candidates(doc)
        items = select(doc, cands, threshold=threshold_for(settings.EXTRACTION_MIN_CONFIDENCE))
        result[label] = {
            "commitments": [c.as_dict() for c in items],
            "candidates": [{"span": list(c.span), "rule": c.rule, "deadline": c.deadline.as_dict(),
                            "confidence": round(c.confidence, 9), "features": sorted(c.features)}
                           for c in cands],
        }
    return result


class Command(BaseCommand):
    help = "Snapshot (or compare) the extractor's full output on the corpus and the gold sets."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--corpus", action="append", default=None,
                            help="corpus folder with manifest.json (repeatable); default: fixtures/corpus and "
                                 "the corpus of every gold set on this machine")
        parser.add_argument("--out", default=None, help="write the snapshot to this file")
        parser.add_argument("--compare", default=None, help="compare with this snapshot; exit 1 when different")

    def handle(self, *args, **opts):
        if not opts["out"] and not opts["compare"]:
            raise CommandError("give --out FILE, --compare FILE or both")
        corpora = opts["corpus"] or [str(Path(settings.BASE_DIR) / "fixtures" / "corpus"),
                                     *dict.fromkeys(str(s.corpus) for s in ev.known_sets())]
        try:
            frog.ensure_server(log=self.stderr.write)
            data = snapshot(corpora)
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True, default=str) + "\n"
        n_items = sum(len(d.get("commitments", [])) for d in data.values())
        if opts["out"]:
            Path(opts["out"]).write_text(text, encoding="utf-8")
            self.stdout.write(f"{len(data)} documents, {n_items} commitments written to {opts['out']}")
        if opts["compare"]:
            before = json.loads(Path(opts["compare"]).read_text(encoding="utf-8"))
            now = json.loads(text)
            changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
            if changed:
                for k in changed[:10]:
                    self.stderr.write(f"differs: {k}")
                raise CommandError(f"{len(changed)} of {len(now)} documents differ from {opts['compare']}")
            self.stdout.write(f"identical: {len(now)} documents, {n_items} commitments")
