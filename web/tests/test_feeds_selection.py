"""Atom for any selection: ``&format=atom`` on the list (same filters), a motion and a dossier page."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest

from commitments.models import PUBLIC_STATUSES, Commitment, Status
from web.tests.factories import CommitmentFactory, DocumentFactory, DossierFactory, MotionFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def rows():
    dossier = DossierFactory(number="31497")
    motion = MotionFactory(key="31497-507", dossier=dossier)
    other = DocumentFactory(dossier=DossierFactory(number="36410", toevoeging="VI"), ministry="Justitie en Veiligheid")
    doc = DocumentFactory(dossier=dossier)
    today = dt.date.today()
    out = [
        CommitmentFactory(document=doc, due_date=today - dt.timedelta(days=9), motions=[motion],
                          quote="<script>alert(1)</script> Ik stuur de Kamer een brief & een rapport."),
        CommitmentFactory(document=doc, due_date=today + dt.timedelta(days=9), motions=[motion]),
        CommitmentFactory(document=doc, status=Status.FULFILLED, due_date=None),
        CommitmentFactory(document=doc, status=Status.PROPOSED, motions=[motion]),
        CommitmentFactory(document=doc, status=Status.REJECTED, motions=[motion]),
        CommitmentFactory(document=other, due_date=today - dt.timedelta(days=2)),
    ]
    # Distinct change times, the first commitment changed last.
    base = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)
    for i, c in enumerate(reversed(out)):
        Commitment.objects.filter(pk=c.pk).update(updated_at=base + dt.timedelta(hours=i))
    return out


def entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("query", ["", "te_laat=1", "status=open", "ministry=Justitie+en+Veiligheid", "motion=31497-507",
                                   "dossier=31497", "voorstellen=1"])
def test_the_list_feed_has_one_entry_per_selected_commitment(client, rows, query):
    page = client.get(f"/toezeggingen/?{query}")
    expected = set(page.context["page"].object_list.ids)
    feed = entries(client.get(f"/toezeggingen/?{query}&format=atom"))
    ids = [e.findtext(f"{ATOM}id") for e in feed]
    assert len(ids) == len(expected) == len(set(ids))
    assert {int(i.rstrip("/").rsplit("/", 1)[1]) for i in ids} == expected


def test_entries_are_newest_change_first_with_permalink_ids_and_plain_text(client, rows):
    feed = entries(client.get("/toezeggingen/?format=atom"))
    updated = [e.findtext(f"{ATOM}updated") for e in feed]
    assert updated == sorted(updated, reverse=True)
    first = feed[0]
    assert first.findtext(f"{ATOM}id") == f"http://testserver/toezeggingen/{rows[0].pk}/"
    summary = first.find(f"{ATOM}summary")
    assert summary.get("type") == "text"
    assert "<script>" in summary.text  # the clerk's text as text, escaped in the XML, never markup
    assert first.find(f"{ATOM}title").get("type") in (None, "text")
    # The same commitment keeps its id in another selection's feed.
    other = entries(client.get("/toezeggingen/?te_laat=1&format=atom"))
    assert rows[0].pk and first.findtext(f"{ATOM}id") in {e.findtext(f"{ATOM}id") for e in other}


def test_the_feed_is_capped_at_the_newest_changes(client, rows, monkeypatch):
    from web import feeds

    monkeypatch.setattr(feeds, "SELECTION_FEED_ENTRIES", 2)
    feed = entries(client.get("/toezeggingen/?format=atom"))
    assert [e.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[1] for e in feed] == [str(rows[0].pk), str(rows[1].pk)]


def test_motion_and_dossier_pages_give_their_selection_and_link_it(client, rows):
    public_about_motion = {c.pk for c in rows if c.status in PUBLIC_STATUSES and c.motions.filter(key="31497-507").exists()}
    feed = entries(client.get("/moties/31497-507/?format=atom"))
    assert {int(e.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[1]) for e in feed} == public_about_motion
    in_dossier = {c.pk for c in rows if c.status in PUBLIC_STATUSES and c.document.dossier.key == "31497"}
    feed = entries(client.get("/dossiers/31497/?format=atom"))
    assert {int(e.findtext(f"{ATOM}id").rstrip("/").rsplit("/", 1)[1]) for e in feed} == in_dossier
    for url, href in [
        ("/toezeggingen/?te_laat=1", "/toezeggingen/?te_laat=1&amp;format=atom"),
        ("/moties/31497-507/", "/moties/31497-507/?format=atom"),
        ("/dossiers/31497/", "/dossiers/31497/?format=atom"),
    ]:
        html = client.get(url).content.decode()
        assert '<link rel="alternate" type="application/atom+xml"' in html and f'href="{href}"' in html, url
    assert client.get("/moties/31497-999/?format=atom").status_code == 404


def test_an_invalid_filter_is_a_400_not_a_feed_of_everything(client, rows):
    response = client.get("/toezeggingen/?due_after=gisteren&format=atom")
    assert response.status_code == 400
