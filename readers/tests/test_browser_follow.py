"""In Debian's chromium: sign up, confirm from the mail (a real SMTP server), follow a motion, see it on
/volgen/, get a digest and unsubscribe from its link."""

from __future__ import annotations

import datetime as dt

import pytest

from commitments import services
from commitments.models import Follow, Status
from readers.digest import send_digests
from web.tests.factories import CommitmentFactory, MotionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Volg-de-Kamer-2026"


def test_a_journalist_signs_up_follows_a_motion_and_unsubscribes_from_the_mail(live_server, page, smtp, settings):
    settings.SITE_URL = live_server.url
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    CommitmentFactory(motions=[motion], quote="Ik informeer uw Kamer over de motie.", due_date=dt.date(2027, 7, 3))
    proposal = CommitmentFactory(motions=[motion], status=Status.PROPOSED, due_date=dt.date(2027, 9, 1),
                                 quote="Ik stuur uw Kamer na de zomer een evaluatie.")
    base = live_server.url

    # Sign up.
    page.goto(base + "/")
    page.get_by_role("link", name="Account aanmaken").click()
    page.get_by_label("E-mailadres").fill("journalist@example.nl")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Wachtwoord nogmaals").fill(PASSWORD)
    page.get_by_role("button", name="Account aanmaken").click()
    page.get_by_role("heading", name="Bevestig uw e-mailadres").wait_for()

    # Confirm with the link from the mail.
    [mail] = smtp.wait_for(1)
    [link] = [u for u in smtp.links(mail) if "/account/bevestigen/" in u]
    page.goto(link)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Mijn account bevestigen").click()
    page.wait_for_url("**/volgen/")
    page.get_by_text("Uw account is bevestigd.").wait_for()

    # Follow the motion from its page.
    page.goto(base + motion.get_absolute_url())
    row = page.get_by_role("navigation", name="Volgen en abonneren")
    assert row.get_by_role("link", name="Atom").get_attribute("href").endswith("motion=31497-507&format=atom")
    assert row.get_by_role("link", name="Agenda").get_attribute("href").endswith("motion=31497-507&format=ics")
    assert row.get_by_role("link", name="API").get_attribute("href") == "/api/docs/"
    row.get_by_role("button", name="Volgen").click()
    page.wait_for_url("**/moties/31497-507/")
    page.get_by_text("U volgt nu motie motie Westerveld (31497-507).").wait_for()
    assert page.get_by_role("button", name="Niet meer volgen").is_visible()

    # It is on /volgen/.
    page.get_by_role("link", name="Wat ik volg").click()
    page.wait_for_url("**/volgen/")
    assert page.get_by_role("link", name="Motie motie Westerveld (31497-507)").is_visible()
    assert page.get_by_label("E-mail").first.input_value() == "dagelijks"

    # The griffie accepts the proposal: the next digest tells the journalist, with an unsubscribe link.
    services.accept_commitment(proposal.pk, proposal.version, user=None)
    assert send_digests() == 1
    digest = smtp.wait_for(2)[1]
    assert "Ik stuur uw Kamer na de zomer een evaluatie." in smtp.body(digest)
    [unsubscribe] = [u for u in smtp.links(digest) if "/volgen/afmelden/" in u]

    # Unsubscribe from the mail's link, logged out (another browser session).
    other = page.context.browser.new_context(locale="nl-NL")
    try:
        p2 = other.new_page()
        p2.goto(unsubscribe)
        p2.get_by_role("button", name="Afmelden voor alle e-mail").click()
        p2.get_by_role("heading", name="U bent afgemeld").wait_for()
    finally:
        other.close()
    follow = Follow.objects.get(user__email="journalist@example.nl")
    assert follow.frequency == "geen"
    page.goto(base + "/volgen/")
    assert page.get_by_label("E-mail").first.input_value() == "geen"
