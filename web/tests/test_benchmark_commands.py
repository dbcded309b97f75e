"""The benchmark commands of issue 7: seed_synthetic fills PostgreSQL, loadtest drives a local server."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from commitments.models import Commitment, Motion
from documents.models import Document


def test_loadtest_refuses_a_server_that_is_not_local():
    with pytest.raises(CommandError, match="local machine"):
        call_command("loadtest", url="http://example.org:8000", stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_it_seeds_postgresql_and_load_tests_every_page_against_a_live_server(live_server, settings):
    if connection.vendor != "postgresql":
        pytest.skip("seed_synthetic is PostgreSQL SQL (scripts/test.sh runs PostgreSQL)")
    call_command("seed_synthetic", commitments=3000, documents=300, motions=60, dossiers=30, stdout=StringIO())
    assert Commitment.objects.count() == 3000
    assert Document.objects.count() == 300 and Motion.objects.count() == 60
    # The copied letter columns are filled, as ingest and the model would fill them.
    sample = Commitment.objects.select_related("document").order_by("?")[:50]
    assert all(c.letter_date == c.document.date and c.committee == c.document.committee for c in sample)

    settings.API_ANON_RATE = "100000/min"  # every client is 127.0.0.1
    out = StringIO()
    call_command(
        "loadtest", url=live_server.url, clients=4, requests=24, warmup=4, think=0.01, mix="unique", stdout=out
    )
    text = out.getvalue()
    assert "think time 0.01s" in text
    rows = {m[0]: m for m in re.findall(r"^(dashboard|list|motion|search|api)\s+(\d+)\s+(\d+)\s+([\d.]+)\s+([\d.]+)", text, re.M)}
    assert set(rows) == {"dashboard", "list", "motion", "search", "api"}
    for _name, n, errors, p50, p95 in rows.values():
        assert (int(n), int(errors)) == (24, 0), text
        assert 0 < float(p50) <= float(p95)
    assert "{200: 24}" in text  # every page answered 200 (the unique mix never repeats a URL)
    assert re.search(r"^api .*\{200: 24\}$", text, re.M), text  # the JSON API with the list's filters


@pytest.mark.django_db(transaction=True)
def test_benchmark_ingest_measures_documents_per_second_and_memory_and_leaves_the_database_as_it_was(tmp_path):
    import json
    import shutil
    from pathlib import Path

    src = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
    folders = []
    for prefix in ("001_", "004_"):  # two folders, each with its manifest
        folder = tmp_path / prefix
        folder.mkdir()
        manifest = [m for m in json.loads((src / "manifest.json").read_text()) if m["file"].startswith(prefix)]
        shutil.copy(src / manifest[0]["file"], folder / manifest[0]["file"])
        (folder / "manifest.json").write_text(json.dumps(manifest))
        folders.append(str(folder))
    out = StringIO()
    call_command("benchmark_ingest", corpus=folders, copies=2, workers=2, format="json", stdout=out)
    result = json.loads(out.getvalue())
    assert result["documents"] == 4 and result["documents_per_s"] > 0
    parallel = result["parallel"]  # the ingest command's way: two worker processes read and extract ahead
    assert parallel["workers"] == 2 and parallel["documents"] == 2 and parallel["documents_per_s"] > 0
    assert parallel["commitments"] * 2 == result["commitments"] and parallel["cpu_s"] > 0
    assert result["commitments"] > 0 and result["peak_rss_mb"] >= result["rss_before_mb"] > 0
    assert result["frog_rss_mb"] and result["frog_rss_mb"] > 10
    assert Document.objects.count() == 0 and Commitment.objects.count() == 0
