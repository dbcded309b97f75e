"""The deadline of a commitment explained in one sentence, for the detail page.

"'vóór de zomer van 2026' in de brief van 20 mei 2026 → begin zomerreces 3 juli 2026, geschat"
"""

from __future__ import annotations

import datetime as dt

from django.utils import dateformat
from django.utils.translation import gettext as _

from commitments.models import Commitment, DeadlineKind


def long_date(d: dt.date | None) -> str:
    """20 mei 2026 (month name in the active language)."""
    return dateformat.format(d, "j F Y") if d else ""


def anchor(kind: str, due: dt.date) -> str:
    """What the due date stands for, given the kind of deadline."""
    when = long_date(due)
    if kind == DeadlineKind.BEFORE_SUMMER:
        return _("begin zomerreces %(date)s") % {"date": when}
    if kind == DeadlineKind.YEAR_END:
        return _("einde van het jaar, %(date)s") % {"date": when}
    if kind in (DeadlineKind.MONTH, DeadlineKind.QUARTER, DeadlineKind.HALF_YEAR, DeadlineKind.YEAR):
        return _("einde van de periode, %(date)s") % {"date": when}
    if kind == DeadlineKind.DATE:
        return when
    return _("uiterlijk %(date)s") % {"date": when}


def explain(commitment: Commitment) -> str:
    """The phrase as written, the letter's date as anchor, the resulting due date and its quality."""
    phrase = commitment.deadline_phrase.strip()
    letter_date = commitment.document.date if commitment.document_id else None
    if not phrase and not commitment.due_date:
        return _("Geen termijn genoemd.")
    parts = []
    if phrase and letter_date:
        parts.append(
            _("‘%(phrase)s’ in de brief van %(date)s") % {"phrase": phrase, "date": long_date(letter_date)}
        )
    elif phrase:
        parts.append(_("‘%(phrase)s’ (datum van de brief onbekend)") % {"phrase": phrase})
    else:
        parts.append(_("Geen termijn in de tekst"))
    if commitment.due_date:
        result = anchor(commitment.deadline_kind, commitment.due_date)
        qualities = []
        if commitment.estimated:
            qualities.append(_("geschat"))
        if commitment.due_overridden:
            qualities.append(_("handmatig vastgesteld"))
        if qualities:
            result = f"{result}, {', '.join(qualities)}"
        return f"{parts[0]} → {result}"
    return f"{parts[0]} → " + _("geen datum te bepalen")
