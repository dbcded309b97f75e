"""Review decisions kept in the repository: what a clerk accepted, edited and rejected.

The demo (``scripts/run.sh``) loads the five corpus documents and then applies
``fixtures/review_decisions.json`` with ``manage.py apply_review_decisions``, so the public
pages show reviewed data (issue 14). The decisions are keyed by document file and quote
text, never by database id: the extractor changes, and a quote found again is matched by
word-token overlap (as ``../shared/tools/score_extraction.py`` scores extraction).

The fixture is made by ``manage.py make_review_decisions`` from the hand annotations (the
clerk's judgement): a proposal matching an annotated commitment is accepted, with the due
date corrected where the annotation's differs; one matching nothing (or a second one on the
same annotation) is rejected. A proposal matching an annotation marked "borderline" (where
annotators differ) was rejected by the clerk in the letters already reviewed, and gets no
decision in the newest letter (``queue_document``): that letter's review is the queue's work.

Decision format (one object per decision)::

    {"document": "003_….txt", "quote": "<annotated quote>", "proposal": "<extracted quote>",
     "action": "accept", "due_date": "2024-07-05", "gold": "003-46",
     "fulfilled_by": "001_….txt", "note": "…"}
    {"document": "…", "quote": "<extracted quote>", "action": "reject", "note": "…"}
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from commitments.extraction.evaluation import overlap, pair_quotes, tokens

ACCEPT = "accept"
REJECT = "reject"


def decision_score(decision: dict, quote: str) -> float:
    """How well a proposal's ``quote`` fits a decision: its annotated or its extracted quote."""
    candidate = tokens(quote)
    keys = [decision.get("quote", ""), decision.get("proposal", "")]
    return max(overlap(tokens(k), candidate) for k in keys if k) if any(keys) else 0.0


def match(decisions: list[dict], proposals: list[tuple[int, str]]) -> dict[int, dict]:
    """Pair proposals ``(id, quote)`` with decisions, best overlap first, each used at most once."""
    pairs = []
    for di, decision in enumerate(decisions):
        for pk, quote in proposals:
            score = decision_score(decision, quote)
            if score > 0:
                pairs.append((score, di, pk))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    used_decisions: set[int] = set()
    out: dict[int, dict] = {}
    for _score, di, pk in pairs:
        if di in used_decisions or pk in out:
            continue
        used_decisions.add(di)
        out[pk] = decisions[di]
    return out


@dataclass
class Extracted:
    quote: str
    due_date: dt.date | None


def make_decisions(
    document: str, gold: list[dict], extracted: list[Extracted], leave_borderline: bool = False
) -> list[dict]:
    """The clerk's decisions for one document, from its annotations and what the extractor proposes.

    ``leave_borderline``: borderline proposals get no decision (they stay in the queue);
    otherwise the clerk rejects them.
    """
    sys_to_gold = pair_quotes([g["quote"] for g in gold], [item.quote for item in extracted])
    decisions: list[dict] = []
    first_hit: set[int] = set()
    for si, item in enumerate(extracted):
        gi = sys_to_gold.get(si)
        if gi is None:
            decisions.append({"document": document, "quote": item.quote, "action": REJECT,
                              "note": "Geen toezegging (beoordeling van de demo-griffie)."})
            continue
        g = gold[gi]
        if g.get("borderline"):
            if not leave_borderline:
                decisions.append({"document": document, "quote": item.quote, "action": REJECT,
                                  "note": f"Twijfelgeval ({g['id']}): geen toezegging om te volgen."})
            continue
        if gi in first_hit:
            decisions.append({"document": document, "quote": item.quote, "action": REJECT,
                              "note": f"Dubbel: dezelfde toezegging als {g['id']}."})
            continue
        first_hit.add(gi)
        decision = {"document": document, "quote": g["quote"], "proposal": item.quote, "action": ACCEPT,
                    "gold": g["id"], "due_date": g.get("due")}
        decisions.append(decision)
    return decisions


@dataclass
class Outcome:
    accepted: int = 0
    edited: int = 0
    rejected: int = 0
    fulfilled: int = 0
    left: int = 0
    problems: list[str] = field(default_factory=list)
