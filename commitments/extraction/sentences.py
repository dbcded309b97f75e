"""A Dutch sentence splitter for government prose.

Returns character spans, so a quote is always an exact slice of the passage.
A boundary is a full stop, question or exclamation mark (plus closing quotes,
brackets or a footnote number glued to it) followed by white space and a
sentence start (capital, digit, opening quote or bullet), or a blank line,
or a line that starts a bullet/enumeration item.  No boundary after:

* abbreviations: o.a., nr., nrs., c.s.*, d.w.z., bijv., m.b.t., t.z.t., etc.*, jl.*, mln.*, art., p., e.d.* …
  (* may also end a sentence: they split before a capitalised word);
* initials ("J.A. de Vries", "M. Sterk");
* an enumeration number at the start of a line or text ("1. Inleiding");
* numbers such as "3.5" or "1.000" (no white space after the dot).

A "sentence" longer than ``MAX_SENTENCE_CHARS`` (1,500; the longest in every gold letter has 650) is
not prose but a list or a generated text: it is cut into pieces of at most that length, after the
last comma, semicolon or space before the limit. Every later step (time phrases, rules, Frog) then
works on bounded pieces, so extraction time grows linearly with the text, also for one endless
sentence (issue 15).
"""

from __future__ import annotations

import re

# abbreviations that never end a sentence (lower case, without the final dot)
ABBREVIATIONS = {
    "o.a", "nr", "nrs", "d.w.z", "bijv", "bv", "b.v", "m.b.t", "t.z.t", "art", "artt", "p", "pp", "pag", "blz",
    "i.p.v", "i.v.m", "m.u.v", "n.a.v", "t.a.v", "t.b.v", "o.b.v", "o.m", "m.n", "m.i.v", "z.s.m", "incl", "excl",
    "resp", "ca", "evt", "vgl", "zgn", "zg", "dhr", "mevr", "mw", "mr", "dr", "drs", "prof",
    "ir", "ing", "st", "stb", "stcrt", "min", "max", "vs", "jr", "sr", "afd", "tel", "red", "vnl", "vlg", "nl",
    "gem", "lid", "sub", "bijl", "hfst", "par", "o.g.v", "t.o.v", "i.o.m", "i.s.m", "c.q", "a.d.h.v",
    "e.e.a", "o.i.d", "m.a.w", "z.g.a.n", "ivm", "ipv", "mbt", "tav", "kst", "hand", "aanh", "vz", "cie",
    "bijvoorbeeld", "no", "jo", "ad", "cf", "e.g", "i.e", "fig", "tab", "nrs.", "d.d", "t.w",
}
# abbreviations that may end a sentence: split only when a capitalised word follows
# ("… een budget van € 6 mln. Ik zal het NHM vragen …": an amount ends a sentence as often as any word)
FINAL_ABBREVIATIONS = {"etc", "jl", "e.d", "e.a", "c.s", "a.s", "e.v", "enz", "j.l", "e.o", "o.i.d", "mln", "mld", "mrd"}

CLOSERS = "\"'”’»)]"
OPENERS = "\"'“‘„«(["
BULLETS = "·•▪‣◦●○■□–—-*"

# candidate end: . ! ? … then optional closers / footnote digits
END = re.compile(r"(?:\.{3}|…|[.!?]+)[" + re.escape(CLOSERS) + r"]*(?:\d{1,3}(?=\s))?")
WORD_BEFORE = re.compile(r"([\w.’'\-/]+)$")
ENUM_START = re.compile(r"(?:^|\n)[ \t]*$")
LINE_ITEM = re.compile(r"\n[ \t]*(?:[" + re.escape(BULLETS) + r"](?=\s)|\d{1,2}[.)](?=\s)|[a-z][.)](?=\s)|\(\w{1,3}\)(?=\s))")
BLANK = re.compile(r"\n[ \t]*\n\s*")
LINE_COLON = re.compile(r":[ \t]*\n")
NEXT_WORD = re.compile(r"\s*([\w’']+)")

#: The longest piece of text treated as one sentence (see the module docstring).
MAX_SENTENCE_CHARS = 1500


def _starts_sentence(text: str, i: int) -> bool:
    """True when text[i:] (after white space) looks like the start of a sentence."""
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    if i >= n:
        return True
    ch = text[i]
    return ch.isupper() or ch.isdigit() or ch in OPENERS or ch in BULLETS or ch == "’" or ch == "'"


def _next_word(text: str, i: int) -> str:
    m = NEXT_WORD.match(text, i)  # at i, without copying the rest of the text
    return m.group(1) if m else ""


def _is_boundary(text: str, start: int, end: int) -> bool:
    """Is the terminator text[start:end] a sentence end?"""
    if end < len(text) and not text[end].isspace():
        return False
    if not _starts_sentence(text, end):
        return False
    term = text[start:end]
    if not term.startswith("."):
        return True  # ! ? …
    if term.startswith("..."):
        return True
    lo = max(0, start - 80)  # look back a little only: keeps the splitter linear
    m = WORD_BEFORE.search(text, lo, start)
    word = m.group(1) if m else ""
    bare = word.lower().strip("’'").rstrip(".")
    if not word:
        return True
    # footnote number glued to the full stop ("toe.1 Vanuit") is only a boundary after a word
    if re.search(r"\d$", term) and not re.search(r"[^\W\d]$|[)\]”’\"']$", text[lo:start]):
        return False
    if bare in ABBREVIATIONS or word.lower().rstrip(".") in ABBREVIATIONS:
        return False
    if bare in FINAL_ABBREVIATIONS:
        nxt = _next_word(text, end)
        return bool(nxt) and nxt[0].isupper()
    # initials: a single capital letter ("J." / "J.A.")
    if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.rstrip(".")) and len(word.rstrip(".").replace(".", "")) <= 3:
        if not re.fullmatch(r"[A-Z]{2,}", word):  # "VWS." ends a sentence
            return False
    # enumeration number at the start of a line ("1. Inleiding", "a. Onderwijs")
    if re.fullmatch(r"\d{1,2}|[a-z]|[ivx]{1,4}", word) and ENUM_START.search(text, max(0, start - len(word) - 40),
                                                                               start - len(word)):
        return False
    # a date or number followed by "." inside a citation like "nr. 5. Daarnaast" is a real end: keep
    return True


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``; ends exclude trailing white space."""
    cuts: set[int] = set()
    for m in END.finditer(text):
        if _is_boundary(text, m.start(), m.end()):
            cuts.add(m.end())
    for m in BLANK.finditer(text):
        cuts.add(m.start())
    for m in LINE_ITEM.finditer(text):
        cuts.add(m.start())
    for m in LINE_COLON.finditer(text):
        cuts.add(m.start() + 1)
    spans: list[tuple[int, int]] = []
    prev = 0
    for cut in sorted(cuts) + [len(text)]:
        s, e = prev, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.extend(_cap(text, s, e))
        prev = max(prev, cut)
    return spans


def _cap(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The span (s, e) as pieces of at most ``MAX_SENTENCE_CHARS``, cut after the last comma or
    semicolon (else space) in the second half of each piece; one piece when it is short enough."""
    out: list[tuple[int, int]] = []
    while e - s > MAX_SENTENCE_CHARS:
        limit = s + MAX_SENTENCE_CHARS
        half = s + MAX_SENTENCE_CHARS // 2
        cut = max(text.rfind(",", half, limit), text.rfind(";", half, limit))
        cut = cut + 1 if cut >= 0 else text.rfind(" ", half, limit)
        if cut <= s:
            cut = limit
        piece_end = cut
        while piece_end > s and text[piece_end - 1].isspace():
            piece_end -= 1
        out.append((s, piece_end))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
    return out


def split(text: str) -> list[str]:
    """Sentences of ``text`` as exact substrings."""
    return [text[s:e] for s, e in split_spans(text)]
