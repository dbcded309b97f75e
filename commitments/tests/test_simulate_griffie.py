"""``simulate_griffie``: the griffie's review of half of a ministry's letters, simulated from the gold, and what it
teaches a model scored on the other half (docs/extraction.md, twenty-sixth round)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from commitments.extraction import evaluation as ev
from commitments.extraction import training


def test_simulate_griffie_reviews_the_first_half_and_scores_the_second():
    out = io.StringIO()
    call_command("simulate_griffie", "--ministry", "AZ", "--format", "json", stdout=out)
    result = json.loads(out.getvalue())
    # the split, counted from the gold files themselves
    letters = sorted((d for d in ev.load_docs(ev.known_sets()) if d.set.role == "real" and d.ministry == "AZ"),
                     key=lambda d: (d.date or dt.date.min, str(d.path)))
    reviewed, later = letters[:len(letters) // 2], letters[len(letters) // 2:]
    counted = lambda docs: sum(1 for d in docs for g in d.items if not g.get("borderline"))   # noqa: E731
    [row] = result["ministries"]
    assert (row["ministry"], row["reviewed"], row["later"]) == ("AZ", len(reviewed), len(later))
    review = row["review"]
    assert review["promises"] == counted(reviewed) > 0
    assert review["accepted"] + review["rejected"] + review.get("undecided", 0) == review["proposals"] > 0
    # every counted promise is found or added, unless no sentence of the letter shares a word with it
    assert review["found"] <= review["accepted"] and review["found"] + review["added"] <= review["promises"]
    assert review["added"] >= review["promises"] - review["found"] - 1
    assert set(row["scores"]) == set(result["overall"]) == set(training.GRIFFIE_VARIANTS)
    for s in result["overall"].values():
        assert s["gold"] == counted(later) and 0.0 <= s["f1"] <= 1.0
    with pytest.raises(CommandError, match="no real letters of XYZ"):
        call_command("simulate_griffie", "--ministry", "XYZ", stdout=io.StringIO())
