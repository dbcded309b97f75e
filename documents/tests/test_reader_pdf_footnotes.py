"""PDF footnotes stay footnotes (issue 14, item 7): a footnote at the bottom of a page, between the two
halves of a sentence that crosses the page, is removed from the running text and kept as the passage's
footnote, with its number and whole text (URL lines too), linked from its marker: the same structure the
Word path gives for ``[footnoteRef:N]`` / ``[N: ...]``. Read from the positions (pdfplumber) and from
pdftotext-like text without positions. Invented letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from documents.reader import PassageKind, parse_text, read_document

from .builders import make_letter_pdf

HEADER = ["> Retouradres Postbus 20901 2500 EX Den Haag", "De Voorzitter van de Tweede Kamer", "der Staten-Generaal",
          "Datum 12 maart 2026", "Betreft Voortgang zoetwatervoorziening", "Geachte voorzitter,"]
SIGNATURE = ["Hoogachtend,", "de minister van Infrastructuur en Waterstaat,", "J. de Vries"]
FILL = "De waterschappen hebben de vergunningen voor het tweede tracé aangevraagd en de provincie draagt bij aan de kosten. "
FOOTNOTES = {
    "1": "Kamerstukken II 2024/25, 27 625, nr. 612.",
    "2": "Kamerstukken II 2023/24, 31 497, nr. 444; zie https://zoek.officielebekendmakingen.nl/kst-31497-444.html",
    "3": "Kamerstukken II 2025/26, 29 984, nr. 1201. Verslag van het commissiedebat, "
         "https://www.tweedekamer.nl/debat_en_vergadering/commissievergaderingen/details?id=2026A01234",
}
# the page breaks after "Hiermee wordt voldaan aan de"; footnote 2 stands at the bottom of page 1
PARAGRAPHS = [
    ("Met deze brief informeer ik uw Kamer over de voortgang van het programma, zoals verzocht in de motie "
     "Westerveld.[footnoteRef:1] " + FILL * 3, {"1": FOOTNOTES["1"]}),
    (FILL * 8 + "Dit geldt " + "ook " * 4 + "hier. Ik stuur uw Kamer de evaluatie van de eerste leiding in het derde "
     "kwartaal.[footnoteRef:2] Hiermee wordt voldaan aan de informatiebehoefte van uw Kamer, zoals besproken in het "
     "commissiedebat van 4 februari jl.[footnoteRef:3] " + FILL * 2, {"2": FOOTNOTES["2"], "3": FOOTNOTES["3"]}),
    ("De kosten vallen binnen het budget van het Deltafonds.", {}),
]
SENTENCE = "Hiermee wordt voldaan aan de informatiebehoefte van uw Kamer, zoals besproken in het commissiedebat"

LAYOUTS = {
    "word-like: raised footnote numbers, wrapped footnotes": dict(fn_number="superscript", wrap_footnotes=True),
    "footnote type close to body type (8 on 9.5)": dict(fn_number="superscript", wrap_footnotes=True, fn_size=8.2),
    "numbers printed in the footnote line": dict(wrap_footnotes=True),
}


def _word_text() -> str:
    body = [f"{t.rstrip()} " + " ".join(f"[{n}: {b}]" for n, b in fns.items()) for t, fns in PARAGRAPHS]
    return "\n".join([*HEADER, *body, *SIGNATURE]) + "\n"


def _structure(doc):
    return [(p.text, [(f.number, f.text) for f in p.footnotes], [(c.key, c.footnote) for c in p.citations])
            for p in doc.passages if p.kind == PassageKind.PARAGRAPH]


def _pdf(tmp_path: Path, layout: str) -> Path:
    import pdfplumber

    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE, **LAYOUTS[layout])
    with pdfplumber.open(pdf) as p:  # the sentence really crosses the page, its footnote in between
        words = [w for w in p.pages[0].extract_words(extra_attrs=["size"], x_tolerance=1) if w["size"] > 9 and w["x0"] < 400]
        last = max(w["top"] for w in words)
        assert [w["text"] for w in words if abs(w["top"] - last) < 1][-2:] == ["aan", "de"]
        assert "31497-444" in p.pages[0].extract_text()
    return pdf


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_a_pdf_footnote_leaves_the_sentence_and_stays_a_footnote_of_its_marker(tmp_path, layout):
    doc = read_document(_pdf(tmp_path, layout))
    para = next(p for p in doc.passages if "informatiebehoefte" in p.text)
    assert SENTENCE in para.text, para.text
    assert "Kamerstukken" not in para.text and "https://" not in para.text
    assert [(f.number, f.text) for f in para.footnotes] == [("2", FOOTNOTES["2"]), ("3", FOOTNOTES["3"])]
    assert ("31497-444", "2") in [(c.key, c.footnote) for c in para.citations]
    # the same structure as the Word export of the same letter
    assert _structure(doc) == _structure(parse_text(_word_text()))
    assert [(m.name, m.key) for m in doc.motions] == [("motie Westerveld", "27625-612")]


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_raw_pdf_text_footnote_leaves_the_sentence_and_stays_a_footnote(tmp_path, layout):
    from pdfminer.high_level import extract_text

    raw = extract_text(str(_pdf(tmp_path, layout)))
    doc = parse_text(raw)
    para = next(p for p in doc.passages if "informatiebehoefte" in p.text)
    assert SENTENCE in para.text, para.text
    assert not re.search(r"Kamerstukken|https://|Pagina|Ons kenmerk", para.text), para.text
    assert ("2", FOOTNOTES["2"]) in [(f.number, f.text) for f in para.footnotes]
    assert ("31497-444", "2") in [(c.key, c.footnote) for c in para.citations]
