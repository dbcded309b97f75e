"""Top-1 and top-3 hit rates of the fulfilment ranker on the labelled set (fixtures/fulfilment_eval/).

    python manage.py evaluate_suggestions [--split dev|heldout|all] [--format json|text] [--verbose] [--tune]

Builds the corpus state inside a transaction (ingest of fixtures/corpus, Frog needed) and rolls it
back: the database is left as it was. ``--tune`` searches the weight grid on the chosen split and
prints the best weights (copy them into commitments/fulfilment.py by hand; tune on dev only).
"""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from commitments.extraction import frog
from ingestion.fulfilment_eval import ingest_corpus, load_labels, prepare, score, tune


class Command(BaseCommand):
    help = "Measure the fulfilment suggestions on the labelled set (top-1, top-3, kind)."

    def add_arguments(self, parser):
        parser.add_argument("--split", choices=["dev", "heldout", "all"], default="all")
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument("--verbose", action="store_true")
        parser.add_argument("--tune", action="store_true")

    def handle(self, *args, **opts):
        try:
            frog.ensure_server(log=self.stderr.write)
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot ingest the corpus without Frog: {exc}") from exc
        labels = load_labels()
        with transaction.atomic():
            ingest_corpus()
            results = {}
            splits = ["dev", "heldout", "all"] if opts["split"] == "all" else [opts["split"]]
            for split in splits:
                prepared = prepare(labels, split)
                results[split] = score(prepared, verbose=opts["verbose"])
                if opts["tune"] and split == opts["split"]:
                    weights, r = tune(prepared)
                    results[split]["tuned"] = {"weights": weights, "result": r}
            transaction.set_rollback(True)
        if opts["format"] == "json":
            self.stdout.write(json.dumps(results, ensure_ascii=False, indent=1))
            return
        for split, r in results.items():
            self.stdout.write(
                f"{split:8} letters {r['letters']:3}  pairs {r['pairs']:3}  top-1 {r['top1']}  top-3 {r['top3']}  "
                f"kind {r['kind_accuracy']}"
            )
            if "tuned" in r:
                self.stdout.write(f"  tuned: {r['tuned']['result']} with {r['tuned']['weights']}")
            for d in r.get("details", []):
                self.stdout.write(f"  {d['id']}: top1={d['top1']} {d['answers']} missing={d['missing_labels']}")
                for t in d["top3"]:
                    self.stdout.write(f"      {t}")
