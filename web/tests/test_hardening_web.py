"""Issue 15 (security probe) on the public pages: CSV formula injection, input that broke
PostgreSQL, HTML in the Atom feeds, large anonymous POST bodies."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse

from .factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = pytest.mark.django_db

URL = "/toezeggingen/"


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


# --- item 2: formula injection in the CSV export ------------------------------------------------


@pytest.mark.parametrize("cell", ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=cmd", "\r=cmd", "=HYPERLINK(\"x\")"])
def test_the_csv_export_neutralises_cells_that_start_a_formula(client, cell):
    doc = DocumentFactory(subject=cell, ministry=cell)
    CommitmentFactory(document=doc, quote=cell, deadline_phrase=cell, actor=cell, fractie=cell)
    rows = read_csv(client.get(URL, {"format": "csv"}))
    row = dict(zip(rows[0], rows[1]))
    for column in ("citaat", "termijn zoals geschreven", "ministerie", "bewindspersoon", "fractie", "betreft"):
        assert row[column] == "'" + cell, column
    for value in rows[1]:
        assert not value or value[0] not in "=+-@\t\r"


def test_the_csv_export_escapes_a_document_title_that_starts_a_formula(client):
    doc = DocumentFactory(subject="=cmd|' /C calc'!A0", kamerstuk=None)
    CommitmentFactory(document=doc)
    rows = read_csv(client.get(URL, {"format": "csv"}))
    row = dict(zip(rows[0], rows[1]))
    assert row["brief"] == "'=cmd|' /C calc'!A0"
    assert row["betreft"] == "'=cmd|' /C calc'!A0"
    assert client.get(URL, {"format": "csv"})["Content-Disposition"].startswith('attachment; filename="toezeggingen-')


def test_the_csv_export_keeps_numbers_and_ordinary_text_as_they_are(client):
    c = CommitmentFactory(quote="Ik zal - zo snel mogelijk - rapporteren.")
    rows = read_csv(client.get(URL, {"format": "csv"}))
    row = dict(zip(rows[0], rows[1]))
    assert row["id"] == str(c.pk)
    assert row["citaat"] == "Ik zal - zo snel mogelijk - rapporteren."
    assert row["dagen te laat"].isdigit()
    assert row["uiterste datum"] == "2026-07-03"


def test_the_csv_cell_escape_leaves_numbers_alone():
    from web.exports import csv_cell

    assert csv_cell(-3) == "-3"
    assert csv_cell(12) == "12"
    assert csv_cell("-3") == "'-3"
    assert csv_cell("") == ""


# --- item 4: anonymous input that gave a 500 on PostgreSQL ---------------------------------------

DASHES_33 = "-" * 33
DASHES_50 = "-" * 50

BAD_INPUT = [
    # (url, expected status, Dutch text the response must contain)
    ("/zoeken/?q=%00", 400, "ongeldig teken"),
    ("/zoeken/?q=zomer%00", 400, "ongeldig teken"),
    ("/moties/?q=%00", 400, "ongeldig teken"),
    ("/moties/%00/", 400, "ongeldig teken"),
    ("/moties/%00/feed/", 400, "ongeldig teken"),
    ("/dossiers/%00/", 400, "ongeldig teken"),
    ("/toezeggingen/?q=%00", 400, "ongeldig teken"),
    ("/toezeggingen/?ministry=%00&format=csv", 400, "ongeldig teken"),
    ("/toezeggingen/?q%00=x", 400, "ongeldig teken"),
    (f"/zoeken/?q={DASHES_33}", 200, "geen woorden of getallen"),
    (f"/zoeken/?q={DASHES_50}", 200, "geen woorden of getallen"),
    ("/zoeken/?q=" + "-+" * 40, 200, "geen woorden of getallen"),
    ("/zoeken/?q=" + "- " * 60, 200, "geen woorden of getallen"),
    (f"/toezeggingen/?q={DASHES_50}", 200, "geen woorden of getallen"),
    ("/toezeggingen/?q=" + "-" * 500, 200, "geen woorden of getallen"),
    (f"/toezeggingen/?q={DASHES_50}&format=csv", 400, "geen woorden of getallen"),
    (f"/toezeggingen/?q={DASHES_50}&format=memo", 400, "geen woorden of getallen"),
    ("/toezeggingen/?status=bestaatniet&format=csv", 400, "ongeldige filter"),
    ("/toezeggingen/?due_after=gisteren&format=csv", 400, "ongeldige filter"),
    ("/toezeggingen/?measure=999999&format=csv", 400, "ongeldige filter"),
    ("/toezeggingen/?sort=bestaatniet&format=csv", 400, "ongeldige filter"),
    ("/toezeggingen/?status=bestaatniet&format=memo", 400, "ongeldige filter"),
]


@pytest.mark.parametrize("url, status, text", BAD_INPUT, ids=[u for u, _s, _t in BAD_INPUT])
def test_bad_anonymous_input_gets_a_400_or_an_empty_result_with_a_dutch_message(client, url, status, text):
    CommitmentFactory(quote="Ik zal uw Kamer voor de zomer informeren.")
    MotionFactory()
    r = client.get(url)
    assert r.status_code == status
    body = b"".join(r.streaming_content) if r.streaming else r.content
    body = body.decode("utf-8")
    assert text in body.lower()
    assert "voor de zomer informeren" not in body  # never "all rows"


def test_the_messages_are_english_for_a_visitor_who_chose_english(client):
    from django.utils import translation

    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    try:
        assert "invalid character" in client.get("/zoeken/?q=%00").content.decode()
        assert "no words or numbers" in client.get("/zoeken/", {"q": DASHES_50}).content.decode()
        r = client.get(URL, {"status": "bestaatniet", "format": "csv"})
        assert r.status_code == 400 and "Invalid filter" in r.content.decode()
    finally:
        translation.activate("nl")


@pytest.mark.parametrize(
    "q",
    [
        "-" * 40 + "zomer",
        " ".join(["-zomer"] * 60),
        " ".join(["zomer"] * 200),
        "a-" * 80 + "b",
        '"' * 50 + "zomer",
        "zomer " + " or " * 50,
        "!" * 40 + "zomer",
        "(" * 40 + "zomer" + ")" * 40,
        "&|!<->:* " * 20,
        "zomer" + "-" * 60 + "zomer",
        '-"' * 40 + "zomer",
        " ".join(["-" * 40 + "zomer"] * 40),
        "zomer\u00a0" + "-\u00a0" * 60,
    ],
)
@pytest.mark.parametrize("path", ["/zoeken/", URL])
def test_long_or_odd_queries_never_fail_on_postgresql(client, path, q):
    CommitmentFactory(quote="Ik zal uw Kamer voor de zomer informeren.")
    assert client.get(path, {"q": q}).status_code == 200
    if path == URL:
        r = client.get(path, {"q": q, "format": "csv"})
        assert r.status_code in (200, 400)
        if r.status_code == 200:
            read_csv(r)


def test_a_query_keeps_its_words_after_sanitising(client):
    CommitmentFactory(quote="Ik zal uw Kamer voor de zomer informeren.")
    rows = read_csv(client.get(URL, {"q": DASHES_50 + " zomer", "format": "csv"}))
    assert len(rows) == 2


# --- item 7: the Atom feed carries plain text, not HTML -----------------------------------------


def test_the_feed_sends_clerk_edited_text_as_plain_text(client):
    motion = MotionFactory()
    CommitmentFactory(
        quote="Ik zal <img src=x onerror=alert(1)> rapporteren.",
        deadline_phrase="<script>alert(2)</script> voor de zomer",
        motions=[motion],
    )
    feed = client.get(reverse("web:motion_feed", args=[motion.key])).content.decode()
    assert 'type="html"' not in feed
    assert "<img" not in feed and "<script" not in feed
    assert "&lt;img src=x onerror=alert(1)&gt;" in feed
    assert '<summary type="text">' in feed and "&lt;script&gt;alert(2)&lt;/script&gt;" in feed


# --- item 6b: large POST bodies of anonymous visitors are refused unread -------------------------


class _Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("the body of an anonymous POST was read")

    readline = read


@pytest.mark.parametrize("path", ["/griffie/upload/", "/griffie/accepteren/", "/toezeggingen/"])
def test_a_large_anonymous_post_is_refused_before_its_body_is_read(path):
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = "a" * 32
    r = client.generic(
        "POST",
        path,
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(2 * 1024**3),
        **{"wsgi.input": _Unreadable(), "HTTP_X_CSRFTOKEN": "a" * 32},
    )
    assert r.status_code == 413
    assert "te groot" in r.content.decode().lower()


def test_a_small_anonymous_post_still_reaches_the_login_page(client):
    r = client.post("/griffie/upload/", {"x": "1"})
    assert r.status_code == 302 and "login" in r["Location"]
