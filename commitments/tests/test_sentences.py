"""Dutch sentence splitter."""

from __future__ import annotations

import pytest

from commitments.extraction.sentences import split, split_spans


@pytest.mark.parametrize("text,expected", [
    ("Dit is o.a. een test. Daarna volgt meer.", ["Dit is o.a. een test.", "Daarna volgt meer."]),
    ("Zie Kamerstuk 31 497, nr. 507. Daarnaast is dit zo.", ["Zie Kamerstuk 31 497, nr. 507.", "Daarnaast is dit zo."]),
    ("Zie Kamerstukken 31 497, nrs. 12 en 15 voor meer.", ["Zie Kamerstukken 31 497, nrs. 12 en 15 voor meer."]),
    ("De motie Westerveld c.s. is aangenomen. Ik voer haar uit.", ["De motie Westerveld c.s. is aangenomen.", "Ik voer haar uit."]),
    ("De motie van het lid Kwint c.s. Uw Kamer nam haar aan.", ["De motie van het lid Kwint c.s.", "Uw Kamer nam haar aan."]),
    ("Ik noem bijv. de school, d.w.z. de leraar, m.b.t. de zorg.", ["Ik noem bijv. de school, d.w.z. de leraar, m.b.t. de zorg."]),
    ("Dit gebeurt t.z.t. via art. 5 en p. 12 van de nota, e.d. Dat is goed.",
     ["Dit gebeurt t.z.t. via art. 5 en p. 12 van de nota, e.d.", "Dat is goed."]),
    ("Op 15 februari jl. sprak ik hen. Het ging goed.", ["Op 15 februari jl. sprak ik hen.", "Het ging goed."]),
    ("In mei jl. De volgende zin.", ["In mei jl.", "De volgende zin."]),
    ("J.A. de Vries en M. Sterk tekenden. Dat is bekend.", ["J.A. de Vries en M. Sterk tekenden.", "Dat is bekend."]),
    ("Het gaat om 3.5 mln. euro en 1.000 leerlingen. Dat is veel.", ["Het gaat om 3.5 mln. euro en 1.000 leerlingen.", "Dat is veel."]),
    ("Het NHM heeft een budget van € 6 mln. Ik zal het NHM vragen een plan op te stellen.",
     ["Het NHM heeft een budget van € 6 mln.", "Ik zal het NHM vragen een plan op te stellen."]),
    ("Dit gebeurt in 2025. Daarna niet.", ["Dit gebeurt in 2025.", "Daarna niet."]),
    ("1. Inleiding van de brief. De minister schrijft.", ["1. Inleiding van de brief.", "De minister schrijft."]),
    ("De vraag luidde: “Waarom?” Dat leg ik uit.", ["De vraag luidde: “Waarom?”", "Dat leg ik uit."]),
    ("Hij zei ‘dat is goed.’ Daarna ging hij.", ["Hij zei ‘dat is goed.’", "Daarna ging hij."]),
    ("Heeft het zin? Ja! Zeker.", ["Heeft het zin?", "Ja!", "Zeker."]),
    ("Mijn voorganger zond het rapport aan u toe.1 Vanuit de zorg komt meer.",
     ["Mijn voorganger zond het rapport aan u toe.1", "Vanuit de zorg komt meer."]),
    ("De acties zijn:\n· Knelpunt 1: tekst.\n· Knelpunt 2: meer tekst", ["De acties zijn:", "· Knelpunt 1: tekst.", "· Knelpunt 2: meer tekst"]),
    ("Eerste alinea\n\nTweede alinea.", ["Eerste alinea", "Tweede alinea."]),
    ("De scholen (o.a. in Utrecht) doen mee. Ook VWS. Verder niets.", ["De scholen (o.a. in Utrecht) doen mee.", "Ook VWS.", "Verder niets."]),
])
def test_it_splits_dutch_government_prose(text, expected):
    assert split(text) == expected


def test_it_returns_exact_spans():
    text = "  Eerste zin.   Tweede zin?  "
    assert [text[s:e] for s, e in split_spans(text)] == ["Eerste zin.", "Tweede zin?"]


def test_it_stays_linear_on_long_paragraphs():
    import time
    para = "Dit is een zin met o.a. een afkorting en nr. 5 erin. " * 200
    t0 = time.perf_counter()
    split(para)
    small = time.perf_counter() - t0
    t0 = time.perf_counter()
    split(para * 10)
    big = time.perf_counter() - t0
    assert big < small * 40 + 0.05


# --- issue 15: one endless sentence costs linear time ----------------------------------------------


def _dates_sentence(n: int) -> str:
    return "Ik zal de Kamer informeren op " + ", ".join(f"{1 + i % 28} maart 2026" for i in range(n)) + "."


def test_an_endless_sentence_is_cut_into_bounded_pieces_that_cover_it():
    from commitments.extraction.sentences import MAX_SENTENCE_CHARS

    text = _dates_sentence(2000) + " Daarna volgt meer."
    spans = split_spans(text)
    assert len(spans) > 10
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e in spans)
    # nothing lost, nothing doubled: the pieces follow each other with only white space between
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    for (_, e), (s, _) in zip(spans, spans[1:]):
        assert e <= s and not text[e:s].strip()
    assert text[spans[-1][0]:spans[-1][1]] == "Daarna volgt meer."
    # each piece ends after a comma (or the full stop), never inside a date
    assert all(text[e - 1] in ",." for s, e in spans[:-1])


def test_real_sentences_are_never_cut():
    prose = ("Ik zal uw Kamer, zoals ik in het commissiedebat van 5 februari heb toegezegd, vóór de zomer van 2026 "
             "informeren over de voortgang, de knelpunten en de verdere aanpak. ") * 2
    assert split(prose) == [prose.strip()[: len(prose) // 2 - 1], prose.strip()[len(prose) // 2:]]


def test_the_extractor_never_sends_frog_more_than_one_piece(monkeypatch):
    """A sentence of 2,000 repeated dates reached Frog whole (29,000 characters: minutes, then a time-out
    that failed the ingest) and the time-phrase search was quadratic in it; now every step sees pieces."""
    import datetime as dt

    from commitments.extraction import frog
    from commitments.extraction.extractor import extract
    from commitments.extraction.sentences import MAX_SENTENCE_CHARS
    from documents.reader import parse_text

    asked: list[str] = []
    monkeypatch.setattr(frog.FrogClient, "analyse", lambda self, s: asked.append(s) or [])
    doc = parse_text("Geachte voorzitter,\n\n" + _dates_sentence(2000) + "\n\nHoogachtend,\n", source_name="x.txt",
                     doc_type="kamerbrief", date=dt.date(2025, 1, 1))
    found = extract(doc)
    assert asked and max(len(s) for s in asked) <= MAX_SENTENCE_CHARS
    assert all(len(c.quote) <= 2 * MAX_SENTENCE_CHARS for c in found)  # a quote joins at most two pieces
