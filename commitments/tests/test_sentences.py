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
