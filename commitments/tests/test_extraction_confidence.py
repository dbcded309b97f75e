"""The confidence shown on a proposal says how often such proposals were promises (Platt scaling fit on the
proposals of models that did not see the letters' ministries), without changing which sentences are proposed."""

from __future__ import annotations

import dataclasses

import pytest

from commitments.extraction import evaluation as ev
from commitments.extraction import training
from commitments.extraction.extractor import extract
from commitments.extraction.model import Model, load_model, threshold_for
from commitments.tests.test_extraction import doc_of

LETTER = ("Geachte voorzitter,\n\nIk informeer uw Kamer voor de zomer over de uitkomsten van de evaluatie. "
          "Daarnaast zal ik het wetsvoorstel in het najaar van 2025 in consultatie brengen.\n\n"
          "Wij streven ernaar de regeling in 2026 te herzien.\n\nHoogachtend,")


def test_platt_scaling_gives_the_share_of_promises_per_score():
    """Proposals scored 0.999 were promises 8 times in 10, those scored 0.6 4 times in 10: that is what shows."""
    judged = [(0.999, 1)] * 80 + [(0.999, 0)] * 20 + [(0.6, 1)] * 40 + [(0.6, 0)] * 60
    model = Model({}, 0.0, 0.5, calibration=training.platt(judged))
    assert model.shown(0.999) == pytest.approx(0.8, abs=0.02)
    assert model.shown(0.6) == pytest.approx(0.4, abs=0.02)
    # a score that says the opposite of the outcomes teaches nothing, nor do outcomes that are all alike
    assert training.platt([(0.9, 0)] * 10 + [(0.6, 1)] * 10) is None
    assert training.platt([(0.9, 1)] * 10) is None


def test_the_confidence_shown_keeps_the_order_and_the_threshold_maps_back():
    model = Model({}, 0.0, 0.5, calibration=(0.35, -0.5))
    scores = [0.01, 0.2, 0.5, 0.7, 0.9, 0.99]
    shown = [model.shown(p) for p in scores]
    assert shown == sorted(shown) and len(set(shown)) == len(shown)
    assert [model.raw_threshold(s) for s in shown] == pytest.approx(scores)
    # scores are clipped to [0.001, 0.999] before the calibration: beyond what they can show, nothing or everything
    assert model.raw_threshold(model.shown(1.0) + 0.001) > 1.0 and model.raw_threshold(model.shown(0.0)) == 0.0
    assert Model.from_json(model.to_json()).calibration == model.calibration
    plain = Model({}, 0.0, 0.5)   # without a calibration the score is shown as it is
    assert plain.shown(0.73) == 0.73 and plain.raw_threshold(0.73) == 0.73


def test_the_stored_model_shows_calibrated_confidences_and_proposes_what_its_scores_propose():
    model = load_model()
    assert model.calibration is not None and model.calibration[0] > 0
    uncalibrated = dataclasses.replace(model, calibration=None)
    doc = doc_of(LETTER, date="2025-03-01")
    shown, scored = extract(doc, model=model), extract(doc, model=uncalibrated)
    assert [i.quote for i in shown] == [i.quote for i in scored] and shown
    assert [i.confidence for i in shown] == [round(model.shown(i.confidence), 3) for i in scored]
    assert [i.score for i in shown] == [i.confidence for i in scored]   # the score stays on the item ("score")
    assert shown[0].as_dict()["score"] == shown[0].score
    assert all(s.confidence < r.confidence for s, r in zip(shown, scored) if r.confidence < 0.99)
    # EXTRACTION_MIN_CONFIDENCE is a confidence as shown: the model's own threshold, shown, proposes the same
    assert threshold_for(model.shown(model.threshold) + 0.0005, model) == pytest.approx(model.threshold)
    assert extract(doc, model=model, threshold=threshold_for(round(model.shown(model.threshold), 3), model)) == shown
    assert threshold_for(None, model) is None
    strict = extract(doc, model=model, threshold=threshold_for(0.99, model))
    assert len(strict) < len(shown)


def test_proposals_are_judged_as_the_scorer_judges_them_and_the_bands_say_how_often_they_were_right():
    gold = [{"id": "1", "quote": "Ik informeer uw Kamer voor de zomer over de evaluatie."},
            {"id": "2", "quote": "Wij streven ernaar de regeling te herzien.", "borderline": True}]
    items = [{"quote": "Ik informeer uw Kamer voor de zomer over de evaluatie.", "confidence": 0.9},
             {"quote": "Ik informeer uw Kamer voor de zomer over de evaluatie.", "confidence": 0.8},  # a second one
             {"quote": "Wij streven ernaar de regeling te herzien.", "confidence": 0.7},  # borderline: left out
             {"quote": "De monitor verschijnt jaarlijks in het najaar.", "confidence": 0.45}]  # no gold item
    judged = ev.proposals_judged(items, gold)
    assert judged == [(0.9, 1), (0.8, 0), (0.45, 0)]
    rel = ev.reliability(judged + [(0.95, 1), (1.0, 1)])
    assert rel["proposals"] == 5
    assert [(r["band"], r["proposals"], r["promises"]) for r in rel["bands"]] == [
        ([0.4, 0.5], 1, 0.0), ([0.8, 0.9], 1, 0.0), ([0.9, 1.0], 3, 1.0)]
    # |0.45 - 0| + |0.8 - 0| + 3 * |0.95 - 1|, over 5
    assert rel["ece"] == pytest.approx((0.45 + 0.8 + 3 * 0.05) / 5, abs=1e-3)


def test_extract_commitments_proposes_nothing_shown_below_the_setting(tmp_path, settings):
    """EXTRACTION_MIN_CONFIDENCE is read as the confidence the items show (the JSON's ``confidence``)."""
    import io
    import json

    from django.core.management import call_command

    letter = tmp_path / "brief.txt"
    letter.write_text(LETTER, encoding="utf-8")

    def run() -> list[float]:
        out = io.StringIO()
        call_command("extract_commitments", str(letter), "--date", "2025-03-01", "--format", "json", stdout=out)
        return [c["confidence"] for c in json.loads(out.getvalue())["commitments"]]

    settings.EXTRACTION_MIN_CONFIDENCE = None
    default = run()
    assert default and min(default) >= round(load_model().shown(load_model().threshold), 3)
    settings.EXTRACTION_MIN_CONFIDENCE = min(default)
    assert run() == default
    # just above the highest confidence shown, nothing (read as a score, it would still let these through)
    settings.EXTRACTION_MIN_CONFIDENCE = max(default) + 0.001
    assert run() == []
