"""A running header printed on every page after the first ("Datum …  Kenmerk …", in small type above the body) stays
out of the text, also in a letter of two pages, where it is printed once and so is no "same text on several pages";
the sentence that crosses the page break reads whole. Invented letter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from documents.reader import PassageKind, read_document

from .builders import make_letter_pdf

HEADER = ["> Retouradres Postbus 20901 2500 EX Den Haag", "De Voorzitter van de Tweede Kamer", "der Staten-Generaal",
          "Datum 12 maart 2026", "Betreft Voortgang zoetwatervoorziening", "Geachte voorzitter,"]
SIGNATURE = ["Hoogachtend,", "de minister van Infrastructuur en Waterstaat,", "J. de Vries"]
FILL = ("De waterschappen hebben de vergunningen voor het tweede tracé aangevraagd en de provincie draagt bij aan de "
        "kosten van de gezamenlijke voorzieningen. ")
PARAGRAPHS = [
    (FILL * 6, {}),
    (FILL * 9 + "Ik stuur uw Kamer de evaluatie van de eerste leiding in het derde kwartaal van 2026.", {}),
    ("De kosten vallen binnen het budget van het Deltafonds.", {}),
]
RUNNING = "Datum 12 maart 2026   Kenmerk IENW/BSK-2026/34512"


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@pytest.mark.parametrize("hyphenate", [False, True])
def test_a_running_header_on_the_second_page_stays_out_of_the_text(tmp_path: Path, hyphenate: bool):
    import pdfplumber

    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE, running_header=RUNNING,
                          hyphenate=hyphenate)
    with pdfplumber.open(pdf) as p:  # two pages, the header printed once, on the second
        assert len(p.pages) == 2
        assert "Kenmerk" in (p.pages[1].extract_text() or "")
    doc = read_document(pdf)
    body = [p.text for p in doc.passages if p.kind == PassageKind.PARAGRAPH]
    assert not any("Kenmerk" in t or "BSK" in t for t in body), body
    assert _words(" ".join(body)) == _words(" ".join(t for t, _ in PARAGRAPHS))
