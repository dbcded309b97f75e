import datetime as dt

import pytest
from django.urls import reverse

from commitments.models import DeadlineKind, FulfilmentKind, Status
from documents.models import DocumentType, PassageKind

from .factories import (
    CommitmentFactory,
    DeadlineChangeFactory,
    DocumentFactory,
    DossierFactory,
    FulfilmentLinkFactory,
    MotionFactory,
    PassageFactory,
    ReferenceFactory,
    StatusChangeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PASSAGE = (
    "Over de motie Westerveld kan ik het volgende zeggen. Ik zal uw Kamer vóór de zomer van 2026 "
    "informeren over de stand van zaken. Daarna volgt meer."
)
QUOTE = "Ik zal uw Kamer vóór de zomer van 2026 informeren over de stand van zaken."


@pytest.fixture
def vso():
    doc = DocumentFactory(type=DocumentType.VSO, date=dt.date(2026, 5, 20), kamerstuk="31497-520", ondernummer=520)
    question = PassageFactory(document=doc, index=3, kind=PassageKind.QUESTION, fractie="D66", text="Wanneer komt de informatie over de motie?")
    answer = PassageFactory(document=doc, index=7, kind=PassageKind.ANSWER, fractie="D66", question=question, text=PASSAGE)
    motion = MotionFactory(key="31497-507", name="motie Westerveld", names_seen=["motie Westerveld", "motie Westerveld c.s."])
    ReferenceFactory(document=doc, passage=answer, key="31497-507")
    c = CommitmentFactory(
        document=doc, passage=answer, quote=QUOTE, fractie="D66", motions=[motion],
        deadline_phrase="vóór de zomer van 2026", deadline_kind=DeadlineKind.BEFORE_SUMMER,
        due_date=dt.date(2026, 7, 3), estimated=True,
    )
    return {"doc": doc, "question": question, "answer": answer, "motion": motion, "c": c}


def test_it_shows_a_commitment_in_its_passage(client, vso):
    c = vso["c"]
    r = client.get(reverse("web:commitment_detail", args=[c.pk]))
    assert r.status_code == 200
    html = r.content.decode()
    assert f"<mark>{QUOTE}</mark>" in html
    assert f'href="/documenten/{vso["doc"].pk}/#p7"' in html
    assert "Vraag van de D66-fractie" in html and "Wanneer komt de informatie" in html
    assert "31497-507" in html and "motie Westerveld" in html


def test_it_explains_the_deadline_in_dutch(client, vso):
    r = client.get(reverse("web:commitment_detail", args=[vso["c"].pk]))
    assert r.context["explanation"] == (
        "‘vóór de zomer van 2026’ in de brief van 20 mei 2026 → begin zomerreces 3 juli 2026, geschat"
    )
    assert "begin zomerreces 3 juli 2026, geschat" in r.content.decode()


def test_it_shows_status_and_deadline_history_and_links(client, vso):
    c = vso["c"]
    clerk = UserFactory(username="griffier")
    later = DocumentFactory(kamerstuk="31497-530", ondernummer=530, subject="Uitstelbrief")
    StatusChangeFactory(commitment=c, user=clerk, old_status=Status.PROPOSED, new_status=Status.OPEN, note="Bevestigd")
    DeadlineChangeFactory(commitment=c, evidence=later)
    DeadlineChangeFactory(commitment=c, old_due_date=dt.date(2026, 12, 31), new_due_date=dt.date(2027, 3, 1), evidence=later)
    FulfilmentLinkFactory(commitment=c, document=later, kind=FulfilmentKind.POSTPONES)
    r = client.get(reverse("web:commitment_detail", args=[c.pk]))
    html = r.content.decode()
    assert "2× uitgesteld" in html
    assert "Bevestigd" in html and "griffier" in html
    assert "stelt uit" in html and "31497-530" in html


def test_it_escapes_quotes_holding_markup(client):
    evil = 'Wij sturen <script>alert("x")</script> voor de zomer.'
    p = PassageFactory(text=f"Inleiding. {evil} Slot.")
    c = CommitmentFactory(document=p.document, passage=p, quote=evil)
    for url in (c.get_absolute_url(), p.document.get_absolute_url(), reverse("web:commitment_list"), "/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html, url
    html = client.get(c.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_it_404s_for_unknown_commitment_and_document(client):
    assert client.get(reverse("web:commitment_detail", args=[999999])).status_code == 404
    assert client.get(reverse("web:document_detail", args=[999999])).status_code == 404


def test_it_shows_a_document_with_anchored_passages_and_highlighted_commitments(client, vso):
    doc = vso["doc"]
    r = client.get(doc.get_absolute_url())
    assert r.status_code == 200
    html = r.content.decode()
    assert 'id="p3"' in html and 'id="p7"' in html
    assert f'<mark class="commitment-mark"><a href="/toezeggingen/{vso["c"].pk}/"' in html
    assert "Vraag van de D66-fractie" in html
    assert 'href="#p3"' in html  # the answer links to its question
    assert "de vraag van de D66-fractie" in html
    assert "Over de motie Westerveld" in html


def test_it_lists_commitments_whose_quote_is_not_verbatim(client):
    p = PassageFactory(text="Een heel andere tekst.")
    c = CommitmentFactory(document=p.document, passage=p, quote="Niet letterlijk aanwezig")
    html = client.get(p.document.get_absolute_url()).content.decode()
    assert f"/toezeggingen/{c.pk}/" in html and "Niet letterlijk aanwezig" in html


def test_it_shows_a_motion(client, vso):
    c = vso["c"]
    other = DocumentFactory(kamerstuk="31839-1050", ondernummer=1050, subject="Beleidsreactie Druk op de keten")
    ReferenceFactory(document=other, key="31497-507")
    r = client.get("/moties/31497-507/")
    assert r.status_code == 200
    html = r.content.decode()
    assert "Motie Westerveld" in html  # capfirst of the name as cited
    assert "‘motie Westerveld c.s.’" in html
    assert {d.pk for d in r.context["p"].documents} == {vso["doc"].pk, other.pk}
    assert [x.pk for x in r.context["p"].commitments] == [c.pk]
    assert "Openstaand" in html


def test_it_404s_for_an_unknown_motion(client):
    assert client.get("/moties/99999-1/").status_code == 404


def test_it_serves_an_atom_feed_of_overdue_commitments_per_motion(client, vso):
    c = vso["c"]
    c.due_date = dt.date(2000, 1, 1)
    c.save()
    r = client.get(reverse("web:motion_feed", args=["31497-507"]))
    assert r.status_code == 200
    assert r["Content-Type"].startswith("application/atom+xml")
    assert f"/toezeggingen/{c.pk}/" in r.content.decode()
    assert client.get(reverse("web:motion_feed", args=["1-1"])).status_code == 404


def test_it_shows_a_dossier(client, vso):
    DossierFactory(number="36410", toevoeging="VIII", title="Begroting OCW")
    r = client.get("/dossiers/31497/")
    assert r.status_code == 200
    p = r.context["p"]
    assert vso["doc"] in p.documents
    assert vso["motion"] in p.motions
    assert [c.pk for c in p.commitments] == [vso["c"].pk]
    assert client.get("/dossiers/36410-VIII/").status_code == 200
    assert client.get("/dossiers/36410-viii/").status_code == 200
    assert client.get("/dossiers/12345/").status_code == 404


def test_it_lists_motions(client, vso):
    MotionFactory(key="31497-508", name="motie Kwint")
    r = client.get(reverse("web:motion_list"), {"q": "Westerveld"})
    assert [m.key for m in r.context["page"].object_list] == ["31497-507"]
    assert client.get(reverse("web:motion_list")).context["paginator"].count == 2


def test_it_keeps_healthz(client):
    assert client.get("/healthz").content == b"ok"
