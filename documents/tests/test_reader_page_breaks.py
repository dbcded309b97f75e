"""Raw pdftotext-like text: running headers and footers at a page break must not stay inside a sentence
that crosses the page.  Invented letters (not taken from any gold set)."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.reader import parse_text
from documents.reader.parse import strip_page_furniture

HEAD = """> Retouradres Postbus 20901 2500 EX  Den Haag

Directie Waterkwaliteit


De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA DEN HAAG

Datum
4 juni 2026

Betreft Tweede voortgangsbrief zoetwatervoorziening Zuidwest

Geachte voorzitter,

Met deze brief informeer ik uw Kamer over de voortgang van het programma
zoetwatervoorziening in Zuidwest-Nederland. Ik ga in op de aanleg van de
nieuwe leidingen, de afspraken met de waterschappen en de kosten van het
programma voor de komende jaren.

Leidingen
De aanleg van de eerste leiding is in april begonnen. De waterschappen
hebben de vergunningen voor het tweede tracé aangevraagd. De provincie
Zeeland draagt bij aan de kosten van het tweede tracé en de gemeenten
hebben hun medewerking toegezegd. De planning is krap maar haalbaar.

Ik stuur uw Kamer de evaluatie van de eerste leiding, naar verwachting in het
"""

TAIL = """derde kwartaal van dit jaar. De evaluatie wordt uitgevoerd door een extern
bureau dat geen rol heeft gehad bij de aanleg van de leiding.

Kosten
De kosten van het programma vallen binnen het budget van het Deltafonds. Een
eventuele tegenvaller wordt binnen de begroting opgevangen. Over de verdeling
van de kosten met de regio maak ik nadere afspraken met de provincie en de
waterschappen van Zuidwest-Nederland in de bestuurlijke overleggen.

De minister van Infrastructuur en Waterstaat,



J. de Vries
"""

BREAKS = {
    "form feed, subject as running header": (
        "Pagina 1 van 2\n\fTweede voortgangsbrief zoetwatervoorziening Zuidwest\n\n"
        "Directie Waterkwaliteit\n\nDatum\n4 juni 2026\n\n"),
    "form feed, kenmerk and date lines": "\n\fKenmerk 2026-0000445566\n4 juni 2026\n\n",
    "page number and kenmerk on one page edge, no form feed": (
        "\nKenmerk IENW/BSK-2026/112233\nPagina 1 van 2\n\nDatum 4 juni 2026\n\n"),
    "spaced page number at the foot, kenmerk at the head": (
        "\nP agina 1 van 2\n\fOns kenmerk 2026-0000445566\n\n"),
    # several fields on one header line, printed only on the second page of two
    "form feed, date and kenmerk on one line": "\n\fDatum 4 juni 2026   Kenmerk IENW/BSK-2026/112233\n\n",
    # the Kamerstuk's running header with its page number
    "form feed, Kamerstuk header": "\n\fTweede Kamer, vergaderjaar 2025–2026, 27 625, nr. 701 2\n\n",
}


def _para_with(doc, word: str) -> str:
    return next(p.text for p in doc.passages if word in p.text)


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_sentence_across_a_page_break_loses_the_running_header(name):
    doc = parse_text(HEAD + BREAKS[name] + TAIL + "\nPagina 2 van 2\n", date=dt.date(2026, 6, 4))
    para = _para_with(doc, "kwartaal")
    assert "naar verwachting in het derde kwartaal van dit jaar." in para, para
    for furniture in ("Kenmerk", "Pagina", "agina", "Tweede voortgangsbrief", "4 juni 2026", "Directie"):
        assert furniture not in para, (furniture, para)


def test_the_subject_line_itself_and_body_text_at_the_page_top_stay():
    text = HEAD + "\n\fKenmerk 2026-0000445566\n\n" + TAIL
    out = strip_page_furniture(text)
    assert "Betreft Tweede voortgangsbrief zoetwatervoorziening Zuidwest" in out
    assert "derde kwartaal van dit jaar. De evaluatie wordt uitgevoerd door een extern" in out
    assert "Kenmerk 2026-0000445566" not in out


def test_a_heading_or_body_line_at_the_page_top_is_not_furniture():
    # a short unterminated line at the top of the page that stands only once is text, not a header
    text = HEAD.replace("naar verwachting in het\n", "naar verwachting in het derde kwartaal.\n") \
        + "\nPagina 1 van 2\n\fKenmerk 2026-0000445566\n\nBijdrage van de regio\n" \
        + "De regio draagt een derde van de kosten van het programma.\n" + TAIL.split("\n", 2)[2]
    out = strip_page_furniture(text)
    assert "Bijdrage van de regio" in out
    assert "De regio draagt een derde van de kosten van het programma." in out
    doc = parse_text(text, date=dt.date(2026, 6, 4))
    assert any(p.text.startswith("Bijdrage van de regio") or p.text == "Bijdrage van de regio"
               for p in doc.passages) or "Bijdrage van de regio" in doc.text


def test_a_footnote_at_the_page_bottom_is_not_taken_for_a_footer():
    text = HEAD.replace("De planning is krap maar haalbaar.", "De planning is krap maar haalbaar.1") \
        + "\n1 Kamerstuk 27625, nr. 612.\nPagina 1 van 2\n\fKenmerk 2026-0000445566\n\n" + TAIL
    out = strip_page_furniture(text)
    assert "1 Kamerstuk 27625, nr. 612." in out
    doc = parse_text(text, date=dt.date(2026, 6, 4))
    assert "naar verwachting in het derde kwartaal van dit jaar." in _para_with(doc, "kwartaal")


def test_a_name_with_a_comma_on_the_next_line_goes_on_the_sentence():
    """A markdown-converted answer wraps raggedly: "… naar de exclave" / "Nachitsjevan, hetgeen …" is one sentence,
    though "Nachitsjevan," would have fitted on the line before; a short heading before "Ja, …" still ends."""
    from documents.reader.parse import unwrap_pdf_text

    text = (
        "Vraag 4\n"
        "Deelt u de zorg dat het land mogelijk op korte termijn militair een\n"
        "doorgang zal proberen te forceren naar de exclave\n"
        "Nachitsjevan, hetgeen een grove schending van het internationaal recht zou\n"
        "betekenen?\n"
        "\n"
        "Antwoord 4\n"
        "Ja, het kabinet deelt die zorg en heeft dit in de Raad van oktober aan de orde\n"
        "gesteld. De Hoge Vertegenwoordiger gaf aan dat de minister van Buitenlandse\n"
        "Zaken van het land uitgenodigd zal worden voor de Raad van november.\n"
    )
    paras = unwrap_pdf_text(text).splitlines()
    assert ("Deelt u de zorg dat het land mogelijk op korte termijn militair een doorgang zal proberen te forceren "
            "naar de exclave Nachitsjevan, hetgeen een grove schending van het internationaal recht "
            "zou betekenen?") in paras
    assert paras[paras.index("Antwoord 4") + 1].startswith("Ja, het kabinet deelt die zorg")


def test_bullets_pdfminer_writes_as_font_codes_are_list_items():
    text = HEAD.replace("Ik stuur uw Kamer de evaluatie van de eerste leiding, naar verwachting in het\n", "") \
        + "De komende jaren richten we ons op:\n\n(cid:127) de aanleg van het tweede tracé;\n\n" \
        + "(cid:127) een regeling voor de kosten met de provincie.\n\n" + TAIL.split("\n", 2)[2]
    doc = parse_text(text, date=dt.date(2026, 6, 4))
    items = [p.text for p in doc.passages if "tracé;" in p.text or "provincie." in p.text]
    assert items == ["• de aanleg van het tweede tracé;", "• een regeling voor de kosten met de provincie."], items


def test_a_heading_wrapped_at_a_hyphen_ends_before_the_next_paragraph():
    heading = ("Motie over conformeren aan de Gezinsherenigingsrichtlijn en de bijbe-\n"
               "horende richtsnoeren\n\n")
    body = ("Bij de wetsbehandeling in verband met verlenging van de beslistermij-\n"
            "nen in asiel- en nareiszaken, diende het lid Koekoek (Volt) een motie\n"
            "in. De motie verzoekt de regering zich bij de uitvoering van de wet te\n"
            "allen tijde te conformeren aan de richtlijn.\n\n")
    text = HEAD.replace("Ik stuur uw Kamer de evaluatie van de eerste leiding, naar verwachting in het\n", "") \
        + heading + body + TAIL.split("\n", 2)[2]
    doc = parse_text(text, date=dt.date(2026, 6, 4))
    texts = [p.text for p in doc.passages]
    assert "Motie over conformeren aan de Gezinsherenigingsrichtlijn en de bijbehorende richtsnoeren" in texts, texts
    assert _para_with(doc, "wetsbehandeling").startswith("Bij de wetsbehandeling in verband met verlenging")


def test_a_line_break_at_the_hyphen_of_a_compound_keeps_it():
    body = ("Het rapport is op 5 oktober met uw Kamer gedeeld. De directeur-\n"
            "generaal van het ministerie heeft de aanbevelingen over het non-\n"
            "conform gebouwde emplacement overgenomen. Ik zal uw Kamer daarover infor-\n"
            "meren in de volgende voortgangsbrief over het programma.\n\n")
    text = HEAD.replace("Ik stuur uw Kamer de evaluatie van de eerste leiding, naar verwachting in het\n", "") \
        + body + TAIL.split("\n", 2)[2]
    para = _para_with(parse_text(text, date=dt.date(2026, 6, 4)), "emplacement")
    assert "De directeur-generaal van het ministerie" in para, para
    assert "over het non-conform gebouwde emplacement" in para, para
    assert "daarover informeren in de volgende" in para, para
