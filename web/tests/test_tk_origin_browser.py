"""The pages of issue 13's connector in Debian's chromium: no WCAG A/AA violations (axe-core)."""

from __future__ import annotations

import pytest

from .griffie_factories import ClerkFactory
from .test_browser_a11y import DESKTOP, axe_violations, describe, log_in
from .test_tk_origin import register  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_register_pages_have_no_wcag_violations(live_server, page, register):  # noqa: F811
    clerk = ClerkFactory()
    base = live_server.url
    page.set_viewport_size(DESKTOP)
    paths = {
        "lijst, mondeling": "/toezeggingen/?herkomst=mondeling",
        "mondelinge toezegging": register["disputed"].get_absolute_url(),
        "debat": register["oral"].document.get_absolute_url(),
    }
    reports = []
    for name, path in paths.items():
        assert page.goto(base + path).ok
        if name.startswith("lijst"):  # the origin filter is a labelled control that keeps its value
            assert page.get_by_label("Herkomst").input_value() == "mondeling"
        if found := axe_violations(page):
            reports.append(describe(name, path, found))
    log_in(page, base, clerk.username)
    assert page.goto(base + "/griffie/kamerregister/").ok
    assert page.locator("#tk-differences").get_by_text("TZ202610-042").count() == 1
    if found := axe_violations(page):
        reports.append(describe("afwijkingen", "/griffie/kamerregister/", found))
    assert not reports, "\n".join(reports)
