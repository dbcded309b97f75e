"""A long document (a programme or policy letter, a whole letter) weighs the sentences a rule reads as the government's
act higher than the model, trained mostly on the opening pages of letters, does (thirty-second round)."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from commitments.extraction import extractor


def _cand(sentence: str, confidence: float, rule: str | None = "present_first_person", **features: float):
    return SimpleNamespace(sentence=sentence, confidence=confidence, rule=rule, features=dict(features))


def _filler(chars: int) -> list[SimpleNamespace]:
    """Sentences no rule reads, ``chars`` characters in all."""
    text = "De regeling geldt sinds 2019 voor alle scholen in het land en wordt door de gemeenten uitgevoerd."
    return [_cand(text, 0.01, rule=None) for _ in range(chars // len(text) + 1)]


def _shifted(p: float) -> float:
    return 1 / (1 + math.exp(-(math.log(p / (1 - p)) + extractor.LONG_DOCUMENT_SHIFT)))


def test_in_a_long_document_a_rule_read_act_scored_low_reaches_the_threshold():
    measure = _cand("We herijken de aanpak van bestaande en diffuse bodemverontreiniging.", 0.2)
    unread = _cand("De bodem is in veel gebieden verontreinigd.", 0.2, rule=None)
    vetoed = _cand("In deze brief informeer ik u over de aanpak.", 0.2, rule="inform_active", **{"skip=this_letter": 1.0})
    question = _cand("Gaan we de aanpak herijken?", 0.2, question_mark=1.0)
    outline = _cand("Hieronder bespreek ik de maatregelen.", 0.2, outline=1.0)
    cands = _filler(extractor.LONG_DOCUMENT_CHARS) + [measure, unread, vetoed, question, outline]
    extractor._long_document_prior(cands)
    assert measure.confidence == pytest.approx(_shifted(0.2)) and measure.confidence >= 0.5
    assert [c.confidence for c in (unread, vetoed, question, outline)] == [0.2, 0.2, 0.2, 0.2]
    assert all(c.confidence == 0.01 for c in cands[:-5])   # no rule reads the filler


def test_in_a_short_letter_the_model_alone_decides():
    measure = _cand("We herijken de aanpak van bestaande en diffuse bodemverontreiniging.", 0.2)
    cands = _filler(extractor.LONG_DOCUMENT_CHARS // 2) + [measure]
    extractor._long_document_prior(cands)
    assert measure.confidence == 0.2


def test_select_applies_it(monkeypatch):
    """``select`` weighs the document's length on the scored candidates before it decides."""
    seen = []
    monkeypatch.setattr(extractor, "_long_document_prior", lambda cands: seen.append(len(cands)))
    monkeypatch.setattr(extractor, "score_candidates", lambda cands, model, progress=None: None)
    doc = SimpleNamespace()
    assert extractor.select(doc, [], model=SimpleNamespace(threshold=0.5, shown=lambda s: s)) == []
    assert seen == [0]
