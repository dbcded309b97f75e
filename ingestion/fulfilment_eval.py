"""Measure the fulfilment ranker on the labelled set ``fixtures/fulfilment_eval/`` (see its README).

The database state the letters are ranked against is the five corpus documents as ingested (every
extracted commitment a proposal, nothing reviewed yet: the state in which a clerk would want the
suggestions). ``evaluate_suggestions`` builds that state inside a transaction and rolls it back.

Figures:
* top-1: the share of letters whose best suggestion is one of the commitments the letter answers;
* top-3: the share of labelled (letter, commitment) pairs whose commitment is among the letter's 3 best;
* kind: of the pairs found in the top 3, the share whose suggested kind (fulfils/partly/postpones) is right.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

from django.conf import settings

from commitments.fulfilment import WEIGHTS, LetterView, candidates, evidence_for, weigh
from commitments.models import Commitment
from documents.reader import read_document

EVAL_DIR = Path(settings.BASE_DIR) / "fixtures" / "fulfilment_eval"
CORPUS_DIR = Path(settings.BASE_DIR) / "fixtures" / "corpus"


def load_labels(path: Path | None = None) -> dict:
    return json.loads((path or EVAL_DIR / "labels.json").read_text(encoding="utf-8"))


def ingest_corpus() -> None:
    """The five corpus documents, as ``ingest`` stores them (proposals only, no review decisions)."""
    from ingestion.pipeline import ingest_file

    for entry in json.loads((CORPUS_DIR / "manifest.json").read_text(encoding="utf-8")):
        result = ingest_file(
            CORPUS_DIR / entry["file"], doc_type=entry.get("type"),
            date=dt.date.fromisoformat(entry["date"]) if entry.get("date") else None,
            ministry=entry.get("ministry"), kamerstuk=entry.get("kamerstuk"), subject=entry.get("subject"),
            flag=False,
        )
        if not result.ok:
            raise RuntimeError(f"cannot ingest {entry['file']}: {result.message}")


def _answer_ids(answer: dict) -> set[int]:
    ids: set[int] = set()
    for piece in answer["quote_contains"]:
        ids |= set(
            Commitment.objects.filter(document__source_name=answer["document"], quote__contains=piece)
            .values_list("pk", flat=True)
        )
    return ids


def prepare(labels: dict, split: str = "all") -> list[dict]:
    """Each letter of the split read once, with its candidates' evidence and its answers' ids."""
    prepared = []
    for item in labels["letters"]:
        if split != "all" and item["split"] != split:
            continue
        path = EVAL_DIR / item["file"]
        parsed = read_document(path, doc_type=item["type"], date=dt.date.fromisoformat(item["date"]))
        letter = LetterView.from_parsed(parsed)
        answers = [{**a, "ids": _answer_ids(a)} for a in item["answers"]]
        missing = [a["quote_contains"][0] for a in answers if not a["ids"]]
        prepared.append({
            "item": item, "scored": evidence_for(letter, candidates(letter)), "answers": answers, "missing": missing,
        })
    return prepared


def score(prepared: list[dict], weights: dict[str, float] | None = None, *, verbose: bool = False) -> dict:
    weights = weights or WEIGHTS
    letters = pairs = top1 = top3 = kinds = 0
    details = []
    for p in prepared:
        ranked = weigh(p["scored"], weights, limit=10, min_score=0.0)
        ids = [s.commitment.pk for s in ranked]
        wanted = set().union(*(a["ids"] for a in p["answers"])) if p["answers"] else set()
        letters += 1
        hit1 = bool(ids) and ids[0] in wanted
        top1 += hit1
        rows = []
        for a in p["answers"]:
            pairs += 1
            found = next((s for s in ranked[:3] if s.commitment.pk in a["ids"]), None)
            if found:
                top3 += 1
                kinds += found.kind == a["kind"]
            rows.append({"commitment": a["quote_contains"][0], "kind": a["kind"], "in_top3": bool(found),
                         "suggested_kind": found.kind if found else None,
                         "rank": next((i for i, c in enumerate(ids, 1) if c in a["ids"]), None)})
        if verbose:
            details.append({"id": p["item"]["id"], "top1": hit1, "answers": rows, "missing_labels": p["missing"],
                            "top3": [{"id": s.commitment.pk, "kind": s.kind, "score": round(s.score, 3),
                                      "quote": s.commitment.quote[:90]} for s in ranked[:3]]})
    result = {
        "letters": letters, "pairs": pairs,
        "top1": round(top1 / letters, 3) if letters else None,
        "top3": round(top3 / pairs, 3) if pairs else None,
        "kind_accuracy": round(kinds / top3, 3) if top3 else None,
    }
    if verbose:
        result["details"] = details
    return result


#: The grid ``--tune`` searches (the deliverable weight stays 1: the scale).
GRID = {
    "cites_letter": (0.1, 0.3, 0.5),
    "cites_motion": (0.2, 0.35, 0.5),
    "names_letter": (0.15, 0.35, 0.5),
    "promise_cue": (0.0, 0.1, 0.25),
    "same_dossier": (0.0, 0.1, 0.2),
    "same_ministry": (0.0, 0.05, 0.15),
    "near_due": (0.0, 0.1, 0.25),
    "later_cue": (0.0, 0.1, 0.2),
}


def tune(prepared: list[dict]) -> tuple[dict[str, float], dict]:
    """The grid point with the best top-1 + top-3 + kind accuracy / 2 on ``prepared`` (ties: closest to WEIGHTS)."""
    best, best_key = None, None
    names = list(GRID)
    for values in itertools.product(*(GRID[n] for n in names)):
        weights = {**WEIGHTS, **dict(zip(names, values, strict=True))}
        r = score(prepared, weights)
        key = (
            (r["top1"] or 0) + (r["top3"] or 0) + (r["kind_accuracy"] or 0) / 2,
            -sum(abs(weights[n] - WEIGHTS[n]) for n in names),
        )
        if best_key is None or key > best_key:
            best, best_key = (weights, r), key
    return best
