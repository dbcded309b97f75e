"""The griffie's "Gemiste toezegging toevoegen" on a letter's page: a promise the extractor missed, added by a
clerk, public at once, counted as added by hand on the quality page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from commitments.models import Commitment, ReviewExample, Status
from commitments.tests.test_add_commitment import MISSED, stored_letter
from web.quality import extraction_quality

from .griffie_factories import UserFactory

pytestmark = pytest.mark.django_db


def add_url(letter, passage: int | None = None) -> str:
    url = reverse("web:add_commitment", args=[letter.pk])
    return url if passage is None else f"{url}?passage={passage}"


def test_only_the_griffie_may_add(client):
    letter = stored_letter()
    response = client.get(add_url(letter))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login") + "?next=")
    client.force_login(UserFactory())
    assert client.post(add_url(letter), {"quote": MISSED}).status_code == 403
    assert not Commitment.objects.exists()


def test_the_letters_page_offers_it_per_passage_to_clerks_only(client, clerk):
    letter = stored_letter()
    assert add_url(letter, 1) not in client.get(letter.get_absolute_url()).content.decode()
    client.force_login(clerk)
    page = client.get(letter.get_absolute_url()).content.decode()
    assert add_url(letter, 1) in page
    assert "Gemiste toezegging in deze passage toevoegen" in page
    Commitment.objects.create(document=letter, quote="Ik zal uw Kamer informeren.", status=Status.PROPOSED)
    assert add_url(letter) in client.get("/griffie/").content.decode()   # and on the letter in the review queue


def test_a_clerk_adds_a_missed_promise_and_the_public_sees_it(client_clerk, client):
    from django.test import Client

    letter = stored_letter()
    visitor = Client()
    assert "commitment-mark" not in visitor.get(letter.get_absolute_url()).content.decode()   # cached now
    form = client_clerk.get(add_url(letter, 1)).content.decode()
    assert "Gemiste toezegging toevoegen" in form and "We verlagen de drempel" in form   # the passage to copy from
    assert f'<span class="sentence">{MISSED}</span>' in form and "js/add_commitment.js" in form   # or to pick from
    response = client_clerk.post(add_url(letter, 1), {"quote": MISSED, "note": "gemist bij de eerste lezing"})
    added = Commitment.objects.get()
    assert response.status_code == 302 and response["Location"] == added.get_absolute_url()
    assert added.status == Status.OPEN and added.due_date is not None
    detail = client_clerk.get(added.get_absolute_url()).content.decode()
    assert "Toezegging toegevoegd en openbaar" in detail and "gemist bij de eerste lezing" in detail
    public = visitor.get(letter.get_absolute_url()).content.decode()   # the cached page is not served stale
    assert "commitment-mark" in public and MISSED in public


def test_a_quote_not_in_the_letter_is_refused_with_the_form_kept(client_clerk):
    letter = stored_letter()
    response = client_clerk.post(add_url(letter), {"quote": "Wij schaffen de regeling af.", "deadline_phrase": "in 2027"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dit citaat staat niet letterlijk in de brief." in page and "Wij schaffen de regeling af." in page
    assert not Commitment.objects.exists() and not ReviewExample.objects.exists()


def test_a_promise_already_proposed_points_to_the_queue(client_clerk):
    letter = stored_letter()
    known = Commitment.objects.create(document=letter, quote=MISSED, status=Status.PROPOSED)
    page = client_clerk.post(add_url(letter), {"quote": MISSED}).content.decode()
    assert f"Deze toezegging is al voorgesteld (nr. {known.pk})" in page
    assert Commitment.objects.count() == 1


def test_an_added_promise_counts_as_added_by_hand_not_as_a_decision(client_clerk):
    client_clerk.post(add_url(stored_letter()), {"quote": MISSED})
    total = extraction_quality().total
    assert (total.added_by_hand, total.decisions, total.accepted) == (1, 0, 0)
    assert total.recall == 0.0   # the one promise the griffie holds was not proposed


def test_the_form_speaks_english_under_en(client_clerk):
    client_clerk.post(reverse("set_language"), {"language": "en", "next": "/"})
    letter = stored_letter()
    page = client_clerk.get(add_url(letter, 1)).content.decode()
    assert "Add a missed commitment" in page and "Copy the commitment from the letter" in page
    page = client_clerk.post(add_url(letter), {"quote": "Nothing of the sort."}).content.decode()
    assert "This quote does not appear verbatim in the letter." in page
