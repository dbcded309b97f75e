"""Issue 14 on the real corpus: the demo's review decisions, the publication rule, real titles.

The data is what ``scripts/run.sh`` loads: the five documents of fixtures/corpus/ and the
review decisions of fixtures/review_decisions.json, applied by the same command.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from commitments.models import Commitment, DeadlineChange, Motion, Status, StatusChange
from documents.models import Document, Dossier

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "fixtures" / "corpus"
DECISIONS = ROOT / "fixtures" / "review_decisions.json"
#: A corpus or upload file name: "004_23a8b92f44a7dc28.txt", "brief.pdf".
FILE_NAME_RE = re.compile(r"\b\d{3}_[0-9a-f]{16}\.txt\b|\b[\w-]+\.(?:txt|pdf|docx)\b")


def ingest_corpus() -> None:
    call_command("ingest", str(CORPUS), stdout=io.StringIO(), stderr=io.StringIO())


def apply_decisions() -> str:
    out = io.StringIO()
    call_command("apply_review_decisions", str(DECISIONS), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def reviewed():
    ingest_corpus()
    apply_decisions()


def test_the_demo_decisions_accept_reject_and_leave_the_newest_letters_doubts_in_the_queue():
    ingest_corpus()
    assert set(Commitment.objects.values_list("status", flat=True)) == {Status.PROPOSED}
    summary = apply_decisions()
    counts = {s: Commitment.objects.filter(status=s).count() for s in Status.values}
    assert counts[Status.OPEN] > 100 and counts[Status.REJECTED] > 10 and counts[Status.FULFILLED] == 1
    assert 0 < counts[Status.PROPOSED] < 10
    # What is still in the queue is in the newest letter (the VSO of 20 May 2026).
    newest = Document.objects.get(source_name="002_0a29cf3916a2a4d9.txt")
    assert set(Commitment.objects.filter(status=Status.PROPOSED).values_list("document", flat=True)) == {newest.pk}
    # Through the services: every decision has its history row, by the demo clerk.
    changes = StatusChange.objects.filter(user__username="demo-griffie")
    assert changes.count() == counts[Status.OPEN] + counts[Status.REJECTED] + 2 * counts[Status.FULFILLED]
    assert not DeadlineChange.objects.exclude(user__username="demo-griffie").exists()
    # The corpus story: the beleidsreactie "Druk op de keten", promised in 003, came with 001.
    done = Commitment.objects.get(status=Status.FULFILLED)
    assert "Druk op de keten" in done.quote and done.document.kamerstuk == "31497-475"
    assert done.status_changes.last().evidence.kamerstuk == "31839-1050"
    assert "accepted" in summary and "left in the queue" in summary
    # Running it again changes nothing.
    assert "0 accepted" in apply_decisions()
    assert StatusChange.objects.count() == changes.count()


def test_the_public_dashboard_counts_only_what_the_demo_griffie_accepted(client):
    """Before the review every 'te laat' was an unreviewed guess; the public saw them as facts."""
    ingest_corpus()
    board = client.get("/").context["board"]
    assert (board.overdue, board.open) == (0, 0)  # was 54 te laat with 0 openstaand
    assert board.to_review == Commitment.objects.count()
    apply_decisions()
    board = client.get("/").context["board"]
    late = Commitment.objects.filter(status__in=(Status.OPEN, Status.PARTLY_FULFILLED), due_date__lt=board.today)
    assert board.overdue == late.count() > 0
    assert board.to_review == Commitment.objects.filter(status=Status.PROPOSED).count()
    rejected = Commitment.objects.filter(status=Status.REJECTED).first()
    html = client.get(reverse("web:commitment_list"), {"voorstellen": "1"}).content.decode()
    assert rejected.quote[:60] not in html
    assert client.get(rejected.get_absolute_url()).status_code == 404


def _public_urls() -> list[str]:
    urls = ["/", "/toezeggingen/", "/toezeggingen/?voorstellen=1", "/moties/", "/zoeken/?q=passend+onderwijs",
            "/zoeken/?q=motie+Westerveld", "/toezeggingen/?format=memo", "/toezeggingen/?format=memo&voorstellen=1"]
    urls += [d.get_absolute_url() for d in Document.objects.all()]
    urls += [d.get_absolute_url() + "?voorstellen=1" for d in Document.objects.all()]
    urls += [m.get_absolute_url() for m in Motion.objects.all()]
    urls += [reverse("web:motion_feed", args=[m.key]) for m in Motion.objects.all()]
    urls += [d.get_absolute_url() for d in Dossier.objects.all()]
    urls += [c.get_absolute_url() for c in Commitment.objects.exclude(status=Status.REJECTED)]
    return urls


def test_no_file_name_reaches_a_page_or_an_export_of_the_corpus(client, reviewed):
    for url in _public_urls():
        r = client.get(url)
        assert r.status_code == 200, url
        body = r.content.decode()
        assert not FILE_NAME_RE.search(body), (url, FILE_NAME_RE.search(body).group(0))
    for params in ({"format": "csv"}, {"format": "csv", "voorstellen": "1"}):
        body = b"".join(client.get(reverse("web:commitment_list"), params).streaming_content).decode("utf-8-sig")
        assert not FILE_NAME_RE.search(body)
        assert "Kamerstuk 31 497, nr. 475 — Passend onderwijs" in body


def test_deadlines_on_the_corpus_are_plain_dutch(client, reviewed):
    """No rule codes ("Regel: year_end"), no sentence fragment as 'Wat wordt geleverd'."""
    for c in Commitment.objects.exclude(status=Status.REJECTED):
        html = client.get(c.get_absolute_url()).content.decode()
        assert not re.search(r"\bRegel\b", html) and "<code>" not in html, c.pk
        if "_" in c.rule or ":" in c.rule:
            assert c.rule not in html, (c.pk, c.rule)
        assert "verwachten dat het wetsvoorstel" not in html.split("Wat wordt geleverd")[-1][:200], c.pk
