import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from commitments.models import Status

from .factories import (
    CommitmentFactory,
    DocumentFactory,
    DossierFactory,
    MeasureFactory,
    MotionFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("web:commitment_list")


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def quotes(response) -> set[str]:
    return {c.quote for c in response.context["page"].object_list}


@pytest.fixture
def data():
    jeugd = DossierFactory(number="31497", title="Jeugdhulp")
    begroting = DossierFactory(number="36410", toevoeging="VIII", title="Begroting OCW")
    vws = DocumentFactory(dossier=jeugd, ministry="VWS", committee="commissie VWS", bewindspersoon="staatssecretaris Jeugd")
    ocw = DocumentFactory(dossier=begroting, ministry="OCW", committee="commissie OCW", bewindspersoon="minister OCW")
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    measure = MeasureFactory(name="Reikwijdte Jeugdwet")
    return {
        "motion": motion,
        "measure": measure,
        "a": CommitmentFactory(
            document=vws, quote="De evaluatie van de jeugdzorg volgt", due_date=days(-30), fractie="D66",
            motions=[motion], measure=measure,
        ),
        "b": CommitmentFactory(document=vws, quote="Wetsvoorstel reikwijdte", due_date=days(40), fractie="SP"),
        "c": CommitmentFactory(document=ocw, quote="Onderwijsbrief", due_date=days(5), status=Status.PROPOSED),
        "d": CommitmentFactory(document=ocw, quote="Geleverde brief", due_date=days(-60), status=Status.FULFILLED),
    }


def test_it_lists_everything_the_griffie_accepted_by_due_date(client, data):
    r = client.get(URL)
    assert r.status_code == 200
    assert [c.quote for c in r.context["page"].object_list] == [
        "Geleverde brief", "De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte",
    ]


def test_it_shows_unreviewed_proposals_only_when_asked_and_marks_them(client, data):
    """Issue 14: a proposal the griffie has not judged is no fact; it is listed only on request."""
    rejected = CommitmentFactory(quote="Afgewezen zin", due_date=days(-3), status=Status.REJECTED)
    r = client.get(URL)
    assert "Onderwijsbrief" not in r.content.decode()
    r = client.get(URL, {"voorstellen": "1"})
    html = r.content.decode()
    assert [c.quote for c in r.context["page"].object_list] == [
        "Geleverde brief", "De evaluatie van de jeugdzorg volgt", "Onderwijsbrief", "Wetsvoorstel reikwijdte",
    ]
    assert "Niet beoordeeld" in html and "Afgewezen zin" not in html
    assert "Afgewezen zin" not in client.get(URL, {"voorstellen": "1", "status": "afgewezen"}).content.decode()
    csv_text = client.get(URL, {"voorstellen": "1", "format": "csv"}).getvalue().decode("utf-8-sig")
    assert "Onderwijsbrief" in csv_text and "Niet beoordeeld" in csv_text and rejected.quote not in csv_text
    assert "Onderwijsbrief" not in client.get(URL, {"format": "csv"}).getvalue().decode("utf-8-sig")
    assert "Onderwijsbrief" not in client.get(URL, {"format": "memo"}).content.decode()
    memo = client.get(URL, {"format": "memo", "voorstellen": "1"}).content.decode()
    assert "Onderwijsbrief" in memo and "Status: Niet beoordeeld" in memo


def test_the_page_cache_keeps_the_list_with_and_without_proposals_apart(client, data):
    assert "Onderwijsbrief" not in client.get(URL).content.decode()
    assert client.get(URL)["X-Page-Cache"] == "hit"
    r = client.get(URL, {"voorstellen": "1"})
    assert r["X-Page-Cache"] == "miss" and "Onderwijsbrief" in r.content.decode()
    assert "Onderwijsbrief" not in client.get(URL).content.decode()


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"status": "voorgesteld"}, {"Onderwijsbrief"}),
        ({"status": "voldaan"}, {"Geleverde brief"}),
        ({"status": "open"}, {"De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte"}),
        ({"status": "open", "voorstellen": "1"}, {"De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte"}),
        ({"te_laat": "1"}, {"De evaluatie van de jeugdzorg volgt"}),
        ({"ministry": "OCW"}, {"Geleverde brief"}),
        ({"ministry": "OCW", "voorstellen": "1"}, {"Onderwijsbrief", "Geleverde brief"}),
        ({"bewindspersoon": "minister OCW"}, {"Geleverde brief"}),
        ({"committee": "commissie VWS"}, {"De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte"}),
        ({"dossier": "36410-VIII"}, {"Geleverde brief"}),
        ({"dossier": "31497"}, {"De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte"}),
        ({"motion": "31497-507"}, {"De evaluatie van de jeugdzorg volgt"}),
        ({"motion": "Kamerstuk 31 497, nr. 507"}, {"De evaluatie van de jeugdzorg volgt"}),
        ({"fractie": "SP"}, {"Wetsvoorstel reikwijdte"}),
        ({"q": "jeugdzorg"}, {"De evaluatie van de jeugdzorg volgt"}),
        ({"q": "evaluatie"}, {"De evaluatie van de jeugdzorg volgt"}),
    ],
)
def test_it_filters(client, data, params, expected):
    r = client.get(URL, params)
    assert r.status_code == 200
    assert quotes(r) == expected


def test_it_filters_by_measure(client, data):
    assert quotes(client.get(URL, {"measure": data["measure"].pk})) == {"De evaluatie van de jeugdzorg volgt"}


def test_it_filters_by_due_range(client, data):
    r = client.get(URL, {"due_after": days(0).isoformat(), "due_before": days(30).isoformat()})
    assert quotes(r) == set()
    r = client.get(URL, {"due_after": days(0).isoformat(), "due_before": days(30).isoformat(), "voorstellen": "1"})
    assert quotes(r) == {"Onderwijsbrief"}


def test_it_combines_filters(client, data):
    assert quotes(client.get(URL, {"ministry": "VWS", "te_laat": "1", "fractie": "D66"})) == {
        "De evaluatie van de jeugdzorg volgt"
    }
    assert quotes(client.get(URL, {"ministry": "OCW", "te_laat": "1"})) == set()


def test_it_sorts(client, data):
    r = client.get(URL, {"sort": "-termijn"})
    assert [c.quote for c in r.context["page"].object_list][0] == "Wetsvoorstel reikwijdte"
    r = client.get(URL, {"sort": "ministerie"})
    assert r.context["page"].object_list[0].ministry == "OCW"


def test_it_sorts_by_the_letter_date_stored_on_the_commitment(client):
    old = DocumentFactory(date=dt.date(2025, 3, 1))
    new = DocumentFactory(date=dt.date(2026, 9, 1))
    CommitmentFactory(document=new, quote="Nieuwe brief", due_date=days(1))
    CommitmentFactory(document=old, quote="Oude brief", due_date=days(2))
    order = lambda sort: [c.quote for c in client.get(URL, {"sort": sort}).context["page"].object_list]  # noqa: E731
    assert order("brief") == ["Oude brief", "Nieuwe brief"]
    assert order("-brief") == ["Nieuwe brief", "Oude brief"]
    # A corrected letter date moves its commitments in the sort.
    old.date = dt.date(2026, 12, 1)
    old.save()
    assert order("-brief") == ["Oude brief", "Nieuwe brief"]


def test_the_letter_date_and_committee_are_copied_from_the_document_and_follow_it():
    from commitments.models import Commitment

    doc = DocumentFactory(date=dt.date(2026, 1, 15), committee="commissie Financiën")
    c = CommitmentFactory(document=doc)
    stored = Commitment.objects.get(pk=c.pk)
    assert (stored.letter_date, stored.committee) == (dt.date(2026, 1, 15), "commissie Financiën")
    doc.date = dt.date(2026, 2, 1)
    doc.committee = "commissie Digitale Zaken"
    doc.save()
    stored = Commitment.objects.get(pk=c.pk)
    assert (stored.letter_date, stored.committee) == (dt.date(2026, 2, 1), "commissie Digitale Zaken")
    other = DocumentFactory(date=dt.date(2026, 3, 3))
    Commitment.objects.filter(pk=c.pk).update(document=other, letter_date=None)
    c = Commitment.objects.get(pk=c.pk)
    c.save(update_fields=["quote"])
    assert Commitment.objects.get(pk=c.pk).letter_date == dt.date(2026, 3, 3)


def test_it_dutch_stems_in_full_text_search(client, data):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Dutch stemming needs PostgreSQL")
    # "jeugdzorgen" and "jeugdzorg" share the stem.
    assert quotes(client.get(URL, {"q": "jeugdzorgen"})) == {"De evaluatie van de jeugdzorg volgt"}


def test_it_paginates(client):
    doc = DocumentFactory()
    for i in range(55):
        CommitmentFactory(document=doc, quote=f"Belofte {i:02d}", due_date=days(i))
    r = client.get(URL)
    assert len(r.context["page"].object_list) == 50
    assert r.context["paginator"].count == 55
    r2 = client.get(URL, {"page": 2})
    assert [c.quote for c in r2.context["page"].object_list] == [f"Belofte {i}" for i in range(50, 55)]
    assert "page=2" in r.content.decode()


def test_it_caps_the_count(client, monkeypatch):
    from web import selectors

    monkeypatch.setattr(selectors, "COUNT_CAP", 3)
    doc = DocumentFactory()
    for i in range(5):
        CommitmentFactory(document=doc, due_date=days(i))
    paginator = selectors.CappedPaginator(selectors.commitment_rows(), 2, cap=3)
    assert paginator.count == 4 and paginator.capped


def test_it_shows_the_filtered_csv_link(client, data):
    r = client.get(URL, {"ministry": "VWS"})
    assert "?ministry=VWS&amp;format=csv" in r.content.decode()


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_it_exports_the_filtered_list_as_csv(client, data):
    r = client.get(URL, {"ministry": "VWS", "format": "csv"})
    assert r.status_code == 200
    assert r["Content-Type"].startswith("text/csv")
    assert "attachment" in r["Content-Disposition"]
    rows = read_csv(r)
    header, *body = rows
    assert header[:3] == ["id", "citaat", "status"]
    assert "permalink" in header
    assert [row[1] for row in body] == ["De evaluatie van de jeugdzorg volgt", "Wetsvoorstel reikwijdte"]
    first = dict(zip(header, body[0]))
    assert first["status"] == "Openstaand"
    assert first["te laat"] == "ja" and first["dagen te laat"] == "30"
    assert first["uiterste datum"] == days(-30).isoformat()
    assert first["moties"] == "31497-507"
    assert first["brief"] == data["a"].document.display_title and ".txt" not in first["brief"]
    assert first["permalink"] == f"http://testserver/toezeggingen/{data['a'].pk}/"
    assert first["termijn zoals geschreven"] == "vóór de zomer van 2026"


def test_it_exports_quotes_with_separators_intact(client):
    CommitmentFactory(quote='Eén; twee, "drie"\nvier')
    rows = read_csv(client.get(URL, {"format": "csv"}))
    assert rows[1][1] == 'Eén; twee, "drie"\nvier'


def test_it_ignores_invalid_filter_values(client, data):
    r = client.get(URL, {"due_after": "gisteren", "measure": "999999"})
    assert r.status_code == 200


@pytest.mark.django_db
def test_the_sort_orders_have_their_indexes_on_postgresql():
    """documents/migrations 0003 and 0007: the list's sorts read an index instead of sorting all rows."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    with connection.cursor() as cur:
        cur.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'commitments_commitment'")
        defs = dict(cur.fetchall())
    assert "(ministry, id)" in defs["web_commitment_ministry_id"]
    assert "(due_date, id)" in defs["web_commitment_due_id"]
    # commitments/migrations 0005: letter-date sorts and the fractie count are index-only.
    assert "(letter_date, id) INCLUDE (status, due_date, ministry, fractie)" in defs["web_commitment_letter_cover"]
    assert "(ministry, letter_date, id) INCLUDE (status, due_date)" in defs["web_commitment_ministry_letter_cover"]
    assert "(fractie, status, due_date)" in defs["web_commitment_fractie_status"]
    assert "(status, letter_date, id)" in defs["web_commitment_status_letter"]
    assert "(ministry, status, letter_date, id)" in defs["web_commitment_ministry_status_letter"]
    assert "web_commitment_fractie" not in defs


@pytest.mark.parametrize("n", [3, 30])
def test_a_list_page_reads_the_same_number_of_queries_for_any_number_of_rows(client, n, django_assert_max_num_queries):
    """No N+1: rows, their letters and their motions are read per page, not per row."""
    motions = [MotionFactory(key=f"36000-{i}", name=f"motie {i}") for i in range(3)]
    doc = DocumentFactory()
    for i in range(n):
        CommitmentFactory(document=doc, quote=f"Belofte {i}", due_date=days(i), motions=motions[: 1 + i % 3])
    from django.core.cache import cache

    cache.clear()
    with django_assert_max_num_queries(12):
        html = client.get(URL, {"sort": "brief"}).content.decode()
    assert html.count('href="/moties/36000-0/"') == n
    assert html.count('href="/moties/36000-2/"') == n // 3
    # Motions appear in key order within a row.
    row = html[html.index("Belofte 2<"):]
    row = row[: row.index("</tr>")]
    assert row.index("36000-0") < row.index("36000-1") < row.index("36000-2")


def test_the_memo_is_plain_text_with_the_selection_and_each_commitment(client, data):
    r = client.get(URL, {"te_laat": "1", "ministry": "VWS", "format": "memo"})
    assert r.status_code == 200 and r["Content-Type"] == "text/plain; charset=utf-8"
    text = r.content.decode()
    lines = text.splitlines()
    assert lines[0].startswith("Toezeggingen aan de Tweede Kamer, stand ")
    assert lines[1] == "Selectie: alleen te laat; Ministerie: VWS"
    assert lines[2] == "1 toezegging"
    assert "1. “De evaluatie van de jeugdzorg volgt”" in text
    assert "30 dagen te laat" in text
    assert "Moties: 31497-507 (motie Westerveld)" in text
    assert f"http://testserver/toezeggingen/{data['a'].pk}/" in text
    assert "Geleverde brief" not in text and "Onderwijsbrief" not in text


def test_the_memo_escapes_nothing_and_lists_everything_unfiltered(client, data):
    CommitmentFactory(quote="<script>alert(1)</script> & meer", due_date=days(3))
    text = client.get(URL, {"format": "memo"}).content.decode()
    assert "Selectie: alle toezeggingen" in text and "4 toezeggingen" in text  # the proposal is not public
    assert "“<script>alert(1)</script> & meer”" in text  # text/plain: shown as written, never run
