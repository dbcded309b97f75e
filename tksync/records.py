"""The Kamer's OData records as the sync needs them: parsed and checked, no Django.

A record that lacks what every record of its entity has (``Id``, ``GewijzigdOp``) makes the
whole response unusable: :class:`~tksync.odata.ODataError`, and the sync writes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .odata import ODataError

#: The API writes "no date" as the first day of year 1.
_NO_DATE_YEAR = 1


def parse_datetime(value, field: str, record_id: str = "") -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except (TypeError, ValueError) as exc:
        raise ODataError(f"record {record_id or '?'}: {field} is not a date-time: {value!r}") from exc
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def parse_date(value) -> dt.date | None:
    """``Datum`` / ``DatumNakoming`` as a date; None for empty or the API's 0001-01-01."""
    if not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(str(value))
    except ValueError:
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return None
    return None if parsed.year <= _NO_DATE_YEAR else parsed.date()


def _text(record: dict, key: str) -> str:
    value = record.get(key)
    return " ".join(str(value).split()) if value is not None else ""


def _base(record: dict, entity: str) -> tuple[str, dt.datetime, bool]:
    record_id = record.get("Id")
    if not isinstance(record_id, str) or not record_id.strip():
        raise ODataError(f"{entity} record without an Id: {str(record)[:120]}")
    modified = parse_datetime(record.get("GewijzigdOp"), "GewijzigdOp", record_id)
    return record_id.strip(), modified, bool(record.get("Verwijderd"))


def _dossier(value) -> tuple[str, str] | None:
    """(number, toevoeging) of the first Kamerstukdossier in an expanded list or object."""
    items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
    for item in items:
        if isinstance(item, dict) and item.get("Nummer") not in (None, ""):
            return str(item["Nummer"]).strip(), _text(item, "Toevoeging")
    return None


@dataclass
class TkDocument:
    id: str
    modified: dt.datetime
    deleted: bool
    soort: str
    number: str  # DocumentNummer, 2024D19183
    date: dt.date | None
    subject: str
    kamerstuk: str  # 31497-475, "" without dossier or volgnummer
    ministry: str  # from the signing minister's function
    committee: str  # the voortouwcommissie of its Zaak
    content_type: str
    raw: dict


def parse_document(record: dict) -> TkDocument:
    record_id, modified, deleted = _base(record, "Document")
    dossier = _dossier(record.get("Kamerstukdossier"))
    volgnummer = record.get("Volgnummer")
    kamerstuk = ""
    if dossier and volgnummer not in (None, "", 0):
        number, toevoeging = dossier
        kamerstuk = f"{number}-{toevoeging}-{volgnummer}" if toevoeging else f"{number}-{volgnummer}"
    ministry = ""
    for actor in record.get("DocumentActor") or []:
        function = _text(actor, "Functie")
        if function.lower().startswith(("minister", "staatssecretaris")):
            ministry = function
            break
    committee = ""
    for zaak in record.get("Zaak") or []:
        for actor in (zaak or {}).get("ZaakActor") or []:
            if _text(actor, "Relatie").lower() == "voortouwcommissie":
                committee = _text(actor, "ActorNaam")
                break
        if committee:
            break
    return TkDocument(
        id=record_id, modified=modified, deleted=deleted, soort=_text(record, "Soort"),
        number=_text(record, "DocumentNummer"), date=parse_date(record.get("Datum")),
        subject=_text(record, "Onderwerp") or _text(record, "Titel"), kamerstuk=kamerstuk,
        ministry=ministry, committee=committee, content_type=_text(record, "ContentType"), raw=record,
    )


@dataclass
class TkDebate:
    """The ``Activiteit`` (debate) a commitment was made in."""

    id: str
    number: str
    soort: str
    subject: str
    date: dt.date | None
    committee: str
    dossier: tuple[str, str] | None


@dataclass
class TkToezegging:
    id: str
    modified: dt.datetime
    deleted: bool
    number: str  # TZ202412-116
    text: str
    status: str  # Openstaand, Voldaan, …
    due_date: dt.date | None  # DatumNakoming
    name: str  # Naam of the bewindspersoon, "Wiersma, F.M."
    function: str  # Functie, "Minister van …"
    ministry: str  # Ministerie
    debate: TkDebate | None


def parse_toezegging(record: dict) -> TkToezegging:
    record_id, modified, deleted = _base(record, "Toezegging")
    activity = record.get("Activiteit")
    debate = None
    if isinstance(activity, dict) and activity.get("Id"):
        dossier = None
        for zaak in activity.get("Zaak") or []:
            dossier = _dossier((zaak or {}).get("Kamerstukdossier"))
            if dossier:
                break
        debate = TkDebate(
            id=str(activity["Id"]), number=_text(activity, "Nummer"), soort=_text(activity, "Soort"),
            subject=_text(activity, "Onderwerp"), date=parse_date(activity.get("Datum")),
            committee=_text(activity, "Voortouwnaam"), dossier=dossier,
        )
    text = _text(record, "Tekst")
    if not deleted and not text:
        raise ODataError(f"Toezegging {record_id} has no Tekst")
    return TkToezegging(
        id=record_id, modified=modified, deleted=deleted, number=_text(record, "Nummer"), text=text,
        status=_text(record, "Status"), due_date=parse_date(record.get("DatumNakoming")),
        name=_text(record, "Naam"), function=_text(record, "Functie"), ministry=_text(record, "Ministerie"),
        debate=debate,
    )
