import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Status

from .factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = pytest.mark.django_db


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


@pytest.fixture
def data():
    vws = DocumentFactory(ministry="VWS", committee="commissie VWS")
    ocw = DocumentFactory(ministry="OCW", committee="commissie OCW")
    return {
        "late_old": CommitmentFactory(document=vws, quote="Oudste belofte", due_date=days(-100), fractie="D66"),
        "late_new": CommitmentFactory(document=vws, quote="Recente belofte", due_date=days(-3), fractie="SP"),
        "late_ocw": CommitmentFactory(document=ocw, quote="Onderwijsbelofte", due_date=days(-10), status=Status.PARTLY_FULFILLED),
        "soon": CommitmentFactory(document=vws, quote="Binnenkort", due_date=days(10)),
        "later": CommitmentFactory(document=ocw, quote="Later", due_date=days(90)),
        "proposed": CommitmentFactory(document=ocw, quote="Voorstel", due_date=days(20), status=Status.PROPOSED),
        "done": CommitmentFactory(document=vws, quote="Gedaan", due_date=days(-50), status=Status.FULFILLED),
    }


def test_it_shows_counts(client, data):
    r = client.get(reverse("web:dashboard"))
    assert r.status_code == 200
    board = r.context["board"]
    assert board.overdue == 3
    assert board.soon == 1  # the open one in 10 days; the proposed one in 20 is not public (issue 14)
    assert board.open == 5  # openstaand + deels voldaan, not voorgesteld
    assert board.to_review == 1


def test_an_unreviewed_proposal_is_never_counted_or_listed_as_late(client, data):
    """Issue 14, the publication rule: the headline numbers hold only what the griffie accepted."""
    CommitmentFactory(document=data["late_old"].document, quote="Ongetoetste gok", due_date=days(-1433),
                      status=Status.PROPOSED)
    CommitmentFactory(document=data["late_old"].document, quote="Afgewezen gok", due_date=days(-5),
                      status=Status.REJECTED)
    r = client.get(reverse("web:dashboard"))
    board = r.context["board"]
    assert (board.overdue, board.soon, board.open, board.to_review) == (3, 1, 5, 2)
    assert [row["n"] for row in board.per_ministry] == [2, 1]
    html = r.content.decode()
    assert "Ongetoetste gok" not in html and "1433 dagen te laat" not in html and "Afgewezen gok" not in html
    assert "2 voorstellen zijn nog niet beoordeeld" in html


def test_it_sorts_overdue_by_days_late_and_shows_details(client, data):
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    data["late_new"].motions.add(motion)
    r = client.get(reverse("web:dashboard"))
    assert [c.quote for c in r.context["board"].overdue_list] == ["Oudste belofte", "Onderwijsbelofte", "Recente belofte"]
    html = r.content.decode()
    assert "100 dagen te laat" in html
    assert "vóór de zomer van 2026" in html
    assert "31497-507" in html
    assert data["late_old"].document.kamerstuk in html
    assert "Gedaan" not in html


def test_it_does_not_rely_on_overdue_since(client, data):
    # The nightly job has not run: overdue_since is empty everywhere, and still 3 are late.
    assert not any(c.overdue_since for c in data.values())
    assert client.get("/").context["board"].overdue == 3


def test_it_charts_overdue_per_ministry(client, data):
    r = client.get("/")
    rows = {row["ministry"]: row["n"] for row in r.context["board"].per_ministry}
    assert rows == {"VWS": 2, "OCW": 1}
    html = r.content.decode()
    assert 'class="bar-chart"' in html and "<caption" in html  # the chart is a table


def test_it_filters_by_ministry_and_carries_filter_into_list_link(client, data):
    r = client.get("/", {"ministry": "OCW"})
    board = r.context["board"]
    assert board.overdue == 1 and board.to_review == 1
    assert "/toezeggingen/?te_laat=1&amp;ministry=OCW" in r.content.decode()


def test_it_filters_by_committee_and_fractie(client, data):
    assert client.get("/", {"committee": "commissie VWS"}).context["board"].overdue == 2
    assert client.get("/", {"fractie": "D66"}).context["board"].overdue == 1


def test_it_renders_with_no_data(client):
    r = client.get("/")
    assert r.status_code == 200
    assert r.context["board"].overdue == 0


def test_the_counts_are_shared_by_url_variants_and_follow_writes(client, data, monkeypatch):
    """The counts are cached per filter state, data generation and date (selectors.dashboard)."""
    from commitments.models import Commitment
    from web import selectors

    url = reverse("web:dashboard")
    assert client.get(url).context["board"].overdue == 3
    calls = []
    real = selectors._dashboard_aggregates
    monkeypatch.setattr(selectors, "_dashboard_aggregates", lambda *a: calls.append(a) or real(*a))
    # Another URL of the same filter state: a page-cache miss, but the counts are cached.
    r = client.get(url, {"utm_source": "x"})
    assert r["X-Page-Cache"] == "miss" and r.context["board"].overdue == 3 and calls == []
    # Another filter state is counted afresh.
    assert client.get(url, {"ministry": "VWS"}).context["board"].overdue == 2
    assert len(calls) == 1
    # A write (with or without signals) makes them stale at once.
    CommitmentFactory(document=data["late_new"].document, quote="Nieuw", due_date=days(-1))
    assert client.get(url, {"utm_source": "y"}).context["board"].overdue == 4
    Commitment.objects.filter(pk=data["late_old"].pk).update(status=Status.FULFILLED)
    from web.cache import bump_generation

    bump_generation()
    assert client.get(url, {"utm_source": "z"}).context["board"].overdue == 3
    assert client.get(url, {"ministry": "VWS", "utm_source": "z"}).context["board"].overdue == 2
