"""A cheap test before each regular expression of the rulebook: the literals one of which every match contains.

The extractor tries about a hundred regular expressions on every candidate sentence, and most of them cannot
match most sentences: "besloten" is not in the sentence, so ``DECIDED`` cannot match. Python's ``re`` does not
find that out cheaply for an expression that opens with ``\\b`` or an alternation; it tries every position.
``literals`` reads an expression's parse tree (``re._parser``) and derives a set of lower-case strings such that
any text the expression matches contains at least one of them; ``gate_module`` wraps the module's expressions
so that ``search``/``match``/``finditer``/``findall`` first check ``s.lower()`` for one of those strings (a few
substring tests in C) and only then run the expression. The result is always the expression's own: the test
can only skip an expression that could not have matched (``test_extraction_prefilter`` checks this on every
sentence of the corpus and the real-letter gold).

This is the idea of RE2's and Hyperscan's prefilters, on Python's own parser; ``deadlines.NEEDS`` and
``TRIGGER_FRAGMENTS`` are older hand-written forms of it for the time phrases.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

try:  # Python 3.11+
    import re._constants as _C
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

_REPEATS = tuple(op for op in (getattr(_C, "MAX_REPEAT", None), getattr(_C, "MIN_REPEAT", None),
                               getattr(_C, "POSSESSIVE_REPEAT", None)) if op is not None)
_ATOMIC = getattr(_C, "ATOMIC_GROUP", None)

# Characters other than A-Z that case-insensitive matching takes for an ASCII letter ("ſ" for "s", the Kelvin
# sign for "k", "İ" for "i"): str.lower() does not turn them into the letter, so a text holding one is never
# skipped (the same list as ``deadlines.FOLDS_TO_ASCII``).
_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")

# how many literals a test may hold, and how short the shortest may be, for the test to be worth its cost
MAX_LITERALS = 80
MIN_LENGTH = 2


def _best(options: Iterable[frozenset[str] | None]) -> frozenset[str] | None:
    """Of several sets each of which is necessary, the most selective: the longest shortest literal, then fewest."""
    usable = [o for o in options if o]
    if not usable:
        return None
    return max(usable, key=lambda o: (min(len(x) for x in o), -len(o)))


def _required(seq) -> frozenset[str] | None:
    """A set of literals one of which every match of the parsed sequence ``seq`` contains, or None."""
    options: list[frozenset[str] | None] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in seq:
        if op is _C.LITERAL:
            run.append(chr(av).lower())
            continue
        flush()  # anything else (a class, an anchor, a lookaround, a group) ends a run of literal characters
        if op is _C.SUBPATTERN:
            options.append(_required(av[-1]))
        elif op is _C.BRANCH:
            branches = [_required(b) for b in av[1]]
            if all(branches):  # every branch must require something, else the alternation requires nothing
                options.append(frozenset().union(*branches))
        elif op in _REPEATS:
            low, _high, body = av
            if low >= 1:
                options.append(_required(body))
        elif _ATOMIC is not None and op is _ATOMIC:
            options.append(_required(av))
        # lookarounds, classes, anchors, IN, ANY, back references: no requirement of their own
    flush()
    return _best(options)


def literals(rx: re.Pattern) -> frozenset[str] | None:
    """The lower-case literals one of which any match of ``rx`` contains, or None when none can be derived."""
    if not isinstance(rx.pattern, str):
        return None
    return _required(_parser.parse(rx.pattern, rx.flags))


_LAST: tuple[str | None, str] = (None, "")  # the last text lowered (one tuple: swapped atomically between threads)


def _lower(s: str) -> str:
    global _LAST
    last = _LAST
    if last[0] is s:
        return last[1]
    low = s.lower()
    _LAST = (s, low)
    return low


class Gated:
    """``rx`` behind the test of its literals; everything else is ``rx``'s own."""

    __slots__ = ("rx", "lits")

    def __init__(self, rx: re.Pattern, lits: Iterable[str]):
        self.rx = rx
        self.lits = tuple(sorted(lits, key=len, reverse=True))

    def may_match(self, s) -> bool:
        if not isinstance(s, str):
            return True
        last = _LAST
        low = last[1] if last[0] is s else _lower(s)
        return any(map(low.__contains__, self.lits)) or (not s.isascii() and bool(_FOLDS.search(s)))

    def search(self, s, *args, **kwargs):
        return self.rx.search(s, *args, **kwargs) if self.may_match(s) else None

    def match(self, s, *args, **kwargs):
        return self.rx.match(s, *args, **kwargs) if self.may_match(s) else None

    def fullmatch(self, s, *args, **kwargs):
        return self.rx.fullmatch(s, *args, **kwargs) if self.may_match(s) else None

    def finditer(self, s, *args, **kwargs):
        return self.rx.finditer(s, *args, **kwargs) if self.may_match(s) else iter(())

    def findall(self, s, *args, **kwargs):
        return self.rx.findall(s, *args, **kwargs) if self.may_match(s) else []

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def __repr__(self) -> str:
        return f"Gated({self.rx!r}, {len(self.lits)} literals)"


def gate(rx):
    """``rx`` wrapped in its test when a useful one can be derived, else ``rx`` itself (anything else unchanged)."""
    if not isinstance(rx, re.Pattern):
        return rx
    lits = literals(rx)
    if not lits or len(lits) > MAX_LITERALS or min(len(x) for x in lits) < MIN_LENGTH:
        return rx
    return Gated(rx, lits)


def _gate_all(obj):
    if isinstance(obj, re.Pattern):
        return gate(obj)
    if isinstance(obj, list):
        obj[:] = [_gate_all(x) for x in obj]
        return obj
    if isinstance(obj, tuple) and not hasattr(obj, "_fields"):
        return tuple(_gate_all(x) for x in obj)
    return obj


def gate_module(namespace: dict) -> None:
    """Wrap every compiled expression of a module's globals, also inside its lists of rules (``SKIP``, ``STRONG``,
    ``COMPILED`` …), in place. Call it once, at the end of the module."""
    for name, value in list(namespace.items()):
        if name.startswith("__"):
            continue
        if isinstance(value, (re.Pattern, list, tuple)):
            namespace[name] = _gate_all(value)

