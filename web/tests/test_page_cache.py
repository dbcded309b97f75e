"""The shared page cache (web/cache.py): hits for anonymous repeats, never stale after a write."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone

from commitments import services
from commitments.models import Commitment, Status
from commitments.overdue import FlagResult, flag_overdue
from ingestion.pipeline import ingest_file
from web import cache as page_cache

from .factories import CommitmentFactory, DocumentFactory, MotionFactory
from .griffie_factories import PASSWORD, ClerkFactory

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


def overdue_count(html: str) -> int:
    m = re.search(r'stat-late"><a [^>]*><span class="stat-n">([\d.,]+)</span>', html)
    assert m, "no overdue count on the dashboard"
    return int(m.group(1).replace(".", "").replace(",", ""))


@pytest.fixture
def late():
    doc = DocumentFactory(ministry="VWS")
    CommitmentFactory(document=doc, quote="Nog een te late belofte", due_date=days(-5))
    return CommitmentFactory(document=doc, quote="Te late belofte over jeugdzorg", due_date=days(-20))


def get(client: Client, url: str):
    r = client.get(url)
    assert r.status_code == 200
    return r, r.content.decode()


def test_a_repeat_is_a_hit_with_the_same_page(client, late):
    first, html1 = get(client, "/")
    second, html2 = get(client, "/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    strip = lambda h: re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", h)  # noqa: E731
    assert strip(html1) == strip(html2)


def test_the_dashboard_follows_a_status_change_at_once(client, late):
    clerk = ClerkFactory()
    letter = DocumentFactory()
    _, html = get(client, "/")
    assert overdue_count(html) == 2
    assert get(client, "/")[0]["X-Page-Cache"] == "hit"
    services.mark_fulfilled(late.pk, late.version, user=clerk, evidence=letter, note="geleverd")
    r, html = get(client, "/")
    assert r["X-Page-Cache"] == "miss"
    assert overdue_count(html) == 1


def test_the_list_follows_an_edit_that_sends_no_signal(client, late):
    # edit_commitment changes the row with a queryset UPDATE only (no post_save).
    clerk = ClerkFactory()
    url = "/toezeggingen/?te_laat=1"
    assert "Te late belofte over jeugdzorg" in get(client, url)[1]
    assert get(client, url)[0]["X-Page-Cache"] == "hit"
    flag_overdue()  # so that the edit's own flag_overdue(ids=…) changes nothing
    late.refresh_from_db()
    assert late.overdue_since is not None
    url = "/toezeggingen/?te_laat=1"
    get(client, url)
    assert get(client, url)[0]["X-Page-Cache"] == "hit"
    edit = services.CommitmentEdit(quote="Een geheel nieuw citaat", deliverable=late.deliverable,
                                   deadline_phrase=late.deadline_phrase)
    services.edit_commitment(late.pk, late.version, edit, user=clerk)
    assert not late.deadline_changes.exists() and not late.status_changes.exists()
    html = get(client, url)[1]
    assert "Een geheel nieuw citaat" in html and "Te late belofte over jeugdzorg" not in html


def test_the_motion_page_follows_a_postponement(client, late):
    clerk = ClerkFactory()
    motion = MotionFactory(key="31497-507", name="motie Westerveld")
    late.motions.add(motion)
    url = motion.get_absolute_url()
    assert "20 dagen te laat" in get(client, url)[1]
    assert get(client, url)[0]["X-Page-Cache"] == "hit"
    late.refresh_from_db()
    services.postpone(late.pk, late.version, user=clerk, new_due_date=days(30), letter=DocumentFactory())
    assert "20 dagen te laat" not in get(client, url)[1]


def test_search_results_follow_an_ingest(client):
    url = "/zoeken/?q=jeugdwet"
    r, html = get(client, url)
    assert get(client, url)[0]["X-Page-Cache"] == "hit"
    assert "Geen documenten." in html
    result = ingest_file(CORPUS / "000_f3750f973495ae9b.txt", flag=False)
    assert result.status == "created"
    r, html = get(client, url)
    assert r["X-Page-Cache"] == "miss"
    assert result.document.get_absolute_url() in html


def test_flag_overdue_bumps_only_when_it_changed_rows(late):
    before = page_cache.generation()
    assert flag_overdue().newly_overdue == 2
    after = page_cache.generation()
    assert after != before
    assert flag_overdue() == FlagResult()
    assert page_cache.generation() == after


def test_the_domain_signal_bumps_now_and_again_on_commit(django_capture_on_commit_callbacks):
    """commitments announces writes through tracker.signals.data_changed; web connects bump_generation."""
    from django.db import transaction

    from tracker.signals import data_changed

    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        data_changed.send(sender="test")
        during = page_cache.generation()
        assert during != before
    assert len(callbacks) == 1  # the second bump, when the transaction commits
    assert page_cache.generation() not in (before, during)


def test_a_new_day_is_a_new_entry(client, late, monkeypatch):
    assert get(client, "/")[0]["X-Page-Cache"] == "miss"
    tomorrow = days(1)
    monkeypatch.setattr(page_cache.timezone, "localdate", lambda *a, **k: tomorrow)
    assert get(client, "/")[0]["X-Page-Cache"] == "miss"


def test_languages_are_separate_entries(late):
    nl, en = Client(), Client()
    en.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    r_nl, html_nl = get(nl, "/toezeggingen/?te_laat=1")
    r_en, html_en = get(en, "/toezeggingen/?te_laat=1")
    assert r_nl["X-Page-Cache"] == "miss" and r_en["X-Page-Cache"] == "miss"
    assert "dagen te laat" in html_nl and "days overdue" in html_en
    assert get(en, "/toezeggingen/?te_laat=1")[0]["X-Page-Cache"] == "hit"
    assert "days overdue" in get(en, "/toezeggingen/?te_laat=1")[1]
    assert "dagen te laat" in get(nl, "/toezeggingen/?te_laat=1")[1]


def test_clerks_bypass_the_cache_and_anonymous_visitors_never_see_their_page(client, late):
    clerk = ClerkFactory()
    anonymous = get(client, "/")[1]
    staff = Client()
    # django-axes' backend counts attempts per request: the test client's login() must pass one.
    assert staff.login(request=HttpRequest(), username=clerk.username, password=PASSWORD)
    r, html = get(staff, "/")
    assert r["X-Page-Cache"] == "bypass"
    assert clerk.username in html and clerk.username not in anonymous
    r, html = get(client, "/")
    assert r["X-Page-Cache"] == "hit" and clerk.username not in html


def test_each_visitor_gets_a_working_csrf_token_on_a_hit(late):
    get(Client(), "/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    r, html = get(visitor, "/")
    assert r["X-Page-Cache"] == "hit"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    assert token != "@csrf@"
    switched = visitor.post("/i18n/setlang/", {"language": "en", "next": "/", "csrfmiddlewaretoken": token})
    assert switched.status_code == 302


def test_the_csv_download_and_redirects_are_not_cached(client, late):
    csv = client.get("/toezeggingen/?te_laat=1&format=csv")
    assert csv.status_code == 200 and csv["X-Page-Cache"] == "miss"
    assert client.get("/toezeggingen/?te_laat=1&format=csv")["X-Page-Cache"] == "miss"


def test_a_deleted_commitment_disappears(client, late):
    assert "Te late belofte over jeugdzorg" in get(client, "/")[1]
    Commitment.objects.filter(pk=late.pk).get().delete()
    assert "Te late belofte over jeugdzorg" not in get(client, "/")[1]


def test_a_status_saved_through_the_model_is_seen(client, late):
    assert overdue_count(get(client, "/")[1]) == 2
    late.status = Status.LAPSED
    late.save()
    assert overdue_count(get(client, "/")[1]) == 1


def test_a_page_reads_the_generation_once_and_a_bump_still_reaches_the_next_request(client, late, monkeypatch):
    """The page key, the dashboard counts and the filter options share one read of the generation."""
    from django.core.cache import cache as shared

    reads = []
    real_get = shared.get

    def counting_get(key, *args, **kwargs):
        if key == page_cache.GEN_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(shared, "get", counting_get)
    r, _ = get(client, "/?ministry=VWS")
    assert r["X-Page-Cache"] == "miss"
    assert len(reads) == 1
    page_cache.bump_generation()
    r, _ = get(client, "/?ministry=VWS")
    assert r["X-Page-Cache"] == "miss"  # the new generation, not a memo of the old one
    assert page_cache._request_generation.get() is None  # nothing left behind after the request


class DownCache:
    """A cache backend whose server is unreachable: every operation raises."""

    def __init__(self, location, params):
        self.key_prefix, self.version = "", 1

    def close(self, **kwargs):  # closing connections that never opened does not fail
        pass

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise ConnectionError("cache server unreachable")

        return fail


@pytest.mark.parametrize(
    "url",
    ["/", "/?ministry=VWS", "/toezeggingen/?te_laat=1&sort=-brief", "/zoeken/?q=jeugdzorg", "/moties/31497-507/"],
)
def test_a_cache_that_is_down_never_breaks_a_public_page(client, late, url, settings):
    MotionFactory(key="31497-507").commitments.add(late)
    settings.CACHES = {"default": {"BACKEND": "web.tests.test_page_cache.DownCache"}}
    r = client.get(url)
    assert r.status_code == 200
    html = r.content.decode()
    assert "Te late belofte over jeugdzorg" in html or url.startswith("/zoeken")
