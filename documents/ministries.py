"""Canonical ministry names, so that the dashboard groups "VWS", "Volksgezondheid,
Welzijn en Sport" and "de minister van Langdurige Zorg, Jeugd en Sport" together."""

from __future__ import annotations

import re

#: short code → (display name, patterns that identify it in free text)
MINISTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "AZ": ("Algemene Zaken", (r"\bAZ\b", r"Algemene Zaken", r"minister-president")),
    "BZ": ("Buitenlandse Zaken", (r"\bBZ\b", r"Buitenlandse Zaken", r"Buitenlandse Handel")),
    "BZK": ("Binnenlandse Zaken en Koninkrijksrelaties", (r"\bBZK\b", r"Binnenlandse Zaken")),
    "VRO": ("Volkshuisvesting en Ruimtelijke Ordening", (r"\bVRO\b", r"Volkshuisvesting")),
    "DEF": ("Defensie", (r"\bDefensie\b",)),
    "EZ": ("Economische Zaken", (r"\bEZK?\b", r"Economische Zaken")),
    "FIN": ("Financiën", (r"\bFin\b", r"Financi[eë]n")),
    "IenW": ("Infrastructuur en Waterstaat", (r"\bI\s?en\s?W\b", r"Infrastructuur en Waterstaat")),
    "JenV": ("Justitie en Veiligheid", (r"\bJ\s?en\s?V\b", r"Justitie en Veiligheid", r"Rechtsbescherming")),
    "KGG": ("Klimaat en Groene Groei", (r"\bKGG\b", r"Klimaat en Groene Groei")),
    "LVVN": ("Landbouw, Visserij, Voedselzekerheid en Natuur", (r"\bLVVN\b", r"\bLNV\b", r"Landbouw")),
    "OCW": (
        "Onderwijs, Cultuur en Wetenschap",
        (r"\bOCW\b", r"Onderwijs, Cultuur en Wetenschap", r"Primair en Voortgezet Onderwijs",
         r"Basis- en Voortgezet Onderwijs", r"Onderwijs en Emancipatie"),
    ),
    "SZW": ("Sociale Zaken en Werkgelegenheid", (r"\bSZW\b", r"Sociale Zaken", r"Participatie en Integratie")),
    "VWS": (
        "Volksgezondheid, Welzijn en Sport",
        (r"\bVWS\b", r"Volksgezondheid", r"Langdurige Zorg", r"Jeugd, Preventie en Sport",
         r"Langdurige en Maatschappelijke Zorg", r"Medische Zorg"),
    ),
    "AenM": ("Asiel en Migratie", (r"\bAsiel en Migratie\b",)),
}

_COMPILED = [(code, re.compile("|".join(pats), re.I)) for code, (_, pats) in MINISTRIES.items()]


def canonical_ministry(text: str | None) -> str:
    """The short code of the first ministry named in ``text`` ("" if none).

    "OCW (minister voor PVO) en VWS (staatssecretaris)" → "OCW"; the first named
    ministry leads, as in the manifest and signature blocks.
    """
    if not text:
        return ""
    best: tuple[int, str] | None = None
    for code, rx in _COMPILED:
        m = rx.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), code)
    return best[1] if best else text.strip()[:200]


def ministry_name(code: str) -> str:
    return MINISTRIES.get(code, (code, ()))[0]
