"""Issue 14 on the public pages: plain-Dutch deadlines, motions, search, errors, language, digests."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core import mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from commitments import services
from commitments.models import Follow, OverdueEvent, Status
from commitments.overdue import flag_overdue
from readers.digest import send_digests

from .factories import CommitmentFactory, DocumentFactory, MotionFactory, PassageFactory, ReferenceFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _dutch_afterwards():
    """A request in English leaves English active in this thread; the next test file expects Dutch."""
    yield
    from django.utils import translation

    translation.activate("nl")


def days(n: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=n)


# --- deadlines in plain Dutch (item 8) ----------------------------------------------------------


def test_a_postponed_deadline_reads_as_a_sentence_without_rule_codes(client, django_user_model):
    letter = DocumentFactory(date=dt.date(2023, 3, 1))
    later = DocumentFactory(date=dt.date(2026, 11, 12), dossier=letter.dossier, ondernummer=520)
    c = CommitmentFactory(
        document=letter, deadline_phrase="in de tweede helft van 2023", deadline_kind="half_year",
        due_date=dt.date(2023, 12, 31), rule="half_year:second", deliverable="verwachten dat het wetsvoorstel",
    )
    clerk = django_user_model.objects.create(username="clerk")
    services.postpone(c.pk, c.version, user=clerk, new_due_date=dt.date(2027, 3, 31), letter=later)
    html = client.get(c.get_absolute_url()).content.decode()
    assert (
        "Oorspronkelijk ‘in de tweede helft van 2023’ (31 december 2023); uitgesteld naar 31 maart 2027 "
        f"bij brief van 12 november 2026 ({later.kamerstuk_label})" in html.replace("&#x27;", "'")
    )
    assert "Regel" not in html and "half_year" not in html
    assert "Wat wordt geleverd" not in html  # a fragment is left out


@pytest.mark.parametrize(
    "deliverable, shown",
    [
        ("verwachten dat het wetsvoorstel", ""),
        ("informatie over de laatste stand van zaken van de wachtlijsten en of", ""),
        ("Dit zal wet", ""),
        ("het wetsvoorstel", "Het wetsvoorstel"),
        ("informatie over de uitkomsten van de evaluatie", "Informatie over de uitkomsten van de evaluatie"),
        ("", ""),
    ],
)
def test_the_deliverable_is_a_noun_phrase_or_left_out(deliverable, shown):
    from web.deadlines import deliverable_text

    assert deliverable_text(CommitmentFactory.build(deliverable=deliverable)) == shown


# --- motions (item 9) ---------------------------------------------------------------------------


def test_the_motion_list_is_sorted_by_number_newest_first_with_open_and_late_counts(client):
    old = MotionFactory(key="31497-409", name="motie Kwint en Westerveld", ondernummer=409)
    new = MotionFactory(key="31497-507", name="motie Westerveld", ondernummer=507)
    CommitmentFactory(motions=[new], due_date=days(-3))
    CommitmentFactory(motions=[new], due_date=days(30))
    CommitmentFactory(motions=[new], due_date=days(-9), status=Status.PROPOSED)  # not counted
    r = client.get(reverse("web:motion_list"))
    motions = list(r.context["page"].object_list)
    assert [m.key for m in motions] == [new.key, old.key]
    assert (motions[0].n_open, motions[0].n_late) == (2, 1)
    assert (motions[1].n_open, motions[1].n_late) == (0, 0)
    html = r.content.decode()
    assert "2 openstaande toezeggingen" in html and "1 te laat" in html


def test_a_motion_page_shows_what_the_motion_asks_and_only_accepted_commitments(client):
    motion = MotionFactory(key="31497-507", name="motie Westerveld", submitters=["Westerveld"])
    vso = DocumentFactory(date=dt.date(2026, 5, 20))
    passage = PassageFactory(
        document=vso,
        text="Dank voor de vraag. De motie Westerveld verzoekt de regering om beleidsopties te verkennen voor "
             "landelijke aanmelding. Deze verkenning loopt.",
    )
    ReferenceFactory(document=vso, passage=passage, key=motion.key)
    CommitmentFactory(motions=[motion], quote="Geaccepteerde belofte", due_date=days(-2))
    CommitmentFactory(motions=[motion], quote="Ongetoetst voorstel", due_date=days(-2), status=Status.PROPOSED)
    html = client.get(motion.get_absolute_url()).content.decode()
    assert "De motie Westerveld verzoekt de regering om beleidsopties te verkennen voor landelijke aanmelding." in html
    assert "Deze verkenning loopt" not in html.split("Wat de motie vraagt")[1].split("</blockquote>")[0]
    assert "Indieners" in html and "Westerveld" in html
    assert "Geaccepteerde belofte" in html and "Ongetoetst voorstel" not in html
    assert "Daarnaast 1 voorstel dat de griffie nog niet heeft beoordeeld" in html
    feed = client.get(reverse("web:motion_feed", args=[motion.key])).content.decode()
    assert "Geaccepteerde belofte" in feed and "Ongetoetst voorstel" not in feed


def test_a_search_for_a_named_motion_shows_the_commitments_of_the_motions_found(client):
    motion = MotionFactory(key="31497-507", name="motie Westerveld", submitters=["Westerveld"])
    CommitmentFactory(motions=[motion], quote="Informatie over EMB-bekostiging volgt", due_date=days(10))
    r = client.get(reverse("web:search"), {"q": "motie Westerveld"})
    html = r.content.decode()
    assert "Informatie over EMB-bekostiging volgt" in html
    assert "Geen toezeggingen gevonden" not in html


@pytest.mark.parametrize("q", ["TK 31497-507", "31.497-507", "tk 31 497-507"])
def test_tk_and_dotted_citations_go_to_the_motion(client, q):
    MotionFactory(key="31497-507", name="motie Westerveld")
    r = client.get(reverse("web:search"), {"q": q})
    assert r.status_code == 302 and r["Location"] == "/moties/31497-507/"


# --- digests follow the publication rule (item 1) -----------------------------------------------


def test_a_digest_tells_followers_only_what_the_griffie_accepted(django_user_model, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    reader = django_user_model.objects.create(username="volger", email="volger@example.org")
    motion = MotionFactory(key="31497-507")
    Follow.objects.create(user=reader, motion=motion)
    accepted = CommitmentFactory(motions=[motion], quote="Geaccepteerd en te laat", due_date=days(-2))
    proposed = CommitmentFactory(motions=[motion], quote="Voorstel en te laat", due_date=days(-2),
                                 status=Status.PROPOSED)
    flag_overdue()
    assert send_digests() == 1
    assert "Geaccepteerd en te laat" in mail.outbox[0].body and "Voorstel en te laat" not in mail.outbox[0].body
    # Accepted later, the waiting event goes out then.
    services.accept_commitment(proposed.pk, proposed.version, user=None)
    assert send_digests() == 1 and "Voorstel en te laat" in mail.outbox[1].body
    assert not OverdueEvent.objects.filter(fanned_out_at__isnull=True).exists()
    assert accepted.pk != proposed.pk


# --- errors and the run command's settings (item 6) ---------------------------------------------


def _run_command_env(tmp_path: Path) -> dict[str, str]:
    """The environment scripts/run.sh gives the web server (DEBUG=0 and a generated secret)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL")}
    env.update(
        DEBUG="0", SECRET_KEY="x" * 50, ALLOWED_HOSTS="localhost,127.0.0.1,[::1]",
        SESSION_COOKIE_SECURE="0", CSRF_COOKIE_SECURE="0", STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}", CELERY_BROKER_URL="memory://",
    )
    return env


def test_the_run_command_serves_a_friendly_dutch_404_and_static_files(tmp_path):
    from conftest import free_port

    env = _run_command_env(tmp_path)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    port = free_port()
    proc = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                urllib.request.urlopen(base + "/static/css/app.css", timeout=1)
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(base + "/bestaat-niet/", timeout=5)
        assert info.value.code == 404
        body = info.value.read().decode()
        assert "Pagina niet gevonden" in body and "Naar het dashboard" in body
        assert "URLconf" not in body and "Using the URLconf" not in body and "DEBUG = True" not in body
        css = urllib.request.urlopen(base + "/static/css/app.css", timeout=5)
        assert css.status == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_the_500_page_is_friendly_dutch_without_a_request():
    html = render_to_string("500.html")
    assert "Er ging iets mis" in html and "Traceback" not in html


def test_the_demo_clerk_and_the_contracts_work_outside_debug_and_with_no_env(tmp_path):
    env = _run_command_env(tmp_path)
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    out = subprocess.run([*manage, "create_griffie_user"], cwd=ROOT, env={**env, "GRIFFIE_PASSWORD": "griffie-demo"},
                         capture_output=True, text=True, check=True).stdout
    assert "griffie" in out
    # extract_commitments from a plain shell: no DEBUG, SECRET_KEY or DATABASE_URL set.
    plain = {k: v for k, v in os.environ.items()
             if k not in ("DEBUG", "SECRET_KEY", "DATABASE_URL", "CACHE_URL", "CELERY_BROKER_URL")}
    corpus = ROOT / "fixtures" / "corpus" / "002_0a29cf3916a2a4d9.txt"
    r = subprocess.run([*manage, "extract_commitments", str(corpus), "--date", "2026-05-20", "--format", "json"],
                       cwd=ROOT, env=plain, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    assert '"commitments"' in r.stdout


# --- language (item 11) -------------------------------------------------------------------------


def test_the_language_choice_is_kept_for_a_year(client):
    r = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = r.cookies["django_language"]
    assert cookie.value == "en" and int(cookie["max-age"]) >= 365 * 24 * 60 * 60


def test_english_pages_show_english_dates_and_the_new_strings_translated(client):
    CommitmentFactory(quote="Eerste belofte", due_date=dt.date(2019, 10, 1))
    CommitmentFactory(quote="Voorstel", due_date=dt.date(2019, 10, 1), status=Status.PROPOSED)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("web:commitment_list"), {"voorstellen": "1"}).content.decode()
    assert "1 Oct 2019" in html
    assert "Not reviewed" in html and "Also show unreviewed proposals" in html
    dash = client.get("/").content.decode()
    assert "1 proposal has not been reviewed yet" in dash
