"""Score the extractor on hand-annotated gold sets, in process.

The matching mirrors ``../shared/tools/score_extraction.py`` (the yardstick the
project is judged by): a system item matches a gold item when it covers at
least 60% of the gold quote's word tokens and at least 30% of its own tokens are
gold tokens; borderline gold items are neutral; a second item on a matched gold
item is a duplicate.  Running in process (no subprocess per document) makes a
leave-one-ministry-out cross-validation take seconds.

No Django imports: the ``evaluate_extraction`` command wraps this.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
GOLD_REAL = ROOT / "commitments" / "tests" / "gold_real"

TOKEN = re.compile(r"\w+", re.UNICODE)
NOISE = re.compile(r"\[(?:footnoteRef|bookmark)[^\]]*\]")


@dataclass(frozen=True)
class GoldSet:
    """A folder of NNN.jsonl annotations and the corpus folder (with manifest.json) they annotate.

    ``role``: ``real`` (real letters: the yardstick, used for training and cross-validation),
    ``check`` (real letters frozen for measurement: never trained or tuned on),
    ``whole`` (whole real letters, raw PDF text: measured apart, not trained on; their errors were looked at),
    ``corpus`` (the project's own corpus) or ``synthetic`` (letters written to look real:
    training data and regression tests, never the yardstick)."""

    name: str
    gold: Path
    corpus: Path
    role: str


#: the roles the model is trained (and cross-validated) on; ``check`` and ``whole`` are only measured
TRAINED_ROLES = ("real", "corpus", "synthetic")
#: the annotations of the five long corpus documents (000-002 by the annotators of ``../shared/gold``, 003-004 in
#: ``gold_extra``): whole documents, unlike most real letters, which are openings; ``evaluate_extraction`` also
#: scores them with a model that did not see them
CORPUS_SETS = ("shared-gold", "gold-extra")


def known_sets() -> list[GoldSet]:
    """Every gold set present on this machine (``../shared`` is optional)."""
    tests = ROOT / "commitments" / "tests"
    sets = [
        GoldSet("shared-gold", SHARED / "gold", SHARED / "corpus", "corpus"),
        GoldSet("shared-gold-real", SHARED / "gold-real", SHARED / "gold-real" / "corpus", "real"),
        GoldSet("gold-extra", tests / "gold_extra", tests / "gold_extra" / "corpus", "synthetic"),
        GoldSet("gold-unseen", tests / "gold_unseen", tests / "gold_unseen" / "corpus", "synthetic"),
    ]
    if GOLD_REAL.is_dir():
        for d in sorted(p for p in GOLD_REAL.iterdir() if (p / "corpus" / "manifest.json").is_file()):
            role = "check" if d.name.startswith("check") else "whole" if d.name.startswith("whole") else "real"
            sets.append(GoldSet(f"gold-real/{d.name}", d, d / "corpus", role))
    return [s for s in sets if (s.corpus / "manifest.json").is_file()]


MINISTRY_ALIASES = {
    "EZ": "EZK", "KGG": "EZK", "BHO": "BZ", "BHOS": "BZ", "LVVN": "LNV", "FIN": "FIN", "FINANCIËN": "FIN",
    "DEF": "DEF", "DEFENSIE": "DEF", "BZK-HG": "BZK", "BZK-KR": "BZK", "AENM": "AENM", "JENV": "JENV",
    "IENW": "IENW", "IENM": "IENW", "VENJ": "JENV", "ASIEL": "AENM", "VRO-PORTEFEUILLE": "VRO", "MINVWS": "VWS",
}


def ministry_code(label: str | None) -> str:
    """'BHOS en BZ (ministers voor …)' → 'BZ'; 'EZ (minister van …)' → 'EZK': one code per ministry."""
    if not label:
        return "?"
    head = re.split(r"[\s(/,]", label.strip(), maxsplit=1)[0].upper()
    return MINISTRY_ALIASES.get(head, head)


@dataclass
class GoldDoc:
    set: GoldSet
    file: str
    date: dt.date | None
    type: str | None
    ministry: str
    items: list[dict]

    @property
    def path(self) -> Path:
        return self.set.corpus / self.file


def load_docs(sets: Iterable[GoldSet]) -> list[GoldDoc]:
    """The annotated documents of ``sets``, as the scorer finds them (an empty file: a letter without promises)."""
    docs: list[GoldDoc] = []
    for s in sets:
        manifest = {m["file"]: m for m in json.loads((s.corpus / "manifest.json").read_text(encoding="utf-8"))}
        for gold_file in sorted(s.gold.glob("*.jsonl")):
            items = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
            if items:
                name = items[0]["doc"]
            else:
                names = sorted(f for f in manifest if f.split("_", 1)[0] == gold_file.stem)
                if not names:
                    continue
                name = names[0]
            meta = manifest.get(name)
            if meta is None:
                continue
            date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
            docs.append(GoldDoc(s, name, date, meta.get("type"), ministry_code(meta.get("ministry")), items))
    return docs


# --------------------------------------------------------------------------- matching (mirrors the scorer)

def tokens(text: str) -> Counter:
    return Counter(TOKEN.findall(NOISE.sub(" ", text or "").lower()))


def overlap(gold: Counter, system: Counter) -> float:
    common = sum((gold & system).values())
    if not gold or not system:
        return 0.0
    cover, purity = common / sum(gold.values()), common / sum(system.values())
    if cover < 0.6 or purity < 0.3:
        return 0.0
    return 2 * cover * purity / (cover + purity)


def pair_quotes(gold: list[str], system: list[str]) -> dict[int, int]:
    """Each system quote's best-overlapping gold quote (index to index), as the scorer pairs them."""
    gold_tokens = [tokens(g) for g in gold]
    pairs = []
    for si, quote in enumerate(system):
        st = tokens(quote)
        for gi, gt in enumerate(gold_tokens):
            s = overlap(gt, st)
            if s > 0:
                pairs.append((s, si, gi))
    pairs.sort(reverse=True)
    sys_to_gold: dict[int, int] = {}
    for _s, si, gi in pairs:
        sys_to_gold.setdefault(si, gi)
    return sys_to_gold


def score_document(gold: list[dict], system: list[dict]) -> tuple[Counter, list[tuple]]:
    """Counts (tp, fp, duplicate, gold, gold_dated, dated_found, due_exact, invented_due) and the details."""
    sys_to_gold = pair_quotes([g["quote"] for g in gold], [str(item.get("quote") or "") for item in system])
    r: Counter = Counter()
    details: list[tuple] = []
    first_hit: dict[int, int] = {}
    for si, item in enumerate(system):
        gi = sys_to_gold.get(si)
        if gi is None:
            r["fp"] += 1
            why = f"[{item.get('sentence_rule') or '-'} {item.get('confidence', '')}] " if "confidence" in item else ""
            details.append(("FP", None, why + str(item.get("quote"))))
            continue
        if gold[gi].get("borderline"):
            r["neutral"] += 1
            continue
        if gi in first_hit:
            r["duplicate"] += 1
            details.append(("DUP", gold[gi]["id"], item.get("quote")))
            continue
        first_hit[gi] = si
        r["tp"] += 1
    for gi, g in enumerate(gold):
        if g.get("borderline"):
            continue
        r["gold"] += 1
        dated = g.get("due") is not None
        r["gold_dated"] += dated
        si = first_hit.get(gi)
        if si is None:
            details.append(("FN", g["id"], g["quote"]))
            continue
        r["dated_found"] += dated
        got = system[si].get("due_date")
        if dated:
            r["due_exact"] += got == g["due"]
            if got != g["due"]:
                details.append(("DUE", g["id"], f"gold {g['due']} system {got} ({g.get('deadline_phrase')})"))
        elif got:
            r["invented_due"] += 1
            details.append(("INVENTED", g["id"], f"system {got} ({g.get('deadline_phrase')})"))
    return r, details


def proposals_judged(items: list[dict], gold: list[dict], value: str = "confidence") -> list[tuple[float, int]]:
    """(the item's ``value``, 1 or 0) per proposal, as the scorer judges it: 1 for the first proposal on a counted
    gold item, 0 for one on no gold item or a second one on the same item; a proposal on a borderline item is left out."""
    paired = pair_quotes([g["quote"] for g in gold], [str(i.get("quote") or "") for i in items])
    hit: set[int] = set()
    out = []
    for si, item in enumerate(items):
        gi = paired.get(si)
        if gi is not None and gold[gi].get("borderline"):
            continue
        out.append((float(item[value]), int(gi is not None and gi not in hit)))
        if gi is not None:
            hit.add(gi)
    return out


#: bands of the confidence shown on a proposal, for ``reliability`` (lower bound included)
CONFIDENCE_BANDS = (0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def reliability(judged: list[tuple[float, int]], bands: tuple[float, ...] = CONFIDENCE_BANDS) -> dict:
    """Does the confidence say how often a proposal is a promise?  Per band of confidence: the proposals, their
    mean confidence and the share that were promises; over all, the gap between the two weighed by the
    proposals of each band (the expected calibration error: 0 when a confidence of 0.7 is right 7 times in 10)."""
    rows, gap = [], 0.0
    for lo, hi in zip(bands, bands[1:]):
        part = [(p, y) for p, y in judged if lo <= p < hi or (hi == bands[-1] and p == hi)]
        if not part:
            continue
        mean, share = sum(p for p, _ in part) / len(part), sum(y for _, y in part) / len(part)
        gap += len(part) * abs(mean - share)
        rows.append({"band": [lo, hi], "proposals": len(part), "mean_confidence": round(mean, 3),
                     "promises": round(share, 3)})
    return {"proposals": len(judged), "ece": round(gap / len(judged), 3) if judged else None, "bands": rows}


def summary(c: Counter) -> dict:
    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0
    p = ratio(c["tp"], c["tp"] + c["fp"] + c["duplicate"])
    rec = ratio(c["tp"], c["gold"])
    return {
        "precision": round(p, 3), "recall": round(rec, 3), "f1": round(ratio(2 * p * rec, p + rec), 3),
        "dated_recall": round(ratio(c["dated_found"], c["gold_dated"]), 3),
        "due_accuracy": round(ratio(c["due_exact"], c["dated_found"]), 3),
        "duplicates": c["duplicate"], "invented_due_dates": c["invented_due"],
        "documents": c["documents"], "gold": c["gold"], "tp": c["tp"], "fp": c["fp"],
    }


Extractor = Callable[[GoldDoc], list[dict]]


@dataclass
class Report:
    total: Counter = field(default_factory=Counter)
    by_group: dict[str, Counter] = field(default_factory=dict)
    details: list[tuple[str, tuple]] = field(default_factory=list)

    def add(self, group: str, doc: GoldDoc, counts: Counter, details: list[tuple]) -> None:
        counts = counts.copy()
        counts["documents"] += 1
        self.total.update(counts)
        self.by_group.setdefault(group, Counter()).update(counts)
        self.details.extend((doc.file, d) for d in details)


def evaluate(docs: Iterable[GoldDoc], run: Extractor, group_by: Callable[[GoldDoc], str] = lambda d: d.ministry) -> Report:
    report = Report()
    for doc in docs:
        counts, details = score_document(doc.items, run(doc))
        report.add(group_by(doc), doc, counts, details)
    return report


# --------------------------------------------------------------------------- a second annotator

SECOND = ROOT / "commitments" / "tests" / "gold_second"


def load_second(docs: Iterable[GoldDoc], folder: Path = SECOND) -> list[tuple[GoldDoc, list[dict]]]:
    """The real letters a second annotator annotated again, without the first annotation or the extractor's
    output (``gold_second/README.md``): per letter its gold document and the second annotator's items."""
    listed = folder / "letters.json"
    if not listed.is_file():
        return []
    by_key = {(d.set.name, d.file): d for d in docs}
    items: dict[tuple[str, str], list[dict]] = {}
    for line in (folder / "annotations.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            items.setdefault((item["set"], item["file"]), []).append(item)
    pairs = []
    for entry in json.loads(listed.read_text(encoding="utf-8")):
        key = (entry["set"], entry["file"])
        if key not in by_key:
            raise ValueError(f"{listed} names a letter no gold set holds: {key}")
        pairs.append((by_key[key], items.pop(key, [])))
    if items:
        raise ValueError(f"{folder / 'annotations.jsonl'} annotates letters {listed.name} does not list: {sorted(items)}")
    return pairs


def proposals(items: list[dict]) -> list[dict]:
    """An annotation read as a system's proposals: its counted items (a borderline mark proposes nothing)."""
    return [{"quote": g["quote"], "due_date": g.get("due")} for g in items if not g.get("borderline")]


def agreement(pairs: list[tuple[GoldDoc, list[dict]]], runs: dict[str, Extractor] | None = None) -> dict[str, Report]:
    """How far two annotators agree, scored as the extractor is scored: the second annotator's counted items
    against the first annotation (the gold), and the other way round; each of ``runs`` against either
    annotation of the same letters."""
    runs = runs or {}
    names = ["second vs first", "first vs second"] + [f"{r} vs {a}" for r in runs for a in ("first", "second")]
    reports = {name: Report() for name in names}
    for doc, second in pairs:
        scored = [("second vs first", doc.items, proposals(second)), ("first vs second", second, proposals(doc.items))]
        for r, run in runs.items():
            items = run(doc)
            scored += [(f"{r} vs first", doc.items, items), (f"{r} vs second", second, items)]
        for name, gold, system in scored:
            counts, details = score_document(gold, system)
            reports[name].add("all", doc, counts, details)
    return reports
