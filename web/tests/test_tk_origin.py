"""Written and oral commitments in one list (filter on origin), the origin on the commitment page,
and the griffie's page of differences with the Kamer's register (issue 13)."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments.models import Commitment, Origin
from documents.dossiers import dossier_for
from documents.models import Document

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    debate = Document.objects.create(
        type="debat", sha256="d" * 64, tk_id="act-1", subject="Commissiedebat: Passend onderwijs",
        date=dt.date(2026, 10, 8), committee="vaste commissie voor OCW", dossier=dossier_for("31497"),
    )
    letter = Document.objects.create(type="kamerbrief", sha256="l" * 64, kamerstuk="31497-480", date=dt.date(2026, 11, 20))
    vso = Document.objects.create(type="vso", sha256="v" * 64, date=dt.date(2026, 11, 25))
    return {
        "oral": Commitment.objects.create(
            document=debate, quote="De minister stuurt een brief over wachtlijsten.", status="openstaand",
            origin=Origin.ORAL, tk_id="tz-1", tk_number="TZ202610-041", tk_status="Openstaand",
            due_date=dt.date(2027, 3, 1),
        ),
        "disputed": Commitment.objects.create(
            document=debate, quote="De minister evalueert de thuiszittersaanpak.", status="openstaand",
            origin=Origin.ORAL, tk_id="tz-2", tk_number="TZ202610-042", tk_status="Voldaan",
        ),
        "letter": Commitment.objects.create(document=letter, quote="Ik zal uw Kamer voor de zomer informeren.", status="openstaand"),
        "vso": Commitment.objects.create(document=vso, quote="Ik kom hier in het najaar op terug.", status="openstaand"),
    }


def test_it_filters_the_list_on_origin(client, register):
    everything = client.get("/toezeggingen/").content.decode()
    assert all(c.quote in everything for c in register.values())
    oral = client.get("/toezeggingen/?herkomst=mondeling").content.decode()
    assert register["oral"].quote in oral and register["disputed"].quote in oral
    assert register["letter"].quote not in oral and register["vso"].quote not in oral
    vso = client.get("/toezeggingen/?herkomst=vso").content.decode()
    assert register["vso"].quote in vso and register["letter"].quote not in vso
    assert 'name="herkomst"' in everything  # the control on the list page
    assert client.get("/toezeggingen/?herkomst=telefonisch").status_code == 200  # an invalid choice: form error


def test_the_commitment_page_shows_origin_and_the_kamers_status(client, register):
    page = client.get(register["disputed"].get_absolute_url()).content.decode()
    assert "Mondeling, in het debat" in page and "Commissiedebat: Passend onderwijs" in page
    assert "Voldaan" in page and "TZ202610-042" in page and "wijkt af" in page
    agreed = client.get(register["oral"].get_absolute_url()).content.decode()
    assert 'id="tk-status"' in agreed and "wijkt af" not in agreed
    letter = client.get(register["letter"].get_absolute_url()).content.decode()
    assert 'id="tk-status"' not in letter and "Kamerstuk 31 497, nr. 480" in letter
    assert ">Brief<" in letter.replace("\n", "").replace(' id="origin"', "")
    vso = client.get(register["vso"].get_absolute_url()).content.decode()
    assert '<dd id="origin">VSO</dd>' in vso


def test_the_griffie_sees_where_the_kamers_register_differs(client, client_clerk, register):
    assert list(Commitment.objects.differs_from_tk()) == [register["disputed"]]
    assert [c for c in register.values() if c.differs_from_tk] == [register["disputed"]]
    page = client_clerk.get("/griffie/kamerregister/").content.decode()
    assert "TZ202610-042" in page and "TZ202610-041" not in page
    Commitment.objects.filter(pk=register["disputed"].pk).update(status="voldaan")
    assert "tk-differences-empty" in client_clerk.get("/griffie/kamerregister/").content.decode()
    client.logout()
    assert client.get("/griffie/kamerregister/").status_code in (302, 403)


def test_the_debate_and_its_dossier_show_the_oral_commitments(client, register):
    debate = register["oral"].document
    page = client.get(debate.get_absolute_url())
    assert page.status_code == 200
    assert register["oral"].quote in page.content.decode() and "Commissiedebat: Passend onderwijs" in page.content.decode()
    dossier = client.get("/dossiers/31497/").content.decode()
    assert register["oral"].quote in dossier
