"""How good is the extractor on real letters? Leave-one-ministry-out, and the frozen check set.

    python manage.py evaluate_extraction [--format text|json] [--verbose] [--sets all]

* ``lomo``: for each ministry, a model trained on every other ministry's letters (and the corpus and
  synthetic letters) is tested on that ministry's real letters: the honest estimate for a ministry
  the model has never seen.
* ``corpus held out``: the five long corpus documents (``../shared/gold``: 000-002 as annotated by others than
  those of the real letters; ``gold_extra``: 003-004 and three synthetic letters) scored by a model trained on
  everything else: whole documents and another hand's annotations, which the real letters (mostly openings) do
  not measure.
* ``check``: the stored model on the frozen check set, which is never trained or tuned on.
* ``whole``: the stored model on whole real letters as raw PDF text (not trained on; looked at).
* ``stored``: the stored model on each gold set (with ``--sets all``; flattering where it trained).
* ``agreement``: real letters annotated a second time by annotators who saw neither the first annotation
  nor the extractor (``commitments/tests/gold_second``): the second annotation scored against the first and
  the other way round, as the extractor is scored (how far two careful readers agree: the ceiling of any
  extractor measured on one reader's gold), and the extractor against either annotation of the same letters:
  cross-validated (``lomo``) on the letters it trains on, the stored model (``model``) on the frozen check set
  and the whole letter.
* ``confidence``: per band of the confidence shown on a proposal, how often such proposals were promises
  (cross-validated and on the check set), and the calibration error (0: a confidence of 0.7 is right 7 times in 10).
"""

from __future__ import annotations

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from commitments.extraction import evaluation as ev
from commitments.extraction import training
from commitments.extraction.model import load_model


class Command(BaseCommand):
    help = "Score the extractor: leave-one-ministry-out on the real letters, the frozen check set, per ministry."
    requires_system_checks: list = []

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--verbose", action="store_true", help="list misses, false hits and wrong dates")
        parser.add_argument("--sets", choices=["real", "all"], default="real")
        parser.add_argument("--skip-lomo", action="store_true", help="only score the stored model")
        parser.add_argument("--gate", default=None,
                            help="first-stage score from which Frog's second stage decides in the cross-validation "
                                 "(default: EXTRACTION_GATE); 'none': the first stage alone, without Frog")

    def handle(self, *args, **opts):
        sets = ev.known_sets()
        docs = ev.load_docs(sets)
        real = [d for d in docs if d.set.role == "real"]
        pool = [d for d in docs if d.set.role in ev.TRAINED_ROLES]
        result: dict = {}
        reports: dict[str, ev.Report] = {}
        gate = settings.EXTRACTION_GATE if opts["gate"] is None else (
            None if opts["gate"] == "none" else float(opts["gate"]))
        lomo_items: dict[str, list[dict]] = {}
        fitting = {"c": settings.EXTRACTION_TRAINING_C, "threshold": settings.EXTRACTION_TRAINING_THRESHOLD, "gate": gate,
                   "c2": settings.EXTRACTION_TRAINING_C2,
                   "boost": training.boost_settings() if gate is not None else None}
        if not opts["skip_lomo"] and real:
            reports["lomo"] = training.leave_one_ministry_out(pool, real, keep=lomo_items, **fitting)
        held = [d for d in pool if d.set.name in ev.CORPUS_SETS]
        if not opts["skip_lomo"] and held:
            reports["corpus held out"] = training.sets_held_out(pool, held, **fitting)
        model = load_model()
        stored_items: dict[str, list[dict]] = {}
        stored = training.keeping(training.run_model(model), stored_items)
        check = [d for d in docs if d.set.role == "check"]
        if check:
            reports["check"] = ev.evaluate(check, stored)
        whole = [d for d in docs if d.set.role == "whole"]
        if whole:
            reports["whole"] = ev.evaluate(whole, stored)
        # the extractor against either annotation as honestly as each part allows: cross-validated on the letters it
        # trains on, the stored model on the letters it never trained on (the items scored above, not run again)
        second = ev.load_second(docs)
        for role, run_name, items_of in (("real", "lomo", lomo_items), ("check", "model", stored_items),
                                         ("whole", "model", stored_items)):
            pairs = [(d, items) for d, items in second if d.set.role == role]
            if not pairs:
                continue
            runs = {run_name: lambda d, items_of=items_of: items_of[str(d.path)]} if items_of else {}
            for name, rep in ev.agreement(pairs, runs).items():
                reports[f"agreement {role}: {name}"] = rep
        if opts["sets"] == "all":
            for s in sets:
                part = [d for d in docs if d.set is s]
                reports[f"stored:{s.name}"] = ev.evaluate(part, training.run_model(model), group_by=lambda d: d.set.name)
        for name, rep in reports.items():
            result[name] = {"overall": ev.summary(rep.total),
                            "by_ministry": {g: ev.summary(c) for g, c in sorted(rep.by_group.items())}}
        # does the confidence shown say how often a proposal is a promise? Every proposal's score is shown as the
        # stored model shows it (for the cross-validated ones: its calibration was fit on other splits of the letters)
        confidence = {}
        for part, items_of, letters in (("lomo", lomo_items, real), ("check", stored_items, check)):
            judged = [row for d in letters if str(d.path) in items_of
                      for row in ev.proposals_judged(items_of[str(d.path)], d.items, "score")]
            if judged:
                confidence[f"{part}, the score alone"] = ev.reliability(judged)
                confidence[f"{part}, as shown"] = ev.reliability([(model.shown(score), y) for score, y in judged])
        if confidence:
            result["confidence"] = confidence
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, ensure_ascii=False, indent=1))
            return
        for name, rep in reports.items():
            o = result[name]["overall"]
            self.stdout.write(f"== {name}: P {o['precision']} R {o['recall']} F1 {o['f1']} dated recall "
                              f"{o['dated_recall']} due accuracy {o['due_accuracy']} invented {o['invented_due_dates']} "
                              f"({o['documents']} documents, {o['gold']} gold items)")
            for g, s in result[name]["by_ministry"].items():
                self.stdout.write(f"   {g:10} P {s['precision']:.2f} R {s['recall']:.2f} F1 {s['f1']:.2f} "
                                  f"dated {s['dated_recall']:.2f} due {s['due_accuracy']:.2f} "
                                  f"({s['documents']} docs, {s['gold']} gold, {s['tp']} tp, {s['fp']} fp)")
            if opts["verbose"]:
                for file, (kind, gid, text) in rep.details:
                    self.stdout.write(f"     {kind:8} {file[:28]:28} {gid or '-':8} {str(text)[:150]!r}")
        for name, rel in confidence.items():
            bands = "; ".join(f"{r['band'][0]:.1f}-{r['band'][1]:.1f}: {r['proposals']} at {r['mean_confidence']:.2f}, "
                              f"{r['promises']:.2f} promises" for r in rel["bands"])
            self.stdout.write(f"== confidence {name}: {rel['proposals']} proposals, calibration error {rel['ece']} ({bands})")
