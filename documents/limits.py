"""What one document may cost, checked before it is parsed (issue 15).

A 2,000-page PDF, a tiny PDF with one gigantic page or a .docx whose XML inflates to a
gigabyte cost minutes and gigabytes. These checks read only the file size, the zip
directory of a .docx and the page tree of a PDF — never the text — and refuse with a
Dutch sentence a clerk understands. The limits are settings (``UPLOAD_MAX_BYTES``,
``DOCUMENT_MAX_PAGES``, ``DOCUMENT_MAX_CHARS``, ``DOCX_MAX_UNCOMPRESSED_BYTES``,
``DOCX_MAX_COMPRESSION_RATIO``, ``PDF_MAX_PAGE_AREA_A0``), each with an environment override.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext as _

#: A0 in PDF points (841 × 1189 mm).
A0_AREA = (841 / 25.4 * 72) * (1189 / 25.4 * 72)
#: A zip entry smaller than this is never refused for its compression ratio alone.
RATIO_MIN_BYTES = 1024 * 1024


class LimitExceeded(Exception):
    """The file is larger than a limit allows; the message says which, in Dutch, in one line."""


def human_size(n: int) -> str:
    """Bytes as a clerk reads them: "20,0 MB" (in the active language)."""
    return str(filesizeformat(n)).replace("\xa0", " ")


def _count(n: int) -> str:
    return number_format(n, force_grouping=True)


def check_file(path: str | os.PathLike) -> None:
    """Refuse a file over a limit before anything reads its contents; raise LimitExceeded."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return  # the reader says why it cannot be read
    if size > settings.UPLOAD_MAX_BYTES:
        raise LimitExceeded(
            _("Het bestand is %(size)s groot; de grens is %(limit)s.")
            % {"size": human_size(size), "limit": human_size(settings.UPLOAD_MAX_BYTES)}
        )
    suffix = path.suffix.lower()
    if suffix == ".docx":
        check_docx(path)
    elif suffix == ".pdf":
        check_pdf(path)


def check_docx(path: str | os.PathLike) -> None:
    """Sum the uncompressed sizes the zip directory declares, before any XML is read.

    The declared size is also the most ``zipfile`` will ever inflate an entry to, so the sum
    bounds what python-docx can read. An entry that inflates more than the allowed ratio is a
    zip bomb, whatever its size.
    """
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader reports a corrupt .docx in its own words
    total = sum(max(info.file_size, 0) for info in infos)
    limit = settings.DOCX_MAX_UNCOMPRESSED_BYTES
    if total > limit:
        raise LimitExceeded(
            _("Het Word-bestand pakt uit tot %(size)s; de grens is %(limit)s.")
            % {"size": human_size(total), "limit": human_size(limit)}
        )
    max_ratio = settings.DOCX_MAX_COMPRESSION_RATIO
    for info in infos:
        if info.file_size >= RATIO_MIN_BYTES and info.file_size > max_ratio * max(info.compress_size, 1):
            raise LimitExceeded(
                _("Het Word-bestand is verdacht sterk ingepakt (%(name)s pakt %(ratio)s keer zo groot uit; "
                  "de grens is %(limit)s keer).")
                % {"name": info.filename, "ratio": _count(info.file_size // max(info.compress_size, 1)),
                   "limit": _count(max_ratio)}
            )


def check_pdf(path: str | os.PathLike) -> None:
    """Count the pages in the page tree (no content is read) and check each page's size."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    max_pages = settings.DOCUMENT_MAX_PAGES
    max_area = settings.PDF_MAX_PAGE_AREA_A0 * A0_AREA
    with open(path, "rb") as fh:
        try:
            document = PDFDocument(PDFParser(fh))
            for number, page in enumerate(PDFPage.create_pages(document), 1):
                if number > max_pages:
                    raise LimitExceeded(
                        _("Het document heeft meer dan %(limit)s pagina's; de grens is %(limit)s pagina's.")
                        % {"limit": _count(max_pages)}
                    )
                try:
                    x0, y0, x1, y1 = (float(v) for v in page.mediabox)
                except (TypeError, ValueError):  # no usable MediaBox: the page is still counted
                    continue
                width, height = abs(x1 - x0), abs(y1 - y0)
                if width * height > max_area:
                    raise LimitExceeded(
                        _("Pagina %(page)s is onwaarschijnlijk groot (%(width)s bij %(height)s meter; "
                          "de grens is %(limit)s keer A0).")
                        % {"page": number, "width": _count(round(width / 72 * 0.0254)),
                           "height": _count(round(height / 72 * 0.0254)), "limit": _count(settings.PDF_MAX_PAGE_AREA_A0)}
                    )
        except LimitExceeded:
            raise
        except Exception:  # noqa: BLE001 - pdfminer raises many kinds; the reader reports them
            return


def check_text(text: str) -> None:
    """Refuse text longer than ``DOCUMENT_MAX_CHARS``, after reading and before parsing."""
    limit = settings.DOCUMENT_MAX_CHARS
    if len(text) > limit:
        raise LimitExceeded(
            _("Het document bevat %(chars)s tekens tekst; de grens is %(limit)s tekens.")
            % {"chars": _count(len(text)), "limit": _count(limit)}
        )
