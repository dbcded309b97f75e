"""End to end in Debian's chromium: a clerk logs in, uploads a letter, accepts an extracted
commitment, marks an older one fulfilled and sees the overdue count on the dashboard drop.

The story is the corpus's own: the letter of 10 May 2024 promised a beleidsreactie on
"Druk op de keten" before the summer (due 5 July 2024); the letter of 16 December 2024
(001_…) delivered it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from commitments.models import Commitment, FulfilmentLink, Status, StatusChange
from commitments.overdue import flag_overdue
from web.models import UploadJob, UploadStatus

from .griffie_factories import (
    PASSWORD,
    ClerkFactory,
    CommitmentFactory,
    DocumentFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
LETTER = CORPUS / "001_3eec2496caf3007a.txt"  # Kamerbrief of 16 December 2024, Kamerstuk 31839-1050
SCREENS = Path(os.environ.get("SCREENS_DIR", "/tmp/screens"))


@pytest.fixture(autouse=True)
def fresh_cache():
    """The public pages cache their filter options; don't leave this test's values to the next test."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def eager_tasks():
    from tracker.celery import app

    old = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = old


def overdue_count(page, base_url: str) -> int:
    page.goto(base_url + "/")
    return int(page.locator(".stat-late .stat-n").inner_text().replace(".", ""))


def test_it_takes_a_clerk_from_upload_to_a_lower_overdue_count(live_server, page, eager_tasks, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    clerk = ClerkFactory()
    may_letter = DocumentFactory(
        date=dt.date(2024, 5, 10), kamerstuk="31497-475", subject="Passend onderwijs: blijven bouwen aan de basis"
    )
    promise = CommitmentFactory(
        document=may_letter,
        status=Status.OPEN,
        quote="Voor de zomer stuur ik uw Kamer de beleidsreactie op het onderzoek Druk op de keten.",
        deadline_phrase="voor de zomer",
        due_date=dt.date(2024, 7, 5),
    )
    flag_overdue()
    base = live_server.url

    # Log in.
    page.goto(base + "/griffie/")
    page.wait_for_url("**/accounts/login/?next=/griffie/")
    page.get_by_label("Gebruikersnaam").fill(clerk.username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_url("**/griffie/")

    # Upload the letter of 16 December 2024.
    page.get_by_role("link", name="Document uploaden").click()
    page.get_by_label("Bestand").set_input_files(str(LETTER))
    page.get_by_role("button", name="Uploaden en inlezen").click()
    # Issue 14: the file is read first; the clerk confirms what was found and fills in what was not.
    page.wait_for_url("**/griffie/upload/*/bevestigen/")
    assert page.get_by_label("Soort document").input_value() == "kamerbrief"
    page.get_by_label("Datum van de brief").fill("2024-12-16")
    page.get_by_label("Kamerstuknummer").fill("Kamerstuk 31 839, nr. 1050")
    page.get_by_role("button", name="Bevestigen en inlezen").click()
    page.wait_for_url("**/griffie/upload/*/")
    page.get_by_text("Klaar", exact=True).wait_for()
    job = UploadJob.objects.get()
    assert job.status == UploadStatus.DONE and job.commitments > 0
    letter = job.document
    assert page.get_by_text(f"{job.commitments} toezegging(en) voorgesteld").is_visible()

    before = overdue_count(page, base)
    assert before >= 1

    # Review: accept the first extracted commitment of the new letter.
    page.goto(base + job.get_absolute_url())
    page.get_by_role("link", name="Beoordeel de voorgestelde toezeggingen").click()
    page.wait_for_url("**/griffie/*")
    section = page.locator(f"#document-{letter.pk}")
    section.wait_for()
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENS / "review_queue.png"), full_page=False)
    first = section.locator("article.review-item").first
    accepted_id = int(first.get_attribute("id").removeprefix("toezegging-"))
    first.get_by_role("button", name="Accepteren").click()
    page.get_by_text("Toezegging geaccepteerd.").wait_for()
    assert Commitment.objects.get(pk=accepted_id).status == Status.OPEN
    assert page.locator(f"#toezegging-{accepted_id}").count() == 0

    # Overdue count before marking the older promise fulfilled (accepting changes no due date).
    before = overdue_count(page, base)

    # The new letter fulfils the May promise: mark it on the commitment page.
    page.goto(base + promise.get_absolute_url())
    page.get_by_text("Voldaan", exact=True).click()  # the <summary> that opens the form
    form = page.locator("#actie-voldaan")
    form.get_by_label("Bewijsstuk (brief)").fill("31839-1050")  # issue 14: typed or searched, no dropdown
    form.get_by_label("Toelichting").fill("Beleidsreactie verstuurd, 164 dagen te laat.")
    form.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENS / "commitment_actions.png"), full_page=False)
    form.get_by_role("button", name="Vastleggen: Voldaan").click()
    page.get_by_text("Vastgelegd: voldaan.").wait_for()

    promise.refresh_from_db()
    assert promise.status == Status.FULFILLED and promise.overdue_since is None
    change = StatusChange.objects.get(commitment=promise)
    assert change.user == clerk and change.evidence == letter
    assert FulfilmentLink.objects.filter(commitment=promise, document=letter, kind="voldoet").exists()

    assert overdue_count(page, base) == before - 1
