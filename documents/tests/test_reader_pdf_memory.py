"""The PDF path reads page by page and releases each page's objects, so a long PDF does not hold every
page's characters at once. A generated 60-page letter is read in a fresh interpreter and the growth of its
peak RSS (ru_maxrss) is bounded: about 4 MB after the change, about 81 MB when pdfplumber's pages kept their
cached objects."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES, LINES = 60, 16
LIMIT_MB = 50


def _make_pdf(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    line = "De waterschappen hebben de vergunningen voor het tweede tracé aangevraagd en"
    for p in range(PAGES):
        c.setFont("Helvetica", 7)
        c.drawString(430, 720, "Ministerie van Infrastructuur")
        c.drawString(430, 700, f"Pagina {p + 1} van {PAGES}")
        c.setFont("Helvetica", 9.5)
        for i in range(LINES):
            c.drawString(70, 720 - 13 * i, line if i < LINES - 1 else f"de provincie draagt bij aan de kosten van deel {p + 1}.")
        c.showPage()
    c.save()
    return path


def test_a_60_page_pdf_is_read_in_modest_memory(tmp_path):
    pdf = _make_pdf(tmp_path / "lang.pdf")
    code = textwrap.dedent(f"""
        import resource, sys
        import pdfplumber  # noqa: F401
        from documents.reader import read_document
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        doc = read_document({str(pdf)!r})
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - base
        print(len(doc.passages), grown // 1024)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    passages, grown_mb = map(int, out.stdout.split())
    assert passages == PAGES  # one paragraph per page, sidebar and page numbers dropped
    assert grown_mb < LIMIT_MB, f"peak RSS grew by {grown_mb} MB reading {PAGES} pages"
