"""The parliamentary calendar as stored in the database (CalendarEntry rows).

Implements the ``RecessCalendar`` protocol of ``commitments.extraction.calendar``
so that the deadline resolver reads the recess dates clerks maintain in the admin.
"""

from __future__ import annotations

import datetime as dt

from commitments.extraction.calendar import first_friday_of_july

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
