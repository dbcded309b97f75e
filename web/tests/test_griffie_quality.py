"""Issue 11, item 5: the griffie's page "Kwaliteit van de extractie" — per month of the decision the
decisions, precision and recall, and whether the extractor's confidence means something."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from commitments import services
from commitments.models import DeadlineChange, ReviewDecision, ReviewExample, Status, StatusChange
from web.quality import extraction_quality

from .griffie_factories import CommitmentFactory, DocumentFactory, UserFactory

pytestmark = pytest.mark.django_db

QUALITY = reverse("web:extraction_quality")
ACC, REJ = ReviewDecision.ACCEPTED, ReviewDecision.REJECTED


def at(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))  # Europe/Amsterdam


OCT, NOV = (2026, 10), (2026, 11)

#: (commitment key, decided at, decision, confidence, corrected before the decision).
#: "c7" was rejected in October, the rejection undone and the proposal accepted in November: only the
#: latest decision counts, as in training. 1 November 00:30 in Amsterdam is still 31 October in UTC.
DECISIONS = [
    ("c1", at(2026, 10, 2), ACC, 0.91, False),
    ("c2", at(2026, 10, 9), ACC, 0.72, True),
    ("c3", at(2026, 10, 20), REJ, 0.55, False),
    ("c4", at(2026, 10, 28), REJ, 0.31, False),
    ("c5", at(2026, 11, 1, 0, 30), ACC, 0.85, False),
    ("c6", at(2026, 11, 12), ACC, 0.64, False),
    ("c7", at(2026, 10, 15), REJ, 0.62, False),
    ("c7", at(2026, 11, 16), ACC, 0.62, False),
    ("c8", at(2026, 11, 20), REJ, 0.45, False),
    ("c9", at(2026, 11, 25), REJ, 0.83, False),
]
#: Commitments the griffie holds that were never proposed, by month of creation.
BY_HAND = [at(2026, 10, 5), at(2026, 11, 3), at(2026, 11, 4)]


def make_fixture() -> None:
    latest = {r[0]: r for r in sorted(DECISIONS, key=lambda r: r[1])}
    commitments = {
        key: CommitmentFactory(status=Status.OPEN if decision == ACC else Status.REJECTED,  # after the latest
                               confidence=confidence, features={"w=zal": 1.0})
        for key, _when, decision, confidence, _corrected in latest.values()
    }
    for key, when, decision, confidence, corrected in DECISIONS:
        c = commitments[key]
        if corrected:  # the clerk corrected the due date, then accepted
            fix = DeadlineChange.objects.create(commitment=c, old_due_date=c.due_date, new_due_date=dt.date(2026, 12, 31),
                                                is_postponement=False)
            DeadlineChange.objects.filter(pk=fix.pk).update(created_at=when - dt.timedelta(minutes=5))
        ex = ReviewExample.objects.create(commitment=c, document_id=c.document_id, sentence=c.quote,
                                          corrected_quote=c.quote, features=c.features, confidence=confidence,
                                          decision=decision)
        ReviewExample.objects.filter(pk=ex.pk).update(created_at=when)
    # Neither counts as "corrected": a postponement, and a correction made after the decision.
    c1, c6 = commitments["c1"], commitments["c6"]
    p = DeadlineChange.objects.create(commitment=c1, is_postponement=True, new_due_date=dt.date(2027, 1, 1))
    DeadlineChange.objects.filter(pk=p.pk).update(created_at=at(2026, 10, 1))
    DeadlineChange.objects.create(commitment=c6, is_postponement=False, new_due_date=dt.date(2027, 1, 1))
    for when in BY_HAND:
        c = CommitmentFactory(status=Status.OPEN, confidence=None)
        type(c).objects.filter(pk=c.pk).update(created_at=when)
    # Not added by hand: an old proposal accepted before review examples existed, a rejected row,
    # and a proposal nobody has judged yet.
    old = CommitmentFactory(status=Status.OPEN, confidence=None)
    StatusChange.objects.create(commitment=old, old_status=Status.PROPOSED, new_status=Status.OPEN)
    ReviewExample.objects.filter(commitment=old).delete()  # the signal's example; "before examples existed"
    CommitmentFactory(status=Status.REJECTED, confidence=None)
    CommitmentFactory(status=Status.PROPOSED, confidence=0.4)
    CommitmentFactory(status=Status.PROPOSED, confidence=None)
    # Those three were created now (December): they would show up as a December row if miscounted.


def expected() -> dict[tuple[int, int], dict[str, float | int | None]]:
    """The figures per month, worked out from the fixture rows."""
    latest: dict[str, tuple] = {}
    for row in sorted(DECISIONS, key=lambda r: r[1]):
        latest[row[0]] = row
    per: dict[tuple[int, int], dict] = defaultdict(lambda: {"acc": [], "rej": [], "edited": 0, "hand": 0})
    for _key, when, decision, confidence, corrected in latest.values():
        local = timezone.localtime(when)
        m = per[(local.year, local.month)]
        m["acc" if decision == ACC else "rej"].append(confidence)
        m["edited"] += int(corrected and decision == ACC)
    for when in BY_HAND:
        per[(when.year, when.month)]["hand"] += 1
    out = {}
    for month, m in per.items():
        acc, rej = len(m["acc"]), len(m["rej"])
        out[month] = {
            "decisions": acc + rej, "accepted": acc, "rejected": rej, "edited": m["edited"],
            "added_by_hand": m["hand"],
            "precision": acc / (acc + rej), "recall": acc / (acc + m["hand"]),
            "mean_accepted": sum(m["acc"]) / acc, "mean_rejected": sum(m["rej"]) / rej,
        }
    return out


def test_it_counts_the_latest_decision_per_commitment_per_month():
    make_fixture()
    want = expected()
    assert set(want) == {OCT, NOV}
    quality = extraction_quality()
    got = {(timezone.localtime(m.month).year, timezone.localtime(m.month).month): m for m in quality.months}
    assert list(got) == [NOV, OCT]  # newest first, and no month for the rows that are not counted
    for month, figures in want.items():
        m = got[month]
        for name, value in figures.items():
            assert getattr(m, name) == pytest.approx(value), (month, name)
    assert quality.total.decisions == sum(f["decisions"] for f in want.values()) == len({r[0] for r in DECISIONS})
    assert quality.total.precision == pytest.approx(
        sum(f["accepted"] for f in want.values()) / quality.total.decisions)


def test_it_gives_the_precision_per_confidence_band_over_all_months():
    make_fixture()
    latest = {r[0]: r for r in sorted(DECISIONS, key=lambda r: r[1])}.values()
    bands = {b.low: b for b in extraction_quality().bands}
    for low, high in [(0.8, None), (0.6, 0.8), (None, 0.6)]:
        rows = [r for r in latest if (low is None or r[3] >= low) and (high is None or r[3] < high)]
        band = bands[low]
        assert (band.accepted, band.rejected) == (sum(r[2] == ACC for r in rows), sum(r[2] == REJ for r in rows))
        assert band.precision == pytest.approx(band.accepted / len(rows))
        # what the model said beforehand, to hold the precision against (the confidence is calibrated)
        assert band.mean_confidence == pytest.approx(sum(r[3] for r in rows) / len(rows))


def test_the_page_shows_the_months_in_dutch_with_their_figures(client_clerk):
    make_fixture()
    want = expected()
    page = client_clerk.get(QUALITY).content.decode()
    assert "Kwaliteit van de extractie" in page and 'id="by-hand-rule"' in page
    for (year, month), figures in want.items():
        row = page[page.index(f'<tr id="maand-{year}-{month:02d}">'):]
        row = row[:row.index("</tr>")]
        assert {OCT: "oktober 2026", NOV: "november 2026"}[(year, month)] in row
        assert f'<td class="accepted">{figures["accepted"]}</td>' in row
        assert f'<td class="rejected">{figures["rejected"]}</td>' in row
        assert f'<td class="precision">{round(figures["precision"] * 100)}%</td>' in row
        assert f'<td class="recall">{round(figures["recall"] * 100)}%</td>' in row
    assert page.index('id="maand-2026-11"') < page.index('id="maand-2026-10"')
    assert 'id="quality-bands"' in page and 'id="quality-empty"' not in page
    bands = {b.low: b for b in extraction_quality().bands}
    row = page[page.index('<tr id="band-1">'):]
    row = row[:row.index("</tr>")]
    assert f'<td class="mean-confidence">{round(bands[0.8].mean_confidence * 100)}%</td>' in row
    assert 'id="calibration-note"' in page


def test_the_page_speaks_english_under_en(client_clerk):
    make_fixture()
    client_clerk.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = client_clerk.get(QUALITY).content.decode()
    assert "November 2026" in page and "October 2026" in page
    assert "Extraction quality" in page and "Precision" in page and "Mean confidence" in page


def test_it_follows_a_real_review_through_the_services():
    """Accept after a due-date correction, reject, and an undone rejection decided again."""
    clerk = UserFactory()
    letter = DocumentFactory(date=dt.date(2026, 3, 1))
    edited, rejected, again = (CommitmentFactory(document=letter, status=Status.PROPOSED, confidence=x,
                                                 features={"w=zal": 1.0}) for x in (0.9, 0.4, 0.7))
    fix = services.CommitmentEdit(quote=edited.quote, deliverable="", deadline_phrase=edited.deadline_phrase,
                                  due_date=dt.date(2026, 12, 1))
    edited = services.edit_commitment(edited.pk, edited.version, fix, user=clerk)
    services.accept_commitment(edited.pk, edited.version, user=clerk)
    services.reject_commitment(rejected.pk, rejected.version, user=clerk)
    again = services.reject_commitment(again.pk, again.version, user=clerk)
    again = services.undo_decision(again.pk, again.version, user=clerk)
    services.accept_commitment(again.pk, again.version, user=clerk)
    total = extraction_quality().total
    assert (total.decisions, total.accepted, total.edited, total.rejected) == (3, 2, 1, 1)
    assert total.mean_accepted == pytest.approx((0.9 + 0.7) / 2) and total.mean_rejected == pytest.approx(0.4)


def test_it_says_so_when_there_are_no_decisions(client_clerk):
    CommitmentFactory(status=Status.PROPOSED, confidence=0.8)
    page = client_clerk.get(QUALITY).content.decode()
    assert 'id="quality-empty"' in page and "nog geen voorgestelde toezeggingen beoordeeld" in page
    assert 'id="quality-months"' not in page


def test_the_number_of_queries_does_not_grow_with_the_decisions(client_clerk):
    make_fixture()
    with CaptureQueriesContext(connection) as few:
        client_clerk.get(QUALITY)
    for i in range(6):
        c = CommitmentFactory(status=Status.OPEN, confidence=0.5 + i / 20)
        ex = ReviewExample.objects.create(commitment=c, sentence=c.quote, decision=ACC, confidence=c.confidence)
        ReviewExample.objects.filter(pk=ex.pk).update(created_at=at(2026, 9, 1 + i))
    with CaptureQueriesContext(connection) as many:
        page = client_clerk.get(QUALITY).content.decode()
    assert 'id="maand-2026-09"' in page
    assert len(many) == len(few) <= 10


def test_anonymous_visitors_and_non_clerks_are_refused(client):
    response = client.get(QUALITY)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")
    client.force_login(UserFactory())
    assert client.get(QUALITY).status_code == 403


def test_the_griffie_nav_links_it(client_clerk):
    queue = client_clerk.get(reverse("web:review_queue")).content.decode()
    assert f'<a href="{QUALITY}">Kwaliteit van de extractie</a>' in queue
    page = client_clerk.get(QUALITY).content.decode()
    assert f'<a href="{QUALITY}" aria-current="page">Kwaliteit van de extractie</a>' in page
