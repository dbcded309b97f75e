"""Turn the text of a Kamerbrief or VSO into a :class:`ParsedDocument`.

Input conventions (what :mod:`documents.reader.sources` produces, and what the corpus
holds):

* Word-export text: one paragraph per line, footnote markers ``[footnoteRef:12]`` in the
  text, footnote bodies ``[12: Kamerstuk ...]`` after the paragraph, ``[bookmark: ...]``
  noise.
* PDF-export text (hard-wrapped lines, footnotes as lines starting with their number at
  the bottom of each page, inline footnote numbers glued to words, URLs). This is first
  rewritten into the Word-export convention by :func:`unwrap_pdf_text`.

Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from .citations import FOOTNOTE_REF_RE, find_citations, find_motions, find_motions_in_footnote
from .types import Footnote, MotionMention, ParsedDocument, ParsedPassage, PassageKind

__all__ = ["parse_text", "unwrap_pdf_text", "parse_dutch_date", "MONTHS"]

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
_DATE = r"(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)"
DATE_RE = re.compile(_DATE, re.IGNORECASE)

BOOKMARK_RE = re.compile(r"\[bookmark:[^\]]*\]")
URL_LINE_RE = re.compile(r"^\s*(?:https?://|file:///?|www\.)\S*\s*$", re.IGNORECASE)

# ministries by the name in "minister van ..." (and portfolios of ministers/state
# secretaries without their own ministry) -> abbreviation
MINISTRIES = {
    "volksgezondheid, welzijn en sport": "VWS",
    "langdurige zorg, jeugd en sport": "VWS",
    "jeugd, preventie en sport": "VWS",
    "medische zorg": "VWS",
    "langdurige en maatschappelijke zorg": "VWS",
    "onderwijs, cultuur en wetenschap": "OCW",
    "primair en voortgezet onderwijs": "OCW",
    "basis- en voortgezet onderwijs en media": "OCW",
    "onderwijs en emancipatie": "OCW",
    "funderend onderwijs en emancipatie": "OCW",
    "sociale zaken en werkgelegenheid": "SZW",
    "participatie en integratie": "SZW",
    "armoedebeleid, participatie en pensioenen": "SZW",
    "binnenlandse zaken en koninkrijksrelaties": "BZK",
    "justitie en veiligheid": "JenV",
    "rechtsbescherming": "JenV",
    "financiën": "FIN",
    "infrastructuur en waterstaat": "IenW",
    "economische zaken": "EZ",
    "economische zaken en klimaat": "EZK",
    "landbouw, visserij, voedselzekerheid en natuur": "LVVN",
    "buitenlandse zaken": "BZ",
    "defensie": "DEF",
    "algemene zaken": "AZ",
    "volkshuisvesting en ruimtelijke ordening": "VRO",
    "asiel en migratie": "AenM",
    "klimaat en groene groei": "KGG",
}

_BEWINDS_RE = re.compile(
    r"\b(?P<role>(?:de\s+)?(?:minister-president|minister|staatssecretaris))\s+(?P<vv>van|voor)\s+"
    r"(?P<port>[A-Z][\w\-]*(?:(?:,\s*|\s+en\s+|\s+|-\s*en\s+)[\w\-]+){0,8})",
    re.IGNORECASE,
)


def parse_dutch_date(s: str) -> dt.date | None:
    m = DATE_RE.search(s)
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------
# footnotes and noise


def extract_footnote_bodies(text: str) -> tuple[str, dict[str, str], dict[str, int]]:
    """Remove ``[N: body]`` footnote bodies (bracket-balanced, may span lines).

    Returns the text without them, number -> body, and number -> line index (in the
    returned text) after which the body stood.
    """
    out: list[str] = []
    bodies: dict[str, str] = {}
    where: dict[str, int] = {}
    i = 0
    lines_before = 0  # newlines in "".join(out), kept up to date (joining each time is quadratic)
    pat = re.compile(r"\[(\d{1,4}):")
    while True:
        m = pat.search(text, i)
        if not m:
            out.append(text[i:])
            break
        out.append(text[i : m.start()])
        lines_before += text.count("\n", i, m.start())
        depth, j = 0, m.start()
        while j < len(text):
            if text[j] == "[":
                depth += 1
            elif text[j] == "]":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        body = text[m.end() : j]
        num = m.group(1)
        bodies[num] = re.sub(r"\s+", " ", body).strip()
        where[num] = lines_before
        i = j + 1
    return "".join(out), bodies, where


def clean_inline(s: str) -> str:
    s = BOOKMARK_RE.sub("", s)
    s = FOOTNOTE_REF_RE.sub("", s)
    s = s.replace("\u00ad", "").replace("\u00a0", " ")
    s = re.sub(r"[ \t]+", " ", s)
    s = re.sub(r" +([,.;:?!])", r"\1", s)
    return s.strip()


# ---------------------------------------------------------------------------------------
# PDF-export text -> Word-export convention


def looks_hard_wrapped(text: str) -> bool:
    lines = [l for l in text.splitlines() if l.strip()]
    # Word-export text carries its footnote markers; a stray marker in PDF text does not make it one
    if len(lines) < 20 or ("[footnoteRef:" in text and re.search(r"\[\d{1,4}:", text)):
        return False
    lengths = sorted(len(l) for l in lines)
    median = lengths[len(lengths) // 2]
    unterminated = sum(1 for l in lines if not re.search(r"[.?!:;]\s*$", l))
    return median < 110 and unterminated / len(lines) > 0.5


# compounds Dutch always writes with a hyphen, so a line break at that hyphen keeps it: "directeur-" / "generaal",
# "minister-" / "president", "oud-" / "minister", "niet-" / "westerse", "non-" / "conform", "vice-" / "premier"
_HYPHEN_PREFIX = frozenset("non ex oud vice niet semi pseudo quasi".split())
_HYPHEN_SECOND = re.compile(r"(?:generaal|president)", re.IGNORECASE)


def keeps_hyphen(word_left: str, word_right: str) -> bool:
    """Is the hyphen at a line break between these two halves one of the compound's own?"""
    return word_left.lower() in _HYPHEN_PREFIX or bool(_HYPHEN_SECOND.fullmatch(word_right))


def _join_hyphen(left: str, right: str, corpus: str) -> str:
    """Join a line ending in '-' to the next line."""
    lw = re.search(r"(\S*)-$", left)
    word_left = lw.group(1) if lw else ""
    if (
        word_left
        and word_left[-1:].isalpha()
        and word_left[-1:].islower()
        and right[:1].isalpha()
        and right[:1].islower()
    ):
        rw = re.match(r"\w+", right)
        hyph = f"{word_left}-{rw.group(0) if rw else ''}"
        # keep the hyphen when the document writes this compound (or prefix) with one, or Dutch always does
        if hyph in corpus or re.search(rf"(?<!\w){re.escape(word_left)}-\w", corpus) \
                or keeps_hyphen(word_left, rw.group(0) if rw else ""):
            return left + right
        return left[:-1] + right
    return left + right


# Rijkshuisstijl sidebar and page furniture as lines of raw PDF text (pdftotext, pdfminer)
_PAGE_NO_RE = re.compile(r"^\s*P\s?a\s?g\s?i\s?n\s?a\s+\d+\s*(?:v\s?a\s?n\s+\d+)?\s*$", re.IGNORECASE)
_SIDEBAR_LABEL_RE = re.compile(
    r"^\s*(?:Bezoekadres|Postadres|Ons\s+kenmerk|Uw\s+kenmerk|Uw\s+brief(?:\s+van)?|Bijlagen?(?:\(n\))?|"
    r"Contactpersoon|Kenmerk|Onze\s+referentie|Datum|Inlichtingen|Doorkiesnummer)\s*$", re.IGNORECASE)
_SIDEBAR_LINE_RE = re.compile(
    r"^\s*(?:Ministerie\s+van\b.{0,50}|Directoraat-[Gg]eneraal\b.{0,50}|Directie\b.{0,50}|Postbus\s+\d+\s*|"
    r"\d{4}\s?[A-Z]{2}\s+(?:Den\s+Haag|DEN\s+HAAG|[A-Z][\w\-]+)\s*|(?:www\.)?rijksoverheid\.nl\S*|"
    r"[A-Z][\w\-’']*(?:straat|plein|laan|markt|weg|gracht|kade|singel|hof)\s+\d{1,4}[a-z]?|"
    r"T\s+\+?[\d\s\-]{8,}|E\s+\S+@\S+|"
    r"Bij\s+beantwoording\s+de\s+datum.{0,40}|en\s+ons\s+kenmerk\s+vermelden\.?|"
    r"Wilt\s+u\s+slechts\s+(?:één|een)\s+zaak.{0,40}|brief\s+behandelen\.?)$")


def strip_page_furniture(text: str) -> str:
    """Drop page numbers, sidebar blocks and running headers from raw PDF text.

    Pages are split at form feeds (else at "Pagina x van y" lines). A short line that stands
    on most pages (digits ignored) is furniture; so are sidebar labels ("Ons kenmerk",
    "Datum" on its own line) with the value on the line after them, ministry/address lines
    and page numbers (also letter-spaced: "P agina 2 van 3").
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if "\f" in line and pages[-1]:
            pages.append([])
        pages[-1].append(i)
        if _PAGE_NO_RE.match(line.replace("\f", "")) and len(pages) > 0 and "\f" not in text:
            pages.append([])
    pages = [p for p in pages if p]
    drop: set[int] = set()
    if len(pages) > 1:
        counts: dict[str, int] = {}
        for p in pages:
            for key in {re.sub(r"\d+", "#", lines[i].replace("\f", "").strip()) for i in p}:
                counts[key] = counts.get(key, 0) + 1
        # on (nearly) every page; a VSO repeats its questions once, which is not furniture
        need = max(2, -(-len(pages) * 3 // 5))
        edge: set[int] = set()
        for p in pages:
            edge.update(p[:25])
            edge.update(p[-25:])
        for i, line in enumerate(lines):
            key = re.sub(r"\d+", "#", line.replace("\f", "").strip())
            # footnotes ("# Kamerstuk # #, nr. #.") and sentences look alike across pages: not furniture
            if key and len(key) <= 60 and counts.get(key, 0) >= need and not key.startswith("#") \
                    and not key.endswith(".") and (len(pages) > 2 or i in edge):
                drop.add(i)
    for i, line in enumerate(lines):
        t = line.replace("\f", "").strip()
        # page numbers, and footnote numbers whose text the export lost, on a line of their own
        if _PAGE_NO_RE.match(t) or _SIDEBAR_LINE_RE.match(t) or re.fullmatch(r"\d{1,3}", t):
            drop.add(i)
        elif _SIDEBAR_LABEL_RE.match(t):
            drop.add(i)
            # its value: the next non-empty short line ("5843172", "8 oktober 2024", "1")
            for j in range(i + 1, min(i + 3, len(lines))):
                v = lines[j].replace("\f", "").strip()
                if v:
                    if len(v) <= 40 and not re.search(r"[.!?;:]$", v):
                        drop.add(j)
                    break
    drop |= _page_break_furniture(lines, pages, drop)
    return "\n".join("" if i in drop else line for i, line in enumerate(lines))


# a running header/footer line of its own: "Kenmerk 2026-0000123456", "Datum 10 maart 2026", a bare date, several
# of them on one line ("Datum 10 maart 2026   Kenmerk 2026-0000123456   Pagina 2 van 4"), or the Kamerstuk's own
# ("Tweede Kamer, vergaderjaar 2022–2023, 32 813, nr. 1120 2")
KENMERK_OR_DATE = (r"(?:(?:Ons\s+|Uw\s+)?(?:kenmerk|referentie)\s*:?\s*[\w\-/.]*\d[\w\-/.]*|"
                   r"(?:Datum\s*:?\s*)?\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+(?:19|20)\d\d)")
_RUNNING_FIELD = (r"(?:" + KENMERK_OR_DATE + r"|"
                  r"Pagina\s+\d{1,3}\s+van\s+\d{1,3}|"
                  r"(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+(?:19|20)\d\d\s*[–/-]\s*(?:19|20)\d\d,\s+\d[\d\s]*"
                  r"(?:[A-Z]{1,5}\s*)?,\s+nr\.\s+\d+(?:\s+\d{1,3})?)")
RUNNING_LINE_RE = re.compile(r"^\s*" + _RUNNING_FIELD + r"(?:\s+" + _RUNNING_FIELD + r")*\s*$", re.IGNORECASE)
_LABELLED_RE = re.compile(r"^\s*(?:Betreft|Onderwerp)\s*:?\s+(\S.*?)\s*$", re.IGNORECASE)


def _page_break_furniture(lines: list[str], pages: list[list[int]], dropped: set[int]) -> set[int]:
    """Running headers/footers next to a page break: the lines between the last body line of a
    page and the first body line of the next page that are page numbers, kenmerk/date lines, the
    letter's subject ("Betreft ...") or a line that also stands next to another page break (or
    elsewhere in the letterhead), so that a sentence crossing the page joins up again."""
    if len(pages) < 2:
        return set()

    def key(i: int) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", " ", lines[i].replace("\f", "").strip())).lower()

    # the subject and other labelled letterhead values, and every whole line, by key
    labelled: set[str] = set()
    line_count: dict[str, int] = {}
    for i, line in enumerate(lines):
        k = key(i)
        if not k:
            continue
        line_count[k] = line_count.get(k, 0) + 1
        m = _LABELLED_RE.match(line.replace("\f", ""))
        if m:
            labelled.add(re.sub(r"\d+", "#", re.sub(r"\s+", " ", m.group(1))).lower())

    def zone(idxs) -> list[int]:
        # the non-empty lines from the page edge inwards, up to the first body line
        out = []
        for i in idxs:
            t = lines[i].replace("\f", "").strip()
            if not t or i in dropped:
                continue
            out.append(i)
            if len(out) >= 8:
                break
        return out

    pages = [p for p in pages if any(lines[i].replace("\f", "").strip() for i in p)]
    if len(pages) < 2:
        return set()
    heads = [zone(p) for p in pages[1:]]
    feet = [zone(reversed(p)) for p in pages[:-1]]
    # on how many pages a line stands at the top or the bottom
    edge_count: dict[str, int] = {}
    for n, p in enumerate(pages):
        z = (zone(p) if n else []) + (zone(reversed(p)) if n < len(pages) - 1 else [])
        for k in {key(i) for i in z}:
            edge_count[k] = edge_count.get(k, 0) + 1

    def furniture(i: int) -> bool:
        t = lines[i].replace("\f", "").strip()
        k = key(i)
        if RUNNING_LINE_RE.match(t) or _PAGE_NO_RE.match(t):
            return True
        if len(t) > 80 or re.search(r"[.,;:!?]$", t) or k.startswith("#") or t[:1].islower():
            return False  # a sentence (or its wrapped middle, which a VSO repeats), or a footnote at the page bottom
        if k in labelled:
            return True
        # the same line next to another page break, or repeated from the letterhead
        return edge_count.get(k, 0) >= 2 or line_count.get(k, 0) >= 2

    drop: set[int] = set()
    for z in heads + feet:
        for i in z:
            if not furniture(i):
                break
            drop.add(i)
    return drop


_STANDALONE_RE = re.compile(r"^(?:Geachte\s+\S.*,|Hoogachtend,?|Met\s+vriendelijke\s+groet,?|Datum\s+\S.*|Betreft\s+\S.*)$")


def unwrap_pdf_text(text: str) -> str:
    """Rewrite hard-wrapped PDF text into one paragraph per line with
    ``[footnoteRef:N]`` markers and ``[N: body]`` footnote bodies."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # 1. separate footnote blocks (lines starting with the next expected number, after a
    #    blank line or another footnote) from body lines; drop URL lines
    body: list[str | None] = []  # None = blank
    footnotes: dict[str, str] = {}
    expected = 1
    in_fn: str | None = None
    fn_tail: str | None = None  # the footnote last read: a URL line after it (blank lines between) is its own
    url_of: str | None = None  # the footnote whose URL the line before ended with (a URL cut over two lines)
    prev_blank = True
    for line in raw_lines:
        if URL_LINE_RE.match(line):
            if fn_tail is not None:
                footnotes[fn_tail] = (footnotes[fn_tail] + " " + line.strip()).strip()
                url_of = fn_tail
            continue
        if url_of is not None and line.strip() and " " not in line.strip() and not re.fullmatch(r"\d{1,3}", line.strip()) \
                and not line.strip()[:1].isupper():
            footnotes[url_of] += line.strip()  # the rest of a URL cut at the line end
            url_of = None
            continue
        url_of = None
        if not line.strip():
            in_fn = None
            body.append(None)
            prev_blank = True
            continue
        m = re.match(r"^(\d{1,3})\s+(\S.*)$", line)
        if m and int(m.group(1)) == expected and (prev_blank or in_fn):
            in_fn = fn_tail = m.group(1)
            footnotes[in_fn] = m.group(2).strip()
            expected += 1
            prev_blank = False
            continue
        if in_fn and not line[:1].isspace():
            footnotes[in_fn] += " " + line.strip()
            continue
        in_fn = fn_tail = None
        body.append(line.rstrip())
        prev_blank = False

    # 2. paragraphs: a whitespace-only line between a terminated line and a capital
    #    starts a new paragraph; otherwise (page break mid-sentence) the lines join
    paras: list[str] = []
    cur = ""
    blank_run = False
    lines = list(body)
    stripped = [l.strip() if l is not None else None for l in lines]
    widths = sorted(len(s) for s in stripped if s)
    full = widths[int(len(widths) * 0.95)] if widths else 60

    def flush() -> None:
        nonlocal cur
        if cur.strip():
            paras.append(cur.strip())
        cur = ""

    for idx, s in enumerate(stripped):
        if s is None:
            blank_run = True
            continue
        starts_item = bool(re.match(r"^(?:[-•·▪–]\s|\d{1,2}[.)]\s|[a-z][.)]\s)", s))
        if _STANDALONE_RE.match(s):
            flush()
            cur = s
            flush()
            blank_run = False
            continue
        if cur:
            prev_plain = FOOTNOTE_REF_RE.sub("", _markers(cur, footnotes)).rstrip()
            terminated = bool(re.search(r"[.?!:;]['’”\"]?$", prev_plain))
            if starts_item or (blank_run and terminated and (s[:1].isupper() or s[:1].isdigit() or not s[:1].isalnum())):
                flush()
            elif cur.endswith("-"):
                cur = _join_hyphen(cur, s, text)
                blank_run = False
                # (a heading wrapped at a hyphen: "Motie over … en de bijbe-" / "horende richtsnoeren")
                if _is_heading_end(s, _next_text(stripped, idx), full):
                    flush()
                continue
            else:
                cur += " " + s
                blank_run = False
                # heading: a short unterminated line followed by a capitalised line
                nxt = _next_text(stripped, idx)
                if _is_heading_end(s, nxt, full):
                    flush()
                continue
        cur = s
        blank_run = False
        nxt = _next_text(stripped, idx)
        if _is_heading_end(s, nxt, full):
            flush()
    flush()

    # 3. inline footnote numbers -> markers, footnote bodies after their paragraph
    out: list[str] = []
    remaining = sorted(footnotes, key=int)
    last = int(remaining[-1]) if remaining else 0
    # footnotes whose bodies the export lost (last page): still remove their numbers
    extra = [str(n) for n in range(last + 1, last + 6)] if remaining else []
    pending = list(remaining) + extra
    for p in paras:
        p2, used = _mark_inline_numbers(p, pending)
        for u in used:
            pending.remove(u)
        bodies = " ".join(f"[{u}: {footnotes[u]}]" for u in used if u in footnotes)
        out.append(p2 + (" " + bodies if bodies else ""))
    pending = [u for u in pending if u in footnotes]
    if pending:  # footnotes whose marker we could not find: keep them at the end
        out.append(" ".join(f"[{u}: {footnotes[u]}]" for u in pending))
    return "\n".join(out) + "\n"


def _markers(s: str, footnotes: dict[str, str]) -> str:
    return s


def _next_text(stripped: list[str | None], idx: int) -> str | None:
    for s in stripped[idx + 1 :]:
        if s:
            return s
    return None


def _is_heading_end(s: str, nxt: str | None, full: int) -> bool:
    """A hard line break: the next line's first word would have fitted on this line, and
    the next line starts like a new block (capital, digit, bullet)."""
    if not nxt or not s:
        return False
    if s.endswith("-"):
        return False
    if s.isupper() and nxt.isupper() and len(s) > 20 and not _ROLE_RE.match(s):
        return False  # a heading in capitals wrapped over two lines ("BRIEF VAN DE MINISTER VAN" / "FINANCIËN")
    if _ROLE_RE.match(s) and s.endswith(","):
        return True  # signature line: "De staatssecretaris van ...,"
    plain = FOOTNOTE_REF_RE.sub("", s).rstrip()
    if re.search(r"[.?!;,]['’”\"]?$", plain) or re.search(r"\b(?:en|of|van|de|het|een|op|in|met|voor|aan|te|tot|om|die|dat)$", plain):
        return False
    first = nxt.split(" ", 1)[0]
    if first.endswith(",") and len(s) > full // 2 and s[-1:].islower():
        return False  # "… naar de Azerbeidjaanse exclave" / "Nachitsjevan, hetgeen …": a name that goes on the sentence
    has_room = len(s) + len(first) + 5 < full
    if not has_room:
        return False
    return bool(re.match(r"^(?:[A-Z0-9‘“'\"(]|[-•·▪–]\s)", nxt))


def _mark_inline_numbers(p: str, pending: list[str]) -> tuple[str, list[str]]:
    """Replace footnote numbers glued to words ("toe.1", "Jeugd9;", "Handicap18,19") by
    markers, in the expected order."""
    used: list[str] = []
    pos = 0
    while pending[len(used) :]:
        num = pending[len(used)]
        # after a word or punctuation ("toe.1", "Jeugd9;"), or glued to a year ("15 februari 20225,")
        rx = re.compile(rf"(?:(?<=[A-Za-zÀ-ÿ.,;:)\]’”'\"?!])|(?<=(?<![\d.,])(?:19|20)\d\d))({num})(?=[\s,.;:)\[]|$)")
        m = rx.search(p, pos)
        if not m:
            break
        # "18,19": the comma between two markers
        rep = f"[footnoteRef:{num}]"
        p = p[: m.start()] + rep + p[m.end() :]
        pos = m.start() + len(rep)
        if p[pos : pos + 1] == ",":
            nxt_num = pending[len(used) + 1] if len(pending) > len(used) + 1 else None
            if nxt_num and p.startswith(nxt_num, pos + 1):
                p = p[:pos] + p[pos + 1 :]
        used.append(num)
    return p, used


# ---------------------------------------------------------------------------------------
# paragraphs


@dataclass
class _Para:
    raw: str  # with footnote markers
    text: str  # clean
    footnotes: list[Footnote] = field(default_factory=list)


def _closes_open_bracket(prev: str, line: str) -> bool:
    """"… een korte reactie geven (hoofdstuk" / "1). Na deze …": the line closes a bracket the previous one opened."""
    return prev.count("(") > prev.count(")") and bool(re.match(r"^[^()\n]{1,40}\)", line))


_MONTHS = "|".join(MONTHS) + "|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
_YEAR_GLUED_RE = re.compile(
    # a footnote number glued to a year that follows a date or time word: "15 februari 20225,",
    # "in het voorjaar van 20264", "eind 20253". The year alone is what the sentence says.
    rf"(?<![\w.])((?:{_MONTHS}|zomer|voorjaar|najaar|winter|herfst|kwartaal|helft|eind|einde|begin|medio"
    r"|halverwege|uiterlijk|vóór|voor|sinds|vanaf|per|in|van|jaar|jaren|tot|en|[Qq][1-4]|\d{1,2})\.? )"
    r"((?:19|20)\d\d)([1-9]\d?)(?![\d\-/]|[.,]\d)",
    re.IGNORECASE,
)


def mark_year_footnotes(line: str) -> str:
    """Mark footnote numbers that a PDF export glued to a year ("Op 24 juni 202214 heeft")
    as footnote markers, so that the clean text reads the year ("Op 24 juni 2022 heeft") and a
    deadline is read from it. Only after a date or time word, never after "nr." or "Kamerstuk"."""
    return _YEAR_GLUED_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}[footnoteRef:{m.group(3)}]", line)


def split_paragraphs(text: str) -> tuple[list[_Para], dict[str, str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = BOOKMARK_RE.sub("", text)
    if looks_hard_wrapped(text.replace("\f", "\n")):
        from .sources import _fix_letterspacing

        # letter-spacing artefacts of the PDF export ("P agina", "Inf rastructuur", "ge ïnformeerd")
        text = "\n".join(_fix_letterspacing(line) for line in text.split("\n"))
        text = unwrap_pdf_text(strip_page_furniture(text).replace("\f", "\n"))
    text = text.replace("\f", "\n")
    body, bodies, _ = extract_footnote_bodies(text)
    lines = [l.strip() for l in body.split("\n")]
    merged: list[str] = []
    for line in lines:
        if not line or not clean_inline(line):
            merged.append("")
            continue
        if merged and not merged[-1] and len(merged) > 1 and merged[-2] and re.match(r"^[a-zà-ÿ]", line) \
                and not re.search(r"[.?!:;,]\s*(\[footnoteRef:\d+\]\s*)*$", merged[-2]) and not _ROLE_RE.match(line):
            merged.pop()  # a paragraph split by a stray empty line ("... onder" / "andere ...")
        if (
            merged
            and merged[-1]
            and (re.match(r"^[a-zà-ÿ]", line) or _closes_open_bracket(merged[-1], line))
            and not re.search(r"[.?!:]\s*(\[footnoteRef:\d+\]\s*)*$", merged[-1])
            and not _ROLE_RE.match(line)
            and not (merged[-1].rstrip().endswith(",") and len(merged[-1]) < 40)
        ):
            merged[-1] = merged[-1].rstrip() + " " + line
        else:
            merged.append(line)
    paras: list[_Para] = []
    for line in merged:
        if not line:
            continue
        line = mark_year_footnotes(line)
        nums = FOOTNOTE_REF_RE.findall(line)
        fns = [Footnote(number=n, text=bodies.get(n, "")) for n in dict.fromkeys(nums)]
        paras.append(_Para(raw=BOOKMARK_RE.sub("", line).strip(), text=clean_inline(line), footnotes=fns))
    return paras, bodies


# ---------------------------------------------------------------------------------------
# metadata

_FRACTIE_HEAD_RE = re.compile(
    r"^(?:Vragen en opmerkingen|Inbreng|Vragen)\s+van\s+(?:de\s+leden\s+van\s+|het\s+lid\s+van\s+)?(?:de\s+)?"
    r"(?:fractie\s+van\s+(?:de\s+)?)?(?P<name>.+?)(?:[\s-]?fractie)?\s*:?\s*$",
    re.IGNORECASE,
)
_PART1_RE = re.compile(r"^(?:I\.?|1\.)\s*Vragen en opmerkingen", re.IGNORECASE)
_PART2_RE = re.compile(r"^(?:II\.?|2\.)\s*(?:Reactie|Antwoord|Beantwoording)", re.IGNORECASE)
_SIGN_RE = re.compile(r"^(?:de|De|DE)\s+(?:minister|staatssecretaris|MINISTER|STAATSSECRETARIS)\b.*(?:,|\bvan\b.*)$")


def _fractie_name(raw: str) -> str:
    name = raw.strip().rstrip(":").strip()
    name = re.sub(r"^(?:de|De)\s+", "", name)
    name = re.sub(r"[\s-]?fractie$", "", name, flags=re.IGNORECASE).strip()
    return name


def _norm(s: str) -> str:
    s = s.lower()
    s = re.sub(r"[^\w\s]", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def _ministry_of(portfolio: str) -> str | None:
    p = portfolio.lower().strip(" ,.")
    for name, abbr in MINISTRIES.items():
        if p.startswith(name):
            return abbr
    return None


def _known_portfolio(port: str) -> str | None:
    p = port.lower().strip(" ,.")
    for name in MINISTRIES:
        if p == name:
            return name
    return None


def _proper(name: str) -> str:
    small = {"en", "van", "voor", "de"}
    words = name.split(" ")
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words)


_ROLE_RE = re.compile(r"^(?:de\s+)?(minister-president|minister|staatssecretaris)\s+(van|voor)\s+(.+?)\s*$", re.IGNORECASE)


def _find_bewindspersonen(lines: list[str]) -> list[str]:
    """Signature lines ("DE MINISTER VAN ...,", "De staatssecretaris van ...,"), possibly
    wrapped over two lines or printed in two columns (tab separated)."""
    found: list[str] = []
    # a role line wrapped before its comma: "De Staatssecretaris van Justitie" / "en Veiligheid,"
    lines = list(lines)
    for i in range(len(lines) - 1):
        a, b = lines[i].strip(), lines[i + 1].strip()
        if _ROLE_RE.match(a) and not a.endswith(",") and not re.search(r"\t|\s{4,}", a) and b.endswith(",") \
                and len(b) < 50 and not _ROLE_RE.match(b) and re.match(r"^(?:en\s|[a-zà-ÿ])", b) and len(a) < 70:
            lines[i], lines[i + 1] = f"{a} {b}", ""
    for i, line in enumerate(lines):
        cols = [c.strip() for c in re.split(r"\t+|\s{4,}", line) if c.strip()]
        roles = [(ci, _ROLE_RE.match(c)) for ci, c in enumerate(cols)]
        roles = [(ci, m) for ci, m in roles if m and len(m.group(0)) <= 90]
        if not roles:
            continue
        # signature lines end with a comma (or are capitals) and stand on their own
        if not all(cols[ci].endswith(",") or cols[ci].isupper() for ci, _ in roles):
            continue
        block = " ".join(lines[i : i + 3])
        nxt_cols = [c.strip() for c in re.split(r"\t+|\s{4,}", lines[i + 1]) if c.strip()] if i + 1 < len(lines) else []
        ports = []
        for _ci, m in roles:
            port = m.group(3).strip().rstrip(",").strip()
            if len(roles) == 1 and nxt_cols and len(nxt_cols) == 1 and nxt_cols[0].endswith(",") and len(nxt_cols[0]) < 50 \
                    and not _ROLE_RE.match(nxt_cols[0]):
                port = f"{port} {nxt_cols[0].rstrip(',')}"  # "de minister van Langdurige Zorg," / "Jeugd en Sport,"
            ports.append([m.group(1).lower(), m.group(2).lower(), _title_portfolio(port)])
        # columns mixed up by the export: complete a known portfolio from the block text
        for entry in ports:
            port = entry[2]
            if _known_portfolio(port):
                continue
            low = port.lower()
            for name in MINISTRIES:
                for cut in range(len(low), 3, -1):
                    head = low[:cut].rstrip(" ,")
                    if name.startswith(head) and len(head) >= 6:
                        rest = name[len(head):].strip(" ,")
                        if rest and rest.lower() in block.lower():
                            entry[2] = _proper(name) if port[:1].isupper() else name
                            # remove what we borrowed from the other columns
                            for other in ports:
                                if other is not entry and rest in other[2].lower():
                                    o = re.sub(re.escape(rest), "", other[2], flags=re.IGNORECASE)
                                    other[2] = re.sub(r"\s+", " ", o).strip(" ,")
                            break
                    if entry[2] != port:
                        break
                if entry[2] != port:
                    break
        for role, vv, port in ports:
            found.append(f"de {role} {vv} {port}")
    return found


def _title_portfolio(port: str) -> str:
    if port.isupper():
        words = port.lower().split(" ")
        small = {"en", "van", "voor", "de"}
        return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words)
    return port


# ---------------------------------------------------------------------------------------


# bullets that PDF text extraction gives as private-use characters of the Symbol and Wingdings fonts ("\uf0b7 Meetprogramma:
# …"): read as the bullet they show, so a list item starts a sentence of its own
PDF_SYMBOL_BULLETS = {cp: "•" for cp in (0xF0B7, 0xF0A7, 0xF0A8, 0xF0D8, 0xF0E0, 0xF076, 0xF0FC, 0xF06E, 0xF0AE)}
# and glyphs pdfminer (pdf2txt) cannot map to Unicode in the standard fonts, written as their font code: "(cid:127) Een
# optimaal topsportklimaat;" is a bullet item (the PDF path maps the same codes, ``sources._CID``)
PDF_CID_GLYPHS = {"(cid:127)": "•", "(cid:149)": "•", "(cid:150)": "–", "(cid:151)": "—"}
PDF_CID_RE = re.compile("|".join(re.escape(k) for k in PDF_CID_GLYPHS))


def parse_text(
    text: str,
    *,
    source_name: str = "",
    doc_type: str | None = None,
    date: dt.date | None = None,
    sha256: str | None = None,
) -> ParsedDocument:
    text = PDF_CID_RE.sub(lambda m: PDF_CID_GLYPHS[m[0]], text.translate(PDF_SYMBOL_BULLETS))
    paras, bodies = split_paragraphs(text)
    all_lines = [BOOKMARK_RE.sub("", l) for l in text.replace("\r", "").split("\n")]
    plain_lines = [l.strip() for l in all_lines]

    # --- document type
    is_vso = any(_FRACTIE_HEAD_RE.match(p.text) and "leden" in p.text.lower() for p in paras) or bool(
        re.search(r"verslag\s+van\s+een\s+schriftelijk\s+overleg|schriftelijk overleg", text[:5000], re.IGNORECASE)
        and any(_PART1_RE.match(p.text) for p in paras)
    )
    detected_type = "vso" if is_vso else "kamerbrief"
    if not is_vso and re.search(r"\bverzoekt de regering\b", text) and re.search(r"gehoord de beraadslaging", text, re.I):
        detected_type = "motie"

    # --- date
    detected_date = None
    for l in plain_lines[:80]:
        m = re.match(r"^Datum\s*[:\t ]\s*(.+)$", l)
        if m:
            detected_date = parse_dutch_date(m.group(1))
            if detected_date:
                break
    if detected_date is None:
        m = re.search(r"Bij\s+brief\s+van\s+" + _DATE + r"[^.]{0,120}?beantwoord", text, re.IGNORECASE)
        if m:
            detected_date = parse_dutch_date(m.group(0))
    if detected_date is None:
        m = re.search(r"(?:Den Haag|’s-Gravenhage|'s-Gravenhage),?\s+" + _DATE, text[:3000])
        if m:
            detected_date = parse_dutch_date(m.group(0))

    # --- subject
    subject = None
    for l in plain_lines[:80]:
        m = re.match(r"^Betreft\s*[:\t ]\s*(.+)$", l)
        if m:
            subject = re.sub(r"\s+", " ", m.group(1)).strip()
            break

    # --- own kamerstuk: officielebekendmakingen header ("31 497 Passend onderwijs" / "Nr. 512")
    own_key = None
    head = "\n".join(plain_lines[:40])
    m = re.search(r"^(\d{2}\s?\d{3})(?:-([A-Z]+))?\s+[A-Z][^\n]*\n+\s*Nr\.\s*(\d+)\b", head, re.MULTILINE)
    if m:
        from .citations import normalise_key

        own_key = normalise_key(m.group(1), m.group(2), m.group(3))
    else:
        m = re.search(r"^(?:Kamerstuk|Ons kenmerk Kamerstuk)\s*:?\s*(\d{5}-(?:[A-Z]+-)?\d+)\s*$", head, re.MULTILINE)
        if m:
            own_key = m.group(1)

    # --- bewindspersoon / ministry
    bewinds = _find_bewindspersonen([l for l in all_lines if l.strip()])
    if not bewinds:
        m = re.search(
            r"(?:voorgelegd\s+aan|gericht\s+aan|aan)\s+de\s+(minister|staatssecretaris)\s+(van|voor)\s+"
            r"([A-Z][\w\-]*(?:(?:,\s*|\s+en\s+|\s+)[A-Z][\w\-]*)*(?:\s+en\s+[A-Z][\w\-]*)?)",
            text,
        )
        if m:
            bewinds = [f"de {m.group(1)} {m.group(2)} {m.group(3)}"]
    bewindspersoon = bewinds[0] if bewinds else None
    ministry = None
    for b in bewinds:
        mm = re.match(r"de \S+ (?:van|voor) (.+)$", b)
        if mm and (ab := _ministry_of(mm.group(1))):
            ministry = ab
            break

    # --- committee
    committee = None
    m = re.search(r"\b[Dd]e\s+(vaste|algemene)\s+commissie\s+voor\s+([A-Z][^.\n]*?)(?=\s+(?:heeft|bestond|hebben)\b|[.\n])", text)
    if m:
        committee = f"De {m.group(1)} commissie voor {m.group(2).strip().rstrip(',')}"
    if detected_type != "vso":
        committee = committee if committee and "verslag" in text[:3000].lower() else None

    doc = ParsedDocument(
        type=doc_type or detected_type,
        date=date or detected_date,
        kamerstuk=own_key,
        subject=subject,
        ministry=ministry,
        bewindspersoon=bewindspersoon,
        committee=committee,
        text="",
        source_name=source_name,
        sha256=sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    doc.bewindspersonen = bewinds

    passages, fracties = _classify(paras, detected_type == "vso")
    doc.fracties = fracties
    # citations and motions per passage
    for p, para in passages:
        fn_map = {f.number: f.text for f in para.footnotes}
        p.footnotes = para.footnotes
        cits = find_citations(para.raw)
        for f in para.footnotes:
            cits.extend(find_citations(f.text, footnote=f.number))
        p.citations = cits
        motions = find_motions(para.raw, fn_map)
        for f in para.footnotes:
            for mm in find_motions_in_footnote(f.text):
                motions.append(mm)
        p.motions = _dedupe_motions(motions)
    _fill_motion_keys([p for p, _ in passages])
    doc.passages = [p for p, _ in passages]
    doc.text = "\n\n".join(p.text for p in doc.passages)
    return doc


def _dedupe_motions(ms: list[MotionMention]) -> list[MotionMention]:
    out: dict[str, MotionMention] = {}
    for m in ms:
        k = m.key or m.name.lower()
        if k in out:
            # prefer a named mention over a bare "motie"
            if out[k].name in ("motie", "moties") and m.name not in ("motie", "moties"):
                out[k] = m
            continue
        out[k] = m
    return list(out.values())


def _fill_motion_keys(passages: list[ParsedPassage]) -> None:
    """A motion named without footnote gets the key of the same name elsewhere in the
    document, when that name has exactly one key."""
    by_name: dict[str, set[str]] = {}
    for p in passages:
        for m in p.motions:
            if m.key and m.name not in ("motie", "moties"):
                by_name.setdefault(m.name.lower(), set()).add(m.key)
    for p in passages:
        for m in p.motions:
            if m.key is None:
                keys = by_name.get(m.name.lower(), set())
                if len(keys) == 1:
                    m.key = next(iter(keys))
        p.motions = _dedupe_motions(p.motions)


# ---------------------------------------------------------------------------------------
# classification


def _is_heading(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 120:
        return False
    if re.search(r"[.?!:;,]['’”\"]?$", t):
        return False
    if not re.match(r"^[A-Z0-9IVX‘'\"“(]", t) and not re.match(r"^[\d]+[.)]", t):
        return False
    return len(t.split()) <= 16


_FURNITURE_RE = re.compile(
    r"^(?:>?\s*Retouradres\b|Datum\b|Betreft\b|Geachte\s+(?:voorzitter|mevrouw|heer)|Hoogachtend|"
    r"(?:De\s+)?[Vv]oorzitter\s+van\s+de\s+Tweede\s+Kamer|der\s+Staten-Generaal\s*$|Postbus\s+\d+|\d{4}\s?[A-Z]{2}\s+[A-Z]|"
    r"Ons\s+kenmerk|Uw\s+(?:kenmerk|brief)|Bijlage\(n\)|Pagina\s+\d+\s+van\s+\d+|Kenmerk\b|Contactpersoon|"
    r"Onze\s+referentie)",
    re.IGNORECASE,
)


def _classify(paras: list[_Para], is_vso: bool) -> tuple[list[tuple[ParsedPassage, _Para]], list[str]]:
    out: list[tuple[ParsedPassage, _Para]] = []

    def add(kind: str, para: _Para, **kw) -> ParsedPassage:
        p = ParsedPassage(index=len(out), kind=kind, text=para.text, **kw)
        out.append((p, para))
        return p

    # signature block: "Hoogachtend," / "De minister van ...," and the name lines after it
    skip: set[int] = set()
    for i, para in enumerate(paras):
        t = para.text
        if _FURNITURE_RE.match(t) and len(t) < 160:
            skip.add(i)
        if re.match(r"^(?:de|De|DE)\s+(?:minister|staatssecretaris|MINISTER|STAATSSECRETARIS)\b", t) and len(t) < 160 and (
            t.rstrip().endswith(",") or re.search(r"\t|\s{4,}", para.raw) or t.isupper()
        ):
            skip.add(i)
            # names (short lines without punctuation) right after a signature line
            j = i + 1
            while j < len(paras) and len(paras[j].text) < 50 and not re.search(r"[.?!:]$", paras[j].text) and j - i <= 3:
                if re.match(r"^(?:de|De|DE)\s+(?:minister|staatssecretaris)", paras[j].text):
                    break
                if _is_fractie_heading(paras[j].text):
                    break
                skip.add(j)
                j += 1
            # portfolio continuation line ("Jeugd en Sport,")
    if not is_vso:
        for i, para in enumerate(paras):
            if i in skip:
                continue
            add(PassageKind.HEADING if _is_heading(para.text) else PassageKind.PARAGRAPH, para)
        return out, []

    # ---- VSO
    part1_start = next((i for i, p in enumerate(paras) if _PART1_RE.match(p.text)), None)
    heads = [(i, _fractie_name(m.group("name"))) for i, p in enumerate(paras) if (m := _is_fractie_heading(p.text))]
    if part1_start is None:
        part1_start = heads[0][0] if heads else len(paras)
    part2_start = next((i for i, p in enumerate(paras) if i > part1_start and _PART2_RE.match(p.text)), None)
    if part2_start is None:
        seen: set[str] = set()
        for i, name in heads:
            if name in seen:
                part2_start = i
                break
            seen.add(name)
    if part2_start is None:
        part2_start = len(paras)

    fractie_names = list(dict.fromkeys(n for i, n in heads if part1_start <= i < part2_start))

    # part I
    part1_q: list[tuple[str, str]] = []  # (fractie, normalised text)
    cur = None
    last_q1: ParsedPassage | None = None
    answering = False
    for i, para in enumerate(paras):
        if i in skip and not (part1_start <= i < part2_start):
            continue
        if i < part1_start:
            add(PassageKind.HEADING if _is_heading(para.text) and len(para.text) < 80 and para.text.isupper() else PassageKind.PARAGRAPH, para)
            continue
        if i >= part2_start:
            break
        m = _is_fractie_heading(para.text)
        if m:
            cur = _fractie_name(m.group("name"))
            last_q1, answering = None, False
            add(PassageKind.HEADING, para, fractie=cur)
            continue
        if _PART1_RE.match(para.text) or cur is None:
            add(PassageKind.HEADING if _is_heading(para.text) else PassageKind.PARAGRAPH, para)
            continue
        # answers printed right after each question, without an "Antwoord" heading (the page text of many VSOs):
        # the minister speaks in the first person, members never do
        asked = "?" in para.text or _LEDEN_RE.search(para.text[:150])
        if last_q1 is not None and not asked and (answering or _ANSWER_VOICE.search(para.text)):
            answering = True
            add(PassageKind.ANSWER, para, fractie=cur, question_index=last_q1.index)
            continue
        answering = False
        last_q1 = add(PassageKind.QUESTION, para, fractie=cur)
        part1_q.append((cur, _norm(para.text)))

    # part II
    cur = None
    last_q: ParsedPassage | None = None
    last_match = 0
    for i in range(part2_start, len(paras)):
        para = paras[i]
        if i in skip:
            continue
        t = para.text
        if _PART2_RE.match(t):
            add(PassageKind.HEADING, para)
            continue
        name = _part2_heading(t, fractie_names)
        if name:
            cur = name
            last_q = None
            add(PassageKind.HEADING, para, fractie=name)
            continue
        if re.search(r"\bgeen\s+(?:nadere|aanvullende|verdere)?\s*vragen\b", t) and len(t) < 200:
            add(PassageKind.PARAGRAPH, para, fractie=cur)
            last_q = None
            continue
        # part II repeats the questions in part-I order: look near the last match first; the whole list only
        # for a paragraph that reads like a question (keeps the cost linear in the length of the VSO)
        lo = max(0, last_match - 3)
        fr, score = _match_question(t, part1_q[lo:lo + 40], cur)
        if fr is None and (lo > 0 or len(part1_q) > 40) and _LOOKS_ASKED.search(t):
            fr, score = _match_question(t, part1_q, cur)
        if fr is not None:
            key = _norm(t)
            last_match = next((k for k in range(lo, len(part1_q)) if part1_q[k][0] == fr and
                               (key[:60] in part1_q[k][1] or part1_q[k][1][:60] in key)), last_match)
        named = _named_fractie(t, fractie_names)
        if fr is None and named and _LEDEN_RE.search(t[:150]):
            fr = named
        elif fr is not None and named and named != fr:
            fr = named
        if fr is not None:
            cur = fr
            last_q = add(PassageKind.QUESTION, para, fractie=fr)
            continue
        if last_q is not None:
            add(PassageKind.ANSWER, para, fractie=last_q.fractie, question_index=last_q.index)
        else:
            add(PassageKind.PARAGRAPH, para, fractie=cur)
    return out, fractie_names


# the government answering in the first person: "Ik verwacht uw Kamer …", "Wij zijn voornemens …", "Het kabinet deelt …"
_ANSWER_VOICE = re.compile(r"^\W*(?:ik|wij|het\s+kabinet|de\s+regering|ja|nee|dat\s+klopt)\b|"
                           r"(?<![«\"'‘“])\b(?:ik|wij)\s+(?:zal|zullen|verwacht|verwachten|heb|hebben|ben|zijn|wil|willen|ga|gaan|"
                           r"kan|kunnen|deel|delen|informeer|stuur|sturen)\b", re.IGNORECASE)
_LOOKS_ASKED = re.compile(r"\?|\b(?:leden|vragen|vraagt|vraag|verzoeken|benieuwd|wensen|willen\s+weten|zij|deze\s+leden)\b",
                          re.IGNORECASE)


def _is_fractie_heading(t: str):
    if len(t) > 140:
        return None
    m = _FRACTIE_HEAD_RE.match(t.strip())
    if m and ("leden" in t.lower() or "fractie" in t.lower()):
        return m
    return None


def _part2_heading(t: str, names: list[str]) -> str | None:
    if len(t) > 140:
        return None
    m = _is_fractie_heading(t)
    if m:
        return _fractie_name(m.group("name"))
    cand = _fractie_name(re.sub(r"^(?:Vragen en opmerkingen van de|Reactie op de)\s+", "", t.strip()))
    nc = _norm(cand)
    for n in names:
        if nc == _norm(n):
            return n
    return None


_LEDEN_RE = re.compile(
    r"^(?:Ook\s+)?(?:De\s+|Deze\s+|Genoemde\s+|Tot\s+slot\s+(?:vragen\s+)?de\s+)?leden\b|^Tot slot vragen de leden|"
    r"de leden van de [\w\- ]+?-?fractie (?:vragen|lezen|merken|constateren|willen|zijn|hebben|delen|benadrukken|waarderen)",
    re.IGNORECASE,
)


def _named_fractie(t: str, names: list[str]) -> str | None:
    m = re.search(r"\bleden\s+van\s+de\s+(?:fractie\s+van\s+(?:de\s+)?)?(.+?)(?:-fractie|\s+fractie)\b", t[:200])
    if m:
        cand = _norm(m.group(1))
        for n in names:
            if _norm(n) == cand:
                return n
    m = re.search(r"\bleden\s+van\s+de\s+(Groep\s+\w+)", t[:200])
    if m:
        for n in names:
            if _norm(n) == _norm(m.group(1)):
                return n
    return None


_WORDSETS: dict[str, set[str]] = {}


def _word_set(q: str) -> set[str]:
    ws = _WORDSETS.get(q)
    if ws is None:
        if len(_WORDSETS) > 5000:
            _WORDSETS.clear()
        ws = _WORDSETS[q] = set(q.split())
    return ws


def _match_question(t: str, part1_q: list[tuple[str, str]], cur: str | None) -> tuple[str | None, float]:
    """Is this part-II paragraph a repeated member question? Returns its fractie."""
    nt = _norm(t)
    if len(nt) < 25 or not part1_q:
        return None, 0.0
    best: tuple[str | None, float] = (None, 0.0)
    words = set(nt.split())
    for fr, q in part1_q:
        if nt in q:
            return fr, 100.0
    for fr, q in part1_q:
        qw = _word_set(q)
        if len(words & qw) < 0.5 * len(words):
            continue
        if len(nt) <= len(q) + 40:
            s = fuzz.partial_ratio(nt, q)
        else:
            s = fuzz.partial_ratio(q, nt) * min(1.0, len(q) / len(nt)) if len(q) > 0.6 * len(nt) else 0
        if s > best[1] or (s == best[1] and fr == cur):
            best = (fr, s)
    if best[1] >= 88:
        return best
    # rewritten questions: "De leden van de X-fractie vragen ..." with partial overlap
    if best[1] >= 70 and _LEDEN_RE.search(t[:120]):
        return best
    return None, best[1]
