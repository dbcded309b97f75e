"""How well the reader's PDF path reads whole real letters: render each letter's text into a
Rijkshuisstijl PDF (sidebar with the ministry on every page, "Pagina x van y", a running header,
footnotes at the page bottom in small type with superscript numbers, wrapped footnotes with URLs,
hyphenation at line ends, letter-spacing artefacts, the signature and a "Bijlage" after it), read
it back and compare its sentences with the sentences read from the text itself.

The figure is the share of the text's sentences (20 characters or more) that the PDF reading
holds identically; ``leaks`` counts PDF sentences holding sidebar or page furniture, ``fn_ok``
the share of footnotes found back with their number and text.

    .venv/bin/python -m documents.tests.pdf_agreement [--raw] [--verbose] [files or folders ...]

Without arguments: the corpus in ``fixtures/corpus`` and, when present, the real letters in
``/work/shared/gold-real/corpus`` (env ``GOLD_REAL_CORPUS``). ``--raw`` reads the PDFs through
pdfminer's plain text (the pdftotext-like path of ``parse_text``) instead of the positions.
Test helper, not part of the reader.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from documents.reader import ReaderError, parse_text, read_document
from documents.reader.parse import split_paragraphs

from .builders import make_letter_pdf

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_CORPUS = ROOT / "fixtures" / "corpus"
GOLD_REAL = Path(os.environ.get("GOLD_REAL_CORPUS", "/work/shared/gold-real/corpus"))

MINISTRY_SIDEBAR = {
    "VWS": ["Ministerie van Volksgezondheid,", "Welzijn en Sport"],
    "OCW": ["Ministerie van Onderwijs, Cultuur", "en Wetenschap"],
    "IenW": ["Ministerie van Infrastructuur", "en Waterstaat"],
    "EZ": ["Ministerie van Economische Zaken"],
    "EZK": ["Ministerie van Economische Zaken", "en Klimaat"],
    "LNV": ["Ministerie van Landbouw, Natuur", "en Voedselkwaliteit"],
    "LVVN": ["Ministerie van Landbouw, Visserij,", "Voedselzekerheid en Natuur"],
    "BZ": ["Ministerie van Buitenlandse Zaken"],
    "BHOS": ["Ministerie van Buitenlandse Zaken"],
    "AenM": ["Ministerie van Asiel en Migratie"],
    "VRO": ["Ministerie van Volkshuisvesting en", "Ruimtelijke Ordening"],
    "AZ": ["Ministerie van Algemene Zaken"],
    "FIN": ["Ministerie van Financiën"],
    "DEF": ["Ministerie van Defensie"],
    "BZK": ["Ministerie van Binnenlandse Zaken en", "Koninkrijksrelaties"],
    "KGG": ["Ministerie van Klimaat en Groene Groei"],
}

_SENT_SPLIT = re.compile(r"(?<=[.?!])\s+(?=[A-Z0-9„“‘'\"(«])")
# furniture that must never stand in a sentence of the PDF reading
_LEAK = re.compile(r"\bP ?agina \d+ van \d+|Ons kenmerk|Bezoekadres|Bijlage\(n\)|rijksoverheid\.nl|2511 [A-Z]{2}\b|"
                   r"Kenmerk 20\d\d-|Postbus 20\d{3} 25\d\d")


def sentences(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        for s in _SENT_SPLIT.split(re.sub(r"\s+", " ", t).strip()):
            if len(s) >= 20:
                out.append(s)
    return out


def _ministry(meta: dict) -> str:
    m = re.match(r"[A-Za-z]+", meta.get("ministry") or "VWS")
    return m.group(0) if m and m.group(0) in MINISTRY_SIDEBAR else "VWS"


def letter_paragraphs(text: str) -> list[tuple[str, dict[str, str]]]:
    """(paragraph with [footnoteRef:N] markers, {N: body}) as the reader splits the text. A letter
    without footnotes gets one glued to the end of the first sentence of every third paragraph
    ("... ontvangen.4"), with a Kamerstuk and a long URL, as real letters have them."""
    paras, _ = split_paragraphs(text)
    has_fn = any(p.footnotes for p in paras)
    out: list[tuple[str, dict[str, str]]] = []
    n = 0
    for i, para in enumerate(paras):
        line = re.sub(r"[ \t]+", " ", para.raw).strip()
        if not line:
            continue
        line = re.sub(r"\s+(\[footnoteRef:\d+\])", r"\1", line)
        fns = {f.number: f.text for f in para.footnotes}
        if not has_fn and i % 3 == 2 and len(line) > 80:
            m = re.search(r"[a-z)]\.(?=\s+[A-Z])", line)
            if m:
                n += 1
                line = line[: m.end()] + f"[footnoteRef:{n}]" + line[m.end():]
                fns[str(n)] = (f"Kamerstukken II 2023/24, 31 497, nr. {400 + n}; zie ook "
                               f"https://zoek.officielebekendmakingen.nl/kst-31497-{400 + n}.html")
        out.append((line, fns))
    return out


@dataclass
class Result:
    name: str
    found: int = 0
    total: int = 0
    leaks: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    fn_found: int = 0
    fn_total: int = 0

    @property
    def share(self) -> float:
        return self.found / self.total if self.total else 1.0


def render(path: Path, out: Path) -> Path:
    """The letter at ``path`` as a Rijkshuisstijl PDF at ``out``."""
    meta = _manifest(path.parent).get(path.name, {})
    ministry = _ministry(meta)
    sidebar = [*MINISTRY_SIDEBAR[ministry], "", "Bezoekadres", "Rijnstraat 50", "2515 XP  Den Haag",
               "Postbus 20901", "2500 EX  Den Haag", "www.rijksoverheid.nl", "", "Ons kenmerk", "2025-0000034512",
               "", "Bijlage(n)", "1", ""]
    return make_letter_pdf(
        out, [], letter_paragraphs(path.read_text(encoding="utf-8")), [], sidebar=sidebar,
        fn_number="superscript", wrap_footnotes=True, hyphenate=True, letterspace=True,
        running_header="Datum 12 maart 2025   Kenmerk 2025-0000034512", appendix=["Bijlage 1", "Overzicht van de stand van zaken"],
    )


def check(path: Path, *, raw: bool = False, workdir: Path | None = None) -> Result:
    text = path.read_text(encoding="utf-8")
    ref = parse_text(text)
    want = sentences([p.text for p in ref.passages])
    tmp = Path(workdir or tempfile.mkdtemp())
    pdf = render(path, tmp / (path.stem + ".pdf"))
    if raw:
        from pdfminer.high_level import extract_text

        got_doc = parse_text(extract_text(str(pdf)))
    else:
        try:
            got_doc = read_document(pdf)
        except ReaderError:  # nothing read counts as nothing found
            got_doc = parse_text("")
    got = sentences([p.text for p in got_doc.passages])
    have = set(got)
    res = Result(path.name, total=len(want))
    for s in want:
        if s in have:
            res.found += 1
        else:
            res.missing.append(s)
    # (a sentence of the letter's own text that names such furniture, its letterhead or a URL, is no leak)
    res.leaks = [s for s in got if _LEAK.search(s) and s not in want]
    # footnotes: every footnote of the rendered letter is back, with its number and text, on a passage
    expected = {n: re.sub(r"\s+", " ", t).strip() for _, fns in letter_paragraphs(text) for n, t in fns.items() if t}
    back = {f.number: re.sub(r"\s+", " ", f.text).strip() for p in got_doc.passages for f in p.footnotes}
    res.fn_total = len(expected)
    res.fn_found = sum(1 for n, t in expected.items() if back.get(n) == t)
    return res


_MANIFESTS: dict[Path, dict] = {}


def _manifest(folder: Path) -> dict:
    if folder not in _MANIFESTS:
        f = folder / "manifest.json"
        _MANIFESTS[folder] = {m["file"]: m for m in json.loads(f.read_text(encoding="utf-8"))} if f.exists() else {}
    return _MANIFESTS[folder]


def default_files() -> list[Path]:
    files = sorted(FIXTURE_CORPUS.glob("*.txt"))
    if GOLD_REAL.is_dir():
        files += sorted(GOLD_REAL.glob("*.txt"))
    return [f for f in files if not f.stem.endswith("_raw")]


def main(argv: list[str]) -> int:
    raw = "--raw" in argv
    verbose = "--verbose" in argv
    args = [a for a in argv if not a.startswith("--")]
    files: list[Path] = []
    for a in args:
        p = Path(a)
        files += sorted(f for f in p.glob("*.txt") if not f.stem.endswith("_raw")) if p.is_dir() else [p]
    files = files or default_files()
    found = total = leaks = fn_found = fn_total = 0
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            r = check(f, raw=raw, workdir=Path(tmp))
            found, total, leaks = found + r.found, total + r.total, leaks + len(r.leaks)
            fn_found, fn_total = fn_found + r.fn_found, fn_total + r.fn_total
            print(f"{r.share:6.1%}  {r.found:4d}/{r.total:<4d} leaks {len(r.leaks):2d}  footnotes {r.fn_found}/{r.fn_total}  {r.name}")
            if verbose:
                for s in r.missing:
                    print("    missing:", s[:160])
                for s in r.leaks:
                    print("    leak:   ", s[:160])
    print(f"{found / max(total, 1):6.1%}  {found}/{total} sentences identical; {leaks} furniture leaks; "
          f"footnotes {fn_found}/{fn_total} ({'raw text' if raw else 'positions'}, {len(files)} letters)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
