"""Seed the parliamentary calendar from docs/deadline-conventions.md.

The summer recess rows are the conventions table verbatim; fixed points follow
the rules stated under the table (Prinsjesdag third Tuesday of September,
Voorjaarsnota 1 June, Najaarsnota 1 December, Verantwoordingsdag third
Wednesday of May). Clerks correct them in the admin; due dates follow.
"""

import datetime as dt

from django.db import migrations

SUMMER_RECESS = [
    # year, starts, ends, verified, source
    (2019, "2019-07-05", "2019-09-02", False, "estimated (first Friday of July)"),
    (2020, "2020-07-03", "2020-08-31", False, "estimated"),
    (2021, "2021-07-09", "2021-09-06", False, "estimated"),
    (2022, "2022-07-08", "2022-09-05", False, "estimated"),
    (2023, "2023-07-07", "2023-09-04", True, "verified (tweedekamer.nl recess page)"),
    (2024, "2024-07-05", "2024-09-02", True, "verified (tweedekamer.nl recess page)"),
    (2025, "2025-07-04", "2025-09-01", False, "estimated"),
    (2026, "2026-07-03", "2026-08-31", False, "estimated"),
    (2027, "2027-07-02", "2027-08-30", False, "estimated"),
]
FIXED_POINT_YEARS = range(2019, 2031)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def seed(apps, schema_editor):
    entry = apps.get_model("commitments", "CalendarEntry")
    rows = [
        entry(kind="zomerreces", year=y, start=dt.date.fromisoformat(s), end=dt.date.fromisoformat(e),
              verified=v, source=src)
        for y, s, e, v, src in SUMMER_RECESS
    ]
    for y in FIXED_POINT_YEARS:
        rows += [
            entry(kind="prinsjesdag", year=y, start=nth_weekday(y, 9, 1, 3), source="rule: third Tuesday of September"),
            entry(kind="voorjaarsnota", year=y, start=dt.date(y, 6, 1), source="rule: by 1 June"),
            entry(kind="najaarsnota", year=y, start=dt.date(y, 12, 1), source="rule: by 1 December"),
            entry(kind="verantwoordingsdag", year=y, start=nth_weekday(y, 5, 2, 3),
                  source="rule: third Wednesday of May"),
        ]
    entry.objects.bulk_create(rows, ignore_conflicts=True)


def unseed(apps, schema_editor):
    apps.get_model("commitments", "CalendarEntry").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("commitments", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
