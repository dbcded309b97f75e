"""Due dates as an iCalendar file (RFC 5545, the ``icalendar`` library) for Outlook, Google and Apple Calendar.

One all-day VEVENT per commitment with a due date. The UID (``commitment-<id>@<host>``) never
changes, so a subscribed calendar replaces an event on its next refresh: a postponed commitment
simply carries its new date, a closed one its new status.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from commitments.models import Commitment, Status

from . import deadlines

#: At most this many events in one calendar (as the CSV export).
ICS_LIMIT = 50_000

#: VEVENT STATUS (RFC 5545 knows TENTATIVE, CONFIRMED, CANCELLED) per commitment status.
EVENT_STATUS = {
    Status.PROPOSED: "TENTATIVE",
    Status.OPEN: "CONFIRMED",
    Status.PARTLY_FULFILLED: "CONFIRMED",
    Status.FULFILLED: "CONFIRMED",
    Status.LAPSED: "CANCELLED",
}


def rows(qs) -> Iterable[Commitment]:
    """The commitments of ``qs`` that have a due date, with what an event shows."""
    return (
        qs.filter(due_date__isnull=False)
        .select_related("document")
        .defer("document__text", "features")
        .order_by("due_date", "pk")[:ICS_LIMIT]
    )


def calendar(commitments: Iterable[Commitment], request: HttpRequest, name: str) -> bytes:
    host = request.get_host().split(":")[0] or "localhost"
    cal = Calendar()
    cal.add("prodid", "-//Toezeggingen Tweede Kamer//toezeggingen//NL")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Amsterdam")
    now = timezone.now()
    for c in commitments:
        event = Event()
        event.add("uid", f"commitment-{c.pk}@{host}")
        event.add("dtstamp", now)
        event.add("last-modified", c.updated_at)
        event.add("dtstart", c.due_date)
        event.add("dtend", c.due_date + dt.timedelta(days=1))
        event.add("summary", _("Toezegging: %(quote)s") % {"quote": _short(c.quote)})
        event.add("url", request.build_absolute_uri(c.get_absolute_url()))
        event.add("status", EVENT_STATUS.get(c.status, "CONFIRMED"))
        event.add("categories", [c.get_status_display()])
        event.add("transp", "TRANSPARENT")
        event.add("description", _description(c))
        cal.add_component(event)
    return cal.to_ical()


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _description(c: Commitment) -> str:
    parts = [
        f"“{' '.join(c.quote.split())}”",
        "",
        _("Termijn: %(explanation)s") % {"explanation": deadlines.explain(c)},
        _("Status: %(status)s") % {"status": c.get_status_display()},
    ]
    if c.ministry:
        parts.append(_("Ministerie: %(ministry)s") % {"ministry": c.ministry})
    if c.document_id:
        parts.append(_("Brief: %(document)s") % {"document": c.document.display_title})
    return "\n".join(parts)


def response(commitments: Iterable[Commitment], request: HttpRequest, name: str, filename: str) -> HttpResponse:
    body = calendar(commitments, request, name)
    resp = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    resp["Content-Disposition"] = f'inline; filename="{filename}"'
    resp["Cache-Control"] = "private, max-age=300"
    return resp
