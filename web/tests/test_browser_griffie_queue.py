"""End to end in Debian's chromium (issue 14): a clerk opens the review queue of one letter,
accepts a proposal and undoes that acceptance; the history keeps both."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from commitments.models import Status, StatusChange

from .griffie_factories import PASSWORD, ClerkFactory, CommitmentFactory, DocumentFactory, PassageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENS = Path(os.environ.get("SCREENS_DIR", "/tmp/screens"))


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_it_accepts_a_proposal_in_the_queue_of_one_letter_and_undoes_it(live_server, page):
    clerk = ClerkFactory()
    letter = DocumentFactory(date=dt.date(2026, 5, 20), kamerstuk="31497-512", source_name="002_0a29cf3916a2a4d9.txt",
                             subject="Verslag Schriftelijk Overleg over de Verbeteraanpak Zorg in Onderwijstijd")
    other = DocumentFactory(date=dt.date(2024, 5, 10), subject="Passend onderwijs: blijven bouwen aan de basis")
    quotes = [
        "Ik informeer uw Kamer voor het eind van dit jaar over de uitkomst van de EMB-evaluatie.",
        "Het wetsvoorstel Reikwijdte Jeugdwet stuur ik eind dit jaar naar uw Kamer.",
        "Vóór de zomer van 2026 informeer ik uw Kamer over de uitvoering van de motie Westerveld.",
    ]
    items = [
        CommitmentFactory(document=letter, status=Status.PROPOSED, quote=q,
                          passage=PassageFactory(document=letter, index=i, text=q))
        for i, q in enumerate(quotes)
    ]
    CommitmentFactory(document=other, status=Status.PROPOSED, quote="Een toezegging uit een andere brief.")
    base = live_server.url

    page.goto(base + "/griffie/")
    page.wait_for_url("**/accounts/login/?next=/griffie/")
    page.get_by_label("Gebruikersnaam").fill(clerk.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_url("**/griffie/")

    # The queue of one letter, by its title.
    page.locator(f'a[href="?brief={letter.pk}"]').first.click()
    page.wait_for_url(f"**/griffie/?brief={letter.pk}")
    assert page.locator("article.review-item").count() == 3
    assert page.get_by_text("Een toezegging uit een andere brief.").count() == 0
    assert page.get_by_text("002_0a29cf3916a2a4d9").count() == 0
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "review_queue_letter.png"), full_page=True)

    # Accept the second proposal; the clerk stays on this letter.
    target = items[1]
    page.locator(f"#toezegging-{target.pk}").get_by_role("button", name="Accepteren").click()
    page.get_by_text("Toezegging geaccepteerd.").wait_for()
    assert f"brief={letter.pk}" in page.url
    assert page.locator(f"#toezegging-{target.pk}").count() == 0
    target.refresh_from_db()
    assert target.status == Status.OPEN

    # Undo it from the "just reviewed" box: it is back in the queue.
    page.locator(f"#ongedaan-{target.pk}").get_by_role("button", name="Ongedaan maken").click()
    page.get_by_text("Beslissing teruggedraaid.").wait_for()
    page.locator(f"#toezegging-{target.pk}").wait_for()
    target.refresh_from_db()
    assert target.status == Status.PROPOSED
    assert [(s.old_status, s.new_status) for s in StatusChange.objects.filter(commitment=target).order_by("id")] == [
        ("voorgesteld", "openstaand"), ("openstaand", "voorgesteld")]
