"""Ingest many files at once: read and extract in worker processes, store in this one, in the order given.

Reading and extraction are most of an ingest's CPU (docs/extraction.md, "Twenty-seventh round") and need no
database: ``pipeline.analyse`` with a calendar loaded beforehand and no check of stored Kamerstuk numbers reads and
writes nothing there. So up to ``workers`` files are read and extracted ahead in forked processes while this
process stores the ones before them, one transaction per document as ``ingest_file`` does. Storing stays here and
in order, so every check and suggestion sees exactly what a one-by-one ingest would (the same content twice is
"unchanged", a Kamerstuk number stored a moment ago is refused, a letter's fulfilment suggestions see the letters
stored before it): the results are the same as ``ingest_file``'s for each file in turn, only sooner.

Workers are forked (they share the loaded model's memory) and never touch the database: a query there fails loudly
rather than using the connection inherited from this process. Each talks to the same Frog server over its own
connections (Frog forks a process per connection).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from django.conf import settings
from django.db import connections

from commitments.calendar import DatabaseCalendar
from commitments.extraction.model import load_model

from .pipeline import Analysed, IngestResult, Job, analyse, check, ingest_file, store


class WorkerQueried(RuntimeError):
    """A worker process tried to use the database (a bug: its work must need none)."""


def default_workers() -> int:
    """``INGEST_WORKERS`` when set, else one per CPU up to four."""
    configured = getattr(settings, "INGEST_WORKERS", None)
    return max(1, configured if configured else min(4, os.cpu_count() or 1))


def usable(workers: int) -> int:
    """``workers``, or 1 where no worker process can be made: a platform without ``fork``, or a daemonic process (a
    Celery pool process may not have children). The workers need no database, so any database will do."""
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        return 1
    return workers


def _refuse_queries(execute, sql, params, many, context):
    raise WorkerQueried(f"an ingest worker must not query the database: {sql[:120]}")


# In a worker: the parent's open database connections, kept referenced so that nothing here closes them (a
# PostgreSQL connection freed here would send the server its goodbye over the socket the parent still uses)
_INHERITED: list = []


def _in_worker() -> None:
    """Forget the parent's database connections without closing them and refuse any query from here on."""
    for conn in connections.all():
        if conn.connection is not None:
            _INHERITED.append(conn.connection)
        conn.connection = None
        conn.execute_wrappers.append(_refuse_queries)


def _analyse(job: Job, sha: str, calendar: DatabaseCalendar) -> Analysed | IngestResult:
    return analyse(job, sha, calendar=calendar)


def ingest_files(jobs: Iterable[Job], *, workers: int = 1, replace: bool = False,
                 flag: bool = True) -> Iterator[IngestResult]:
    """``ingest_file`` for each job, in order, with up to ``workers`` files read and extracted ahead in worker
    processes (``workers`` ≤ 1, or where they cannot run: one by one in this process)."""
    jobs = list(jobs)
    workers = min(usable(workers), len(jobs))
    if workers <= 1:
        for job in jobs:
            yield ingest_file(job.path, doc_type=job.doc_type, date=job.date, ministry=job.ministry,
                              kamerstuk=job.kamerstuk, subject=job.subject, source_name=job.source_name,
                              replace=replace, flag=flag)
        return
    load_model()  # loaded before the fork: the workers share its memory
    calendar = DatabaseCalendar()
    context = multiprocessing.get_context("fork")
    ahead: deque[IngestResult | Future] = deque()
    todo = iter(jobs)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_in_worker) as pool:

        def fill() -> None:
            while len(ahead) < 2 * workers:
                job = next(todo, None)
                if job is None:
                    return
                first = check(job)  # bad options, over the limits, already stored: decided here, at once
                ahead.append(first if isinstance(first, IngestResult) else pool.submit(_analyse, job, first, calendar))

        fill()
        while ahead:
            item = ahead.popleft()
            fill()
            if isinstance(item, IngestResult):
                yield item
                continue
            analysed = item.result()
            yield analysed if isinstance(analysed, IngestResult) else store(analysed, replace=replace, flag=flag)
