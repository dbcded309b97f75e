"""Train the extractor's logistic model from annotated letters and clerks' decisions.

Labels: a sentence is positive when it is the sentence of a (non-borderline) gold
commitment that shares most words with it, negative when it overlaps no gold item;
other parts of a multi-sentence gold quote and sentences of borderline items are left
out.  A clerk's decision is a labelled sentence too (accept/edit: positive, reject:
negative).

The honest estimate is leave-one-ministry-out cross-validation over the real letters:
train on every other ministry (plus the corpus and synthetic letters), test on the
held-out ministry's real letters.  The frozen ``check`` set is never trained on.

scikit-learn is imported lazily: scoring with a stored model needs nothing of it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from documents.reader import read_document
from documents.reader.types import ParsedDocument

from .evaluation import GoldDoc, Report, evaluate, overlap, proposals_judged, tokens
from .model import CALIBRATION_CLIP, Boost, Candidate, Model, base_features, candidates, linguistic_features

ROLE_WEIGHT = {"real": 2.0, "corpus": 1.0, "synthetic": 0.5, "clerk": 2.0}


@dataclass
class Example:
    features: dict[str, float]
    label: int
    weight: float
    group: str   # ministry (for cross-validation) or "clerk"
    cand: Candidate | None = None   # the sentence (gold letters), for Frog's features in the second stage

    def full_features(self) -> dict[str, float]:
        """The second stage's features: the first stage's plus Frog's."""
        if self.cand is None:
            return dict(self.features)   # a clerk's decision: stored as proposed (with Frog's if it passed the gate)
        return {**base_features(self.features), **linguistic_features(self.cand)}


_doc_cache: dict[tuple[str, str], tuple[ParsedDocument, list[Candidate]]] = {}


def parsed_candidates(doc: GoldDoc) -> tuple[ParsedDocument, list[Candidate]]:
    """The parsed annotated document and its candidates (read once per process)."""
    key = (str(doc.path), doc.date.isoformat() if doc.date else "")
    if key not in _doc_cache:
        parsed = read_document(doc.path, doc_type=doc.type, date=doc.date)
        _doc_cache[key] = (parsed, candidates(parsed))
    return _doc_cache[key]


def doc_candidates(doc: GoldDoc) -> list[Candidate]:
    return parsed_candidates(doc)[1]


def label_candidates(cands: list[Candidate], gold: list[dict]) -> list[int | None]:
    """1, 0 or None (left out) per candidate."""
    labels: list[int | None] = [0] * len(cands)
    sent_tokens = [tokens(c.sentence) for c in cands]
    for g in gold:
        gt = tokens(g["quote"])
        if not gt:
            continue
        best, best_i = 0, -1
        for i, st in enumerate(sent_tokens):
            common = sum((gt & st).values())
            part = common / max(1, sum(st.values()))
            if part >= 0.6 or overlap(gt, st) > 0:
                if labels[i] == 0:
                    labels[i] = None  # part of a gold quote: not a negative
                if common > best:
                    best, best_i = common, i
        if best_i >= 0 and not g.get("borderline"):
            labels[best_i] = 1
    return labels


def examples_from_docs(docs: Iterable[GoldDoc]) -> list[Example]:
    out: list[Example] = []
    for doc in docs:
        cands = doc_candidates(doc)
        w = ROLE_WEIGHT.get(doc.set.role, 1.0)
        for c, y in zip(cands, label_candidates(cands, doc.items)):
            if y is not None:
                out.append(Example(base_features(c.features), y, w, doc.ministry, c))
    return out


def fit_cascade(examples: list[Example], *, c: float = 0.5, threshold: float = 0.5, gate: float | None = 0.05,
                c2: float = 0.3, meta: dict | None = None, boost: dict | None = None) -> Model:
    """The two-stage model: a first stage on every sentence, a second one (with Frog's features) on
    the sentences the first scores at least ``gate``.  ``gate`` None: the first stage alone."""
    first = fit([Example(base_features(e.features), e.label, e.weight, e.group) for e in examples],
                c=c, threshold=threshold, meta=meta)
    if gate is None:
        return first
    passed = [e for e in examples if first.score(e.features) >= gate]
    second = fit([Example(first.stage2_features(e.full_features()), e.label, e.weight, e.group) for e in passed],
                 c=c2, threshold=threshold)
    first.gate, first.stage2 = gate, (second.weights, second.bias)
    first.meta = {**(meta or {}), "gate": gate, "c2": c2, "second_stage_examples": len(passed)}
    if boost:
        first.boost = fit_boost(first, passed, **boost)
        first.meta["boost"] = {k: boost[k] for k in sorted(boost)}
    return first


def boost_settings() -> dict | None:
    """The boosted trees' settings (``EXTRACTION_BOOST_*``); None when ``EXTRACTION_BOOST_TREES`` is 0."""
    from django.conf import settings

    if not settings.EXTRACTION_BOOST_TREES:
        return None
    return {"trees": settings.EXTRACTION_BOOST_TREES, "depth": settings.EXTRACTION_BOOST_DEPTH,
            "rate": settings.EXTRACTION_BOOST_RATE, "blend": settings.EXTRACTION_BOOST_BLEND,
            "subsample": settings.EXTRACTION_BOOST_SUBSAMPLE}


def fit_boost(first: Model, passed: list[Example], *, trees: int = 300, depth: int = 4, rate: float = 0.1,
              blend: float = 0.5, min_count: int = 5, subsample: float = 1.0) -> Boost:
    """Gradient-boosted trees on the second stage's examples, over every feature seen ``min_count`` times
    and the first stage's log-odds: where the logistic stage adds up single features, the trees see their
    combinations ("first person" with "present tense" with "a date ahead").  Each tree learns from a random
    ``subsample`` of the examples (stochastic gradient boosting: less fitted to single letters; thirtieth round,
    docs/extraction.md); the seed is fixed, so the same inputs give the same model."""
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    rows = []
    for e in passed:
        f = e.full_features()
        f["stage1"] = first.stage2_features(f)["stage1"]
        rows.append(f)
    counts = Counter(k for f in rows for k in f)
    keep = {k for k, n in counts.items() if n >= min_count}
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{k: v for k, v in f.items() if k in keep} for f in rows])
    gbm = GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate, subsample=subsample,
                                     random_state=0)
    gbm.fit(X, [e.label for e in passed], sample_weight=[e.weight for e in passed])
    names = list(vec.get_feature_names_out())
    used = sorted({names[i] for est in gbm.estimators_[:, 0] for i in est.tree_.feature if i >= 0})
    index = {n: i for i, n in enumerate(used)}
    out = []
    for est in gbm.estimators_[:, 0]:
        t = est.tree_
        out.append(([index[names[i]] if i >= 0 else -1 for i in t.feature], [float(x) for x in t.threshold],
                    [int(x) for x in t.children_left], [int(x) for x in t.children_right],
                    [float(v[0][0]) for v in t.value]))
    # the trees' starting log-odds: the decision function of any row minus what its trees add
    x0 = X[:1]
    init = float(gbm.decision_function(x0)[0]) - rate * sum(float(est.predict(x0)[0]) for est in gbm.estimators_[:, 0])
    return Boost(used, init, rate, blend, out)


def fit(examples: list[Example], *, c: float = 0.5, min_count: int = 2, threshold: float = 0.5,
        meta: dict | None = None) -> Model:
    """A logistic regression over the examples' features (those seen at least ``min_count`` times)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(k for e in examples for k in e.features)
    keep = {k for k, n in counts.items() if n >= min_count}
    X_dicts = [{k: v for k, v in e.features.items() if k in keep} for e in examples]
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform(X_dicts)
    y = [e.label for e in examples]
    clf = LogisticRegression(C=c, solver="lbfgs", max_iter=5000, class_weight="balanced")
    clf.fit(X, y, sample_weight=[e.weight for e in examples])
    weights = dict(zip(vec.get_feature_names_out(), (float(w) for w in clf.coef_[0])))
    return Model(weights, float(clf.intercept_[0]), threshold, meta or {})


def run_model(model: Model, threshold: float | None = None):
    """An evaluation callback: the extractor with ``model`` on a gold document."""
    from .extractor import select

    def run(doc: GoldDoc) -> list[dict]:
        parsed, cands = parsed_candidates(doc)
        return [i.as_dict() for i in select(parsed, cands, model=model, threshold=threshold)]
    return run


def held_out_runs(train_pool: list[GoldDoc], real: list[GoldDoc], groups: list[set[str]], *,
                  extra: list[Example] = (), **fitting):
    """Per group of ministries, the group's real letters and the extractor with a model trained on every other
    ministry's letters (plus ``extra``; ``fitting``: the arguments of ``fit_cascade``)."""
    pool_examples = {id(d): examples_from_docs([d]) for d in train_pool}
    for group in groups:
        train = [e for d in train_pool if d.ministry not in group for e in pool_examples[id(d)]] + list(extra)
        yield [d for d in real if d.ministry in group], run_model(fit_cascade(train, **fitting))


def fit_calibration(train_pool: list[GoldDoc], real: list[GoldDoc], *, folds: int = 3, c: float, threshold: float,
                    extra: list[Example] = (), gate: float | None = 0.05, c2: float = 0.3,
                    boost: dict | None = None) -> tuple[tuple[float, float] | None, dict]:
    """Platt scaling of the proposals' scores: the ministries of the real letters are dealt round in ``folds``
    groups; a model trained without one group proposes on that group's letters, and a logistic regression on
    the log-odds of those proposals' scores says how often a proposal of each score was a promise.  Returns
    (a, b) for ``Model.calibration`` (None when the scores do not rise with the share of promises) and what
    it was fit on."""
    ministries = sorted({d.ministry for d in real})
    groups = [set(ministries[k::folds]) for k in range(folds)]
    judged = [row for letters, run in held_out_runs(train_pool, real, groups, extra=extra, c=c, threshold=threshold,
                                                   gate=gate, c2=c2, boost=boost)
              for d in letters for row in proposals_judged(run(d), d.items, "score")]
    return platt(judged), {"folds": folds, "proposals": len(judged), "promises": sum(y for _, y in judged)}


def platt(judged: list[tuple[float, int]]) -> tuple[float, float] | None:
    """(a, b) such that sigmoid(a * logit(score) + b) is the share of promises among proposals of that score
    (a logistic regression on the log-odds); None when there is nothing to learn or the share falls as the
    score rises."""
    import math

    from sklearn.linear_model import LogisticRegression

    if len({y for _, y in judged}) < 2:
        return None
    x = [[math.log(q / (1 - q))] for q in (min(max(p, CALIBRATION_CLIP), 1 - CALIBRATION_CLIP) for p, _ in judged)]
    fit = LogisticRegression(C=1e4, solver="lbfgs", max_iter=1000).fit(x, [y for _, y in judged])
    a, b = float(fit.coef_[0][0]), float(fit.intercept_[0])
    return (a, b) if a > 0 else None


def sets_held_out(train_pool: list[GoldDoc], held: list[GoldDoc], **fitting) -> Report:
    """The ``held`` documents scored (per gold set) by a model trained on ``train_pool`` without their sets
    (``fitting``: the arguments of ``fit_cascade``)."""
    names = {d.set.name for d in held}
    model = fit_cascade(examples_from_docs([d for d in train_pool if d.set.name not in names]), **fitting)
    return evaluate(held, run_model(model), group_by=lambda d: d.set.name)


def leave_one_ministry_out(train_pool: list[GoldDoc], real: list[GoldDoc], *, c: float, threshold: float,
                           extra: list[Example] = (), gate: float | None = 0.05, c2: float = 0.3,
                           boost: dict | None = None, keep: dict[str, list[dict]] | None = None) -> Report:
    """Train without each ministry in turn, test on that ministry's real letters (their items go into
    ``keep``, by the letter's path, when it is given)."""
    report = Report()
    groups = [{m} for m in sorted({d.ministry for d in real})]
    for held_out, run in held_out_runs(train_pool, real, groups, extra=extra, c=c, threshold=threshold, gate=gate,
                                       c2=c2, boost=boost):
        part = evaluate(held_out, run if keep is None else keeping(run, keep))
        for g, counts in part.by_group.items():
            report.total.update(counts)
            report.by_group.setdefault(g, Counter()).update(counts)
        report.details.extend(part.details)
    return report


def keeping(run, keep: dict[str, list[dict]]):
    """``run`` that also puts each letter's items into ``keep``, by the letter's path."""
    def kept(doc: GoldDoc) -> list[dict]:
        keep[str(doc.path)] = items = run(doc)
        return items
    return kept


def today_iso() -> str:
    return dt.date.today().isoformat()


def clerk_examples() -> list[Example]:
    """The griffie's decisions (latest per commitment) as examples; needs Django and the database."""
    from commitments.models import ReviewDecision, ReviewExample

    latest: dict[int | str, ReviewExample] = {}
    for ex in ReviewExample.objects.order_by("created_at", "id").only(
            "commitment_id", "features", "decision", "sentence"):
        if ex.features:
            latest[ex.commitment_id or f"x{ex.pk}"] = ex
    positive = (ReviewDecision.ACCEPTED, ReviewDecision.ADDED)   # added: a promise the model missed
    return [Example(ex.features, int(ex.decision in positive), ROLE_WEIGHT["clerk"], "clerk")
            for ex in latest.values()]


# --------------------------------------------------------------------------- what the griffie's decisions teach

#: the models compared by ``griffie_simulation``: trained on the other ministries plus …
GRIFFIE_VARIANTS = ("none", "decisions", "decisions+additions", "annotated")


def simulated_review(model: Model, docs: list[GoldDoc]) -> tuple[list[Example], list[Example], Counter]:
    """The griffie's review of ``docs`` as their gold decides it, as the examples the tracker stores: per proposal of
    ``model`` an accept (the gold counts it) or a reject (the gold holds nothing like it; like a borderline item, no
    decision), and per counted promise not proposed an addition of the sentence holding most of it, with Frog's
    features when it passes the gate (``extractor.describe_quote``, ``services.add_commitment``).  Returns
    (decisions, additions, counts: proposals, accepted, rejected, undecided, counted promises, found, added)."""
    from .extractor import select

    decisions: list[Example] = []
    additions: list[Example] = []
    n: Counter = Counter()
    weight = ROLE_WEIGHT["clerk"]
    for doc in docs:
        parsed, cands = parsed_candidates(doc)
        gold = [(g, tokens(g["quote"])) for g in doc.items]
        found: set[str] = set()
        for item in select(parsed, cands, model=model):
            it = tokens(item.quote)
            score, best = max(((overlap(gt, it), g) for g, gt in gold), key=lambda x: x[0], default=(0.0, None))
            n["proposals"] += 1
            if score > 0 and best.get("borderline"):
                n["undecided"] += 1
                continue
            if score > 0:
                found.add(best["id"])
            n["accepted" if score > 0 else "rejected"] += 1
            decisions.append(Example(dict(item.features), int(score > 0), weight, "clerk"))
        n["found"] += len(found)
        for g, gt in gold:
            if g.get("borderline"):
                continue
            n["promises"] += 1
            if g["id"] in found:
                continue
            most, c = 0, None   # the first sentence sharing most words with it
            for cand in cands:
                shared = sum((gt & tokens(cand.sentence)).values())
                if shared > most:
                    most, c = shared, cand
            if c is None:
                continue
            features = base_features(c.features)
            if model.cascades and model.score(features) >= model.gate:
                features = {**features, **linguistic_features(c)}
            additions.append(Example(features, 1, weight, "clerk"))
            n["added"] += 1
    return decisions, additions, n


def griffie_simulation(train_pool: list[GoldDoc], real: list[GoldDoc], ministries: Iterable[str] | None = None,
                       **fitting) -> dict:
    """What the griffie's decisions teach, per ministry: its real letters in date order, the first half reviewed by a
    griffie (``simulated_review`` of the proposals of a model trained on the other ministries), the second half
    the letters that come later, scored with that model retrained on the other ministries plus nothing, the accepts
    and rejects, those and the additions, or the reviewed letters fully annotated (``GRIFFIE_VARIANTS``)."""
    from .evaluation import score_document, summary

    pool_examples = {id(d): examples_from_docs([d]) for d in train_pool}
    wanted = sorted(set(ministries) if ministries else {d.ministry for d in real})
    rows, totals = [], {v: Counter() for v in GRIFFIE_VARIANTS}
    review_total: Counter = Counter()
    for ministry in wanted:
        letters = sorted((d for d in real if d.ministry == ministry), key=lambda d: (d.date or dt.date.min, str(d.path)))
        if len(letters) < 2:
            continue
        reviewed, later = letters[:len(letters) // 2], letters[len(letters) // 2:]
        others = [e for d in train_pool if d.ministry != ministry for e in pool_examples[id(d)]]
        start = fit_cascade(others, **fitting)
        decisions, additions, review = simulated_review(start, reviewed)
        annotated = [e for d in reviewed for e in pool_examples.get(id(d)) or examples_from_docs([d])]
        models = {"none": start, "decisions": fit_cascade(others + decisions, **fitting),
                  "decisions+additions": fit_cascade(others + decisions + additions, **fitting),
                  "annotated": fit_cascade(others + annotated, **fitting)}
        scores = {}
        for variant, model in models.items():
            counts: Counter = Counter()
            for doc in later:
                counts.update(score_document(doc.items, run_model(model)(doc))[0])
            totals[variant].update(counts)
            scores[variant] = summary(counts)
        review_total.update(review)
        rows.append({"ministry": ministry, "reviewed": len(reviewed), "later": len(later), "review": dict(review),
                     "scores": scores})
    return {"ministries": rows, "review": dict(review_total),
            "overall": {v: summary(totals[v]) for v in GRIFFIE_VARIANTS}}
