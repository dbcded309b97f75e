"""CSV export of the filtered commitment list, for pasting into a memo or opening in Excel.

Excel (Dutch locale) opens a ``;``-separated UTF-8 file with a byte order mark
correctly, accents included; dates are ISO (2026-07-03) so they sort and parse.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.translation import gettext as _

from commitments.models import Commitment

from .selectors import decorate, today

#: An export is a memo's appendix, not a database dump.
EXPORT_LIMIT = 50_000


class _Echo:
    def write(self, value: str) -> str:
        return value


def header() -> list[str]:
    return [
        _("id"),
        _("citaat"),
        _("status"),
        _("te laat"),
        _("dagen te laat"),
        _("termijn zoals geschreven"),
        _("uiterste datum"),
        _("geschat"),
        _("ministerie"),
        _("bewindspersoon"),
        _("fractie"),
        _("moties"),
        _("brief"),
        _("datum brief"),
        _("betreft"),
        _("permalink"),
    ]


def row(c: Commitment, request: HttpRequest) -> list[str]:
    doc = c.document
    return [
        str(c.pk),
        c.quote,
        c.get_status_display(),
        _("ja") if c.days_late is not None else _("nee"),
        "" if c.days_late is None else str(c.days_late),
        c.deadline_phrase,
        c.due_date.isoformat() if c.due_date else "",
        _("ja") if c.estimated else _("nee"),
        c.ministry,
        c.actor,
        c.fractie,
        ", ".join(m.key for m in c.motions.all()),
        doc.kamerstuk or doc.source_name or str(doc.pk),
        doc.date.isoformat() if doc.date else "",
        doc.subject,
        request.build_absolute_uri(c.get_absolute_url()),
    ]


def csv_rows(qs: QuerySet[Commitment], request: HttpRequest) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=";", quoting=csv.QUOTE_MINIMAL)
    yield "\ufeff" + writer.writerow(header())
    on = today()
    chunk: list[Commitment] = []
    for c in qs[:EXPORT_LIMIT].iterator(chunk_size=2000):
        chunk.append(c)
        if len(chunk) == 2000:
            yield from (writer.writerow(row(x, request)) for x in decorate(chunk, on))
            chunk = []
    yield from (writer.writerow(row(x, request)) for x in decorate(chunk, on))


def commitments_csv(qs: QuerySet[Commitment], request: HttpRequest) -> StreamingHttpResponse:
    response = StreamingHttpResponse(csv_rows(qs, request), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toezeggingen-{today().isoformat()}.csv"'
    return response
