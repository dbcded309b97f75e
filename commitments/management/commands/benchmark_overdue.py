"""``python manage.py benchmark_overdue --rows 1000000 [--format json]``: the overdue job against hand-written SQL.

PostgreSQL only. Builds two identical scratch copies of the commitment and outbox
tables in their own schemas (``bench_overdue_job``, ``bench_overdue_raw``; the real
tables are not touched), bulk-loads synthetic commitments with one
``INSERT … SELECT … FROM generate_series`` (a realistic mix of statuses and due
dates, about half of them past due), then times

* ``job_s``: ``commitments.overdue.flag_overdue`` (both directions plus the outbox),
  with ``search_path`` pointed at the first copy;
* ``raw_s``: the same flags by hand, one UPDATE per direction and no outbox, on the
  second copy;
* ``rerun_s`` / ``raw_rerun_s``: both again, with nothing left to change.

``peak_rss_mb`` is this process's peak resident memory: no rows pass through Python,
so it stays flat in ``--rows``. The scratch schemas are dropped at the end.
"""

from __future__ import annotations

import json
import resource
import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from commitments.models import OPEN_STATUSES, Commitment, OverdueEvent
from commitments.overdue import flag_overdue

JOB, RAW = "bench_overdue_job", "bench_overdue_raw"

# One row per generate_series value. Statuses: 60 % openstaand, 10 % voorgesteld,
# 5 % deels voldaan, 15 % voldaan, 5 % vervallen, 5 % afgewezen. Due dates: 10 %
# none; the rest spread over 2000 days, 1100 of them before today (≈ 50 % of rows). The columns
# copied from the letter onto the commitment (letter_date, committee) are filled like the ministry.
LOAD_SQL = """
INSERT INTO {table} (
    document_id, passage_id, quote, actor, deliverable, kind, ministry, deadline_phrase, deadline_kind,
    deadline_detail, earliest, latest, due_date, rule, due_overridden, estimated, status, measure_id,
    fractie, overdue_since, version, created_at, updated_at, letter_date, committee, origin
)
SELECT
    1 + g %% 5000, NULL,
    'De minister informeert de Kamer over de voortgang van maatregel ' || g || ' vóór de zomer.',
    '', '', 'inform_parliament',
    (ARRAY['Ministerie van Financiën', 'Ministerie van VWS', 'Ministerie van OCW', 'Ministerie van BZK',
           'Ministerie van EZK', 'Ministerie van IenW', 'Ministerie van JenV', 'Ministerie van SZW',
           'Ministerie van LNV', 'Ministerie van Defensie', 'Ministerie van BZ', 'Ministerie van AZ'])[1 + g %% 12],
    'vóór de zomer', 'before_summer', '', NULL, NULL,
    CASE WHEN g %% 10 = 0 THEN NULL ELSE %(today)s::date + ((g * 7919) %% 2000 - 1100)::int END,
    '', false, false,
    CASE WHEN (g * 37) %% 100 < 60 THEN 'openstaand'
         WHEN (g * 37) %% 100 < 70 THEN 'voorgesteld'
         WHEN (g * 37) %% 100 < 75 THEN 'deels_voldaan'
         WHEN (g * 37) %% 100 < 90 THEN 'voldaan'
         WHEN (g * 37) %% 100 < 95 THEN 'vervallen'
         ELSE 'afgewezen' END,
    NULL, '', NULL, 1, now(), now(),
    %(today)s::date - ((g * 104729) %% 1500)::int,
    (ARRAY['Financiën', 'Volksgezondheid, Welzijn en Sport', 'Onderwijs, Cultuur en Wetenschap',
           'Binnenlandse Zaken en Koninkrijksrelaties', 'Economische Zaken', 'Infrastructuur en Waterstaat',
           'Justitie en Veiligheid', 'Sociale Zaken en Werkgelegenheid', 'Landbouw, Visserij, Voedselzekerheid en Natuur',
           'Defensie', 'Buitenlandse Zaken', 'Algemene Zaken'])[1 + g %% 12],
    'brief'
FROM generate_series(1::bigint, %(rows)s::bigint) AS g
"""


class Command(BaseCommand):
    help = "Meet de te-laat-taak tegen één handgeschreven UPDATE op synthetische toezeggingen (PostgreSQL)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--rows", type=int, default=1_000_000)
        parser.add_argument("--format", choices=["json", "text"], default="text")
        parser.add_argument(
            "--today", default="2026-11-23", help="Peildatum YYYY-MM-DD."
        )
        parser.add_argument(
            "--keep", action="store_true", help="Laat de scratch-schema's staan."
        )
        parser.add_argument(
            "--repeat",
            type=int,
            default=1,
            help="Meet de eerste run zo vaak (tabellen tussendoor teruggezet, volgorde afwisselend); mediaan.",
        )

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError(
                "benchmark_overdue needs PostgreSQL (DATABASE_URL=postgres://…)"
            )
        if options["rows"] < 1:
            raise CommandError("--rows must be at least 1")
        try:
            today = date.fromisoformat(options["today"])
        except ValueError:
            raise CommandError(
                f"--today: not a date (YYYY-MM-DD): {options['today']!r}"
            ) from None
        rows = options["rows"]
        try:
            self._prepare(rows, today)
            job_runs, raw_runs = [], []
            for i in range(max(1, options["repeat"])):
                if i:
                    self._reset()
                order = [(JOB, job_runs), (RAW, raw_runs)]
                for schema, runs in order if i % 2 == 0 else order[::-1]:
                    fn = (
                        (lambda: flag_overdue(today))
                        if schema == JOB
                        else (lambda: self._raw(today))
                    )
                    runs.append(self._timed(schema, fn))
            job_s, job_result = _median(job_runs)
            raw_s, raw_count = _median(raw_runs)
            rerun_s, rerun_result = self._timed(JOB, lambda: flag_overdue(today))
            raw_rerun_s, raw_rerun_count = self._timed(RAW, lambda: self._raw(today))
            checks = self._check()
        finally:
            self._sql("SET search_path TO DEFAULT")
            if not options["keep"]:
                self._drop()
        if rerun_result.newly_overdue or rerun_result.cleared or raw_rerun_count:
            raise CommandError("the second run changed rows: not idempotent")
        if (
            checks["job_flagged"] != checks["raw_flagged"]
            or job_result.newly_overdue != raw_count
        ):
            raise CommandError(f"job and hand-written SQL disagree: {checks}")
        report = {
            "rows": rows,
            "job_s": round(job_s, 3),
            "raw_s": round(raw_s, 3),
            "ratio": round(job_s / raw_s, 2) if raw_s else None,
            "rerun_s": round(rerun_s, 4),
            "raw_rerun_s": round(raw_rerun_s, 4),
            "peak_rss_mb": round(
                resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
            ),
            "newly_overdue": job_result.newly_overdue,
            "job_s_runs": [round(t, 3) for t, _ in job_runs],
            "raw_s_runs": [round(t, 3) for t, _ in raw_runs],
            "events": checks["events"],
        }
        if options["format"] == "json":
            self.stdout.write(json.dumps(report))
        else:
            for key, value in report.items():
                self.stdout.write(f"{key:>14}: {value}")

    # --- steps ------------------------------------------------------------------------------------

    def _prepare(self, rows: int, today: date) -> None:
        commitments, events = Commitment._meta.db_table, OverdueEvent._meta.db_table
        self._drop()
        with connection.cursor() as cur:
            cur.execute("SELECT current_schema()")
            home = cur.fetchone()[0]
        for schema in (JOB, RAW):
            self._sql(f"CREATE SCHEMA {schema}")
            # LIKE … INCLUDING ALL: same columns, identity, check constraints and (partial) indexes.
            self._sql(
                f"CREATE TABLE {schema}.{commitments} (LIKE {home}.{commitments} INCLUDING ALL)"
            )
            self._sql(
                f"CREATE TABLE {schema}.{events} (LIKE {home}.{events} INCLUDING ALL)"
            )
            self._sql(
                f"ALTER TABLE {schema}.{events} ADD FOREIGN KEY (commitment_id) "
                f"REFERENCES {schema}.{commitments} (id) DEFERRABLE INITIALLY DEFERRED"
            )
        started = time.perf_counter()
        for schema in (JOB, RAW):  # the same deterministic rows, loaded the same way
            self._sql(
                LOAD_SQL.format(table=f"{schema}.{commitments}"),
                {"today": today, "rows": rows},
            )
        for schema in (JOB, RAW):
            self._sql(f"VACUUM ANALYZE {schema}.{commitments}")
            self._sql(f"VACUUM ANALYZE {schema}.{events}")
        self.stderr.write(
            f"loaded {rows} rows twice in {time.perf_counter() - started:.1f}s"
        )

    def _reset(self) -> None:
        """Back to the loaded state: no flags, empty outbox, vacuumed."""
        for schema in (JOB, RAW):
            self._sql(
                f"UPDATE {schema}.{Commitment._meta.db_table} SET overdue_since = NULL "
                "WHERE overdue_since IS NOT NULL"
            )
            self._sql(f"TRUNCATE {schema}.{OverdueEvent._meta.db_table}")
            self._sql(f"VACUUM ANALYZE {schema}.{Commitment._meta.db_table}")
            self._sql(f"VACUUM ANALYZE {schema}.{OverdueEvent._meta.db_table}")

    def _timed(self, schema: str, fn):
        self._sql(f"SET search_path TO {schema}")
        try:
            self._sql(
                "CHECKPOINT"
            )  # start each measurement from the same state of dirty buffers
        except Exception as exc:  # noqa: BLE001 - CHECKPOINT needs a privileged role; timing still works
            self.stderr.write(f"no CHECKPOINT before the measurement: {exc}")
        started = time.perf_counter()
        result = fn()
        return time.perf_counter() - started, result

    def _raw(self, today: date) -> int:
        """The hand-written equivalent: one UPDATE per direction, no outbox."""
        open_list = ", ".join(f"'{s}'" for s in OPEN_STATUSES)
        table = Commitment._meta.db_table
        with connection.cursor() as cur:
            cur.execute("BEGIN")
            cur.execute(
                f"UPDATE {table} SET overdue_since = NULL WHERE overdue_since IS NOT NULL "
                f"AND (due_date IS NULL OR due_date >= %s)",
                [today],
            )
            cleared = cur.rowcount
            cur.execute(
                f"UPDATE {table} SET overdue_since = %s WHERE status IN ({open_list}) "
                f"AND due_date < %s AND overdue_since IS NULL",
                [today, today],
            )
            flagged = cur.rowcount
            cur.execute("COMMIT")
        return flagged + cleared

    def _check(self) -> dict[str, int]:
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT count(*) FROM {JOB}.commitments_commitment WHERE overdue_since IS NOT NULL"
            )
            job_flagged = cur.fetchone()[0]
            cur.execute(
                f"SELECT count(*) FROM {RAW}.commitments_commitment WHERE overdue_since IS NOT NULL"
            )
            raw_flagged = cur.fetchone()[0]
            cur.execute(f"SELECT count(*) FROM {JOB}.commitments_overdueevent")
            events = cur.fetchone()[0]
        return {
            "job_flagged": job_flagged,
            "raw_flagged": raw_flagged,
            "events": events,
        }

    def _drop(self) -> None:
        for schema in (JOB, RAW):
            self._sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    def _sql(self, sql: str, params=None) -> None:
        with connection.cursor() as cur:
            cur.execute(sql, params)


def _median(runs: list[tuple[float, object]]) -> tuple[float, object]:
    ordered = sorted(runs, key=lambda r: r[0])
    return ordered[(len(ordered) - 1) // 2]
