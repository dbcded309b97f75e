"""Rijkshuisstijl-like PDFs and raw PDF text of a letter, for the extractor's robustness checks (test helper).

The layout is ``documents/tests/builders.make_letter_pdf`` with the sidebar of any ministry: body column on the left, a sidebar on every page (ministry, address, Datum, Ons kenmerk,
Pagina x van y), superscript footnote markers and footnotes in small type at the page bottom.

``raw_pdf_text`` is what a pdftotext-like tool makes of such a PDF: hard-wrapped lines, the sidebar as blocks
between body lines, page numbers, footnotes between the two halves of a sentence that crosses a page, form
feeds between pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from documents.reader.parse import split_paragraphs
from documents.tests.builders import make_letter_pdf

SIDEBARS = {
    "VWS": ["Ministerie van Volksgezondheid,", "Welzijn en Sport"],
    "OCW": ["Ministerie van Onderwijs, Cultuur", "en Wetenschap"],
    "IenW": ["Ministerie van Infrastructuur", "en Waterstaat"],
    "JenV": ["Ministerie van Justitie en", "Veiligheid"],
    "SZW": ["Ministerie van Sociale Zaken", "en Werkgelegenheid"],
}


def letter_parts(text: str) -> list[tuple[str, dict[str, str]]]:
    """Paragraphs of a letter (Word export or PDF text, as the reader splits them):
    (text with [footnoteRef:N] markers, {N: footnote body})."""
    paras, _ = split_paragraphs(text)
    out: list[tuple[str, dict[str, str]]] = []
    for para in paras:
        line = re.sub(r"[ \t]+", " ", para.raw).strip()
        if not line:
            continue
        # a marker after a space would be drawn as its own word: attach it to the word before
        line = re.sub(r"\s+(\[footnoteRef:\d+\])", r"\1", line)
        out.append((line, {f.number: f.text for f in para.footnotes}))
    return out


def make_pdf(path: Path, paragraphs: list[tuple[str, dict[str, str]]], *, ministry: str = "VWS",
             date_line: str = "", kenmerk: str = "4012345", **layout) -> Path:
    """The reader tests' Rijkshuisstijl letter, with the sidebar of any ministry (``layout``: the further options of
    ``make_letter_pdf``, such as hyphenation or a running header)."""
    sidebar = [*SIDEBARS.get(ministry, SIDEBARS["VWS"]), "", "Bezoekadres", "Parnassusplein 5", "2511 VX  Den Haag",
               "www.rijksoverheid.nl", "", "Datum", date_line, "", "Ons kenmerk", kenmerk, ""]
    return make_letter_pdf(path, [], paragraphs, [], sidebar=sidebar, footnote_chars=120, **layout)


def raw_pdf_text(path: Path) -> str:
    """pdftotext-like text of a PDF (pdfminer's layout analysis: blocks in reading order, form feeds)."""
    from pdfminer.high_level import extract_text

    return extract_text(str(path))


# --------------------------------------------------------------------------- agreement between input forms

_TOKEN = re.compile(r"\w+")


def _tokens(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for t in _TOKEN.findall(re.sub(r"\[(?:footnoteRef|bookmark)[^\]]*\]", " ", text).lower()):
        out[t] = out.get(t, 0) + 1
    return out


def _overlap(a: dict[str, int], b: dict[str, int]) -> float:
    """The gold scorer's span overlap (cover >= 0.6 of a, purity >= 0.3), F-measure of both."""
    common = sum(min(v, b.get(k, 0)) for k, v in a.items())
    if not a or not b:
        return 0.0
    cover, purity = common / sum(a.values()), common / sum(b.values())
    if cover < 0.6 or purity < 0.3:
        return 0.0
    return 2 * cover * purity / (cover + purity)


def agreement(reference: list[dict], other: list[dict]) -> dict:
    """How many commitments of ``reference`` (dicts with quote, due_date) ``other`` finds, with the same due date."""
    ref_t = [_tokens(r["quote"]) for r in reference]
    oth_t = [_tokens(o["quote"]) for o in other]
    pairs = sorted(((_overlap(rt, ot), i, j) for i, rt in enumerate(ref_t) for j, ot in enumerate(oth_t)), reverse=True)
    used_i: set[int] = set()
    used_j: set[int] = set()
    matched: list[tuple[int, int]] = []
    for s, i, j in pairs:
        if s <= 0 or i in used_i or j in used_j:
            continue
        used_i.add(i)
        used_j.add(j)
        matched.append((i, j))
    same_due = sum(1 for i, j in matched if reference[i].get("due_date") == other[j].get("due_date"))
    return {"reference": len(reference), "other": len(other), "found": len(matched), "same_due": same_due,
            "missing": [reference[i]["quote"] for i in range(len(reference)) if i not in used_i],
            "extra": [other[j]["quote"] for j in range(len(other)) if j not in used_j],
            "due_diff": [(reference[i]["quote"], reference[i].get("due_date"), other[j].get("due_date"))
                         for i, j in matched if reference[i].get("due_date") != other[j].get("due_date")]}
