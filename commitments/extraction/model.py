"""The learned layer of the extractor: every sentence is a candidate, a logistic model decides.

The rules in ``extractor.py`` no longer decide alone.  Which rule fired (or vetoed), the
deadline found, the subject, the auxiliaries and the words of the sentence are
*features*; a logistic regression trained on hand-annotated real letters (and on the
griffie's review decisions) weighs them into a confidence in [0, 1].  A sentence is
proposed when its confidence reaches the threshold.

The model is plain data: ``model.json`` beside this file holds the weights, the
vocabulary, the bias and the threshold, and is rebuilt identically by
``python manage.py train_extractor``.  Loading it executes nothing.

No Django imports.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from documents.reader.types import ParsedDocument, ParsedPassage, PassageKind

from .calendar import RecessCalendar
from .deadlines import Deadline, choose, find_candidates
from .prefilter import gate_module
from .sentences import split_spans

MODEL_PATH = Path(__file__).with_name("model.json")
FEATURE_VERSION = 6
I = re.I

WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Candidate:
    """One sentence of a candidate passage, with what the rules say about it."""

    passage: ParsedPassage
    question: ParsedPassage | None
    index: int                      # sentence number in the passage
    span: tuple[int, int]           # the sentence in passage.text
    quote_span: tuple[int, int]     # the quote (may reach back one sentence)
    sentence: str
    deadline: Deadline
    rule: str | None                # the rule that calls it a commitment, or None
    kind_hint: str
    window_start: int = 0           # start of the sentence two before (same passage)
    enum_lead: Candidate | None = None   # the lead-in of the enumeration this item belongs to
    lead_rule: str | None = None    # for a lead-in: the rule that fired before its items took over
    prev_end: int | None = None     # end of the previous sentence
    features: dict[str, float] = field(default_factory=dict)
    confidence: float = 0.0
    linguistic: dict[str, float] | None = None   # Frog's features, once analysed
    first_stage: tuple[Model, float] | None = None  # (the model, its first-stage score) when scored early

    @property
    def quote(self) -> str:
        return self.passage.text[self.quote_span[0]:self.quote_span[1]]


# a numbered or bulleted line the reader took for a heading: "1. Een verlaging van het gebruikelijk loon"
LIST_LINE = re.compile(r"^\s*(?:[-–—•·▪‣◦●○■□*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+\S")


def candidate_passages(doc: ParsedDocument) -> list[ParsedPassage]:
    """Where commitments can stand: the answers of a VSO, the paragraphs of a letter, and the items of a
    list that a paragraph introduces ("… de volgende maatregelen aan:"), even when the reader took the
    short numbered lines for headings."""
    if doc.type == "vso" and any(p.kind == PassageKind.ANSWER for p in doc.passages):
        return [p for p in doc.passages if p.kind == PassageKind.ANSWER]
    out: list[ParsedPassage] = []
    in_list = False
    passages = doc.passages
    for i, p in enumerate(passages):
        if p.kind in (PassageKind.PARAGRAPH, PassageKind.ANSWER):
            out.append(p)
            in_list = p.text.rstrip().endswith(":")
        elif p.kind == PassageKind.HEADING and in_list and LIST_LINE.match(p.text) and not re.search(r"[?:]\W*$", p.text):
            nxt = passages[i + 1] if i + 1 < len(passages) else None
            first = passages[i - 1].kind in (PassageKind.PARAGRAPH, PassageKind.ANSWER)  # right after the lead-in
            if not first or nxt is None or nxt.kind != PassageKind.PARAGRAPH:
                out.append(p)  # stays in the list: the next numbered line is an item too
            else:
                # the first numbered line right after the lead-in, followed by prose: the title of a section ("Daarom gaan
                # wij het volgende doen: / 1) Meer geld voor leerlingen … / In de eerste plaats gaan wij …"); the
                # promises are in the sections' paragraphs
                in_list = False
        else:
            in_list = False
    return out


# a footnote number glued to the end of a word in PDF and page text: "geïnformeerd2.", "aangeboden1,", "Schiphol15 "
# (at least three letters before it, so "CO2", "A4" and "F16" stay; four digits, a year, stay)
FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_]{3})\d{1,2}(?=[\s.,;:)!?]|$)")


# the government as the agent of a sentence, before its time phrase
OWN_AGENT = re.compile(r"\b(?:ik|wij|we|het\s+kabinet|de\s+regering)\b", re.I)
# temporal "dan" after the verb ("zal ik u dan …", "wordt dan …"), not "dan ook" (therefore) or "dan wel"
AT_THAT_TIME = re.compile(r"\b(?:zal|zullen|wordt|worden|ga|gaan|stuur|sturen|informeer|informeren)\s+(?:ik|wij|we|u|uw\s+kamer)?"
                          r"\s*(?:u\s+|uw\s+kamer\s+)?dan\b(?!\s+(?:ook|dus|wel|eerder|alleen|niet|nog|pas|toch|weer)\b)", re.I)


# the sentence before joins a promise's quote only while it has at most 2.6 times the promise's words (thirty-third round);
# so does a sentence after that continues an item (``extractor.select``, thirty-fifth round)
CONTEXT_WORDS_RATIO = 2.6
QUOTE_TOKEN = re.compile(r"\w+")  # a quote's words, as the scorer counts them


def keeps_fair_share(context: str, own: str) -> bool:
    """May ``context`` join the quote of ``own``: has it at most CONTEXT_WORDS_RATIO times its words?"""
    return len(QUOTE_TOKEN.findall(context)) <= CONTEXT_WORDS_RATIO * len(QUOTE_TOKEN.findall(own))


def candidates(doc: ParsedDocument, calendar: RecessCalendar | None = None,
               progress: Callable[[int, int], None] | None = None,
               ready: Callable[[Candidate], None] | None = None) -> list[Candidate]:
    """Every sentence of the candidate passages, in document order, with its rule verdict and features.
    ``progress(done, total)`` is called after each passage; ``ready(candidate)`` as soon as a candidate's
    features are final (after each passage, all but an open lead-in, which its items may still change), so that
    the caller can ask Frog for it while the rest of the letter is read."""
    from . import extractor as rules  # the rulebook; imported here to keep the module graph one-way

    out: list[Candidate] = []
    by_index = {p.index: p for p in doc.passages}
    passages = candidate_passages(doc)
    total = sum(len(p.text) for p in passages) or 1
    offset = 0
    context: list[tuple[float, str | None, str]] = []  # per candidate: position, previous rule, following text
    featurized = 0  # out[:featurized] have their features
    lead: Candidate | None = None  # "Wij nemen de volgende maatregelen:" while its items follow
    for p in passages:
        question = by_index.get(p.question_index) if p.question_index is not None else None
        spans = split_spans(p.text)
        sentences = [p.text[s:e] for s, e in spans]
        prev_rule: str | None = None
        for i, (start, end) in enumerate(spans):
            sentence = sentences[i]
            if len(sentence) < 12 or not re.search(r"[a-z]", sentence):
                prev_rule = None
                continue
            # the rules and time phrases read the sentence without footnote numbers glued to its words
            # ("wordt u apart geïnformeerd2.", "voor de zomer3 van 2026"); the quote keeps them
            plain = FOOTNOTE_MARK.sub("", sentence)
            deadline = choose(find_candidates(plain, doc.date, calendar), doc.date, plain)
            semicolon = plain.rfind(";", 0, deadline.span[0]) if deadline.due_date and deadline.span else -1
            if semicolon >= 0 and rules.OTHERS_RX.search(plain[semicolon + 1:]) \
                    and rules.FIRST_PERSON_ACT.search(plain[:semicolon]):
                # "Ik zal mijn reactie meenemen in mijn beleidsreactie op het advies van de Onderwijsraad; de raad brengt
                # dat advies in het eerste kwartaal van 2012 uit": the time of another's act after the semicolon is a
                # lower bound of the government's step before it
                deadline = _after_others(deadline)
            verdict = rules.classify(plain, deadline)
            q_start = start
            anaphor = i > 0 and rules.refers_back(sentence)
            # "Deze zal ik …", "Daarin …", "Ik zal u hierover …": the sentence before says what this one is about (this
            # sentence keeps its own time; it takes the one before's only when it has none, see below)
            # "Verwacht wordt dat de rapportage in oktober 2014 beschikbaar komt. De rapportage zal ik u dan doen toekomen.":
            # "dan" is the time the sentence before gives
            before_time = None  # the time of the sentence before, read once
            if i > 0 and deadline.kind == "none" and AT_THAT_TIME.search(sentence):
                before_time = choose(find_candidates(sentences[i - 1], doc.date, calendar), doc.date, sentences[i - 1])
            then = before_time is not None and before_time.due_date is not None
            takes_up = i > 0 and not anaphor and bool(then or BARE_DEMONSTRATIVE.match(sentence) or (
                prev_rule is None and (BACK_CONNECTIVE.match(sentence) or DOES_IT.match(sentence)
                                       or (len(sentence) < 140 and EARLY_ANAPHOR.match(sentence))
                                       or (INFORM_ON_IT.search(sentence)
                                           and not sentences[i - 1].rstrip().endswith("?")))))
            # a noun taken up joins only a sentence that is no promise itself
            if anaphor or takes_up or (i > 0 and prev_rule is None and names_previous(sentence, sentences[i - 1])):
                ps, pe = spans[i - 1]
                # the earlier sentence may not swamp this one (the scorer wants a quote at most ~3x the promise)
                if (pe - ps) <= (2.2 * (end - start) + 40 if anaphor else 2.0 * (end - start) + 20):
                    # … and a quote in which the promise is a small part is taken for the sentence before: "De komende
                    # periode wordt samen met het veld gekeken wat er nodig is om deze knelpunten weg te nemen. Daarover
                    # wordt u in 2025 nader geïnformeerd." is quoted as its second sentence (it keeps the time it inherits)
                    if keeps_fair_share(sentences[i - 1], sentence):
                        q_start = ps
                    if deadline.kind == "none":
                        prev = sentences[i - 1]
                        if before_time is None:
                            before_time = choose(find_candidates(prev, doc.date, calendar), doc.date, prev)
                        inherited = before_time
                        # not the time of a relative clause: "… de beleidsdoorlichtingen die in 2015 aan uw Kamer
                        # gestuurd zullen worden. Hierover zult u separaat worden geïnformeerd."
                        # Nor, unless this sentence points back ("Hierover …", "Daarna …"), the time of another's act:
                        # "TNO verwacht de resultaten in het voorjaar op te leveren. Ik kom hierop terug in de volgende
                        # voortgangsbrief." (but "Ik doe mijn best om deze zomer tot een oplossing te komen. Over mijn
                        # oplossing zal ik u informeren." is the government's own step and time)
                        if (then or not (inherited.span and rules.RELATIVE_BEFORE.search(prev[:inherited.span[0]]))) and (
                                anaphor or then or not inherited.span or OWN_AGENT.search(prev[:inherited.span[0]])):
                            deadline = inherited
                            if anaphor and not then and inherited.due_date and rules.OTHERS_RX.search(prev) \
                                    and AFTER_ANAPHOR.match(sentence):
                                # "De Commissie zal … naar verwachting eind 2011 haar mededeling uitbrengen. Hierover zal
                                # het kabinet een standpunt formuleren …": the government's step follows another's act,
                                # whose time is a lower bound only
                                deadline = _after_others(inherited)
            c = Candidate(
                passage=p, question=question, index=i, span=(start, end), quote_span=(q_start, end),
                sentence=sentence, deadline=deadline, rule=verdict.rule if verdict else None,
                kind_hint=verdict.kind if verdict else "action",
                window_start=spans[max(0, i - 2)][0], prev_end=spans[i - 1][1] if i > 0 else None,
            )
            if i > 0 and c.rule and ((rules.ANAPHOR_START.search(sentence) and (
                    (THIS_LETTER.search(sentences[i - 1]) and rules.IN_LETTER_VERB.search(sentences[i - 1]))
                    or OUTLINE.search(sentences[i - 1]))) or (
                    deadline.kind == "none" and ALSO_IN_LETTER.match(sentence)
                    and THIS_LETTER.search(sentences[i - 1]) and LETTER_TOPICS.search(sentences[i - 1])) or (
                    deadline.kind == "none" and prev_rule is None and WILL_GO_INTO.match(sentence)
                    and THIS_LETTER.search(sentences[i - 1]) and LETTER_TELLS.search(sentences[i - 1]))):
                # "In deze brief ga ik eerst in op … Daarna …", "… ga ik in deze brief in op de volgende thema's: …
                # Ik zal ook ingaan op raakvlakken met overige wetgeving.": the letter's own outline
                c.rule = None
            lead = _enumeration(c, lead)
            context.append(((offset + start) / total, prev_rule, " ".join(sentences[i + 1:i + 3])))
            out.append(c)
            prev_rule = c.rule
        offset += len(p.text)
        if ready is not None:
            featurized = _featurize_upto(out, context, featurized, lead, doc, rules, ready)
        if progress is not None:
            progress(offset, total)
    _featurize_upto(out, context, featurized, None, doc, rules, ready)
    return out


def _featurize_upto(out: list[Candidate], context: list[tuple[float, str | None, str]], start: int,
                    lead: Candidate | None, doc: ParsedDocument, rules,
                    ready: Callable[[Candidate], None] | None) -> int:
    """Features for ``out[start:]`` up to the open lead-in ``lead`` (whose rule its items may still change);
    returns how many candidates have theirs."""
    n = start
    while n < len(out) and out[n] is not lead:
        position, prev_rule, following = context[n]
        out[n].features = featurize(out[n], doc, rules, position=position, prev_rule=prev_rule, following=following)
        if ready is not None:
            ready(out[n])
        n += 1
    return n


# "Hierover zal het kabinet …", "Daarna stuur ik …": a step that takes up or follows what the sentence before tells
AFTER_ANAPHOR = re.compile(r"^\W*(?:hierover|daarover|hierop|daarop|daarna|hierna|vervolgens|aansluitend)\b", I)


def _after_others(act: Deadline) -> Deadline:
    """The time of the government's step that follows another's dated act: that date as a lower bound, no due date."""
    return Deadline(None, "relative", earliest=act.due_date, rule="relative:after_others", detail="na: " + (act.phrase or ""))


# "Daarin zal ik gedetailleerder ingaan op …" after "… wordt een reactie opgesteld.", "Ik zal uw Kamer hierover in het
# najaar berichten": the sentence before names what this one is about
BACK_CONNECTIVE = re.compile(r"^\W*(?:daarin|hierin|daarbij|hierbij\s+(?:zal|zullen|wordt|worden)|hiertoe|daartoe|"
                             r"in\s+verband\s+(?:hiermee|daarmee))\b", I)
EARLY_ANAPHOR = re.compile(r"^\W*(?!(?:op\s+basis|naar\s+aanleiding|in\s+het\s+licht)\s+(?:hier|daar)van\b)"
                           r"(?:\S+\s+){0,7}?(?:hierover|daarover|hiervan|daarvan|hierop|daarop|daartoe|hiertoe|daarbij|hiermee|daarmee|"
                           r"daarin|hierin|"
                           # the pronominal adverb split: "In de volgende voortgangsrapportage zal ik hier nader op ingaan"
                           r"hier\s+(?:\S+\s+){0,2}?(?:op|over|van|mee|in)\s+(?:in)?(?:gaan|ingaan|terugkomen|terug\s+te\s+komen|"
                           r"in\s+te\s+gaan|informeren|berichten|rapporteren))\b", I)
# "Ik zal dit … ieder jaar … doen", "Vanaf dit jaar zal het kabinet dit jaarlijks doen": the act is the one the sentence
# before tells (often this letter's own: "Met deze brief informeer ik uw Kamer over …")
DOES_IT = re.compile(r"^\W*(?:\S+\s+){0,4}?(?:(?:ik|wij|we|het\s+kabinet)\s+(?:zal|zullen)|(?:zal|zullen)\s+(?:ik|wij|we|"
                     r"het\s+kabinet))\s+(?:\S+\s+){0,2}?(?:dit|dat)\s+(?:[^.;]*\s)?doen\b", I)
# a further part of the letter's outline: "Ik zal ook ingaan op …", "Daarbij sta ik tevens stil bij …"
LETTER_TOPICS = re.compile(r"\bin\s+op\b|\b(?:bespreek|behandel|schets|beschrijf)\b|\bstil\s+bij\b", I)
ALSO_IN_LETTER = re.compile(r"^\W*(?:\S+\s+){0,3}?(?:ook|tevens|daarnaast|verder|voorts)\b(?:\s+\S+){0,6}?\s+"
                            r"(?:in(?:gaan)?\s+op|stilstaan|stil\s+bij|bespreken|behandelen|aandacht\s+besteden)\b", I)
# "Met deze brief wil ik u informeren over de voortgang. Ik zal tevens ingaan op …": after a sentence in which this letter
# tells the Kamer something, going into a further topic is the letter's own outline
WILL_GO_INTO = re.compile(r"^\W*(?:\S+\s+){0,3}?(?:(?:ik|wij|we)\s+(?:zal|zullen)|(?:zal|zullen)\s+(?:ik|wij|we))\s+(?:\S+\s+){0,4}?"
                          r"(?:ingaan\s+op|in\s+gaan\s+op|stilstaan\s+bij|aandacht\s+(?:schenken|besteden)\s+aan)\b", I)
LETTER_TELLS = re.compile(r"\b(?:informeer|informeren|meld|melden|bericht|berichten|ga|gaan|schets|schetsen|geef|geven)\b", I)
# "Deze zal ik uiterlijk voor het einde van het zomerreces aan uw Kamer zenden": a bare demonstrative as subject or
# object takes up what the sentence before names
BARE_DEMONSTRATIVE = re.compile(r"^\W*(?:deze|dit|die|dat)\s+(?:zal|zullen|wordt|worden|ga|gaat|gaan|stuur|sturen|ontvangt|"
                                r"kunt|kan|ziet|"
                                r"volgt|volgen|komt|komen|verwacht|verwachten|is\s+(?:voorzien|gepland))\b", I)


# "Uw Kamer wordt in het voorjaar over de uitkomsten geïnformeerd", "U wordt voor de zomer hierover geïnformeerd": informing
# about what the sentence before names (a study, a monitor, a decision) when that sentence is no promise of its own:
# the promise is told over both sentences
_ON_IT = (r"(?:hierover|daarover|over\s+de\s+(?:uitkomsten?|resultaten|bevindingen)"
          r"(?!\s+(?:van|uit|op|bij|in|met|voor|daarvan|hiervan)\b))")
INFORM_ON_IT = re.compile(
    r"\b" + _ON_IT + r"\s+(?:\S+\s+){0,8}?(?:te\s+)?(?:informeren|berichten|rapporteren|ge[iï]nformeerd|bericht)\b|"
    r"\b(?:informeren|informeer|berichten|bericht|rapporteren|ge[iï]nformeerd)\s+(?:\S+\s+){0,3}?" + _ON_IT, I)


# "De eerste rapportage ontvangt u in maart", "U zult deze informatie … ontvangen": a noun phrase that takes up
# a noun of the sentence before; the promise is told over both sentences
TAKES_UP = re.compile(r"^\W*(?:de|het)\s+(?:eerste|tweede|volgende|eerstvolgende|laatste|nieuwe)\s+(?P<n>[^\W\d_]{4,})|"
                      r"^\W*(?:\S+\s+){0,7}?(?:deze|dit|mijn|onze)\s+(?P<m>[^\W\d_]{4,})", I)
NOT_TAKEN_UP = frozenset("brief kamerbrief jaar week maand periode manier wijze reden keer moment tijd datum "
                         "termijn stap stappen kader".split())


def names_previous(sentence: str, previous: str) -> bool:
    m = TAKES_UP.match(sentence)
    if not m or previous.rstrip().endswith("?"):
        return False
    from .extractor import REQUEST_TO_GOV
    if REQUEST_TO_GOV.search(previous):
        return False  # "De motie vraagt het kabinet om de gevolgen …. Ik zal deze gevolgen laten onderzoeken."
    noun = (m["n"] or m["m"]).lower()
    if noun in ("brief", "kamerbrief"):
        # "deze brief" is this letter, unless the sentence before announced another: "… betrekken bij een brief
        # waarin ik … zal ingaan op …. Ik ben voornemens om u deze brief later dit voorjaar te doen toekomen."
        return bool(re.search(r"\b(?:een|die)\s+(?:[\w\-]+\s+){0,2}?(?:kamer)?brief\b", previous, re.I))
    if noun in NOT_TAKEN_UP:
        return False
    return names_noun(noun, WORD.findall(previous.lower()))


def names_noun(noun: str, words: list[str]) -> bool:
    """Is ``noun`` one of ``words``, itself or as the head of a compound ("deze rapportage" takes up "de 11e
    voortgangsrapportage")?"""
    stem = noun[:max(4, len(noun) - 2)]
    return any(w.startswith(stem) or (len(stem) >= 5 and w.endswith(noun)) for w in words)


ITEM_START = re.compile(r"^\s*(?:[-–—•·▪‣◦●○■□*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s+")
LEAD_IN = re.compile(r"\b(?:volgende|onderstaande|navolgende|deze)\s+(?:\w+\s+){0,3}?(?:maatregelen|stappen|acties|"
                     r"afspraken|wijzigingen|onderwerpen|punten|voorstellen|activiteiten|toezeggingen|zaken|"
                     r"aanpassingen|verbeteringen|initiatieven)\b", I)


# an item that only limits the lead-in ("… zullen ook MLA's worden toegelaten op de burgerluchtvaartterreinen: • met
# uitzondering van snorvliegtuigen, • waarbij aangetoond moet kunnen worden dat …"): the lead-in stays the promise
# (read after the item's marker, ``ITEM_START``)
CONDITION_ITEM = re.compile(r"(?:met\s+uitzondering\s+van|behalve|waarbij|mits|tenzij|op\s+voorwaarde|onder\s+voorwaarde|"
                            r"binnen\s+(?:eventuele|de\s+grenzen))\b")


LEAD_NOW = re.compile(r"^\W*(?:gelijktijdig|tegelijk(?:ertijd)?)\s+(?:wordt|worden|ontvangt|informeer)\b|"
                      r"\b(?:informeer|informeren)\s+(?:ik|wij|we)\s+(?:u|uw\s+kamer)\s+(?:\S+\s+){0,2}?over\b", I)


def _request_lead(lead: Candidate) -> bool:
    """Is the lead-in a request to the government ("Hierin wordt de regering verzocht om:"), not a promise?"""
    from . import extractor as rules
    return lead.rule is None and not lead.lead_rule and bool(rules.REQUEST_TO_GOV.search(lead.sentence))


def _enumeration(c: Candidate, lead: Candidate | None) -> Candidate | None:
    """Enumerations: the items after a promising lead-in ("… de volgende maatregelen:") are the
    commitments, with the lead-in's time; the lead-in itself is not.  Returns the lead-in still open."""
    from . import extractor as rules
    text = c.sentence.strip()
    item = ITEM_START.match(c.sentence) if lead is not None else None
    if item:
        # "Hierin wordt de regering verzocht om: • 1. …; • 2. voor 1 juli 2013 de plannen … aan de Kamer te sturen.": the
        # points of a motie's request, no promises of this letter; "• met uitzondering van …": a limit of the lead-in
        if _request_lead(lead) or CONDITION_ITEM.match(c.sentence, item.end()):
            c.enum_lead, c.rule = lead, None
            return lead
        if OUTLINE.search(lead.sentence) or LEAD_NOW.search(lead.sentence):
            # "De brief volgt de volgende opbouw:", "… informeer ik u over vier veteranenzaken, te weten:", "Gelijktijdig
            # wordt de Kamer geïnformeerd over:": the items are the letter's own topics, no promises (nor the lead-in)
            if LEAD_NOW.search(lead.sentence):
                lead.rule = None
            return lead
        c.enum_lead = lead
        if lead.rule or lead.lead_rule:
            lead.lead_rule = lead.lead_rule or lead.rule
            lead.rule = None
            if c.rule is None:
                c.rule, c.kind_hint = "enumerated", lead.kind_hint
            if c.deadline.kind == "none":
                c.deadline = lead.deadline
        return lead
    if text.endswith(":") and (c.rule or LEAD_IN.search(text) or rules.REQUEST_TO_GOV.search(text)):
        if c.rule is None:
            c.kind_hint = "action"
        return c
    return None


# --------------------------------------------------------------------------- features

AUX = {
    "zal": "aux_zal", "zullen": "aux_zal", "zult": "aux_zal",
    "ga": "aux_gaan", "gaat": "aux_gaan", "gaan": "aux_gaan",
    "wordt": "aux_worden", "worden": "aux_worden",
    "kan": "aux_modal", "kunnen": "aux_modal", "moet": "aux_modal", "moeten": "aux_modal", "dient": "aux_modal",
    "dienen": "aux_modal", "mag": "aux_modal", "mogen": "aux_modal",
    "zou": "aux_zou", "zouden": "aux_zou",
    "heb": "aux_perfect", "hebt": "aux_perfect", "heeft": "aux_perfect", "hebben": "aux_perfect",
    "had": "aux_past", "hadden": "aux_past", "werd": "aux_past", "werden": "aux_past", "was": "aux_past",
    "waren": "aux_past",
    "wil": "aux_willen", "willen": "aux_willen", "wens": "aux_willen",
    "verwacht": "aux_verwacht", "verwachten": "aux_verwacht",
    "streef": "aux_streven", "streven": "aux_streven", "beoog": "aux_streven", "beogen": "aux_streven",
}
FIRST_PERSON = {"ik", "wij", "we", "mij", "ons", "mijn", "onze"}
KAMER = re.compile(r"\b(?:uw\s+kamer|de\s+kamer|u\s+(?:\w+\s+){0,3}?(?:informeren|toesturen|toezenden|sturen|"
                   r"ontvangen|berichten|toekomen))\b", I)
THIS_LETTER = re.compile(r"\b(?:deze|onderhavige|voorliggende)\s+brief\b|\bhierbij\b|\bbijgaand\w*\b|\bin\s+bijlage\b|"
                         r"\b(?:met|via)\s+(?:deze|onderhavige|voorliggende)\s+(?:agenda|notitie|nota|rapportage|voortgangsrapportage)\b", I)
# the letter describing its own structure: "Hieronder bespreek ik …", "Eerst wordt ingegaan op …",
# "Op de bevindingen zal ik dan een reactie geven (hoofdstuk 2)", "In paragraaf 3 ga ik in op …"
OUTLINE = re.compile(r"^\W*om\s+te\s+beginnen\b|\b(?:hieronder|onderstaand|hierna\s+(?:ga\s+ik|bespreek|schets|geef\s+ik)|"
                     # "Hierna zal ik ingaan op de stand van zaken per pijler" (not "Hierna zal ik uw Kamer informeren":
                     # afterwards)
                     r"^\W*hierna\s+(?:zal|zullen)\s+(?:ik|wij|we)\s+(?:\S+\s+){0,14}?(?:ingaan|in\s+op|bespreken|schetsen|"
                     r"toelichten|behandelen|(?:de\s+)?stand\s+van\s+zaken\s+geven)\b|hoofdstuk\s+\d|paragraaf\s+\d|"
                     # "De vragen die deze leden stellen zal ik hierna … beantwoorden": further on in this text
                     r"\b(?:zal|zullen)\s+(?:ik|wij|we)\s+hierna\b(?=[^.;]*?\b(?:beantwoorden|ingaan|bespreken|toelichten|"
                     r"behandelen|schetsen|beschrijven)\b)|"
                     r"na\s+(?:deze|de)\s+(?:samenvatting|inleiding|introductie)\b|\binleidende\s+(?:zinnen|opmerkingen|woorden)\b|"
                     # "… zal ik de diverse onderwerpen behandelen, onderverdeeld in achtereenvolgens de volgende
                     # hoofdthema's: …", "Ik ga achtereenvolgens in op …": the order of this letter's topics
                     r"\bachtereenvolgens\b(?=[^.;]*\b(?:behandel\w*|bespreek|bespreken|besproken|ingaan|in\s+op|"
                     r"aan\s+bod|aan\s+de\s+orde)\b)|\b(?:behandel\w*|bespreek|bespreken|ingaan|in\s+op)\b[^.;]*\bachtereenvolgens\b|"
                     r"(?:eerst|allereerst|vervolgens|daarna|tot\s+slot|ten\s+slotte)\b(?:\s+\w+){0,4}\s+"
                     r"(?:in\s+op|ingegaan|ingaan\s+op|in\s+te\s+gaan\s+op|bespreek|besproken|schets|geschetst)|deze\s+brief\s+(?:beginnen|starten|"
                     r"openen|afsluiten)|(?:de|het)\s+(?:opbouw|indeling)\s+van\s+(?:deze|de)\s+brief|"
                     r"\b(?:deze|de|onderhavige)\s+brief\s+(?:volgt|kent|heeft)\s+(?:de\s+)?(?:volgende\s+)?"
                     r"(?:opbouw|indeling|structuur)|\bis\s+als\s+volgt\s+(?:opgebouwd|ingedeeld)|"
                     # "In het onderdeel overgangsrecht zal ik hierop nader ingaan": a part of this document
                     r"^\W*(?:in|bij)\s+(?:het\s+)?(?:onderdeel|deel)\s+\S+\s+(?:\S+\s+){0,3}?(?:zal|ga|kom)\s+(?:ik|wij|we)\b|"
                     # "Allereerst zal ik u informeren rondom …. Daarna zal ik u meenemen in de stand van zaken …": the order
                     # in which this letter tells (a later letter is no outline: see NEXT_LETTER)
                     r"^\W*allereerst\s+(?:zal|wil|ga)\s+(?:ik|wij|we)\s+(?:u|uw\s+kamer)\b|"
                     r"\b(?:zal|wil|ga)\s+(?:ik|wij|we)\s+(?:u|uw\s+kamer)\s+(?:\S+\s+){0,2}?meenemen\s+in\b)", I)
NEXT_LETTER = re.compile(r"\b(?:volgende|nieuwe|aparte|separate|nadere|latere)\s+(?:\w+\s+)?(?:brief|rapportage|"
                         r"voortgangsbrief|voortgangsrapportage)\b", I)
REFER_BACK = re.compile(r"\b(?:zoals|eerder|eerdere|vorige|jl\.?|toegezegd|aangekondigd|aangegeven|"
                        r"geïnformeerd)\b", I)
TE_INF = re.compile(r"\bte\s+[^\W\d_]+en\b", I)
PARTICIPLE_END = re.compile(r"\b(?:ge\w+(?:d|t|en)|\w+eerd)\W*$", I)
SELF_VERBS = re.compile(r"\b(?:informeer|informeren|stuur|sturen|zend|zenden|bied|bieden|kom|komen|"
                        r"rapporteer|rapporteren|bericht|berichten|start|starten|neem|nemen|werk|werken|zet|zetten|"
                        r"onderzoek|onderzoeken|verken|verkennen|evalueer|evalueren|pas|passen|breng|brengen|"
                        r"maak|maken|stel|stellen|voer|voeren)\b", I)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for e in edges:
        if n < e:
            return f"<{e}"
    return f">={edges[-1]}"


def featurize(c: Candidate, doc: ParsedDocument, rules, *, position: float, prev_rule: str | None,
              following: str) -> dict[str, float]:
    """The sentence as named binary features (value 1.0), for the logistic model."""
    s = rules._norm_ws(FOOTNOTE_MARK.sub("", c.sentence))  # as the rules read it: no glued footnote numbers
    low = s.lower()
    words = WORD.findall(low)
    f: dict[str, float] = {}

    def on(name: str) -> None:
        f[name] = 1.0

    on(f"rule={c.rule or 'none'}")
    if c.rule:
        on("rule_any")
    main = rules.strip_as_lead(s)  # "Zoals ik eerder meldde, stuur ik …": the vetoes read the main clause
    if main != s:
        on("as_lead")
    for name, _m in rules.standing_vetoes(main):
        on(f"skip={name}")
    reporting, request_to_gov, _past = rules.shared_searches(main)
    past_main = rules.PAST.search(rules.main_clause(s))
    if reporting and not rules.LETTER_ANNOUNCES.search(main):
        on("skip=reporting")
    if request_to_gov:
        on("skip=request_to_gov")
    dl = c.deadline
    on(f"dl={dl.kind}")
    if dl.due_date:
        on("dl_due")
    if dl.kind not in ("none", "vague"):
        on("dl_dated")
    if rules.DELIVERABLE.search(s):
        on("deliverable")
    if rules.GOV_START.search(s):
        on("gov_start")
    if rules.GOV_RX.search(s):
        on("gov_any")
    if rules.OTHERS_RX.search(s):
        on("others_start")
    if past_main:
        on("past_main")
    if rules.CONDITIONAL.search(s):
        on("conditional")
    if rules.NEGATION.search(s):
        on("negation")
    if rules.FULFILLED.search(s):
        on("fulfilled")
    if rules.FULFILLED.search(following):
        on("next_fulfilled")
    if rules.ELABORATION.match(s) and prev_rule:
        on("elaboration_after_rule")
    if rules.ANAPHOR_START.search(s):
        on("anaphor_start")
    if prev_rule:
        on("prev_rule")
    if c.enum_lead is not None:
        on("enum_item")
        if _request_lead(c.enum_lead):
            on("skip=requested")
    if c.lead_rule:
        on("enum_lead")
    if KAMER.search(s):
        on("kamer")
    if THIS_LETTER.search(s):
        on("this_letter")
    if OUTLINE.search(s):
        on("outline")
    if NEXT_LETTER.search(s):
        on("next_letter")
    if REFER_BACK.search(s):
        on("refer_back")
    if TE_INF.search(s):
        on("te_inf")
    if PARTICIPLE_END.search(s):
        on("participle_end")
    if SELF_VERBS.search(s):
        on("action_verb")
    if s.rstrip().endswith("?"):
        on("question_mark")
    if s.rstrip().endswith(":"):
        on("colon_end")
    for w in words:
        a = AUX.get(w)
        if a:
            on(a)
        if w in FIRST_PERSON:
            on("first_person")
    lead = WORD.findall(rules.LIST_MARKER.sub("", s, count=1).lower())  # "20. We herijken …": the clause's own first words
    if lead:
        on(f"f0={lead[0]}")
        if len(lead) > 1:
            on(f"f1={lead[1]}")
    if len(lead) < len(words):
        on("list_item")  # a numbered or lettered item ("20.", "b)"); a bullet holds no word, so it does not count here
    for w in set(words):
        if len(w) > 1:
            on(f"w={w}")
    # word pairs and triples: "zal ik", "in kaart gebracht", "wij verwachten dat", "van de evaluatie"
    for a, b in zip(lead, lead[1:]):
        on(f"b={a}_{b}")
    for a, b, c3 in zip(lead, lead[1:], lead[2:]):
        on(f"t={a}_{b}_{c3}")
    on("len" + _bucket(len(words), (8, 15, 25, 40, 60)))
    if position < 0.08:
        on("pos_start")
    elif position > 0.92:
        on("pos_end")
    if c.passage.kind == PassageKind.ANSWER:
        on("answer")
    if doc.type == "vso":
        on("vso")
    return f


# --------------------------------------------------------------------------- the model

def _logistic(weights: dict[str, float], bias: float, features: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    if z < -35:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, z))))


#: scores are kept to three decimals on an item, so 0.999 and 1.0 are one score to the calibration
CALIBRATION_CLIP = 0.001


def threshold_for(shown: float | None, model: Model | None = None) -> float | None:
    """The score from which a sentence is proposed when proposals must show a confidence of at least ``shown``
    (``EXTRACTION_MIN_CONFIDENCE``); None (the model's own threshold) when ``shown`` is None."""
    if shown is None:
        return None
    # an item shows its confidence to three decimals: one that shows ``shown`` reaches it
    return (model or load_model()).raw_threshold(shown - 0.0005)


def base_features(features: dict[str, float]) -> dict[str, float]:
    """The features of the first stage: everything but Frog's (``fg:``)."""
    return {k: v for k, v in features.items() if not k.startswith("fg:")}


@dataclass
class Boost:
    """Gradient-boosted regression trees over the second stage's inputs (all features, Frog's and
    the first stage's log-odds), stored as plain arrays: per tree, per node, the feature it tests
    (an index into ``features``, -1 at a leaf), the threshold (a feature above it goes right; an
    absent feature is 0), the children and the leaf value.  The trees add up to log-odds."""

    features: list[str]
    init: float
    rate: float
    blend: float
    trees: list[tuple[list[int], list[float], list[int], list[int], list[float]]]

    def score(self, features: dict[str, float]) -> float:
        names, z = self.features, 0.0
        for feat, thr, left, right, value in self.trees:
            n = 0
            while feat[n] >= 0:
                n = right[n] if features.get(names[feat[n]], 0.0) > thr[n] else left[n]
            z += value[n]
        return 1.0 / (1.0 + math.exp(-max(-35.0, min(35.0, self.init + self.rate * z))))

    def as_dict(self) -> dict:
        return {"features": self.features, "init": round(self.init, 6), "rate": self.rate, "blend": self.blend,
                "trees": [{"feature": f, "threshold": [round(x, 6) for x in t], "left": lft, "right": r,
                           "value": [round(v, 6) for v in val]} for f, t, lft, r, val in self.trees]}

    @classmethod
    def from_dict(cls, data: dict) -> Boost:
        return cls(list(data["features"]), float(data["init"]), float(data["rate"]), float(data["blend"]),
                   [(t["feature"], [float(x) for x in t["threshold"]], t["left"], t["right"],
                     [float(v) for v in t["value"]]) for t in data["trees"]])


@dataclass
class Model:
    """A cascade of two logistic regressions, the second blended with boosted trees.

    The first stage scores every sentence from the rulebook's and the words' features; a
    sentence scoring at least ``gate`` is analysed by Frog (``frog.py``) and scored again by the
    second stage, which weighs the first stage's judgement (its log-odds, feature ``stage1``)
    against the linguistic features (``fg:…``): Frog corrects the rules and words, it does not
    replace them.  Frog thus reads the ~20% of sentences that could be commitments, not every
    sentence of a 60-page VSO.  Without a second stage (``stage2`` None) the first stage decides alone.
    With ``boost``, the second stage's probability is blended with that of gradient-boosted trees over
    the same sentences (all features and ``stage1``), which see combinations of features that a sum of
    weights cannot (leave-one-ministry-out F1 0.723 → 0.731 and 0.725 → 0.735 on the same letters and rules
    at two points of the ninth round, equal within noise at its end: docs/extraction.md)."""

    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict = field(default_factory=dict)
    gate: float | None = None
    stage2: tuple[dict[str, float], float] | None = None
    boost: Boost | None = None   # boosted trees blended into the second stage (they see feature combinations)
    #: (a, b) of the confidence shown on an item: sigmoid(a * logit(score) + b), fit by ``train_extractor`` on the
    #: proposals of models that did not see the letters' ministries (Platt scaling; None: the score itself)
    calibration: tuple[float, float] | None = None

    def score(self, features: dict[str, float]) -> float:
        """The first stage's probability that a sentence with these features is a commitment."""
        return _logistic(self.weights, self.bias, base_features(features))

    @property
    def cascades(self) -> bool:
        return self.stage2 is not None and self.gate is not None

    def stage2_features(self, features: dict[str, float]) -> dict[str, float]:
        """What the second stage reads: Frog's features and the first stage's log-odds (scaled)."""
        f = {k: v for k, v in features.items() if k.startswith("fg:")}
        p = min(max(self.score(features), 1e-6), 1 - 1e-6)
        f["stage1"] = math.log(p / (1 - p)) / 4
        return f

    def score2(self, features: dict[str, float]) -> float:
        """The second stage's probability (``features`` include Frog's): the logistic regression's,
        blended with the boosted trees' when the model has them."""
        assert self.stage2 is not None
        f2 = self.stage2_features(features)
        p = _logistic(self.stage2[0], self.stage2[1], f2)
        if self.boost is None:
            return p
        return (1 - self.boost.blend) * p + self.boost.blend * self.boost.score({**features, "stage1": f2["stage1"]})

    def shown(self, score: float) -> float:
        """The confidence shown for a proposal the model scores ``score``: the share of such proposals that were
        promises in letters of ministries the model did not see (``calibration``).  Strictly increasing, so the
        order of the proposals is that of their scores; the score itself without a calibration."""
        if self.calibration is None:
            return score
        a, b = self.calibration
        q = min(max(score, CALIBRATION_CLIP), 1 - CALIBRATION_CLIP)
        return _sigmoid(a * math.log(q / (1 - q)) + b)

    def raw_threshold(self, shown: float) -> float:
        """The score from which a proposal shows a confidence of at least ``shown`` (the inverse of ``shown``)."""
        if self.calibration is None:
            return shown
        if shown > self.shown(1.0):   # above what any score shows (scores are clipped): nothing reaches it
            return math.nextafter(1.0, 2.0)
        if shown <= self.shown(0.0):
            return 0.0
        a, b = self.calibration
        return _sigmoid((math.log(shown / (1 - shown)) - b) / a)

    def explain(self, features: dict[str, float], n: int = 6) -> list[tuple[str, float]]:
        """The features that weigh most in this decision, strongest first (the second stage's,
        with ``stage1`` standing for the first stage, when the sentence passed the gate)."""
        if self.cascades and any(k.startswith("fg:") for k in features):
            weights, features = self.stage2[0], self.stage2_features(features)
        else:
            weights = self.weights
        contrib = [(k, weights.get(k, 0.0) * v) for k, v in features.items() if weights.get(k)]
        return sorted(contrib, key=lambda kv: -abs(kv[1]))[:n]

    def to_json(self) -> str:
        def rounded(weights: dict[str, float]) -> dict[str, float]:
            return {k: round(v, 6) for k, v in sorted(weights.items()) if round(v, 6) != 0.0}

        data = {
            "format": "commitment-extractor-logistic",
            "feature_version": FEATURE_VERSION,
            "meta": self.meta,
            "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4),
            "weights": rounded(self.weights),
        }
        if self.cascades:
            data["gate"] = round(self.gate, 4)
            data["stage2"] = {"bias": round(self.stage2[1], 6), "weights": rounded(self.stage2[0])}
        if self.boost is not None:
            data["boost"] = self.boost.as_dict()
        if self.calibration is not None:
            data["calibration"] = {"a": round(self.calibration[0], 6), "b": round(self.calibration[1], 6)}
        return json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        if data.get("format") != "commitment-extractor-logistic":
            raise ValueError("not a commitment extractor model")
        if data.get("feature_version") != FEATURE_VERSION:
            raise ValueError(f"model was trained on feature version {data.get('feature_version')}, "
                             f"the code computes version {FEATURE_VERSION}: run `manage.py train_extractor`")
        stage2 = None
        if "stage2" in data:
            stage2 = ({k: float(v) for k, v in data["stage2"]["weights"].items()}, float(data["stage2"]["bias"]))
        return cls({k: float(v) for k, v in data["weights"].items()}, float(data["bias"]),
                   float(data["threshold"]), data.get("meta", {}), data.get("gate"), stage2,
                   Boost.from_dict(data["boost"]) if "boost" in data else None,
                   (float(data["calibration"]["a"]), float(data["calibration"]["b"])) if "calibration" in data else None)


def score_candidates(cands: list[Candidate], model: Model, progress: Callable[[int, int], None] | None = None) -> None:
    """Set each candidate's confidence: the first stage for all, Frog and the second stage for those
    past the gate (their ``features`` then include Frog's).  Raises ``frog.FrogUnavailable``.
    ``progress(done, total)`` is called after each candidate that went to Frog, and at the end."""
    for c in cands:
        early = c.first_stage
        c.confidence = early[1] if early is not None and early[0] is model else model.score(c.features)
    if not model.cascades:
        if progress is not None:
            progress(len(cands), len(cands))
        return
    gated = [c for c in cands if c.confidence >= model.gate]
    _prefetch(gated)
    for done, c in enumerate(gated, 1):
        c.features.update(linguistic_features(c))
        c.confidence = model.score2(c.features)
        if progress is not None:
            progress(done, len(gated))
    if progress is not None:
        progress(len(cands), len(cands))


def _prefetch(cands: list[Candidate]) -> None:
    """Frog's analyses of these candidates, asked over several connections at once (one request per
    sentence, as ``linguistic_features`` asks them: the same tags, in less time)."""
    todo = [c for c in cands if c.linguistic is None]
    if len(todo) < 2:
        return
    from . import frog

    for c, tokens in zip(todo, frog.client().analyse_many([c.sentence for c in todo])):
        c.linguistic = frog.features(tokens)


def linguistic_features(c: Candidate) -> dict[str, float]:
    """Frog's features of the candidate's sentence (computed once per candidate)."""
    if c.linguistic is None:
        from . import frog

        c.linguistic = frog.features(frog.client().analyse(c.sentence))
    return c.linguistic


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> Model:
    """The stored model (``model.json`` beside this module unless ``path`` is given)."""
    return Model.from_json(Path(path or MODEL_PATH).read_text(encoding="utf-8"))


# every expression above behind the test of its literals (speed only: the results are the same, see prefilter.py)
gate_module(globals())
