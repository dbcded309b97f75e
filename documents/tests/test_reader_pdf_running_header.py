"""A running header printed on every page after the first ("Datum …  Kenmerk …" in small type above the body, or the
Kamerstuk's "Tweede Kamer, vergaderjaar …, nr. … 2" in body type) stays out of the text, also in a letter of two pages, where it is printed once and so is no "same text on several pages";
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


# the Kamerstuk's own running header, as the printed Kamerstuk has it, in body type
KAMERSTUK = "Tweede Kamer, vergaderjaar 2025–2026, 27 625, nr. 701 2"


@pytest.mark.parametrize("running,size,hyphenate", [
    (RUNNING, 7, False), (RUNNING, 7, True), (KAMERSTUK, 9.5, False), (KAMERSTUK, 9.5, True)])
def test_a_running_header_on_the_second_page_stays_out_of_the_text(tmp_path: Path, running, size, hyphenate):
    import pdfplumber

    pdf = make_letter_pdf(tmp_path / "brief.pdf", HEADER, PARAGRAPHS, SIGNATURE, running_header=running,
                          running_header_size=size, hyphenate=hyphenate)
    with pdfplumber.open(pdf) as p:  # two pages, the header printed once, on the second
        assert len(p.pages) == 2
        assert running.split()[1] in (p.pages[1].extract_text() or "")
    doc = read_document(pdf)
    body = [p.text for p in doc.passages if p.kind == PassageKind.PARAGRAPH]
    assert not any(w in t for t in body for w in ("Kenmerk", "BSK", "vergaderjaar")), body
    assert _words(" ".join(body)) == _words(" ".join(t for t, _ in PARAGRAPHS))
