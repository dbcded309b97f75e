"""The recess calendar is data: correcting a zomerreces moves the due dates that rest on it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from commitments.calendar import DatabaseCalendar, apply_recess_correction
from commitments.models import CalendarEntry, Commitment, DeadlineChange
from ingestion.pipeline import ingest_file

pytestmark = pytest.mark.django_db
VSO_2026 = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "002_0a29cf3916a2a4d9.txt"


def recess_commitments():
    return Commitment.objects.filter(rule="before_summer:recess_start", due_date__year=2026)


def test_it_reads_recess_dates_and_estimates_from_the_table():
    cal = DatabaseCalendar()
    assert cal.summer_recess_start(2024) == (dt.date(2024, 7, 5), False)  # verified row
    assert cal.summer_recess_start(2026) == (dt.date(2026, 7, 3), True)  # estimated row
    assert cal.summer_recess_start(2031) == (dt.date(2031, 7, 4), True)  # no row: first Friday of July


def test_it_moves_dependent_due_dates_when_a_clerk_corrects_the_recess():
    ingest_file(VSO_2026, date=dt.date(2026, 5, 20), doc_type="vso")
    dependent = list(recess_commitments())
    assert dependent and all(c.due_date == dt.date(2026, 7, 3) and c.estimated for c in dependent)
    manual = dependent[0]
    Commitment.objects.filter(pk=manual.pk).update(due_overridden=True)

    entry = CalendarEntry.objects.get(kind="zomerreces", year=2026)
    old = entry.start
    entry.start, entry.verified = dt.date(2026, 7, 10), True
    entry.save()
    moved = apply_recess_correction(entry, old)

    assert moved == len(dependent) - 1
    for c in Commitment.objects.filter(pk__in=[c.pk for c in dependent[1:]]):
        assert c.due_date == c.latest == dt.date(2026, 7, 10)
        assert c.estimated is False
    assert Commitment.objects.get(pk=manual.pk).due_date == dt.date(2026, 7, 3)  # set by hand: untouched
    change = DeadlineChange.objects.get(commitment=dependent[1])
    assert (change.old_due_date, change.new_due_date, change.is_postponement) == (old, entry.start, False)


def test_it_applies_a_correction_made_in_the_admin(client):
    ingest_file(VSO_2026, date=dt.date(2026, 5, 20), doc_type="vso")
    admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw-123456789")
    client.force_login(admin)
    entry = CalendarEntry.objects.get(kind="zomerreces", year=2026)
    url = reverse("admin:commitments_calendarentry_change", args=[entry.pk])
    response = client.post(url, {"kind": "zomerreces", "year": 2026, "start": "2026-07-02", "end": "2026-08-31",
                                 "verified": "on", "source": "tweedekamer.nl"})
    assert response.status_code == 302
    assert recess_commitments().exists()
    assert set(recess_commitments().values_list("due_date", flat=True)) == {dt.date(2026, 7, 2)}
    assert not recess_commitments().filter(estimated=True).exists()
