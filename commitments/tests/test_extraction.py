"""Commitment extractor: small Dutch snippets (positives and negatives) and the shared gold set."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from commitments.extraction import extractor as rules
from commitments.extraction.deadlines import find_phrase
from commitments.extraction.extractor import extract
from commitments.extraction.model import candidates
from documents.reader.types import MotionMention, ParsedDocument, ParsedPassage

D = dt.date.fromisoformat
ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def doc_of(*texts: str, date: str = "2025-04-15", type_: str = "kamerbrief", **kw) -> ParsedDocument:
    passages = [ParsedPassage(index=i, kind="paragraph", text=t) for i, t in enumerate(texts)]
    return ParsedDocument(type=type_, date=D(date), kamerstuk=None, subject=None, ministry="VWS",
                          bewindspersoon="de minister van Volksgezondheid, Welzijn en Sport", committee=None,
                          text="\n\n".join(texts), passages=passages, **kw)


POSITIVES = [
    # a next letter is a promise, even when it says where it will go into what ("ga ik in op")
    # A known miss since word pairs and triples became features (feature version 6): "ga ik in op" is mostly
    # "In deze brief ga ik in op …" (this letter's outline) and "van de evaluatie" mostly a finding, so the
    # model now scores this sentence 0.11 (0.71 before) although "volgende brief" makes it a promise.  Kept,
    # strict, so the day it is found again this mark has to go.
    pytest.param("In een volgende brief ga ik in op de uitkomsten van de evaluatie.", None,
                 marks=pytest.mark.xfail(strict=True, reason="n-gram features read 'ga ik in op' as an outline")),
    ("Uw Kamer ontvangt voor de zomer een brief over de voortgang.", "2025-07-04"),
    ("Ik informeer uw Kamer in het najaar over de uitkomsten van het onderzoek.", "2025-12-20"),
    ("De Tweede Kamer wordt in de loop van dit jaar verder over deze motie geïnformeerd.", "2025-12-31"),
    ("Het wetsvoorstel zal begin 2026 in internetconsultatie gaan.", "2026-03-31"),
    ("Beoogd wordt het wetsvoorstel eind dit jaar aan uw Kamer aan te bieden.", "2025-12-31"),
    ("Indiening bij de Tweede Kamer is voorzien in het eerste kwartaal van 2026.", "2026-03-31"),
    ("De regeling wordt binnen vijf jaar na inwerkingtreding geëvalueerd.", None),
    ("Een specifieke beleidsreactie op dit onderzoek volgt begin volgend jaar.", "2026-03-31"),
    ("We gaan met de VNG in gesprek over de uitvoering van de regeling.", None),
    ("Ik laat onderzoek uitvoeren naar de wachtlijsten in de jeugdzorg.", None),
    ("De minister van Sociale Zaken en Werkgelegenheid stuurt de Kamer medio 2025 een plan van aanpak.", "2025-06-30"),
    ("Uw Kamer wordt binnenkort geïnformeerd over de stand van zaken.", None),
    ("Naar verwachting zal het kabinet u voorafgaand aan het commissiedebat van 27 mei verder informeren.", "2025-05-27"),
    ("De huidige regeling wordt geëvalueerd.", None),
]
NEGATIVES = [
    # the letter describing its own structure
    "Hieronder bespreek ik per onderzoek kort de uitkomsten.",
    "Op de bevindingen zal ik dan een uitgebreidere reactie geven (hoofdstuk 2).",
    "Eerst wordt in algemene zin ingegaan op de gekozen systematiek van het verstrekken van toeslagen.",
    "De leden van de D66-fractie vragen wanneer de minister de Kamer informeert.",
    "Wanneer ontvangt de Kamer de beleidsreactie?",
    "Uw Kamer is voor de zomer van 2024 door de minister geïnformeerd over de voortgang.",
    "Ik heb uw Kamer op 16 december 2024 een brief gestuurd over de keten.",
    "De beleidsreactie is op 16 december 2024 naar de Kamer gestuurd.",
    "Gemeenten zullen de komende jaren meer samenwerken met scholen.",
    "Het kabinet hecht veel waarde aan goede samenwerking tussen onderwijs en zorg.",
    "Scholen kunnen subsidie aanvragen bij de gemeente.",
    "Het conceptwetsvoorstel moet in samenhang worden bezien met andere maatregelen.",
    "Met het wetsvoorstel wordt beoogd dat gemeenten betere afspraken maken.",
    "Dit wetsvoorstel is in 2020 in internetconsultatie gebracht.",
    "De stand van zaken per maatregel is als volgt.",
    # a member's question whose question mark the page lost
    "Deelt u de zorg dat de regering de regeling op korte termijn zal beëindigen",
    "Is het u bekend dat de minister de Kamer voor de zomer zal informeren over de evaluatie",
    # the letter itself, the motion's request, a name given in the text
    "Bij deze ontvangt u mijn reactie op dit verzoek, onder gelijktijdige toezending van de antwoorden op de vragen.",
    "Tevens wordt in de motie verzocht de Kamer hierover vóór 1 november 2026 te informeren.",
    "De Wet op de lijkbezorging zal in het vervolg ook worden aangeduid als: de Wlb.",
]


# A sentence stands in a letter, as it does in reality: after the letter's opening (which describes the
# letter itself and is no commitment) and some context, before the closing. The model weighs the place in
# the letter, so a document of one sentence would be a different question.
OPENING = "Met deze brief informeer ik uw Kamer over de stand van zaken van het programma."
CONTEXT = "Het programma loopt sinds 2021 en wordt uitgevoerd samen met gemeenten en provincies."


def in_letter(sentence: str, **kw) -> ParsedDocument:
    return doc_of(OPENING, CONTEXT, sentence, "Hoogachtend,", **kw)


def candidate_of(sentence: str, text: str | None = None, **kw):
    """The candidate of ``sentence`` in a letter of ``text`` (the sentence alone by default)."""
    (c,) = [c for c in candidates(doc_of(text or sentence, **kw)) if c.sentence == sentence]
    return c


@pytest.mark.parametrize("sentence,due", POSITIVES, ids=[(p.values if hasattr(p, "values") else p)[0][:50]
                                                         for p in POSITIVES])
def test_it_finds_commitments_in_government_prose(sentence, due):
    items = extract(in_letter(sentence))
    assert [i.quote for i in items] == [sentence]
    assert (items[0].deadline.due_date.isoformat() if items[0].deadline.due_date else None) == due


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[n[:50] for n in NEGATIVES])
def test_it_ignores_questions_past_actions_and_others(sentence):
    assert extract(in_letter(sentence)) == []


def test_it_reports_a_verbatim_repeat_once():
    s = "Uw Kamer wordt vóór de zomer van 2026 geïnformeerd over de uitkomsten."
    assert len(extract(doc_of(s, "Andere tekst. " + s, date="2026-05-20"))) == 1


def test_it_resolves_actor_kind_and_deliverable():
    item = extract(doc_of("Uw Kamer ontvangt voor de zomer een brief over de voortgang van de aanpak."))[0]
    assert item.actor == "de minister van Volksgezondheid, Welzijn en Sport"
    assert item.kind == "send_document"
    assert "brief over de voortgang" in item.deliverable
    # (the actor is read from the sentence whatever the model's confidence: threshold 0)
    named = extract(doc_of("Daarnaast gaat de staatssecretaris van Onderwijs, Cultuur en Wetenschap in het najaar "
                           "met de sector in gesprek."), threshold=0.0)[0]
    assert named.actor.startswith("de staatssecretaris van Onderwijs")


def test_it_takes_only_answers_in_a_vso_and_links_motions_and_fractie():
    q = ParsedPassage(index=0, kind="question", fractie="GroenLinks-PvdA",
                      text="De leden vragen wat de regering doet met de motie Westerveld. Wanneer komt er duidelijkheid?",
                      motions=[MotionMention(name="motie Westerveld", key="31497-507")])
    a = ParsedPassage(index=1, kind="answer", fractie="GroenLinks-PvdA", question_index=0,
                      text="Uw Kamer wordt vóór de zomer van 2026 geïnformeerd over de uitkomsten en eventuele vervolgstappen.")
    intro = ParsedPassage(index=2, kind="paragraph", text="Ik zal uw Kamer in mei een brief sturen.")
    doc = ParsedDocument(type="vso", date=D("2026-05-20"), kamerstuk=None, subject=None, ministry=None,
                         bewindspersoon="de minister van Langdurige Zorg, Jeugd en Sport", committee=None,
                         text="", passages=[q, a, intro])
    items = extract(doc)
    assert len(items) == 1
    assert items[0].motions == ["31497-507"]
    assert items[0].fractie == "GroenLinks-PvdA"
    assert items[0].deadline.due_date == D("2026-07-03")


def test_it_quotes_the_previous_sentence_for_an_anaphoric_one():
    text = ("Over het budgettaire kader na 2026 is nog geen besluit genomen. "
            "Voorafgaand daaraan wordt de huidige regeling geëvalueerd.")
    items = extract(doc_of(text, date="2026-05-20"))
    assert [i.quote for i in items] == [text]
    assert items[0].deadline.due_date is None


# ------------------------------------------------------------------ false-positive classes (invented sentences)
# Each class: sentences that look like promises but are not (NOT_PROMISES), and close neighbours that are
# (STILL_PROMISES), so a rule that is too broad fails as well as one that is too narrow.  Letter date 2025-04-15.

NOT_PROMISES = [
    # findings, advice or views of others, whatever the tense of what they report
    ("reported", "De onderzoekers constateren dat het aantal meldingen vanaf 2026 verder zal stijgen."),
    ("reported", "De Inspectie stelt vast dat besturen vanaf volgend jaar beter moeten rapporteren."),
    ("reported", "Gemeenten geven aan dat zij in het najaar extra middelen nodig hebben."),
    ("reported", "Uit de evaluatie blijkt dat de regeling in 2026 moet worden aangepast."),
    ("reported", "Het rapport laat zien dat de wachttijden in de komende jaren verder oplopen."),
    ("reported", "De onderzoekers constateren dat het gebruik van de regeling is afgenomen; de afname vindt vooral "
                 "plaats in de eerste jaren en de cijfers blijven daarna stabiel."),
    # hypotheses
    ("hypothetical", "Het is denkbaar dat de subsidieregeling in 2026 wordt verlengd."),
    ("hypothetical", "Wellicht wordt de regeling in het najaar aangepast."),
    ("hypothetical", "Het kan zijn dat de evaluatie voor de zomer wordt afgerond."),
    # this very letter
    ("this_letter", "Deze brief gaat in op de stand van zaken van het programma."),
    ("this_letter", "Deze brief geeft invulling aan de toezegging om uw Kamer voor 1 mei te informeren."),
    ("this_letter", "Hiermee wordt voldaan aan de toezegging om uw Kamer voor de zomer te informeren."),
    ("this_letter", "Ik informeer u hierbij over de voortgang van het actieplan."),
    ("this_letter", "Hiermee informeer ik uw Kamer over de uitkomsten van de pilot."),
    # a request to the government: the dictum of a motion or a quoted request
    ("request", "verzoekt de regering om voor de zomer een plan van aanpak naar de Kamer te sturen,"),
    ("request", "De motie van het lid Jansen verzoekt de regering uw Kamer voor 1 oktober te informeren."),
    ("request", "In de motie-Bakker wordt de regering verzocht om vóór het einde van het jaar met een voorstel te komen."),
    # simple past with the government as subject
    ("simple_past", "In maart stuurde ik uw Kamer een brief over de wachtlijsten."),
    ("simple_past", "Vorige maand informeerde ik uw Kamer over de voortgang."),
    # "te gaan" is an infinitive, not the future auxiliary
    ("te_gaan", "Het idee van de betrokken partijen is om in gesprek te gaan met vertegenwoordigers van de kinderopvang, "
                "het onderwijs en de samenwerkingsverbanden."),
    # "volgen" as a full verb, not "follows"
    ("volgen_verb", "Met deze maatregelen kunnen leerlingen weer onderwijs volgen in hun eigen regio."),
    # the passive verb belongs to a subordinate clause; the main clause is about others
    ("subclause", "Op grond van de wet melden scholen jaarlijks aan de gemeente hoeveel leerlingen er worden verwezen."),
    # a modal earlier in the clause: a possibility, not a plan
    ("modal", "Door de teams beter te verbinden kan sneller en vanuit het gezin worden bezien wat nodig is."),
    # an attributive date of something done ("het op 12 maart gesloten akkoord")
    ("attributive_date", "Zo worden in het op 12 maart gesloten akkoord afspraken gemaakt over de regionale inzet."),
    # open-ended exploration with no object and no time
    ("open_ended", "Daarnaast willen we onderzoeken wat er verder nodig is om de keten te versterken."),
    ("open_ended", "We willen verkennen wat er mogelijk is om de samenwerking te verbeteren."),
    # the effect of the steps described above, in the present tense
    ("retrospective", "Met bovenstaande maatregelen bieden wij op korte termijn meer duidelijkheid aan ouders."),
    ("retrospective", "Op deze manier geven we binnenkort meer ruimte aan scholen."),
    # a next step that was already taken
    ("next_step_past", "De tweede stap die wij hebben gezet is de oprichting van een expertisecentrum."),
]

STILL_PROMISES = [
    ("reported", "Wij rapporteren jaarlijks aan uw Kamer over de voortgang van het programma.", None),
    ("reported", "Het onderzoek wordt voor de zomer afgerond en aan uw Kamer gezonden.", "2025-07-04"),
    ("hypothetical", "Het is de bedoeling dat de wet per 1 januari 2026 in werking treedt.", "2026-01-01"),
    ("this_letter", "Deze rapportage ontvangt u voor de zomer.", "2025-07-04"),
    ("this_letter", "Daarmee geef ik na de zomer uitvoering aan de motie en informeer ik uw Kamer in het najaar.",
     "2025-12-20"),
    ("request", "Over de uitvoering van de motie Jansen, die de regering verzoekt om de regeling te versoberen, "
                "informeer ik uw Kamer voor de zomer.", "2025-07-04"),
    ("request", "Conform het verzoek van uw Kamer stuur ik u voor de zomer een brief over de wachtlijsten.", "2025-07-04"),
    ("simple_past", "In mei stuur ik uw Kamer de voortgangsrapportage.", "2025-05-31"),
    ("simple_past", "Ik informeer uw Kamer mede namens de minister van OCW voor de zomer over de voortgang.", "2025-07-04"),
    ("te_gaan", "Ook gaan we met verzekeraars en aanbieders in gesprek over de uitvoering.", None),
    ("volgen_verb", "Een beleidsreactie op het advies volgt in het najaar.", "2025-12-20"),
    ("subclause", "De handreiking, die scholen helpt bij het verwijzen, wordt voor de zomer opgeleverd.", "2025-07-04"),
    ("modal", "Op basis van de evaluatie wordt bezien of de regeling moet worden aangepast.", None),
    ("attributive_date", "Het rapport wordt op 1 juli gepubliceerd en aan uw Kamer gezonden.", "2025-07-01"),
    ("open_ended", "Wij onderzoeken welke stappen nodig zijn en informeren uw Kamer daarover voor de zomer.", "2025-07-04"),
    ("open_ended", "Daarom willen wij verder uitzoeken of de bekostiging kan worden vereenvoudigd.", None),
    ("retrospective", "Met deze maatregelen zal ik in 2025 de wachttijden verder verkorten.", "2025-12-31"),
    ("retrospective", "Zo starten we in 2025 met een pilot in vijf regio’s.", "2025-12-31"),
    ("next_step", "De volgende stap die wij op korte termijn zetten is dat elke regio een coördinator krijgt.", None),
    ("zoals_toegezegd", "Zoals toegezegd tijdens het commissiedebat van 12 maart jl. zal ik uw Kamer voor de zomer "
                        "informeren.", "2025-07-04"),
    ("bij_kamer", "Na ontvangst van het advies van de Raad van State wordt het wetsvoorstel bij uw Kamer ingediend.", None),
    ("waarna", "De NZa brengt binnenkort advies uit, waarna ik uw Kamer in het najaar informeer over mijn besluit.",
     "2025-12-20"),
]


@pytest.mark.parametrize("cls,sentence", NOT_PROMISES, ids=[f"{c}:{s[:40]}" for c, s in NOT_PROMISES])
def test_it_rejects_look_alike_promises(cls, sentence):
    assert extract(doc_of(sentence)) == [], cls


@pytest.mark.parametrize("cls,sentence,due", STILL_PROMISES, ids=[f"{c}:{s[:40]}" for c, s, _ in STILL_PROMISES])
def test_it_keeps_the_promises_next_to_them(cls, sentence, due):
    # The rule fires and resolves the date; whether a lone sentence is proposed is the model's call.
    items = [c for c in candidates(doc_of(sentence)) if c.rule]
    assert len(items) == 1, (cls, items)
    assert (items[0].deadline.due_date.isoformat() if items[0].deadline.due_date else None) == due


def test_it_reads_a_scope_sentence_as_part_of_the_research_just_promised():
    promise = "De regeling wordt in 2026 geëvalueerd."
    scope = "Daarbij wordt onder meer bezien of de lasten voor scholen zijn verminderd."
    items = extract(doc_of(promise + " " + scope))
    assert [i.quote for i in items] == [promise]
    # without a promise before it, the same sentence stands on its own: the rule reads it as research
    # promised (whether a lone scope sentence without a date is proposed is the model's call)
    alone = [c for c in candidates(doc_of("De subsidie is verhoogd. " + scope)) if c.rule]
    assert [c.sentence for c in alone] == [scope]


@pytest.mark.parametrize("after,joined", [
    # a sentence that continues the promise ("Daarbij …") joins its quote …
    ("Daarbij wordt onder meer gekeken naar de wijze waarop scholen de middelen inzetten.", True),
    # … not one of more than 2.6 times its words: the quote would be mostly that sentence, and read as it
    ("Daarbij wordt onder meer gekeken naar de wijze waarop scholen de middelen inzetten en in hoeverre de regeling "
     "bijdraagt aan het doel om zorg en ondersteuning in het onderwijs beter op elkaar af te stemmen.", False),
])
def test_a_continuing_sentence_joins_the_quote_only_while_the_promise_keeps_a_fair_share(after, joined):
    promise = "Voorafgaand aan besluitvorming over het toekomstig kader wordt de huidige regeling geëvalueerd."
    items = extract(doc_of(f"{promise} {after}", date="2024-06-01"))
    assert [i.quote for i in items] == [f"{promise} {after}" if joined else promise]


# ------------------------------------------------------------------ the shared gold set

def _scorer():
    path = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="shared gold set not available")
def test_it_meets_the_targets_on_the_gold_set():
    from collections import Counter

    from documents.reader import read_document

    score = _scorer()
    manifest = {m["file"]: m for m in json.loads((SHARED / "corpus" / "manifest.json").read_text())}
    total: Counter = Counter()
    for gold_file in sorted((SHARED / "gold").glob("*.jsonl")):
        gold = [json.loads(line) for line in gold_file.read_text().splitlines() if line.strip()]
        meta = manifest[gold[0]["doc"]]
        doc = read_document(SHARED / "corpus" / meta["file"], doc_type=meta["type"], date=D(meta["date"]))
        system = []
        for c in extract(doc):
            d = c.as_dict()
            system.append({"quote": d["quote"], "deadline_phrase": d["deadline_phrase"], "due_date": d["due_date"]})
        total.update(score.score_document(gold, system)["counts"])
    p = total["tp"] / (total["tp"] + total["fp"] + total["duplicate"])
    r = total["tp"] / total["gold"]
    f1 = 2 * p * r / (p + r)
    assert f1 >= 0.85, (p, r, total)
    assert total["dated_found"] / total["gold_dated"] >= 0.95
    assert total["due_exact"] / total["dated_found"] >= 0.95
    assert total["invented_due"] == 0


# ------------------------------------------------------------------ issue 11: classes missed or wrongly proposed on real letters

@pytest.mark.parametrize("sentence,main", [
    # the main clause after the recalled statement names the government's aim, or what still follows
    ("Zoals al eerder aan uw Kamer is aangegeven1, is het streven erop gericht om in het najaar van dit jaar de "
     "verkiezingen te organiseren.", "is het streven erop gericht"),
    ("Zoals ik in mijn brief van 1 november 2021 (Kamerstuk 24 095, nr. 550) heb aangegeven, is het streven dat "
     "het advies uiterlijk 1 mei 2022 wordt opgeleverd.", "is het streven dat"),
    ("Zoals benoemd in de Startnota van het kabinet volgt voor een deel van de maatregelen de uitwerking nog in de "
     "vorm van bestedingsvoorstellen.", "volgt voor een deel"),
    ("Zoals afgesproken houd ik u van de voortgang op de hoogte, te beginnen met een verslag in het voorjaar.",
     "Zoals afgesproken houd ik u"),
])
def test_the_main_clause_after_a_recalled_statement_is_read_on_its_own(sentence, main):
    c = candidate_of(sentence, date="2020-01-15")
    assert not any(k in c.features for k in ("skip=reporting", "skip=reported_past"))
    assert rules.strip_as_lead(sentence).startswith(main)


def test_a_leading_zoals_clause_does_not_veto_the_promise_after_it():
    # the recalled statement is verb-final ("… reeds meldde,"); the main clause after the comma promises
    s = ("Zoals ik op 30 mei 2018 in mijn beantwoording van het schriftelijk overleg (Kamerstuk 21 501-32, nr. 1110) "
         "reeds meldde, zal ik uw Kamer zo spoedig mogelijk na die gesprekken informeren over de herziening.")
    (c,) = [c for c in candidates(in_letter(s)) if c.sentence == s]
    assert c.rule is not None
    assert not any(k.startswith("skip=") for k in c.features)
    assert "as_lead" in c.features


@pytest.mark.parametrize("first,second", [
    # a time adverb that refers back ("Zo spoedig mogelijk daarna")
    ("Ik voer nog overleg over enige onderdelen van het voorontwerp.",
     "Zo spoedig mogelijk daarna zend ik u de tweede voortgangsrapportage."),
    # a noun phrase that takes up a noun of the sentence before
    ("De rapportage over het hele jaar blijft u zoals gebruikelijk in het voorjaar ontvangen.",
     "De eerste rapportage ontvangt u uiterlijk in maart 2016."),
    ("Ik heb een aantal dagen extra nodig om de informatie van ProRail te verzamelen.",
     "U zult deze informatie tegelijk met de andere verzoeken ontvangen."),
    # informing about what the sentence before names, even when that sentence is a promise itself
    ("De regeling wordt over de jaren 2016 en 2017 gemonitord, vooruitlopend op de evaluatie.",
     "Uw Kamer wordt in het voorjaar van 2017 over de uitkomsten geïnformeerd."),
    ("Het aantal meldingen in de regio is sterk gestegen, zo blijkt uit de cijfers.",
     "U wordt voor de zomer hierover geïnformeerd."),
])
def test_a_sentence_that_refers_back_quotes_the_one_before(first, second):
    c = candidate_of(second, f"{first} {second}", date="2015-11-01")
    assert c.quote == f"{first} {second}"


def test_the_time_of_a_relative_clause_is_not_taken_over_by_informing_about_it():
    first = "Bovenstaande gaat niet op voor de beleidsdoorlichtingen die in 2015 aan uw Kamer gestuurd zullen worden."
    second = "Hierover zult u separaat worden geïnformeerd."
    items = extract(doc_of(f"{first} {second}", date="2014-11-19"), threshold=0.0)
    assert [i.deadline.due_date for i in items if second in i.quote] == [None]


def test_a_sentence_opening_with_en_and_the_government_continues_the_promise_before():
    first = "Het komende jaar zal gebruikt worden voor het goed in kaart brengen op welke onderdelen data ontbreekt."
    second = "En zetten we een eerste stap in het verder verzamelen van deze data."
    items = extract(doc_of(f"{first} {second}", date="2023-02-03"), threshold=0.0)
    assert [(i.quote, i.deadline.due_date) for i in items] == [(f"{first} {second}", D("2023-12-31"))]


def test_two_dated_promises_joined_by_daarna_stay_two():
    first = "Op 16 november 2026 wordt de intentieverklaring door alle betrokken partijen ondertekend."
    second = "Daarna gaan deze partijen aan de slag en wordt eind 2027 een vernieuwd akkoord gesloten."
    items = extract(doc_of(f"{first} {second}", date="2026-10-01"), threshold=0.0)
    assert [(i.quote, i.deadline.due_date) for i in items] == [(first, D("2026-11-16")), (second, D("2027-12-31"))]


def test_a_time_given_afterwards_to_the_steps_above_dates_them():
    steps = ("Voordat ik uw Kamer mijn appreciatie kan sturen, wil ik het advies voorleggen aan IPO en VNG. "
             "Ook ga ik in gesprek met de zoutbedrijven. Daarnaast zal ik een analyse maken van de mogelijkheden.")
    after = ("Ik heb tot de zomer nodig om bovenstaande stappen uit te werken en zal uw Kamer vóór het Algemeen "
             "Overleg van 22 mei 2019 informeren over de stand van zaken.")
    items = extract(doc_of(steps, after, date="2019-04-02"), threshold=0.0)
    def due(start):
        (d,) = [i.deadline.due_date for i in items if i.quote.startswith(start)]
        return d

    assert due("Ik heb tot de zomer") == D("2019-05-22")  # the sentence's own promise keeps its own time
    assert due("Ook ga ik") == D("2019-07-05")  # before the summer recess of 2019
    assert due("Voordat ik") is None  # a time clause of its own


def test_a_step_after_anothers_dated_act_has_its_time_as_a_lower_bound():
    text = ("De Commissie zal tot medio mei haar publieke consultatie voeren en naar verwachting eind 2011 haar mededeling "
            "uitbrengen. Hierover zal het kabinet een standpunt formuleren en met de Tweede Kamer bespreken.")
    (c,) = [c for c in candidates(doc_of(text, date="2011-04-15")) if c.sentence.startswith("Hierover")]
    assert c.deadline.due_date is None and c.deadline.earliest == D("2011-05-31")
    # so after a semicolon
    text = ("Ik zal mijn reactie op dit rapport meenemen in mijn beleidsreactie op het advies van de Onderwijsraad; de raad "
            "brengt dat advies in het eerste kwartaal van 2012 uit.")
    (c,) = candidates(doc_of(text, date="2011-12-20"))
    assert c.deadline.due_date is None and c.deadline.earliest == D("2012-03-31")
    (c,) = candidates(doc_of("De Commissie publiceert haar voorstel; ik zal u in juni informeren.", date="2011-12-20"))
    assert c.deadline.due_date == D("2012-06-30")
    # the government's own dated step before it still dates it
    text = "Ik stuur u eind mei het rapport. Daarover zal ik ook de gemeenten informeren."
    (c,) = [c for c in candidates(doc_of(text, date="2011-04-15")) if c.sentence.startswith("Daarover")]
    assert c.deadline.due_date == D("2011-05-31")


def test_the_meeting_on_the_results_of_these_actions_dates_no_step_above():
    steps = ("Ik zal het programma bij beide Kamers der Staten-Generaal voorhangen.")
    after = ("De periode tot 10 januari 2015 wordt gebruikt om de knelpunten op te lossen. Het resultaat van deze "
             "gezamenlijke acties wordt in een Bestuurlijk Overleg op 19 december aanstaande met elkaar besproken.")
    items = extract(doc_of(steps, after, date="2014-11-26"), threshold=0.0)
    (item,) = [i for i in items if i.quote.startswith("Ik zal het programma")]
    assert item.deadline.due_date is None
    # the steps themselves dated by a later sentence still are
    items = extract(doc_of(steps, "Deze acties ronden wij af voor 19 december aanstaande.", date="2014-11-26"),
                    threshold=0.0)
    (item,) = [i for i in items if i.quote.startswith("Ik zal het programma")]
    assert item.deadline.due_date == D("2014-12-18")


def test_the_date_of_the_event_a_promise_follows_is_a_lower_bound_only():
    first = ("Het standpunt op dit onderzoek zal ik u toezenden nadat ik hierover met deskundigen heb gesproken tijdens "
             "een conferentie.")
    second = "Deze is gepland voor juni van dit jaar."
    (item,) = [i for i in extract(doc_of(f"{first} {second}", date="1997-03-01"), threshold=0.0) if first in i.quote]
    assert item.quote == f"{first} {second}"
    assert item.deadline.due_date is None and item.deadline.earliest == D("1997-06-30")


def test_numbered_list_lines_read_as_headings_are_the_items_of_the_list():
    texts = [("paragraph", "Naar aanleiding van deze moties kondig ik de volgende tijdelijke fiscale maatregelen aan:"),
             ("heading", "1. Een verlaging van het gebruikelijk loon bij omzetdaling"),
             ("heading", "2. Een versoepeling van het urencriterium"),
             ("heading", "Welke vragen staan nog open?"),
             ("heading", "3. Inleiding")]
    passages = [ParsedPassage(index=i, kind=k, text=t) for i, (k, t) in enumerate(texts)]
    doc = ParsedDocument(type="kamerbrief", date=D("2020-04-24"), kamerstuk=None, subject=None, ministry="FIN",
                         bewindspersoon=None, committee=None, text="", passages=passages)
    cands = candidates(doc)
    items = [c for c in cands if c.enum_lead is not None]
    assert [c.sentence for c in items] == [texts[1][1], texts[2][1]]
    assert all(c.rule == "enumerated" for c in items)
    assert cands[0].rule is None and cands[0].lead_rule  # the lead-in itself is not the promise


@pytest.mark.parametrize("after_first", ["paragraph", "heading"])
def test_a_numbered_line_followed_by_prose_titles_a_section_and_is_no_item(after_first):
    # "Daarom gaan wij het volgende doen: / 1) Meer geld voor … / In de eerste plaats …": the numbered lines title the
    # sections that hold the promises; a list whose first line is followed by the next line stays a list of items
    texts = [("paragraph", "Daarom gaan wij het volgende doen, waarmee wij ook informatie uit de praktijk ophalen:"),
             ("heading", "1) Meer geld voor leerlingen met een ernstig meervoudige beperking")]
    if after_first == "paragraph":
        texts += [("paragraph", "In de eerste plaats gaan wij de regeling voor deze leerlingen tijdelijk verdubbelen."),
                  ("heading", "2) Scholen helpen met zorgarrangeurs")]
    else:
        texts += [("heading", "2) Scholen helpen met zorgarrangeurs"),
                  ("paragraph", "Met deze maatregelen helpen wij de scholen op korte termijn.")]
    passages = [ParsedPassage(index=i, kind=k, text=t) for i, (k, t) in enumerate(texts)]
    doc = ParsedDocument(type="kamerbrief", date=D("2023-06-01"), kamerstuk=None, subject=None, ministry="OCW",
                         bewindspersoon=None, committee=None, text="", passages=passages)
    sentences = [c.sentence for c in candidates(doc)]
    if after_first == "paragraph":
        assert texts[1][1] not in sentences and texts[3][1] not in sentences
        assert not any(i.quote.startswith("1)") for i in extract(doc))
    else:
        assert texts[1][1] in sentences and texts[2][1] in sentences


@pytest.mark.parametrize("sentence,rule,due", [
    # asking for more time promises delivery by the new date
    ("Daarom verzoek ik u de termijn met 4 weken te verlengen tot 20 februari.", "postponed", "2026-02-20"),
    # an intention in a subordinate clause, verb last
    ("Bij deze wil ik u laten weten dat ik voornemens ben de omvorming van het CAK plaats te laten vinden per "
     "1 januari 2026.", "intends", "2026-01-01"),
    # planned for a third of a year, the participle closing the clause
    ("De toezending aan uw Kamer van de doorlichting is voor het derde trimester van 2025 gepland.", "planned",
     "2025-12-31"),
    # "zal uitwerken welke mogelijkheden er zijn": "zijn" belongs to the subordinate clause, no prediction
    ("Ik zal uitwerken welke mogelijkheden er zijn om daar meer op te sturen.", "zal", None),
    # the government's stated aim with its time
    ("Voor de regionale luchthavens is de inzet om per 1 januari 2026 een luchthavenbesluit vastgesteld te hebben.",
     "planned", "2026-01-01"),
    # a programme letter's measures, also as numbered or bulleted list items
    ("20. We herijken de aanpak van bestaande en diffuse bodemverontreiniging.", "present_first_person", None),
    ("- Verzilting via spui- en schutsluizen in de Afsluitdijk wordt verminderd.", "decision_passive", None),
    ("Vanaf 2025 komt er een reparateursregister voor elektrische en elektronische apparaten.", "comes_about",
     "2025-12-31"),
    # an aim that a regulation be in force is a plan of the government
    ("Mijn streven is dat de regeling per 1 januari 2026 in werking is.", "planned", "2026-01-01"),
    # "zo snel mogelijk", "waar mogelijk" hedge nothing
    ("Het rapport zal waar mogelijk voor de zomer worden gepubliceerd.", "zal", "2025-07-04"),
    # the subject after the verb marks the main clause after a fronted "omdat" clause; "het Rijk" is the government
    ("Omdat het hier gaat om een nieuw gezamenlijk kader zullen we samen met medeoverheden bepalen hoe de borging "
     "eruit moet komen te zien.", "zal", None),
    ("Het Rijk zal in overleg met de regio het beleid rond buitendijkse ontwikkelingen actualiseren.", "zal", None),
    # choosing to do something is deciding it
    ("Om deze redenen kies ik er, in overleg met de VNG, voor om de wet per 1 juli 2026 in te voeren.", "decided",
     "2026-07-01"),
    # a decision told as a dat-clause
    ("Ik heb besloten dat het ministerie een eenheid gaat inrichten ten behoeve van de uitvoering van de wet.",
     "decided", None),
    # the participle of a separable be-verb ("aanbesteden") is a participle
    ("In het najaar 2026 wordt de inrichting van het gebouw in onderdelen aanbesteed.", "present_with_time",
     "2026-12-20"),
    # a vague time that says "soon" still makes a present passive a plan
    ("De stuwmeerregeling wordt op korte termijn in de Staatscourant gepubliceerd.", "present_with_time", None),
    # expecting to do it oneself, told as a dat-clause
    ("Ik verwacht dat ik medio april alle vragen hieromtrent kan beantwoorden.", "verwacht_te", "2025-04-30"),
    # an intention of the kabinet with a concrete act needs no time; nor does a stated readiness
    ("Het kabinet is voornemens om het NHP en het Stabiliteitsprogramma, na bespreking in beide Kamers van de "
     "Staten-Generaal, gezamenlijk aan te bieden aan de Europese Commissie.", "intends", None),
    ("Ik ben bereid de motie uit te voeren.", "intends", None),
    # the promise made now: by the kabinet, or after a fronted clause
    ("Het kabinet zegt daarom toe om in 2027 de fiscale klimaatmaatregelen voor de glastuinbouwsector tussentijds te "
     "evalueren.", "promised_now", "2027-12-31"),
    ("Wat de uitreiking van de herinneringsmedailles betreft, zeg ik u toe dat de commissieleden voortaan een "
     "uitnodiging zullen ontvangen.", "promised_now", None),
    # wanting to do a concrete act by a date
    ("Uiterlijk per 1 mei wil ik de kwartiermaker nationale politie aanwijzen.", "willen_concrete", "2025-05-01"),
    # the Kamer getting something sent, however far the participle stands from "krijgt"
    ("U krijgt op korte termijn separaat het rapport van het Centraal Fonds Volkshuisvesting over het "
     "investeringsvermogen van woningcorporaties toegestuurd.", "kamer_receives", None),
    # an intention told as "het ligt in mijn bedoeling", "het is mijn voornemen"
    ("Het ligt in mijn bedoeling het rapport ook aan mijn collega-bewindslieden van sport in de Europese Unie te "
     "zenden.", "intends", None),
    ("Het is mijn voornemen de regeling voor de zomer aan te passen.", "intends", "2025-07-04"),
    # a task finished by a date
    ("Voor alle ouders zal de integrale beoordeling eind 2025 zijn afgerond.", "completed_by", "2025-12-31"),
    # a leading "Zoals …" that recalls or was asked for is no main clause, however long its reference or without comma
    # an aim in a "waarbij ik …" clause that goes on with the main clause; a letter sent, told in a relative clause
    ("Het is mijn doelstelling de basisrapportage zo snel mogelijk toe te zenden, waarbij ik streef dit voor 1 augustus "
     "2025 te doen.", "planned", "2025-07-31"),
    ("Deze brief vormt de opmaat naar mijn visiebrief over het bestel, die ik in het najaar naar uw Kamer stuur.",
     "send_to_kamer", "2025-12-20"),
    # a further step in another document named by its title, not this letter's outline
    ("Ook zal het kabinet in «de Staat» uiteenzetten hoe het in die context invulling wil geven aan het begrip "
     "democratische legitimiteit.", "zal", None),
    ("Het is de bedoeling het definitieve luchthavenbesluit, na het advies van de Raad van State, midden dit jaar voor "
     "ondertekening aan de Koning aan te bieden en het vervolgens te publiceren.", "intends", "2025-06-30"),
    # what could not be done, in a clause of its own after the promise
    ("De staatssecretaris zal u het plan van aanpak zo spoedig mogelijk in 2025 toe doen komen; het is niet mogelijk "
     "gebleken het plan van aanpak reeds voor het einde van het jaar 2024 te presenteren.", "zal", "2025-12-31"),
    ("Zoals ik uw Kamer eerder berichtte zal ik pleiten voor een Europees verbod op microplastics in cosmetica.",
     "zal", None),
    # the government's own clause after another's passive act; a year after "over" is the topic, not the time
    ("De cijfers over schooljaar 2024–2025 worden momenteel verzameld door DUO, ik informeer u begin 2026 hierover.",
     "inform_active", "2026-03-31"),
    # a condition, then sending to the Kamer
    ("Als het gehele pakket gereed is zal ik hierover besluiten en zal ik dat voorleggen aan uw Kamer.", "zal", None),
    # "het komende half jaar" is as near as "de komende maanden"
    ("Ook worden het komende half jaar de onafhankelijke veiligheidsanalyses uitgevoerd.", "present_with_time", None),
    # a matter taken up in a later document, told with "terugkomen"
    ("In de verdere uitwerking van het plan van aanpak naar aanleiding van het advies wordt hierop teruggekomen.",
     "taken_up_in", None),
    # a negated step, then the promise: "…, wel zal ik …"
    ("Ik zal gemeenten daarom niet oproepen een actieplan te maken, wel zal ik Platform 31 wijzen op het voorbeeld uit "
     "Haarlem.", "zal", None),
    # the Kamer "gets" a document at a time
    ("Een reactie op het sectoradvies audiovisueel krijgt u voor de zomer van 2025.", "kamer_receives", "2025-07-04"),
    ("Zoals reeds eerder toegezegd, is het mijn bedoeling u deze kabinetsvisie nog deze maand te doen toekomen.",
     "intends", "2025-04-30"),
    ("Zoals verzocht door de vaste commissie voor Defensie ten aanzien van haar feitelijke vragen zal ik dit uiterlijk "
     "13 mei aanstaande doen.", "zal", "2025-05-13"),
    ("Zoals ik in mijn brief van 5 juni 2024 (Kamerstuk 30 800 VII, nr. 54) heb aangegeven zal ik snel met een "
     "kabinetsstandpunt komen op dit rapport.", "zal", None),
])
def test_it_reads_the_promises_real_letters_make(sentence, rule, due):
    c = candidate_of(sentence)
    assert c.rule == rule
    assert (c.deadline.due_date.isoformat() if c.deadline.due_date else None) == due


@pytest.mark.parametrize("sentence", [
    # a request made to the government before: not its promise
    "De vaste commissie voor Defensie heeft mij op 23 juni jl. verzocht om informatie over het tijdstip waarop de "
    "Kamer zal worden ingelicht over de toekomst van het vastgoed.",
    "Uw Kamer heeft via de motie van het lid De Kort het kabinet verzocht om in gesprek te gaan met partijen en "
    "hierover de Kamer in het derde kwartaal van 2025 te informeren.",
    # the committees asking, verb first
    "In het rappel van 26 september verzoeken de commissies tevens te reageren op een artikel in NRC Handelsblad en deze "
    "reactie uiterlijk 30 september aan de Kamer aan te bieden.",
    # forecasts about the world, hedged or with a verb of happening
    "Extreme zomers zullen in 2050 mogelijk twee keer zo vaak voorkomen, naar schatting eens in de 15 jaar.",
    "Nieuwe klimaatscenario’s, die volgend jaar verwacht worden, gaan mogelijk gevolgen hebben voor deze ambities.",
    # the Kamer's step hoped for
    "Ik hoop dat uw Kamer het wetsvoorstel nog dit jaar aanneemt.",
    # a state aimed at, not an act
    "Het uiteindelijke doel is dat Nederland in 2050 klimaatneutraal is.",
    # "vanuit het Rijk" is no subject
    "De sturing vanuit het Rijk zal primair aangrijpen bij de overeengekomen beleidsprestaties.",
    # an effect foreseen, not an act
    "De voorgestelde wetgevende maatregelen, zowel nationaal als Europees, zullen impact hebben op handhaving, "
    "uitvoering en toezicht, ook financieel.",
    # this letter describing itself
    "Daarnaast geef ik in deze brief aan hoe wij het voedselbeleid in de komende periode verder vorm willen geven.",
    "Na deze samenvatting zal ik gedetailleerder ingaan op de kwesties die de commissie signaleert.",
    "Op verzoek van de Eerste Kamer bied ik ook de Eerste Kamer het rapport aan.",
    # a perfect with "ben"
    "De behandeling is nog gaande, maar ik ben in deze brief uitgegaan van de inwerkingtreding per 1 januari 2026.",
])
def test_it_rejects_requests_of_others_and_the_letter_describing_itself(sentence):
    assert extract(in_letter(sentence)) == []


@pytest.mark.parametrize("sentence", [
    "Verder zal in deze brief, mede ter uitvoering van motie van het lid Dassen, worden ingegaan op de huidige stand "
    "van zaken en verbetermogelijkheden van het spitzenkandidatensysteem.",
    "Vooruitlopend op de jaarrapportage zal ik, mede namens de minister van Economische Zaken, in deze brief ingaan op "
    "enige aspecten van de herijkte informatiebehoefte.",
    # the copy of this letter to the Eerste Kamer
    "Ik zal een afschrift van deze brief zenden aan de voorzitter van de Eerste Kamer.",
    "Tevens gaat deze voortgangsrapportage kort in op enkele relevante activiteiten welke tot medio het jaar 2026 op "
    "stapel staan.",
    # "hierna": below, in this letter
    "Allereerst zal ik hierna uw vragen beantwoorden.",
])
def test_what_this_letter_goes_into_or_its_copy_is_vetoed(sentence):
    c = candidate_of(sentence)
    assert c.rule is None
    assert {"skip=this_letter_does", "skip=in_letter"} & set(c.features)
    assert extract(in_letter(sentence)) == []


@pytest.mark.parametrize("sentence,veto", [
    # a task asked of someone else
    ("De heer Alders wordt verzocht op korte termijn aan te geven hoe hij invulling wil geven aan dit adviesverzoek.",
     "asked_of_others"),
    ("Tevens wordt hem verzocht voor de zomer van 2026 zijn adviezen uit te brengen.", "asked_of_others"),
    # an item of a meeting's agenda
    ("Daarnaast zal gesproken worden over de evaluatie van de grieppandemie.", "agenda_item"),
    ("In het notaoverleg van maandag 27 juni 2025 zal ook worden gesproken over de Wereldomroep.", "agenda_item"),
])
def test_a_task_asked_of_someone_else_or_a_meetings_agenda_item_is_no_promise(sentence, veto):
    c = candidate_of(sentence)
    assert c.rule is None
    assert f"skip={veto}" in c.features


@pytest.mark.parametrize("promise,elaboration", [
    ("De komende maanden ontvangt u de brieven die de start van deze projecten markeren.",
     "Deze brieven zullen uw Kamer waarschijnlijk kort voor het kerstreces bereiken."),
    ("In de tweede plaats wil ik een nationaal beleidskader ontwikkelen voor de omgang met koloniale collecties.",
     "Hierbij gaat het om een methodiek voor herkomstonderzoek en een procedure voor teruggaveverzoeken."),
    # the government doing something therewith ("Ik zal daarbij …") goes on about the promise before
    ("Ik zal uw Kamer voor de zomer een reactie op het advies van de commissie sturen.",
     "Ik zal daarbij ook ingaan op de financiering van de aanbevelingen."),
])
def test_a_sentence_that_goes_on_about_the_promise_is_part_of_its_quote(promise, elaboration):
    items = extract(in_letter(promise + " " + elaboration))
    assert [i.quote for i in items] == [promise + " " + elaboration]


@pytest.mark.parametrize("first,second,date,due", [
    # findings shared with the Kamer afterwards, with no time of their own, are held to the first step's date (as the
    # annotators of real letters read it); with a time of their own ("zo spoedig mogelijk") due after it, see below
    ("Wij streven ernaar het onderzoek in september 2025 te laten afronden.",
     "Vervolgens zullen de bevindingen met de Kamer worden gedeeld.", "2025-03-01", "2025-09-30"),
    # a hedged time for the promise before joins it and dates it
    ("Zoals u is toegezegd, zal ik de Kamer informeren alvorens ik tot definitieve besluitvorming overga.",
     "Naar het zich nu laat aanzien, zal dit rond de jaarwisseling kunnen gebeuren.", "2025-10-01", "2025-12-31"),
])
def test_a_second_sentence_joins_the_promise_before_and_its_date_holds(first, second, date, due):
    (item,) = extract(doc_of(first + " " + second, date=date))
    assert item.quote == first + " " + second
    assert item.deadline.due_date == D(due)


@pytest.mark.parametrize("first,second,date,due", [
    # "Over mijn oplossing …" names what the sentence before promised; that sentence's time is the promise's
    ("Ik doe mijn uiterste best om deze zomer tot een goede en robuuste oplossing te komen.",
     "Over mijn oplossing zal ik u per openbare brief informeren.", "2025-04-01", "2025-08-31"),
    # the time of another's act before is not lent to the promise after it
    ("TNO verwacht de resultaten in het voorjaar van 2027 op te leveren.",
     "Ik kom hierop terug in de vijfde voortgangsbrief.", "2026-03-01", None),
])
def test_a_sentence_taken_up_lends_its_time_only_for_the_governments_own_step(first, second, date, due):
    c = candidate_of(second, first + " " + second, date=date)
    assert c.quote == first + " " + second
    assert c.deadline.due_date == (D(due) if due else None)


@pytest.mark.parametrize("event,then", [
    ("Op uiterlijk 1 november 2025 zal de definitieve besluitvorming over toekenning van subsidiegelden plaatshebben.",
     "Ik zal u daar alsdan over informeren."),
    ("Het kabinet zal in de ministerraad van 27 juni 2025 de stand van zaken ten aanzien van dit dossier bespreken.",
     "Ik zal u dezelfde dag per brief over de uitkomst daarvan informeren."),
])
def test_informing_the_kamer_at_the_time_of_the_event_before_is_one_promise_with_it(event, then):
    items = extract(in_letter(event + " " + then, date="2025-04-15"))
    assert [i.quote for i in items] == [event + " " + then]
    assert items[0].deadline.due_date == find_phrase(event, D("2025-04-15")).due_date


def test_the_same_time_as_the_promise_before():
    first = "Ik ben voornemens uw Kamer nog voor het einde van het jaar een reactie te sturen op de motie."
    second = "Daarnaast zal ik uw Kamer binnen dezelfde termijn informeren over de uitvoering van de toezeggingen."
    items = extract(in_letter(first + " " + second, date="2025-11-01"))
    assert [(i.quote, i.deadline.due_date) for i in items] == [(first, D("2025-12-31")), (second, D("2025-12-31"))]


def test_a_later_sentence_that_narrows_the_time_dates_the_promise():
    promise = ("Om uw Kamer goed te informeren ter voorbereiding op het algemeen overleg op 15 maart aanstaande zeg ik u "
               "graag alle medewerking toe voor een vertrouwelijke technische briefing over de stand van zaken.")
    narrower = "Deze briefing kan plaatsvinden op woensdag 7 maart aanstaande."
    (item,) = extract(in_letter(promise + " " + narrower, date="2025-03-01"))
    assert item.quote == promise + " " + narrower
    assert item.deadline.due_date == D("2025-03-07")


@pytest.mark.parametrize("before,promise", [
    ("Met deze brief informeer ik uw Kamer over ontwikkelingen in het gevangeniswezen van de Dienst Justitiële "
     "Inrichtingen.", "Ik zal dit tijdens deze kabinetsperiode ieder jaar rond deze tijd voor het zomerreces doen."),
    ("Voor u ligt de kabinetsreactie op de gevoerde gesprekken en de ontvangen schriftelijke inbreng.",
     "Vanaf dit jaar zal het kabinet dit jaarlijks doen om aan u verantwoording af te leggen over de resultaten."),
])
def test_doing_this_again_quotes_the_sentence_that_says_what(before, promise):
    c = candidate_of(promise, before + " " + promise)
    assert c.quote == before + " " + promise


def test_a_promise_of_its_own_after_a_promise_stays_apart():
    first = "Ik zal uw Kamer voor de zomer informeren over de uitkomsten van het onderzoek."
    second = "Dit onderzoek zal ik daarnaast in het najaar laten herhalen in Caribisch Nederland."
    items = extract(in_letter(first + " " + second))
    assert [i.quote for i in items] == [first, second]


def test_a_step_for_the_kamer_after_a_dated_step_joins_it_and_is_due_after_it():
    first = "Naar verwachting ontvang ik het onderzoeksrapport in de loop van augustus 2025 van de Inspectie."
    second = "Ik zal het rapport vervolgens, voorzien van mijn reactie, zo spoedig mogelijk aan uw Kamer aanbieden."
    items = extract(in_letter(first + " " + second))
    assert [i.quote for i in items] == [first + " " + second]
    assert items[0].deadline.due_date is None and items[0].deadline.earliest == D("2025-08-31")


def test_a_further_topic_of_the_letters_own_outline_is_no_promise():
    outline = ("Voor een inhoudelijke beschouwing van de verzoeken van het parlement ga ik, mede namens de Minister "
               "voor Medische Zorg en Sport, in deze brief in op de volgende thema’s: waarborgen voor kwaliteit, de "
               "afdoening van klachten en toezicht in het Wmo-domein.")
    further = "Ik zal ook ingaan op raakvlakken met overige wetgeving."
    items = extract(doc_of(OPENING, outline + " " + further, "Hoogachtend,", date="2018-11-22"))
    assert further not in [i.quote for i in items]


@pytest.mark.parametrize("told,further", [
    ("Met deze brief wil ik u graag informeren over de voortgang op de betreffende onderdelen.",
     "Ik zal tevens ingaan op de stand van zaken met betrekking tot het «Plan van de Man»."),
    ("Met deze brief melden wij u de voortgang van enkele projecten en programma’s.",
     "We zullen ingaan op de oplevering of ingebruikstelling van een aantal wegen-, water- en spoorprojecten."),
    ("In deze brief informeer ik u over de stand van zaken met betrekking tot de aanpak van ongewenst gedrag.",
     "In het bijzonder zal ik daarbij stilstaan bij de door mij voorgenomen wijziging van de Huisvestingswet 2014."),
])
def test_going_into_a_topic_after_this_letter_tells_something_is_its_outline(told, further):
    cs = candidates(doc_of(told + " " + further))
    assert [c.rule for c in cs if c.sentence == further] == [None]
    # the same sentence after a promise of a later letter goes on about that letter
    promise = "Ik zal u voor de zomer een brief sturen over de aanpak."
    assert [c.rule for c in candidates(doc_of(promise + " " + further)) if c.sentence == further] == ["zal"]


def test_informing_after_a_dated_event_is_a_promise_of_its_own_due_after_it():
    talks = "Naar verwachting betekent dit dat de gesprekken in de maand mei 2007 zullen plaatsvinden."
    after = ("Na mijn gesprekken met de betrokken regio’s zal ik u informeren over het verdere proces om te komen tot "
             "een standpunt van het kabinet.")
    items = extract(doc_of(OPENING, talks + " " + after, "Hoogachtend,", date="2007-04-25"))
    (inform,) = [i for i in items if i.quote == after]
    assert inform.deadline.due_date is None and inform.deadline.earliest == D("2007-05-31")
    assert all(i.deadline.due_date != D("2007-05-31") for i in items if after in i.quote)


@pytest.mark.parametrize("sentence", ["Ik stuur u het rapport bijgaand toe1.",
                                      "Hierbij bied ik u bijgevoegd het eindrapport van de evaluatie aan."])
def test_a_report_sent_enclosed_is_vetoed_as_this_letters_content(sentence):
    c = candidate_of(sentence)
    assert c.rule is None and "skip=enclosed" in c.features


@pytest.mark.parametrize("sentence,rule", [
    # the subject is another's act: no rule reads it as the government's plan
    ("De publicatie door de Europese Commissie van het voorstel voor een uitvoeringsbesluit vindt naar verwachting op "
     "30 november plaats.", None),
    # a participle's agent inside the sentence is no subject
    ("In 2026 zal de € 5 mln. worden ingezet voor de door politie en OM geconstateerde knelpunten.", "zal"),
    # another's agent right before the passive's participle
    ("Later zal de volledige onderbouwing door de NZa gepubliceerd worden.", None),
    # a forecast, also when its figures carry decimal commas
    ("De zorgkosten voor dementie zullen navenant stijgen: van € 6,6 mld. in 2015 naar € 15,6 mld. in 2040.", None),
])
def test_an_act_of_others_named_as_the_subject_is_no_promise(sentence, rule):
    c = candidate_of(sentence, date="2025-11-20")
    assert c.rule == rule


@pytest.mark.parametrize("sentence", [
    # a promise recalled in the simple past ("zou": the future in the past)
    "In mijn brief van 25 april kondigde ik u aan dat ik de Tweede Kamer nog voor het zomerreces zou informeren over "
    "de voortgang.",
    # where an earlier answer said when
    "In de beantwoording van de schriftelijke vragen is geschetst wanneer ik mijn reactie aan de Kamer zal zenden.",
    # an intention told in the past
    "Mijn voornemen om het besluit na het advies van de Raad van State bij u voor te hangen, hing samen met de "
    "geplande behandeling door de Eerste Kamer.",
    # not sending, in March
    "Om deze reden kan ik u tot mijn spijt niet in maart mijn standpunt sturen.",
    # another's act, its subject after "naar verwachting zal"
    "Naar verwachting zal de Europese Commissie in mei een voorstel doen.",
    "Naar verwachting zal het Portugees voorzitterschap het onderwerp in de tweede week van mei agenderen.",
    # not finished by then
    "De uitwerking zal op sommige punten nog niet voor de zomer zijn afgerond.",
    # a promise recalled: "zegde ik toe … te"
    "Verder zegde ik uw Kamer toe in die brief de uitkomsten mee te nemen van het gesprek met de stichting.",
    # where an earlier letter worked out what will be done, however far its participle stands
    "Daarna is in de Kamerbrief aanvulling munitievoorraden fase 2 uitgewerkt welke munitiesoorten Defensie aan zal "
    "vullen.",
    # the Kamer asking, in the present
    "U verzoekt de rapportage, met het oog op het wetgevingsoverleg op 21 november, uiterlijk vrijdag 11 november aan "
    "uw Kamer aan te bieden.",
    # sent today, along with this letter or another document
    "Separaat ontvangt de Kamer vandaag een brief over de kosten en baten van buitenlandse studenten.",
    "Tegelijk met de Startnota ontvangt u een aantal nota’s van wijzigingen op de departementale ontwerpbegrotingen.",
    # the future of another, in a subordinate clause
    "Het tarief van € 0,50 ligt onder het decemberzegeltarief van € 0,73 dat PostNL in 2017 zal hanteren.",
    "Mijn collega van VWS coördineert deze Toegankelijkheidsakte, welke op 28 juni a.s. in werking zal treden.",
    "De besluitvorming in de raden in oktober moet duidelijk maken dat de EU haar leiderschapsrol zal voortzetten.",
])
def test_what_was_said_before_and_what_is_not_done_are_no_promises(sentence):
    c = candidate_of(sentence)
    assert c.rule is None


@pytest.mark.parametrize("sentence,rule", [
    ("Het rapport dat ik u voor de zomer zal sturen, gaat in op de kosten.", "send_to_kamer"),
    ("Dit betekent dat ik het beleid op korte termijn zal publiceren.", "zal"),
    ("Het is van belang dat het wetsvoorstel in 2026 zal worden ingediend.", "zal"),
])
def test_the_governments_own_future_in_a_subordinate_clause_stays_a_promise(sentence, rule):
    c = candidate_of(sentence)
    assert c.rule == rule


@pytest.mark.parametrize("sentence,rule,skip", [
    # a footnote number glued to the verb (PDF and page text) hides no promise
    ("Daarover wordt u apart geïnformeerd2.", "inform_passive", None),
    # nor a report sent along with this letter
    ("Het eindrapport, dat ik u hierbij aanbied2, is op 9 juni door het WODC opgeleverd en bevat aanbevelingen.", None,
     "skip=enclosed"),
])
def test_footnote_numbers_glued_to_words_do_not_change_the_reading(sentence, rule, skip):
    c = candidate_of(sentence)
    assert c.rule == rule
    assert skip is None or skip in c.features


def test_informing_the_kamer_about_a_dated_event_of_others_takes_no_date_from_it():
    event = "De samenwerking van diverse partners krijgt eind 2026 vorm en inhoud door middel van een Alliantie."
    inform = "Over de bijdrage van het kabinet aan deze Alliantie wordt uw Kamer te zijner tijd geïnformeerd."
    items = extract(in_letter(event + " " + inform), threshold=0.0)
    told = [i for i in items if "te zijner tijd" in i.quote]
    assert told and all(i.deadline.due_date is None for i in told)


@pytest.mark.parametrize("sentence,rule", [
    # "Zoals aan uw Kamer toegezegd informeer ik u …": the recalled part is a lead, the main clause promises
    ("Zoals aan uw Kamer toegezegd informeer ik u voor het einde van het jaar over het complete beeld.", "inform_active"),
    # the government expecting its own bill to go to the Kamer
    ("Ik verwacht dat in 2026 het wetsvoorstel bij de Tweede Kamer kan worden ingediend.", "verwacht_te"),
    # not what a document describes
    ("De uitvoeringsagenda geeft aan welke acties het ministerie de komende periode onderneemt.", None),
])
def test_more_readings_of_real_letters(sentence, rule):
    c = candidate_of(sentence)
    assert c.rule == rule


def test_an_expectation_that_the_government_sends_something_is_a_promise():
    sentence = "De verwachting is nu, dat ik u over enige maanden het standpunt in dezen kan toezenden."
    c = candidate_of(sentence)
    assert c.rule == "send_to_kamer"
    assert not [f for f in c.features if f.startswith("skip=")]


def test_what_a_letter_already_holds_does_not_join_the_promise_before():
    promise = "U ontvangt de voortgangsbrief voor het zomerreces."
    described = ("In deze brief is ook een passage over het Generieke actieplan opgenomen, waaraan in de planningsbrief "
                 "wordt gerefereerd.")
    items = extract(in_letter(promise + " " + described))
    assert [i.quote for i in items] == [promise]


def test_a_time_of_another_actor_after_a_promise_is_not_its_due_date():
    promise = "Ik ben voornemens het rapport ook aan mijn collega-bewindslieden in de Europese Unie te zenden."
    other = "Naar verwachting zal het voorzitterschap het onderwerp in de tweede week van mei agenderen."
    items = extract(in_letter(promise + " " + other))
    assert [i.quote for i in items if i.quote.startswith("Ik ben voornemens")]
    assert [(i.quote, i.deadline.due_date) for i in items if i.deadline.due_date] == []


@pytest.mark.parametrize("sentence", ["Ik ben niet bereid om de regeling aan te passen.",
                                      "Vanzelfsprekend ben ik graag bereid met uw Kamer over alle onderwerpen te spreken."])
def test_no_readiness_or_only_to_debate_is_no_intention(sentence):
    c = candidate_of(sentence)
    assert c.rule is None


@pytest.mark.parametrize("sentence,rule", [
    # sent along with this letter
    ("Gelijktijdig met het aanbieden van deze kabinetsreactie ontvangt uw Kamer ook de definitieve agenda’s.", None),
    ("Tevens ontvangt u een geactualiseerde versie van het Natura 2000-doelendocument.", None),
    # with a time of its own it is still to come
    ("Tevens ontvangt u voor de zomer een geactualiseerde versie van het doelendocument.", "kamer_receives"),
])
def test_what_the_kamer_receives_along_with_this_letter_is_no_promise(sentence, rule):
    c = candidate_of(sentence)
    assert c.rule == rule


@pytest.mark.parametrize("sentence", [
    # undergone, not done
    "Door klimaatverandering nemen de extremen toe, krijgen we te maken met hogere temperaturen en droogte in de zomer.",
    # offered with this letter, the verb before "hierbij"
    "Deze notitie bieden wij u hierbij aan, onder het beslag van de besluitvorming in augustus aanstaande.",
    # a request received, in the simple past
    "Tevens kreeg ik het verzoek u voor het Algemeen Overleg Geneesmiddelenbeleid een reactie te sturen op het bericht.",
    # "gaan" of no future: this letter's outline (whatever earlier letter it names), an assumption, a coincidence
    "Ik ga in op de achtergrond van de verlenging, de toezegging van de toenmalig Staatssecretaris van Sociale Zaken en "
    "Werkgelegenheid (SZW) in de brief van 29 september 2018, de onderbouwing van de verlenging en op de planning.",
    "Ik ga er momenteel nog steeds vanuit dat rond de zomer belangrijke stappen gezet kunnen worden.",
    "Implementatie van het nieuwe dienstverleningsmodel gaat daarnaast gepaard met de start van een onderzoek naar de "
    "doelmatigheid en doeltreffendheid van de dienstverlening.",
    # what this letter gives the Kamer
    "Hiermee krijgt u een beeld van de stand van zaken.",
    # "it follows from"; a list item of this letter's outline
    "Uit de Wet luchtvaart volgt niet de verplichting om het ontwerp-luchthavenbesluit bij de Tweede Kamer ter voorhang "
    "aan te bieden.",
    "• Ga ik, conform mijn toezegging tijdens het algemeen overleg van 23 april jl. ook in op de taakstellingen op de "
    "Politieacademie;",
    # what cannot be done in time
    "Het is belangrijk om beide brieven zorgvuldig af te ronden, daarom lukt het niet om ze voor 7 februari 2019 aan uw "
    "Kamer te sturen.",
])
def test_no_rule_reads_these_as_promises(sentence):
    c = candidate_of(sentence, date="2019-02-01")
    assert c.rule is None


@pytest.mark.parametrize("sentence,vetoed", [
    ("Door middel van deze brief verzoek ik uw Kamer met klem deze stemmingen tot na het meireces uit te stellen.", True),
    ("Ik geef u in overweging een beleidsdebat pas na het verschijnen van dit actieplan in te plannen.", True),
    # a longer term asked for a promised letter is a postponement, and promises the new date
    ("Daarom verzoek ik u de termijn met 4 weken te verlengen tot 20 februari.", False),
    # asking, and then the government's own act in the same sentence
    ("Wij verzoeken u om uitstel en zullen uw Kamer uiterlijk medio april de brief «veldraadpleging en beleidsreactie "
     "fusietoets in het onderwijs» doen toekomen.", False),
    ("Ik verzoek uw Kamer de stemming uit te stellen tot na het reces.", True),
])
def test_asking_the_kamer_is_its_step_not_a_promise(sentence, vetoed):
    c = candidate_of(sentence, date="2019-01-10")
    assert ("skip=asks_kamer" in c.features) == vetoed
    assert (c.rule is None) == vetoed


@pytest.mark.parametrize("lead", [
    "Vooruitlopend op de veteranennota die u jaarlijks van mij ontvangt in juni, informeer ik u over vier zaken, te weten:",
    "Gelijktijdig wordt de Kamer geïnformeerd over:",
])
def test_the_topics_this_letter_informs_about_now_are_no_enumerated_promises(lead):
    items = ["• mijn gesprek met het bestuur van de Bond voor Nederlandse Militaire Oorlogs- en dienstslachtoffers;",
             "• de stand van zaken rondom de Invictus Games 2020."]
    cands = candidates(doc_of(OPENING, lead, *items, date="2019-03-01"))
    assert all(c.rule is None for c in cands if c.sentence.strip() in [lead] + items)


@pytest.mark.parametrize("sentence,rule", [
    ("Deze rapportage gaat u op korte termijn toe.", "kamer_receives"),
    ("De geannoteerde agenda, die uw Kamer begin volgende week zal toegaan, gaat in op deze voorstellen.",
     "kamer_receives"),
    # sent along now, by this letter, recalled or refused: no promise
    ("Beide sjablonen gaan uw Kamer in bijlage bij deze brief toe.", None),
    ("Vooruitlopend hierop wil ik uw Kamer langs deze weg informeren over de aanstaande aanbesteding.", None),
    ("Daarnaast wordt de Kamer via deze weg geïnformeerd over het rapport over de stand van zaken.", None),
    ("Bij wijze van uitzondering is uw Kamer tijdens de behandeling van de wet in de Tweede Kamer op 29 juni jl. "
     "toegezegd dat op het gehele ontwerpbesluit kan worden gereageerd.", None),
    ("U zult dit jaar geen verdere rapportage ontvangen.", None),
    ("U zult dit jaar nog een rapportage ontvangen.", "kamer_receives"),
])
def test_documents_going_to_the_kamer_and_what_is_no_such_promise(sentence, rule):
    assert candidate_of(sentence, date="2025-10-01").rule == rule


def test_a_promise_told_in_the_passive_is_recalled_only_where_it_says_when_it_was_made():
    recalled = candidate_of("Bij wijze van uitzondering is uw Kamer tijdens de behandeling van de wet op 29 juni jl. "
                            "toegezegd dat op het gehele ontwerpbesluit kan worden gereageerd.", date="2025-10-01")
    assert "skip=recalled_promise" in recalled.features
    told = candidate_of("Ook is toegezegd dat OCW en SZW in gesprek gaan met partijen uit het veld over welke opties "
                        "kansrijk zijn.", date="2025-10-01")
    assert "skip=recalled_promise" not in told.features


def test_why_this_letter_informs_and_a_part_of_this_document_are_no_promises():
    motive = "Ik hecht er wel aan u te informeren over het geplande evaluatietraject dat begin februari van start is gegaan."
    assert not extract(in_letter(motive, date="2015-03-01"))
    # the model may score a pointer within the document low on its own; the rules must read it as this document's outline
    assert "outline" in candidate_of("In het onderdeel overgangsrecht zal ik hierop nader ingaan.").features


@pytest.mark.parametrize("sentence,outline", [
    ("Allereerst zal ik u informeren rondom het niet-gebruik van toeslagen en de dienstverlening aan burgers.", True),
    ("Daarna zal ik u meenemen in de stand van zaken van de invorderingsstrategie van Dienst Toeslagen.", True),
    ("Daarna zal ik uw Kamer informeren over de uitkomsten van het onderzoek.", False),
])
def test_the_order_in_which_this_letter_tells_is_its_outline(sentence, outline):
    assert ("outline" in candidate_of(sentence).features) is outline


@pytest.mark.parametrize("sentence,rule", [
    # a letter named before, sent later: this letter cannot be sent after itself
    ("Deze brief zal ik uw Kamer uiterlijk maandag 15 oktober aanstaande toesturen.", "zal"),
    # the letter's own report, in the present
    ("Ten slotte rapporteer ik in deze brief over het verloop van de Algemene Ledenvergadering.", None),
    # the government's intention in a subordinate clause
    ("In reactie hierop kan ik melden dat de regering het voornemen heeft om het eerste experiment met een nieuw model "
     "stembiljet in 2022 te laten plaatsvinden.", "intends"),
    ("De intentie is om bij een drietal achtereenvolgende verkiezingen in 2022 te experimenteren.", "intends"),
    # taken up in a later document, the participle last
    ("De factsheets van de eerste helft 2017 worden in de volgende rapportage opgenomen.", "taken_up_in"),
    ("Dit zal in komende junicirculaire van het gemeentefonds worden verwerkt.", "taken_up_in"),
    ("De bedragen zijn in de begroting verwerkt.", None),
    ("De financiële gevolgen van de nieuwe zorgnorm zullen in de begrotingen van de departementen van Defensie en "
     "Verkeer en Waterstaat worden verwerkt.", "taken_up_in"),
    # this document is no later one
    ("De voortgang van de acties van de MKB Samenwerkingsagenda 2018–2019 wordt in deze rapportage meegenomen.", None),
    # the Kamer's request, inverted after a fronted word
    ("Daarnaast verzoekt u de Kamer te informeren of, en zo ja welke, aanvullende afspraken met Marokko zijn gemaakt.", None),
    # "wanneer …" at the head, then the government's own step in the present: a promise at that moment
    ("Wanneer het definitieve rapport met conclusies en aanbevelingen beschikbaar is, stuur ik u dit toe samen met "
     "mijn reactie.", "inform_active"),
    # a question, and a condition on the Kamer's wish, are not
    ("Wanneer is het rapport gereed?", None),
    ("Als u dat wenst, stuur ik u het rapport toe.", None),
])
def test_later_letters_intentions_and_later_documents_in_other_word_orders(sentence, rule):
    assert candidate_of(sentence, date="2021-03-01").rule == rule


def test_then_is_the_time_the_sentence_before_gives():
    before = "Verwacht wordt dat de rapportage van de missie in oktober 2014 beschikbaar komt."
    then = "De rapportage zal ik u dan doen toekomen."
    c = candidate_of(then, f"{before} {then}", date="2014-05-01")
    assert c.quote == f"{before} {then}"
    assert c.deadline.due_date == D("2014-10-31")
    # "dan ook" is "therefore", no time
    therefore = "Deze rapportage zal ik u dan ook doen toekomen."
    c = candidate_of(therefore, f"{before} {therefore}", date="2014-05-01")
    assert c.deadline.due_date is None


@pytest.mark.parametrize("sentence,outline", [
    ("Na enkele inleidende zinnen zal ik de diverse onderwerpen behandelen, onderverdeeld in achtereenvolgens de volgende "
     "hoofdthema’s: natuurinclusief, soortenbeleid en gebiedenbeleid.", True),
    ("Ik zal dit onderstaand nader toelichten.", True),
    ("De maatregelen worden achtereenvolgens ingevoerd in 2025 en 2026.", False),
])
def test_the_order_of_this_letters_topics_is_its_outline(sentence, outline):
    assert ("outline" in candidate_of(sentence).features) is outline


def test_told_now_or_told_before_is_no_promise_whatever_time_the_content_holds():
    # told now: the time is the content's
    now = candidate_of("Volledigheidshalve bericht ik u dat om het verdrag per 1 januari 2017 buiten werking te laten "
                       "treden, de opzegging vóór 1 juli 2016 aan Marokko kenbaar dient te zijn gemaakt.", date="2016-01-10")
    assert now.rule is None
    assert candidate_of("Ik bericht u dat het kabinet de wet in 2017 zal evalueren.", date="2016-01-10").rule == "inform_active"
    # told now, and what is told is a step of the government still to come
    consult = candidate_of("Hierbij informeer ik u dat op 3 november aanstaande een wijziging van het Besluit verplichte "
                           "meldcode in consultatie wordt gebracht.", date="2016-10-01")
    assert consult.rule == "present_with_time" and consult.deadline.due_date == D("2016-11-03")
    # told in the past: vetoed, so the model alone cannot propose it
    before = candidate_of("Bij die gelegenheid liet ik uw Kamer weten dat ik het Openbaar Ministerie heb gevraagd mij "
                          "uiterlijk eind mei een plan van aanpak te sturen.", date="2016-01-10")
    assert "skip=reported_simple_past" in before.features


@pytest.mark.parametrize("sentence,vetoed", [
    # "bij deze" is "hereby" before a function word or a comma, not before a noun
    ("De gemeente en DJI zullen de gemeenteraad en de omgeving actief bij deze verkenning betrekken.", False),
    ("Ik bied u bij deze het rapport aan.", True),
    ("Ik doe dat bij deze, ondanks dat de motie nog is aangehouden.", True),
    ("Ik stuur u bij deze mede namens de Minister van Infrastructuur en Waterstaat een afschrift van de brief.", True),
    ("In bijlage 2 bij deze voortgangsbrief ontvangt uw Kamer de gevraagde onderbouwing.", True),
])
def test_hereby_is_not_with_this(sentence, vetoed):
    assert ("skip=enclosed" in candidate_of(sentence, date="2019-06-01").features) is vetoed


@pytest.mark.parametrize("sentence,rule", [
    # what was agreed with the Kamer, then a step to come in the present
    ("Zoals afgesproken met uw Kamer start na de zomer een landelijke mediacampagne om nog meer deelnemers te werven.",
     "present_with_time"),
    ("Hierbij ontvangt u het rapport.", None),
])
def test_what_was_agreed_then_a_step_to_come(sentence, rule):
    assert candidate_of(sentence, date="2019-06-01").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # this letter or document, by another name or word order
    ("Middels deze startnotitie informeer ik de Kamer over de stand van zaken.", None),
    ("Daarnaast informeren we de Kamer middels deze brief over de onderhandelingen over het Gemeenschappelijke "
     "Landbouwbeleid.", None),
    ("De voorliggende brief ontvangt u mede namens de Minister van Binnenlandse Zaken en Koninkrijksrelaties.", None),
    ("Deze brief stuur ik u met het oog op de tweede termijn van het AO euthanasie die op 15 april a.s. staat gepland.",
     None),
    ("In het navolgende zal ik de vragen thematisch groeperen en zo veel mogelijk in elkaars samenhang beantwoorden.", None),
    ("Hierna zal ik uw Kamer informeren over de uitkomsten.", "inform_active"),  # "hierna" is also "afterwards"
    # a range, another's act in the passive, another party named with an adjective
    ("De maatregelen gaan van ondersteuning van de praktijk, tot vernieuwend denken en aandacht voor de regelgeving.",
     None),
    ("Dit verslag zal door de Europese Commissie worden ingediend bij het Europees parlement en Raad.", None),
    ("De Nederlandse banken zullen een pilot starten om onderling afspraken te maken.", None),
    # the government's own steps
    ("Wij starten met een leesoffensief.", "present_first_person"),
    ("Daarom start ik samen met de Minister van VWS, de Minister van BZK en de Minister van OCW het Actieprogramma "
     "Dak- en Thuisloze Jongeren.", "present_first_person"),
    ("Daarom trekt het kabinet vanaf 2018 jaarlijks € 5 miljoen extra uit voor de aanpak van laaggeletterdheid.",
     "present_first_person"),
    ("U heeft al de voorstellen voor het nieuwe curriculum ontvangen, en zult op korte termijn ook de kabinetsreactie "
     "krijgen.", "kamer_receives"),
    ("Wij willen een gebaar maken naar deze rijnvarenden en hen tegemoetkomen ter hoogte van de betaalde premie.",
     "willen_concrete"),
    ("Dit verslag zal door mij worden ingediend bij de Europese Commissie.", "zal"),
    ("In de volgende editie van deze brief wordt u geïnformeerd over de NOW 3.", "inform_passive"),
    # "Nederland" as the government's voice in a Council
    ("Nederland zal tijdens de Raad wederom het EU-perspectief van de Westelijke Balkanlanden benadrukken.", "zal"),
    ("Nederland zal van november 2003 tot mei 2004 het voorzitterschap bekleden van de Raad van Europa.", None),
])
def test_this_document_by_other_names_and_the_governments_own_steps(sentence, rule):
    assert candidate_of(sentence, date="2019-06-01").rule == rule


@pytest.mark.parametrize("sentence,rule,date", [
    ("Voor de uiterwaardvergraving bedrijventerrein Avelingen neem ik één dezer dagen een projectbeslissing.",
     "present_first_person", "2009-10-01"),
    ("De roep van uw Kamer om een gerichter arbeidsmigratiebeleid is helder, en ik zeg graag toe uw inbreng mee te nemen "
     "in de plannen hieromtrent.", "promised_now", "2009-10-01"),
    ("Binnenkort informeert de staatssecretaris van OCW u in de brief over de kwaliteit van de vve.", "inform_active",
     "2009-10-01"),
    ("Ik start vanaf vandaag daarom een bewustwordingscampagne om iedereen in Nederland daartoe te activeren.",
     "present_first_person", "2018-03-01"),
    # what something concerns; a postponement told in the perfect; a promise followed up; another's advice
    ("In 2030 gaat het om 1,1 miljoen ouderen, als deze trend niet wordt gekeerd.", None, "2018-03-01"),
    ("Voordat deze wet op 1 januari 2022 in werking trad, is de inwerkingtreding ervan op drie momenten uitgesteld.",
     None, "2021-06-01"),
    ("Dit actieplan volgt een toezegging van de minister.", None, "2012-10-01"),
    ("Het advies van de Commissie Pachtbeleid zal naar verwachting in januari 2000 gereed komen.", None, "1999-10-01"),
    ("De behandeling van het wetsvoorstel is gepland voor mei 2022.", "planned", "2021-06-01"),
])
def test_steps_told_in_other_words_and_what_only_looks_like_one(sentence, rule, date):
    assert candidate_of(sentence, date=date).rule == rule


def test_a_split_here_on_takes_up_the_sentence_before():
    before = ("Ten eerste zullen maatregelen uit de beleidsbrief van 8 april van invloed zijn op het verloop van het "
              "programma SPEER.")
    later = "In de volgende voortgangsrapportage zal ik hier nader op ingaan."
    assert candidate_of(later, f"{before} {later}", date="2011-06-01").quote == f"{before} {later}"


@pytest.mark.parametrize("sentence,rule,date", [
    # an as-clause without its comma; "al dan niet" is no negation; two clauses sharing "ik"
    ("Zoals u gemeld ben ik voornemens mijn visie op de tuinbouw voor de zomer aan uw Kamer toe te sturen.",
     "send_to_kamer", "2013-01-15"),
    ("De komende tijd zal ik in overleg met betrokken partijen uitzoeken wat al dan niet haalbaar is.", "zal",
     "2013-01-15"),
    ("Ik onderschrijf de conclusies van de Inspectie en zal met de betrokken partners de aanbevelingen tot uitvoer "
     "brengen.", "zal", "2013-01-15"),
    # another country's minister; further on in this letter; what is done as a rule
    ("Dit jaar zal de Belgische Minister van Financiën deelnemen aan het IMFC.", None, "2019-11-13"),
    ("De Nederlandse regering zal in mei een voorstel doen.", "zal", "2019-11-13"),
    ("Deze zal ik in het navolgende toelichten.", None, "2019-11-13"),
    ("Normaliter voorzie ik een inspectierapport van een beleidsreactie, voordat ik dit – doorgaans zes weken na "
     "ontvangst van het rapport – aan uw Kamer aanbied.", None, "2019-11-13"),
    ("De BO’s Leefomgeving vinden normaliter in het voorjaar plaats.", None, "2019-11-13"),
])
def test_leads_shared_subjects_and_what_is_done_as_a_rule(sentence, rule, date):
    assert candidate_of(sentence, date=date).rule == rule


@pytest.mark.parametrize("sentence,rule,date", [
    # the Kamer kept informed, the auxiliary before the participle; a rule taking effect on a date
    ("Uw Kamer zal, conform toezegging, op de hoogte worden gehouden van de voortgang van het onderzoek.",
     "inform_passive", "2014-10-03"),
    ("U zal hiervan op de hoogte worden gebracht.", "inform_passive", "2014-10-03"),
    ("De geactualiseerde leennormen worden per 1 januari 2017 van kracht.", "scheduled_event", "2016-11-20"),
    ("De leennormen zijn per 1 januari 2016 van kracht geworden.", None, "2016-11-20"),
    # an as-clause without its comma before a verb and a time
    ("Zoals is beschreven in de jaarlijkse voortgangsbrief Herstelrecht van 17 juni jongstleden gaat dit najaar de "
     "evaluatie van het Beleidskader herstelrechtvoorzieningen gedurende het strafproces (hierna: het Beleidskader) van "
     "start.", "gaan_inf", "2022-11-01"),
    # what could not be done before; a council named with a hyphen meets
    ("Over beide onderwerpen kon ik uw Kamer niet eerder informeren, omdat de uitkomst nog niet definitief was.", None,
     "2013-11-01"),
    ("Ik kon niet eerder reageren, maar ik zal u in juni informeren.", "inform_active", "2013-11-01"),
    ("De OJCS-Raad van 4 en 5 april zal in Luxemburg plaatsvinden.", None, "2022-03-20"),
    # as was planned, a past act; a plan
    ("De eerste onderhandelingsronde, die van 27 tot 31 maart plaatsvond, is – zoals gepland – door delegaties en NGO’s "
     "gebruikt om hun wensen neer te leggen.", None, "2017-04-10"),
    ("De evaluatie is voor het najaar gepland.", "planned", "2017-04-10"),
    # this letter's introduction
    ("Om de concrete vragen goed te kunnen beantwoorden zal ik in de inleiding eerst de achtergrond van het groepsverbod "
     "schetsen.", None, "2017-04-10"),
    # the Kamer's request, with a separable verb; a request answered by a promise of its own; what the movers said
    ("Daarnaast heeft u mij gevraagd aan te geven hoe de MKB-toets rijksbreed zal worden uitgerold zodat alle relevante "
     "dossiers in de toekomst een MKB-toets ondergaan.", None, "2017-04-10"),
    ("U heeft mij gevraagd u te informeren; dat zal ik voor de zomer doen.", "zal", "2017-04-10"),
    ("De indieners van de motie hebben daarna gezegd de motie te zullen aanhouden.", None, "2017-04-10"),
    ("In uw brief van 1 februari 2008 vroeg u mij de Kamer te informeren welke documenten de Kamer zal ontvangen.", None,
     "2008-03-01"),
    # the Kamer's own term in a voorhang, the legal condition of an entry into force (not the government's own term)
    ("Op grond van artikel 43a van de Aanwijzingen voor de regelgeving wordt deze termijn in verband met het kerstreces "
     "van uw Kamer verlengd tot 28 januari 2013.", None, "2012-12-10"),
    ("Op grond van de aangehaalde bepaling geschiedt de inwerkingtreding van het besluit niet dan nadat vier weken zijn "
     "verstreken na de overlegging van het besluit aan beide Kamers der Staten-Generaal.", None, "2012-12-10"),
    ("Ik zal de termijn tot na het zomerreces van uw Kamer verlengen.", "zal", "2012-12-10"),
])
def test_kept_informed_taking_effect_requests_and_what_is_no_promise(sentence, rule, date):
    assert candidate_of(sentence, date=date).rule == rule


@pytest.mark.parametrize("sentence,rule,date", [
    # the budget named first, a correction put into it
    ("In de defensiebegroting 2010 en de meerjarenraming zal een correctie naar prijspeil 2009 worden verwerkt.",
     "taken_up_in", "2009-03-31"),
    # what others will send to the government is no promise (but the government sending it on is)
    ("Dit advies zal mij naar verwachting half november worden toegezonden.", None, "2008-11-13"),
    ("Dat rapport zal voor 1 oktober 2015 aan mij worden aangeboden.", None, "2015-06-05"),
    ("Ik zal het rapport dat mij in mei wordt aangeboden aan u toezenden.", "zal", "2008-11-13"),
    # an as-clause whose reference in brackets holds a comma, before a verb and a time
    ("Zoals gemeld in de brief van 28 maart jl. (Kamerstuk 27 925, nr. 425) begint de politietrainingsmissie deze zomer "
     "met de praktijkbegeleiding.", "present_with_time", "2011-05-01"),
    # a decision to be taken, in the present passive; not another's, not a maybe
    ("Op basis van dit onderzoek wordt een besluit genomen over de hoogte van de uitname uit het gemeentefonds.",
     "decision_passive", "2014-04-28"),
    ("Hierover wordt door de gemeenteraad een besluit genomen.", None, "2014-04-28"),
    ("Tijdens de Ministeriële Raad wordt mogelijk een besluit genomen over de invulling van de topfuncties.", None,
     "2014-04-28"),
    # a verb of change with the government as its subject is an act, without it a prediction
    ("Om het mkb beter in staat te stellen, zal ik de advisering aan het mkb en de toegankelijkheid van het "
     "octrooisysteem verbeteren.", "zal", "2018-11-09"),
    ("De kwaliteit van de advisering zal de komende jaren verbeteren.", None, "2018-11-09"),
    ("Wij zullen zien of de kwaliteit zal verbeteren.", None, "2018-11-09"),
    # the debate the Kamer scheduled is no act promised; a meeting with others is
    ("Over onder meer het bovenstaande spreek ik op 24 april met de vaste commissie voor Defensie tijdens het "
     "commissiedebat veiligheid en integriteit.", None, "2024-04-10"),
    ("Ik spreek op 24 april met de gemeenten over de uitvoering.", "present_first_person", "2024-04-10"),
    # the modal of a telling lead ("Ik kan u meedelen dat …") is not the promise's
    ("Ik kan u meedelen dat ik bereid ben om tot en met 2014 in totaal 250 Syrische vluchtelingen te hervestigen.",
     "intends", "2013-09-16"),
    ("Ik kan u melden dat op 12 september 2014 het secretariaat haar eindrapportage heeft aangeboden.", None,
     "2014-09-22"),
    # a debate of the Kamer planned; the questions answered in this document; what others are assumed to do
    ("Aanstaande donderdag 14 juni 2012 staat er een debat gepland in uw Kamer over het vonnis.", None, "2012-06-13"),
    ("Dit najaar is het commissiedebat verkeersveiligheid gepland op 17 december.", None, "2025-12-04"),
    ("Ik zal u voor het commissiedebat dat gepland staat op 5 juni informeren.", "inform_active", "2013-05-01"),
    ("Ik zal uiteraard trachten de vragen van deze leden zo goed mogelijk te beantwoorden.", None, "2009-11-18"),
    ("De overige vragen zal ik binnen drie weken beantwoorden.", "zal", "2009-11-18"),
    ("Ik ga er vanuit dat Brabant Resources een nieuwe vergunningaanvraag bij het College zal indienen.", None,
     "2011-10-27"),
    ("Gelet op de stand van zaken ga ik ervan uit dat het wetsvoorstel de Kamer aanvang 2006 zal bereiken.", "zal",
     "2005-10-27"),
    # this letter by "de voorliggende brief"; what a promised document will hold
    ("Conform haar toezegging in het commissiedebat zal ik in de voorliggende brief vermelden hoe de instrumenten zijn "
     "verbeterd.", None, "2025-09-24"),
    ("Het onderzoek zal inzicht geven in de pedagogische kwaliteit van de opvang.", None, "2015-12-18"),
    ("Het onderzoek zal in het voorjaar worden afgerond.", "zal", "2015-12-18"),
    # a noun after its article is no participle of a past tense
    ("Het streven is het verbod de eerste helft van 2021 in werking te laten treden.", "planned", "2020-08-25"),
    # a longer term for answering asked of the Kamer is the government's own term
    ("Ik verzoek u de beantwoordingstermijn met 4 weken te verlengen tot 20 februari.", "present_first_person",
     "2008-01-20"),
])
def test_the_budget_named_first_and_what_is_sent_to_the_government(sentence, rule, date):
    assert candidate_of(sentence, date=date).rule == rule


def test_what_follows_in_this_letter_and_a_step_reported_done_are_no_promises():
    outline = "Hierna zal ik ingaan op de stand van zaken per pijler."
    later = "Hierna zal ik uw Kamer informeren over de uitkomsten van het onderzoek."
    quotes = [i.quote for i in extract(doc_of(outline, date="2015-12-18"), threshold=0.5)]
    assert quotes == []
    quotes = [i.quote for i in extract(doc_of(later, date="2015-12-18"), threshold=0.5)]
    assert quotes == [later]
    promise = "Ik zal laten onderzoeken welk budget de openbare bibliotheken de komende jaren nodig hebben."
    quotes = [i.quote for i in extract(doc_of(f"{promise} Dit onderzoek is inmiddels afgerond.", date="2014-04-28"),
                                      threshold=0.0)]
    assert not any(promise in q for q in quotes)
    quotes = [i.quote for i in extract(doc_of(f"{promise} Dit onderzoek is inmiddels gestart.", date="2014-04-28"),
                                      threshold=0.0)]
    assert any(promise in q for q in quotes)


@pytest.mark.parametrize("sentence,rule,date", [
    # the Netherlands standing by as the government
    ("Nederland zal Curaçao desgevraagd en indien mogelijk bijstaan in het realiseren van de gemaakte keuze.", "zal",
     "2012-05-01"),
    # a purchase told in the present, with a government body as subject
    ("Defensie schaft rechtstreeks bij de Duitse industrie tanks aan, inclusief reserveonderdelen.",
     "present_first_person", "2023-02-07"),
    ("Door de herijking verwerft Defensie twintig helikopters voor maritieme taken.", "present_first_person",
     "2011-02-01"),
    ("Veel gemeenten schaffen elektrische bussen aan.", None, "2023-02-07"),
    # a compound whose head is a document is a deliverable
    ("Het ontwerpbesluit zal tevens worden genotificeerd bij de Europese Commissie.", "zal", "2015-06-01"),
    # (costs are no document: not the "zal" rule, the future passive's own; real letters count "De kosten hiervoor
    # zullen worden gedekt vanuit de algemene middelen" as a promise)
    ("De kosten zullen tevens worden gedekt uit de reserve.", "zal_passive", "2015-06-01"),
    # appreciation "goes out to": no future
    ("Mijn waardering gaat dan ook uit naar de inspectie voor het schrijven van een goed leesbaar verslag.", None,
     "2009-06-01"),
    ("Ik ga de inspectie vragen een verslag te schrijven.", "gaan_inf", "2009-06-01"),
    # a meeting abbreviated ("het AO Emancipatie") is an event the step is timed by
    ("Zoals toegezegd stuur ik uw Kamer nog voor het AO Emancipatie een overzicht van de gesubsidieerde organisaties.",
     "inform_active", "2016-01-20"),
    # the preparations aimed at a dated start
    ("De voorbereidingen zijn erop gericht dat het meetprogramma in januari 2016 kan beginnen.", "planned", "2015-06-29"),
    ("Het preventiebeleid is erop gericht dat consumenten gezonder gaan leven.", None, "2015-06-29"),
    # an intended date of entry into force; advice adopted; advice the government will receive
    ("De voorgenomen datum van inwerkingtreding van de wijzigingen is 1 april 2020.", "planned", "2019-12-10"),
    ("Wij nemen de aanbevelingen van de commissie over.", "present_first_person", "2019-12-10"),
    ("Ook de AER zal mij op dit onderwerp in december adviseren.", None, "2003-12-10"),
    ("Ik zal mij in december door de AER laten adviseren.", "zal", "2003-12-10"),
    # the verb right after a fronted clause, its subject after it
    ("Om de samenwerking te stimuleren, organiseren wij op 19 en 20 juni 2019 in Noordwijk een conferentie.",
     "present_first_person", "2018-11-12"),
    # "it concerns", with a phrase between commas; what a framework will be the basis of
    ("Bij beide besluiten gaat het, voor alle duidelijkheid, om conceptteksten die nog in de Ministerraad komen.", None,
     "2010-01-21"),
    ("Dit kader zal de basis vormen voor de toetsing van diersoorten.", None, "2018-11-12"),
    ("Het toetsingskader zal in het voorjaar worden vastgesteld.", "zal", "2018-11-12"),
])
def test_help_a_purchase_a_draft_decree_a_meeting_abbreviated_and_preparations(sentence, rule, date):
    assert candidate_of(sentence, date=date).rule == rule


def test_a_promise_recalled_from_a_debate_named_with_its_references_is_no_report():
    # the occasion of the earlier promise holds references in brackets, commas inside them
    s = ("Zoals toegezegd tijdens het debat op 7 september 2023 (Handelingen II 2022/23, nr. 106, item 3) over het "
         "«burgerinitiatief bevolkingsonderzoek naar borstkanker» (Kamerstuk 36 376, nr. 1) zal ik u voor het einde van "
         "het jaar een inhoudelijke reactie doen toekomen.")
    c = candidate_of(s, date="2023-10-05")
    assert "skip=reporting" not in c.features
    assert c.deadline.due_date == dt.date(2023, 12, 31)
    # what the occasion reports stays a report
    assert rules.REPORTING.match("Zoals gemeld in de brief van 3 maart (Kamerstuk 1, nr. 2) is het onderzoek afgerond.")


@pytest.mark.parametrize("sentence,rule", [
    # the time of the main clause counts when the later one belongs to a request to others
    ("Ik zend binnenkort de gemeenten die nog geen informatie toegezonden hebben, een rappel met het verzoek om binnen "
     "4 weken te reageren.", "present_first_person"),
    ("Ik verzoek de gemeenten om binnen 4 weken te reageren.", None),
])
def test_the_time_of_the_main_clause_before_a_request_to_others(sentence, rule):
    assert candidate_of(sentence, date="2011-09-12").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # a reason that leads to a step: "geeft mij aanleiding om … te"
    ("Dit waardevolle rapport geeft mij aanleiding om met vertegenwoordigers van het Openbaar Ministerie een "
     "bijeenkomst te beleggen.", "intends"),
    ("Het rapport geeft mij geen aanleiding om het beleid te wijzigen.", None),
    # "Ik stel vast dat …" observes; "Ik stel de regeling vast" decides
    ("Ik stel vast dat dit belang nadrukkelijk wordt gedeeld door alle sectoren in het openbaar bestuur.", None),
    ("Ik stel de regeling per 1 juli vast.", "present_first_person"),
    # a person named is another's subject
    ("De heer Van Rompuy zal zijn ideeën voorleggen aan de Europese Raad van 28 en 29 juni, maar de voorbereidende "
     "stukken daarvoor, waaronder dit plan, worden op zijn vroegst 26 juni beschikbaar.", None),
    # the time inside a "teneinde" clause is not the act's
    ("Het kabinet houdt een lijst bij van alle reducties van regeldruk teneinde de voortgang op het bereiken van de "
     "kabinetsdoelstelling (netto reductie van € 2,5 miljard in 2017) te kunnen monitoren.", None),
    ("Het kabinet houdt vanaf 2015 een lijst bij van alle reducties van regeldruk.", "present_first_person"),
])
def test_a_reason_for_a_step_an_observation_a_person_named_and_a_purpose_clause(sentence, rule):
    assert candidate_of(sentence, date="2014-06-11").rule == rule


def test_the_letter_answering_further_on_and_referring_elsewhere_is_no_promise():
    c = candidate_of("De vragen die deze leden stellen zal ik hierna zoveel mogelijk in de volgorde waarin zij gesteld "
                     "zijn, beantwoorden.", date="2016-04-07")
    assert "outline" in c.features
    c = candidate_of("Overigens wil ik voor wat betreft de algemene Nederlandse opstelling verwijzen naar de technische "
                     "briefing aan uw Kamer van 5 april 2012.", date="2012-06-25")
    assert "skip=refers_to" in c.features
    assert "skip=refers_to" not in candidate_of("Ik verwijs naar de brief; in juni zal ik u informeren.").features


def test_the_points_of_a_request_to_the_government_are_no_promises():
    lead = "Hierin wordt de regering verzocht om:"
    item = "• 2. voor 1 juli 2013 de per provincie uitgewerkte plannen voor herhuisvesting aan de Kamer te sturen."
    doc = doc_of("Uw Kamer heeft de motie De Vries aangenomen.", lead, item, date="2013-04-02")
    (c,) = [c for c in candidates(doc) if c.sentence == item]
    assert c.rule is None and "skip=requested" in c.features
    assert not [i for i in extract(doc, threshold=0.0) if "herhuisvesting" in i.quote]
    # a promising lead keeps its items
    doc = doc_of("Ik neem de volgende maatregelen:", "• voor 1 juli 2013 stuur ik de plannen aan de Kamer.", date="2013-04-02")
    assert [i for i in extract(doc) if "plannen" in i.quote]


def test_alsdan_takes_in_the_sentence_it_refers_to():
    first = ("Als het amendement wordt aangenomen, maakt het integraal onderdeel uit van het wetsvoorstel, dat ter "
             "behandeling aan de Eerste Kamer zal worden voorgelegd.")
    second = "Ik zal alsdan over de inhoud van het amendement het oordeel van de Raad van State vragen."
    assert candidate_of(second, f"{first} {second}", date="2015-06-18").quote == f"{first} {second}"


def test_a_dated_instance_of_a_recurring_promise_is_an_item_of_its_own():
    first = "Over de voortgang wordt twee keer per jaar aan de Kamer gerapporteerd middels een voorjaars- en een najaarsrapportage."
    second = ("De laatste najaarsrapportage is in december 2013 naar de Kamer gestuurd, de eerstvolgende voorjaarsrapportage "
              "ontvangt de Kamer voor de zomer van 2014.")
    items = extract(doc_of(f"{first} {second}", date="2014-06-11"), threshold=0.0)
    assert [i.deadline.due_date for i in items if second in i.quote and first not in i.quote] == [D("2014-07-04")]


@pytest.mark.parametrize("sentence,rule", [
    # a covenant is a deliverable
    ("Het convenant zal in samenwerking met ProRail en de politie uitgewerkt worden.", "zal"),
    # a recalled statement ended by a colon, the promise restated after it
    ("Zoals wij in onze brief van 25 januari jl. duidelijk maakten: nieuwe informatie over de wrakken zal altijd "
     "worden onderzocht.", "zal"),
    # (not when the main clause stands before the colon)
    ("Zoals mijn ambtsvoorganger uiteengezet heeft is deze maatregel noodzakelijk: er is nog steeds een tekort.", None),
])
def test_a_covenant_and_a_statement_restated_after_a_colon(sentence, rule):
    assert candidate_of(sentence, date="2018-02-07").rule == rule


@pytest.mark.parametrize("first", [
    # the step has a date of its own (the meeting), the Kamer is told later
    "In een gesprek met de Raad van Toezicht op 9 februari zal ik deze nieuwe informatie bespreken en afspraken maken "
    "over de vervolgstappen.",
    # the step has no time of its own
    "Mede op basis van deze expertises zal ik besluiten nemen.",
])
def test_the_kamer_told_later_about_a_step_is_one_promise_due_then(first):
    second = "Ook daarover zal ik u voor 16 maart aanstaande informeren."
    items = extract(doc_of(f"{first} {second}", date="2000-02-09"), threshold=0.0)
    assert [(i.quote, i.deadline.due_date) for i in items] == [(f"{first} {second}", D("2000-03-15"))]


@pytest.mark.parametrize("sentence,rule", [
    # the Kamer named before the verb of a conditional promise
    ("Als de resultaten uit het onderzoek aanleiding geven tot een beleidsreactie zal ik de Kamer een brief toesturen.", "zal"),
    # a prediction verb in the purpose of the act is no prediction
    ("Gelet op het belang dat ik hecht aan certificering van vis, zal ik het bedrijfsleven op sectorniveau faciliteren "
     "om certificeringtrajecten te kunnen aanvangen en uitvoeren.", "zal"),
    # "niet-" opens a compound, it negates nothing
    ("Namens de Staatssecretaris deel ik u mede dat ook de Regeling tegemoetkoming niet-loondienstgerelateerde "
     "slachtoffers van mesothelioom zal worden uitgebreid met asbestose.", "zal"),
    # (a negation still is one)
    ("De Regeling tegemoetkoming slachtoffers van mesothelioom zal niet worden uitgebreid met asbestose.", None),
    # a name given in the text is no promise
    ("De Wet op de lijkbezorging zal in het vervolg ook worden aangeduid als: de Wlb.", None),
])
def test_a_condition_naming_the_kamer_a_purpose_clause_and_a_compound_with_niet(sentence, rule):
    assert candidate_of(sentence, date="2014-03-01").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # the government's own act expected, with its time
    ("De verwachting is dat Defensie het onderzoek eind september zal voltooien.", "zal"),
    # (another's act expected stays a prediction)
    ("De verwachting is dat de commissie het onderzoek eind september zal voltooien.", None),
    # the simple past of "ontvangen" is no present act
    ("Op 3 maart ontving ik de vragen die gesteld zijn door het lid Belhaj over het bericht.", None),
])
def test_the_government_expected_to_act_and_a_receipt_in_the_past(sentence, rule):
    assert candidate_of(sentence, date="2017-03-20").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # a subject the government wants to raise in a council is its own step
    ("Dat onderwerp wil ik derhalve op korte termijn in de ministerraad van het Koninkrijk opnieuw aan de orde stellen.",
     "willen_concrete"),
    # "laat mij" is "leaves me", nobody is asked to research anything
    ("Dit laat mij onvoldoende ruimte om de resultaten van het onderzoek te voorzien van een adequate beleidsreactie.", None),
    # (the government having research done keeps its rule)
    ("Ik laat de effecten van de maatregel onderzoeken.", "laten"),
])
def test_a_subject_raised_in_council_and_laat_mij(sentence, rule):
    assert candidate_of(sentence, date="2014-12-03").rule == rule


@pytest.mark.parametrize("sentence,skip", [
    # a conviction about what will happen is no act of the government
    ("Ik ben er derhalve van overtuigd dat het aantal van 85% in de toekomst nog verder zal worden uitgebreid.",
     "skip=conviction"),
    # another body proposing something to the minister is that body's step
    ("Het IPO zal mij een voorstel doen over de verdeling van het reguliere budget over de provincies.", "skip=sent_to_us"),
])
def test_a_conviction_and_a_proposal_made_to_the_minister(sentence, skip):
    c = candidate_of(sentence, date="2011-03-14")
    assert skip in c.features and c.rule is None
    # (the government's own proposal stays a promise)
    assert candidate_of("Ik zal de Kamer voor de zomer een voorstel doen over de verdeling van het budget.",
                        date="2011-03-14").rule is not None


@pytest.mark.parametrize("sentence,rule", [
    # what cannot be done by a date is no promise to do it by then
    ("Niettemin zal het onmogelijk zijn om de Nota van Wijziging al begin april aan uw Kamer te hebben toegezonden.", None),
    # the provinces' umbrella proposing a division is its own step, not the government's
    ("Zoals afgesproken zal het IPO met een voorstel komen voor de verdeling van het macrobudget onder de provincies.", None),
    # (the government's own proposal stays a promise)
    ("Zoals afgesproken zal ik met een voorstel komen voor de verdeling van het macrobudget onder de provincies.", "zal"),
])
def test_what_is_impossible_and_the_provinces_own_proposal(sentence, rule):
    c = candidate_of(sentence, date="2011-04-04")
    assert c.rule == rule
    if "onmogelijk" in sentence:
        # a veto keeps the model from proposing the sentence on its own
        assert "skip=impossible" in c.features
        assert not extract(doc_of(sentence, date="2011-04-04"), threshold=0.0)


@pytest.mark.parametrize("sentence,rule", [
    # a future passive with the government as the implied agent is read, without a time or a document
    ("De dieren op deze bedrijven en de hobbymatig gehouden dieren in de gebieden zullen preventief worden geruimd.",
     "zal_passive"),
    ("De kosten hiervoor zullen worden gedekt vanuit de algemene middelen.", "zal_passive"),
    # (not a prediction, another's act, or a negated act)
    ("De vraag naar zorg zal de komende jaren toenemen.", None),
    ("Het rapport zal door de gemeenten worden opgesteld.", None),
    ("Deze kosten zullen niet worden vergoed.", None),
])
def test_a_future_passive_without_time_or_document(sentence, rule):
    assert candidate_of(sentence, date="2011-03-25").rule == rule


@pytest.mark.parametrize("sentence,rule,skip", [
    # a plan that was, told in a letter that postpones it ("zou", not "zal")
    ("Ik zou de Tweede Kamer hierover vóór het zomerreces informeren.", None, "skip=past_future"),
    # (a wish in "zou … willen" is no past plan)
    ("Ik zou u graag voor de zomer willen informeren over de uitkomsten.", None, "!skip=past_future"),
    # what will not be possible is no promise
    ("Om de hierboven vermelde redenen zal ik derhalve niet kunnen ingaan op uw verzoek om voor 1 februari 2000 een "
     "reactie te geven.", None, "skip=could_not"),
    # this letter's own sections and its receipt
    ("Aan het slot van mijn brief zal ik waar nodig nog specifieker ingaan op vragen die door uw Kamer zijn gesteld.",
     None, "skip=this_letter"),
    ("Ik zal daarna aandacht besteden aan de tarieven van de keuringsdiensten.", None, "skip=in_letter"),
    ("Vooruitlopend op het algemeen overleg over AWACS op 11 december a.s. ontvangt u deze stand van zaken brief.",
     None, "skip=this_letter"),
    ("U ontvangt het advies van DEGAS thans ter kennisneming.", None, "skip=enclosed"),
    # the Kamers' own rights in a voorhang or nahang
    ("In verband met het meireces van uw Kamer wordt de termijn verlengd tot donderdag 18 mei 2023.", None,
     "skip=kamer_term"),
    ("Binnen dertig dagen na de overlegging kan door ten minste vijftien leden van de Eerste Kamer te kennen worden "
     "gegeven dat de inwerkingtreding van dit besluit bij wet zal worden geregeld.", None, "skip=kamer_term"),
    # "Wat betreft" is "as for", no embedded question
    ("Wat betreft het beleid rond het vliegen boven stiltegebieden zal u afzonderlijk worden geïnformeerd.",
     "inform_passive", None),
    # a ministry by its (former) initials is the government
    ("EZ zal een alternatief financieringsmodel uitwerken.", "zal", None),
    ("EL&I zal daarbij waar nodig technische assistentie faciliteren.", "zal", None),
    # the government wanting to reach or continue something concrete
    ("In nauw overleg met provincies en gemeenten wil ik komen tot de juiste tracés voor deze verbindingen.",
     "willen_concrete", None),
    ("Naar aanleiding van de positieve resultaten van deze evaluatie wil het kabinet de regeling continueren.",
     "willen_concrete", None),
    # a present passive over the coming years is a step to come
    ("Deze monitoring wordt de komende jaren voortgezet.", "present_with_time", None),
    # a future passive in a relative clause, the sentence's own verb after it, is no promise
    ("De totale omvang van het budget dat bij afronding van het programma zal worden overgeheveld is op dit moment nog "
     "onbekend.", None, None),
    # (the future passive as the sentence's own verb stays one)
    ("Het budget zal bij afronding van het programma worden overgeheveld.", "zal_passive", None),
])
def test_past_plans_letter_sections_kamer_rights_and_ministries_by_initials(sentence, rule, skip):
    c = candidate_of(sentence, date="2013-04-24")
    assert c.rule == rule
    if skip and skip.startswith("!"):
        assert skip[1:] not in c.features
    elif skip:
        assert skip in c.features


def test_items_that_only_limit_a_lead_in_leave_the_lead_in_the_promise():
    cands = candidates(doc_of(
        "Naast de zware toestellen zullen ook de lichte toestellen worden toegelaten op de burgerluchtvaartterreinen:",
        "• met uitzondering van snorvliegtuigen,",
        "• waarbij aangetoond moet kunnen worden dat de vliegtuigen goed worden onderhouden.", date="2004-09-20"))
    by_start = {" ".join(c.sentence.split())[:20]: c for c in cands}
    assert by_start["Naast de zware toest"].rule is not None
    assert all(c.rule is None for c in cands if c.sentence.lstrip().startswith("•"))


@pytest.mark.parametrize("sentence,rule", [
    # what is told "hierbij" is the government's own delivery to come: a promise, also with "mede namens …" between
    ("Hierbij informeer ik u, mede namens de Minister van Defensie, dat wij u begin oktober het BNC-fiche doen toekomen.",
     "announced_that"),
    # (what is told is done: this letter's news, no promise)
    ("Hierbij informeer ik u, mede namens de Minister van Defensie, dat wij het BNC-fiche begin oktober hebben verstuurd.",
     None),
    # "heb ik het voornemen om …" is an intention, not a perfect tense
    ("Overeenkomstig de rijksbrede lijn heb ik het voornemen om het geschetste perspectief te vertalen in een formele "
     "begroting.", "intends"),
    # (an intention told before, in the perfect, is not one)
    ("Bij de behandeling heb ik het voornemen van het kabinet uitgesproken om de afbouw van het staatsbelang te hernemen.",
     None),
])
def test_an_own_delivery_told_hierbij_and_an_intention_held(sentence, rule):
    assert candidate_of(sentence, date="2023-09-15").rule == rule


def test_from_now_on_makes_a_time_phrase_recurring():
    s = ("De voortgang van de uitvoering van de plannen zal voortaan deel uitmaken van de begrotingscyclus en in de "
         "Miljoenennota terugkomen.")
    dl = find_phrase(s, D("2003-10-01"))
    assert dl.kind == "recurring" and dl.due_date is None
    # (without "voortaan" the Miljoenennota is the next Prinsjesdag)
    assert find_phrase(s.replace(" voortaan", ""), D("2003-10-01")).due_date is not None


@pytest.mark.parametrize("sentence,rule", [
    # "als" with a noun is no condition: the intention after it stands
    ("Als waarborg voor een zorgvuldige deregulering van verrichtingen, waarvan de vergunningplicht van de WBMV is komen "
     "te vervallen, ben ik voornemens een wetswijziging in procedure te brengen om een tijdelijke «startmeldingsplicht» "
     "in te voeren.", "intends"),
    # (a real condition without a time still holds nothing)
    ("Als de gemeenten daarom vragen, ben ik voornemens de regeling aan te passen.", None),
    # "ligt het in ons voornemen …" as "ligt het in mijn voornemen …"
    ("Zodra dit standpunt bepaald is ligt het in ons voornemen dit standpunt tezamen met het onderliggende advies aan de "
     "Tweede Kamer kenbaar te maken.", "intends"),
    # the infinitive "te zullen" is no future of the main clause: an earlier announcement …
    ("Om meer inzicht te krijgen in de ervaren knelpunten, gewenste oplossingen en de behoefte aan nader onderzoek, heb "
     "ik aangekondigd eerst verder in gesprek te zullen treden met diverse partijen.", None),
    # … but an own expectation with "te zullen" still promises
    ("Op deze punten verwacht ik rond het krokusreces een nota van wijziging te zullen indienen.", "verwacht_te"),
    # a motion's request with its movers named before the verb is the Kamer's, not the government's
    ("In de motie van de leden Jacobi (PvdA) en Van Gerven (SP) wordt gevraagd om een plan van aanpak op te stellen om "
     "de alternatieven voor oormerken zo spoedig mogelijk te realiseren (TK 21 501-32, nr. 618).", None),
])
def test_nouns_after_als_intentions_of_ours_te_zullen_and_movers_of_a_motion(sentence, rule):
    assert candidate_of(sentence, date="2010-05-12").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # a possibility told with the verb first is no promise: "Ook is het mogelijk dat …"
    ("Ook is het mogelijk dat Nederland in de nabije toekomst om een bijdrage zal worden gevraagd voor "
     "veiligheidsgaranties in Oekraïne.", None),
    # a decision with a long object before "te" is as much a decision as with a short one
    ("Met de brede steun voor het huidige instrumentarium heb ik besloten de VFF, de SEED-regeling, het IK en de "
     "Thematische Technologie Transfer (TTT) voor een periode van vijf jaar te verlengen.", "decided"),
    # (a decision that was, in the past, stays none)
    ("In 2019 had ik besloten de VFF, de SEED-regeling, het IK en de Thematische Technologie Transfer (TTT) voor een "
     "periode van vijf jaar te verlengen.", None),
])
def test_a_possibility_with_the_verb_first_and_a_decision_with_a_long_object(sentence, rule):
    assert candidate_of(sentence, date="2025-03-10").rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # a letter already sent, named by its date, is described, not announced
    ("In mijn brief van 5 juli 2007 ga ik onder meer nader in op de mogelijkheden van een gefaseerde aanleg van de "
     "IJsselkruising van de Hanzelijn.", None),
    # (a later letter still announces what it will go into)
    ("In een volgende brief ga ik nader in op de mogelijkheden van een gefaseerde aanleg van de IJsselkruising van de "
     "Hanzelijn.", "goes_into"),
])
def test_a_letter_named_by_its_date_is_one_already_sent(sentence, rule):
    assert candidate_of(sentence, date="2007-08-30").rule == rule


@pytest.mark.parametrize("before,promise,joined", [
    # the promise takes up the sentence before ("zodra", the same topic): that sentence says what it is about
    ("Het kabinet heeft de Gezondheidsraad om advies gevraagd over de vaccinatie van zorgmedewerkers.",
     "Ik zal uw Kamer in maart 2014 het kabinetsstandpunt over het advies van de Gezondheidsraad sturen.", True),
    ("Het huis staat inmiddels te koop.", "Zodra het verkocht is zal dat worden meegedeeld.", True),
    # a shorter sentence before is context even without a word that links them (a pronoun, the topic itself)
    ("NOC*NSF kent de resultaten ook.", "Binnenkort zal ik met hen in gesprek gaan.", True),
    ("Voor het project gaat een tracéwetprocedure worden gevolgd.",
     "Afgesproken is dat de Startbeslissing nog in 2015 zal worden genomen.", True),
    # a longer one (up to twice the promise) when the promise takes it up (its topic) and it is no promise itself
    ("De metingen rond de luchthaven laten zien dat de concentraties ultrafijn stof bij oostenwind hoger zijn dan bij "
     "westenwind.", "De Kamer ontvangt in het najaar een rapport over de concentraties ultrafijn stof.", True),
    # (not when a rule reads a promise in it: a quote made mostly of it would be taken for that sentence)
    ("Ik heb besloten de politieacademie ten aanzien van het beheer nagenoeg volledig te integreren met de nationale "
     "politie.", "Ik zal mijn eerdere voorstel voor de positionering van de academie daarop aanpassen.", False),
    # (nor a sentence with a time of its own: it dates another act)
    ("Op 1 mei start de pilot.", "Ik informeer uw Kamer in september over de eerste resultaten.", False),
    # (nor one before a promise that opens a further point)
    ("De pilot loopt goed.", "Daarnaast zal ik uw Kamer in september een evaluatie sturen.", False),
    # (nor when nothing takes it up, nor when it is more than twice as long)
    ("De jaarrapportage over de luchtkwaliteit in de grote steden laat zien dat de concentraties van stikstofdioxide "
     "opnieuw zijn gedaald.", "Uw Kamer ontvangt in oktober het plan voor de havens.", False),
    ("Het onderzoek naar de emissie van ultrafijn stof rond de luchthaven, dat door het RIVM in opdracht van het "
     "ministerie is uitgevoerd, laat zien dat omwonenden een verhoogd risico lopen op luchtwegklachten.",
     "Hierover informeer ik uw Kamer in mei.", False),
])
def test_a_promise_that_leans_back_quotes_the_sentence_before(before, promise, joined):
    items = extract(doc_of(f"{before} {promise}", date="2015-06-01"))
    assert [i.quote for i in items] == [f"{before} {promise}" if joined else promise]
    assert items[0].span[1] == len(before) + 1 + len(promise)


@pytest.mark.parametrize("before,joined", [
    # the promise takes up the sentence before ("Daarover"): that sentence says what it is about
    ("De komende periode wordt gekeken wat nodig is.", True),
    # (not one with more than 2.6 times the promise's words: a quote made mostly of it would be taken for that
    # sentence, and the annotators of ../shared/gold quote the promise alone)
    ("De komende periode wordt samen met het veld gekeken wat er nodig is om deze knelpunten weg te nemen.", False),
])
def test_the_sentence_before_joins_the_quote_only_while_the_promise_keeps_a_fair_share(before, joined):
    promise = "Daarover wordt u in 2025 nader geïnformeerd."
    [cand] = [c for c in candidates(doc_of(f"{before} {promise}", date="2025-04-15")) if c.sentence.strip() == promise]
    assert cand.quote == (f"{before} {promise}" if joined else promise)
    assert cand.deadline.due_date == dt.date(2025, 12, 31)


@pytest.mark.parametrize("promise,after,joined", [
    # the sentence after takes up the promise ("Dit wetsvoorstel"): it says what the promise holds
    ("Ik zal uw Kamer in het voorjaar van 2015 een wetsvoorstel sturen.",
     "Dit wetsvoorstel regelt de overgang van de taken naar de gemeenten.", True),
    # (a sentence on another topic stays out, and so does one that opens a further point)
    ("Ik zal uw Kamer in het voorjaar van 2015 een wetsvoorstel sturen.",
     "De gemeenten ontvangen hun uitkering via het Gemeentefonds.", False),
    ("Ik zal uw Kamer in het voorjaar van 2015 een wetsvoorstel sturen.",
     "Daarnaast regelt dit wetsvoorstel de overgang van taken.", False),
    # (so does one as long as the promise: on a tie the scorer would take the quote for that sentence)
    ("Ik zal uw Kamer in het voorjaar een wetsvoorstel sturen.",
     "Dit wetsvoorstel regelt de overgang van taken naar de gemeenten.", False),
])
def test_a_sentence_after_that_takes_up_the_promise_joins_its_quote(promise, after, joined):
    items = extract(doc_of(f"{promise} {after}", date="2014-06-01"))
    assert [i.quote for i in items] == [f"{promise} {after}" if joined else promise]


@pytest.mark.parametrize("after,due", [
    # the sentence after says when the promise is kept: one promise over two sentences, due when that sentence says
    ("De verwachting is dat deze consultatie de eerste helft 2019 kan plaatsvinden.", "2019-06-30"),
    # (the time of a sentence on another topic, which stays out of the quote, is not the promise's)
    ("De gemeenten ontvangen hun uitkering in de eerste helft van 2019.", None),
])
def test_a_promise_quoted_with_the_sentence_after_is_due_when_that_sentence_says(after, due):
    promise = ("De mogelijkheden en voorwaarden om zoogdiersoorten in Nederland te houden en de definitieve lijst van "
               "dieren zullen ook ter consultatie op internet worden geplaatst.")
    items = extract(doc_of(f"{promise} {after}", date="2018-11-12"))
    assert items[0].quote.startswith(promise)
    assert items[0].deadline.due_date == (dt.date.fromisoformat(due) if due else None)
    assert items[0].quote.endswith(after) == bool(due)


@pytest.mark.parametrize("sentence,rule", [
    # a relative clause between commas pushes the object away from its verbs: the rules read the sentence without it
    ("Mijn beleidsreactie op het advies van deze commissie, die onder leiding staat van prof. dr. Rinnooy Kan, "
     "verwacht ik u in oktober te kunnen toezenden.", "verwacht_te"),
    ("De reactie op dit rapport, waarin de inspectie ook de regionale verschillen beschrijft, verwacht ik u voor de "
     "zomer te kunnen sturen.", "verwacht_te"),
    # (a sentence that is no promise stays none, with or without its clause)
    ("De rapportage, die het CBS jaarlijks opstelt, laat een daling van het aantal meldingen zien.", None),
])
def test_a_relative_clause_between_commas_does_not_hide_the_promise(sentence, rule):
    [cand] = [c for c in candidates(doc_of(sentence, date="2013-05-01")) if c.sentence.strip() == sentence]
    assert cand.rule == rule


@pytest.mark.parametrize("sentence,rule", [
    # the future verb read past a relative clause at the sentence's end ("…, op basis waarvan … kunnen worden")
    ("Er zullen indicatoren worden vastgesteld, op basis waarvan de trends verder geconcretiseerd kunnen worden.",
     "zal_passive"),
    # the Kamer "bericht" (informed) in the passive
    ("Over de uitkomst daarvan wordt u in de hiervoor genoemde notitie bericht.", "inform_passive"),
    # what the Kamer is expected to receive, in a clause after "verwacht dat"
    ("Het BIT verwacht dat u voor de zomer 2018 het advies van het BIT ontvangt.", "kamer_receives"),
    # the verb before its subject after a fronted clause: "…, verwacht ik nu dat ik …"
    ("Aangezien de onderzoekers meer bronnen hebben betrokken, verwacht ik nu dat ik de resultaten eind april kan "
     "afronden.", "verwacht_te"),
    # a research question the government takes up, in the present; a survey in the passive ("in beeld gebracht")
    ("We onderzoeken of het mogelijk is om retailers te verplichten een groter aandeel tweedehands producten aan te "
     "bieden.", "present_research"),
    ("Daarnaast verkennen we of aanvullend instrumentarium nodig is om bodemafdekking te verminderen.",
     "present_research"),
    ("De omvang van alle grondwateronttrekkingen wordt in beeld gebracht.", "present_research"),
    # agreements made, in the present passive with the government as implied party
    ("Met Vewin en VEMW worden afspraken gemaakt over drinkwaterbesparing bij alle watergebruikers.", "decision_passive"),
    # a compound's head is the document that follows ("eindrapport")
    ("Het eindrapport over het noodhulpprogramma volgt zo spoedig mogelijk.", "volgt"),
    # (not a prediction with a clause after it, what a report shows, agreements already made, or a wish)
    ("Het gebruik zal toenemen, waardoor de kosten stijgen.", None),
    ("Uit het eindrapport volgt dat de kosten stijgen.", None),
    ("Er zijn afspraken gemaakt over de inzet.", None),
    ("Ik hoop dat u hiermee voldoende informatie ontvangt.", None),
])
def test_a_clause_after_the_future_verb_research_questions_and_compound_documents(sentence, rule):
    assert candidate_of(sentence, date="2017-09-01").rule == rule


def test_a_dated_promise_and_the_promise_that_takes_it_up_are_two_items():
    # the annotators count the dated act and quote the sentence that goes on about it apart (often borderline): one
    # quote of both would be taken for the longer sentence, and the dated promise would count as missed
    first = "In het najaar van 2020 zal ik in afstemming met het Veiligheidsberaad een besluit nemen over de sirenes."
    second = "Dit besluit zal ik voorleggen aan uw Kamer conform de motie van het lid Wolbert."
    items = extract(doc_of(f"{first} {second}", date="2020-03-10"))
    assert [i.quote for i in items] == [first, second]
    assert items[0].deadline.due_date == D("2020-12-20") and items[1].deadline.due_date is None
    # (an undated promise and the dated one that takes it up stay one promise, due when the second says)
    first = "Er wordt een reactie op het advies opgesteld."
    second = "Daarin zal ik in mei ingaan op de kosten van de maatregelen."
    items = extract(doc_of(f"{first} {second}", date="2015-02-10"))
    assert [i.quote for i in items if second in i.quote] == [f"{first} {second}"]


@pytest.mark.parametrize("sentence,rule", [
    # the RIVM and the KNMI are the ministries' own agencies (agentschappen of VWS and IenW), as Rijkswaterstaat and RVO:
    # what they will do, a minister's letter promises
    ("Daarnaast zal het RIVM in 2023 zorgdragen voor verschillende internationale publicaties over het onderzoek.", "zal"),
    ("Het RIVM is voornemens om vanaf 2023 ook de emissies boven 3.000 voet inzichtelijk te maken.", "intends"),
    ("Het KNMI zal in 2023 de nieuwe klimaatscenario’s publiceren.", "zal"),
    # (an independent planning bureau or a municipality still acts for itself)
    ("Het CPB zal in augustus 2023 de nieuwe raming publiceren.", None),
    ("De gemeenten zullen in 2023 de nieuwe regeling uitvoeren.", None),
])
def test_the_ministries_own_agencies_act_for_the_government(sentence, rule):
    assert candidate_of(sentence, date="2022-12-22").rule == rule
