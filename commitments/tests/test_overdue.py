"""commitments.overdue.flag_overdue: the set-based, idempotent overdue job."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, connections, transaction

from commitments.models import Commitment, DeadlineChange, OverdueEvent, Status
from commitments.overdue import FlagResult, flag_overdue

from .overdue_helpers import make_commitment

TODAY = date(2026, 11, 23)


def flags() -> dict[int, date | None]:
    return dict(Commitment.objects.values_list("id", "overdue_since"))


@pytest.mark.django_db
def test_it_flags_open_commitments_past_due():
    late = make_commitment(date(2026, 6, 30))
    due_today = make_commitment(TODAY)
    future = make_commitment(date(2026, 12, 31))
    undated = make_commitment(None)
    proposed = make_commitment(date(2026, 1, 1), status=Status.PROPOSED)
    partly = make_commitment(date(2026, 1, 1), status=Status.PARTLY_FULFILLED)

    assert flag_overdue(TODAY) == FlagResult(newly_overdue=3, cleared=0)

    f = flags()
    assert f[late.pk] == TODAY and f[proposed.pk] == TODAY and f[partly.pk] == TODAY
    assert f[due_today.pk] is None and f[future.pk] is None and f[undated.pk] is None
    assert sorted(
        OverdueEvent.objects.values_list("commitment_id", "due_date")
    ) == sorted(
        [
            (late.pk, date(2026, 6, 30)),
            (proposed.pk, date(2026, 1, 1)),
            (partly.pk, date(2026, 1, 1)),
        ]
    )


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Status.FULFILLED, Status.LAPSED, Status.REJECTED])
def test_it_never_flags_closed_commitments(status):
    c = make_commitment(date(2020, 1, 1), status=status)
    assert flag_overdue(TODAY) == FlagResult(0, 0)
    c.refresh_from_db()
    assert c.overdue_since is None
    assert not OverdueEvent.objects.exists()


@pytest.mark.django_db
def test_it_changes_nothing_the_second_time():
    for d in (date(2026, 1, 1), date(2026, 6, 30), date(2027, 1, 1)):
        make_commitment(d)
    first = flag_overdue(TODAY)
    before = (
        flags(),
        list(OverdueEvent.objects.values_list("id", "commitment_id", "due_date")),
    )
    assert first.newly_overdue == 2
    assert flag_overdue(TODAY) == FlagResult(0, 0)
    assert flag_overdue(date(2026, 11, 24)) == FlagResult(
        0, 0
    )  # a later day keeps the original date
    assert (
        flags(),
        list(OverdueEvent.objects.values_list("id", "commitment_id", "due_date")),
    ) == before


@pytest.mark.django_db
def test_it_clears_when_fulfilled_and_the_check_constraint_holds():
    c = make_commitment(date(2026, 1, 1))
    flag_overdue(TODAY)
    # Closing a flagged commitment without clearing the flag violates the database rule.
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=c.pk).update(status=Status.FULFILLED)
    Commitment.objects.filter(pk=c.pk).update(
        status=Status.FULFILLED, overdue_since=None
    )
    assert flag_overdue(TODAY) == FlagResult(0, 0)


@pytest.mark.django_db
def test_it_clears_when_the_due_date_goes_away():
    c = make_commitment(date(2026, 1, 1))
    flag_overdue(TODAY)
    Commitment.objects.filter(pk=c.pk).update(due_date=None)
    assert flag_overdue(TODAY) == FlagResult(0, 1)


@pytest.mark.django_db
def test_it_treats_a_postponement_as_a_new_deadline_with_one_new_event():
    c = make_commitment(date(2026, 6, 30))
    assert flag_overdue(TODAY).newly_overdue == 1

    DeadlineChange.objects.create(
        commitment=c, old_due_date=c.due_date, new_due_date=date(2027, 3, 31)
    )
    Commitment.objects.filter(pk=c.pk).update(due_date=date(2027, 3, 31))
    assert flag_overdue(TODAY, ids=[c.pk]) == FlagResult(newly_overdue=0, cleared=1)
    c.refresh_from_db()
    assert c.overdue_since is None
    assert flag_overdue(date(2027, 3, 31)) == FlagResult(
        0, 0
    )  # due today is still on time

    assert flag_overdue(date(2027, 4, 1)) == FlagResult(newly_overdue=1, cleared=0)
    assert flag_overdue(date(2027, 4, 2)) == FlagResult(0, 0)
    c.refresh_from_db()
    assert c.overdue_since == date(2027, 4, 1)
    assert list(
        OverdueEvent.objects.filter(commitment=c)
        .order_by("due_date")
        .values_list("due_date", flat=True)
    ) == [date(2026, 6, 30), date(2027, 3, 31)]
    assert c.deadline_changes.filter(is_postponement=True).count() == 1


@pytest.mark.django_db
def test_it_keeps_the_flag_when_a_correction_is_also_past():
    c = make_commitment(date(2026, 6, 30))
    flag_overdue(date(2026, 7, 1))
    Commitment.objects.filter(pk=c.pk).update(
        due_date=date(2026, 9, 1)
    )  # later, but also past
    assert flag_overdue(TODAY) == FlagResult(0, 0)
    c.refresh_from_db()
    assert c.overdue_since == date(2026, 7, 1)


@pytest.mark.django_db
def test_it_restricts_to_ids():
    a = make_commitment(date(2026, 1, 1))
    b = make_commitment(date(2026, 1, 1))
    assert flag_overdue(TODAY, ids=[a.pk]) == FlagResult(1, 0)
    assert flags()[b.pk] is None
    assert flag_overdue(TODAY, ids=[]) == FlagResult(0, 0)
    assert flag_overdue(TODAY, ids=[a.pk, b.pk]) == FlagResult(1, 0)


@pytest.mark.django_db
def test_it_works_in_id_range_batches():
    cs = [make_commitment(date(2026, 1, 1)) for _ in range(7)]
    make_commitment(date(2027, 1, 1))
    assert flag_overdue(TODAY, batch_size=3) == FlagResult(7, 0)
    assert flag_overdue(TODAY, batch_size=3) == FlagResult(0, 0)
    assert OverdueEvent.objects.filter(commitment__in=cs).count() == 7


@pytest.mark.django_db
def test_it_keeps_the_outbox_unique_per_commitment_and_due_date():
    c = make_commitment(date(2026, 1, 1))
    flag_overdue(TODAY)
    event = OverdueEvent.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        OverdueEvent.objects.create(
            commitment=c,
            due_date=event.due_date,
            overdue_since=TODAY,
            created_at=event.created_at,
        )
    # A flag cleared and set again for the same due date does not tell anyone twice.
    Commitment.objects.filter(pk=c.pk).update(overdue_since=None)
    assert flag_overdue(TODAY).newly_overdue == 1
    assert OverdueEvent.objects.count() == 1


@pytest.mark.django_db
def test_it_uses_one_statement_per_direction(django_assert_max_num_queries):
    for i in range(50):
        make_commitment(date(2026, 1, 1 + i % 28))
    with django_assert_max_num_queries(
        6
    ):  # savepoint/begin + clear + set (+ insert on SQLite) + release
        assert flag_overdue(TODAY).newly_overdue == 50


@pytest.mark.django_db(transaction=True)
def test_it_never_flags_twice_when_two_runs_overlap():
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections (PostgreSQL)")
    ids = [make_commitment(date(2026, 1, 1 + i % 28)).pk for i in range(300)]
    barrier = threading.Barrier(2)
    results: list[FlagResult] = []
    errors: list[Exception] = []

    def run() -> None:
        try:
            barrier.wait()
            results.append(flag_overdue(TODAY))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sum(r.newly_overdue for r in results) == len(ids)
    assert OverdueEvent.objects.count() == len(ids)


@pytest.mark.django_db(transaction=True)
def test_it_blocks_the_second_run_until_the_first_commits():
    """The compare-and-set, not luck: a run that starts while another holds its transaction flags nothing."""
    if connection.vendor != "postgresql":
        pytest.skip("needs concurrent connections (PostgreSQL)")
    ids = [make_commitment(date(2026, 1, 1)).pk for _ in range(20)]
    started = threading.Event()
    second: list[FlagResult] = []

    def second_run() -> None:
        started.set()
        second.append(flag_overdue(TODAY))
        connections.close_all()

    with transaction.atomic():
        assert flag_overdue(TODAY).newly_overdue == len(ids)
        t = threading.Thread(target=second_run)
        t.start()
        started.wait()
        t.join(timeout=1.0)
        assert t.is_alive(), "the second run should wait for the first run's row locks"
    t.join(timeout=10)
    assert second == [FlagResult(0, 0)]
    assert OverdueEvent.objects.count() == len(ids)
