"""Build .docx and .pdf test inputs (python-docx, reportlab). Test helpers only."""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(path: Path, paragraphs: list[tuple[str, dict[str, str]]]) -> Path:
    """paragraphs: (text with [footnoteRef:N] markers, {N: footnote text}). Footnotes are
    written as a real footnotes part (python-docx has no footnote API)."""
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    all_fn: dict[str, str] = {}
    for text, fns in paragraphs:
        all_fn.update(fns)
        p = d.add_paragraph()
        for piece in re.split(r"(\[footnoteRef:\d+\])", text):
            m = re.match(r"\[footnoteRef:(\d+)\]", piece)
            if m:
                r = OxmlElement("w:r")
                rpr = OxmlElement("w:rPr")
                va = OxmlElement("w:vertAlign")
                va.set(qn("w:val"), "superscript")
                rpr.append(va)
                r.append(rpr)
                ref = OxmlElement("w:footnoteReference")
                ref.set(qn("w:id"), m.group(1))
                r.append(ref)
                p._p.append(r)
            elif piece:
                p.add_run(piece)
    tmp = Path(tempfile.mkdtemp()) / "plain.docx"
    d.save(tmp)
    # add word/footnotes.xml, its relationship and content type
    fn_xml = [f'<w:footnotes xmlns:w="{W_NS}">',
              '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
              '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>']
    from xml.sax.saxutils import escape

    for n, t in all_fn.items():
        fn_xml.append(
            f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {escape(t)}</w:t></w:r></w:p></w:footnote>'
        )
    fn_xml.append("</w:footnotes>")
    with zipfile.ZipFile(tmp) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
                )
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", "".join(fn_xml).encode("utf-8"))
    shutil.rmtree(tmp.parent, ignore_errors=True)
    return path


VWS_SIDEBAR = ["Ministerie van Volksgezondheid,", "Welzijn en Sport", "", "Bezoekadres", "Parnassusplein 5",
               "2511 VX  Den Haag", "www.rijksoverheid.nl", "", "Ons kenmerk", "4012345-1076543-J", "",
               "Bijlage(n)", "1", ""]


def make_letter_pdf(
    path: Path,
    header: list[str],
    paragraphs: list[tuple[str, dict[str, str]]],
    signature: list[str],
    *,
    sidebar: list[str] | None = None,
    footnote_chars: int | None = None,
) -> Path:
    """A Rijkshuisstijl-like letter: body column on the left, sidebar column on the right
    on every page (``sidebar``: ministry, visiting address, Ons kenmerk, Bijlage(n); then
    Pagina x van y), superscript footnote markers, footnotes at the page bottom in small
    type (cut to ``footnote_chars`` when given)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    W, H = A4
    left, body_w = 70, 300
    sidebar_x = 430
    font, size, lead = "Helvetica", 9.5, 13
    fn_size = 7
    c = canvas.Canvas(str(path), pagesize=A4)

    # layout: list of (kind, payload) lines
    def wrap(text: str) -> list[list[tuple[str, str | None]]]:
        """Returns lines of tokens (word, footnote-number-after-word)."""
        tokens: list[tuple[str, str | None]] = []
        for word in text.split(" "):
            nums = re.findall(r"\[footnoteRef:(\d+)\]", word)
            if nums:
                tokens.append((re.sub(r"\[footnoteRef:\d+\]", "", word), ",".join(nums)))
            elif word:
                tokens.append((word, None))
        lines, cur, width = [], [], 0.0
        for w, fn in tokens:
            ww = stringWidth(w + " ", font, size) + (stringWidth(fn, font, 6) if fn else 0)
            if cur and width + ww > body_w:
                lines.append(cur)
                cur, width = [], 0.0
            cur.append((w, fn))
            width += ww
        if cur:
            lines.append(cur)
        return lines

    pages: list[dict] = []
    page = {"lines": [], "fns": []}
    y_limit = 150  # footnote area below
    y = H - 250

    def new_page():
        nonlocal page, y
        pages.append(page)
        page = {"lines": [], "fns": []}
        y = H - 90

    for text in header:
        page["lines"].append((y, [(text, None)]))
        y -= lead
    y -= lead
    for text, fns in paragraphs:
        for line in wrap(text):
            if y < y_limit:
                new_page()
            page["lines"].append((y, line))
            for _, fn in line:
                for num in fn.split(",") if fn else []:
                    page["fns"].append((num, fns.get(num, "")))
            y -= lead
        y -= lead  # paragraph gap
    for text in signature:
        if y < y_limit:
            new_page()
        page["lines"].append((y, [(text, None)]))
        y -= lead
    pages.append(page)

    n = len(pages)
    for i, pg in enumerate(pages, 1):
        # sidebar
        sy = H - 120
        for s in [*(VWS_SIDEBAR if sidebar is None else sidebar), f"Pagina {i} van {n}"]:
            if s:
                c.setFont(font, 7)
                c.drawString(sidebar_x, sy, s)
            sy -= 10
        for yy, line in pg["lines"]:
            x = left
            for w, fn in line:
                c.setFont(font, size)
                c.drawString(x, yy, w)
                x += stringWidth(w, font, size)
                if fn:
                    c.setFont(font, 6)
                    c.drawString(x, yy + 4, fn)
                    x += stringWidth(fn, font, 6)
                x += stringWidth(" ", font, size)
        fy = 60 + 9 * len(pg["fns"])
        for num, t in pg["fns"]:
            c.setFont(font, fn_size)
            c.drawString(left, fy, f"{num} {t}"[:footnote_chars])
            fy -= 9
        c.showPage()
    c.save()
    return path
