"""Exports of the filtered commitment list: CSV for Excel, plain text for a memo.

Excel (Dutch locale) opens a ``;``-separated UTF-8 file with a byte order mark
correctly, accents included; dates are ISO (2026-07-03) so they sort and parse.
Every text cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) gets a leading ``'`` (OWASP, "CSV injection"):
quotes, deadlines, names and document titles are typed or edited by people and by the
letters' authors. Numbers (id, days late) are written as numbers.

The CSV is streamed in chunks of 2,000 rows. For visitors who are not logged in it is bounded
(issue 15: six parallel anonymous exports of 16,000 rows held every web worker): at most
``ANONYMOUS_EXPORT_ROWS`` rows (the last line of the file says when more matched), and at most
``ANONYMOUS_EXPORTS_AT_ONCE`` anonymous exports running at once over all web workers (a slot in
the shared cache, released when the response is closed, expiring on its own after
``EXPORT_SLOT_SECONDS``); the next one gets a 429 with a Dutch message and ``Retry-After``.

The memo (``format=memo``) is plain text to paste into a note before a debate: what was
filtered, the date, and per commitment the quote, the deadline as written and as a date,
how late, the letter and the motions, with a permalink.
"""

from __future__ import annotations

import csv
import itertools
import logging
import secrets
from collections.abc import Callable, Iterator

from django.conf import settings
from django.core.cache import cache
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from commitments.models import Commitment

from .deadlines import long_date
from .filters import is_true
from .search import unsearchable
from .selectors import commitment_rows, decorate, today
from .templatetags.table_tags import status_label

logger = logging.getLogger(__name__)

#: An export is a memo's appendix, not a database dump.
EXPORT_LIMIT = 50_000
#: The longest an anonymous export keeps its slot if its response is never closed (a killed worker).
EXPORT_SLOT_SECONDS = 300
SLOT_KEY = "web:export-slot:{}"


#: A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """``value`` as a CSV cell; text that a spreadsheet would evaluate is prefixed with ``'``."""
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


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
    cells = [
        c.pk,
        c.quote,
        status_label(c),
        _("ja") if c.days_late is not None else _("nee"),
        "" if c.days_late is None else c.days_late,
        c.deadline_phrase,
        c.due_date.isoformat() if c.due_date else "",
        _("ja") if c.estimated else _("nee"),
        c.ministry,
        c.actor,
        c.fractie,
        ", ".join(m.key for m in c.motions.all()),
        doc.display_title,
        doc.date.isoformat() if doc.date else "",
        doc.subject,
        request.build_absolute_uri(c.get_absolute_url()),
    ]
    return [csv_cell(cell) for cell in cells]


def csv_rows(qs: QuerySet[Commitment], request: HttpRequest, limit: int = EXPORT_LIMIT) -> Iterator[str]:
    """The header, then at most ``limit`` rows, then a note when more rows matched. The query runs
    before the header is produced, so that a failing query fails the request instead of streaming a
    file with only the header."""
    writer = csv.writer(_Echo(), delimiter=";", quoting=csv.QUOTE_MINIMAL)
    on = today()
    commitments = qs[: limit + 1].iterator(chunk_size=2000)
    left = limit
    chunk: list[Commitment] = list(itertools.islice(commitments, min(2000, left)))
    yield "\ufeff" + writer.writerow([csv_cell(h) for h in header()])
    while chunk:
        yield from (writer.writerow(row(x, request)) for x in decorate(chunk, on))
        left -= len(chunk)
        chunk = list(itertools.islice(commitments, min(2000, left))) if left > 0 else []
    if next(commitments, None) is not None:
        yield writer.writerow([csv_cell(truncation_note(limit, request))])


def truncation_note(limit: int, request: HttpRequest) -> str:
    note = _("Let op: alleen de eerste %(n)s toezeggingen van deze selectie staan in dit bestand. "
             "Verfijn de selectie (bijvoorbeeld per ministerie, commissie of periode) voor de rest.") % {
        "n": number_format(limit, force_grouping=True)}
    if not request.user.is_authenticated:
        note += " " + _("Voor bezoekers die niet zijn ingelogd is de export beperkt.")
    return note


def export_refusal(f) -> HttpResponseBadRequest | None:
    """A 400 with the reason if the filter state cannot be exported as asked, else None.

    An invalid filter value is left out of the filtered query by django-filter, so the export
    would silently contain more (up to every row) than the visitor asked for; a query without
    letters or digits would silently export nothing.
    """
    if not f.form.is_valid():
        problems = []
        for name, errors in f.form.errors.items():
            field = f.form.fields.get(name)
            label = field.label if field is not None and field.label else name
            problems.append(f"{label}: {' '.join(str(e) for e in errors)}")
        reason = _("Ongeldige filter (%(problems)s). De export is niet gemaakt; pas de filter aan.") % {
            "problems": "; ".join(problems)
        }
    elif unsearchable(f.data.get("q", "")):
        reason = _("De zoekvraag bevat geen woorden of getallen om op te zoeken. De export is niet gemaakt.")
    else:
        return None
    return HttpResponseBadRequest(reason + "\n", content_type="text/plain; charset=utf-8")


def commitments_csv(qs: QuerySet[Commitment], request: HttpRequest) -> HttpResponse:
    anonymous = not request.user.is_authenticated
    release: Callable[[], None] | None = None
    if anonymous:
        release = take_export_slot()
        if release is None:
            response = HttpResponse(
                _("Er worden nu te veel exports tegelijk gemaakt. Probeer het over een minuut opnieuw.") + "\n",
                status=429, content_type="text/plain; charset=utf-8")
            response["Retry-After"] = "60"
            return response
    try:
        rows = csv_rows(qs, request, settings.ANONYMOUS_EXPORT_ROWS if anonymous else EXPORT_LIMIT)
        first = next(rows)  # runs the query now: an error is an error page, not a truncated file
    except BaseException:
        if release:
            release()
        raise
    response = StreamingHttpResponse(_Closing(itertools.chain([first], rows), release),
                                     content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="toezeggingen-{today().isoformat()}.csv"'
    return response


class _Closing:
    """An iterator whose ``close`` (called by the WSGI server when the response ends, however it
    ends) runs ``release``, once."""

    def __init__(self, it: Iterator[str], release: Callable[[], None] | None):
        self._it, self._release = it, release

    def __iter__(self):
        return self

    def __next__(self) -> str:
        return next(self._it)

    def close(self) -> None:
        release, self._release = self._release, None
        if release:
            release()


def take_export_slot() -> Callable[[], None] | None:
    """One of the ``ANONYMOUS_EXPORTS_AT_ONCE`` slots, as a function that gives it back; None when all
    are taken. A cache that is down does not stop exports (it is logged)."""
    token = secrets.token_hex(8)
    try:
        for i in range(max(settings.ANONYMOUS_EXPORTS_AT_ONCE, 0)):
            key = SLOT_KEY.format(i)
            if cache.add(key, token, EXPORT_SLOT_SECONDS):
                return lambda: _give_back(key, token)
    except Exception:
        logger.exception("export slots unavailable; exporting without a limit on parallel exports")
        return lambda: None
    return None


def _give_back(key: str, token: str) -> None:
    try:
        if cache.get(key) == token:  # not a slot that expired and was taken by another export since
            cache.delete(key)
    except Exception:
        logger.exception("could not give back export slot %s", key)


#: A memo lists at most this many commitments (and says so when there are more).
MEMO_LIMIT = 500


def filters_text(f) -> str:
    """The active filters as "label: value; …", in the words of the filter form."""
    parts = []
    for name, field in f.form.fields.items():
        if name == "sort":
            continue
        value = f.form.cleaned_data.get(name) if f.form.is_valid() else f.data.get(name)
        if value in (None, "", []):
            continue
        if name == "te_laat":
            if is_true(f.data.get(name, "")):
                parts.append(_("alleen te laat"))
            continue
        if name == "voorstellen":
            if f.include_proposed:
                parts.append(_("met niet-beoordeelde voorstellen"))
            continue
        shown = dict(field.choices).get(value, value) if hasattr(field, "choices") else value
        if hasattr(shown, "isoformat"):
            shown = long_date(shown)
        parts.append(f"{field.label}: {shown}")
    return "; ".join(str(p) for p in parts)


def memo_text(qs: QuerySet[Commitment], request: HttpRequest, f) -> str:
    on = today()
    rows = decorate(commitment_rows(qs, motions=False)[: MEMO_LIMIT + 1], on, motions=True)
    more = len(rows) > MEMO_LIMIT
    rows = rows[:MEMO_LIMIT]
    lines = [_("Toezeggingen aan de Tweede Kamer, stand %(date)s") % {"date": long_date(on)}]
    filters = filters_text(f)
    lines.append(_("Selectie: %(filters)s") % {"filters": filters} if filters else _("Selectie: alle toezeggingen"))
    if more:
        lines.append(_("De eerste %(n)d; verfijn de selectie voor de rest.") % {"n": MEMO_LIMIT})
    else:
        lines.append(ngettext("%(n)d toezegging", "%(n)d toezeggingen", len(rows)) % {"n": len(rows)})
    for i, c in enumerate(rows, 1):
        lines.append("")
        lines.append(f"{i}. “{' '.join(c.quote.split())}”")
        due = f"‘{c.deadline_phrase}’" if c.deadline_phrase else _("geen termijn genoemd")
        if c.due_date:
            due += f" → {long_date(c.due_date)}"
            if c.estimated:
                due += f" ({_('geschat')})"
        if c.days_late is not None:
            due += " — " + ngettext("%(n)d dag te laat", "%(n)d dagen te laat", c.days_late) % {"n": c.days_late}
        lines.append("   " + _("Termijn: %(due)s") % {"due": due})
        doc = c.document
        letter = doc.display_title
        if doc.date:
            letter += " " + _("van %(date)s") % {"date": long_date(doc.date)}
        facts = [_("Status: %(status)s") % {"status": status_label(c)}]
        if c.ministry:
            facts.append(_("Ministerie: %(ministry)s") % {"ministry": c.ministry})
        facts.append(_("Brief: %(letter)s") % {"letter": letter})
        if c.fractie:
            facts.append(_("Vraag van %(fractie)s") % {"fractie": c.fractie})
        lines.append("   " + " · ".join(facts))
        if c.motion_refs:
            motions = ", ".join(f"{key} ({name})" if name else key for key, name in c.motion_refs)
            lines.append("   " + _("Moties: %(motions)s") % {"motions": motions})
        lines.append("   " + request.build_absolute_uri(c.get_absolute_url()))
    return "\n".join(lines) + "\n"


def commitments_memo(qs: QuerySet[Commitment], request: HttpRequest, f) -> HttpResponse:
    """The memo as plain text in the browser (select all, copy, paste)."""
    return HttpResponse(memo_text(qs, request, f), content_type="text/plain; charset=utf-8")
