"""The foundation: real PostgreSQL, a real worker on real Redis, complete migrations, the calendar seed."""

from __future__ import annotations

import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_it_runs_on_postgresql():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cur:
        cur.execute("select to_tsvector('dutch', 'toezeggingen')")
        assert cur.fetchone()[0] == "'toezegg':1"


@pytest.mark.worker
def test_it_runs_a_task_on_a_real_worker_through_redis(celery_worker_factory):
    from tracker.celery import app, ping

    assert app.conf.broker_url.startswith("redis://")
    worker = celery_worker_factory().start()
    result = ping.delay()
    assert result.get(timeout=30) == "pong"
    assert "tracker.ping" in worker.output()


@pytest.mark.django_db
def test_it_has_complete_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def conventions_recess_rows() -> list[tuple[int, str, str, bool]]:
    text = (ROOT / "docs" / "deadline-conventions.md").read_text()
    rows = re.findall(r"^\| (\d{4}) \| (\d{4}-\d\d-\d\d) \| (\d{4}-\d\d-\d\d) \| (\w+)", text, re.M)
    return [(int(y), s, e, v == "verified") for y, s, e, v in rows]


@pytest.mark.django_db
def test_it_seeds_every_recess_row_of_the_conventions():
    from commitments.models import CalendarEntry

    rows = conventions_recess_rows()
    assert len(rows) >= 9
    stored = {
        (e.year, e.start.isoformat(), e.end.isoformat(), e.verified)
        for e in CalendarEntry.objects.filter(kind="zomerreces")
    }
    assert set(rows) <= stored


@pytest.mark.django_db
def test_it_seeds_prinsjesdag_on_the_third_tuesday():
    from commitments.models import CalendarEntry

    assert CalendarEntry.objects.get(kind="prinsjesdag", year=2025).start.isoformat() == "2025-09-16"
    assert CalendarEntry.objects.get(kind="prinsjesdag", year=2026).start.isoformat() == "2026-09-15"


def test_it_passes_the_deploy_checks_with_production_settings():
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "k9#Qv2!pL7zR4@wX8mN1&bT6^yH3*eJ5(uC0)sD-gF=aZ+oI_lK", "DEBUG": "0", "ALLOWED_HOSTS": "tracker.example.org",
           "SECURE_SSL_REDIRECT": "1", "SECURE_HSTS_SECONDS": "31536000",
           "DATABASE_URL": "postgres://u:p@db:5432/tracker", "CELERY_BROKER_URL": "redis://redis:6379/0"}
    proc = subprocess.run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
                          cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_it_refuses_to_start_without_a_secret_in_production():
    env = {"PATH": "/usr/bin:/bin", "DEBUG": "0"}
    proc = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr


def test_it_describes_production_in_docker_compose():
    import yaml

    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = spec["services"]
    assert {"db", "redis", "migrate", "web", "worker", "beat"} <= set(services)
    assert "postgres" in services["db"]["image"] and "redis" in services["redis"]["image"]
    assert "gunicorn" in " ".join(services["web"]["command"])
    assert "worker" in services["worker"]["command"] and "beat" in services["beat"]["command"]
    assert "migrate" in " ".join(services["migrate"]["command"])
    for name in ("web", "worker", "beat"):
        deps = services[name]["depends_on"]
        assert deps["migrate"]["condition"] == "service_completed_successfully"
        assert deps["db"]["condition"] == "service_healthy"
    for name in ("db", "redis", "web"):
        assert "healthcheck" in services[name]
    assert "pgdata" in spec["volumes"]
    example = (ROOT / ".env.example").read_text()
    for var in ("SECRET_KEY", "DATABASE_URL", "CELERY_BROKER_URL", "ALLOWED_HOSTS", "EMAIL_URL"):
        assert f"{var}=" in example
    # The image runs in production mode unless told otherwise (settings default DEBUG to on).
    assert "DEBUG=0" in (ROOT / "Dockerfile").read_text()


def test_the_redis_cache_reuses_one_client_per_pool(private_redis):
    """tracker/cache.py: a real Redis round trip, and no new redis.Redis object per operation."""
    from tracker.cache import RedisCache

    cache = RedisCache(private_redis.url, {})
    assert cache.get("absent") is None
    cache.set("k", {"v": 1}, 30)
    assert cache.get("k") == {"v": 1}
    client = cache._cache.get_client()
    assert cache._cache.get_client() is client
    assert cache._cache.get_client(write=True) is client  # one server: reads and writes share the pool
    cache.delete("k")
    assert cache.get("k") is None


def test_settings_use_the_reusing_redis_backend_for_a_redis_cache_url():
    from django.conf import settings

    if not settings.CACHES["default"]["LOCATION"].startswith("redis://"):
        pytest.skip("CACHE_URL is not Redis here (scripts/test.sh sets it)")
    assert settings.CACHES["default"]["BACKEND"] == "tracker.cache.RedisCache"


def test_production_runs_frog_for_the_extractor_and_the_worker_waits_for_it():
    import yaml

    spec = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = spec["services"]
    assert services["frog"]["command"][:2] == ["frog", "-S"]
    port = services["frog"]["command"][2]
    assert spec["x-app"]["environment"]["FROG_ADDRESS"] == f"frog:{port}"
    for name in ("web", "worker"):
        assert services[name]["depends_on"]["frog"]["condition"] == "service_healthy"
    assert "frog frogdata uctodata" in (ROOT / "Dockerfile").read_text()
