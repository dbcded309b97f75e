import pytest
from django.urls import reverse

from .factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = pytest.mark.django_db
URL = reverse("web:search")


@pytest.mark.parametrize(
    "q",
    [
        "Kamerstuk 31 497, nr. 507",
        "Kamerstuk 31497, nr. 507",
        "Kamerstuk II, 2025-2026, 31497, nr. 507",
        "Kamerstukken II 2025/26, 31 497 nr. 507",
        "31497-507",
        " 31497-507 ",
        "kst-31497-507",
    ],
)
def test_it_redirects_citations_to_the_motion(client, q):
    MotionFactory(key="31497-507")
    r = client.get(URL, {"q": q})
    assert r.status_code == 302
    assert r["Location"] == "/moties/31497-507/"


def test_it_redirects_a_citation_with_toevoeging(client):
    MotionFactory(key="36410-VIII-125", name="motie Paternotte")
    for q in ("Kamerstukken II 2023/24, 36410-VIII, nr. 125", "36410-VIII-125", "36410-viii-125"):
        r = client.get(URL, {"q": q})
        assert r["Location"] == "/moties/36410-VIII-125/", q


def test_it_redirects_to_the_document_when_no_motion(client):
    doc = DocumentFactory(kamerstuk="31839-1050")
    r = client.get(URL, {"q": "Kamerstuk 31 839, nr. 1050"})
    assert r.status_code == 302 and r["Location"] == f"/documenten/{doc.pk}/"


def test_it_says_so_when_a_cited_kamerstuk_is_unknown(client):
    r = client.get(URL, {"q": "Kamerstuk 31 497, nr. 999"})
    assert r.status_code == 200
    assert "31497-999" in r.content.decode()


def test_it_finds_motions_by_name(client):
    MotionFactory(key="31497-507", name="motie Westerveld")
    MotionFactory(key="31497-508", name="motie Kwint", names_seen=["motie Kwint en Westerveld"])
    MotionFactory(key="31497-509", name="motie Heerema")
    r = client.get(URL, {"q": "motie Westerveld"})
    assert r.status_code == 200
    keys = {m.key for m in r.context["r"].motions}
    assert "31497-507" in keys and "31497-509" not in keys
    assert "/moties/31497-507/" in r.content.decode()


def test_it_searches_commitments_and_documents_in_full_text(client):
    doc = DocumentFactory(subject="Evaluatie Jeugdwet", text="De evaluaties van de jeugdwet komen eraan.")
    CommitmentFactory(document=doc, quote="Wij sturen de evaluatie van de jeugdbescherming voor het eind van dit jaar.")
    CommitmentFactory(document=doc, quote="Iets over woningbouw.")
    r = client.get(URL, {"q": "jeugdbescherming"})
    assert [c.quote[:8] for c in r.context["r"].commitments] == ["Wij stur"]
    r = client.get(URL, {"q": "jeugdwet"})
    assert [d.pk for d in r.context["r"].documents] == [doc.pk]


def test_it_uses_dutch_stemming_on_postgresql(client):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")
    CommitmentFactory(quote="De toezeggingen over de zomer worden nagekomen.")
    r = client.get(URL, {"q": "toezegging zomer"})
    assert len(r.context["r"].commitments) == 1


def test_it_renders_an_empty_search(client):
    assert client.get(URL).status_code == 200
    assert client.get(URL, {"q": "<script>x</script>"}).content.decode().count("<script>x") == 0
