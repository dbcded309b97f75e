"""/api/docs/ in Debian's chromium: Swagger UI renders the schema from local assets, within the site's
Content-Security-Policy (no inline script or style, no CDN)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_renders_every_endpoint_without_a_csp_violation(live_server, page):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=20000)
    paths = set(page.locator(".opblock-summary-path").all_inner_texts())
    assert {"/api/v1/commitments/", "/api/v1/commitments/{id}/", "/api/v1/motions/{key}/"} <= {p.strip() for p in paths}
    assert not [p for p in problems if "Content Security Policy" in p or "Refused" in p], problems
    assert all(url.startswith(live_server.url) for url in requests), requests  # nothing from a CDN
