"""The literal tests in front of the rulebook's expressions (prefilter.py) never change a result."""
import json
import re
from pathlib import Path

import pytest

from commitments.extraction import deadlines, extractor, model
from commitments.extraction.prefilter import Gated, gate, literals
from commitments.extraction.sentences import split_spans

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"\bbesloten\b", re.I, {"besloten"}),
    (r"\b(?:heb|hebben)\s+(?:ik|wij)\s+besloten\b", re.I, {"besloten"}),
    (r"(?:Voor|na)\s+de\s+zomer", re.I, {"zomer"}),
    (r"(?:voorjaar|najaar)", re.I, {"voorjaar", "najaar"}),
    (r"(?:foo|)barbaz", 0, {"barbaz"}),               # an empty branch: the alternation requires nothing
    (r"(?:foo)?barbaz", 0, {"barbaz"}),               # an optional group requires nothing
    (r"(?:foo){1,3}x", 0, {"foo"}),                   # a repeat of at least one requires its body
    (r"(?-i:UWV)|(?-i:SVB)", re.I, {"uwv", "svb"}),   # case-sensitive parts: their lower case is still necessary
    (r"(?!niet)\w+", 0, None),                        # a negative lookahead requires nothing
    (r"(?:foo|\w+)", 0, None),                        # a branch without literal: nothing can be required
    (r"ge[iï]nformeerd", re.I, {"nformeerd"}),        # a class ends a run of literals
])
def test_literals(pattern, flags, expected):
    got = literals(re.compile(pattern, flags))
    assert (set(got) if got is not None else None) == expected


def test_gate_skips_only_what_cannot_match():
    rx = gate(re.compile(r"\bheb\s+ik\s+besloten\b", re.I))
    assert isinstance(rx, Gated)
    assert rx.search("Daarom heb ik besloten om …") is not None
    assert rx.search("Daarom HEB IK BESLOTEN om …").group(0) == "HEB IK BESLOTEN"
    assert rx.search("Daarom wil ik besluiten om …") is None
    assert list(rx.finditer("niets")) == [] and rx.findall("niets") == []
    # "ſ" matches "s" when case is ignored, but "ſ".lower() is no "s": such a text is always tried
    assert rx.search("heb ik beſloten") is not None
    assert rx.pattern.startswith(r"\bheb")   # everything else is the expression's own


def _gated_expressions():
    seen = {}

    def walk(obj, name):
        if isinstance(obj, Gated):
            seen[id(obj)] = (name, obj)
        elif isinstance(obj, (list, tuple)):
            for i, x in enumerate(obj):
                walk(x, f"{name}[{i}]")
    for mod in (extractor, model, deadlines):
        for name, value in vars(mod).items():
            walk(value, f"{mod.__name__.rsplit('.', 1)[-1]}.{name}")
    return list(seen.values())


def _sentences():
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures" / "corpus").glob("*.txt"))]
    for manifest in sorted((ROOT / "commitments" / "tests" / "gold_real").glob("*/corpus/manifest.json")):
        for entry in json.loads(manifest.read_text(encoding="utf-8")):
            texts.append((manifest.parent / entry["file"]).read_text(encoding="utf-8"))
    out = []
    for text in texts:
        for para in text.split("\n\n"):
            out += [para[s:e] for s, e in split_spans(para)]
    return out


def test_the_rulebook_is_gated():
    gated = _gated_expressions()
    # most of the rulebook sits behind a test: the speed gain depends on it
    assert len(gated) >= 150, len(gated)
    names = {n.split("[")[0] for n, _ in gated}
    assert {"extractor.SKIP", "extractor.FUTURE", "extractor.DECIDED", "deadlines.COMPILED"} <= names


def test_every_match_holds_one_of_its_literals():
    """On every sentence of the corpus and the real-letter gold: where an expression matches, its test passes
    (so the test never hides a match), and the gated expression gives the same match."""
    sentences = _sentences()
    assert len(sentences) > 10000
    skipped = 0
    for name, rx in _gated_expressions():
        raw = rx.rx
        for s in sentences:
            m = raw.search(s)
            if m is None:
                skipped += not rx.may_match(s)
                continue
            assert rx.may_match(s), (name, s)
            assert rx.search(s).span() == m.span(), (name, s)
    # and the tests do skip: otherwise they would only cost time
    assert skipped > 0.5 * len(sentences) * 10
