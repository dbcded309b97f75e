"""Fulfilment suggestions: which open commitments may a new letter fulfil, partly fulfil or postpone?

A transparent scored model. For one letter (stored, or read from a file without storing) every
candidate commitment gets a handful of evidence features, each between 0 and 1; its score is the
weighted sum ``sum(WEIGHTS[f] * value[f])``. The weights are in ``WEIGHTS`` below, tuned by hand
and by a small grid search on the dev part of the labelled set (``fixtures/fulfilment_eval/``,
``python manage.py evaluate_suggestions --split dev --tune``); the held-out part was not looked at
while tuning. The features, what each one checks:

``cites_letter``    the letter cites the Kamerstuk (dossier + number) of the commitment's own letter
``cites_motion``    the letter cites a motion the commitment is about
``names_letter``    "zoals toegezegd in mijn brief van 20 mei": a letter named by its date, and that
                    date is the date of the commitment's letter (the year taken as the last one before)
``topic``           the same, against what the letter is about: its subject and first two paragraphs
``deliverable``     how much of the commitment's words (deliverable and quote: content words, reduced
                    to a crude stem, weighted by how rare they are among the candidates; the other
                    words of its passage count for ``CONTEXT_WEIGHT``) stands in the best-matching
                    passage of the letter (0–1)
``promise_cue``     that passage speaks of a promise or a delivery ("zoals toegezegd", "hierbij
                    ontvangt u", "met deze brief", "toezegging")
``same_dossier``    the letter belongs to or cites the dossier of the commitment's letter or motions
``same_ministry``   same ministry as the commitment
``near_due``        same ministry or dossier, and the letter comes near the commitment's due date
                    (1 on the day, 0 at 180 days away)
``later_cue``       that passage says the thing comes later ("later dit jaar", "na de zomer",
                    "loopt vertraging op", a future time phrase)

The kind: a passage that says it comes later, with a time phrase resolving (by the deadline
conventions, ``commitments.extraction.deadlines``) to a date after the current due date, makes a
postponement with that ``new_due_date``; one that speaks of a first part, progress or an interim
report makes "partly"; otherwise "fulfils".

Candidates are the commitments still open (openstaand, deels voldaan, and the unreviewed
proposals the griffie sees), not of this letter, whose own letter is not later than this one, and
that share something with it: a cited Kamerstuk or motion, the dossier, a letter date it names, or
the ministry with a due date within a year. Nothing here writes to the database except
``store_suggestions``.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy

from documents.models import Document, DocumentType

from .models import (
    OPEN_STATUSES,
    Commitment,
    FulfilmentSuggestion,
    SuggestionKind,
    SuggestionState,
)

#: Weight per evidence feature (see the module docstring). Score = sum of weight × value.
WEIGHTS: dict[str, float] = {
    "cites_letter": 0.30,
    "cites_motion": 0.35,
    "names_letter": 0.35,
    "deliverable": 1.00,
    "topic": 0.30,
    "promise_cue": 0.10,
    "same_dossier": 0.10,
    "same_ministry": 0.05,
    "near_due": 0.0,  # tuned on dev: any weight > 0 put a wrong commitment above a right one
    "later_cue": 0.10,
}

#: A suggestion scoring below this is not shown nor stored.
MIN_SCORE = 0.35
#: At most this many suggestions per letter.
MAX_SUGGESTIONS = 10
#: At most this many candidate commitments are scored per letter (newest letters first).
MAX_CANDIDATES = 3000
#: Same ministry counts as a candidate when the due date lies this many days around the letter.
MINISTRY_WINDOW_DAYS = 365
NEAR_DUE_DAYS = 180
#: Words of the commitment's quote outside its deliverable, and of its passage outside its quote, count
#: this much (the deliverable's words: 1).
QUOTE_WEIGHT = 0.7
CONTEXT_WEIGHT = 0.3
#: Letters searched by their words as well: the candidates that share one of the letter's longest
#: topic words (subject and first paragraphs) in their quote, whatever ministry or dossier.
TOPIC_WORDS = 10
#: The deliverable feature counts fully from this many shared content words on (fewer: in proportion).
MIN_SHARED = 3

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
LETTER_DATE = re.compile(
    r"\b(?:mijn|onze|haar|zijn|de|het|die|deze)\s+(?:[\w-]+\s+){0,2}?(?:kamer)?(?:brief|beantwoording|antwoorden|"
    r"verslag)\b(?:\s+[\w,-]+){0,6}?\s+(?:van|d\.d\.)\s+(\d{1,2})\s+(" + "|".join(MONTHS) + r")(?:\s+((?:19|20)\d\d))?",
    re.I,
)
PROMISE_CUE = re.compile(
    r"zoals\s+(?:toegezegd|aangekondigd|beloofd|afgesproken)|\btoegezegd\b|\btoezegging|"
    r"hierbij\s+(?:ontvangt|stuur|zend|bied|informeer|doe)|met\s+deze\s+brief|bijgaand|in\s+de\s+bijlage|"
    r"treft\s+u\s+aan|bied(?:en)?\s+(?:ik|wij|we)\s+u\b|informeer\s+ik\s+u|informeren\s+wij\s+u|"
    r"conform\s+(?:mijn|de|onze)\s+toezegging|hiermee\s+(?:geef|geven|kom|komen|voldoe|voldoen)",
    re.I,
)
LATER_CUE = re.compile(
    r"later\s+dit\s+jaar|na\s+de\s+zomer|\bvertraging|vertraagd|later\s+dan\s+(?:gepland|voorzien|verwacht|"
    r"aangekondigd|toegezegd)|uitgesteld|\buitstel\b|opgeschoven|schuift\s+op|verschuift|niet\s+(?:eerder|"
    r"voor|vóór)\s+\w+\s+(?:gereed|klaar|beschikbaar)|kost\s+meer\s+tijd|meer\s+tijd\s+nodig|"
    r"nog\s+niet\s+(?:gereed|afgerond|klaar|beschikbaar)|(?:ontvangt|informeer|informeren|stuur|sturen)\s+"
    r"(?:ik\s+|wij\s+|we\s+)?(?:u|uw\s+kamer)\s+(?:daarover\s+|hierover\s+)?(?:later|na|in|voor|vóór|begin|"
    r"eind|medio)\b|\bvolgt\s+(?:later|na|in|voor|vóór|begin|eind)|wordt\s+\w*\s*(?:verwacht|opgeleverd)",
    re.I,
)
PARTLY_CUE = re.compile(
    r"\beerste\s+(?:resultaten|uitkomsten|stap|deel|helft|bevindingen|fase|tranche)|tussen(?:stand|rapportage|"
    r"tijds|evaluatie|bericht)|voortgangs?(?:rapportage|bericht)|\bdeels\b|gedeeltelijk|een\s+deel\s+van|"
    r"stand\s+van\s+zaken|nog\s+niet\s+(?:alle|volledig)",
    re.I,
)

#: Words that say nothing about what was promised (function words and the letters' own vocabulary).
STOPWORDS = set(
    """aan achter af al alle alleen als alsook ander andere anders bij binnen boven daar daarbij daarmee daarna
    daarnaast daarom daarover dan dat de deze die dit door doen dus een eerder eerst en enkele er ervoor even
    extra geen gaan gaat had heb hebben heeft hen het hier hierbij hierin hiermee hierover hij hoe hun ik in is
    je kan komen komt kunnen kan maar meer met mijn minder moet moeten na naar nader nadere namelijk niet nog nu
    of om omdat ons onze ook op over per tot tussen u uit uw van vanuit veel verder via voor vooral waar waarbij
    waarin waarmee wanneer wat we wel welke wij wil willen worden wordt zal ze zelf zich zij zijn zo zoals zodat
    zou zouden zullen tijdens onder sinds zowel beide eind begin jaar jaren dit deze zomer najaar voorjaar
    kamer kamerbrief brief brieven informeren informeer geïnformeerd verwacht verwachting verwachten komende
    periode gaan toezegging toegezegd staatssecretaris minister ministerie kabinet regering leden fractie
    vragen vraag antwoord graag verder daarin hierop nadat voordat januari februari maart april mei juni juli
    augustus september oktober november december informatie gerapporteerd rapporteren
    verwachten uitkomsten resultaten""".split()
)
WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ\-]{3,}", re.I)
SUFFIXES = ("ingen", "heden", "heid", "ing", "en", "es", "s", "e")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude Dutch stem: strip one plural/derivation suffix, undouble the last consonant."""
    w = word.lower().strip("-")
    for suf in SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]
    return w


def content_stems(text: str) -> list[str]:
    return [stem(w) for w in WORD.findall(text or "") if w.lower() not in STOPWORDS]


# --------------------------------------------------------------------------- the letter


@dataclass
class LetterView:
    """What the ranker reads of a letter: the same for a stored Document and a file just read."""

    date: dt.date | None
    ministry: str = ""
    kamerstuk: str = ""
    document_id: int | None = None
    #: passages whose words count (paragraphs, answers, headings; a VSO's questions are the
    #: members' words, not the government's, and are left out)
    passages: list[str] = field(default_factory=list)
    #: every Kamerstuk key the letter cites (all passages and footnotes)
    cited_keys: set[str] = field(default_factory=set)
    subject: str = ""

    @property
    def dossier_numbers(self) -> set[str]:
        keys = set(self.cited_keys)
        if self.kamerstuk:
            keys.add(self.kamerstuk)
        return {k.split("-", 1)[0] for k in keys if k}

    @classmethod
    def from_document(cls, document: Document) -> LetterView:
        passages = list(document.passages.order_by("index").values_list("kind", "text"))
        keys = set(document.references.exclude(key=None).exclude(key="").values_list("key", flat=True))
        return cls(
            date=document.date,
            ministry=document.ministry or "",
            kamerstuk=document.kamerstuk or "",
            document_id=document.pk,
            passages=[t for k, t in passages if k != "question"] or [t for _k, t in passages],
            cited_keys=keys,
            subject=document.subject or "",
        )

    @classmethod
    def from_parsed(cls, parsed, ministry: str = "") -> LetterView:
        from documents.ministries import canonical_ministry

        keys = {c.key for p in parsed.passages for c in p.citations if c.key}
        keys |= {m.key for m in parsed.motions if m.key}
        texts = [p.text for p in parsed.passages if p.kind != "question"] or [p.text for p in parsed.passages]
        own = parsed.kamerstuk or ""
        # the same letter already stored (same bytes, or same Kamerstuk): its own commitments are no candidates
        same = Q(sha256=parsed.sha256) if parsed.sha256 else Q(pk__in=[])
        if own:
            same |= Q(kamerstuk=own)
        existing = Document.objects.filter(same).values_list("pk", flat=True).first()
        return cls(
            date=parsed.date,
            ministry=canonical_ministry(ministry or parsed.ministry or parsed.bewindspersoon),
            kamerstuk=own,
            document_id=existing,
            passages=texts,
            cited_keys=keys - {own},
            subject=parsed.subject or "",
        )

    @property
    def topic(self) -> str:
        """What the letter says it is about: its subject and first two paragraphs (after the address)."""
        body = [p for p in self.passages if not re.match(r"\s*(?:aan\s+de\s+voorzitter|geachte|den\s+haag)", p, re.I)]
        return " ".join([self.subject, *body[:2]])

    def topic_words(self) -> list[str]:
        """The longest content words of the topic (a proxy for the rare ones), for the lexical candidate search."""
        words = {w.lower() for w in WORD.findall(self.topic) if w.lower() not in STOPWORDS and len(w) >= 7}
        return sorted(words, key=lambda w: (-len(w), w))[:TOPIC_WORDS]

    def named_letter_dates(self) -> dict[dt.date, str]:
        """Letters named by their date ("mijn brief van 20 mei"), the year the last one before this letter."""
        found: dict[dt.date, str] = {}
        for text in [self.subject, *self.passages]:
            for m in LETTER_DATE.finditer(text):
                day, month = int(m[1]), MONTHS[m[2].lower()]
                year = int(m[3]) if m[3] else (self.date.year if self.date else None)
                if year is None:
                    continue
                try:
                    when = dt.date(year, month, day)
                except ValueError:
                    continue
                if not m[3] and self.date and when > self.date:
                    when = when.replace(year=year - 1)
                found.setdefault(when, " ".join(m[0].split()))
        return found


# --------------------------------------------------------------------------- evidence in words

EVIDENCE_TEXTS = {
    "cites_letter": gettext_lazy("citeert Kamerstuk %(key)s, de brief met de toezegging"),
    "cites_motion": gettext_lazy("citeert motie %(keys)s, waar de toezegging over gaat"),
    "names_letter": gettext_lazy("noemt de brief met de toezegging: “%(phrase)s”"),
    "deliverable": gettext_lazy("noemt wat beloofd is (%(pct)s%% van de woorden: %(words)s)"),
    "same_dossier": gettext_lazy("zelfde dossier (%(dossiers)s)"),
    "same_ministry": gettext_lazy("zelfde ministerie (%(ministry)s)"),
    "near_due": gettext_lazy("de brief komt %(days)s dagen van de uiterste datum (%(due)s)"),
    "promise_cue": gettext_lazy("spreekt van een toezegging of levering: “%(cue)s”"),
    "later_cue": gettext_lazy("zegt dat het later komt: “%(cue)s” → %(date)s"),
}


def evidence_text(item) -> str:
    """One piece of evidence as a sentence in the active language; a stored dict or a (feature, params) pair."""
    feature, params = (item["feature"], item.get("params") or {}) if isinstance(item, dict) else item
    template = EVIDENCE_TEXTS.get(feature)
    if template is None:
        return str(feature)
    try:
        return str(template) % params
    except (KeyError, TypeError, ValueError):
        return str(feature)


# --------------------------------------------------------------------------- ranking


@dataclass
class Suggestion:
    commitment: Commitment
    kind: str
    score: float
    features: dict[str, float]
    #: (feature, parameters) pairs; ``evidence_text`` turns one into a sentence in the active language
    evidence: list[tuple[str, dict]]
    new_due_date: dt.date | None = None
    new_phrase: str = ""

    def as_dict(self) -> dict:
        return {
            "commitment_id": self.commitment.pk,
            "quote": self.commitment.quote,
            "kind": self.kind,
            "score": round(self.score, 3),
            "new_due_date": self.new_due_date.isoformat() if self.new_due_date else None,
            "evidence": [evidence_text(item) for item in self.evidence],
            "features": {k: round(v, 3) for k, v in self.features.items()},
        }

    def stored_evidence(self) -> list[dict]:
        return [{"feature": f, "params": p} for f, p in self.evidence]


def candidates(letter: LetterView) -> list[Commitment]:
    keys = set(letter.cited_keys)
    dossiers = letter.dossier_numbers
    named = set(letter.named_letter_dates())
    related = Q(pk__in=[])
    if keys:
        related |= Q(document__kamerstuk__in=keys) | Q(motions__key__in=keys)
    if dossiers:
        related |= Q(document__dossier__number__in=dossiers) | Q(motions__dossier__number__in=dossiers)
    if named:
        related |= Q(letter_date__in=named)
    if letter.ministry and letter.date:
        window = dt.timedelta(days=MINISTRY_WINDOW_DAYS)
        related |= Q(ministry=letter.ministry) & (
            Q(due_date__range=(letter.date - window, letter.date + window))
            | Q(due_date__isnull=True, letter_date__gte=letter.date - 2 * window)
        )
    words = letter.topic_words()
    if words:
        lexical = Q(pk__in=[])
        for w in words:
            lexical |= Q(quote__icontains=w)
        if letter.date:
            lexical &= Q(letter_date__gte=letter.date - dt.timedelta(days=5 * 365))
        related |= lexical
    qs = Commitment.objects.filter(status__in=OPEN_STATUSES).filter(related)
    if letter.document_id:
        qs = qs.exclude(document_id=letter.document_id)
    if letter.kamerstuk:
        qs = qs.exclude(document__kamerstuk=letter.kamerstuk)
    if letter.date:
        qs = qs.filter(Q(letter_date__lte=letter.date) | Q(letter_date__isnull=True))
    ids = list(qs.values_list("pk", flat=True).distinct()[: MAX_CANDIDATES * 2])
    return list(
        Commitment.objects.filter(pk__in=ids)
        .select_related("document", "document__dossier", "passage")
        .prefetch_related("motions", "motions__dossier")
        .order_by("-letter_date", "-pk")[:MAX_CANDIDATES]
    )


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý0-9“‘(])", text) if s.strip()]


@dataclass
class Scored:
    """A candidate's evidence before weighting: features, evidence, the kind and new date it implies."""

    commitment: Commitment
    features: dict[str, float]
    evidence: list[tuple[str, dict]]
    kind: str
    new_due_date: dt.date | None
    new_phrase: str

    def score(self, weights: dict[str, float]) -> float:
        return sum(weights.get(f, 0.0) * v for f, v in self.features.items())


def rank(letter: LetterView, *, limit: int = MAX_SUGGESTIONS, min_score: float = MIN_SCORE,
         weights: dict[str, float] | None = None, pool: list[Commitment] | None = None) -> list[Suggestion]:
    """The open commitments this letter may answer, best first (at most ``limit``, score ≥ ``min_score``)."""
    return weigh(evidence_for(letter, pool), weights or WEIGHTS, limit=limit, min_score=min_score)


def weigh(scored: list[Scored], weights: dict[str, float], *, limit: int = MAX_SUGGESTIONS,
          min_score: float = MIN_SCORE) -> list[Suggestion]:
    out = [
        Suggestion(x.commitment, x.kind, x.score(weights), x.features, x.evidence, x.new_due_date, x.new_phrase)
        for x in scored
    ]
    out = [s for s in out if s.score >= min_score]
    out.sort(key=lambda s: (-s.score, s.commitment.due_date or dt.date.max, s.commitment.pk))
    return out[:limit]


def evidence_for(letter: LetterView, pool: list[Commitment] | None = None) -> list[Scored]:
    """Every candidate with its evidence features (unweighted)."""
    pool = candidates(letter) if pool is None else pool
    if not pool:
        return []
    from .calendar import DatabaseCalendar

    calendar = DatabaseCalendar()
    passages = [p for p in letter.passages if p.strip()]
    if letter.subject:
        passages.append(letter.subject)
    passage_stems = [set(content_stems(p)) for p in passages]
    passage_index: dict[str, list[int]] = {}
    for i, ps in enumerate(passage_stems):
        for s_ in ps:
            passage_index.setdefault(s_, []).append(i)
    commitment_stems = {c.pk: _commitment_words(c) for c in pool}
    topic_stems = set(content_stems(letter.topic))
    df: Counter[str] = Counter()
    for stems in commitment_stems.values():
        df.update(set(stems))
    n = len(pool)
    idf = {s: math.log(1 + n / df[s]) + 0.1 for s in df}
    named = letter.named_letter_dates()
    dossiers = letter.dossier_numbers
    out: list[Scored] = []
    for c in pool:
        feats: dict[str, float] = {}
        evidence: list[str] = []
        own_key = c.document.kamerstuk or ""
        if own_key and own_key in letter.cited_keys:
            feats["cites_letter"] = 1.0
            evidence.append(("cites_letter", {"key": own_key}))
        motion_keys = {m.key for m in c.motions.all()}
        shared_motions = sorted(motion_keys & letter.cited_keys)
        if shared_motions:
            feats["cites_motion"] = 1.0
            evidence.append(("cites_motion", {"keys": ", ".join(shared_motions)}))
        if c.letter_date and c.letter_date in named:
            feats["names_letter"] = 1.0
            evidence.append(("names_letter", {"phrase": named[c.letter_date]}))
        stems = commitment_stems[c.pk]
        total = sum(idf[s] * w for s, w in stems.items()) or 1.0

        def coverage(words: set[str], stems: Counter = stems, total: float = total) -> tuple[float, list[str]]:
            shared = [s for s in stems if s in words]
            # a commitment of one or two content words ("hierover informeren we u") is not named by
            # a passage that shares them: coverage counts fully from MIN_SHARED shared words on
            strong = sum(1 for s in shared if stems[s] >= QUOTE_WEIGHT)
            cov = sum(idf[s] * stems[s] for s in shared) / total * min(1.0, strong / MIN_SHARED)
            return cov, shared

        best, best_i, best_words = 0.0, -1, []
        # only the passages that share a stem can cover the commitment (the same figures as trying every passage)
        sharing = sorted({i for s_ in stems for i in passage_index.get(s_, ())})
        for i in sharing:
            cov, shared = coverage(passage_stems[i])
            if cov > best:
                best, best_i, best_words = cov, i, shared
        topic_cov, _topic_words = coverage(topic_stems)
        if topic_cov > 0:
            feats["topic"] = round(topic_cov, 3)
        if best > 0:
            feats["deliverable"] = round(best, 3)
            surface = _surface_words(f"{c.deliverable} {c.quote} {c.passage.text if c.passage_id and c.passage else ''}")
            words = [surface.get(s_, s_) for s_ in sorted(best_words, key=lambda s: -idf[s] * stems[s])[:6]]
            evidence.append(("deliverable", {"pct": round(best * 100), "words": ", ".join(words)}))
        c_dossiers = set()
        if c.document.dossier_id:
            c_dossiers.add(c.document.dossier.number)
        c_dossiers |= {m.dossier.number for m in c.motions.all() if m.dossier_id}
        if c_dossiers & dossiers:
            feats["same_dossier"] = 1.0
            evidence.append(("same_dossier", {"dossiers": ", ".join(sorted(c_dossiers & dossiers))}))
        if letter.ministry and c.ministry == letter.ministry:
            feats["same_ministry"] = 1.0
            evidence.append(("same_ministry", {"ministry": c.ministry}))
        if c.due_date and letter.date and ("same_dossier" in feats or "same_ministry" in feats):
            gap = abs((letter.date - c.due_date).days)
            if gap < NEAR_DUE_DAYS:
                feats["near_due"] = round(1 - gap / NEAR_DUE_DAYS, 3)
                evidence.append(("near_due", {"days": gap, "due": c.due_date.isoformat()}))
        kind, new_due, new_phrase = SuggestionKind.FULFILS, None, ""
        if best_i >= 0 and best >= 0.2:
            passage = passages[best_i]
            if PROMISE_CUE.search(passage):
                feats["promise_cue"] = 1.0
                evidence.append(("promise_cue", {"cue": " ".join(PROMISE_CUE.search(passage)[0].split())}))
            following = passages[best_i + 1] if best_i + 1 < len(passages) else ""
            kind, new_due, new_phrase, cue = _kind(passage, following, stems, c, letter, calendar)
            if cue:
                feats["later_cue"] = 1.0
                evidence.append(cue)
        out.append(Scored(c, feats, evidence, kind, new_due, new_phrase))
    return out


#: A sentence that announces something to come (with a time phrase: a new date).
FUTURE = re.compile(
    r"\b(?:zal|zullen|zult|wordt|worden|volgt|volgen|verwacht|verwachten|voorzien|beoogd|ontvangt|informeer|"
    r"informeren|stuur|sturen|starten|start|bied|bieden|kom|komen)\b", re.I)
#: A sentence that reports a delivery: never a postponement.
DELIVERED = re.compile(
    r"hierbij|met\s+deze\s+brief|bijgaand|in\s+de\s+bijlage|\bis\s+(?:vandaag\s+|inmiddels\s+|nu\s+)?"
    r"(?:gepubliceerd|verschenen|verstuurd|vastgesteld|afgerond|gereed|opgeleverd|nagekomen|ingediend)|nagekomen",
    re.I)


def _surface_words(text: str) -> dict[str, str]:
    """Stem → the word as written (the first one), to show matched words as the letter has them."""
    found: dict[str, str] = {}
    for w in WORD.findall(text or ""):
        if w.lower() not in STOPWORDS:
            found.setdefault(stem(w), w.lower())
    return found


def _commitment_words(c: Commitment) -> Counter:
    """Stem → weight: the deliverable's words 1, the quote's ``QUOTE_WEIGHT``, the rest of its passage
    ``CONTEXT_WEIGHT``."""
    words: Counter = Counter()
    for s_ in content_stems(c.deliverable):
        words[s_] = 1.0
    for s_ in content_stems(c.quote):
        words.setdefault(s_, QUOTE_WEIGHT)
    if c.passage_id and c.passage is not None:
        for s_ in content_stems(c.passage.text):
            words.setdefault(s_, CONTEXT_WEIGHT)
    return words


def _kind(passage: str, following: str, stems: Counter, c: Commitment, letter: LetterView, calendar):
    """fulfils / partly / postpones for the best passage (and the one after it), with the new due date of
    a postponement: a sentence about the commitment that says it comes later, or announces it with a
    time phrase resolving after the current due date, and reports no delivery."""
    from .extraction.deadlines import find_phrase

    sentences = _sentences(passage) or [passage]
    sentences += _sentences(following)[:3]
    own = {s_ for s_, w in stems.items() if w >= QUOTE_WEIGHT}  # the quote's own words, not its passage's
    scored = sorted(sentences, key=lambda s: -len(set(content_stems(s)) & own))
    for sentence in scored[:4]:
        if len(set(content_stems(sentence)) & own) < 2:
            break
        if DELIVERED.search(sentence):
            continue
        later = LATER_CUE.search(sentence)
        if not later and not FUTURE.search(sentence):
            continue
        deadline = find_phrase(sentence, letter.date, calendar)
        due = deadline.due_date
        if due and letter.date and due > letter.date and (c.due_date is None or due > c.due_date):
            phrase = deadline.phrase or ""
            cue = ("later_cue", {"cue": " ".join((later[0] if later else phrase).split()), "date": due.isoformat()})
            return SuggestionKind.POSTPONES, due, phrase[:300], cue
    if PARTLY_CUE.search(passage):
        return SuggestionKind.PARTLY, None, "", ""
    return SuggestionKind.FULFILS, None, "", ""


def suggest_for_letter(letter: LetterView, **kwargs) -> list[Suggestion]:
    return rank(letter, **kwargs)


# --------------------------------------------------------------------------- storing


def store_suggestions(document: Document) -> list[FulfilmentSuggestion]:
    """Rank for a stored letter and keep the result, so pages need not recompute.

    Open suggestions of this letter are replaced; dismissed and applied ones stay as they are and a
    pair once dismissed is never offered again."""
    if document.type == DocumentType.MOTIE:
        return []
    found = rank(LetterView.from_document(document))
    with transaction.atomic():
        decided = set(
            FulfilmentSuggestion.objects.filter(document=document)
            .exclude(state=SuggestionState.OPEN)
            .values_list("commitment_id", flat=True)
        )
        FulfilmentSuggestion.objects.filter(document=document, state=SuggestionState.OPEN).delete()
        rows = [
            FulfilmentSuggestion(
                document=document, commitment=s.commitment, kind=s.kind, score=round(s.score, 4), rank=i,
                new_due_date=s.new_due_date, new_phrase=s.new_phrase, evidence=s.stored_evidence(),
            )
            for i, s in enumerate((s for s in found if s.commitment.pk not in decided), start=1)
        ]
        FulfilmentSuggestion.objects.bulk_create(rows)
    return rows


def suggest_for_document(document: Document | None) -> int:
    """The hook ingestion calls after storing a letter: rank and store its suggestions. Never fails
    the ingest: a ranking error is logged and the letter stays stored without suggestions."""
    import logging

    if document is None:
        return 0
    try:
        return len(store_suggestions(document))
    except Exception:  # noqa: BLE001 - suggestions are a help, the letter itself must be kept
        logging.getLogger(__name__).exception("fulfilment suggestions failed for document %s", document.pk)
        return 0


def refresh_all(documents: Iterable[Document] | None = None) -> int:
    """Recompute the stored suggestions of every letter (oldest first); dismissed ones stay dismissed."""
    docs = documents if documents is not None else Document.objects.exclude(type=DocumentType.MOTIE).order_by("date", "pk")
    return sum(len(store_suggestions(d)) for d in docs)


# --------------------------------------------------------------------------- the clerk's decision

#: The one-click actions on a suggestion, by the name the pages post.
ACTIONS = ("voldaan", "deels-voldaan", "uitgesteld", "negeren")


class SuggestionDecided(Exception):
    """The suggestion was already applied or dismissed (by this clerk in another tab, or another)."""


def _open_suggestion(suggestion_id: int) -> FulfilmentSuggestion:
    try:
        suggestion = (
            FulfilmentSuggestion.objects.select_for_update(of=("self",))
            .select_related("document")
            .get(pk=suggestion_id)
        )
    except FulfilmentSuggestion.DoesNotExist as exc:
        from django.utils.translation import gettext as _

        raise SuggestionDecided(_("Deze suggestie bestaat niet meer.")) from exc
    if suggestion.state != SuggestionState.OPEN:
        from django.utils.translation import gettext as _

        raise SuggestionDecided(
            _("Over deze suggestie is al beslist (%(state)s).") % {"state": suggestion.get_state_display()}
        )
    return suggestion


def apply_suggestion(
    suggestion_id: int,
    *,
    action: str,
    version: int,
    user,
    new_due_date: dt.date | None = None,
    note: str = "",
) -> FulfilmentSuggestion:
    """One click: voldaan / deels-voldaan / uitgesteld through the status services, the letter as
    evidence (StatusChange or DeadlineChange, FulfilmentLink), or "negeren" (dismissed for good).

    ``version`` is the commitment's version the clerk saw: a commitment changed since raises
    ``services.ConflictError`` and nothing is stored (the suggestion stays open)."""
    from django.utils import timezone
    from django.utils.translation import gettext as _

    from . import services

    if action not in ACTIONS:
        raise ValueError(f"unknown action {action!r}")
    with transaction.atomic():
        suggestion = _open_suggestion(suggestion_id)
        letter = suggestion.document
        note = note.strip() or _("Vastgelegd vanuit een suggestie bij %(letter)s.") % {"letter": letter.display_title}
        if action == "voldaan":
            services.mark_fulfilled(suggestion.commitment_id, version, user=user, evidence=letter, note=note)
        elif action == "deels-voldaan":
            services.mark_partly_fulfilled(suggestion.commitment_id, version, user=user, evidence=letter, note=note)
        elif action == "uitgesteld":
            if new_due_date is None:
                from django.core.exceptions import ValidationError

                raise ValidationError({"new_due_date": _("Geef de nieuwe datum.")})
            services.postpone(
                suggestion.commitment_id, version, user=user, new_due_date=new_due_date, letter=letter,
                new_phrase=suggestion.new_phrase, note=note,
            )
        suggestion.state = SuggestionState.DISMISSED if action == "negeren" else SuggestionState.APPLIED
        suggestion.decided_by = user if getattr(user, "pk", None) else None
        suggestion.decided_at = timezone.now()
        suggestion.save(update_fields=["state", "decided_by", "decided_at"])
    return suggestion


def dismiss_suggestion(suggestion_id: int, *, user) -> FulfilmentSuggestion:
    return apply_suggestion(suggestion_id, action="negeren", version=0, user=user)
