"""Read raw input files (plain text, .docx, .pdf) into text.

The text produced follows the Word-export convention the parser understands: one
paragraph per line, footnote markers ``[footnoteRef:N]`` in the text and the footnote
bodies ``[N: text]`` after the paragraph that cites them. Plain text is passed through
as it is (the parser also understands PDF-export text). No Django here.
"""

from __future__ import annotations

import os
import re
import statistics
import zipfile
from collections import Counter
from collections.abc import Callable

from .parse import KENMERK_OR_DATE, PDF_CID_GLYPHS, RUNNING_LINE_RE, keeps_hyphen

__all__ = ["ReaderError", "read_source", "decode_text", "docx_to_text", "pdf_to_text", "SUPPORTED"]

SUPPORTED = (".txt", ".text", ".md", ".docx", ".pdf")


class ReaderError(Exception):
    """A file that cannot be read as a document: empty, binary, truncated, unreadable or
    of an unknown type. ``str(err)`` is a one-line reason."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_source(path: str | os.PathLike, on_page: Callable[[int, int], None] | None = None) -> tuple[bytes, str]:
    """Return (raw bytes, text) for a file, or raise :class:`ReaderError`.

    ``on_page(done, total)`` is called after each PDF page (progress, a heartbeat); what it raises
    passes through unchanged."""
    p = os.fspath(path)
    ext = os.path.splitext(p)[1].lower()
    if ext not in SUPPORTED:
        raise ReaderError(f"unsupported file type {ext or '(none)'!r}; expected one of {', '.join(SUPPORTED)}")
    try:
        with open(p, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        raise ReaderError(f"cannot read file: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise ReaderError("empty file")
    if ext == ".docx":
        text = docx_to_text(p, raw)
    elif ext == ".pdf":
        text = pdf_to_text(p, raw, on_page=on_page)
    else:
        text = decode_text(raw)
    if not text.strip():
        raise ReaderError("no text found in file")
    return raw, text


def decode_text(raw: bytes) -> str:
    if raw[:4] in (b"%PDF",) or raw[:2] == b"PK":
        raise ReaderError("binary content (a PDF or Word file?) in a text file")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReaderError("undecodable UTF-16 text") from exc
    sample = raw[:8192]
    if b"\x00" in sample:
        raise ReaderError("binary content (NUL bytes), not a text file")
    ctrl = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if ctrl > max(8, len(sample) * 0.02):
        raise ReaderError("binary content (control characters), not a text file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


# ---------------------------------------------------------------------------------------
# .docx

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _run_text(el) -> str:
    out: list[str] = []
    for node in el.iter():
        tag = node.tag
        if tag == _W + "t":
            out.append(node.text or "")
        elif tag == _W + "tab":
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append(" ")
        elif tag == _W + "footnoteReference":
            out.append(f"[footnoteRef:{node.get(_W + 'id')}]")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
    return "".join(out)


def docx_to_text(path: str, raw: bytes | None = None) -> str:
    if raw is not None and not raw.startswith(b"PK"):
        raise ReaderError("not a .docx file (no zip signature)")
    try:
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad:
                raise ReaderError(f"corrupt .docx (bad member {bad})")
            names = set(zf.namelist())
            if "word/document.xml" not in names:
                raise ReaderError("not a Word document (word/document.xml missing)")
    except zipfile.BadZipFile as exc:
        raise ReaderError("truncated or corrupt .docx (bad zip)") from exc
    try:
        import docx  # python-docx
        from lxml import etree

        document = docx.Document(path)
    except ReaderError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds
        raise ReaderError(f"unreadable .docx: {exc.__class__.__name__}") from exc

    # footnotes part, if any
    footnotes: dict[str, str] = {}
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes"):
            try:
                root = etree.fromstring(rel.target_part.blob)
            except Exception as exc:  # noqa: BLE001
                raise ReaderError("corrupt footnotes in .docx") from exc
            for fn in root.iter(_W + "footnote"):
                fid = fn.get(_W + "id")
                if fn.get(_W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paras = [_run_text(p).strip() for p in fn.iter(_W + "p")]
                footnotes[fid] = " ".join(p for p in paras if p)

    lines: list[str] = []
    body = document.element.body
    for block in body.iterchildren():
        if block.tag == _W + "p":
            paras = [block]
        elif block.tag == _W + "tbl":
            paras = list(block.iter(_W + "p"))
        else:
            continue
        for p in paras:
            text = _run_text(p)
            refs = re.findall(r"\[footnoteRef:(\d+)\]", text)
            bodies = " ".join(f"[{r}: {footnotes.get(r, '')}]" for r in dict.fromkeys(refs))
            lines.append(text + (" " + bodies if bodies else ""))
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------
# .pdf

_SPACED_FURNITURE = re.compile(r"^\s*P\s?a\s?g\s?i\s?n\s?a\s+\d+\s*(?:v\s?a\s?n\s+\d+)?\s*$", re.IGNORECASE)
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$", re.IGNORECASE)
_SIDEBAR_RE = re.compile(
    r"^(?:Ministerie\s+van|Directie|Bezoekadres|Postadres|Postbus|Ons\s+kenmerk|Uw\s+kenmerk|Uw\s+brief|Bijlage\(n\)|Bijlagen?\s*\d*$|"
    r"Kenmerk|Datum\s*$|Contactpersoon|T\s+\+?\d|E\s+\S+@|www\.|Correspondentie|Rijnstraat|Parnassusplein|Den\s+Haag$|"
    r"\d{4}\s?[A-Z]{2}\b)",
    re.IGNORECASE,
)


def _fix_letterspacing(s: str) -> str:
    """Undo single split letters from letter-spacing: "P agina" -> "Pagina",
    "Inf rastructuur" -> "Infrastructuur", "ge ïnformeerd" -> "geïnformeerd"."""
    # not "U": "U ontvangt", "U vindt" are words, not split letters
    s = re.sub(r"(?:(?<=\s)|^)([A-TV-Z]) ([a-z]{3,})\b", r"\1\2", s)
    s = re.sub(r"\b(Inf|D) (rastructuur|en Haag)\b", lambda m: m.group(1) + m.group(2) if m.group(1) == "Inf" else m.group(0), s)
    s = re.sub(r"\bge ([ïëéö]\w+)", r"ge\1", s)
    return s


class _FromCallback(Exception):
    """Carries an exception raised by an ``on_page`` callback past the reader's own handlers."""

    def __init__(self, exc: BaseException):
        super().__init__(str(exc))
        self.exc = exc


def pdf_to_text(path: str, raw: bytes | None = None, on_page: Callable[[int, int], None] | None = None) -> str:
    if raw is not None and not raw.lstrip()[:5].startswith(b"%PDF"):
        raise ReaderError("not a PDF file (no %PDF header)")
    if raw is not None and b"%%EOF" not in raw[-2048:]:
        raise ReaderError("truncated PDF (no %%EOF trailer)")
    try:
        import pdfplumber

        pages_lines = []
        sizes: Counter[float] = Counter()  # characters per type size, over the pages read so far
        with pdfplumber.open(path) as pdf:
            # one page at a time: its objects are released before the next page is read, so a
            # 300-page PDF never holds more than one page's characters
            total = len(pdf.pages)
            for done, page in enumerate(pdf.pages, 1):
                try:
                    pages_lines.append(_page_lines(page, sizes))
                finally:
                    page.close()  # flushes the page's cached layout and objects
                if on_page is not None:
                    try:
                        on_page(done, total)
                    except Exception as exc:  # noqa: BLE001 - not the PDF's fault: passed on as it is
                        raise _FromCallback(exc) from exc
    except ReaderError:
        raise
    except _FromCallback as wrapped:
        raise wrapped.exc from None
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many kinds
        raise ReaderError(f"unreadable or truncated PDF: {exc.__class__.__name__}") from exc
    return _assemble_pdf(pages_lines)


class _Line:
    __slots__ = ("text", "x0", "x1", "top", "bottom", "size", "page_h", "page_w", "marks")

    def __init__(self, text, x0, x1, top, bottom, size, page_w, page_h, marks):
        self.text, self.x0, self.x1, self.top, self.bottom = text, x0, x1, top, bottom
        self.size, self.page_w, self.page_h, self.marks = size, page_w, page_h, marks


def _page_lines(page, doc_sizes: Counter | None = None) -> list[_Line]:
    chars = [c for c in page.chars if c.get("text", "").strip() or c.get("text") == " "]
    if not chars:
        return []
    # body type: the size most characters have, on this page and the pages before it (a page
    # holding only the signature, the sidebar and footnotes has more small type than body type)
    doc_sizes = Counter() if doc_sizes is None else doc_sizes
    doc_sizes.update(round(c["size"], 1) for c in chars if c["text"].strip())
    body_size = doc_sizes.most_common(1)[0][0] if doc_sizes else 10
    normal = [c for c in chars if c["size"] >= body_size * 0.85]
    small = [c for c in chars if c["size"] < body_size * 0.85]
    # cluster normal chars into lines by baseline
    rows: list[list[dict]] = []
    for c in sorted(normal, key=lambda c: (round(c["bottom"]), c["x0"])):
        if rows and abs(rows[-1][0]["bottom"] - c["bottom"]) < body_size * 0.35:
            rows[-1].append(c)
        else:
            rows.append([c])
    # small chars: superscript markers attach to a body line; otherwise they form their
    # own lines (footnotes at the page bottom)
    small_rows: list[list[dict]] = []
    for c in sorted(small, key=lambda c: (round(c["bottom"]), c["x0"])):
        host = None
        for r in rows:
            if r[0]["top"] - 1 <= c["bottom"] <= r[0]["bottom"] + 0.5 and c["bottom"] < r[0]["bottom"] - 0.5:
                host = r
                break
        if host is not None and (c["text"].isdigit() or c["text"] == ","):  # "18,19": two markers
            c = dict(c)
            c["_sup"] = True
            host.append(c)
            continue
        if small_rows and abs(small_rows[-1][0]["bottom"] - c["bottom"]) < c["size"] * 0.35:
            small_rows[-1].append(c)
        else:
            small_rows.append([c])
    # a footnote's own number, raised and smaller than the footnote text beside it ("¹ Kamerstukken
    # II ..."): it belongs to that line, as its number
    kept: list[list[dict]] = []
    for r in small_rows:
        digits = all(c["text"].isdigit() or c["text"] in ", " for c in r)
        host = None
        if digits:
            size = max(c["size"] for c in r)
            bottom = max(c["bottom"] for c in r)
            for h in small_rows:
                if h is r or h[0]["size"] < size * 1.2:
                    continue
                if h[0]["top"] - 1 <= bottom < h[0]["bottom"] - 0.5 and \
                        min(abs(c["x0"] - hc["x1"]) for c in r for hc in h) < 3 * h[0]["size"] + 20:
                    host = h
                    break
        if host is None:
            kept.append(r)
            continue
        for c in r:
            c = dict(c)
            c["_sup"] = True
            host.append(c)
    small_rows = kept
    out = []
    for r in rows + small_rows:
        r.sort(key=lambda c: c["x0"])
        # split a visual row into columns at wide gaps (sidebar next to body text)
        segs: list[list[dict]] = [[r[0]]]
        for c in r[1:]:
            prev = segs[-1][-1]
            if c["x0"] - prev["x1"] > 4 * max(prev["size"], 6):
                segs.append([c])
            else:
                segs[-1].append(c)
        for seg in segs:
            text, marks = _chars_to_text(seg)
            if not text.strip():
                continue
            size = statistics.median(c["size"] for c in seg if not c.get("_sup"))  if any(not c.get("_sup") for c in seg) else seg[0]["size"]
            out.append(
                _Line(text, seg[0]["x0"], seg[-1]["x1"], min(c["top"] for c in seg), max(c["bottom"] for c in seg), size, page.width, page.height, marks)
            )
    out.sort(key=lambda l: (round(l.top), l.x0))
    return out


# glyphs pdfminer cannot map to Unicode in the standard fonts
_CID = PDF_CID_GLYPHS


def _chars_to_text(seg: list[dict]) -> tuple[str, list[str]]:
    parts: list[str] = []
    marks: list[str] = []
    prev = None
    sup_buf = ""
    for c in seg:
        if c.get("_sup"):
            sup_buf += c["text"]
            prev = c
            continue
        if sup_buf:
            for num in filter(None, sup_buf.split(",")):
                parts.append(f"[footnoteRef:{num}]")
                marks.append(num)
            sup_buf = ""
        if prev is not None and c["text"] != " " and parts and not parts[-1].endswith(" "):
            gap = c["x0"] - prev["x1"]
            if gap > c["size"] * 0.2:
                parts.append(" ")
        parts.append(_CID.get(c["text"], c["text"]))
        prev = c
    for num in filter(None, sup_buf.split(",")):
        parts.append(f"[footnoteRef:{num}]")
        marks.append(num)
    text = re.sub(r"\s+", " ", "".join(parts)).strip()
    return _fix_letterspacing(text), marks


def _assemble_pdf(pages: list[list[_Line]]) -> str:
    if not pages:
        return ""
    all_lines = [l for p in pages for l in p]
    if not all_lines:
        return ""
    weight: Counter[float] = Counter()
    for l in all_lines:
        weight[round(l.size, 1)] += len(l.text)
    body_size = weight.most_common(1)[0][0]
    # the body column: the x0 most lines start at
    x0s = [round(l.x0) for l in all_lines if abs(l.size - body_size) < 0.5]
    body_x0 = statistics.mode(x0s) if x0s else 0
    # the right edge of the body column: where most full lines end
    x1s = sorted(l.x1 for l in all_lines if abs(l.size - body_size) < 0.5 and abs(l.x0 - body_x0) < 3)
    body_right = x1s[int(len(x1s) * 0.9)] if x1s else body_x0
    # running headers/footers: the same text on several pages
    # Only lines in the margins or beside the body column count: a VSO repeats its questions
    # verbatim in part II, and footnotes ("# Kamerstuk # #, nr. #.") look alike on every page.
    def _furniture_zone(l: _Line) -> bool:
        if re.match(r"^(?:\d{1,3}\s+\S|\[footnoteRef:)", l.text):
            return False
        return (l.top < l.page_h * 0.08 or l.bottom > l.page_h * 0.94
                or l.x0 > body_x0 + 0.45 * (l.page_w - body_x0) or l.x1 < body_x0 - 5)

    counts: dict[str, int] = {}
    for p in pages:
        for t in {re.sub(r"\d+", "#", l.text) for l in p if _furniture_zone(l)}:
            counts[t] = counts.get(t, 0) + 1
    repeated = {t for t, n in counts.items() if n >= max(2, len(pages) // 2 + 1) and len(pages) > 1}

    paragraphs: list[str] = []
    footnotes: dict[str, str] = {}
    last_fn: str | None = None
    cur = ""
    cur_open = False  # last paragraph may continue on the next page
    last_full = False  # the last line of the page before reaches the right edge
    for page_no, p in enumerate(pages):
        # the first line of body type on the page: a line in smaller type in the top margin above it, after the first
        # page, is a running header ("Datum 3 maart 2025  Kenmerk 2025-0000123456"), also in a two-page letter, where it
        # is printed once and so is not "the same text on several pages"
        body_top = min((l.top for l in p if abs(l.size - body_size) < 0.5 and l.top >= l.page_h * 0.08), default=0)
        lines: list[_Line] = []
        for l in p:
            t = l.text
            if _SPACED_FURNITURE.match(t) or (re.sub(r"\d+", "#", t) in repeated and _furniture_zone(l)):
                continue
            if page_no > 0 and l.top < l.page_h * 0.08 and l.bottom <= body_top and (
                    l.size < body_size * 0.9 or RUNNING_LINE_RE.match(t)):
                continue  # (in body type when it reads as one: "Tweede Kamer, vergaderjaar 2025–2026, 27 625, nr. 701 2")
            # sidebar column: text starting well to the right of the body column
            if l.x0 > body_x0 + 0.45 * (l.page_w - body_x0) or (l.x1 < body_x0 - 5):
                continue
            if _SIDEBAR_RE.match(t) and l.x0 > body_x0 + 20:
                continue
            # a running header or footer line of its own in the top or bottom margin
            if (l.top < l.page_h * 0.08 or l.bottom > l.page_h * 0.94) and _RUNNING_RE.match(t):
                continue
            lines.append(l)
        # footnotes: smaller type below the last line of body type, each starting with its number
        # (printed, or raised and smaller); the block may run over a URL line or continue the last
        # footnote of the page before
        body_bottom = max((l.bottom for l in lines if l.size >= body_size * 0.9), default=0)
        markers = {m for l in lines if l.size >= body_size * 0.9 for m in l.marks}
        body: list[_Line] = []
        in_block = False
        for l in lines:
            t = l.text
            small = l.size < body_size * 0.9
            below = l.top >= body_bottom - 1
            if small and (below or l.top > l.page_h * 0.5):
                m = re.match(r"^(?:\[footnoteRef:(\d{1,3})\]|(\d{1,3})(?=\s|$|[A-Za-z(‘“\"]))\s*(.*)$", t)
                num = m and (m.group(1) or m.group(2))
                if num and (m.group(1) or num in markers or last_fn is None
                            or num == str(int(last_fn) + 1)):
                    footnotes[num] = m.group(3).strip()
                    last_fn = num
                    in_block = True
                    continue
                if last_fn is not None and (in_block or below):
                    footnotes[last_fn] = _join_fn(footnotes[last_fn], t)
                    in_block = True
                    continue
                if below and not _URL.match(t):
                    body.append(l)
                continue
            if _URL.match(t):
                continue
            body.append(l)
        # paragraphs on this page: vertical gaps (a paragraph gap is larger than the usual line gap)
        gaps = sorted(b.top - a.bottom for a, b in zip(body, body[1:]))
        normal_gap = gaps[len(gaps) // 4] if gaps else 0
        right = max([body_right, *(b.x1 for b in body)])
        for i, l in enumerate(body):
            t = l.text
            if i == 0:
                # a paragraph runs on over the page break when it is unterminated, and its last line is full
                # (not a heading or a signature line) and the next page does not start with a heading, or
                # the next page goes on in lower case
                if cur and cur_open and not re.match(r"^(?:[•·▪]\s|\d{1,2}[.)]\s)", t) and (
                        t[:1].islower() or cur.endswith("-") or (last_full and not (
                            l.x1 - body_x0 < (right - body_x0) * 0.75 and not re.search(r"[.?!:;,]$", t)))):
                    cur = _join(cur, t)
                    continue
                if cur:
                    paragraphs.append(cur)
                cur = t
                continue
            gap = l.top - body[i - 1].bottom
            prev = body[i - 1]
            # a short line ends its paragraph, unless it stops mid-sentence before a word too long for
            # it (the next line starts in lower case)
            prev_short = prev.x1 - body_x0 < (right - body_x0) * 0.75 and not prev.text.endswith("-") and not (
                t.lstrip("(‘“'\"«")[:1].islower() and not re.search(r"[.?!:;,]['’”\"]?(?:\[footnoteRef:\d+\])*$", prev.text))
            new_para = (
                gap > normal_gap + body_size * 0.5
                or re.match(r"^(?:[•·▪]\s|\d{1,2}[.)]\s)", t)
                # a dash starts an item after a finished line; else it is a dash in the sentence ("leer – en")
                or (re.match(r"^[-–]\s", t) and (prev_short or re.search(r"[.:;?!]$", prev.text)))
                or prev_short
                or re.match(r"^(?:Geachte|Hoogachtend|Datum\b|Betreft\b|Ons kenmerk)", t)
                or (prev.text.isupper() and len(prev.text) > 3 and not t.isupper())  # a heading in capitals
                or prev.size > body_size * 1.1
                or l.size > body_size * 1.1
            )
            if new_para:
                paragraphs.append(cur)
                cur = t
            else:
                cur = _join(cur, t)
        # a paragraph runs on over the page break when it is unterminated and its last line is full
        cur_open = bool(cur) and bool(body) and not re.search(r"[.?!]['’”\"]?(?:\[footnoteRef:\d+\])*$", cur)
        last_full = bool(body) and body[-1].x1 - body_x0 >= (right - body_x0) * 0.75
    if cur:
        paragraphs.append(cur)
    # footnote bodies after the paragraph that cites them
    out = []
    used: set[str] = set()
    for para in paragraphs:
        refs = [r for r in dict.fromkeys(re.findall(r"\[footnoteRef:(\d+)\]", para))]
        bodies = " ".join(f"[{r}: {footnotes[r]}]" for r in refs if r in footnotes)
        used.update(refs)
        out.append(para + (" " + bodies if bodies else ""))
    rest = [n for n in footnotes if n not in used]
    if rest:
        out.append(" ".join(f"[{n}: {footnotes[n]}]" for n in rest))
    return _dehyphenate("\n".join(out) + "\n")


_RUNNING_RE = re.compile(
    r"^\s*(?:" + KENMERK_OR_DATE + r"|(?:P\s?a\s?g\s?i\s?n\s?a\s+)?\d{1,3}(?:\s*(?:van|/)\s*\d{1,3})?)\s*$", re.IGNORECASE)


def _join_fn(left: str, right: str) -> str:
    """A footnote's next line: a URL cut over two lines joins without a space."""
    if re.search(r"(?:https?://|www\.)\S*$", left) and not re.match(r"^(?:[A-Z]|https?://|www\.)", right) \
            and " " not in right:
        return left + right
    return _join(left, right) if left else right


_HYPH = "\x00"  # a line-end hyphen, decided once the whole document is known (see _dehyphenate)


def _join(left: str, right: str) -> str:
    if left.endswith("-") and len(left) > 1 and left[-2].isalnum():
        return left[:-1] + _HYPH + right
    if left.endswith("/-"):  # "meetmoment/-" / "methode"
        return left + right
    return left + " " + right


_SYLLABLES = {"aan", "af", "be", "bij", "daar", "door", "er", "ge", "her", "hier", "in", "mee", "na", "om", "on", "ont",
              "op", "over", "te", "toe", "uit", "ver", "voor", "waar", "weg", "wer", "de", "re", "pro", "con"}


def _dehyphenate(text: str) -> str:
    """Decide each line-end hyphen: "ver-" / "wacht" -> "verwacht"; a real hyphen stays:
    "Noord-" / "Holland", "Wlz-" / "indiceerbaren", "2025-" / "2026", "door-" / "en uitstroom"
    ("door- en"), a compound the document writes with a hyphen elsewhere, or one whose halves
    meet with two vowels ("zee-egel")."""
    if _HYPH not in text:
        return text
    corpus = text.replace(_HYPH, " ")
    lowered = corpus.lower()

    def decide(m: re.Match) -> str:
        wl, wr = m.group(1), m.group(2)
        nxt = text[m.end(): m.end() + 1]
        if wr in ("en", "of", "tot", "noch") and not nxt.isalpha():
            return f"{wl}- {wr}"
        if not wl or not wr:
            return f"{wl}-{wr}"
        # a capital after the hyphen, digits, an abbreviation ("OCW-", "Wlz-", "ggz-")
        if wr[:1].isupper() or re.search(r"\d", wl + wr[:1]) or sum(ch.isupper() for ch in wl) >= 2 or \
                not re.search(r"[aeiouyAEIOUY]", wl):
            return f"{wl}-{wr}"
        if f"{wl}-{wr}".lower() in lowered or keeps_hyphen(wl, wr):
            return f"{wl}-{wr}"
        # a short abbreviation the document writes with a hyphen elsewhere ("hbo-", "sbo-"), not a syllable
        if len(wl) <= 4 and wl.lower() not in _SYLLABLES and re.search(rf"(?<!\w){re.escape(wl.lower())}-\w", lowered):
            return f"{wl}-{wr}"
        if f"{wl}{wr}".lower() in lowered:
            return wl + wr
        if wl[-1:].lower() in "aeiou" and wr[:1].lower() in "aeiouëï" and not (wl[-1:].lower() == "e" and wr[:1] == "i"):
            return f"{wl}-{wr}"
        return wl + wr

    return re.sub(rf"(\w*){_HYPH}(\w*)", decide, text)
