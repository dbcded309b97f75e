"""Issue 15, item 10: a served site refuses a known development key; the image build fails on a
failing collectstatic."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVE = "import tracker.wsgi"  # what gunicorn and runserver do before serving a request
BASE_ENV = {"PATH": "/usr/bin:/bin", "DATABASE_URL": "sqlite:////tmp/tracker-security-test.sqlite3",
            "CELERY_BROKER_URL": "redis://127.0.0.1:1/0"}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**BASE_ENV, **env},
                          capture_output=True, text=True)


def test_a_served_site_refuses_the_dev_key_when_debug_is_unset():
    proc = run_python(SERVE)
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr and "ImproperlyConfigured" in proc.stderr


@pytest.mark.parametrize("key", ["dev-only-insecure-key", "change-me-to-a-long-random-string", "build"])
def test_a_served_site_refuses_a_known_key_with_debug_off(key):
    proc = run_python(SERVE, DEBUG="0", SECRET_KEY=key)
    assert proc.returncode != 0
    assert "SECRET_KEY" in proc.stderr


def test_a_served_site_runs_on_the_dev_key_when_debug_is_explicitly_on():
    proc = run_python(SERVE, DEBUG="1")
    assert proc.returncode == 0, proc.stderr


def test_a_served_site_runs_on_a_real_key_with_debug_off():
    proc = run_python(SERVE, DEBUG="0", SECRET_KEY="k9#Qv2!pL7zR4@wX8mN1&bT6^yH3*eJ5(uC0)sD-gF=aZ+oI_lK")
    assert proc.returncode == 0, proc.stderr


def test_management_commands_of_a_fresh_checkout_still_work_without_any_environment():
    proc = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=BASE_ENV,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def _dockerfile_build_step() -> str:
    """The Dockerfile's RUN instruction that runs collectstatic, as one shell command."""
    joined = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    line = next(line for line in joined.splitlines() if line.startswith("RUN") and "collectstatic" in line)
    return line.split("RUN", 1)[1]


def _run_build_step(tmp_path: Path, *, failing: str = "", msgfmt: bool = False) -> int:
    """Run that step with stub ``python``/``mkdir``/``chown`` (``python`` fails for the ``failing`` command)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    stubs = {"python": f'case "$*" in *{failing or "no-such-command"}*) exit 1;; esac; exit 0',
             "mkdir": "exit 0", "chown": "exit 0"}
    if msgfmt:
        stubs["msgfmt"] = "exit 0"
    for name, body in stubs.items():
        (bin_dir / name).write_text(f"#!/bin/sh\n{body}\n")
        (bin_dir / name).chmod(0o755)
    proc = subprocess.run(["/bin/sh", "-c", _dockerfile_build_step()], env={"PATH": str(bin_dir)},
                          capture_output=True, text=True)
    return proc.returncode


def test_the_image_build_fails_when_collectstatic_fails(tmp_path):
    assert _run_build_step(tmp_path, failing="collectstatic") != 0


def test_the_image_build_tolerates_only_the_absence_of_gettext(tmp_path):
    assert _run_build_step(tmp_path / "a") == 0  # no msgfmt: the committed .mo files are used
    assert _run_build_step(tmp_path / "b", failing="compilemessages", msgfmt=True) != 0
