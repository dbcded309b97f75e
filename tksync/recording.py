"""Recorded nights of the Kamer's OData API, written deterministically.

``fixtures/tk_odata/<scenario>/`` are written by :func:`write_scenario` (``python manage.py
generate_tk_night --scenario night1 --output fixtures/tk_odata/night1``); a large night for the
benchmark by :func:`write_night`. The records follow the published schema of the OData v4 API
(gegevensmagazijn): entity and field names, ``$expand``-ed relations, ``Verwijderd``,
``GewijzigdOp``, paging with ``@odata.nextLink``; files under ``resources/`` are what
``Document(<Id>)/resource`` answers.
"""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path
from urllib.parse import quote

from .odata import LIVE_URL, SOORT_LETTER, SOORT_VSO

_NS = uuid.UUID("6f1d0f7e-3c1b-4b7e-9a57-3a1d2e0c4b11")
CONTEXT = f"{LIVE_URL}/$metadata"

OCW = "Onderwijs, Cultuur en Wetenschap"
COMMITTEE_OCW = "vaste commissie voor Onderwijs, Cultuur en Wetenschap"
MINISTERS = [
    ("Bruins, E.E.W.", "Minister van Onderwijs, Cultuur en Wetenschap", OCW),
    ("Paul, M.L.J.", "Staatssecretaris van Onderwijs, Cultuur en Wetenschap", OCW),
    ("Agema, M.", "Minister van Volksgezondheid, Welzijn en Sport", "Volksgezondheid, Welzijn en Sport"),
    ("Madlener, B.", "Minister van Infrastructuur en Waterstaat", "Infrastructuur en Waterstaat"),
]
COMMITTEES = {
    OCW: COMMITTEE_OCW,
    "Volksgezondheid, Welzijn en Sport": "vaste commissie voor Volksgezondheid, Welzijn en Sport",
    "Infrastructuur en Waterstaat": "vaste commissie voor Infrastructuur en Waterstaat",
}


def guid(*parts) -> str:
    return str(uuid.uuid5(_NS, "/".join(str(p) for p in parts)))


def dossier_record(number: int, toevoeging: str | None, title: str) -> dict:
    return {
        "Id": guid("dossier", number, toevoeging), "Titel": title, "Citeertitel": None, "Alias": None,
        "Nummer": number, "Toevoeging": toevoeging, "HoogsteVolgnummer": 600, "Afgesloten": False,
        "Kamer": "Tweede Kamer", "GewijzigdOp": "2026-01-05T09:00:00+01:00",
        "ApiGewijzigdOp": "2026-01-05T08:00:01Z", "Verwijderd": False,
    }


def document_record(
    key, *, soort: str, nummer: str, onderwerp: str, datum: str, volgnummer: int | None,
    dossier: dict | None, minister: tuple[str, str, str], gewijzigd: str, verwijderd: bool = False,
    content_type: str = "text/plain",
) -> dict:
    name, function, ministry = minister
    return {
        "Id": guid("document", key), "Soort": soort, "DocumentNummer": nummer, "Titel": onderwerp,
        "Onderwerp": onderwerp, "Datum": f"{datum}T00:00:00+01:00", "Volgnummer": volgnummer,
        "Vergaderjaar": "2026-2027", "Kamer": "Tweede Kamer", "Citeertitel": None, "Alias": None,
        "DatumRegistratie": f"{datum}T10:12:00+01:00", "DatumOntvangst": f"{datum}T00:00:00+01:00",
        "Aanhangselnummer": None, "KenmerkAfzender": None, "Organisatie": "Tweede Kamer der Staten-Generaal",
        "ContentType": content_type, "ContentLength": 2048, "HuidigeDocumentVersie_Id": guid("versie", key),
        "GewijzigdOp": gewijzigd, "ApiGewijzigdOp": gewijzigd, "Verwijderd": verwijderd,
        "Kamerstukdossier": [dossier] if dossier else [],
        "DocumentActor": [{
            "Id": guid("actor", key), "ActorNaam": name, "ActorFractie": None, "Functie": function.lower(),
            "Relatie": "Eerste ondertekenaar", "SidActor": None, "GewijzigdOp": gewijzigd, "Verwijderd": False,
        }],
        "Zaak": [{
            "Id": guid("zaak", key), "Nummer": nummer.replace("D", "Z"), "Soort": "Brief regering", "Titel": onderwerp,
            "Onderwerp": onderwerp, "Status": "Vrijgegeven", "GewijzigdOp": gewijzigd, "Verwijderd": False,
            "ZaakActor": [{
                "Id": guid("zaakactor", key), "ActorNaam": COMMITTEES.get(ministry, COMMITTEE_OCW),
                "ActorFractie": None, "ActorAfkorting": "OCW", "Functie": None, "Relatie": "Voortouwcommissie",
                "GewijzigdOp": gewijzigd, "Verwijderd": False,
            }],
        }],
    }


def activiteit_record(key, *, soort: str, nummer: str, onderwerp: str, datum: str, dossier: dict | None,
                      committee: str = COMMITTEE_OCW) -> dict:
    return {
        "Id": guid("activiteit", key), "Soort": soort, "Nummer": nummer, "Onderwerp": onderwerp,
        "DatumSoort": "Dag", "Datum": f"{datum}T00:00:00+02:00", "Aanvangstijd": f"{datum}T10:00:00+02:00",
        "Eindtijd": f"{datum}T16:00:00+02:00", "Locatie": "Thorbeckezaal", "Besloten": False,
        "Status": "Uitgevoerd", "Vergaderjaar": "2026-2027", "Kamer": "Tweede Kamer",
        "Voortouwnaam": committee, "Voortouwafkorting": "OCW", "Voortouwkortenaam": "OCW",
        "GewijzigdOp": f"{datum}T18:00:00+02:00", "Verwijderd": False,
        "Zaak": [{"Id": guid("activiteit-zaak", key), "Nummer": nummer.replace("A", "Z"), "Soort": "Brief regering",
                  "Kamerstukdossier": [dossier] if dossier else []}],
    }


def toezegging_record(key, *, nummer: str, tekst: str, status: str, nakoming: str | None,
                      minister: tuple[str, str, str], activiteit: dict | None, gewijzigd: str,
                      verwijderd: bool = False) -> dict:
    name, function, ministry = minister
    surname, _, initials = name.partition(", ")
    return {
        "Id": guid("toezegging", key), "Nummer": nummer, "Aanmaakdatum": gewijzigd,
        "ActiviteitNummer": activiteit["Nummer"] if activiteit else None, "Naam": name,
        "Achternaam": surname, "Initialen": initials, "Voornaam": None, "Achtervoegsel": None,
        "Titulatuur": None, "Functie": function, "Status": status,
        "DatumNakoming": f"{nakoming}T00:00:00Z" if nakoming else "0001-01-01T00:00:00Z",
        "KamerbriefNakoming": None, "Ministerie": ministry, "Tekst": tekst,
        "GewijzigdOp": gewijzigd, "ApiGewijzigdOp": gewijzigd, "Verwijderd": verwijderd,
        "Activiteit": activiteit,
    }


def letter_text(onderwerp: str, minister: tuple[str, str, str], variant: int) -> str:
    """A short, plausible letter: a paragraph of context and one promise with a date."""
    function = minister[1].lower()
    return (
        "Geachte voorzitter,\n\n"
        f"Met deze brief informeer ik uw Kamer over {onderwerp.lower()} (brief {variant}). "
        "In het afgelopen jaar zijn scholen, samenwerkingsverbanden en gemeenten met elkaar in gesprek gegaan "
        "over wat er nodig is om elke leerling passend onderwijs te bieden.\n\n"
        "Ik zal uw Kamer voor 1 juli 2027 informeren over de uitkomsten van de evaluatie.\n\n"
        f"De {function},\n\n{minister[0]}\n"
    )


def page(entity: str, expand: str, records: list[dict], next_token: str | None) -> dict:
    body = {"@odata.context": f"{CONTEXT}#{entity}({expand})", "value": records}
    if next_token:
        body["@odata.nextLink"] = f"{LIVE_URL}/{entity}?$orderby=GewijzigdOp&$skiptoken={quote(next_token)}"
    return body


def write_pages(folder: Path, entity: str, expand: str, records: list[dict], page_size: int) -> int:
    chunks = [records[i : i + page_size] for i in range(0, len(records), page_size)] or [[]]
    for n, chunk in enumerate(chunks, start=1):
        token = str(n + 1) if n < len(chunks) else None
        name = f"{entity}.json" if n == 1 else f"{entity}.skiptoken-{n}.json"
        (folder / name).write_text(json.dumps(page(entity, expand, chunk, token), ensure_ascii=False, indent=1) + "\n")
    return len(chunks)


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "resources").mkdir(parents=True)
    return folder


# ------------------------------------------------------------------------------ the scenarios

PO = dossier_record(31497, None, "Passend onderwijs")
BEGROTING = dossier_record(36800, "VIII", "Vaststelling van de begrotingsstaten van OCW voor 2027")
DEBATE_PO = activiteit_record("po", soort="Commissiedebat", nummer="2026A04512", onderwerp="Passend onderwijs",
                              datum="2026-10-08", dossier=PO)
DEBATE_BEGROTING = activiteit_record("begroting", soort="Plenair debat", nummer="2026A05120",
                                     onderwerp="Begroting Onderwijs, Cultuur en Wetenschap 2027",
                                     datum="2026-11-12", dossier=BEGROTING)


def _documents_night1() -> list[dict]:
    minister = MINISTERS[0]
    return [
        document_record("letter-480", soort=SOORT_LETTER, nummer="2026D41001", volgnummer=480, dossier=PO,
                        onderwerp="Voortgang verbeteraanpak passend onderwijs", datum="2026-11-20",
                        minister=minister, gewijzigd="2026-11-20T16:01:00+01:00"),
        document_record("vso-481", soort=SOORT_VSO, nummer="2026D41230", volgnummer=481, dossier=PO,
                        onderwerp="Verslag van een schriftelijk overleg over de voortgang passend onderwijs",
                        datum="2026-11-25", minister=minister, gewijzigd="2026-11-25T11:30:00+01:00"),
        # Its file is not there tonight (the download fails): retried the next night.
        document_record("letter-482", soort=SOORT_LETTER, nummer="2026D41377", volgnummer=482, dossier=PO,
                        onderwerp="Thuiszitters en vrijstellingen", datum="2026-11-27",
                        minister=minister, gewijzigd="2026-11-27T17:45:00+01:00"),
        # Not a kind the tracker ingests (the live API's $filter leaves it out; a recording may not).
        document_record("motie-490", soort="Motie", nummer="2026D41400", volgnummer=490, dossier=PO,
                        onderwerp="Motie van het lid Westerveld over thuiszitters", datum="2026-11-28",
                        minister=minister, gewijzigd="2026-11-28T09:00:00+01:00"),
    ]


def _toezeggingen_night1() -> list[dict]:
    minister, staatssecretaris = MINISTERS[0], MINISTERS[1]
    return [
        toezegging_record("tz-1", nummer="TZ202610-041", status="Openstaand", nakoming="2027-03-01",
                          tekst="De minister stuurt de Kamer voor 1 maart 2027 een brief over de wachtlijsten in het gespecialiseerd onderwijs.",
                          minister=minister, activiteit=DEBATE_PO, gewijzigd="2026-10-09T10:00:00+02:00"),
        toezegging_record("tz-2", nummer="TZ202610-042", status="Openstaand", nakoming="2026-11-01",
                          tekst="De minister informeert de Kamer voor 1 november 2026 over de evaluatie van de thuiszittersaanpak.",
                          minister=minister, activiteit=DEBATE_PO, gewijzigd="2026-10-09T10:05:00+02:00"),
        toezegging_record("tz-3", nummer="TZ202611-107", status="Voldaan", nakoming="2026-11-30",
                          tekst="De staatssecretaris zegt toe de Kamer te informeren over de inzet van onderwijsassistenten.",
                          minister=staatssecretaris, activiteit=DEBATE_BEGROTING, gewijzigd="2026-11-30T12:00:00+01:00"),
        toezegging_record("tz-4", nummer="TZ202611-108", status="Openstaand", nakoming=None,
                          tekst="De staatssecretaris gaat in gesprek met de PO-Raad over de werkdruk en koppelt dit terug.",
                          minister=staatssecretaris, activiteit=DEBATE_BEGROTING, gewijzigd="2026-11-30T12:05:00+01:00"),
    ]


def write_scenario(name: str, folder: str | Path) -> Path:
    """One of the recorded nights in ``fixtures/tk_odata/``: night1, night2 or broken."""
    folder = _fresh(Path(folder))
    doc_expand = "Kamerstukdossier(),DocumentActor(),Zaak(ZaakActor())"
    tz_expand = "Activiteit(Zaak(Kamerstukdossier()))"
    minister = MINISTERS[0]
    if name == "night1":
        documents = _documents_night1()
        write_pages(folder, "Document", doc_expand, documents, page_size=2)
        write_pages(folder, "Toezegging", tz_expand, _toezeggingen_night1(), page_size=2)
        for doc, text_of in ((documents[0], "480"), (documents[1], "481")):
            (folder / "resources" / doc["Id"]).write_text(letter_text(doc["Onderwerp"], minister, int(text_of)))
    elif name == "night2":
        first = _documents_night1()
        changed = dict(first[0], Onderwerp="Voortgang verbeteraanpak passend onderwijs (gecorrigeerd)",
                       GewijzigdOp="2026-12-02T09:00:00+01:00", ApiGewijzigdOp="2026-12-02T09:00:00+01:00")
        withdrawn = document_record("letter-483", soort=SOORT_LETTER, nummer="2026D41500", volgnummer=483,
                                    dossier=PO, onderwerp="Ingetrokken publicatie", datum="2026-12-01",
                                    minister=minister, gewijzigd="2026-12-02T10:00:00+01:00", verwijderd=True)
        write_pages(folder, "Document", doc_expand, [changed, withdrawn], page_size=250)
        tz = _toezeggingen_night1()
        fulfilled = dict(tz[0], Status="Voldaan", GewijzigdOp="2026-12-02T11:00:00+01:00",
                         ApiGewijzigdOp="2026-12-02T11:00:00+01:00")
        deleted = dict(tz[3], Verwijderd=True, GewijzigdOp="2026-12-02T11:05:00+01:00")
        new = toezegging_record("tz-5", nummer="TZ202612-003", status="Openstaand", nakoming="2027-06-30",
                                tekst="De minister komt voor de zomer van 2027 met een voorstel voor de bekostiging van het speciaal onderwijs.",
                                minister=minister, activiteit=DEBATE_PO, gewijzigd="2026-12-02T11:10:00+01:00")
        write_pages(folder, "Toezegging", tz_expand, [fulfilled, deleted, new], page_size=250)
        # Yesterday's failed download is there tonight.
        (folder / "resources" / first[2]["Id"]).write_text(letter_text(first[2]["Onderwerp"], minister, 482))
    elif name == "broken":
        documents = _documents_night1()
        write_pages(folder, "Document", doc_expand, documents, page_size=2)
        write_pages(folder, "Toezegging", tz_expand, _toezeggingen_night1(), page_size=2)
        for doc in documents[:2]:
            (folder / "resources" / doc["Id"]).write_text(letter_text(doc["Onderwerp"], minister, 1))
        # The second page of the register breaks off mid-record (a cut connection, a proxy's error page).
        text = (folder / "Toezegging.skiptoken-2.json").read_text()
        (folder / "Toezegging.skiptoken-2.json").write_text(text[: len(text) // 2])
    else:
        raise ValueError(f"unknown scenario {name!r} (night1, night2, broken)")
    return folder


def write_night(folder: str | Path, *, documents: int = 500, toezeggingen: int = 2000, page_size: int = 250) -> Path:
    """A large night for the benchmark: ``documents`` letters/VSO's with files, ``toezeggingen`` records."""
    folder = _fresh(Path(folder))
    dossiers = [dossier_record(36000 + i, None, f"Dossier {i}") for i in range(40)]
    debates = [
        activiteit_record(f"bench-{i}", soort="Commissiedebat", nummer=f"2026A{10000 + i}",
                          onderwerp=f"Commissiedebat {i}", datum=f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}",
                          dossier=dossiers[i % len(dossiers)])
        for i in range(200)
    ]
    docs = []
    for i in range(documents):
        minister = MINISTERS[i % len(MINISTERS)]
        docs.append(document_record(
            f"bench-doc-{i}", soort=SOORT_VSO if i % 5 == 4 else SOORT_LETTER, nummer=f"2026D{50000 + i}",
            volgnummer=100 + i, dossier=dossiers[i % len(dossiers)], onderwerp=f"Voortgang van beleid, deel {i}",
            datum=f"2026-{1 + i % 11:02d}-{1 + i % 27:02d}", minister=minister,
            gewijzigd=f"2026-12-03T{i // 60 % 24:02d}:{i % 60:02d}:00+01:00",
        ))
        (folder / "resources" / docs[-1]["Id"]).write_text(letter_text(docs[-1]["Onderwerp"], minister, i))
    records = []
    for i in range(toezeggingen):
        minister = MINISTERS[i % len(MINISTERS)]
        records.append(toezegging_record(
            f"bench-tz-{i}", nummer=f"TZ2026{1 + i % 12:02d}-{i:04d}",
            status=("Openstaand", "Openstaand", "Voldaan")[i % 3],
            nakoming=None if i % 7 == 0 else f"20{26 + i % 3}-{1 + i % 12:02d}-{1 + i % 28:02d}",
            tekst=f"De bewindspersoon zegt toe de Kamer te informeren over onderwerp {i}.",
            minister=minister, activiteit=debates[i % len(debates)],
            gewijzigd=f"2026-12-03T{i // 100 % 24:02d}:{i % 60:02d}:{i % 59:02d}+01:00",
        ))
    doc_expand = "Kamerstukdossier(),DocumentActor(),Zaak(ZaakActor())"
    write_pages(folder, "Document", doc_expand, docs, page_size)
    write_pages(folder, "Toezegging", "Activiteit(Zaak(Kamerstukdossier()))", records, page_size)
    return folder
