"""The parliamentary calendar as stored in the database (CalendarEntry rows).

Implements the ``RecessCalendar`` protocol of ``commitments.extraction.calendar``
so that the deadline resolver reads the recess dates clerks maintain in the admin.
"""

from __future__ import annotations

import datetime as dt

from commitments.extraction.calendar import first_friday_of_july
from tracker.signals import announce_data_changed

from .models import CalendarEntry, CalendarKind


class DatabaseCalendar:
    """Loads the calendar once; create one per ingest or extraction run."""

    def __init__(self) -> None:
        self._recess = {
            e.year: (e.start, not e.verified)
            for e in CalendarEntry.objects.filter(kind=CalendarKind.SUMMER_RECESS).only("year", "start", "verified")
        }

    def summer_recess_start(self, year: int) -> tuple[dt.date, bool]:
        """First day of the zomerreces and whether it is estimated (not verified)."""
        if year in self._recess:
            return self._recess[year]
        return first_friday_of_july(year), True


#: The resolver's rule for "voor de zomer": due on the first day of the zomerreces.
RECESS_RULE = "before_summer:recess_start"


def apply_recess_correction(entry: CalendarEntry, old_start: dt.date | None, user=None) -> int:
    """Move every due date that rested on a summer recess to its corrected start.

    Called when a clerk corrects a zomerreces row (or marks it verified). Affects
    commitments whose date came from the recess rule and was not set by hand:
    set-based, one UPDATE, with a DeadlineChange (not a postponement) per moved
    commitment as the audit trail. Returns how many commitments changed.
    """
    from django.db import transaction
    from django.db.models import Case, F, When

    from .models import Commitment, DeadlineChange

    if entry.kind != CalendarKind.SUMMER_RECESS:
        return 0
    dates = {entry.start} | ({old_start} if old_start else set())
    dependent = Commitment.objects.filter(rule=RECESS_RULE, due_overridden=False, due_date__in=dates)
    with transaction.atomic():
        moved = list(dependent.exclude(due_date=entry.start).values_list("id", "due_date"))
        DeadlineChange.objects.bulk_create(
            DeadlineChange(
                commitment_id=pk,
                user=user,
                old_due_date=old,
                new_due_date=entry.start,
                is_postponement=False,
                note=f"Zomerreces {entry.year} gecorrigeerd: {old:%d-%m-%Y} → {entry.start:%d-%m-%Y}",
            )
            for pk, old in moved
        )
        changed = dependent.update(
            due_date=entry.start,
            latest=entry.start,
            earliest=Case(When(earliest__gt=entry.start, then=None), default=F("earliest")),
            estimated=not entry.verified,
        )
        if changed:
            from .overdue import flag_overdue

            flag_overdue()  # a recess moved earlier can make a promise late, later can clear it
            announce_data_changed(__name__)  # a queryset UPDATE sends no model signal
    return changed
