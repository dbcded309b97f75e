"""Commitment extractor: small Dutch snippets (positives and negatives) and the shared gold set."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from commitments.extraction.extractor import extract
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
]


@pytest.mark.parametrize("sentence,due", POSITIVES, ids=[p[0][:50] for p in POSITIVES])
def test_it_finds_commitments_in_government_prose(sentence, due):
    items = extract(doc_of(sentence))
    assert len(items) == 1, items
    assert items[0].quote == sentence
    assert (items[0].deadline.due_date.isoformat() if items[0].deadline.due_date else None) == due


@pytest.mark.parametrize("sentence", NEGATIVES, ids=[n[:50] for n in NEGATIVES])
def test_it_ignores_questions_past_actions_and_others(sentence):
    assert extract(doc_of(sentence)) == []


def test_it_reports_a_verbatim_repeat_once():
    s = "Uw Kamer wordt vóór de zomer van 2026 geïnformeerd over de uitkomsten."
    assert len(extract(doc_of(s, "Andere tekst. " + s, date="2026-05-20"))) == 1


def test_it_resolves_actor_kind_and_deliverable():
    item = extract(doc_of("Uw Kamer ontvangt voor de zomer een brief over de voortgang van de aanpak."))[0]
    assert item.actor == "de minister van Volksgezondheid, Welzijn en Sport"
    assert item.kind == "send_document"
    assert "brief over de voortgang" in item.deliverable
    named = extract(doc_of("Daarnaast gaat de staatssecretaris van Onderwijs, Cultuur en Wetenschap in het najaar "
                           "met de sector in gesprek."))[0]
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
