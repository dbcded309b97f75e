"""Issue 14, items 2 and 3: every decision can be undone with a note and the history keeps both;
evidence dated before the commitment's own letter, and impossible postponement dates, are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from commitments import services
from commitments.models import Commitment, DeadlineChange, FulfilmentLink, Status, StatusChange
from commitments.overdue import flag_overdue

from .griffie_factories import CommitmentFactory, DocumentFactory

pytestmark = pytest.mark.django_db

LETTER_DATE = dt.date(2024, 5, 10)


@pytest.fixture
def may_letter():
    return DocumentFactory(date=LETTER_DATE, kamerstuk="31497-475", subject="Passend onderwijs")


@pytest.fixture
def late(may_letter):
    """The May 2024 promise, due 5 July 2024, accepted and flagged late."""
    c = CommitmentFactory(document=may_letter, status=Status.OPEN, due_date=dt.date(2024, 7, 5),
                          deadline_phrase="voor de zomer")
    flag_overdue()
    c.refresh_from_db()
    assert c.overdue_since is not None
    return c


def history(c: Commitment) -> list[tuple[str, str, bool]]:
    return [(s.old_status, s.new_status, s.reverts_id is not None)
            for s in StatusChange.objects.filter(commitment=c).order_by("id")]


# --------------------------------------------------------------------------- undo (services)


def test_it_undoes_an_acceptance_back_to_proposed_keeping_both_rows(clerk, may_letter):
    c = CommitmentFactory(document=may_letter, status=Status.PROPOSED)
    c = services.accept_commitment(c.pk, c.version, user=clerk)
    c = services.undo_decision(c.pk, c.version, user=clerk, note="Geen toezegging, te snel geaccepteerd.")
    assert c.status == Status.PROPOSED
    assert history(c) == [("voorgesteld", "openstaand", False), ("openstaand", "voorgesteld", True)]
    undo = StatusChange.objects.filter(commitment=c).last()
    assert undo.note == "Geen toezegging, te snel geaccepteerd." and undo.user == clerk
    assert undo.reverts == StatusChange.objects.filter(commitment=c).first()


def test_it_undoes_a_rejection_back_to_proposed(clerk):
    c = CommitmentFactory(status=Status.PROPOSED)
    c = services.reject_commitment(c.pk, c.version, user=clerk)
    c = services.undo_decision(c.pk, c.version, user=clerk, note="Toch een toezegging.")
    assert c.status == Status.PROPOSED
    assert history(c) == [("voorgesteld", "afgewezen", False), ("afgewezen", "voorgesteld", True)]


def test_it_reopens_a_fulfilled_commitment_and_it_is_late_again(clerk, late):
    evidence = DocumentFactory(date=dt.date(2024, 12, 16), kamerstuk="31839-1050")
    c = services.mark_fulfilled(late.pk, late.version, user=clerk, evidence=evidence)
    assert c.overdue_since is None and FulfilmentLink.objects.filter(commitment=c).exists()
    c = services.undo_decision(c.pk, c.version, user=clerk, note="Verkeerde brief gekozen.")
    assert c.status == Status.OPEN
    assert c.overdue_since is not None  # flag_overdue(ids=[pk]) ran: the date still passed
    assert history(c) == [("openstaand", "voldaan", False), ("voldaan", "openstaand", True)]
    assert StatusChange.objects.filter(commitment=c).first().evidence == evidence  # the decision is kept
    assert not FulfilmentLink.objects.filter(commitment=c).exists()  # the letter no longer counts as fulfilling


@pytest.mark.parametrize("status", [Status.PARTLY_FULFILLED, Status.LAPSED])
def test_it_reopens_partly_fulfilled_and_lapsed(clerk, late, status):
    if status == Status.LAPSED:
        c = services.mark_lapsed(late.pk, late.version, user=clerk, note="Niet meer nodig.")
    else:
        c = services.mark_partly_fulfilled(late.pk, late.version, user=clerk, evidence=DocumentFactory())
    c = services.undo_decision(c.pk, c.version, user=clerk, note="Vergissing.")
    assert c.status == Status.OPEN


def test_it_undoes_a_postponement_restoring_the_previous_date(clerk, late):
    letter = DocumentFactory(date=dt.date(2025, 1, 10))
    new = timezone.localdate() + dt.timedelta(days=200)
    c = services.postpone(late.pk, late.version, user=clerk, new_due_date=new, letter=letter,
                          new_phrase="eind volgend jaar")
    assert c.overdue_since is None
    c = services.undo_postponement(c.pk, c.version, user=clerk, note="Uitstelbrief hoorde bij een andere toezegging.")
    assert c.due_date == dt.date(2024, 7, 5) and c.status == Status.OPEN
    assert c.overdue_since is not None
    changes = list(DeadlineChange.objects.filter(commitment=c).order_by("id"))
    assert [(d.old_due_date, d.new_due_date, d.is_postponement) for d in changes] == [
        (dt.date(2024, 7, 5), new, True), (new, dt.date(2024, 7, 5), False)]
    assert changes[1].reverts == changes[0]
    assert not FulfilmentLink.objects.filter(commitment=c, kind="stelt_uit").exists()
    with pytest.raises(ValidationError):  # nothing left to undo
        services.undo_postponement(c.pk, c.version, user=clerk)


def test_it_refuses_to_undo_a_proposal_and_stores_nothing(clerk):
    c = CommitmentFactory(status=Status.PROPOSED)
    with pytest.raises(ValidationError):
        services.undo_decision(c.pk, c.version, user=clerk)
    assert not StatusChange.objects.exists()


def test_it_refuses_an_undo_from_a_stale_page(clerk, late):
    with pytest.raises(services.ConflictError):
        services.undo_decision(late.pk, late.version + 1, user=clerk)


# --------------------------------------------------------------------------- undo (pages)


def test_it_reopens_a_fulfilled_commitment_from_its_page(client_clerk, late):
    c = services.mark_fulfilled(late.pk, late.version, user=None, evidence=DocumentFactory(date=dt.date(2024, 12, 16)))
    page = client_clerk.get(c.get_absolute_url()).content.decode()
    assert "Heropenen (terug naar openstaand)" in page
    response = client_clerk.post(reverse("web:undo_decision", args=[c.pk]),
                                 {"version": c.version, "note": "Brief voldeed niet.", "next": c.get_absolute_url()},
                                 follow=True)
    page = response.content.decode()
    assert "Beslissing teruggedraaid." in page
    c.refresh_from_db()
    assert c.status == Status.OPEN
    assert "Brief voldeed niet." in page  # the history on the public page shows the reversal


def test_it_undoes_a_postponement_from_the_commitment_page(client_clerk, late):
    new = timezone.localdate() + dt.timedelta(days=90)
    c = services.postpone(late.pk, late.version, user=None, new_due_date=new, letter=DocumentFactory())
    page = client_clerk.get(c.get_absolute_url()).content.decode()
    assert "Uitstel terugdraaien (terug naar 5 juli 2024)" in page
    client_clerk.post(reverse("web:undo_postponement", args=[c.pk]), {"version": c.version, "note": "fout"})
    c.refresh_from_db()
    assert c.due_date == dt.date(2024, 7, 5)


def test_it_offers_to_undo_an_acceptance_right_in_the_queue(client_clerk, may_letter):
    c = CommitmentFactory(document=may_letter, status=Status.PROPOSED, quote="Ik stuur u voor de zomer de brief.")
    queue = reverse("web:review_queue") + f"?brief={may_letter.pk}"
    response = client_clerk.post(reverse("web:accept_commitment", args=[c.pk]), {"version": 1, "next": queue},
                                 follow=True)
    page = response.content.decode()
    assert f'id="ongedaan-{c.pk}"' in page
    client_clerk.post(reverse("web:undo_decision", args=[c.pk]), {"version": 2, "next": queue})
    c.refresh_from_db()
    assert c.status == Status.PROPOSED
    assert f'id="toezegging-{c.pk}"' in client_clerk.get(queue).content.decode()


def test_it_lists_rejected_proposals_to_bring_them_back(client_clerk, clerk):
    c = CommitmentFactory(status=Status.PROPOSED, quote="Afgewezen zin")
    services.reject_commitment(c.pk, 1, user=clerk)
    page = client_clerk.get(reverse("web:review_queue") + "?status=afgewezen").content.decode()
    assert "Afgewezen zin" in page and "Terug naar voorgesteld" in page


# --------------------------------------------------------------------------- evidence checks


def test_it_refuses_evidence_dated_before_the_commitments_letter(client_clerk, late):
    old = DocumentFactory(date=dt.date(2019, 10, 1), kamerstuk="31497-350")
    response = client_clerk.post(reverse("web:commitment_status_action", args=[late.pk, "voldaan"]),
                                 {"voldaan-version": late.version, "voldaan-evidence": "31497-350",
                                  "voldaan-note": "mijn toelichting"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit bewijsstuk is gedateerd 01-10-2019, vóór de brief met de toezegging (10-05-2024)" in page
    assert "mijn toelichting" in page
    late.refresh_from_db()
    assert late.status == Status.OPEN and late.version == 1
    assert not StatusChange.objects.exists() and not FulfilmentLink.objects.exists()
    with pytest.raises(ValidationError):
        services.postpone(late.pk, late.version, user=None, letter=old, new_due_date=dt.date(2027, 1, 1))
    assert not DeadlineChange.objects.exists()


def test_it_says_why_in_english_too(client_clerk, late):
    DocumentFactory(date=dt.date(2019, 10, 1), kamerstuk="31497-350")
    client_clerk.cookies["django_language"] = "en"
    response = client_clerk.post(reverse("web:commitment_status_action", args=[late.pk, "voldaan"]),
                                 {"voldaan-version": late.version, "voldaan-evidence": "31497-350"},
                                 HTTP_ACCEPT_LANGUAGE="en")
    assert "is dated 01-10-2019, before the letter that made the commitment (10-05-2024)" in response.content.decode()


@pytest.mark.parametrize("date,error", [
    ("1899-01-01", "tussen 1990 en 2100"),
    ("2240-01-01", "tussen 1990 en 2100"),
])
def test_it_refuses_a_postponement_date_outside_1990_2100(client_clerk, late, date, error):
    letter = DocumentFactory(date=dt.date(2025, 1, 10))
    response = client_clerk.post(reverse("web:commitment_status_action", args=[late.pk, "uitgesteld"]), {
        "uitgesteld-version": late.version, "uitgesteld-evidence": letter.pk, "uitgesteld-new_due_date": date})
    assert response.status_code == 400 and error in response.content.decode()
    late.refresh_from_db()
    assert late.due_date == dt.date(2024, 7, 5) and not DeadlineChange.objects.exists()


def test_it_refuses_a_postponement_date_before_the_letter(clerk, may_letter):
    c = CommitmentFactory(document=may_letter, status=Status.OPEN, due_date=None)
    with pytest.raises(ValidationError, match="vóór de brief"):
        services.postpone(c.pk, c.version, user=clerk, letter=DocumentFactory(), new_due_date=dt.date(2023, 1, 1))


def test_it_picks_evidence_by_kamerstuk_number_title_or_date(client_clerk, may_letter):
    reply = DocumentFactory(date=dt.date(2024, 12, 16), kamerstuk="31839-1050", subject="Beleidsreactie Druk op de keten")
    url = reverse("web:evidence_search")
    for q in ("31839-1050", "Kamerstuk 31 839, nr. 1050", "druk keten", "16-12-2024", "2024-12-16"):
        values = [r["value"] for r in client_clerk.get(url, {"q": q}).json()["results"]]
        assert values[:1] == ["31839-1050"], q
    assert client_clerk.get(url, {"q": "31839-1050"}).json()["results"][0]["label"].startswith("16-12-2024 · ") and "Beleidsreactie" in client_clerk.get(url, {"q": "31839-1050"}).json()["results"][0]["label"]
    c = CommitmentFactory(document=may_letter, status=Status.OPEN)
    page = client_clerk.get(c.get_absolute_url()).content.decode()
    assert 'list="id_voldaan-evidence-opties"' in page and "<select" not in page.split('id="actie-voldaan"')[1][:2000]
    # Typing the number works without any script.
    client_clerk.post(reverse("web:commitment_status_action", args=[c.pk, "voldaan"]),
                      {"voldaan-version": 1, "voldaan-evidence": "Kamerstuk 31 839, nr. 1050"})
    assert StatusChange.objects.get(commitment=c).evidence == reply


def test_it_explains_an_unknown_evidence_number(client_clerk, late):
    response = client_clerk.post(reverse("web:commitment_status_action", args=[late.pk, "voldaan"]),
                                 {"voldaan-version": late.version, "voldaan-evidence": "99999-1"})
    assert response.status_code == 400
    assert "Geen document gevonden voor “99999-1”" in response.content.decode()


def test_it_no_longer_counts_an_undone_postponement(client, late):
    from web.selectors import postponements

    new = timezone.localdate() + dt.timedelta(days=90)
    c = services.postpone(late.pk, late.version, user=None, new_due_date=new, letter=DocumentFactory())
    c = services.postpone(c.pk, c.version, user=None, new_due_date=new + dt.timedelta(days=30), letter=DocumentFactory())
    c = services.undo_postponement(c.pk, c.version, user=None, note="fout")
    assert c.due_date == new
    assert postponements(Commitment.objects.prefetch_related("deadline_changes").get(pk=c.pk)) == 1


def test_it_still_deletes_a_letter_whose_commitments_have_undone_decisions(clerk):
    # ingest --replace deletes a letter with its commitments and their history.
    c = CommitmentFactory(status=Status.PROPOSED)
    c = services.accept_commitment(c.pk, c.version, user=clerk)
    c = services.undo_decision(c.pk, c.version, user=clerk)
    c.document.delete()
    assert not StatusChange.objects.exists()
