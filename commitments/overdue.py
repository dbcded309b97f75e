"""When is a commitment late? The set-based, idempotent overdue job.

``flag_overdue`` is the only writer of ``Commitment.overdue_since``. It is one
compare-and-set UPDATE per direction, like healthchecks.io's flips:

* **set**: open commitments (``OPEN_STATUSES``) whose due date lies before *today*
  and that are not flagged yet get ``overdue_since = today``. The WHERE clause
  implies the predicate of the partial index ``commitment_due_unflagged``, so the
  statement only visits open, dated, unflagged rows. In the same statement (a
  data-modifying CTE on PostgreSQL) the rows it flipped go into the outbox
  ``OverdueEvent``, unique per (commitment, due date), ``ON CONFLICT DO NOTHING``.
* **clear**: flagged commitments that lost their due date or got a due date on or
  after *today* (a postponement) lose the flag (closing a commitment clears its flag
  in the same UPDATE, and the check constraint ``commitment_closed_never_overdue``
  guarantees no closed row keeps one); when the new date passes,
  the set direction flags them again with a new outbox event. A correction to
  another date that has passed as well keeps the flag (it stays late, since the
  same day). The WHERE clause implies the predicate of the partial index
  ``commitment_flagged_due``, over which it is a range scan on the due date: a
  rerun with nothing to clear reads next to nothing.

No rows are loaded into Python. A second run finds nothing to do; two concurrent
runs cannot flag a row twice, because the second UPDATE re-checks
``overdue_since IS NULL`` on the row the first one locked, and the outbox's unique
constraint backs that up.

The flag does not touch ``version`` or ``updated_at``: it is not an edit, and a
clerk's form that is open while the job runs must not get a spurious conflict.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Max, Min
from django.utils import timezone

from tracker.signals import announce_data_changed

from .models import OPEN_STATUSES, Commitment, OverdueEvent

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FlagResult:
    """What one run changed: rows that became overdue and rows whose flag was cleared."""

    newly_overdue: int = 0
    cleared: int = 0

    def __add__(self, other: FlagResult) -> FlagResult:
        return FlagResult(
            self.newly_overdue + other.newly_overdue, self.cleared + other.cleared
        )


def flag_overdue(
    today: date | None = None,
    *,
    ids: Iterable[int] | None = None,
    batch_size: int | None = None,
    pause: float = 0.0,
) -> FlagResult:
    """Set and clear ``overdue_since`` for every commitment (or only ``ids``) as of ``today``.

    ``today`` defaults to today in ``settings.TIME_ZONE`` (Europe/Amsterdam). ``ids``
    restricts the run to some commitments: the web workflow calls
    ``flag_overdue(ids=[pk])`` right after a status or deadline change, inside its
    own transaction, so the flag follows at once.

    By default everything happens in one transaction with one UPDATE per direction.
    ``batch_size`` splits the work into id ranges of that width, each committed on
    its own (shorter locks on a very large table); ``pause`` sleeps before each
    commit and exists so tests can kill a worker mid-run.
    """
    today = today or timezone.localdate()
    id_list = None if ids is None else sorted({int(pk) for pk in ids})
    if id_list is not None and not id_list:
        return FlagResult()
    if not batch_size:
        return _flag_range(today, id_list, None, pause)

    bounds = Commitment.objects.aggregate(lo=Min("id"), hi=Max("id"))
    if bounds["lo"] is None:
        return FlagResult()
    total = FlagResult()
    for lo in range(bounds["lo"], bounds["hi"] + 1, batch_size):
        total += _flag_range(today, id_list, (lo, lo + batch_size), pause)
    return total


def _flag_range(
    today: date, ids: list[int] | None, id_range: tuple[int, int] | None, pause: float
) -> FlagResult:
    """Both directions for one slice of the table, in one transaction."""
    extra_sql, extra_params = _restriction(ids, id_range)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cleared = _clear(cursor, today, extra_sql, extra_params)
            newly = _set(cursor, today, extra_sql, extra_params)
        logger.info(
            "flag_overdue today=%s range=%s: %d newly overdue, %d cleared",
            today,
            id_range,
            newly,
            cleared,
        )
        if newly or cleared:
            announce_data_changed(__name__)  # a queryset UPDATE sends no model signal
        if pause:
            time.sleep(pause)
    return FlagResult(newly_overdue=newly, cleared=cleared)


def _restriction(
    ids: list[int] | None, id_range: tuple[int, int] | None
) -> tuple[str, list[Any]]:
    sql, params = "", []
    if ids is not None:
        sql += f" AND id IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    if id_range is not None:
        sql += " AND id >= %s AND id < %s"
        params += list(id_range)
    return sql, params


def _tables() -> tuple[str, str]:
    qn = connection.ops.quote_name
    return qn(Commitment._meta.db_table), qn(OverdueEvent._meta.db_table)


def _status_list(statuses: Iterable[str]) -> tuple[str, list[str]]:
    values = [str(s) for s in statuses]
    return ", ".join(["%s"] * len(values)), values


def _clear(cursor, today: date, extra_sql: str, extra_params: list[Any]) -> int:
    """Clear the flag where it no longer holds. Uses the partial index ``commitment_flagged_due``."""
    commitments, _ = _tables()
    d_today = connection.ops.adapt_datefield_value(today)
    cursor.execute(
        f"""
        UPDATE {commitments} SET overdue_since = NULL
        WHERE overdue_since IS NOT NULL
          AND (due_date IS NULL OR due_date >= %s)
          {extra_sql}
        """,
        [d_today, *extra_params],
    )
    return cursor.rowcount


def _set(cursor, today: date, extra_sql: str, extra_params: list[Any]) -> int:
    """Flag open commitments past their due date and write the outbox, in one statement on PostgreSQL.

    Uses the partial index ``commitment_due_unflagged``.
    """
    commitments, events = _tables()
    open_sql, open_ = _status_list(OPEN_STATUSES)
    d_today = connection.ops.adapt_datefield_value(today)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    where = f"""
        status IN ({open_sql}) AND due_date IS NOT NULL AND due_date < %s AND overdue_since IS NULL
        {extra_sql}
    """
    where_params = [*open_, d_today, *extra_params]
    if connection.vendor == "postgresql":
        # The outbox rows are exactly the rows this statement flipped.
        cursor.execute(
            f"""
            WITH flipped AS (
                UPDATE {commitments} SET overdue_since = %s WHERE {where} RETURNING id, due_date
            ), outbox AS (
                INSERT INTO {events} (commitment_id, due_date, overdue_since, created_at)
                SELECT id, due_date, %s, %s FROM flipped
                ON CONFLICT (commitment_id, due_date) DO NOTHING
            )
            SELECT count(*) FROM flipped
            """,
            [d_today, *where_params, d_today, now],
        )
        return cursor.fetchone()[0]
    # SQLite (the embedded mode) cannot put an UPDATE in a CTE. Its write
    # transactions are serialised (transaction_mode IMMEDIATE), so the INSERT …
    # SELECT and the UPDATE with the same WHERE see exactly the same rows.
    cursor.execute(
        f"""
        INSERT INTO {events} (commitment_id, due_date, overdue_since, created_at)
        SELECT id, due_date, %s, %s FROM {commitments} WHERE {where}
        ON CONFLICT (commitment_id, due_date) DO NOTHING
        """,
        [d_today, now, *where_params],
    )
    cursor.execute(
        f"UPDATE {commitments} SET overdue_since = %s WHERE {where}",
        [d_today, *where_params],
    )
    return cursor.rowcount


def overdue_report(today: date | None = None) -> Iterator[dict[str, Any]]:
    """The commitments flagged overdue, as plain dicts for the command's JSON output.

    Streams with ``iterator()`` so that a large overdue list does not sit in memory.
    """
    today = today or timezone.localdate()
    qs = (
        Commitment.objects.filter(overdue_since__isnull=False)
        .select_related("document")
        .prefetch_related("motions")
        .order_by("due_date", "id")
    )
    for c in qs.iterator(chunk_size=2000):
        yield {
            "id": c.pk,
            "quote": c.quote,
            "due_date": c.due_date.isoformat() if c.due_date else None,
            "status": c.status,
            "days_late": (today - c.due_date).days if c.due_date else None,
            "motions": sorted(m.key for m in c.motions.all()),
            "document": c.document.kamerstuk
            or c.document.source_name
            or str(c.document_id),
            "ministry": c.ministry or c.document.ministry,
        }
