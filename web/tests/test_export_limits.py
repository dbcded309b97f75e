"""Issue 15 item 6: anonymous CSV exports are streamed, capped and limited in number at once, so that six
parallel anonymous exports of 16,000 rows cannot hold every web worker. Clerks are not limited."""

from __future__ import annotations

import csv
import io

import pytest

from .factories import CommitmentFactory, DocumentFactory

pytestmark = pytest.mark.django_db

URL = "/toezeggingen/"


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


@pytest.fixture
def five():
    doc = DocumentFactory()
    return [CommitmentFactory(document=doc, quote=f"Ik zal rapporteren, deel {i}.") for i in range(5)]


def test_an_anonymous_export_is_capped_and_says_so_in_the_file(client, five, settings):
    settings.ANONYMOUS_EXPORT_ROWS = 3
    response = client.get(URL, {"format": "csv"})
    assert response.streaming
    rows = read_csv(response)
    assert rows[0][:2] == ["id", "citaat"]
    assert len(rows) == 1 + 3 + 1
    assert all(r[0].isdigit() for r in rows[1:4])
    assert rows[-1][0].startswith("Let op: alleen de eerste 3 toezeggingen van deze selectie")
    assert "niet zijn ingelogd" in rows[-1][0]
    page = client.get(URL).content.decode()
    assert "De CSV bevat zonder inloggen hoogstens 3 toezeggingen." in page


def test_an_anonymous_export_within_the_cap_has_no_note(client, five, settings):
    settings.ANONYMOUS_EXPORT_ROWS = 5
    rows = read_csv(client.get(URL, {"format": "csv"}))
    assert len(rows) == 1 + 5 and all(r[0].isdigit() for r in rows[1:])


def test_a_clerk_exports_every_row(client_clerk, five, settings):
    settings.ANONYMOUS_EXPORT_ROWS = 3
    settings.ANONYMOUS_EXPORTS_AT_ONCE = 0
    rows = read_csv(client_clerk.get(URL, {"format": "csv"}))
    assert len(rows) == 1 + 5 and all(r[0].isdigit() for r in rows[1:])
    assert "hoogstens" not in client_clerk.get(URL).content.decode()


def test_anonymous_exports_at_once_are_limited_and_a_finished_one_frees_its_slot(client, five, settings):
    settings.ANONYMOUS_EXPORTS_AT_ONCE = 2
    first = client.get(URL, {"format": "csv"})  # streaming, not read yet: it holds a slot
    second = client.get(URL, {"format": "csv", "status": "open"})
    third = client.get(URL, {"format": "csv"})
    assert first.status_code == second.status_code == 200
    assert third.status_code == 429
    assert third["Retry-After"] == "60"
    assert "te veel exports tegelijk" in third.content.decode()
    assert client.get(URL).status_code == 200  # the pages themselves are not limited
    assert len(read_csv(first)) == 6  # read to the end: the response is closed and its slot given back
    fourth = client.get(URL, {"format": "csv"})
    assert fourth.status_code == 200
    read_csv(second)  # (the test client closes a streamed response when its content has been read)
    read_csv(fourth)
    assert client.get(URL, {"format": "csv"}).status_code == 200


def test_a_failing_export_gives_its_slot_back(client, five, settings, monkeypatch):
    from web import exports

    settings.ANONYMOUS_EXPORTS_AT_ONCE = 1

    def broken(*args, **kwargs):
        raise RuntimeError("database gone")
        yield  # pragma: no cover

    monkeypatch.setattr(exports, "csv_rows", broken)
    with pytest.raises(RuntimeError):
        client.get(URL, {"format": "csv"})
    monkeypatch.undo()
    response = client.get(URL, {"format": "csv"})
    assert response.status_code == 200
    assert len(read_csv(response)) == 6


def test_the_formula_neutralisation_stays_in_a_capped_export(client, settings):
    settings.ANONYMOUS_EXPORT_ROWS = 1
    doc = DocumentFactory(subject="=HYPERLINK(\"x\")")
    CommitmentFactory(document=doc, quote="=1+1")
    CommitmentFactory(document=doc, quote="@SUM(A1)")
    rows = read_csv(client.get(URL, {"format": "csv"}))
    assert len(rows) == 3
    assert rows[1][1] in ("'=1+1", "'@SUM(A1)")
    for value in rows[1] + rows[2]:
        assert not value or value[0] not in "=+-@\t\r"


def test_the_notes_are_in_english_for_an_english_visitor(client, five, settings):
    settings.ANONYMOUS_EXPORT_ROWS = 2
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rows = read_csv(client.get(URL, {"format": "csv"}))
    assert rows[-1][0].startswith("Note: only the first 2 commitments of this selection are in this file.")
    assert "Without logging in, the CSV holds at most 2 commitments." in client.get(URL).content.decode()
    settings.ANONYMOUS_EXPORTS_AT_ONCE = 0
    assert "Too many exports" in client.get(URL, {"format": "csv"}).content.decode()
