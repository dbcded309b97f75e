"""Parliamentary calendar used by the deadline resolver.

The recess calendar is *data*: the Django side provides a DB-backed object
with the same ``summer_recess_start`` method (clerks can correct a date and
mark it verified).  This module holds the protocol, the seed table from
``docs/deadline-conventions.md`` and the fixed points of the budget cycle.
No Django imports here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Protocol, runtime_checkable


@runtime_checkable
class RecessCalendar(Protocol):
    def summer_recess_start(self, year: int) -> tuple[dt.date, bool]:
        """First day of the Tweede Kamer summer recess and whether it is estimated."""
        ...


# year: (start of zomerreces, verified)  -- seed rows of the conventions table
SUMMER_RECESS_SEED: dict[int, tuple[dt.date, bool]] = {
    2019: (dt.date(2019, 7, 5), False),
    2020: (dt.date(2020, 7, 3), False),
    2021: (dt.date(2021, 7, 9), False),
    2022: (dt.date(2022, 7, 8), False),
    2023: (dt.date(2023, 7, 7), True),
    2024: (dt.date(2024, 7, 5), True),
    2025: (dt.date(2025, 7, 4), False),
    2026: (dt.date(2026, 7, 3), False),
    2027: (dt.date(2027, 7, 2), False),
}


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based) weekday (0=Monday) of a month."""
    first = dt.date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    return first + dt.timedelta(days=offset + 7 * (n - 1))


def first_friday_of_july(year: int) -> dt.date:
    return nth_weekday(year, 7, 4, 1)


def prinsjesdag(year: int) -> dt.date:
    """Third Tuesday of September."""
    return nth_weekday(year, 9, 1, 3)


def verantwoordingsdag(year: int) -> dt.date:
    """Third Wednesday of May."""
    return nth_weekday(year, 5, 2, 3)


def voorjaarsnota(year: int) -> dt.date:
    return dt.date(year, 6, 1)


def najaarsnota(year: int) -> dt.date:
    return dt.date(year, 12, 1)


class DefaultCalendar:
    """In-memory calendar seeded from the conventions table.

    ``rows`` maps year -> (start date, verified).  Missing years fall back to
    the first Friday of July, marked as estimated.
    """

    def __init__(self, rows: Mapping[int, tuple[dt.date, bool]] | None = None):
        self.rows = dict(SUMMER_RECESS_SEED if rows is None else rows)

    def summer_recess_start(self, year: int) -> tuple[dt.date, bool]:
        row = self.rows.get(year)
        if row is None:
            return first_friday_of_july(year), True
        start, verified = row
        return start, not verified


DEFAULT_CALENDAR = DefaultCalendar()
