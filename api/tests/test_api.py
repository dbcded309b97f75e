"""The JSON API under /api/v1/: only public commitments, the list page's filters, cursors, history,
motions by any citation form, conditional GET, rate limits and personal tokens."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote, urlencode

import pytest
from django.utils.http import http_date

from commitments.models import PUBLIC_STATUSES, Commitment, Status

pytestmark = pytest.mark.django_db

API = "/api/v1/commitments/"


def walk(client, url, **headers) -> list[dict]:
    """Every result of a list, following ``next`` to the end."""
    out = []
    while url:
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content
        body = response.json()
        out += body["results"]
        url = body["next"]
    return out


def page_ids(client, query: str) -> list[int]:
    """The ids the list page /toezeggingen/ shows for ``query``, over all its pages."""
    ids, page = [], 1
    while True:
        response = client.get(f"/toezeggingen/?{query}&page={page}")
        assert response.status_code == 200
        ids += list(response.context["page"].object_list.ids)
        if not response.context["page"].has_next():
            return ids
        page += 1


def test_it_lists_only_what_the_griffie_confirmed(client, selection):
    results = walk(client, API)
    expected = {c.pk for c in selection if c.status in PUBLIC_STATUSES}
    assert {r["id"] for r in results} == expected
    assert all(r["status"] in PUBLIC_STATUSES for r in results)
    # Asking for the proposals does not widen the API's selection.
    assert {r["id"] for r in walk(client, API + "?voorstellen=1")} == expected
    proposal = next(c for c in selection if c.status == Status.PROPOSED)
    assert client.get(f"{API}{proposal.pk}/").status_code == 404


@pytest.mark.parametrize(
    "query",
    [
        "",
        "te_laat=1",
        "status=open",
        "status=voldaan",
        "ministry=Justitie+en+Veiligheid",
        "dossier=36410-VI",
        "motion=31497-507",
        "motion=" + quote("Kamerstuk 31 497, nr. 507"),
        "q=toezegging",
        "due_after=2000-01-01&due_before=2100-12-31",
        "sort=-termijn",
        "sort=termijn",
        "sort=brief",
        "sort=-brief",
        "sort=ministerie",
        "sort=-status",
        "status=open&sort=-termijn&ministry=Onderwijs%2C+Cultuur+en+Wetenschap",
    ],
)
def test_its_results_equal_the_list_page_for_the_same_filters_in_the_same_order(client, selection, query):
    expected = page_ids(client, query)
    got = [r["id"] for r in walk(client, f"{API}?{query}&page_size=2")]
    assert got == expected
    assert len(got) == len(set(got))


def test_cursor_pages_cross_rows_without_a_due_date_in_both_directions(client, selection):
    undated = {c.pk for c in selection if c.due_date is None and c.status in PUBLIC_STATUSES}
    for sort, undated_first in (("", False), ("&sort=-termijn", True)):
        results = walk(client, f"{API}?page_size=1{sort}")
        ids = [r["id"] for r in results]
        n = len(undated)
        assert set(ids[:n] if undated_first else ids[-n:]) == undated
        dated = [r["due_date"] for r in results if r["due_date"]]
        assert dated == sorted(dated, reverse=bool(sort))


def test_rows_carry_history_free_fields_and_the_detail_carries_the_history(client, selection):
    from web.tests.factories import DeadlineChangeFactory, StatusChangeFactory

    c = selection[0]
    StatusChangeFactory(commitment=c, old_status=Status.PROPOSED, new_status=Status.OPEN, note="Geaccepteerd <b>ok</b>")
    DeadlineChangeFactory(commitment=c, old_due_date=dt.date(2026, 1, 1), new_due_date=c.due_date)
    row = next(r for r in walk(client, API) if r["id"] == c.pk)
    assert row["overdue"] is True and row["days_late"] == 40
    assert row["motions"] == ["31497-507"] and row["dossier"] == "31497"
    assert row["permalink"].endswith(f"/toezeggingen/{c.pk}/")
    detail = client.get(row["url"]).json()
    assert detail["quote"] == c.quote
    assert [s["new_status"] for s in detail["status_changes"]] == ["openstaand"]
    assert detail["status_changes"][0]["note"] == "Geaccepteerd <b>ok</b>"  # text, as typed
    assert detail["deadline_changes"][0]["old_due_date"] == "2026-01-01"
    assert detail["postponements"] == 1


@pytest.mark.parametrize(
    "query, field",
    [
        ("due_after=gisteren", "due_after"),
        ("status=voorgesteld", "status"),
        ("status=bestaat-niet", "status"),
        ("measure=abc", "measure"),
        ("sort=prijs", "sort"),
        ("sort=,", "sort"),
        ("sort=termijn,", "sort"),
        ("cursor=nonsense", "cursor"),
        ("cursor=WzEsMl0", "cursor"),
        ("page_size=0", "page_size"),
        ("page_size=veel", "page_size"),
        ("q=----", "q"),
    ],
)
def test_bad_parameters_are_a_400_with_the_reason(client, selection, query, field):
    response = client.get(f"{API}?{query}")
    assert response.status_code == 400
    body = response.json()
    assert field in body and body[field][0]


def test_a_cursor_from_another_sort_order_is_refused(client, selection):
    first = client.get(f"{API}?page_size=2").json()
    cursor = first["next"].split("cursor=")[1]
    response = client.get(f"{API}?sort=-termijn&page_size=2&cursor={cursor}")
    assert response.status_code == 400 and "cursor" in response.json()


@pytest.mark.parametrize(
    "typed",
    ["31497-507", "31 497, nr. 507", "Kamerstuk 31 497, nr. 507", "Kamerstukken II 2022/23, 31 497, nr. 507", "kst-31497-507"],
)
def test_a_motion_is_found_by_any_citation_form(client, selection, typed):
    response = client.get(f"/api/v1/motions/{quote(typed)}/")
    assert response.status_code == 200, typed
    body = response.json()
    assert body["key"] == "31497-507" and body["dossier"] == "31497"
    listed = walk(client, body["commitments_url"])
    assert {r["id"] for r in listed} == {
        c.pk for c in selection if c.status in PUBLIC_STATUSES and "31497-507" in [m.key for m in c.motions.all()]
    }


def test_motions_documents_and_dossiers(client, selection):
    assert client.get("/api/v1/motions/31497-999/").status_code == 404
    motions = walk(client, "/api/v1/motions/?page_size=1")
    assert [m["key"] for m in motions] == ["31497-507", "36410-VI-12"]
    assert [m["key"] for m in walk(client, "/api/v1/motions/?dossier=36410-VI")] == ["36410-VI-12"]

    doc = selection[0].document
    detail = client.get(f"/api/v1/documents/{doc.pk}/").json()
    assert detail["kamerstuk"] == "31497-475" and detail["dossier"] == "31497"
    public = [c.pk for c in selection if c.document_id == doc.pk and c.status in PUBLIC_STATUSES]
    assert sorted(x["id"] for x in detail["commitments"]) == sorted(public)
    documents = walk(client, "/api/v1/documents/?page_size=1")
    assert [d["date"] for d in documents] == sorted((d["date"] for d in documents), reverse=True)
    assert len(walk(client, "/api/v1/documents/?dossier=31497")) == 1
    assert client.get("/api/v1/documents/?type=brief").status_code == 400

    dossier = client.get("/api/v1/dossiers/36410-VI/").json()
    assert dossier["title"] == "Justitie"
    assert {r["id"] for r in walk(client, dossier["commitments_url"])} == {
        c.pk for c in selection if c.document.dossier.key == "36410-VI" and c.status in PUBLIC_STATUSES
    }
    assert client.get("/api/v1/dossiers/36410/").status_code == 404
    assert [d["key"] for d in walk(client, "/api/v1/dossiers/")] == ["31497", "36410-VI"]


def test_conditional_get_answers_304_until_the_data_changes(client, selection):
    first = client.get(API + "?te_laat=1")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert etag and modified
    again = client.get(API + "?te_laat=1", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == etag
    assert client.get(API + "?te_laat=1", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    # Another URL has another ETag.
    assert client.get(API + "?te_laat=0", HTTP_IF_NONE_MATCH=etag).status_code == 200
    detail = client.get(f"{API}{selection[0].pk}/")
    assert client.get(f"{API}{selection[0].pk}/", HTTP_IF_NONE_MATCH=detail["ETag"]).status_code == 304

    # A write (a clerk edits a quote) makes every earlier answer stale.
    Commitment.objects.filter(pk=selection[0].pk).update(quote="Nieuw citaat")
    from web.cache import bump_generation

    bump_generation()
    fresh = client.get(API + "?te_laat=1", HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200 and fresh["ETag"] != etag
    assert fresh.json()["results"][0]["quote"] in {"Nieuw citaat", *[c.quote for c in selection]}
    assert client.get(API + "?te_laat=1", HTTP_IF_MODIFIED_SINCE=modified).status_code == 200
    assert http_date(0) != fresh["Last-Modified"]


def test_anonymous_clients_are_throttled_and_a_personal_token_gets_more(client, settings, selection, django_user_model):
    from api.auth import token_for

    settings.API_ANON_RATE = "3/min"
    settings.API_USER_RATE = "6/min"
    assert [client.get(API).status_code for _ in range(4)] == [200, 200, 200, 429]
    limited = client.get(API)
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0 and limited.json()["detail"]

    user = django_user_model.objects.create_user("journalist", password="geheim-wachtwoord-123")
    key = token_for(user, create=True).key
    statuses = [client.get(API, HTTP_AUTHORIZATION=f"Token {key}").status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]
    assert client.get(API, HTTP_AUTHORIZATION="Token nietbestaand").status_code == 401


def test_the_token_page_shows_and_replaces_the_token(client, django_user_model):
    from rest_framework.authtoken.models import Token

    assert client.get("/api/token/").status_code == 302  # login required
    user = django_user_model.objects.create_user("lezer", password="geheim-wachtwoord-123")
    client.force_login(user)
    page = client.get("/api/token/")
    assert page.status_code == 200 and "U heeft nog geen token." in page.content.decode()
    response = client.post("/api/token/", {"next": "/volgen/"})
    assert response.status_code == 302 and response["Location"] == "/volgen/"
    first = Token.objects.get(user=user).key
    assert first in client.get("/api/token/").content.decode()
    assert client.post("/api/token/", {"next": "https://elders.example/"})["Location"] == "/api/token/"
    second = Token.objects.get(user=user).key
    assert second != first
    client.logout()
    assert client.get(API, HTTP_AUTHORIZATION=f"Token {first}").status_code == 401
    assert client.get(API, HTTP_AUTHORIZATION=f"Bearer {second}").status_code == 200


def test_the_schema_and_the_docs_page(client):
    schema = client.get("/api/schema/?format=json")
    assert schema.status_code == 200
    doc = schema.json()
    assert doc["openapi"].startswith("3.")
    assert {"/api/v1/commitments/", "/api/v1/commitments/{id}/", "/api/v1/motions/{key}/", "/api/v1/documents/",
            "/api/v1/dossiers/{key}/"} <= set(doc["paths"])
    params = {p["name"] for p in doc["paths"]["/api/v1/commitments/"]["get"]["parameters"]}
    from api.filters import ApiCommitmentFilter

    assert set(ApiCommitmentFilter.base_filters) | {"cursor", "page_size"} == params
    assert "voorstellen" not in params
    docs = client.get("/api/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "<script>" not in html and "<style>" not in html and "cdn." not in html
    assert "default-src 'self'" in docs["Content-Security-Policy"]
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()


def test_filters_in_a_query_string_survive_the_next_link(client, selection):
    query = urlencode({"ministry": "Onderwijs, Cultuur en Wetenschap", "page_size": 1})
    first = client.get(f"{API}?{query}").json()
    assert "ministry=Onderwijs" in first["next"]
    assert all(r["ministry"] == "Onderwijs, Cultuur en Wetenschap" for r in walk(client, first["next"]))
