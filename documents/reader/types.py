"""Plain data the document reader produces. No Django here.

This is the contract between the reader (``documents.reader``), the commitment
extractor (``commitments.extraction``) and the ingestion service that stores a
``ParsedDocument`` in the database. Change it only together with its users.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


class PassageKind:
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUESTION = "question"  # a member's question in a VSO (part I, or repeated in part II)
    ANSWER = "answer"  # the government's answer in part II of a VSO

    ALL = (HEADING, PARAGRAPH, QUESTION, ANSWER)


@dataclass
class Footnote:
    number: str
    text: str


@dataclass
class Citation:
    """A citation found in a passage or its footnotes.

    ``key`` is the normalised Kamerstuk key ("31497-507", "36410-VIII-21") for
    Kamerstukken; for other citations (Aanhangsel Handelingen, zaak numbers)
    ``key`` is None and ``kind`` is "other".
    """

    text: str
    kind: str = "kamerstuk"  # "kamerstuk" | "other"
    key: str | None = None
    footnote: str | None = None  # number of the footnote it came from, if any


@dataclass
class MotionMention:
    name: str  # as cited: "motie Westerveld", "motie van de leden Kwint en Westerveld"
    key: str | None = None  # Kamerstuk key from the attached footnote, if any
    submitters: list[str] = field(default_factory=list)


@dataclass
class ParsedPassage:
    index: int  # 0-based order in the document
    kind: str  # one of PassageKind.ALL
    text: str  # clean text: noise and footnote markers removed, lines joined
    fractie: str | None = None  # for VSO questions and answers: "D66", "GroenLinks-PvdA", "Groep Markuszower"
    question_index: int | None = None  # for an ANSWER: index of the QUESTION passage it answers
    footnotes: list[Footnote] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    motions: list[MotionMention] = field(default_factory=list)


@dataclass
class ParsedDocument:
    type: str  # "kamerbrief" | "vso" | "motie" | "other"
    date: dt.date | None
    kamerstuk: str | None  # the document's own key, e.g. "31839-1050"
    subject: str | None
    ministry: str | None
    bewindspersoon: str | None  # e.g. "de minister van Langdurige Zorg, Jeugd en Sport"
    committee: str | None  # VSO: "De vaste commissie voor Onderwijs, Cultuur en Wetenschap"
    text: str  # the full clean text
    passages: list[ParsedPassage] = field(default_factory=list)
    fracties: list[str] = field(default_factory=list)  # VSO part I sections, in order
    source_name: str = ""
    sha256: str = ""  # of the raw input bytes
    # optional additions (reader): every signatory, e.g. two bewindspersonen on one letter
    bewindspersonen: list[str] = field(default_factory=list)

    @property
    def references(self) -> list[str]:
        """Every Kamerstuk key cited, unique, in order of first appearance."""
        seen: dict[str, None] = {}
        for p in self.passages:
            for c in p.citations:
                if c.key:
                    seen.setdefault(c.key, None)
        return list(seen)

    @property
    def other_references(self) -> list[str]:
        seen: dict[str, None] = {}
        for p in self.passages:
            for c in p.citations:
                if c.kind == "other":
                    seen.setdefault(c.text, None)
        return list(seen)

    @property
    def motions(self) -> list[MotionMention]:
        """Motions cited, one per key (or per name when no key is known)."""
        out: dict[str, MotionMention] = {}
        for p in self.passages:
            for m in p.motions:
                out.setdefault(m.key or m.name.lower(), m)
        return list(out.values())

    def answers(self) -> list[tuple[ParsedPassage | None, ParsedPassage]]:
        """(question, answer) pairs of a VSO's part II."""
        by_index = {p.index: p for p in self.passages}
        return [
            (by_index.get(p.question_index) if p.question_index is not None else None, p)
            for p in self.passages
            if p.kind == PassageKind.ANSWER
        ]
