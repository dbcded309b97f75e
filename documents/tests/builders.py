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
    size: float = 9.5,
    fn_size: float = 7,
    fn_number: str = "inline",
    wrap_footnotes: bool = False,
    hyphenate: bool = False,
    letterspace: bool = False,
    running_header: str | None = None,
    running_header_size: float = 7,
    appendix: list[str] | None = None,
) -> Path:
    """A Rijkshuisstijl-like letter: body column on the left, sidebar column on the right
    on every page (``sidebar``: ministry, visiting address, Ons kenmerk, Bijlage(n); then
    Pagina x van y), superscript footnote markers, footnotes at the page bottom in small
    type (cut to ``footnote_chars`` when given).

    Options closer to real letters (all off by default):
    ``size``/``fn_size`` body and footnote type; ``fn_number="superscript"`` draws the number
    in the footnote area raised and smaller, as Word does; ``wrap_footnotes`` wraps long
    footnotes (URLs too) over several lines at the body width; ``hyphenate`` breaks long words
    at the line end with a hyphen ("ver-" / "wacht"), and words with a hyphen of their own at
    that hyphen; ``letterspace`` draws some capitalised words and the page number with a gap
    after the first letter ("P agina", "Inf rastructuur"-like artefacts); ``running_header``
    is printed at the top of every page after the first (in ``running_header_size`` type); ``appendix`` lines follow the
    signature on a page of their own ("Bijlage", ...)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    W, H = A4
    left, body_w = 70, 300
    sidebar_x = 430
    font, lead = "Helvetica", 13
    c = canvas.Canvas(str(path), pagesize=A4)
    fn_lead = fn_size + 2

    def split_word(w: str, room: float) -> tuple[str, str] | None:
        """Break a word at the line end: at its own hyphen, else between letters (both parts >= 3)."""
        if not hyphenate or len(w) < 8:
            return None
        cands = [i + 1 for i, ch in enumerate(w[:-3]) if ch == "-" and i >= 2]
        if cands:
            i = cands[0]
            if stringWidth(w[:i], font, size) <= room:
                return w[:i], w[i:]
            return None
        core = w.rstrip(".,;:)”’")
        if not core.isalpha() or not core[-1].islower():
            return None
        vowels = "aeiouyéëïöü"
        for i in range(len(core) - 3, 2, -1):
            # before a consonant that starts a syllable ("verwach-tingen"), as Dutch hyphenation does
            if w[i] in vowels or w[i + 1] not in vowels or w[i - 1] == w[i] or w[i - 1:i + 1] in ("ch", "ck", "sc", "ij"):
                continue
            if stringWidth(w[:i] + "-", font, size) <= room:
                return w[:i] + "-", w[i:]
        return None

    # layout: list of (kind, payload) lines
    def wrap(text: str) -> list[list[tuple[str, str | None]]]:
        """Returns lines of tokens (word, footnote-number-after-word)."""
        tokens: list[tuple[str, str | None]] = []
        for word in text.replace("\u00a0", " ").split(" "):
            nums = re.findall(r"\[footnoteRef:(\d+)\]", word)
            if nums:
                tokens.append((re.sub(r"\[footnoteRef:\d+\]", "", word), ",".join(nums)))
            elif word:
                tokens.append((word, None))
        lines, cur, width = [], [], 0.0
        i = 0
        while i < len(tokens):
            w, fn = tokens[i]
            ww = stringWidth(w + " ", font, size) + (stringWidth(fn, font, 6) if fn else 0)
            if cur and width + ww > body_w:
                parts = split_word(w, body_w - width) if not fn else None
                if parts:
                    cur.append((parts[0], None))
                    tokens[i] = (parts[1], fn)
                lines.append(cur)
                cur, width = [], 0.0
                continue
            cur.append((w, fn))
            width += ww
            i += 1
        if cur:
            lines.append(cur)
        return lines

    def fn_lines(num: str, t: str) -> list[str]:
        t = f"{t}"[: None if footnote_chars is None else max(0, footnote_chars - len(num) - 1)]
        if not wrap_footnotes:
            return [t]
        out, cur = [], ""
        for w in t.split(" "):
            while stringWidth(w, font, fn_size) > body_w:  # a long URL: cut it
                k = len(w)
                while stringWidth(w[:k], font, fn_size) > body_w:
                    k -= 1
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(w[:k])
                w = w[k:]
            if cur and stringWidth(cur + " " + w, font, fn_size) > body_w - 8:
                out.append(cur)
                cur = w
            else:
                cur = f"{cur} {w}" if cur else w
        if cur:
            out.append(cur)
        return out or [""]

    pages: list[dict] = []
    page = {"lines": [], "fns": []}
    y_limit = 150  # footnote area below
    y = H - 250

    def fn_height(fns) -> float:
        return sum(len(fn_lines(n, t)) for n, t in fns) * fn_lead

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
            new = [(num, fns.get(num, "")) for _, fn in line for num in (fn.split(",") if fn else [])]
            if y < max(y_limit, 60 + fn_height(page["fns"] + new) + lead):
                new_page()
            page["lines"].append((y, line))
            page["fns"].extend(new)
            y -= lead
        y -= lead  # paragraph gap
    for text in signature:
        if y < y_limit:
            new_page()
        page["lines"].append((y, [(text, None)]))
        y -= lead
    if appendix:
        new_page()
        for text in appendix:
            page["lines"].append((y, [(text, None)]))
            y -= lead
    pages.append(page)

    def draw_word(x: float, yy: float, w: str, sz: float, spaced: bool) -> None:
        if spaced and len(w) > 1:
            c.drawString(x, yy, w[0])
            c.drawString(x + stringWidth(w[0], font, sz) + 0.3 * sz, yy, w[1:])
        else:
            c.drawString(x, yy, w)

    n = len(pages)
    k = 0
    for i, pg in enumerate(pages, 1):
        # sidebar
        sy = H - 120
        for s in [*(VWS_SIDEBAR if sidebar is None else sidebar), f"Pagina {i} van {n}"]:
            if s:
                c.setFont(font, 7)
                draw_word(sidebar_x, sy, s, 7, letterspace and s.startswith("Pagina"))
            sy -= 10
        if running_header and i > 1:
            c.setFont(font, running_header_size)
            c.drawString(left, H - 60, running_header)
        for yy, line in pg["lines"]:
            x = left
            for w, fn in line:
                c.setFont(font, size)
                spaced = False
                if letterspace and len(w) >= 6 and w[:1].isupper() and w[1:].isalpha() and w[1:].islower():
                    k += 1
                    spaced = k % 3 == 0
                draw_word(x, yy, w, size, spaced)
                x += stringWidth(w, font, size) + (0.3 * size if spaced else 0)
                if fn:
                    c.setFont(font, 6)
                    c.drawString(x, yy + 4, fn)
                    x += stringWidth(fn, font, 6)
                x += stringWidth(" ", font, size)
        fy = 60 + fn_lead * (sum(len(fn_lines(num, t)) for num, t in pg["fns"]) - 1) if wrap_footnotes \
            else 60 + 9 * len(pg["fns"])
        for num, t in pg["fns"]:
            for j, fl in enumerate(fn_lines(num, t)):
                if j == 0 and fn_number == "superscript":
                    c.setFont(font, fn_size * 0.65)
                    c.drawString(left, fy + fn_size * 0.35, num)
                    c.setFont(font, fn_size)
                    c.drawString(left + stringWidth(num, font, fn_size * 0.65) + 1.5, fy, fl)
                elif j == 0:
                    c.setFont(font, fn_size)
                    c.drawString(left, fy, f"{num} {t}"[:footnote_chars] if not wrap_footnotes else f"{num} {fl}")
                else:
                    c.setFont(font, fn_size)
                    c.drawString(left + 8, fy, fl)
                fy -= fn_lead if wrap_footnotes else 9
        c.showPage()
    c.save()
    return path


def make_pages_pdf(path: Path, pages: int, *, pagesize: tuple[float, float] | None = None) -> Path:
    """A short letter spread over ``pages`` pages (one paragraph each), for the page limit."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=pagesize or A4)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 10)
        c.drawString(70, 700, f"Geachte voorzitter, dit is pagina {n} van de brief over de Druk op de Keten.")
        c.drawString(70, 680, "Ik zal uw Kamer voor het einde van 2025 informeren over de uitkomsten.")
        c.showPage()
    c.save()
    return path


def make_inflating_docx(path: Path, inflated_bytes: int, *, compressible: bool = True) -> Path:
    """A readable .docx plus one part of ``inflated_bytes``: all spaces (inflates over a
    thousand times) or, with ``compressible=False``, hex text (inflates about twice)."""
    import hashlib

    make_docx(path, [("Ik zal uw Kamer voor het einde van 2025 informeren.", {})])
    if compressible:
        data = b" " * inflated_bytes
    else:
        chunks, n = [], 0
        while n < inflated_bytes:
            chunk = hashlib.sha256(str(n).encode()).hexdigest().encode()
            chunks.append(chunk)
            n += len(chunk)
        data = b"".join(chunks)[:inflated_bytes]
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("customXml/filler.xml", data)
    return path
