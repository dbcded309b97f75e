import pytest
from django.urls import reverse

from .factories import CommitmentFactory

pytestmark = pytest.mark.django_db


def test_it_speaks_dutch_by_default(client):
    html = client.get("/").content.decode()
    assert '<html lang="nl">' in html
    assert "te laat" in html and "Toezeggingen" in html


def test_it_switches_to_english(client):
    CommitmentFactory()
    r = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert r.status_code == 302
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "overdue" in html
    assert "Commitments" in html
    html = client.get(reverse("web:commitment_list")).content.decode()
    assert "Download CSV" in html and "Filter" in html


def test_it_stays_dutch_for_a_browser_set_to_english(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html


def test_it_keeps_the_chosen_language_over_the_browser_language(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"}, HTTP_ACCEPT_LANGUAGE="nl")
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="nl-NL,nl;q=0.9").content.decode()
    assert '<html lang="en">' in html


def test_the_memo_follows_the_chosen_language(client):
    CommitmentFactory(quote="De evaluatie volgt", due_date=None, deadline_phrase="")
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    text = client.get(reverse("web:commitment_list"), {"format": "memo"}).content.decode()
    assert text.startswith("Commitments to the House of Representatives, as of ")
    assert "Selection: all commitments" in text and "1 commitment\n" in text
    assert "Deadline: no deadline given" in text
    assert "“De evaluatie volgt”" in text  # the quote stays as written
