"""End to end in Debian's chromium: a clerk reads a letter, finds a promise the extractor did not propose, adds
it from the passage, and the public letter page marks it; a second try of the same promise is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from commitments.models import Commitment, ReviewDecision, Status
from commitments.tests.test_add_commitment import MISSED, stored_letter

from .griffie_factories import ClerkFactory, log_in

SCREENS = Path(os.environ.get("SCREENS_DIR", "/tmp/screens"))

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_clerk_adds_a_missed_promise_from_the_letters_page(live_server, page):
    clerk = ClerkFactory()
    letter = stored_letter()
    base = live_server.url

    log_in(page, base, clerk.username)
    page.goto(base + letter.get_absolute_url())
    passage = page.locator("#p1")
    passage.get_by_role("link", name="Gemiste toezegging in deze passage toevoegen").click()
    page.wait_for_url("**/toezegging-toevoegen/?passage=1")
    assert "We verlagen de drempel" in page.locator("blockquote.passage").inner_text()
    page.get_by_role("button", name=MISSED).click()   # a sentence of the passage, picked instead of copied
    assert page.get_by_label("Citaat").input_value() == MISSED
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / "add_commitment.png"), full_page=True)
    page.get_by_label("Toelichting").fill("Gemist bij het inlezen.")
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text("Toezegging toegevoegd en openbaar").wait_for()

    added = Commitment.objects.get()
    assert added.status == Status.OPEN and added.quote == MISSED
    assert added.review_examples.get().decision == ReviewDecision.ADDED
    assert page.url.endswith(added.get_absolute_url())

    # the same promise again: no longer offered to pick, and refused when typed, with the form kept
    page.goto(base + letter.get_absolute_url())
    page.locator("#p1").get_by_role("link", name="Gemiste toezegging in deze passage toevoegen").click()
    assert page.get_by_role("button", name=MISSED).count() == 0
    assert page.locator(".sentence.known").inner_text().startswith(MISSED)
    page.get_by_label("Citaat").fill(MISSED)
    page.get_by_role("button", name="Toevoegen").click()
    page.get_by_text(f"Deze toezegging staat al bij de brief (nr. {added.pk}).").wait_for()
    assert page.get_by_label("Citaat").input_value() == MISSED
    assert Commitment.objects.count() == 1

    # a visitor who is not logged in sees it marked in the letter
    page.context.clear_cookies()
    page.goto(base + letter.get_absolute_url())
    assert MISSED in page.locator("#p1 mark.commitment-mark").inner_text()
