"""Build the extractor's model from the annotated letters and the griffie's review decisions.

    python manage.py train_extractor [--output PATH] [--no-clerk] [--c 0.5] [--threshold 0.5]

Writes plain JSON (weights, vocabulary, bias, threshold, and the calibration of the confidence shown on an item,
fit on the proposals of models trained without a third of the ministries each): the same inputs give the same file.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from commitments.extraction import evaluation as ev
from commitments.extraction import training
from commitments.extraction.model import MODEL_PATH, load_model


class Command(BaseCommand):
    help = "Train the commitment extractor's logistic model (JSON) from gold annotations and clerks' decisions."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(MODEL_PATH), help="where to write the model (default: the stored one)")
        parser.add_argument("--no-clerk", action="store_true", help="leave out the griffie's review decisions")
        parser.add_argument("--c", type=float, default=settings.EXTRACTION_TRAINING_C, help="inverse regularisation")
        parser.add_argument("--threshold", type=float, default=settings.EXTRACTION_TRAINING_THRESHOLD,
                            help="confidence from which a sentence is proposed (stored in the model)")

    def handle(self, *args, **opts):
        sets = [s for s in ev.known_sets() if s.role in ev.TRAINED_ROLES]
        docs = ev.load_docs(sets)
        examples = training.examples_from_docs(docs)
        clerk = [] if opts["no_clerk"] else training.clerk_examples()
        meta = {
            "sets": sorted(s.name for s in sets),
            "documents": len(docs),
            "examples": len(examples),
            "positives": sum(e.label for e in examples),
            "clerk_examples": len(clerk),
            "c": opts["c"],
        }
        fitting = {"c": opts["c"], "threshold": opts["threshold"], "gate": settings.EXTRACTION_GATE,
                   "c2": settings.EXTRACTION_TRAINING_C2, "boost": training.boost_settings()}
        model = training.fit_cascade(examples + clerk, meta=meta, **fitting)
        # the confidence an item shows: how often a proposal of its score was a promise in letters of
        # ministries the model had not seen
        model.calibration, model.meta["calibration"] = training.fit_calibration(
            docs, [d for d in docs if d.set.role == "real"], extra=clerk, **fitting)
        out = Path(opts["output"])
        out.write_text(model.to_json(), encoding="utf-8")
        load_model.cache_clear()
        self.stdout.write(f"model written to {out}: {len(model.weights)} weights from {len(docs)} documents, "
                          f"{meta['examples']} sentences ({meta['positives']} commitments), "
                          f"{len(clerk)} clerk decisions; threshold {model.threshold} (shown as confidence "
                          f"{model.shown(model.threshold):.2f}; calibrated on {model.meta['calibration']['proposals']} "
                          f"proposals)")
