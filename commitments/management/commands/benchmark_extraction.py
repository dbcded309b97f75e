"""Measure extraction speed: ms per document and characters per second.

    python manage.py benchmark_extraction [--corpus fixtures/corpus] [--repeat 3] [--format json]

Runs reader + extractor (no database) over every document of the corpus: a first pass in a fresh
process (imports, regular expressions, the model, Frog's connections; "first pass"), then timed passes
"warm": the process warmed up, but Frog's cache of analyses emptied before every document, so every
sentence is analysed by Frog as on a first sight (the figure the speed target is about); "repeated"
is the same with the cache kept (a document read again).  Then a synthetic document 10x the largest
one, so the growth can be compared with the corpus rate (it should be linear).  The process's CPU
seconds and the load average are reported beside, as the machine may be shared.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from commitments.extraction import frog
from commitments.extraction.extractor import extract
from documents.reader import parse_text


def _manifest(corpus: Path) -> dict[str, dict]:
    path = corpus / "manifest.json"
    if path.exists():
        return {m["file"]: m for m in json.loads(path.read_text(encoding="utf-8"))}
    return {}


class Command(BaseCommand):
    help = "Benchmark commitment extraction over the corpus and a 10x synthetic document."
    requires_system_checks: list = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(Path(settings.BASE_DIR) / "fixtures" / "corpus"))
        parser.add_argument("--repeat", type=int, default=3, help="timed passes (best is reported)")
        parser.add_argument("--scale", type=int, default=10, help="size of the synthetic document (x largest)")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def _run(self, text: str, meta: dict, repeat: int, *, cached: bool = False) -> tuple[float, int, float]:
        """Best wall-clock seconds of ``repeat`` passes, commitments found, CPU seconds of that pass."""
        date = dt.date.fromisoformat(meta["date"]) if meta.get("date") else None
        best, found, cpu = float("inf"), 0, 0.0
        for _ in range(repeat):
            if not cached:
                frog.client().clear_cache()
            t0, c0 = time.perf_counter(), time.process_time()
            doc = parse_text(text, source_name=meta.get("file", ""), doc_type=meta.get("type"), date=date)
            found = len(extract(doc))
            elapsed = time.perf_counter() - t0
            if elapsed < best:
                best, cpu = elapsed, time.process_time() - c0
        return best, found, cpu

    def handle(self, *args, **opts):
        corpus = Path(opts["corpus"])
        manifest = _manifest(corpus)
        files = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")
        texts = {p.name: p.read_text(encoding="utf-8") for p in files}
        rows = []
        frog.ensure_server()
        first_s = 0.0
        frog.client().clear_cache()
        for name, text in texts.items():  # first pass: imports, regexes, and Frog's analyses not yet cached
            first_s += self._run(text, manifest.get(name, {"file": name}), 1)[0]
        total_s, total_cpu, total_chars, repeated_s = 0.0, 0.0, 0, 0.0
        for name, text in texts.items():
            secs, n, cpu = self._run(text, manifest.get(name, {"file": name}), opts["repeat"])
            rows.append({"file": name, "chars": len(text), "ms": round(secs * 1000, 1),
                         "chars_per_s": round(len(text) / secs), "commitments": n, "cpu_ms": round(cpu * 1000, 1)})
            total_s += secs
            total_cpu += cpu
            total_chars += len(text)
            repeated_s += self._run(text, manifest.get(name, {"file": name}), opts["repeat"], cached=True)[0]
        largest = max(texts, key=lambda k: len(texts[k]))
        meta = dict(manifest.get(largest, {"file": largest}))
        big = ("\n\n".join([texts[largest]] * opts["scale"]))
        big_s, big_n, _ = self._run(big, meta, max(1, opts["repeat"] // 2))
        corpus_rate = total_chars / total_s
        largest_rate = len(texts[largest]) / next(r["ms"] for r in rows if r["file"] == largest) * 1000
        result = {
            "corpus": {"documents": len(rows), "chars": total_chars, "total_ms": round(total_s * 1000, 1),
                       "ms_per_document": round(total_s * 1000 / max(1, len(rows)), 1),
                       "chars_per_s": round(corpus_rate), "first_pass_ms": round(first_s * 1000, 1),
                       "cpu_ms": round(total_cpu * 1000, 1), "repeated_ms": round(repeated_s * 1000, 1),
                       "frog_connections": frog.connections(), "load_average": round(os.getloadavg()[0], 2)},
            "documents": rows,
            "synthetic": {"source": largest, "scale": opts["scale"], "chars": len(big), "ms": round(big_s * 1000, 1),
                          "chars_per_s": round(len(big) / big_s), "commitments": big_n,
                          "rate_vs_largest": round((len(big) / big_s) / largest_rate, 2)},
        }
        if opts["format"] == "json":
            self.stdout.write(json.dumps(result, indent=1))
            return
        for r in rows:
            self.stdout.write(f"{r['file']:32} {r['chars']:>8} chars {r['ms']:>8.1f} ms {r['chars_per_s']:>10} chars/s "
                              f"{r['commitments']:>4} commitments")
        c = result["corpus"]
        self.stdout.write(f"corpus: {c['documents']} documents, warm (every sentence analysed by Frog anew) "
                          f"{c['total_ms']} ms total ({c['cpu_ms']} ms CPU in this process), {c['ms_per_document']} "
                          f"ms/document, {c['chars_per_s']} chars/s; first pass in a fresh process {c['first_pass_ms']} ms; "
                          f"repeated (Frog's analyses cached) {c['repeated_ms']} ms; {c['frog_connections']} Frog "
                          f"connections; load average {c['load_average']} on {os.cpu_count()} CPUs")
        s = result["synthetic"]
        self.stdout.write(f"synthetic {s['scale']}x {s['source']}: {s['chars']} chars, {s['ms']} ms, {s['chars_per_s']} chars/s "
                          f"({s['rate_vs_largest']}x the rate on the original: 1.0 = linear)")
