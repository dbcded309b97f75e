"""Accessibility in Debian's chromium: axe-core (WCAG 2.0/2.1 A and AA rules) on every kind of
page, and no horizontal scrolling on a phone.

The data is the corpus itself (fixtures/corpus/, read in by the ingest command), with the
griffie's usual work done on it: most proposed commitments accepted, one fulfilled, one
postponed, the overdue ones flagged; one letter's commitments are left in the review queue.

Screenshots (desktop 1280 wide and phone 390x844) go to A11Y_SHOTS_DIR (default
/tmp/a11y-shots/), outside the repository, for a person to look at.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command

from commitments.models import Commitment, Motion, Status
from commitments.overdue import flag_overdue
from commitments.services import accept_commitment, mark_fulfilled, postpone
from documents.models import Document, DocumentType

from .griffie_factories import ClerkFactory, DocumentFactory, log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
SHOTS = Path(os.environ.get("A11Y_SHOTS_DIR", "/tmp/a11y-shots"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
#: WCAG 2.1 A rules that axe still calls experimental and leaves out unless asked:
#: 2.5.3 Label in Name (an aria-label must contain the visible text of a link or button).
EXPERIMENTAL_RULES = ["label-content-name-mismatch"]
PHONE = {"width": 390, "height": 844}
NARROW = {"width": 320, "height": 640}  # WCAG 1.4.10 Reflow: 320 CSS pixels wide without sideways scrolling
DESKTOP = {"width": 1280, "height": 900}


@dataclass
class Site:
    clerk: object
    public: dict[str, str]  # name -> path, for anonymous visitors
    griffie: dict[str, str]  # name -> path, for a logged-in clerk


@pytest.fixture
def site() -> Site:
    call_command("ingest", str(CORPUS), stdout=io.StringIO())
    clerk = ClerkFactory()
    vso = Document.objects.get(source_name="002_0a29cf3916a2a4d9.txt")  # VSO of 20 May 2026, motie Westerveld
    letter = Document.objects.get(source_name="001_3eec2496caf3007a.txt")  # Kamerbrief 31839-1050
    queue_letter = Document.objects.get(source_name="003_3dae4a2d5cfb7524.txt")  # stays in the review queue
    assert vso.type == DocumentType.VSO and letter.kamerstuk == "31839-1050"

    for c in Commitment.objects.filter(status=Status.PROPOSED).exclude(document=queue_letter).order_by("pk"):
        accept_commitment(c.pk, c.version, user=clerk)
    assert Commitment.objects.filter(document=queue_letter, status=Status.PROPOSED).exists()

    # A commitment of the VSO about the motion, with a history: postponed once, then fulfilled.
    about_motion = Commitment.objects.filter(document=vso, motions__key="31497-507").order_by("pk")
    shown = about_motion.first() or Commitment.objects.filter(document=vso).order_by("pk").first()
    # Evidence is never older than the promise (issue 14): the uitstelbrief comes after the VSO.
    uitstelbrief = DocumentFactory(date=dt.date(2026, 6, 30), kamerstuk="31497-520", subject="Uitstel informatie motie")
    postpone(shown.pk, shown.version, user=clerk, new_due_date=(shown.due_date or dt.date(2026, 7, 3))
             + dt.timedelta(days=90), letter=uitstelbrief, new_phrase="na de zomer", note="Uitstelbrief.")
    shown.refresh_from_db()
    fulfilled = Commitment.objects.filter(document=letter, status=Status.OPEN).order_by("pk").first()
    mark_fulfilled(fulfilled.pk, fulfilled.version, user=clerk, evidence=vso, note="Geleverd in het VSO.")
    flag_overdue()

    open_one = Commitment.objects.filter(status=Status.OPEN).exclude(pk=shown.pk).order_by("pk").first()
    motion = Motion.objects.filter(key="31497-507").first() or Motion.objects.order_by("key").first()
    dossier = letter.dossier or vso.dossier
    assert motion is not None and dossier is not None
    public = {
        "dashboard": "/",
        "lijst (gefilterd)": "/toezeggingen/?status=open&q=zomer&sort=-brief",
        "toezegging": shown.get_absolute_url(),
        "vso": vso.get_absolute_url(),
        "brief": letter.get_absolute_url(),
        "motie": motion.get_absolute_url(),
        "moties": "/moties/",
        "dossier": dossier.get_absolute_url(),
        "zoeken": "/zoeken/?q=jeugd",
        "inloggen": "/accounts/login/",
    }
    griffie = {
        "te beoordelen": "/griffie/",
        "toezegging (griffie)": open_one.get_absolute_url(),
        "status vastleggen": f"/griffie/toezeggingen/{open_one.pk}/status/voldaan/",
        "bewerken": f"/griffie/toezeggingen/{open_one.pk}/bewerken/",
        "uploaden": "/griffie/upload/",
        "kwaliteit": "/griffie/kwaliteit/",
        "toezegging toevoegen": f"/griffie/documenten/{letter.pk}/toezegging-toevoegen/?passage=1",
        "brief (griffie)": letter.get_absolute_url(),
    }
    return Site(clerk, public, griffie)


def axe_violations(page) -> list[dict]:
    from axe_playwright_python.sync_playwright import Axe

    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "rules": {rule: {"enabled": True} for rule in EXPERIMENTAL_RULES},
        "resultTypes": ["violations"],
    }
    return Axe().run(page, options=options).response["violations"]


def describe(name: str, path: str, violations: list[dict]) -> str:
    lines = [f"{name} ({path}):"]
    for v in violations:
        lines.append(f"  {v['id']} [{v['impact']}] {v['help']} — {len(v['nodes'])} element(s)")
        for node in v["nodes"][:5]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def open_all_details(page) -> None:
    """Closed <details> hide their forms from axe; open them so the forms are checked too."""
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")


def test_pages_have_no_wcag_a_or_aa_violations(live_server, page, site):
    base = live_server.url
    page.set_viewport_size(DESKTOP)
    reports = []

    def check(name: str, path: str) -> None:
        response = page.goto(base + path)
        assert response is not None and response.ok, f"{name}: {path} gave {response and response.status}"
        open_all_details(page)
        found = axe_violations(page)
        if found:
            reports.append(describe(name, path, found))

    for name, path in site.public.items():
        check(name, path)

    # The login form after a wrong password: error messages and invalid fields.
    page.goto(base + "/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(site.clerk.username)
    page.get_by_label("Wachtwoord").fill("fout")
    page.get_by_role("button", name="Inloggen").last.click()
    page.wait_for_load_state()
    found = axe_violations(page)
    if found:
        reports.append(describe("inloggen (fout wachtwoord)", "/accounts/login/", found))

    log_in(page, base, site.clerk.username)
    for name, path in site.griffie.items():
        check(name, path)

    # The upload form sent empty: field errors tied to their fields.
    page.goto(base + site.griffie["uploaden"])
    page.get_by_role("button", name="Uploaden en inlezen").click()
    page.wait_for_load_state()
    assert page.locator(".field-error").count()
    found = axe_violations(page)
    if found:
        reports.append(describe("uploaden (leeg verstuurd)", site.griffie["uploaden"], found))

    assert not reports, "axe found WCAG 2.1 A/AA violations:\n\n" + "\n\n".join(reports)


def test_dutch_source_text_keeps_lang_nl_in_the_english_interface(live_server, page, site):
    """WCAG 3.1.2 Language of Parts: in English the quotes and letters stay Dutch, and say so."""
    base = live_server.url
    page.goto(base + "/")
    page.get_by_role("button", name="English").click()
    page.wait_for_function("document.documentElement.lang === 'en'")
    checks = [
        ("dashboard", "/", ["a.quote-link", ".phrase"]),
        ("toezegging", site.public["toezegging"], [".the-quote", ".passage"]),
        ("vso", site.public["vso"], [".lead", ".passage-question > p:not(.passage-label)", ".commitment-mark"]),
    ]
    wrong = []
    for name, path, selectors in checks:
        page.goto(base + path)
        assert page.evaluate("document.documentElement.lang") == "en"
        for selector in selectors:
            langs = page.locator(selector).evaluate_all("els => els.map(e => e.closest('[lang]').lang)")
            if not langs or set(langs) != {"nl"}:
                wrong.append(f"{name} {selector}: {sorted(set(langs)) or 'not found'}")
        found = axe_violations(page)
        if found:
            wrong.append(describe(f"{name} (English)", path, found))
    assert not wrong, "\n".join(wrong)


OVERFLOW_JS = """() => {
  // How wide the page is, and (when too wide) the elements that stick out on the right or whose
  // text overflows them, outside any scrolling or clipping box (a wide table may scroll in its box).
  const vw = window.innerWidth;
  const root = document.documentElement;
  const wide = [];
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const clipped = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  if (root.scrollWidth > vw + 1) {
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const sticksOut = r.width && r.right > vw + 1;
      const textOverflows = getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1
        && el.clientWidth > 0 && r.left + el.scrollWidth > vw + 1;
      if ((sticksOut || textOverflows) && !clipped(el)) wide.push(name(el) + ' right=' + Math.round(r.left + Math.max(r.width, el.scrollWidth)));
    }
  }
  return {scrollWidth: root.scrollWidth, innerWidth: vw, wide: wide.slice(0, 8)};
}"""


def test_no_page_scrolls_sideways_on_a_phone_and_screenshots(live_server, page, site):
    base = live_server.url
    SHOTS.mkdir(parents=True, exist_ok=True)
    shots = {"dashboard": "dashboard", "motie": "motion", "te beoordelen": "review_queue"}
    problems = []

    def visit(name: str, path: str) -> None:
        for size in (NARROW, PHONE):  # the phone last: its screenshot follows
            page.set_viewport_size(size)
            page.goto(base + path)
            open_all_details(page)
            m = page.evaluate(OVERFLOW_JS)
            if m["scrollWidth"] > m["innerWidth"] + 1:
                problems.append(f"{name} ({path}) at {size['width']}px: scrollWidth {m['scrollWidth']} > "
                                f"{m['innerWidth']}; too wide: {', '.join(m['wide']) or '(text overflowing its box)'}")
        if name in shots:
            page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")
            page.screenshot(path=str(SHOTS / f"{shots[name]}_phone.png"), full_page=True)
            page.set_viewport_size(DESKTOP)
            page.goto(base + path)
            page.screenshot(path=str(SHOTS / f"{shots[name]}_desktop.png"), full_page=True)

    for name, path in site.public.items():
        visit(name, path)
    log_in(page, base, site.clerk.username)
    for name, path in site.griffie.items():
        visit(name, path)

    assert not problems, "pages scroll horizontally on a phone:\n" + "\n".join(problems)
