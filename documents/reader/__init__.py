"""Document reader: raw Kamerbrief / VSO files (txt, docx, pdf) -> ParsedDocument.

Pure Python, no Django imports. Entry points::

    read_document(path, *, doc_type=None, date=None) -> ParsedDocument
    parse_text(text, *, source_name="", doc_type=None, date=None) -> ParsedDocument
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable

from .parse import parse_text
from .sources import ReaderError, read_source
from .types import Citation, Footnote, MotionMention, ParsedDocument, ParsedPassage, PassageKind

__all__ = [
    "read_document",
    "parse_text",
    "ReaderError",
    "Citation",
    "Footnote",
    "MotionMention",
    "ParsedDocument",
    "ParsedPassage",
    "PassageKind",
]


def read_document(
    path: str | os.PathLike,
    *,
    doc_type: str | None = None,
    date: dt.date | None = None,
    check_text: Callable[[str], None] | None = None,
    on_page: Callable[[int, int], None] | None = None,
) -> ParsedDocument:
    """Read a .txt/.docx/.pdf file and parse it. Explicit ``doc_type``/``date`` override
    what is detected. Raises :class:`ReaderError` for unreadable input. ``check_text`` sees
    the text read before it is parsed, and may raise to refuse it (a length limit).
    ``on_page(done, total)`` reports progress after each PDF page."""
    raw, text = read_source(path, on_page=on_page)
    if check_text is not None:
        check_text(text)
    doc = parse_text(
        text,
        source_name=os.path.basename(os.fspath(path)),
        doc_type=doc_type,
        date=date,
        sha256=hashlib.sha256(raw).hexdigest(),
    )
    if not doc.passages:
        raise ReaderError(f"{os.fspath(path)}: no text found")
    return doc
