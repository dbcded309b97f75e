"""commitments.services: every clerk action writes its audit rows, locks optimistically and keeps
the overdue flag up to date at once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from commitments import services
from commitments.models import (
    Commitment,
    DeadlineChange,
    FulfilmentKind,
    FulfilmentLink,
    Status,
    StatusChange,
)
from commitments.overdue import flag_overdue

from .griffie_factories import (
    ClerkFactory,
    CommitmentFactory,
    DocumentFactory,
    PassageFactory,
)

pytestmark = pytest.mark.django_db

PAST = dt.date(2024, 7, 5)


def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def clerk():
    return ClerkFactory()


@pytest.fixture
def letter():
    return DocumentFactory(date=today(), subject="Beleidsreactie Druk op de keten")


@pytest.fixture
def overdue():
    """An open commitment whose due date passed, flagged by the job."""
    c = CommitmentFactory(status=Status.OPEN, due_date=PAST, deadline_phrase="voor de zomer")
    flag_overdue()
    c.refresh_from_db()
    assert c.overdue_since == today()
    return c


def test_it_accepts_a_proposed_commitment(clerk):
    c = CommitmentFactory(status=Status.PROPOSED)
    services.accept_commitment(c.pk, c.version, user=clerk)
    c.refresh_from_db()
    assert c.status == Status.OPEN
    assert c.version == 2
    change = StatusChange.objects.get(commitment=c)
    assert (change.old_status, change.new_status, change.user) == (Status.PROPOSED, Status.OPEN, clerk)
    assert change.created_at is not None


def test_it_rejects_a_proposed_commitment_and_clears_the_overdue_flag(clerk):
    c = CommitmentFactory(status=Status.PROPOSED, due_date=PAST)
    flag_overdue()
    c.refresh_from_db()
    assert c.overdue_since is not None
    services.reject_commitment(c.pk, c.version, user=clerk, note="geen toezegging")
    c.refresh_from_db()
    assert c.status == Status.REJECTED
    assert c.overdue_since is None
    assert StatusChange.objects.get(commitment=c).note == "geen toezegging"


def test_it_refuses_to_accept_what_is_not_proposed(clerk):
    c = CommitmentFactory(status=Status.FULFILLED)
    with pytest.raises(ValidationError):
        services.accept_commitment(c.pk, c.version, user=clerk)
    assert not StatusChange.objects.exists()


def test_it_marks_fulfilled_with_evidence_link_and_clears_overdue_in_the_same_update(clerk, letter, overdue):
    services.mark_fulfilled(overdue.pk, overdue.version, user=clerk, evidence=letter, note="164 dagen te laat")
    overdue.refresh_from_db()
    assert overdue.status == Status.FULFILLED
    assert overdue.overdue_since is None
    change = StatusChange.objects.get(commitment=overdue)
    assert (change.old_status, change.new_status) == (Status.OPEN, Status.FULFILLED)
    assert change.evidence == letter and change.user == clerk and change.note == "164 dagen te laat"
    link = FulfilmentLink.objects.get(commitment=overdue)
    assert (link.document, link.kind, link.confirmed_by) == (letter, FulfilmentKind.FULFILS, clerk)
    assert link.confirmed_at is not None


def test_it_marks_partly_fulfilled_which_stays_open_and_overdue(clerk, letter, overdue):
    services.mark_partly_fulfilled(overdue.pk, overdue.version, user=clerk, evidence=letter)
    overdue.refresh_from_db()
    assert overdue.status == Status.PARTLY_FULFILLED
    assert overdue.overdue_since is not None  # deels voldaan is still open, still late
    assert FulfilmentLink.objects.get(commitment=overdue).kind == FulfilmentKind.PARTLY
    assert StatusChange.objects.get(commitment=overdue).new_status == Status.PARTLY_FULFILLED


def test_it_marks_lapsed_only_with_a_reason(clerk, overdue):
    with pytest.raises(ValidationError):
        services.mark_lapsed(overdue.pk, overdue.version, user=clerk, note=" ")
    services.mark_lapsed(overdue.pk, overdue.version, user=clerk, note="Motie ingetrokken")
    overdue.refresh_from_db()
    assert overdue.status == Status.LAPSED and overdue.overdue_since is None
    change = StatusChange.objects.get(commitment=overdue)
    assert change.new_status == Status.LAPSED and change.evidence is None and change.note == "Motie ingetrokken"


def test_it_postpones_keeping_the_old_date_and_clears_the_flag_at_once(clerk, letter, overdue):
    new = today() + dt.timedelta(days=90)
    services.postpone(overdue.pk, overdue.version, user=clerk, new_due_date=new, letter=letter,
                      new_phrase="eind van het jaar", note="uitstelbrief")
    overdue.refresh_from_db()
    assert overdue.due_date == new and overdue.due_overridden
    assert overdue.status == Status.OPEN  # a postponement is not a fulfilment
    assert overdue.overdue_since is None
    change = DeadlineChange.objects.get(commitment=overdue)
    assert (change.old_due_date, change.new_due_date, change.is_postponement) == (PAST, new, True)
    assert change.old_phrase == "voor de zomer" and change.new_phrase == "eind van het jaar"
    assert change.evidence == letter and change.user == clerk
    assert FulfilmentLink.objects.get(commitment=overdue).kind == FulfilmentKind.POSTPONES
    assert not StatusChange.objects.filter(commitment=overdue).exists()


def test_it_counts_two_postponements(clerk, letter, overdue):
    c = services.postpone(overdue.pk, overdue.version, user=clerk, new_due_date=today() + dt.timedelta(days=30),
                          letter=letter)
    second = DocumentFactory(date=today())
    services.postpone(c.pk, c.version, user=clerk, new_due_date=today() + dt.timedelta(days=60), letter=second)
    assert DeadlineChange.objects.filter(commitment=overdue, is_postponement=True).count() == 2


def test_it_refuses_a_postponement_to_an_earlier_date(clerk, letter):
    c = CommitmentFactory(due_date=dt.date(2027, 1, 1))
    with pytest.raises(ValidationError):
        services.postpone(c.pk, c.version, user=clerk, new_due_date=dt.date(2026, 12, 1), letter=letter)
    assert not DeadlineChange.objects.exists() and not FulfilmentLink.objects.exists()


def test_it_refuses_a_stale_version_and_stores_nothing(clerk, letter):
    c = CommitmentFactory(status=Status.OPEN)
    services.mark_partly_fulfilled(c.pk, c.version, user=clerk, evidence=letter)  # version 1 → 2
    with pytest.raises(services.ConflictError) as exc:
        services.mark_fulfilled(c.pk, 1, user=clerk, evidence=letter)
    assert "intussen door een ander gewijzigd" in str(exc.value)
    c.refresh_from_db()
    assert c.status == Status.PARTLY_FULFILLED and c.version == 2
    assert StatusChange.objects.filter(commitment=c).count() == 1
    assert not FulfilmentLink.objects.filter(kind=FulfilmentKind.FULFILS).exists()


def test_it_compares_and_sets_in_the_update_itself(clerk, monkeypatch):
    """Another clerk saving between our read and our UPDATE is caught by the WHERE version = …."""
    c = CommitmentFactory(status=Status.PROPOSED)
    real_load = services._load

    def load_then_someone_else_saves(pk, version):
        loaded = real_load(pk, version)
        Commitment.objects.filter(pk=pk).update(version=version + 1)
        return loaded

    monkeypatch.setattr(services, "_load", load_then_someone_else_saves)
    with pytest.raises(services.ConflictError):
        services.accept_commitment(c.pk, c.version, user=clerk)
    c.refresh_from_db()
    assert c.status == Status.PROPOSED
    assert not StatusChange.objects.exists()


def test_it_bulk_accepts_all_or_nothing(clerk):
    a, b, c = (CommitmentFactory(status=Status.PROPOSED) for _ in range(3))
    Commitment.objects.filter(pk=c.pk).update(version=5)  # changed by someone else meanwhile
    with pytest.raises(services.ConflictError) as exc:
        services.bulk_accept([(a.pk, 1), (b.pk, 1), (c.pk, 1)], user=clerk)
    assert exc.value.commitment_ids == [c.pk]
    assert set(Commitment.objects.values_list("status", flat=True)) == {Status.PROPOSED}
    assert not StatusChange.objects.exists()
    accepted = services.bulk_accept([(a.pk, 1), (b.pk, 1), (c.pk, 5)], user=clerk)
    assert len(accepted) == 3
    assert set(Commitment.objects.values_list("status", flat=True)) == {Status.OPEN}


def test_it_edits_quote_deliverable_phrase_and_motions(clerk):
    doc = DocumentFactory(date=dt.date(2026, 5, 20))
    passage = PassageFactory(
        document=doc, text="Daarnaast informeer ik uw Kamer voor het eind van dit jaar over de evaluatie."
    )
    c = CommitmentFactory(document=doc, passage=passage, status=Status.PROPOSED, quote=passage.text,
                          deadline_phrase="", due_date=None)
    edit = services.CommitmentEdit(
        quote="informeer ik uw Kamer voor het eind van dit jaar over de evaluatie",
        deliverable="uitkomst EMB-evaluatie",
        deadline_phrase="voor het eind van dit jaar",
        motion_keys=("31497-507",),
    )
    services.edit_commitment(c.pk, c.version, edit, user=clerk)
    c.refresh_from_db()
    assert c.quote.startswith("informeer ik")
    assert c.deliverable == "uitkomst EMB-evaluatie"
    assert c.due_date == dt.date(2026, 12, 31)  # re-resolved against the letter date, not today
    assert c.deadline_kind == "year_end" and not c.due_overridden
    assert [m.key for m in c.motions.all()] == ["31497-507"]
    assert c.version == 2
    change = DeadlineChange.objects.get(commitment=c)
    assert change.is_postponement is False and change.new_due_date == dt.date(2026, 12, 31)


def test_it_refuses_a_quote_that_is_not_in_the_letter(clerk):
    passage = PassageFactory(text="Ik stuur de Kamer voor de zomer een brief.")
    c = CommitmentFactory(document=passage.document, passage=passage, quote=passage.text)
    edit = services.CommitmentEdit(quote="Iets heel anders.", deliverable="", deadline_phrase=c.deadline_phrase)
    with pytest.raises(ValidationError) as exc:
        services.edit_commitment(c.pk, c.version, edit, user=clerk)
    assert "quote" in exc.value.error_dict
    c.refresh_from_db()
    assert c.version == 1


def test_it_sets_a_manual_due_date_and_the_overdue_flag_follows(clerk):
    c = CommitmentFactory(status=Status.OPEN, due_date=dt.date(2099, 1, 1))
    edit = services.CommitmentEdit(quote=c.quote, deliverable="", deadline_phrase=c.deadline_phrase,
                                   due_date=dt.date(2025, 1, 31))
    services.edit_commitment(c.pk, c.version, edit, user=clerk)
    c.refresh_from_db()
    assert c.due_date == dt.date(2025, 1, 31) and c.due_overridden and c.rule == "handmatig"
    assert c.overdue_since == today()


def test_it_parses_motion_keys_as_clerks_type_them():
    assert services.parse_motion_keys("31497-507, Kamerstuk 31 839, nr. 1050; 36410-VIII-125") == [
        "31497-507", "36410-VIII-125", "31839-1050",
    ]
