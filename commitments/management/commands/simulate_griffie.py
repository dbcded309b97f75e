"""What the griffie's decisions teach the extractor, simulated on the real-letter gold.

    python manage.py simulate_griffie [--ministry AZ ...] [--format text|json]

Per ministry, its real letters in date order are split in half: the griffie reviews the first half (a model trained
on the other ministries proposes; what the gold counts is accepted, the rest rejected, the counted promises it missed
added, as the review queue and "Gemiste toezegging toevoegen" store them), and the second half is what comes later.
The model is retrained on the other ministries plus nothing, the accepts and rejects, those and the additions, or the
reviewed letters fully annotated, and each is scored on the later letters (``training.griffie_simulation``).
All ministries take about 15 minutes (four models each).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commitments.extraction import evaluation as ev
from commitments.extraction import training

LABELS = {"none": "the model as it stands", "decisions": "+ the accepts and rejects",
          "decisions+additions": "+ accepts, rejects and additions", "annotated": "+ the reviewed letters annotated"}


class Command(BaseCommand):
    help = "Simulate the griffie's review of half of each ministry's letters and score what it teaches on the rest."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--ministry", action="append", default=[], help="only this ministry (repeatable)")
        parser.add_argument("--format", choices=["text", "json"], default="text")

    def handle(self, *args, **opts):
        docs = ev.load_docs(ev.known_sets())
        real = [d for d in docs if d.set.role == "real"]
        known = {d.ministry for d in real}
        unknown = sorted(set(opts["ministry"]) - known)
        if unknown:
            raise CommandError(f"no real letters of {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        result = training.griffie_simulation(
            [d for d in docs if d.set.role in ev.TRAINED_ROLES], real, opts["ministry"] or None,
            c=settings.EXTRACTION_TRAINING_C, threshold=settings.EXTRACTION_TRAINING_THRESHOLD,
            gate=settings.EXTRACTION_GATE, c2=settings.EXTRACTION_TRAINING_C2, boost=training.boost_settings())
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, indent=1))
            return
        for row in result["ministries"]:
            r = row["review"]
            self.stdout.write(f"{row['ministry']}: {row['reviewed']} letters reviewed ({r.get('accepted', 0)} accepted, "
                              f"{r.get('rejected', 0)} rejected, {r.get('added', 0)} added), {row['later']} later")
            for variant, s in row["scores"].items():
                self.stdout.write(f"  {LABELS[variant]:36} P {s['precision']} R {s['recall']} F1 {s['f1']}")
        r = result["review"]
        self.stdout.write(f"== overall: {r.get('proposals', 0)} proposals reviewed, {r.get('accepted', 0)} accepted, "
                          f"{r.get('rejected', 0)} rejected, {r.get('added', 0)} of {r.get('promises', 0)} "
                          "counted promises added")
        for variant, s in result["overall"].items():
            self.stdout.write(f"  {LABELS[variant]:36} P {s['precision']} R {s['recall']} F1 {s['f1']} "
                              f"dated recall {s['dated_recall']} ({s['gold']} counted items in the later letters)")
