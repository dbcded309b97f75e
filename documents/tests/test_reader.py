"""Reader tests: golden values per corpus document (hand-checked against the texts),
one case per citation form, docx/PDF round trips and bad input. No database, no Django.

Run: .venv/bin/python -m pytest -p no:django documents/tests -q
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from documents.reader import PassageKind, ReaderError, parse_text, read_document
from documents.reader.citations import find_citations, find_motions
from documents.reader.parse import split_paragraphs

from .builders import make_docx, make_letter_pdf

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
F000 = CORPUS / "000_f3750f973495ae9b.txt"
F001 = CORPUS / "001_3eec2496caf3007a.txt"
F002 = CORPUS / "002_0a29cf3916a2a4d9.txt"
F003 = CORPUS / "003_3dae4a2d5cfb7524.txt"
F004 = CORPUS / "004_23a8b92f44a7dc28.txt"

_cache: dict[Path, object] = {}


def doc(path: Path):
    if path not in _cache:
        _cache[path] = read_document(path)
    return _cache[path]


# ---------------------------------------------------------------------------------------
# citation forms

CITATION_CASES = [
    ("Kamerstuk 31 497, nr. 507", ["31497-507"]),
    ("Kamerstuk 31497, nr. 507", ["31497-507"]),
    ("Kamerstuk II, 2025-2026, 31497, nr. 507", ["31497-507"]),
    ("Kamerstukken II 2024/25, 31 839 nr. 1397", ["31839-1397"]),
    ("Kamerstukken II, vergaderjaar 2023 – 2024, 31497 nr. 475", ["31497-475"]),
    ("Kamerstukken II 2022/23, 3 1 497, nr. 444.", ["31497-444"]),
    ("Kamerstukken II 2023/24, 36410-VIII, nr. 21.", ["36410-VIII-21"]),
    ("Kamerstukken II 2023/24, 36410-VIII, nr. 125. ", ["36410-VIII-125"]),
    ("Kamerstukken 33400-J, nrs. 12 en 15", ["33400-J-12", "33400-J-15"]),
    ("Kamerstukken II 2020/21, 31497, nr. 364 en 371.", ["31497-364", "31497-371"]),
    ("Kamerstukken II 2022/23, 31 497, nr. 448 en 466. ", ["31497-448", "31497-466"]),
    ("Kamerstukken II 2020/21, 31497, nr. 373 en Kamerstukken II, 2022/23, 31497, nr. 452.", ["31497-373", "31497-452"]),
    ("Kamerstukken II 2022/2023, 31497, nr. 463.", ["31497-463"]),
    ("Kamerstuk 2018/19 26695, nr. 123.", ["26695-123"]),
    ("zie Kamerstuk 31\n497, nr.\n507 en verder", ["31497-507"]),  # broken across lines
    ("Kamer-\nstukken II 2023/24, 31293, nr. 711", ["31293-711"]),
    ("Bijlage bij Kamerstukken II, vergaderjaar 2023 – 2024, 31497 nr. 475.", ["31497-475"]),
    ("Kamerstuk 24 170, nr. 34, p. 44-45", ["24170-34"]),
    ("Motie Heerema over de TLV, 31497, nr. 307 ", ["31497-307"]),
    ("https://zoek.officielebekendmakingen.nl/kst-31497-269.html", ["31497-269"]),
    ("Kamerstukken II 2023/24, 36200-VII, nr. 225.", ["36200-VII-225"]),
]


@pytest.mark.parametrize("text,keys", CITATION_CASES, ids=[c[0][:40] for c in CITATION_CASES])
def test_it_resolves_every_kamerstuk_form_to_one_key(text, keys):
    assert [c.key for c in find_citations(text) if c.kind == "kamerstuk"] == keys


@pytest.mark.parametrize(
    "text,other",
    [
        ("Aanhangsel Handelingen II, 2024/25, nr. 832. ", "Aanhangsel Handelingen II, 2024/25, nr. 832"),
        ("https://www.tweedekamer.nl/kamerstukken/moties/detail?id=2019Z12006&did=2019D24773", "2019Z12006"),
        ("Kamerstuk 2022Z24775", "2022Z24775"),
        ("commissiebrief met kenmerk 2021D42447.", "2021D42447"),
    ],
)
def test_it_keeps_non_kamerstukken_as_other_references(text, other):
    cits = find_citations(text)
    assert all(c.key is None for c in cits)
    assert other in [c.text for c in cits if c.kind == "other"]


MOTION_CASES = [
    ("de uitwerking van de motie Westerveld/De Hoop[footnoteRef:1] die in april", "motie Westerveld/De Hoop", "31497-462", ["Westerveld", "De Hoop"]),
    ("In 2025 is de motie Westerveld[footnoteRef:3] aangenomen", "motie Westerveld", "31497-507", ["Westerveld"]),
    ("de aangenomen motie Westerveld c.s.[footnoteRef:2] over het", "motie Westerveld c.s.", "31497-487", ["Westerveld"]),
    ("de aangenomen motie[footnoteRef:4] van de leden Kwint en Westerveld als afgedaan", "motie van de leden Kwint en Westerveld", "31497-409", ["Kwint", "Westerveld"]),
    ("conform de motie van de leden Kwint (SP) en Westerveld (GroenLinks-PvdA).[footnoteRef:5] De", "motie van de leden Kwint en Westerveld", "31497-456", ["Kwint", "Westerveld"]),
    ("Middels de motie van het lid Hagen (D66)[footnoteRef:6] heeft uw Kamer", "motie van het lid Hagen", "36410-VIII-21", ["Hagen"]),
    ("de motie van de leden Kwint/Van den Hul (SP/PvdA)[footnoteRef:7] tot en met 2027", "motie van de leden Kwint/Van den Hul", "31497-377", ["Kwint", "Van den Hul"]),
    ("Conform de motie Bisschop bezien wij dit.", "motie Bisschop", None, ["Bisschop"]),
]
FOOTNOTES = {
    "1": "Kamerstuk 31 497, nr. 462.", "2": "Kamerstuk 31 497, nr. 487.", "3": "Kamerstuk II, 2025-2026, 31497, nr. 507",
    "4": "Kamerstuk 31497, nr. 409", "5": "Kamerstukken II 2022/23, 31497, nr. 456. ", "6": "Kamerstukken II 2023/24, 36410-VIII, nr. 21.",
    "7": "Kamerstukken II 2020/21, 31497, nr. 377",
}


@pytest.mark.parametrize("text,name,key,submitters", MOTION_CASES, ids=[c[1] for c in MOTION_CASES])
def test_it_names_motions_with_the_key_from_their_footnote(text, name, key, submitters):
    ms = find_motions(text, FOOTNOTES)
    assert [(m.name, m.key, m.submitters) for m in ms] == [(name, key, submitters)]


def test_it_ignores_unnamed_motions_without_a_footnote():
    assert find_motions("Wanneer wordt deze motie eindelijk uitgevoerd? De motie vroeg om stappen.", {}) == []


# Issue 15, item 12: motions cited inline in parentheses, two submitters with a slash,
# plural "Kamerstukken", citations broken over lines, and "van Tweede Kamerlid".
INLINE_MOTION_CASES = [
    ("Conform de motie Jansen/De Vries (Kamerstukken 36 100, nr. 12) is een plan gemaakt.",
     "motie Jansen/De Vries", "36100-12", ["Jansen", "De Vries"]),
    ("Conform de motie Jansen/De\nVries (Kamerstukken 36 100,\nnr. 12) is een plan gemaakt.",
     "motie Jansen/De Vries", "36100-12", ["Jansen", "De Vries"]),
    ("Conform de motie Jansen/De Vries (Kamerstukken II 2023/24, 36 100, nr. 12) is een plan gemaakt.",
     "motie Jansen/De Vries", "36100-12", ["Jansen", "De Vries"]),
    ("Uw Kamer heeft per motie (Kamerstukken 36 100, nr. 12) gevraagd om een plan.",
     "motie", "36100-12", []),
    ("Uw Kamer heeft per motie\n(Kamerstukken 36 100,\nnr. 12) gevraagd om een plan.",
     "motie", "36100-12", []),
    ("Met de motie van Tweede Kamerlid Jansen (Kamerstuk 36 100, nr. 12) is gevraagd om een plan.",
     "motie Jansen", "36100-12", ["Jansen"]),
    ("Met de motie van het Tweede Kamerlid Jansen (CDA) (Kamerstuk 36 100, nr. 12) is gevraagd om een plan.",
     "motie Jansen", "36100-12", ["Jansen"]),
    ("De motie van Kamerleden Jansen en De Vries vraagt om een plan.",
     "motie Jansen en De Vries", None, ["Jansen", "De Vries"]),
]


@pytest.mark.parametrize("text,name,key,submitters", INLINE_MOTION_CASES, ids=[c[0][:40] for c in INLINE_MOTION_CASES])
def test_it_links_motions_cited_inline_in_parentheses(text, name, key, submitters):
    ms = find_motions(text, {})
    assert [(m.name, m.key, m.submitters) for m in ms] == [(name, key, submitters)]


def test_an_inline_citation_wins_over_the_sentence_footnote_and_a_party_stays_a_party():
    fns = {"1": "Kamerstuk 31 497, nr. 462."}
    ms = find_motions("De motie Jansen (VVD) (Kamerstuk 36 100, nr. 12) is uitgevoerd.[footnoteRef:1]", fns)
    assert [(m.name, m.key, m.submitters) for m in ms] == [("motie Jansen", "36100-12", ["Jansen"])]
    ms = find_motions("De motie Jansen (VVD) is uitgevoerd.[footnoteRef:1]", fns)
    assert [(m.name, m.key, m.submitters) for m in ms] == [("motie Jansen", "31497-462", ["Jansen"])]


def test_it_links_inline_motion_citations_in_a_wrapped_pdf_letter(tmp_path):
    # long paragraphs, so the PDF wraps the motion citations over lines
    filler = "Het kabinet heeft hierover uitvoerig overlegd met gemeenten, scholen en zorgaanbieders in het hele land. "
    paras = [
        (filler + "Het kabinet geeft uitvoering aan de motie Jansen/De Vries (Kamerstukken 36 100, nr. 12) over de "
         "wachtlijsten in de jeugdzorg en de bekostiging van het passend onderwijs. " + filler, {}),
        (filler + "Ook heeft uw Kamer per motie (Kamerstukken 36 100, nr. 13) gevraagd om een evaluatie van de "
         "wachtlijsten in de jeugdzorg. " + filler, {}),
        (filler + "De motie van Tweede Kamerlid Jansen (Kamerstuk 36 100, nr. 14) vraagt om een plan voor de "
         "wachtlijsten in de jeugdzorg. " + filler, {}),
    ]
    d = read_document(make_letter_pdf(tmp_path / "brief.pdf", LETTER_HEADER, paras, LETTER_SIGNATURE))
    assert [(m.name, m.key, m.submitters) for m in d.motions] == [
        ("motie Jansen/De Vries", "36100-12", ["Jansen", "De Vries"]),
        ("motie", "36100-13", []),
        ("motie Jansen", "36100-14", ["Jansen"]),
    ]


# ---------------------------------------------------------------------------------------
# golden values per corpus document (hand-counted from the texts)

GOLDEN_REFS = {
    # 000: intro (31839-1050) + footnotes 1-31 (the URLs and lists of parties hold none)
    F000: ["31839-1050", "36282-2", "31497-282", "31497-462", "31497-487", "24170-34", "36295-2", "31497-475",
           "27923-491", "31293-765", "31497-484", "33047-27", "31297-777", "31293-777", "31293-762"],
    # 001 (PDF export): footnotes 1, 10, 11, 13, 14, 15, 16, 19, 20, 21
    F001: ["31839-990", "31293-762", "31497-475", "31497-377", "31293-738", "36410-VIII-21", "24170-309", "31322-513"],
    # 002: footnotes + "(Kamerstuk 31497, nr. 466)" twice in the text
    F002: ["31497-510", "31497-507", "31497-409", "31497-466", "31497-282", "31497-444", "26695-123", "33684-3", "31839-1397"],
    F003: ["36410-VIII-125", "31839-990", "31497-364", "31497-371", "31497-440", "31497-448", "31497-443", "31497-471",
           "31497-445", "31293-711", "31497-373", "31497-452", "27923-460", "35788-77", "31497-456", "31497-463",
           "35034-23", "31497-444", "31497-466", "31497-458", "31839-960", "36200-VIII-265", "36410-VIII-21",
           "36200-VII-225", "31497-446", "31497-460", "31497-462", "31392-615"],
    # 004: two motion footnotes "31497, nr. 307/291" and the kst-31497-269 URL
    F004: ["31497-307", "31497-291", "31497-269"],
}


@pytest.mark.parametrize("path", list(GOLDEN_REFS), ids=lambda p: p.name[:3])
def test_it_finds_every_reference_of_each_corpus_document(path):
    assert doc(path).references == GOLDEN_REFS[path]


def test_it_reads_document_metadata_of_the_corpus():
    d = doc(F000)
    assert (d.type, d.date) == ("vso", dt.date(2025, 4, 15))
    assert d.committee == "De vaste commissie voor Volksgezondheid, Welzijn en Sport"
    assert d.bewindspersoon == "de staatssecretaris van Volksgezondheid, Welzijn en Sport"
    assert d.ministry == "VWS"
    assert d.other_references == ["Aanhangsel Handelingen II, 2024/25, nr. 832"]

    d = doc(F001)
    assert (d.type, d.date, d.ministry) == ("kamerbrief", None, "VWS")  # no date in the text: never guessed
    assert d.bewindspersoon == "de staatssecretaris van Volksgezondheid, Welzijn en Sport"

    d = doc(F002)
    assert (d.type, d.date) == ("vso", dt.date(2026, 5, 20))
    assert d.subject == "Verslag Schriftelijk Overleg (VSO) over de Verbeteraanpak Zorg in Onderwijstijd"
    assert d.bewindspersoon == "de minister van Langdurige Zorg, Jeugd en Sport"
    assert d.ministry == "VWS"
    assert d.committee == "De vaste commissie voor Volksgezondheid, Welzijn en Sport"

    d = doc(F003)
    assert (d.type, d.date, d.ministry) == ("kamerbrief", None, "OCW")
    assert d.bewindspersonen == [
        "de minister voor Primair en Voortgezet Onderwijs",
        "de staatssecretaris van Volksgezondheid, Welzijn en Sport",
    ]

    d = doc(F004)
    assert (d.type, d.date) == ("kamerbrief", None)
    assert d.bewindspersonen == [
        "de minister van Volksgezondheid, Welzijn en Sport",
        "de minister voor Basis- en Voortgezet Onderwijs en Media",
    ]
    assert d.other_references == ["2019Z12006", "2019D24773"]


def test_it_lets_explicit_type_and_date_override_detection():
    d = read_document(F001, doc_type="kamerbrief", date=dt.date(2024, 12, 16))
    assert d.date == dt.date(2024, 12, 16)
    d = parse_text(F000.read_text(encoding="utf-8"), doc_type="kamerbrief")
    assert d.type == "kamerbrief"


GOLDEN_MOTIONS = {
    F000: [("motie Westerveld/De Hoop", "31497-462"), ("motie Westerveld c.s.", "31497-487"), ("motie Soepboer", "31497-484")],
    F001: [("motie van de leden Kwint/Van den Hul", "31497-377"), ("motie van het lid Hagen", "36410-VIII-21")],
    F002: [("motie Westerveld", "31497-507"), ("motie van de leden Kwint en Westerveld", "31497-409")],
    F004: [("motie van het lid Heerema", "31497-307"), ("motie van het lid Bruins", "31497-291"),
           ("motie van Meenen", "31497-269"), ("motie Bisschop", None)],
}


@pytest.mark.parametrize("path", list(GOLDEN_MOTIONS), ids=lambda p: p.name[:3])
def test_it_finds_the_motions_of_each_corpus_document(path):
    assert [(m.name, m.key) for m in doc(path).motions] == GOLDEN_MOTIONS[path]


def test_it_finds_the_named_motions_of_the_passend_onderwijs_letter():
    named = {(m.name, m.key) for m in doc(F003).motions if m.name != "motie"}
    assert named == {
        ("motie van de leden Van der Hul en Westerveld", "31497-373"),
        ("motie van de leden Kwint en Westerveld", "31497-456"),
        ("motie van de leden Ceder en Drost", "31839-960"),
        ("motie van het lid Hagen", "36410-VIII-21"),
        ("moties van het lid Van Meenen", "31497-460"),
    }
    # "Het lid De Hoop heeft in zijn motie[37] gevraagd": unnamed, but the key is known
    assert "31497-458" in {m.key for m in doc(F003).motions}


def test_it_lists_every_fractie_of_part_one_in_order():
    assert doc(F000).fracties == ["PVV", "GroenLinks-PvdA", "VVD", "NSC", "BBB", "SP"]
    assert doc(F002).fracties == ["D66", "VVD", "GroenLinks-PvdA", "PVV", "CDA", "BBB", "SGP", "ChristenUnie", "Groep Markuszower"]
    for p in (F001, F003, F004):
        assert doc(p).fracties == []


def _pairs(d):
    return [(q.fractie, q.text, a.text) for q, a in d.answers()]


def _find_pair(d, q_start, a_start):
    for q, a in d.answers():
        if q is not None and q.text.startswith(q_start) and a.text.startswith(a_start):
            return q, a
    raise AssertionError(f"no pair {q_start!r} -> {a_start!r}")


def test_it_pairs_every_vso_answer_with_its_question_and_fractie():
    # counts checked by reading part II of both VSOs: every answer paragraph follows a
    # repeated question; 000 repeats 38 question parts, 002 48
    for path, n_answers, n_questions in ((F000, 90, 38), (F002, 170, 48)):
        d = doc(path)
        answers = d.answers()
        assert len(answers) == n_answers
        assert all(q is not None and q.kind == PassageKind.QUESTION for q, _ in answers)
        assert all(a.fractie == q.fractie for q, a in answers)
        assert len({q.index for q, _ in answers}) == n_questions


def test_it_recovers_exact_question_answer_pairs_in_the_druk_op_de_keten_vso():
    d = doc(F000)
    q, a = _find_pair(d, "Waarom is er niet gekozen voor een uniforme regio-indeling?", "Voorafgaand aan het opstellen van de regio-indeling")
    assert q.fractie == "GroenLinks-PvdA"
    q, a = _find_pair(d, "Hoeveel procent van de kinderen met een indicatie voor voorschoolse educatie", "Er is bij OCW geen data beschikbaar")
    assert q.fractie == "VVD"
    q, a = _find_pair(d, "De leden van de SP-fractie merken op dat ouders", "De zorg voor een kind met een beperking legt een flinke druk op ouders.")
    assert q.fractie == "SP"
    # the question on the motion keeps its footnote and motion in part II
    q, a = _find_pair(d, "De leden van de GroenLinks-PvdA-fractie lezen dat het uitgangspunt", "De Tweede Kamer wordt in de loop van dit jaar")
    assert [(m.name, m.key) for m in q.motions] == [("motie Westerveld/De Hoop", "31497-462")]
    assert [f.number for f in q.footnotes] == ["23"]
    assert "[footnoteRef" not in q.text and "[bookmark" not in d.text


def test_it_recovers_exact_question_answer_pairs_in_the_zorg_in_onderwijstijd_vso():
    d = doc(F002)
    q, a = _find_pair(d, "De leden van de D66-fractie vragen in dat verband of de minister bereid is", "Scholen in het gespecialiseerd onderwijs (cluster 3 en 4)")
    assert q.fractie == "D66"
    # rewritten in part II ("vragen hoe" instead of part I's "Kan worden aangegeven hoe")
    q, a = _find_pair(d, "De leden van de ChristenUnie-fractie vragen hoe de huidige verbeteraanpak", "In de Kamerbrief uit 2023 is gekoerst")
    assert q.fractie == "ChristenUnie"
    q, a = _find_pair(d, "Genoemde leden vragen hoe de minister reflecteert op het beëindigen", "Mijn ambtsvoorganger heeft besloten")
    assert q.fractie == "PVV"
    # the EMB-evaluatie promise and motie Westerveld in answers
    promise = [a for _, a in d.answers() if "motie Westerveld" in a.text and a.motions]
    assert promise and all(m.key == "31497-507" for a in promise for m in a.motions)
    # groups with no questions are fracties but have no answers
    assert not [a for _, a in d.answers() if a.fractie in ("BBB", "Groep Markuszower")]


def test_it_takes_answers_printed_right_after_their_question_as_answers():
    # the page text of many VSOs (dev-zl 9203): no "Antwoord" heading, the minister's answer follows each question
    text = (
        "Nr. 278 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\n\nVastgesteld 16 januari 2018\n\n"
        "Vragen en opmerkingen van de leden van de VVD-fractie\n\n"
        "De leden van de VVD-fractie lezen dat de Minister de Kamer zal informeren over de resultaten. "
        "Kan de Minister aangeven wanneer de Kamer deze brief kan verwachten?\n\n"
        "Ik verwacht uw Kamer hierover in februari te kunnen informeren. De najaarsronde is gesloten.\n\n"
        "Pas daarna kan ik een meerjarenoverzicht verstrekken.\n\n"
        "De Minister schrijft voornemens te zijn het budget te verhogen. Kan de Minister de redenen noemen?\n\n"
        "Deze leden lezen ook dat de regeling wordt verlengd\n\n"
    )
    d = parse_text(text, doc_type="vso", date=dt.date(2018, 1, 16))
    kinds = [(p.kind, p.text[:20]) for p in d.passages if p.kind in (PassageKind.QUESTION, PassageKind.ANSWER)]
    assert kinds == [
        (PassageKind.QUESTION, "De leden van de VVD-"),
        (PassageKind.ANSWER, "Ik verwacht uw Kamer"),
        (PassageKind.ANSWER, "Pas daarna kan ik ee"),   # the answer goes on until the next question
        (PassageKind.QUESTION, "De Minister schrijft"),
        (PassageKind.QUESTION, "Deze leden lezen ook"),  # members speak of themselves: a question, not an answer
    ]
    (q, a), _ = d.answers()
    assert q.text.startswith("De leden van de VVD-fractie lezen") and a.fractie == "VVD"


def test_it_keeps_kamerbrief_paragraphs_as_paragraphs():
    for path in (F001, F003, F004):
        kinds = {p.kind for p in doc(path).passages}
        assert kinds <= {PassageKind.HEADING, PassageKind.PARAGRAPH}
    heads = [p.text for p in doc(F003).passages if p.kind == PassageKind.HEADING]
    assert "I. Passend Onderwijs en de Verbeteraanpak" in heads and "Tot slot" in heads


def test_it_attaches_footnotes_to_the_passage_that_cites_them():
    d = doc(F003)
    p = next(p for p in d.passages if "motie van de leden Ceder en Drost" in p.text)
    assert [f.number for f in p.footnotes] == ["38"]
    assert [c.key for c in p.citations if c.footnote == "38"] == ["31839-960"]


def test_it_unwraps_the_pdf_export():
    d = doc(F001)
    texts = [p.text for p in d.passages]
    # a sentence crossing the page (footnote 1 in between) is one paragraph
    assert any("het is een beeld dat al eerder in gesprekken met gemeenten, kinderopvangorganisaties" in t for t in texts)
    assert "Belangrijkste bevindingen" in [p.text for p in d.passages if p.kind == PassageKind.HEADING]
    assert not any("https://" in t or "file:///" in t for t in texts)
    assert not any(re.search(r"toe\.1\b", t) for t in texts)
    p = next(p for p in d.passages if "Hagen (D66)" in p.text)
    assert "36410-VIII-21" in [c.key for c in p.citations]
    assert any("collega-bewindspersonen" in t for t in texts)  # hyphen kept: a real compound


# ---------------------------------------------------------------------------------------
# round trips


def _corpus_paragraphs(path: Path):
    paras, _ = split_paragraphs(path.read_text(encoding="utf-8"))
    return [(p.raw, {f.number: f.text for f in p.footnotes}) for p in paras]


@pytest.mark.parametrize("path", [F000, F002, F003], ids=lambda p: p.name[:3])
def test_it_reads_a_docx_with_real_footnotes_like_the_text(tmp_path, path):
    docx_path = make_docx(tmp_path / "doc.docx", _corpus_paragraphs(path))
    d = read_document(docx_path)
    ref = doc(path)
    assert d.references == ref.references
    assert [(p.kind, p.fractie, p.text) for p in d.passages] == [(p.kind, p.fractie, p.text) for p in ref.passages]
    assert [(m.name, m.key) for m in d.motions] == [(m.name, m.key) for m in ref.motions]
    assert d.fracties == ref.fracties


LETTER_HEADER = [
    "> Retouradres Postbus 20350 2500 EJ Den Haag",
    "De Voorzitter van de Tweede Kamer",
    "der Staten-Generaal",
    "Datum 16 december 2024",
    "Betreft Beleidsreactie op het onderzoeksrapport Druk op de Keten",
    "Geachte voorzitter,",
]
LETTER_SIGNATURE = ["Hoogachtend,", "de staatssecretaris van Volksgezondheid,", "Welzijn en Sport,", "V.P.G. Karremans"]


def _letter_paragraphs():
    fns = {
        "1": "Kamerstukken II, vergaderjaar 2022 – 2023, 31839, nr. 990",
        "2": "Kamerstukken II 2020/21, 31497, nr. 377",
        "3": "Kamerstukken II 2023/24, 36410-VIII, nr. 21.",
        "4": "Aanhangsel Handelingen II, 2024/25, nr. 832.",
    }
    src = F001.read_text(encoding="utf-8")
    paras = [p.text for p in parse_text(src).passages if p.kind == PassageKind.PARAGRAPH and len(p.text) > 300][:8]
    out = [
        (paras[0] + " Mijn voorganger zond het rapport op 18 december 2023 aan u toe.[footnoteRef:1]", {"1": fns["1"]}),
        ("Om beter zicht te krijgen op de wachtlijsten wordt conform de motie van de leden Kwint/Van den Hul (SP/PvdA)[footnoteRef:2] "
         "tot en met 2027 tweemaal per jaar een vragenlijst uitgezet.", {"2": fns["2"]}),
    ]
    for p in paras[1:6]:
        out.append((p, {}))
    out.append(
        ("Middels de motie van het lid Hagen (D66)[footnoteRef:3] heeft uw Kamer opgeroepen om te komen tot een aanpak. "
         "Eerder zijn hierover schriftelijke vragen gesteld.[footnoteRef:4] " + paras[6], {"3": fns["3"], "4": fns["4"]})
    )
    return out


def test_it_reads_a_rijkshuisstijl_pdf_like_the_text(tmp_path):
    paras = _letter_paragraphs()
    pdf = make_letter_pdf(tmp_path / "brief.pdf", LETTER_HEADER, paras, LETTER_SIGNATURE)
    d = read_document(pdf)
    assert d.date == dt.date(2024, 12, 16)
    assert d.subject == "Beleidsreactie op het onderzoeksrapport Druk op de Keten"
    assert d.bewindspersoon == "de staatssecretaris van Volksgezondheid, Welzijn en Sport"
    assert d.references == ["31839-990", "31497-377", "36410-VIII-21"]
    assert d.other_references == ["Aanhangsel Handelingen II, 2024/25, nr. 832"]
    assert [(m.name, m.key) for m in d.motions] == [
        ("motie van de leden Kwint/Van den Hul", "31497-377"), ("motie van het lid Hagen", "36410-VIII-21")]
    body = [p.text for p in d.passages if p.kind == PassageKind.PARAGRAPH]
    expected = [re.sub(r"\[footnoteRef:\d+\]", "", t) for t, _ in paras]
    assert body == expected  # page breaks, sidebar, page numbers and footnotes undone
    assert not re.search(r"Pagina|Ons kenmerk|Bijlage\(n\)|Parnassusplein|rijksoverheid\.nl", d.text)


# ---------------------------------------------------------------------------------------
# bad input


def test_it_refuses_an_empty_file(tmp_path):
    f = tmp_path / "leeg.txt"
    f.write_bytes(b"  \n")
    with pytest.raises(ReaderError, match="empty"):
        read_document(f)


def test_it_refuses_binary_content_in_a_text_file(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReaderError, match="binary"):
        read_document(f)


def test_it_refuses_an_unknown_extension(tmp_path):
    f = tmp_path / "brief.odt"
    f.write_text("Geachte voorzitter,")
    with pytest.raises(ReaderError, match="unsupported file type"):
        read_document(f)


def test_it_refuses_a_truncated_pdf(tmp_path):
    pdf = make_letter_pdf(tmp_path / "ok.pdf", LETTER_HEADER, _letter_paragraphs()[:2], LETTER_SIGNATURE)
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(pdf.read_bytes()[: len(pdf.read_bytes()) // 2])
    with pytest.raises(ReaderError, match="PDF"):
        read_document(bad)


def test_it_refuses_a_truncated_docx(tmp_path):
    ok = make_docx(tmp_path / "ok.docx", [("Geachte voorzitter,", {})])
    bad = tmp_path / "kapot.docx"
    bad.write_bytes(ok.read_bytes()[:400])
    with pytest.raises(ReaderError, match="docx"):
        read_document(bad)


def test_it_refuses_a_pdf_that_is_not_a_pdf(tmp_path):
    f = tmp_path / "nep.pdf"
    f.write_text("dit is geen pdf")
    with pytest.raises(ReaderError, match="not a PDF"):
        read_document(f)


def test_it_reads_cp1252_text(tmp_path):
    f = tmp_path / "brief.txt"
    f.write_bytes("Datum\t20 mei 2026\nHet kabinet heeft geïnformeerd over de motie Westerveld.[footnoteRef:1] [1: Kamerstuk 31497, nr. 507]\n".encode("cp1252"))
    d = read_document(f)
    assert d.date == dt.date(2026, 5, 20)
    assert "geïnformeerd" in d.text
    assert [(m.name, m.key) for m in d.motions] == [("motie Westerveld", "31497-507")]


def test_it_spreads_the_test_letter_over_pages_and_drops_the_sidebar(tmp_path):
    import pdfplumber

    pdf = make_letter_pdf(tmp_path / "brief.pdf", LETTER_HEADER, _letter_paragraphs(), LETTER_SIGNATURE)
    with pdfplumber.open(pdf) as p:
        assert len(p.pages) >= 2  # so sentences and footnotes cross page breaks
    d = read_document(pdf)
    assert "Ministerie van Volksgezondheid" not in d.text and "4012345" not in d.text


@pytest.mark.parametrize("line", ["P agina 3 van 9", "Pagina 3 van 9", "Pagina 2"])
def test_it_recognises_spaced_page_numbers_as_furniture(line):
    from documents.reader.sources import _SPACED_FURNITURE

    assert _SPACED_FURNITURE.match(line)


def test_it_undoes_letter_spacing_artefacts():
    from documents.reader.sources import _fix_letterspacing

    assert _fix_letterspacing("Ministerie van Inf rastructuur, ge ïnformeerd, P agina") == "Ministerie van Infrastructuur, geïnformeerd, Pagina"


def test_a_line_that_closes_a_bracket_opened_on_the_line_before_continues_its_paragraph():
    # "(hoofdstuk" / "1). Na deze …": the number is the chapter, not an enumeration or a new paragraph
    text = ("Daarbij zal ik gelijk een korte reactie geven (hoofdstuk\n"
            "1). Na deze samenvatting ga ik in op de kwesties.\n"
            "Een tweede alinea.\n")
    paras, _ = split_paragraphs(text)
    assert [p.text for p in paras] == [
        "Daarbij zal ik gelijk een korte reactie geven (hoofdstuk 1). Na deze samenvatting ga ik in op de kwesties.",
        "Een tweede alinea."]


def test_a_pdf_symbol_font_bullet_starts_a_list_item_of_its_own():
    # pdftotext gives the Symbol font's bullet as the private-use character U+F0B7 (a real IenW letter, whole-a)
    text = ("Geachte voorzitter,\n\nHet RIVM adviseert het volgende.\n"
            "\uf0b7 Gezondheidsonderzoek: het PAGO wordt aangepast. Op advies van gezondheidsexperts zal worden bepaald "
            "hoe vaak het PAGO wordt aangeboden.\n"
            "\uf0b7 Meetprogramma: er wordt een meetnet ingericht met stationaire meters.\n")
    from commitments.extraction.sentences import split_spans

    doc = parse_text(text, date=dt.date(2022, 12, 22))
    sentences = [p.text[s:e] for p in doc.passages for s, e in split_spans(p.text)]
    assert any(s.startswith("• Meetprogramma") or s.startswith("Meetprogramma") for s in sentences), sentences
    assert not any("aangeboden." in s and "Meetprogramma" in s for s in sentences), sentences


@pytest.mark.parametrize("line, text", [
    ("In de brief van 15 februari 20225, met de beantwoording van Kamervragen", "15 februari 2022,"),
    ("Op 24 juni 202214 heeft het kabinet besloten.", "Op 24 juni 2022 heeft"),
    ("Ik zal uw Kamer eind 20253 informeren.", "eind 2025 informeren"),
    ("Het wetsvoorstel wordt in het eerste kwartaal van 20264 ingediend.", "kwartaal van 2026 ingediend"),
    ("Kamerbrieven van november 20224, juni 20235 en december 20236.", "november 2022, juni 2023 en december 2023."),
])
def test_a_footnote_number_glued_to_a_year_is_read_as_a_footnote(line, text):
    d = parse_text(f"Geachte voorzitter,\n\n{line}\n", date=dt.date(2024, 11, 1))
    assert any(text in p.text for p in d.passages), [p.text for p in d.passages]


@pytest.mark.parametrize("line", [
    "Zie Kamerstuk 20253, nr. 4.",       # a Kamerstuk number is no year
    "Het gaat om 20253 woningen.",        # an amount
    "Het kenmerk is 2024-0012345 van 20251122.",  # a kenmerk or a compact date
])
def test_numbers_that_are_no_year_keep_their_digits(line):
    d = parse_text(f"Geachte voorzitter,\n\n{line}\n", date=dt.date(2024, 11, 1))
    assert any(line.rstrip(".") in p.text for p in d.passages), [p.text for p in d.passages]


def test_a_footnote_glued_to_a_year_in_a_pdf_export_keeps_the_later_footnotes_in_order():
    # the export's footnote 2 after a year: it, and every footnote after it, is still read as a footnote
    text = F001.read_text(encoding="utf-8")
    assert "is gedeeld.2 Dit" in text
    d = parse_text(text.replace("is gedeeld.2 Dit", "is gedeeld in november 20232 Dit"))
    texts = [p.text for p in d.passages]
    (p,) = [p for p in d.passages if "is gedeeld in november 2023 Dit" in p.text]
    assert "2" in [f.number for f in p.footnotes]
    assert not any(re.search(r"coronamaatregelen\.3\b|gestegen\.4\b", t) for t in texts)
