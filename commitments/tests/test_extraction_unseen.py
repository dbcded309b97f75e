"""Generalisation checks: the extractor on letters of ministries that are not in the corpus.

``gold_unseen/`` holds synthetic letters and VSO answers written in the style of other ministries, annotated
by hand (gold JSONL in the shared format) *before* the extractor was run on them:

* the development set (911-916: Financiën, Defensie, an EZ VSO, BZK, LVVN, BZ/BHO), used to find and fix
  error classes with general rules;
* the validation set (921-923: KGG, an Asiel en Migratie VSO, VRO), written afterwards; it was then used to fix
  the error classes it showed, so its figures are no longer an estimate of generalisation;
* the second validation set (931-934: OCW Cultuur en Media, a VWS VSO, BZK Herstel Groningen, BZK
  Koninkrijksrelaties), written and measured before that round of fixes: the honest estimate for it.

Each set is scored as clean text, as raw pdftotext-like text (``*_raw.txt``: sidebar blocks, page numbers,
running headers, footnotes at the page bottom, hyphenation, sentences across pages, form feeds) and as a
Rijkshuisstijl PDF built with the reader tests' helper.  The floors sit just below the measured figures
(see each test), so a rule change that loses commitments or due dates on these letters fails.

None of these tests touch the database.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

from commitments.extraction.extractor import extract
from commitments.extraction.model import candidates
from documents.reader import read_document

D = dt.date.fromisoformat
HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold_unseen"
CORPUS = GOLD / "corpus"
SCORER = HERE.parents[2] / "shared" / "tools" / "score_extraction.py"

pytestmark = pytest.mark.skipif(not SCORER.is_file() or not CORPUS.is_dir(), reason="scorer or unseen gold missing")

# the sidebar (ministry name) each PDF is drawn with
PDF_SIDEBAR = {
    "EZ": ["Ministerie van Economische", "Zaken"],
    "LVVN": ["Ministerie van Landbouw,", "Visserij, Voedselzekerheid", "en Natuur"],
    "KGG": ["Ministerie van Klimaat en", "Groene Groei"],
    "VRO": ["Ministerie van Volkshuisvesting", "en Ruimtelijke Ordening"],
}
PDF_DOCS = {"dev": ("913", "915"), "validation": ("921", "923")}


def _scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _manifest() -> dict[str, dict]:
    return {m["file"]: m for m in json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))}


def _gold(set_name: str) -> list[tuple[dict, list[dict]]]:
    man = _manifest()
    out = []
    for gold_file in sorted(GOLD.glob("*.jsonl")):
        gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
        meta = man[gold[0]["doc"]]
        if meta["set"] == set_name:
            out.append((meta, gold))
    return out


def _system(path: Path, date: str) -> list[dict]:
    # like the scorer's command: no --type, the reader detects it
    doc = read_document(path, date=D(date))
    return [{"quote": c.quote, "due_date": c.deadline.due_date.isoformat() if c.deadline.due_date else None}
            for c in extract(doc)]


def _figures(pairs: list[tuple[list[dict], list[dict]]]) -> dict:
    score = _scorer()
    total: Counter = Counter()
    for gold, system in pairs:
        total.update(score.score_document(gold, system)["counts"])
    p = total["tp"] / max(1, total["tp"] + total["fp"] + total["duplicate"])
    r = total["tp"] / max(1, total["gold"])
    return {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "dated": total["dated_found"] / max(1, total["gold_dated"]),
            "due": total["due_exact"] / max(1, total["dated_found"]), "invented": total["invented_due"],
            "counts": dict(total)}


def _text_pairs(set_name: str):
    return [(gold, _system(CORPUS / meta["file"], meta["date"])) for meta, gold in _gold(set_name)]


def _raw_pairs(set_name: str):
    raws = {m["raw_of"]: m for m in _manifest().values() if m.get("raw_of")}
    pairs = []
    for meta, gold in _gold(set_name):
        raw = raws.get(meta["file"])
        if raw:
            pairs.append((gold, _system(CORPUS / raw["file"], raw["date"])))
    assert pairs, f"no raw PDF text in the {set_name} set"
    return pairs


def _pdf_pairs(set_name: str, tmp_path: Path):
    pytest.importorskip("reportlab")
    pytest.importorskip("pdfplumber")
    from commitments.tests.extraction_pdf import letter_parts
    from documents.tests.builders import make_letter_pdf

    pairs = []
    for meta, gold in _gold(set_name):
        if meta["file"][:3] not in PDF_DOCS[set_name]:
            continue
        sidebar = [*PDF_SIDEBAR[meta["ministry"]], "", "Bezoekadres", "Bezuidenhoutseweg 73", "2594 AC  Den Haag",
                   "www.rijksoverheid.nl", "", "Datum", meta["date"], "", "Ons kenmerk", "DGBI / 25123456", ""]
        pdf = tmp_path / meta["file"].replace(".txt", ".pdf")
        make_letter_pdf(pdf, [], letter_parts((CORPUS / meta["file"]).read_text(encoding="utf-8")), [],
                        sidebar=sidebar, footnote_chars=120)
        pairs.append((gold, _system(pdf, meta["date"])))
    return pairs


# Recall floor on the synthetic sets: these letters split "… stuurt uw Kamer vóór 1 april de rapportage. Daarin wordt
# ook ingegaan op …" into two items, where the real letters' annotators (gold_real dev-j 1009, dev-m 1302, dev-w 2401)
# and ../shared/gold/README.md make one promise of it; the extractor follows the real letters (4 Dec 2026), which
# costs these synthetic sets one or two items each (measured: dev 0.943, validation 0.929, validation as PDF 0.909;
# after the thirty-first round's retraining validation 0.893: "Die monitor verschijnt voortaan twee keer per jaar."
# scores under the threshold and is quoted as the context of the dated promise after it, which the real letters'
# annotators do as well).
SPLIT_R = 0.89
# Dated-recall floor on the synthetic sets, for the same reason (27th round, docs/extraction.md): they annotate "Het COA
# stelt … een minimumkwaliteitskader op. Dat kader is naar verwachting in december gereed." as two items, where the
# extractor now quotes the sentence before a promise as its context (the real letters' annotators do: leave-one-
# ministry-out F1 0.712 → 0.717, the frozen real check letters 0.602 → 0.660); the joined quote is then paired with
# the longer sentence before, and the dated item goes unmatched (measured: dev 0.935, dev as raw PDF text 0.935,
# validation 0.905; before: 0.957–1.0).
SPLIT_DATED = 0.90


def _assert_floors(f: dict, *, p: float, r: float, f1: float, dated: float, due: float) -> None:
    assert f["invented"] == 0, f  # a false due date is the costliest error: never allowed
    assert f["p"] >= p, f
    assert f["r"] >= r, f
    assert f["f1"] >= f1, f
    assert f["dated"] >= dated, f
    assert f["due"] >= due, f


# ------------------------------------------------------------------ development set (tuned on)

def test_dev_set_as_text():
    """Measured after the fixes: P 1.0, R 1.0, F1 1.0, dated recall 1.0, due accuracy 1.0 (77 gold items, 46 dated).
    Before them: P 0.957, R 0.857, F1 0.904, dated recall 0.891, due accuracy 0.927."""
    _assert_floors(_figures(_text_pairs("dev")), p=0.96, r=SPLIT_R, f1=0.95, dated=SPLIT_DATED, due=0.95)


def test_dev_set_as_raw_pdf_text():
    """Measured: P 1.0, R 1.0, F1 1.0, dated recall 1.0, due accuracy 1.0 (4 letters)."""
    _assert_floors(_figures(_raw_pairs("dev")), p=0.96, r=SPLIT_R, f1=0.95, dated=SPLIT_DATED, due=0.95)


def test_dev_set_as_pdf(tmp_path):
    """Measured: P 1.0, R 1.0, F1 1.0, dated recall 1.0, due accuracy 1.0 (the EZ VSO and the LVVN letter)."""
    _assert_floors(_figures(_pdf_pairs("dev", tmp_path)), p=0.95, r=SPLIT_R, f1=0.94, dated=0.93, due=0.93)


# ------------------------------------------------------------------ validation set (never tuned on)

def test_validation_set_as_text():
    """Measured once, untuned: P 0.931, R 0.931, F1 0.931, dated recall 0.952, due accuracy 0.95 (29 gold items).
    Its misses (a pointer inside the letter, a present-tense decision, separable "ingaan", "dit jaar …, naar
    verwachting in september") were then fixed with general rules: now P 1.0, R 1.0, F1 1.0, dated recall 1.0, due
    accuracy 1.0 -- tainted, no longer a generalisation estimate. Thirty-first round: P 1.0, R 0.893, F1 0.943 (see
    ``SPLIT_R``)."""
    _assert_floors(_figures(_text_pairs("validation")), p=0.96, r=SPLIT_R, f1=0.94, dated=SPLIT_DATED, due=0.95)


def test_validation_set_as_raw_pdf_text():
    """Measured once, untuned: P 0.947, R 0.90, F1 0.923, dated recall 0.929, due accuracy 0.923 (2 documents).
    After the fixes of the second round (tainted): P 1.0, R 1.0, F1 1.0, dated recall 1.0, due accuracy 1.0."""
    _assert_floors(_figures(_raw_pairs("validation")), p=0.95, r=SPLIT_R, f1=0.94, dated=0.92, due=0.92)


def test_validation_set_as_pdf(tmp_path):
    """Measured once, untuned: P 0.913, R 0.955, F1 0.933, dated recall 1.0, due accuracy 0.938 (KGG and VRO).
    After the fixes of the second round (tainted): P 1.0, R 1.0, F1 1.0, dated recall 1.0, due accuracy 1.0.
    Session 4 (a "Daarin …" sentence after a promise joins its quote, as the real-letter gold and issue 11
    want; this synthetic set annotated it as a separate borderline item, and the scorer pairs the joined
    quote with that one): P 1.0, R 0.955, dated recall 0.938."""
    _assert_floors(_figures(_pdf_pairs("validation", tmp_path)), p=0.95, r=SPLIT_R, f1=0.94, dated=0.93, due=0.95)


# ------------------------------------------------------------------ second validation set (written before round 2)

def test_second_validation_set_as_text():
    """Measured before the round-2 fixes (the honest estimate): P 0.757, R 0.667, F1 0.709, dated recall 0.724,
    due accuracy 0.857 (42 gold items, 29 dated).  After them: P 0.927, R 0.905, F1 0.916, dated recall 0.897,
    due accuracy 1.0.  Left: another party's report or event in the present ("De Staat van Groningen … verschijnt
    in juni", "worden … verkiezingen gehouden", EU negotiations), an agency as subject ("De RCE ontwikkelt …"),
    "krijgen alle bewoners … een gesprek", "op dezelfde datum" (a date given by the sentence before), and
    "heb besloten … te" (a decision in the perfect)."""
    _assert_floors(_figures(_text_pairs("validation2")), p=0.90, r=0.88, f1=0.89, dated=0.87, due=0.95)


def test_second_validation_set_as_raw_pdf_text():
    """Before the round-2 fixes: P 0.762, R 0.667, F1 0.711, dated recall 0.75, due accuracy 0.833 (931, 933).
    After: P 0.955, R 0.875, F1 0.913, dated recall 0.875, due accuracy 0.929 (the running header after a form
    feed stays inside a sentence that crosses the page, and hides "in het derde kwartaal").  With running
    headers/footers dropped at page breaks: due accuracy 1.0 (P, R, F1 and dated recall unchanged)."""
    _assert_floors(_figures(_raw_pairs("validation2")), p=0.93, r=0.85, f1=0.89, dated=0.85, due=0.97)


# ------------------------------------------------------------------ the rules added for the development set,
# on sentences of their own (not taken from the letters above)

from commitments.extraction.deadlines import find_phrase  # noqa: E402
from commitments.tests.test_extraction import doc_of  # noqa: E402

RULE_POSITIVES = [
    # first-person present of reporting verbs, "kom … terug" with the subject first
    ("Wij rapporteren hierover in de jaarlijkse voortgangsbrief, die u in het najaar ontvangt.", "2025-03-01",
     "2025-12-20"),
    ("Ik kom op de uitkomsten van het overleg terug in de Miljoenennota.", "2025-03-01", "2025-09-16"),
    # separable verbs that produce something, with the particle closing the clause
    ("Na de zomer stellen wij een nieuw actieplan op.", "2025-03-01", "2025-12-20"),
    ("Ik voer de motie uit bij de eerstvolgende wijziging van de regeling.", "2025-03-01", None),
    ("Op basis daarvan besluit ik over de verlenging van het programma.", "2025-03-01", None),
    # the government as a third person
    ("Mijn ministerie start in mei een voorlichtingscampagne voor werkgevers.", "2025-03-01", "2025-05-31"),
    # the budget of a year is presented on Prinsjesdag of the year before
    ("De dekking volgt bij de begroting 2026.", "2025-03-01", "2025-09-16"),
    # an EU Council meeting with its month
    ("Voorafgaand aan de Milieuraad van juni ontvangt uw Kamer de geannoteerde agenda.", "2025-03-01", "2025-06-30"),
    # "gepland voor juni" is in June, not before it
    ("De oplevering van het systeem is gepland voor september 2025.", "2025-03-01", "2025-09-30"),
    # "U kunt … verwachten" with a long object and its date between (batch 20)
    ("U kunt dan de nota naar aanleiding van het verslag van de vaste commissie op 17 september verwachten.",
     "2025-03-01", "2025-09-17"),
    # hoping to send the Kamer something is a promise to send it (not "Ik hoop dat de Kamer …")
    ("Voor de zomer hoop ik u de evaluatie van de regeling te kunnen toesturen.", "2025-03-01", "2025-07-04"),
    # batch 22: "afzonderlijk" is a later letter; a ministry by its acronym is the government; "wil ik …
    # vaststellen" over a long object
    ("Over de resultaten van de uitwerking voor contractvervoer bericht ik u afzonderlijk.", "2025-03-01", None),
    ("IenW beoogt eind 2026 twee nieuwe concessies te gunnen middels een Europese aanbesteding.", "2025-03-01",
     "2026-12-31"),
    ("Voor het einde van 2025 wil ik samen met provincies een complete Bossenstrategie met een uitvoeringsprogramma en "
     "de daarbij behorende instrumenten vaststellen.", "2025-03-01", "2025-12-31"),
    # "Ik wil … verlagen": an intention with a concrete act (batch 22)
    ("Ik wil dat bedrag per 1 januari 2026 verlagen van 1.000 euro naar 250 euro.", "2025-03-01", "2026-01-01"),
    # "staat gepland in <time>" is planned (batch 23); "is voorzien in een …" (provides for) is not, see below
    ("De brief met mijn appreciatie op de rapporten staat gepland in het eerste kwartaal van 2026.", "2025-12-01",
     "2026-03-31"),
    # the future verb last in a dat-clause with the government as its subject (batch 20)
    ("Voor deze drie projecten geldt dat wij deze direct extern zullen laten doorlichten.", "2025-03-01", None),
]

RULE_NEGATIVES = [
    ("De NZa heeft laten weten dat zij in het voorjaar een nieuwe beleidsregel zal vaststellen.", "2025-03-01"),
    ("De vervoerders hebben toegezegd de dienstregeling per 1 januari aan te passen.", "2025-03-01"),
    ("Ik verwacht dat de meeste werkgevers de regeling in 2026 zullen gebruiken.", "2025-03-01"),
    ("Een volledige invoering is niet vóór 2028 haalbaar.", "2025-03-01"),
    ("Nederland telt in 2025 ruim 18 miljoen inwoners.", "2025-03-01"),
    ("Ik neem dat voorstel niet over.", "2025-03-01"),
    ("De regeling is voorzien in een overgangstermijn tot 2027.", "2025-03-01"),
    # the Kamer's request to the writer, not the writer's promise (batch 20)
    ("In uw brief van 3 maart verzoekt u mij u voor de zomer per brief te informeren over het onderhandelresultaat.",
     "2025-03-10"),
]


@pytest.mark.parametrize("sentence,date,due", RULE_POSITIVES, ids=[p[0][:48] for p in RULE_POSITIVES])
def test_rule_finds_the_commitment(sentence, date, due):
    # The rule fires and resolves the date; whether a lone sentence is proposed is the model's call
    # (a one-sentence "letter" has none of the context the model weighs).
    items = [c for c in candidates(doc_of(sentence, date=date)) if c.rule]
    assert len(items) == 1, items
    got = items[0].deadline.due_date
    assert (got.isoformat() if got else None) == due


@pytest.mark.parametrize("sentence,date", RULE_NEGATIVES, ids=[n[0][:48] for n in RULE_NEGATIVES])
def test_rule_finds_no_commitment(sentence, date):
    assert extract(doc_of(sentence, date=date)) == []


@pytest.mark.parametrize("phrase,date,due", [
    ("met de begroting 2027", "2024-03-08", "2026-09-15"),
    ("bij de begroting", "2025-10-01", "2026-09-15"),
    ("voorzien voor juni 2024", "2024-03-08", "2024-06-30"),
    ("vóór juni 2024", "2024-03-08", "2024-05-31"),
    ("voor de Landbouw- en Visserijraad van november", "2025-09-30", "2025-11-30"),
])
def test_budget_and_council_phrases(phrase, date, due):
    got = find_phrase(phrase, D(date)).due_date
    assert (got.isoformat() if got else None) == due


def test_the_first_supplementary_budget_and_a_budget_debate_get_no_date():
    assert find_phrase("met de eerste suppletoire begroting", D("2024-03-08")).due_date is None
    assert find_phrase("vóór de begrotingsbehandeling van LVVN", D("2024-03-08")).due_date is None
    assert find_phrase("In de begroting 2025 is ruimte gereserveerd", D("2024-03-08")).kind == "none"


# ------------------------------------------------------------------ round 2: the rules added for the error classes of the
# first validation set, on invented sentences of their own

ROUND2_POSITIVES = [
    # two time phrases: the government's own step after another party's decides
    ("Het RIVM rondt in maart de metingen af, waarna wij uw Kamer voor de zomer over de uitkomsten informeren.",
     "2025-01-15", "2025-07-04"),
    ("De inspectie publiceert in april haar rapport, waarna ik in september een beleidsreactie stuur.", "2025-01-15",
     "2025-09-30"),
    # a coarse phrase refined by a precise one
    ("De aanvraagperiode wordt dit jaar opengesteld, naar verwachting in november.", "2025-02-01", "2025-11-30"),
    ("De nieuwe regeling wordt in 2026 ingevoerd; de inwerkingtreding is voorzien in het tweede kwartaal.",
     "2025-06-01", "2026-06-30"),
    # a pointer to a later document is a promise
    ("In de volgende voortgangsrapportage gaan wij in op de resultaten van de pilot.", "2025-03-01", None),
    ("In die brief ga ik ook in op de uitvoeringskosten.", "2025-03-01", None),
    # present-tense decisions with a future effect
    ("Daarom verhoog ik de subsidie voor huurders met tien procent.", "2025-03-01", None),
    ("Wel verkorten wij de beslistermijn van acht naar zes weken.", "2025-03-01", None),
    ("Daarom breid ik de regeling uit naar zelfstandigen zonder personeel.", "2025-03-01", None),
    ("Na afronding van de consultatie vraag ik de Afdeling advisering van de Raad van State om advies.", "2025-03-01",
     None),
    # separable verbs with a date
    ("De nieuwe tarieven gaan per 1 januari 2027 in.", "2025-03-01", "2027-01-01"),
    ("De uitkeringen gaan per 1 juli met twee procent omhoog.", "2025-03-01", "2025-07-01"),
    ("Ik stel de beleidsregel per 1 april vast.", "2025-03-01", "2025-04-01"),
    ("Het gewijzigde besluit treedt op 1 juli 2026 in werking.", "2025-03-01", "2026-07-01"),
    # a relative clause that sends the Kamer a document
    ("In de evaluatie, die ik u na de zomer stuur, ga ik in op de kosten.", "2025-03-01", "2025-12-20"),
    # (4 Dec 2026) a condition that is only the promise's time; a ministry as the subject of "zal"; a decision with a
    # long object
    ("Wanneer ik de adviezen heb ontvangen, zal ik deze naar uw Kamer sturen, voorzien van mijn appreciatie.",
     "2025-03-01", None),
    ("Het ministerie zal de kerosinekwaliteit daarom actief in ICAO-verband agenderen.", "2025-03-01", None),
    ("Ik heb besloten, conform het advies van de Gezondheidsraad, om ook de vaccinatie voor jongens tegen HPV in het "
     "Rijksvaccinatieprogramma op te nemen.", "2025-03-01", None),
    ("Ik informeer u separaat over de manier waarop uitvoering wordt gegeven aan deze motie.", "2025-03-01", None),
    # the promise made in so many words; a recalled lead without its comma
    ("Tevens zeg ik u toe betrokkene in het bezit te stellen van de gehele correspondentie over dit onderwerp.",
     "2025-03-01", None),
    ("Zoals gemeld in het vragenuur d.d. 29 juni jl. kunt u dit najaar de kabinetsreactie tegemoet zien.", "2010-07-06",
     "2010-12-20"),
    # a main clause after the recalled promise makes it anew
    ("Conform de toezegging om uw Kamer regelmatig te informeren, zal ik u vóór 1 juli 2025 een nieuwe rapportage sturen.",
     "2025-03-01", "2025-06-30"),
    # "as usual" is no report of the past
    ("Zoals gebruikelijk zal ik de VNG en de Raad voor het Openbaar Bestuur vóór 1 juli 2025 om advies vragen.",
     "2025-03-01", "2025-06-30"),
]

ROUND2_NEGATIVES = [
    ("In deze brief ga ik in op de stand van zaken rond de uitvoering.", "2025-03-01"),
    ("Hieronder gaan wij achtereenvolgens in op de drie sporen.", "2025-03-01"),
    ("Ik ga hieronder eerst in op de financiële gevolgen.", "2025-03-01"),
    ("Daarna schets ik de vervolgstappen.", "2025-03-01"),
    ("Ik verhoog de subsidie niet.", "2025-03-01"),
    ("Gemeenten verlengen de termijn in veel gevallen zelf.", "2025-03-01"),
    ("Zorgverzekeraars passen hun polisvoorwaarden per 1 januari aan.", "2025-03-01"),
    ("Tijdens het wetgevingsoverleg heb ik toegezegd uw Kamer te informeren over de uitvoeringskosten.", "2025-03-01"),
    # an earlier promise recalled with its time: what the letter answers (measured on 93 real letters, 4 Dec 2026)
    ("Ik heb toegezegd uw Kamer voor 1 oktober te informeren over de uitvoeringskosten.", "2025-03-01"),
    ("Het CBS publiceert in juni nieuwe cijfers over de economie in Europees Nederland.", "2025-03-01"),
    ("Ik vraag uw Kamer om advies over de benoeming.", "2025-03-01"),
    # what this letter itself does, in the present (measured on 855 real letters, 4 Dec 2026)
    ("Door middel van deze brief verzoek ik uw Kamer met klem de stemmingen tot na het meireces uit te stellen.",
     "2025-03-01"),
    ("Ten slotte voldoe ik met deze brief aan de toezegging om cijfers over de terugkeer te verstrekken.", "2025-03-01"),
    ("Ik zeg u niet toe dat dit voor de zomer lukt.", "2025-03-01"),
    ("Het streven was om de informatie in de tweede helft van 2024 aan de Kamer te sturen.", "2025-03-01"),
    # what an earlier letter said, in the passive or with a long reference (batch 15, 4 Dec 2026)
    ("In de brief aan uw Kamer van 15 mei jongstleden (Kamerstuk 29 754, nr. 98) is aangegeven dat deze afspraak zal "
     "worden uitgewerkt.", "2025-03-01"),
    ("Ook is gemeld dat de Kamer vertrouwelijk zal worden geïnformeerd over de uitkomst van dit onderzoek.", "2025-03-01"),
    ("Daarnaast hebben wij u in onze brief (Kamerstuk 25 600 XV, nr. 36) aangekondigd gebruik te zullen maken van deze "
     "mogelijkheid.", "2025-03-01"),
    # this letter and why it informs (batch 14, 4 Dec 2026)
    ("U ontvangt deze brief voor de behandeling van de OCW-begroting.", "2025-03-01"),
    ("Ik hecht er aan uw Kamer hier nu over te informeren, gezien de rol van uw Kamer bij de begroting.", "2025-03-01"),
    # a promise recalled, not made (measured on 873 real letters, 4 Dec 2026)
    ("Ik heb daarbij toegezegd om nog voor de zomer met een voorstel te komen over de evaluatie.", "2025-03-01"),
    ("Daarmee doe ik mijn toezegging van 1 september jl. gestand om uw Kamer uiterlijk begin november te informeren.",
     "2025-03-01"),
    ("Dat betreft bijvoorbeeld de toezegging van 14 juni 2007 om de Kamer twee keer per jaar te informeren.",
     "2025-03-01"),
    ("Op 4 juli heb ik het rapport aangeboden onder de toezegging dat ik uw Kamer voor het debat een reactie zal sturen.",
     "2025-03-01"),
]


@pytest.mark.parametrize("sentence,date,due", ROUND2_POSITIVES, ids=[p[0][:48] for p in ROUND2_POSITIVES])
def test_round2_rule_finds_the_commitment(sentence, date, due):
    # The rule fires and resolves the date; whether a lone sentence is proposed is the model's call
    # (a one-sentence "letter" has none of the context the model weighs).
    items = [c for c in candidates(doc_of(sentence, date=date)) if c.rule]
    assert len(items) == 1, items
    got = items[0].deadline.due_date
    assert (got.isoformat() if got else None) == due


@pytest.mark.parametrize("sentence,date", ROUND2_NEGATIVES, ids=[n[0][:48] for n in ROUND2_NEGATIVES])
def test_round2_rule_finds_no_commitment(sentence, date):
    assert extract(doc_of(sentence, date=date)) == []


def test_on_that_basis_names_its_own_object_and_does_not_take_in_the_sentence_before():
    # "Op basis hiervan hoop ik uw Kamer … te informeren": the annotators quote this sentence alone (4 of 5 such quotes)
    before = "Daarmee stelt het kabinet vervolgens vast welke aanvullende acties nodig zijn voor een zonneladder."
    promise = "Op basis hiervan hoop ik uw Kamer voor de zomer van 2025 te informeren."
    [c] = [c for c in candidates(doc_of(before + " " + promise, date="2025-03-01")) if c.sentence == promise]
    assert c.quote == promise
