"""Search through the stored ``search_vector`` columns (documents/migrations/0005).

PostgreSQL keeps the columns up to date itself; SQLite (the embedded run) has no such
columns and must still migrate and search with ``icontains``.
"""

import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from web import search as text_search

from .factories import CommitmentFactory, DocumentFactory

pytestmark = pytest.mark.django_db

URL = reverse("web:search")


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL")


def stored_vector(table: str, pk: int) -> str:
    with connection.cursor() as cur:
        cur.execute(f"SELECT search_vector::text FROM {table} WHERE id = %s", [pk])
        return cur.fetchone()[0]


def test_the_columns_are_generated_on_insert_and_update():
    needs_postgresql()
    c = CommitmentFactory(quote="De toezeggingen worden nagekomen.")
    assert "'toezegg'" in stored_vector("commitments_commitment", c.pk)
    c.quote = "Iets over woningbouw."
    c.save()
    vector = stored_vector("commitments_commitment", c.pk)
    assert "woningbouw" in vector and "toezegg" not in vector
    d = DocumentFactory(subject="Evaluatie Jeugdwet", text="Over pleegzorg.")
    vector = stored_vector("documents_document", d.pk)
    assert "jeugdwet" in vector and "pleegzorg" in vector


def test_a_stemmed_dutch_word_is_found_through_the_stored_vector(client):
    needs_postgresql()
    doc = DocumentFactory(subject="Brief", text="De gemeenten bouwen woningen.")
    CommitmentFactory(document=doc, quote="Wij sturen de evaluatie van de toezeggingen voor de zomer.")
    CommitmentFactory(document=doc, quote="Iets anders.")
    r = client.get(URL, {"q": "toezegging zomers"})
    assert [c.quote[:8] for c in r.context["r"].commitments] == ["Wij stur"]
    assert [d.pk for d in client.get(URL, {"q": "woning gemeente"}).context["r"].documents] == [doc.pk]
    # The list's q filter takes the same path.
    r = client.get(reverse("web:commitment_list"), {"q": "toezegging"})
    assert [c.quote[:8] for c in r.context["page"].object_list] == ["Wij stur"]


def test_the_query_reads_the_column_not_the_expression():
    needs_postgresql()
    from commitments.models import Commitment
    from documents.models import Document

    sql = str(text_search.text_search_commitments(Commitment.objects.all(), "zomer").query)
    assert '"commitments_commitment"."search_vector" @@' in sql
    assert "to_tsvector" not in sql
    sql = str(text_search.text_search_documents(Document.objects.all(), "zomer").query)
    assert '"documents_document"."search_vector" @@' in sql


def test_sqlite_still_migrates_and_searches(tmp_path):
    """The embedded run: no generated columns, icontains instead."""
    script = textwrap.dedent(
        """
        import django
        django.setup()
        from django.test.utils import setup_test_environment
        setup_test_environment()
        from django.core.management import call_command
        call_command("migrate", verbosity=0)
        from django.db import connection
        assert connection.vendor == "sqlite"
        with connection.cursor() as cur:
            cols = [c.name for c in connection.introspection.get_table_description(cur, "commitments_commitment")]
        assert "search_vector" not in cols, cols
        from web.tests.factories import CommitmentFactory
        CommitmentFactory(quote="Wij sturen de evaluatie voor de zomer.")
        CommitmentFactory(quote="Iets anders.")
        from django.test import Client
        r = Client().get("/zoeken/", {"q": "evaluatie zomer"})
        assert r.status_code == 200, r.status_code
        assert [c.quote[:8] for c in r.context["r"].commitments] == ["Wij stur"], r.context["r"].commitments
        print("ok")
        """
    )
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path}/embedded.db",
        "CACHE_URL": "locmemcache://",
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
        "ALLOWED_HOSTS": "testserver",
        "STATICFILES_BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage",
    }
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stdout.strip().endswith("ok")


def test_motions_by_name_can_use_the_trigram_indexes():
    """documents/migrations/0006 indexes exactly the expressions Django's icontains compiles to."""
    needs_postgresql()
    from django.db.models import Q

    from commitments.models import Motion

    from .factories import MotionFactory

    MotionFactory(name="Westerveld", submitters="Westerveld (GL-PvdA)")
    qs = Motion.objects.filter(Q(name__icontains="westerv") | Q(submitters__icontains="westerv") | Q(names_seen__icontains="westerv"))
    with connection.cursor() as cur:
        cur.execute("SET LOCAL enable_seqscan = off")
        cur.execute("SET LOCAL enable_indexscan = off")
        plan = qs.explain()
    for index in ("web_motion_name_trgm", "web_motion_submitters_trgm", "web_motion_names_seen_trgm"):
        assert index in plan, plan
    assert [m.name for m in qs] == ["Westerveld"]
