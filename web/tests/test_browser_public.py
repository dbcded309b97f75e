"""End to end in Debian's chromium: a journalist's search and a staff member's filtered CSV."""

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from django.utils import timezone

from .factories import CommitmentFactory, DocumentFactory, MotionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def test_it_takes_a_journalist_from_a_citation_to_the_motion(live_server, page):
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    CommitmentFactory(quote="Ik informeer uw Kamer vóór de zomer van 2026 over de motie.", motions=[motion], due_date=days(-10))
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox").first.fill("Kamerstuk 31 497, nr. 507")
    page.get_by_role("button", name="Zoeken").first.click()
    page.wait_for_url("**/moties/31497-507/")
    assert page.get_by_role("heading", level=1).inner_text() == "Motie Westerveld"
    assert page.get_by_text("Ik informeer uw Kamer vóór de zomer van 2026").is_visible()
    assert page.get_by_text("10 dagen te laat").is_visible()


def test_it_lets_staff_filter_the_dashboard_by_ministry_and_download_the_csv(live_server, page):
    vws = DocumentFactory(ministry="Volksgezondheid, Welzijn en Sport")
    ocw = DocumentFactory(ministry="Onderwijs, Cultuur en Wetenschap")
    CommitmentFactory(document=vws, quote="Zorgbelofte één", due_date=days(-20))
    CommitmentFactory(document=vws, quote="Zorgbelofte twee", due_date=days(-5))
    CommitmentFactory(document=ocw, quote="Onderwijsbelofte", due_date=days(-30))
    page.goto(live_server.url + "/")
    assert page.locator(".stat-late .stat-n").inner_text() == "3"
    page.get_by_label("Ministerie", exact=True).select_option("Volksgezondheid, Welzijn en Sport")
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**ministry=Volksgezondheid*")
    assert page.locator(".stat-late .stat-n").inner_text() == "2"
    assert not page.get_by_text("Onderwijsbelofte").count()
    page.get_by_role("link", name="Bekijk alle 2 te late toezeggingen in de lijst").click()
    page.wait_for_url("**/toezeggingen/?te_laat=1&ministry=*")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download CSV (Excel)").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    raw = Path(download.path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert [r["citaat"] for r in rows] == ["Zorgbelofte één", "Zorgbelofte twee"]
    assert {r["ministerie"] for r in rows} == {"Volksgezondheid, Welzijn en Sport"}
    assert rows[0]["dagen te laat"] == "20"


def test_a_visitor_sees_only_accepted_commitments_unless_asking_for_proposals(live_server, page):
    """Issue 14, the publication rule: an unreviewed proposal is no fact on the public pages."""
    from commitments.models import Status

    doc = DocumentFactory()
    CommitmentFactory(document=doc, quote="Bevestigde belofte", due_date=days(-20))
    CommitmentFactory(document=doc, quote="Ongetoetste gok van de software", due_date=days(-1433),
                      status=Status.PROPOSED)
    page.goto(live_server.url + "/")
    assert page.locator(".stat-late .stat-n").inner_text() == "1"
    assert not page.get_by_text("Ongetoetste gok").count()
    assert not page.get_by_text("1433 dagen te laat").count()
    page.get_by_role("link", name="1 voorstel is nog niet beoordeeld").click()
    page.wait_for_url("**/toezeggingen/?status=voorgesteld&voorstellen=1")
    row = page.locator("tr", has_text="Ongetoetste gok van de software")
    assert row.get_by_text("Niet beoordeeld").is_visible()
    assert not row.get_by_text("te laat").count()
    page.goto(live_server.url + "/toezeggingen/")
    assert not page.get_by_text("Ongetoetste gok").count()
    page.get_by_label("Ook niet-beoordeelde voorstellen tonen").check()
    page.get_by_role("button", name="Filteren").click()
    page.wait_for_url("**voorstellen=1*")
    assert page.locator("tr", has_text="Ongetoetste gok").get_by_text("Niet beoordeeld").is_visible()
    assert page.locator("tr", has_text="Bevestigde belofte").get_by_text("20 dagen te laat").is_visible()
