"""A second annotation of real letters: how far two annotators agree, scored as the extractor is scored."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from commitments.extraction import evaluation as ev
from commitments.extraction import training

SET = ev.GoldSet("t", ev.GOLD_REAL, ev.GOLD_REAL, "real")


def gold_doc(items: list[dict], ministry: str = "OCW", file: str = "1_x.txt") -> ev.GoldDoc:
    return ev.GoldDoc(SET, file, None, "kamerbrief", ministry, items)


def item(i: str, quote: str, *, due: str | None = None, borderline: bool = False) -> dict:
    return {"id": i, "quote": quote, "due": due, "borderline": borderline}


PROMISE = "Ik stuur uw Kamer voor de zomer de evaluatie van de regeling toe."
OTHER = "Het kabinet zal de regeling in het najaar aanpassen aan de nieuwe Europese richtlijn."
THIRD = "De minister zal de sector in 2027 opnieuw raadplegen over de uitvoering."


def test_each_annotation_is_scored_against_the_other_and_a_borderline_mark_proposes_nothing():
    first = [item("1", PROMISE, due="2026-07-03"), item("2", OTHER, borderline=True)]
    second = [item("s1", PROMISE, due="2026-07-03"), item("s2", THIRD), item("s3", OTHER, borderline=True)]
    run = {"x": lambda d: [{"quote": OTHER, "due_date": "2026-12-20"}, {"quote": THIRD, "due_date": "2027-12-31"}]}
    reports = ev.agreement([(gold_doc(first), second)], run)

    s_f = reports["second vs first"].total  # second proposes PROMISE and THIRD; the first counts PROMISE only
    assert (s_f["tp"], s_f["fp"], s_f["gold"], s_f["due_exact"]) == (1, 1, 1, 1)
    f_s = reports["first vs second"].total  # the first proposes PROMISE (OTHER is borderline: no proposal)
    assert (f_s["tp"], f_s["fp"], f_s["gold"]) == (1, 0, 2)
    x_f, x_s = reports["x vs first"].total, reports["x vs second"].total
    assert (x_f["tp"], x_f["fp"], x_f["neutral"]) == (0, 1, 1)  # OTHER is borderline in the first: neutral
    assert (x_s["tp"], x_s["fp"], x_s["neutral"], x_s["gold"]) == (1, 0, 1, 2)
    assert ev.summary(s_f)["f1"] == pytest.approx(2 * 0.5 * 1.0 / 1.5, abs=1e-3)


def test_the_stored_second_annotation_names_real_letters_and_quotes_them_verbatim():
    docs = ev.load_docs(ev.known_sets())
    pairs = ev.load_second(docs)
    assert len(pairs) == len({(d.set.name, d.file) for d, _ in pairs}) == 294
    # 160 letters drawn from those the model trains on, and every letter it is never trained on
    frozen = [d for d in docs if d.set.role in ("check", "whole")]
    assert sum(d.set.role == "real" for d, _ in pairs) == 160
    assert sorted(str(d.path) for d, _ in pairs if d.set.role != "real") == sorted(str(d.path) for d in frozen)
    assert sum(len(items) for _, items in pairs) == len(
        (ev.SECOND / "annotations.jsonl").read_text(encoding="utf-8").splitlines())
    for doc, items in pairs:
        text = " ".join(doc.path.read_text(encoding="utf-8").split())
        for it in items:
            assert " ".join(it["quote"].split()) in text, (doc.file, it["quote"])
            assert it["due"] is None or len(it["due"]) == 10


def test_a_second_annotation_of_an_unknown_or_unlisted_letter_is_refused(tmp_path):
    docs = [gold_doc([], file="1_x.txt")]
    (tmp_path / "letters.json").write_text(json.dumps([{"set": "t", "file": "2_y.txt"}]), encoding="utf-8")
    (tmp_path / "annotations.jsonl").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="no gold set holds"):
        ev.load_second(docs, tmp_path)
    (tmp_path / "letters.json").write_text(json.dumps([{"set": "t", "file": "1_x.txt"}]), encoding="utf-8")
    (tmp_path / "annotations.jsonl").write_text(
        json.dumps({"set": "t", "file": "3_z.txt", "id": "3-s01", "quote": PROMISE}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="does not list"):
        ev.load_second(docs, tmp_path)
    (tmp_path / "annotations.jsonl").write_text("", encoding="utf-8")
    assert ev.load_second(docs, tmp_path) == [(docs[0], [])]  # a letter without promises
    assert ev.load_second(docs, tmp_path / "absent") == []


def test_leave_one_ministry_out_keeps_the_items_it_scored_for_each_held_out_letter():
    sets = [s for s in ev.known_sets() if s.name in ("gold-real/dev-a", "gold-real/dev-b", "gold-extra")]
    docs = ev.load_docs(sets)
    real = [d for d in docs if d.set.role == "real"]
    assert len({d.ministry for d in real}) >= 2
    keep: dict[str, list[dict]] = {}
    report = training.leave_one_ministry_out(docs, real, c=1.0, threshold=0.5, gate=None, keep=keep)
    assert sorted(keep) == sorted(str(d.path) for d in real)
    again = Counter()
    for d in real:
        again.update(ev.score_document(d.items, keep[str(d.path)])[0])
    assert again["tp"] == report.total["tp"] and again["fp"] == report.total["fp"] and again["tp"] + again["fp"] > 0
