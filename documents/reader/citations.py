"""Find Kamerstuk citations, other parliamentary references and motions in text.

Every way of writing a Kamerstuk resolves to one key ``<dossier>[-<toevoeging>]-<nr>``:

    "Kamerstuk 31 497, nr. 507"                           -> 31497-507
    "Kamerstukken II 2022/23, 3 1 497, nr. 444"           -> 31497-444
    "Kamerstukken II 2023/24, 36410-VIII, nr. 21"         -> 36410-VIII-21
    "Kamerstukken II 2020/21, 31497, nr. 364 en 371"      -> 31497-364, 31497-371

Aanhangsel Handelingen, Handelingen and zaak/document numbers (2019Z12006) are
returned with ``kind="other"`` and no key. Pure Python, no Django.
"""

from __future__ import annotations

import re

from .types import Citation, MotionMention

__all__ = [
    "find_citations",
    "find_motions",
    "kamerstuk_keys",
    "normalise_key",
    "FOOTNOTE_REF_RE",
]

FOOTNOTE_REF_RE = re.compile(r"\[footnoteRef:\s*(\d+)\]")

_DASH = "\\-\u2010\u2011\u2012\u2013\u2014"
# "Kamerstuk", "Kamerstukken", "Kamerstuk-\nken" (broken), with optional chamber
_PREFIX = r"(?:Bijlage\s+bij\s+)?Kamer\s?stuk(?:-?\s*ken|ken)?(?:\s+(?:II|I|TK|EK))?\b"
# vergaderjaar: "2023/24", "2022/2023", "2025-2026", "vergaderjaar 2023 – 2024"
_YEAR = rf"(?:vergaderjaar\s+)?(?:19|20)\d\d\s*[/{_DASH}]\s*(?:19|20)?\d\d\b"
# dossier: 5 digits, possibly with broken spacing ("31 497", "3 1 497"); 4 or 6 digits tolerated
_DOSSIER = r"(?<![\d/])(\d(?:[ \u00a0]?\d){3,5})(?![\d/])"
_TOEVOEGING = rf"(?:\s*[{_DASH}]\s*([A-Z]{{1,6}}|\d{{1,3}})(?![\w]))?"
_NRS = r"(?:nrs?|nummers?|Nrs?)\.?\s*((?:\d+[a-z]?)(?:\s*(?:,|en|&|t/m|tot\s+en\s+met)\s*\d+[a-z]?)*)"

KAMERSTUK_RE = re.compile(
    rf"{_PREFIX}\s*,?\s*(?:{_YEAR}\s*,?\s*)?{_DOSSIER}{_TOEVOEGING}\s*,?\s*(?:{_YEAR}\s*,?\s*)?{_NRS}",
    re.IGNORECASE,
)
# "31497, nr. 307" without the word Kamerstuk (footnotes of motions), "36410-VIII, nr. 21"
BARE_RE = re.compile(
    rf"(?<![\w/.,])(\d{{2}}[ \u00a0]?\d{{3}}){_TOEVOEGING}\s*,?\s*{_NRS}",
)
# kst-31497-269 (officielebekendmakingen ids and URLs)
KST_RE = re.compile(r"\bkst-(\d{4,6})(?:-([A-Z]{1,6}|\d{1,3}))?-(\d+)\b", re.IGNORECASE)
AANHANGSEL_RE = re.compile(
    rf"Aanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+(?:II|I))?\s*,?\s*(?:{_YEAR}\s*,?\s*)?"
    r"(?:nrs?\.?\s*\d+(?:\s*(?:,|en)\s*\d+)*)?",
    re.IGNORECASE,
)
HANDELINGEN_RE = re.compile(
    rf"(?<!Aanhangsel )(?<!Aanhangsel van de )\bHandelingen(?:\s+(?:II|I))?\s*,?\s*(?:{_YEAR}\s*,?\s*)"
    r"(?:nr\.?\s*\d+(?:\s*,\s*(?:item|p\.)\s*\d+)?)?",
    re.IGNORECASE,
)
ZAAK_RE = re.compile(r"\b(?:19|20)\d\d[ZD]\d{5}\b")


def normalise_key(dossier: str, toevoeging: str | None, nr: str) -> str:
    d = re.sub(r"\D", "", dossier)
    parts = [d]
    if toevoeging:
        parts.append(toevoeging.upper())
    parts.append(nr.strip().lower())
    return "-".join(parts)


def _numbers(nrs: str) -> list[str]:
    out: list[str] = []
    tokens = re.findall(r"\d+[a-z]?|t/m|tot\s+en\s+met", nrs)
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.startswith("t") and out and i + 1 < len(tokens):
            lo, hi = out[-1], tokens[i + 1]
            if lo.isdigit() and hi.isdigit() and 0 < int(hi) - int(lo) <= 20:
                out.extend(str(n) for n in range(int(lo) + 1, int(hi) + 1))
                i += 2
                continue
        elif not t.startswith("t"):
            out.append(t)
        i += 1
    return out


def _flat(text: str) -> str:
    """Collapse whitespace and undo hyphenated line breaks so citations broken
    across lines match. Keeps the length mapping simple by working on a copy."""
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)
    return re.sub(r"\s+", " ", text)


def find_citations(text: str, footnote: str | None = None) -> list[Citation]:
    """All citations in ``text`` in order of appearance (Kamerstukken and others)."""
    flat = _flat(FOOTNOTE_REF_RE.sub(" ", text))
    found: list[tuple[int, Citation]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # 1. non-Kamerstuk references first, so "Aanhangsel ... nr. 832" never becomes a key
    for rx in (AANHANGSEL_RE, HANDELINGEN_RE):
        for m in rx.finditer(flat):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append((m.start(), Citation(text=m.group(0).strip(" ,."), kind="other", footnote=footnote)))
    for m in ZAAK_RE.finditer(flat):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append((m.start(), Citation(text=m.group(0), kind="other", footnote=footnote)))

    # 2. Kamerstukken
    for rx in (KAMERSTUK_RE, BARE_RE):
        for m in rx.finditer(flat):
            if not free(m.start(), m.end()):
                continue
            dossier, toev, nrs = m.group(1), m.group(2), m.group(3)
            digits = re.sub(r"\D", "", dossier)
            if not 4 <= len(digits) <= 6:
                continue
            taken.append((m.start(), m.end()))
            cited = m.group(0).strip(" ,.")
            for nr in _numbers(nrs):
                found.append(
                    (m.start(), Citation(text=cited, kind="kamerstuk", key=normalise_key(digits, toev, nr), footnote=footnote))
                )
    for m in KST_RE.finditer(flat):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(
                (m.start(), Citation(text=m.group(0), kind="kamerstuk", key=normalise_key(m.group(1), m.group(2), m.group(3)), footnote=footnote))
            )
    found.sort(key=lambda x: x[0])
    return [c for _, c in found]


def kamerstuk_keys(text: str) -> list[str]:
    """Unique Kamerstuk keys in ``text``, in order."""
    seen: dict[str, None] = {}
    for c in find_citations(text):
        if c.key:
            seen.setdefault(c.key, None)
    return list(seen)


# --- keys as people and the tracker write them ------------------------------------------

#: A whole search string that is a key: "31497-507", "36410-VIII-125", "31 497-507", "31497 507".
#: A key as people type it: "31497-507", "31 497 507", "31.497-507", "TK 31497-507", "kst 31497-507".
_TYPED_KEY_RE = re.compile(
    r"^\s*(?:(?:TK|kst|Kamerstuk(?:ken)?(?:\s+II)?)\.?\s*)?"
    r"(\d{2}[\s.]?\d{3})\s*(?:-\s*([A-Za-z]{1,6}))?\s*[-\s]\s*(\d{1,4})\s*$",
    re.IGNORECASE,
)
#: Keys in free text, as the tracker writes them: "31497-507", "36410-VIII-125".
_KEY_IN_TEXT_RE = re.compile(r"\b(\d{4,6})(?:-([A-Z]{1,6}))?-(\d+[a-z]?)\b")
#: A normalised key, split into its parts.
_NORMALISED_KEY_RE = re.compile(r"^(?P<number>\d+)(?:-(?P<toevoeging>[A-Z]+))?-(?P<nr>\d+)$")


def typed_key(q: str) -> str | None:
    """The Kamerstuk key a search string denotes: a bare key or any citation form the reader resolves."""
    m = _TYPED_KEY_RE.match(q)
    if m:
        return normalise_key(m.group(1), m.group(2), m.group(3))
    keys = kamerstuk_keys(q)
    return keys[0] if keys else None


def typed_keys(text: str) -> list[str]:
    """Every key in what a person typed ("31497-507, Kamerstuk 31 839, nr. 1050"), in order, unique."""
    keys: dict[str, None] = {}
    for m in _KEY_IN_TEXT_RE.finditer(text):
        keys.setdefault(normalise_key(m.group(1), m.group(2), m.group(3)), None)
    for key in kamerstuk_keys(_KEY_IN_TEXT_RE.sub(" ", text)):
        keys.setdefault(key, None)
    return list(keys)


def split_key(key: str) -> tuple[str, str, int] | None:
    """("36410", "VIII", 125) for "36410-VIII-125"; None for anything that is not a normalised key."""
    m = _NORMALISED_KEY_RE.match(key)
    return (m["number"], m["toevoeging"] or "", int(m["nr"])) if m else None


# --- motions ---------------------------------------------------------------------------

_PARTICLE = r"(?i:van|de|der|den|het|ter|ten|te|in|'t|’t|d')"
_CAPWORD = r"(?:[A-Z][\w'’\-]*[\w]|[A-Z])"
_NAME = rf"(?:(?:{_PARTICLE}\s+)*{_CAPWORD}(?:[-\s]{_CAPWORD})?)"
_PARTY = r"(?:\s*\([^()]{1,40}\))"
_MARK = r"(?:\s*\[footnoteRef:\s*\d+\])"
_SEP = r"(?:\s*/\s*|\s*,\s*|\s+en\s+|\s+&\s+)"
_NAMES = rf"{_NAME}{_PARTY}?(?:{_SEP}{_NAME}{_PARTY}?)*(?:\s+c\.s\.)?"

# "van (het) (Tweede) Kamerlid", "van (de) Kamerleden": a title before the names, not a name
_TITLE = r"van\s+(?:het\s+|de\s+)?(?:(?:[Tt]weede|[Ee]erste)[\s-]+)?[Kk]amer-?(?:lid|leden)\s+"

MOTION_RE = re.compile(
    rf"\b(?P<word>[Mm]oties?|MOTIE)(?P<mark1>{_MARK})?"
    rf"(?:\s+(?:(?P<van>van\s+(?:het\s+lid|de\s+leden)\s+)|(?P<title>{_TITLE}))?(?P<names>{_NAMES}))?"
    rf"(?P<mark2>{_MARK}|{_PARTY}*{_MARK})?"
)
_TITLE_WORD_RE = re.compile(r"\b[Kk]amer-?(?:lid|leden)\b")
# a parenthesis among or right after the names: "(SP/PvdA)", "(Kamerstukken 36 100, nr. 12)"
_PAREN_RE = re.compile(r"\(([^()]{1,300})\)")
_PAREN_AFTER_RE = re.compile(rf"(?:{_MARK})?\s*\(([^()]{{1,300}})\)")
_CITATION_START_RE = re.compile(rf"\s*(?:{_PREFIX}|kst-|\d)", re.IGNORECASE)

_STOP_NAMES = {
    "Kamer", "De", "Het", "Een", "In", "Op", "Dit", "Deze", "Die", "Dat", "Ook", "Wij", "We", "Ik",
    "Tweede", "Eerste", "Kabinet", "Regering", "Zie",
}


def _split_names(names: str) -> list[str]:
    names = re.sub(r"\s+c\.s\.$", "", names.strip())
    names = re.sub(_PARTY, "", names)
    parts = re.split(_SEP, names)
    return [re.sub(r"\s+", " ", p).strip() for p in parts if p.strip()]


def _inline_key(text: str, m: re.Match[str]) -> str | None:
    """The key of a Kamerstuk cited in parentheses among or right after the motion's names:
    "de motie Jansen/De Vries (Kamerstukken 36 100, nr. 12)", "per motie (Kamerstuk 36 100, nr. 12)".
    A party "(SP)" is skipped; the first parenthesis that starts with a citation gives the key."""
    contents = [p.group(1) for p in _PAREN_RE.finditer(text, m.end("word"), m.end())]
    pos = m.end()
    while (p := _PAREN_AFTER_RE.match(text, pos)) is not None:
        contents.append(p.group(1))
        pos = p.end()
    for content in contents:
        content = FOOTNOTE_REF_RE.sub(" ", content)
        if not _CITATION_START_RE.match(content):
            continue
        keys = [c.key for c in find_citations(content) if c.key]
        if keys:
            return keys[0]
    return None


def _sentence_end_marks(text: str, pos: int) -> list[str]:
    """Footnote numbers at the end of the sentence that starts before ``pos``."""
    m = re.compile(r"[.?!](?:[’'\")\]]*)((?:\s*\[footnoteRef:\s*\d+\])+)|[.?!](?=\s+[A-Z(‘'\"]|\s*$)").search(text, pos)
    if not m:
        # no terminator: markers until the end of the text
        tail = text[pos:]
        return FOOTNOTE_REF_RE.findall(tail)[:1]
    if m.group(1):
        return FOOTNOTE_REF_RE.findall(m.group(1))
    # markers inside the sentence but after the name
    return FOOTNOTE_REF_RE.findall(text[pos : m.start()])[:1]


def find_motions(text: str, footnotes: dict[str, str] | None = None) -> list[MotionMention]:
    """Motions named in ``text`` (which may still hold ``[footnoteRef:N]`` markers).

    ``footnotes`` maps footnote number -> footnote text; the motion's key is the first
    Kamerstuk key in the footnote attached right after "motie"/the names, or at the end
    of the sentence.
    """
    footnotes = footnotes or {}
    out: list[MotionMention] = []
    for m in MOTION_RE.finditer(text):
        names_raw = m.group("names") or ""
        names = [
            n for n in _split_names(names_raw) if n not in _STOP_NAMES and not _TITLE_WORD_RE.search(n)
        ] if names_raw else []
        if names_raw and not names:
            names_raw = ""
        key = _inline_key(text, m)
        marks = FOOTNOTE_REF_RE.findall((m.group("mark1") or "") + (m.group("mark2") or ""))
        if not marks and key is None:
            marks = _sentence_end_marks(text, m.end())
        for n in marks if key is None else []:
            keys = [c.key for c in find_citations(footnotes.get(n, "")) if c.key]
            if keys:
                key = keys[0]
                break
        if not names and not key:
            continue  # "de motie", "deze motie": nothing to identify
        word = "moties" if m.group("word").lower() == "moties" else "motie"
        if names:
            van = re.sub(r"\s+", " ", m.group("van") or "")
            cs = " c.s." if names_raw.strip().endswith("c.s.") else ""
            joined = _join_as_cited(names_raw)
            name = f"{word} {van}{joined}".strip()
            if cs and not name.endswith("c.s."):
                name += cs
        else:
            name = word
        out.append(MotionMention(name=name, key=key, submitters=names))
    return out


def _join_as_cited(names_raw: str) -> str:
    s = re.sub(_PARTY, "", names_raw)
    return re.sub(r"\s+", " ", s).strip()


def find_motions_in_footnote(text: str) -> list[MotionMention]:
    """A footnote such as "Motie Heerema over ..., 31497, nr. 307": motion and key in one."""
    out = []
    keys = [c.key for c in find_citations(text) if c.key]
    for mm in find_motions(text):
        if mm.key is None and keys:
            mm.key = keys[0]
        out.append(mm)
    return out
