"""The overdue job on the real corpus: motie Westerveld is late in November 2026, the Reikwijdte bill from 2027."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from commitments.models import Commitment, OverdueEvent

WESTERVELD = "vóór de zomer van 2026 geïnformeerd"
REIKWIJDTE = "Beoogd wordt het wetsvoorstel eind dit jaar aan uw Kamer aan te bieden."


def flag(today: str) -> dict:
    out = StringIO()
    call_command("flag_overdue", "--today", today, "--format", "json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_flags_the_corpus_promises_on_the_right_day():
    call_command(
        "ingest",
        str(settings.BASE_DIR / "fixtures" / "corpus"),
        stdout=StringIO(),
        stderr=StringIO(),
    )
    westerveld = Commitment.objects.get(quote__contains=WESTERVELD)
    # (the quote also holds the sentence before, which names the bill: "Het conceptwetsvoorstel Reikwijdte Jeugdwet …")
    reikwijdte = Commitment.objects.get(quote__endswith=REIKWIJDTE)
    assert list(westerveld.motions.values_list("key", flat=True)) == ["31497-507"]

    november = {row["id"]: row for row in flag("2026-11-23")["overdue"]}
    assert westerveld.pk in november
    assert november[westerveld.pk]["motions"] == ["31497-507"]
    assert november[westerveld.pk]["days_late"] > 0
    assert reikwijdte.pk not in november

    january = flag("2027-01-01")
    assert reikwijdte.pk in {row["id"] for row in january["overdue"]}
    assert january["cleared"] == 0
    assert OverdueEvent.objects.filter(commitment=reikwijdte).count() == 1
    assert OverdueEvent.objects.filter(commitment=westerveld).count() == 1

    # Idempotent on the corpus too.
    again = flag("2027-01-01")
    assert (again["newly_overdue"], again["cleared"]) == (0, 0)
