"""Issue 13: a letter's fulfilment suggestions on its page and in the review queue, and the one-click
decisions (voldaan / deels voldaan / uitgesteld / negeren) through the status services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from commitments.fulfilment import store_suggestions
from commitments.models import (
    Commitment,
    DeadlineChange,
    FulfilmentKind,
    FulfilmentLink,
    FulfilmentSuggestion,
    Status,
    StatusChange,
    SuggestionKind,
    SuggestionState,
)
from web.tests.factories import CommitmentFactory, DocumentFactory, PassageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db

EVALUATIE = "Ik stuur uw Kamer voor de zomer de evaluatie van de subsidieregeling brugfunctionaris."
WACHTLIJSTEN = "Wij onderzoeken de wachtlijsten in het gespecialiseerd onderwijs en informeren u hierover in het najaar."


@pytest.fixture
def story():
    """A letter of January 2026 with two promises, and a letter of June 2026 that answers them."""
    old = DocumentFactory(date=dt.date(2026, 1, 10), ondernummer=900, subject="Voortgang brugfunctionaris")
    p1 = PassageFactory(document=old, index=0, text=EVALUATIE)
    p2 = PassageFactory(document=old, index=1, text=WACHTLIJSTEN)
    fulfilled = CommitmentFactory(
        document=old, passage=p1, quote=EVALUATIE, deliverable="de evaluatie van de subsidieregeling brugfunctionaris",
        status=Status.OPEN, due_date=dt.date(2026, 7, 3),
    )
    postponed = CommitmentFactory(
        document=old, passage=p2, quote=WACHTLIJSTEN, deliverable="onderzoek naar de wachtlijsten",
        status=Status.PROPOSED, due_date=dt.date(2026, 12, 20), deadline_phrase="in het najaar",
    )
    new = DocumentFactory(date=dt.date(2026, 6, 20), ondernummer=950, subject="Evaluatie subsidieregeling brugfunctionaris")
    PassageFactory(document=new, index=0, text=(
        "Hierbij ontvangt u de evaluatie van de subsidieregeling brugfunctionaris, zoals toegezegd in mijn brief "
        "van 10 januari 2026 (Kamerstuk 31 497, nr. 900)."))
    PassageFactory(document=new, index=1, text=(
        "Het onderzoek naar de wachtlijsten in het gespecialiseerd onderwijs loopt vertraging op. "
        "Ik informeer uw Kamer in het voorjaar van 2027 over de uitkomsten van het onderzoek naar de wachtlijsten."))
    ReferenceFactory(document=new, key=old.kamerstuk, text="Kamerstuk 31 497, nr. 900")
    store_suggestions(new)
    return {"old": old, "new": new, "fulfilled": fulfilled, "postponed": postponed}


def suggestion(story, key) -> FulfilmentSuggestion:
    return FulfilmentSuggestion.objects.get(document=story["new"], commitment=story[key])


def test_the_letter_is_ranked_against_the_open_commitments(story):
    s1, s2 = suggestion(story, "fulfilled"), suggestion(story, "postponed")
    assert s1.kind == SuggestionKind.FULFILS and s1.new_due_date is None
    assert s2.kind == SuggestionKind.POSTPONES
    assert s2.new_due_date is not None and s2.new_due_date > dt.date(2026, 12, 20)
    texts = s1.evidence_texts
    assert any("31497-900" in t for t in texts)
    assert any("brief van 10 januari 2026" in t for t in texts)
    assert any("brugfunctionaris" in t for t in texts)
    # Both answered, both on top (the letter cites their letter and names each promised thing).
    assert {s1.rank, s2.rank} == {1, 2} and min(s1.score, s2.score) > 1.0


def test_public_page_shows_only_public_commitments_and_clerks_see_more(client, client_clerk, story):
    url = story["new"].get_absolute_url()
    page = Client().get(url).content.decode()
    assert "Deze brief beantwoordt mogelijk:" in page
    assert f'id="beantwoordt-{story["fulfilled"].pk}"' in page
    assert f'id="beantwoordt-{story["postponed"].pk}"' not in page  # an unreviewed proposal is not public
    assert "suggestie-" not in page  # no buttons for the public

    page = client_clerk.get(url).content.decode()
    s1, s2 = suggestion(story, "fulfilled"), suggestion(story, "postponed")
    assert f'id="suggestie-{s1.pk}"' in page and f'id="suggestie-{s2.pk}"' in page
    assert reverse("web:suggestion_action", args=[s2.pk, "uitgesteld"]) in page
    assert f'value="{s2.new_due_date.isoformat()}"' in page  # the new date, pre-filled


def test_voldaan_in_one_click_records_the_letter_as_evidence(client_clerk, clerk, story):
    c = story["fulfilled"]
    s1 = suggestion(story, "fulfilled")
    url = reverse("web:suggestion_action", args=[s1.pk, "voldaan"])
    response = client_clerk.post(url, {"version": c.version, "next": story["new"].get_absolute_url()})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.status == Status.FULFILLED and c.version == 2
    change = StatusChange.objects.get(commitment=c)
    assert (change.old_status, change.new_status, change.evidence_id, change.user_id) == (
        Status.OPEN, Status.FULFILLED, story["new"].pk, clerk.pk)
    assert FulfilmentLink.objects.filter(commitment=c, document=story["new"], kind=FulfilmentKind.FULFILS).exists()
    s1.refresh_from_db()
    assert s1.state == SuggestionState.APPLIED and s1.decided_by_id == clerk.pk
    page = Client().get(story["new"].get_absolute_url()).content.decode()
    assert "vastgelegd door de griffie" in page
    # A second click on the same suggestion changes nothing.
    client_clerk.post(url, {"version": c.version})
    assert StatusChange.objects.filter(commitment=c).count() == 1


def test_deels_voldaan_in_one_click(client_clerk, story):
    c = story["fulfilled"]
    s1 = suggestion(story, "fulfilled")
    client_clerk.post(reverse("web:suggestion_action", args=[s1.pk, "deels-voldaan"]), {"version": c.version})
    c.refresh_from_db()
    assert c.status == Status.PARTLY_FULFILLED
    assert FulfilmentLink.objects.filter(commitment=c, document=story["new"], kind=FulfilmentKind.PARTLY).exists()


def test_uitgesteld_in_one_click_with_the_new_date(client_clerk, story):
    c = story["postponed"]
    s2 = suggestion(story, "postponed")
    client_clerk.post(
        reverse("web:suggestion_action", args=[s2.pk, "uitgesteld"]),
        {"version": c.version, "new_due_date": s2.new_due_date.isoformat()},
    )
    c.refresh_from_db()
    assert c.due_date == s2.new_due_date and c.status == Status.PROPOSED
    change = DeadlineChange.objects.get(commitment=c)
    assert change.is_postponement and change.evidence_id == story["new"].pk
    assert (change.old_due_date, change.new_due_date) == (dt.date(2026, 12, 20), s2.new_due_date)
    assert FulfilmentLink.objects.filter(commitment=c, document=story["new"], kind=FulfilmentKind.POSTPONES).exists()


def test_a_stale_version_is_a_conflict_and_changes_nothing(client_clerk, story):
    c = story["fulfilled"]
    Commitment.objects.filter(pk=c.pk).update(version=5)  # another clerk saved in between
    s1 = suggestion(story, "fulfilled")
    response = client_clerk.post(
        reverse("web:suggestion_action", args=[s1.pk, "voldaan"]), {"version": 1}, follow=True
    )
    assert "intussen door een ander gewijzigd" in response.content.decode()
    c.refresh_from_db()
    assert c.status == Status.OPEN and c.version == 5
    assert not StatusChange.objects.filter(commitment=c).exists()
    assert not FulfilmentLink.objects.filter(commitment=c).exists()
    s1.refresh_from_db()
    assert s1.state == SuggestionState.OPEN


def test_postponing_without_a_date_is_refused(client_clerk, story):
    c = story["postponed"]
    s2 = suggestion(story, "postponed")
    response = client_clerk.post(
        reverse("web:suggestion_action", args=[s2.pk, "uitgesteld"]), {"version": c.version}, follow=True
    )
    assert "Geef de nieuwe datum" in response.content.decode()
    c.refresh_from_db()
    assert c.due_date == dt.date(2026, 12, 20) and not DeadlineChange.objects.filter(commitment=c).exists()


def test_a_dismissed_suggestion_stays_dismissed(client_clerk, story):
    s1 = suggestion(story, "fulfilled")
    client_clerk.post(reverse("web:suggestion_action", args=[s1.pk, "negeren"]))
    s1.refresh_from_db()
    assert s1.state == SuggestionState.DISMISSED
    assert story["fulfilled"].status == Status.OPEN
    store_suggestions(story["new"])  # ranked again (a refresh, a re-ingest): not offered again
    rows = FulfilmentSuggestion.objects.filter(document=story["new"], commitment=story["fulfilled"])
    assert [r.state for r in rows] == [SuggestionState.DISMISSED]
    assert FulfilmentSuggestion.objects.filter(
        document=story["new"], commitment=story["postponed"], state=SuggestionState.OPEN).exists()
    for page in (client_clerk.get(story["new"].get_absolute_url()), Client().get(story["new"].get_absolute_url()),
                 client_clerk.get(reverse("web:suggestions"))):
        html = page.content.decode()
        assert f'id="suggestie-{s1.pk}"' not in html and f'id="beantwoordt-{story["fulfilled"].pk}"' not in html


def test_review_queue_and_suggestions_page_show_the_letters_suggestions(client_clerk, story):
    CommitmentFactory(document=story["new"], quote="Ik zal de regeling aanpassen.", status=Status.PROPOSED)
    s1 = suggestion(story, "fulfilled")
    html = client_clerk.get(reverse("web:review_queue")).content.decode()
    assert f'id="suggestie-{s1.pk}"' in html and "Deze brief beantwoordt mogelijk" in html
    assert 'name="csrfmiddlewaretoken"' in html and reverse("web:suggestion_action", args=[s1.pk, "voldaan"]) in html
    html = client_clerk.get(reverse("web:suggestions")).content.decode()
    assert f'id="suggestie-{s1.pk}"' in html and 'id="suggestion-count"' in html


def test_only_clerks_may_decide_and_only_by_post_with_csrf(client, story, clerk):
    s1 = suggestion(story, "fulfilled")
    url = reverse("web:suggestion_action", args=[s1.pk, "voldaan"])
    assert client.post(url, {"version": 1}).status_code == 302  # to the login page
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(clerk)
    assert strict.post(url, {"version": 1}).status_code == 403
    client.force_login(clerk)
    assert client.get(url).status_code == 405
    assert client.post(reverse("web:suggestion_action", args=[s1.pk, "wissen"]), {"version": 1}).status_code == 404
    assert Commitment.objects.get(pk=story["fulfilled"].pk).status == Status.OPEN


def test_ingest_stores_the_suggestions_of_a_new_letter(tmp_path, story):
    from ingestion.pipeline import ingest_file

    letter = tmp_path / "brief.txt"
    letter.write_text(
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, 1 juli 2026\n\n"
        "Betreft: Evaluatie subsidieregeling brugfunctionaris\n\nGeachte voorzitter,\n\n"
        "Met deze brief ontvangt u de evaluatie van de subsidieregeling brugfunctionaris, zoals toegezegd in "
        "mijn brief van 10 januari 2026 (Kamerstuk 31 497, nr. 900).\n\nHoogachtend,\n\n"
        "De staatssecretaris Jeugd, Preventie en Sport,\n",
        encoding="utf-8",
    )
    result = ingest_file(letter, doc_type="kamerbrief", date=dt.date(2026, 7, 1))
    assert result.ok, result.message
    rows = FulfilmentSuggestion.objects.filter(document=result.document).order_by("rank")
    assert rows and rows[0].commitment_id == story["fulfilled"].pk
    assert rows[0].state == SuggestionState.OPEN
    # The same file again: "unchanged", and the stored suggestions are not touched (no writes).
    ids = list(rows.values_list("pk", flat=True))
    again = ingest_file(letter, doc_type="kamerbrief", date=dt.date(2026, 7, 1))
    assert again.status == "unchanged"
    assert list(FulfilmentSuggestion.objects.filter(document=result.document).order_by("rank")
                .values_list("pk", flat=True)) == ids


def test_a_suggestion_about_a_commitment_closed_since_is_not_offered(client_clerk, clerk, story):
    from commitments import services

    other = DocumentFactory(date=dt.date(2026, 6, 1), ondernummer=940)
    c = story["fulfilled"]
    services.mark_fulfilled(c.pk, c.version, user=clerk, evidence=other)
    s1 = suggestion(story, "fulfilled")
    for html in (client_clerk.get(story["new"].get_absolute_url()).content.decode(),
                 Client().get(story["new"].get_absolute_url()).content.decode(),
                 client_clerk.get(reverse("web:suggestions")).content.decode()):
        assert f'id="suggestie-{s1.pk}"' not in html and f'id="beantwoordt-{c.pk}"' not in html
