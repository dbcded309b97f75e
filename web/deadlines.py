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


def postponement_text(commitment: Commitment) -> str:
    """The deadline's story after postponements, in plain Dutch; empty if it was never postponed.

    "oorspronkelijk ‘in de tweede helft van 2023’ (31 december 2023); uitgesteld naar 31 maart 2027
    bij brief van 12 februari 2027 (Kamerstuk 31 497, nr. 520)". Reads the prefetched history.
    """
    changes = [d for d in commitment.deadline_changes.all() if d.is_postponement]
    if not changes:
        return ""
    first, last = changes[0], changes[-1]
    phrase = first.old_phrase or commitment.deadline_phrase
    if phrase and first.old_due_date:
        start = _("oorspronkelijk ‘%(phrase)s’ (%(date)s)") % {"phrase": phrase, "date": long_date(first.old_due_date)}
    elif first.old_due_date:
        start = _("oorspronkelijk %(date)s") % {"date": long_date(first.old_due_date)}
    elif phrase:
        start = _("oorspronkelijk ‘%(phrase)s’ (zonder datum)") % {"phrase": phrase}
    else:
        start = _("oorspronkelijk zonder termijn")
    moved = _("uitgesteld naar %(date)s") % {"date": long_date(last.new_due_date) or _("onbekende datum")}
    letter = last.evidence
    if letter is not None and letter.date:
        moved += " " + _("bij brief van %(date)s (%(letter)s)") % {
            "date": long_date(letter.date),
            "letter": letter.kamerstuk_label or letter.get_type_display(),
        }
    elif letter is not None:
        moved += " " + _("bij %(letter)s") % {"letter": letter.display_title}
    if len(changes) > 1:
        moved += " " + _("(%(n)d× uitgesteld)") % {"n": len(changes)}
    return f"{start}; {moved}"


#: First words of a noun phrase ("het wetsvoorstel", "informatie over …").
_NOUN_STARTS = {"de", "het", "een", "deze", "dit", "die", "informatie", "nieuwe", "eerste"}
#: Words that make a "deliverable" a sentence fragment rather than a thing ("verwachten dat het wetsvoorstel").
_FRAGMENT_WORDS = {
    "dat", "te", "om", "zal", "zullen", "wordt", "worden", "is", "zijn", "ben", "gaan", "gaat", "ga",
    "verwachten", "verwacht", "ontvangt", "ontvangen", "volgt", "laat", "kom", "komt", "geïnformeerd",
    "informeren", "streven", "toegezegd", "voeren", "heb", "hebben", "heeft", "kunnen", "kan", "wil",
    "willen", "moet", "moeten", "beoogd", "gewerkt", "ontwikkelen", "verkend", "ik", "wij", "we",
}
#: A phrase ending in one of these was cut off mid-sentence.
_DANGLING_END = {"en", "of", "in", "die", "dat", "dit", "te", "om", "van", "voor", "met", "aan", "op", "over", "een", "de", "het"}


def deliverable_text(commitment: Commitment) -> str:
    """What will be delivered, as a noun phrase with a capital ("Het wetsvoorstel"), or "" to leave it out.

    The extractor's deliverable is sometimes a fragment of the sentence ("verwachten dat het
    wetsvoorstel"); a page shows it only when it reads as the name of a thing.
    """
    text = " ".join((commitment.deliverable or "").split()).strip(" ,;:.")
    words = text.lower().split()
    if len(words) < 2 or words[0] not in _NOUN_STARTS:
        return ""
    if any(w.strip(",;:()") in _FRAGMENT_WORDS for w in words) or words[-1] in _DANGLING_END:
        return ""
    return text[0].upper() + text[1:]
