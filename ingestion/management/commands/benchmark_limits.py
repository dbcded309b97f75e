"""What one document costs, within and beyond the limits of issue 15 (``documents/limits.py``).

    python manage.py benchmark_limits [--pages 10,50,150,300] [--paragraphs 2000] [--text-chars 200000]
                                      [--dates 1000,2000,4000] [--format json]

Generates files in a temporary folder and ingests each one in a fresh Python process, as the upload
worker does (``ingestion.pipeline.ingest_file``: limits, read, parse, extract with Frog, store), inside
a transaction that is rolled back, so the database is left as it was. Per file it reports the wall
time of the ingest (and the CPU time of that process: Frog's is not in it; on a shared machine the
CPU time is the steadier measure of linearity), the peak resident memory of that process (``VmHWM``, with its resident memory
after Django and the extractor were loaded beside it), and the outcome:

* within the limits: PDFs of ``--pages`` pages (a letter in body type with promises and dates on
  every page), a .docx of ``--paragraphs`` paragraphs, a text of ``--text-chars`` characters and
  texts of one sentence with ``--dates`` dates; for the PDFs the seconds per page show whether the
  time is linear in pages;
* beyond them: a PDF of one page more than ``DOCUMENT_MAX_PAGES``, a PDF with one page of eleven A0
  sheets, a .docx whose XML inflates past ``DOCX_MAX_UNCOMPRESSED_BYTES`` at a ratio past
  ``DOCX_MAX_COMPRESSION_RATIO``, a file past ``UPLOAD_MAX_BYTES`` and a text past
  ``DOCUMENT_MAX_CHARS``: the time to the refusal, its (Dutch) message, and that nothing was stored.

Goal (issue 15): within the limits at most 500 MB peak and time linear in pages; beyond them a Dutch
refusal within 5 s and nothing stored. Needs Frog (started when none answers, as ``ingest`` does).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from commitments.extraction import frog

#: The settings of documents/limits.py, passed on to the ingesting processes.
LIMITS = ("UPLOAD_MAX_BYTES", "DOCUMENT_MAX_PAGES", "DOCUMENT_MAX_CHARS", "DOCX_MAX_UNCOMPRESSED_BYTES",
          "DOCX_MAX_COMPRESSION_RATIO", "PDF_MAX_PAGE_AREA_A0")
#: The goals of issue 15.
GOAL_PEAK_MB = 500
GOAL_REFUSAL_S = 5.0

# The child: loads Django, ingests one file inside a transaction that is rolled back, prints JSON.
CHILD = r"""
import json, os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()
from django.db import connections, transaction
connections["default"].settings_dict.update(json.loads(os.environ["BENCHMARK_LIMITS_DB"]))
from django.utils import translation
translation.activate(os.environ.get("BENCHMARK_LIMITS_LANGUAGE", "nl"))
from ingestion.pipeline import ingest_file
from documents.models import Document
from commitments.models import Commitment
import datetime as dt
path, doc_type = sys.argv[1], sys.argv[2]
def status_kb(field):  # VmHWM (peak) is this process's own; ru_maxrss would keep the parent's across exec
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(field + ":"))
base = status_kb("VmRSS")
class Rollback(Exception):
    pass
out = {}
try:
    with transaction.atomic():
        docs, commitments = Document.objects.count(), Commitment.objects.count()
        start, cpu = time.perf_counter(), time.process_time()
        r = ingest_file(path, doc_type=doc_type, date=dt.date(2026, 3, 2), source_name=os.path.basename(path), flag=False)
        out = {"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu, "status": r.status, "message": r.message,
               "commitments": r.commitments,
               "documents_stored": Document.objects.count() - docs,
               "commitments_stored": Commitment.objects.count() - commitments}
        raise Rollback
except Rollback:
    pass
out["base_rss_mb"] = base / 1024
out["peak_rss_mb"] = status_kb("VmHWM") / 1024
print("BENCHMARK-LIMITS " + json.dumps(out))
"""

SENTENCES = [
    "Ik zal uw Kamer voor de zomer van 2026 informeren over de voortgang van het programma in regio {n}.",
    "De evaluatie van de regeling voor gemeente {n} wordt in het vierde kwartaal van 2026 afgerond.",
    "Het kabinet heeft in {n} gesprekken met de sector de knelpunten in kaart gebracht.",
    "Vóór 1 oktober 2026 stuur ik u de uitwerking van maatregel {n}, zoals toegezegd in het debat.",
    "De uitvoeringsorganisaties melden dat de wachttijd in provincie {n} verder is gedaald.",
    "Daarnaast onderzoek ik met de betrokken partijen of de termijn voor aanvraag {n} korter kan.",
]


def sentence(i: int) -> str:
    return SENTENCES[i % len(SENTENCES)].format(n=i)


def make_pdf(path: Path, pages: int, *, page_size=None) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=page_size or A4)
    i = 0
    for p in range(pages):
        c.setFont("Helvetica", 10)
        y = 780
        for _ in range(8):  # eight paragraphs of four or five lines
            text = " ".join(sentence(i + k) for k in range(3))
            i += 3
            words, line = text.split(), ""
            for w in words:
                if len(line) + len(w) > 95:
                    c.drawString(70, y, line)
                    y -= 13
                    line = w
                else:
                    line = f"{line} {w}".strip()
            c.drawString(70, y, line)
            y -= 26
        c.setFont("Helvetica", 8)
        c.drawString(70, 40, f"Pagina {p + 1} van {pages}")
        c.showPage()
    c.save()
    return path


def make_docx(path: Path, paragraphs: int) -> Path:
    import docx

    d = docx.Document()
    for i in range(paragraphs):
        d.add_paragraph(" ".join(sentence(3 * i + k) for k in range(3)))
    d.save(path)
    return path


def make_text(path: Path, chars: int) -> Path:
    parts, size, i = ["Geachte voorzitter,\n\n"], 0, 0
    while size < chars:
        para = " ".join(sentence(3 * i + k) for k in range(3)) + "\n\n"
        parts.append(para)
        size += len(para)
        i += 1
    path.write_text("".join(parts) + "Hoogachtend,\n", encoding="utf-8")
    return path


def make_dates_text(path: Path, dates: int) -> Path:
    body = "Ik zal de Kamer informeren op " + ", ".join(f"{1 + i % 28} maart 2026" for i in range(dates)) + "."
    path.write_text(f"Geachte voorzitter,\n\n{body}\n\nHoogachtend,\n", encoding="utf-8")
    return path


def make_docx_bomb(path: Path) -> Path:
    """A .docx whose document.xml inflates past the limit (spaces compress about a thousandfold)."""
    template = path.with_suffix(".template.docx")
    make_docx(template, 2)
    inflated = settings.DOCX_MAX_UNCOMPRESSED_BYTES + 1024 * 1024
    with zipfile.ZipFile(template) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                head, tail = data.rsplit(b"</w:body>", 1)
                with zout.open("word/document.xml", "w", force_zip64=True) as fh:
                    fh.write(head)
                    block = b" " * (1024 * 1024)
                    for _ in range(inflated // len(block)):
                        fh.write(block)
                    fh.write(b"</w:body>" + tail)
            else:
                zout.writestr(item, data)
    template.unlink()
    return path


def make_oversize(path: Path) -> Path:
    """A text file one megabyte past ``UPLOAD_MAX_BYTES``."""
    line = (sentence(1) + "\n").encode()
    with open(path, "wb") as fh:
        size = 0
        while size <= settings.UPLOAD_MAX_BYTES + 1024 * 1024:
            fh.write(line * 1000)
            size += len(line) * 1000
    return path


class Command(BaseCommand):
    help = "Ingest generated files within and beyond the limits, each in a fresh process; time and peak memory."

    def add_arguments(self, parser):
        parser.add_argument("--pages", default="10,50,150,300", help="page counts of the PDFs within the limits")
        parser.add_argument("--paragraphs", type=int, default=2000, help="paragraphs of the .docx within the limits")
        parser.add_argument("--text-chars", type=int, default=200_000, help="characters of the text within the limits")
        parser.add_argument("--dates", default="1000,2000,4000", help="dates in the one-sentence texts")
        parser.add_argument("--beyond", action=argparse.BooleanOptionalAction, default=True,
                            help="also the files beyond the limits (--no-beyond: only those within)")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **opts):
        try:
            pages = [int(p) for p in opts["pages"].split(",") if p.strip()]
            dates = [int(d) for d in opts["dates"].split(",") if d.strip()]
        except ValueError as exc:
            raise CommandError("--pages and --dates are comma-separated numbers") from exc
        if any(p < 1 or p > settings.DOCUMENT_MAX_PAGES for p in pages):
            raise CommandError(f"--pages must lie between 1 and DOCUMENT_MAX_PAGES ({settings.DOCUMENT_MAX_PAGES})")
        try:
            frog.ensure_server()
        except frog.FrogUnavailable as exc:
            raise CommandError(f"cannot extract without Frog: {exc}") from exc
        tmp = Path(tempfile.mkdtemp(prefix="benchmark-limits-"))
        try:
            cases = self._within(tmp, pages, opts["paragraphs"], opts["text_chars"], dates)
            if opts["beyond"]:
                cases += self._beyond(tmp)
            results = []
            for case in cases:
                results.append({**case, **self._ingest(case["path"], case.get("type", "kamerbrief"))})
                results[-1]["path"] = results[-1]["path"].name
                results[-1]["bytes"] = (tmp / results[-1]["path"]).stat().st_size
                if opts["format"] == "text":
                    self.stdout.write(_line(results[-1]))
                    self.stdout.flush()
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        summary = _summary(results)
        if opts["format"] == "json":
            self.stdout.write(json.dumps({"files": results, "summary": summary}, indent=1))
            return
        for line in summary["lines"]:
            self.stdout.write(line)

    def _within(self, tmp: Path, pages, paragraphs, text_chars, dates) -> list[dict]:
        cases = [{"case": f"pdf {n} pages", "within": True, "pages": n, "path": make_pdf(tmp / f"pages-{n}.pdf", n)}
                 for n in pages]
        if paragraphs > 0:
            cases.append({"case": f"docx {paragraphs} paragraphs", "within": True,
                          "path": make_docx(tmp / f"paragraphs-{paragraphs}.docx", paragraphs)})
        if text_chars > 0:
            cases.append({"case": f"text {text_chars} characters", "within": True,
                          "path": make_text(tmp / f"chars-{text_chars}.txt", text_chars)})
        for n in dates:
            cases.append({"case": f"one sentence of {n} dates", "within": True, "dates": n,
                          "path": make_dates_text(tmp / f"dates-{n}.txt", n)})
        return cases

    def _beyond(self, tmp: Path) -> list[dict]:
        from reportlab.lib.units import mm

        n = settings.DOCUMENT_MAX_PAGES + 1
        huge = (841 * mm * 11 ** 0.5, 1189 * mm * 11 ** 0.5)  # eleven A0 sheets
        long_text = make_text(tmp / "too-many-chars.txt", settings.DOCUMENT_MAX_CHARS + 10_000)
        return [
            {"case": f"pdf {n} pages", "within": False, "limit": "DOCUMENT_MAX_PAGES", "path": make_pdf(tmp / f"pages-{n}.pdf", n)},
            {"case": "pdf with a page of 11 A0", "within": False, "limit": "PDF_MAX_PAGE_AREA_A0",
             "path": make_pdf(tmp / "huge-page.pdf", 1, page_size=huge)},
            {"case": "docx inflating past the limit", "within": False, "limit": "DOCX_MAX_UNCOMPRESSED_BYTES",
             "path": make_docx_bomb(tmp / "bomb.docx")},
            {"case": "text past the file size", "within": False, "limit": "UPLOAD_MAX_BYTES",
             "path": make_oversize(tmp / "too-large.txt")},
            {"case": "text past the characters", "within": False, "limit": "DOCUMENT_MAX_CHARS", "path": long_text},
        ]

    def _ingest(self, path: Path, doc_type: str) -> dict:
        env = {**os.environ, "BENCHMARK_LIMITS_DB": json.dumps(_db_settings(), default=str),
               "FROG_ADDRESS": ":".join(map(str, frog.address())),
               # the limits this process generated the files for (they may be overridden, as in the tests)
               **{name: str(getattr(settings, name)) for name in LIMITS}}
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(path), doc_type], cwd=settings.BASE_DIR, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        stdout, stderr = proc.communicate()
        wall = time.perf_counter() - start
        lines = [line for line in stdout.splitlines() if line.startswith("BENCHMARK-LIMITS ")]
        if proc.returncode != 0 or not lines:
            raise CommandError(f"ingesting {path.name} failed in its process: {stderr.strip()[-2000:]}")
        out = json.loads(lines[-1].split(" ", 1)[1])
        out["process_seconds"] = wall
        return {k: round(v, 2) if isinstance(v, float) else v for k, v in out.items()}


def _db_settings() -> dict:
    """The database this command uses (in tests: the test database), for the child processes."""
    keys = ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT", "OPTIONS")
    return {k: connection.settings_dict[k] for k in keys if k in connection.settings_dict}


def _line(r: dict) -> str:
    head = (f"{r['case']:<32} {r['bytes'] / 1024:>7.0f} KB  ingest {r['seconds']:>7.2f} s "
            f"(CPU {r['cpu_seconds']:>6.2f} s; process {r['process_seconds']:>6.2f} s)  peak {r['peak_rss_mb']:>6.1f} MB (loaded {r['base_rss_mb']:.1f})")
    if r["status"] == "error":
        return f"{head}  refused: {r['message']} (stored: {r['documents_stored']} documents)"
    return f"{head}  {r['status']}: {r['commitments']} commitments (rolled back)"


def _summary(results: list[dict]) -> dict:
    within = [r for r in results if r["within"]]
    beyond = [r for r in results if not r["within"]]
    pdfs = sorted((r for r in within if r.get("pages")), key=lambda r: r["pages"])
    per_page = [{"pages": r["pages"], "seconds": r["seconds"], "seconds_per_page": round(r["seconds"] / r["pages"], 3),
                 "cpu_seconds_per_page": round(r["cpu_seconds"] / r["pages"], 3),
                 "peak_rss_mb": r["peak_rss_mb"]} for r in pdfs]
    dated = sorted((r for r in within if r.get("dates")), key=lambda r: r["dates"])
    summary = {
        "within_ok": all(r["status"] != "error" for r in within),
        "within_peak_rss_mb": max((r["peak_rss_mb"] for r in within), default=None),
        "pdf_seconds_per_page": per_page,
        "dates_seconds": [{"dates": r["dates"], "seconds": r["seconds"]} for r in dated],
        "beyond_refused": all(r["status"] == "error" for r in beyond),
        "beyond_max_seconds": max((r["seconds"] for r in beyond), default=None),
        "beyond_stored": sum(r["documents_stored"] + r["commitments_stored"] for r in beyond),
    }
    lines = []
    if within:
        lines.append(f"within the limits: peak {summary['within_peak_rss_mb']} MB (goal ≤ {GOAL_PEAK_MB} MB); "
                     + ("all ingested" if summary["within_ok"] else "SOME FAILED"))
    if per_page:
        lines.append("PDF time per page: " + ", ".join(f"{p['pages']} pages {p['seconds_per_page']} s/page "
                                                      f"({p['cpu_seconds_per_page']} s CPU of this process)"
                                                      for p in per_page))
    if dated:
        lines.append("one sentence of dates: " + ", ".join(f"{d['dates']} dates {d['seconds']} s"
                                                           for d in summary["dates_seconds"]))
    if beyond:
        lines.append(f"beyond the limits: {'all refused' if summary['beyond_refused'] else 'NOT ALL REFUSED'} "
                     f"within {summary['beyond_max_seconds']} s (goal ≤ {GOAL_REFUSAL_S} s); "
                     f"stored: {summary['beyond_stored']}")
    summary["lines"] = lines
    return summary
