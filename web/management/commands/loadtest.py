"""A bounded load test of the public pages against a local server (127.0.0.1 only).

    python manage.py loadtest --start-gunicorn               # starts gunicorn on a free loopback port
    python manage.py loadtest --url http://127.0.0.1:8000    # an already running local server

Each scenario sends a fixed number of requests from ``--clients`` concurrent clients
(threads, one keep-alive connection each) and stops by itself; it prints p50, p95 and
max latency per page, measured at the client (queueing included), and the goal.
URLs are drawn from the database the command is pointed at (motion keys, ministries).
"""

from __future__ import annotations

import http.client
import os
import random
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote_plus, urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from commitments.models import Motion
from web import selectors

LOOPBACK = {"127.0.0.1", "localhost", "::1"}

#: p95 goals in milliseconds (issue 7).
GOALS = {"dashboard": 200, "list": 200, "motion": 50, "search": 150}

SEARCH_TERMS = [
    "jeugdzorg", "evaluatie jeugdwet", "wetsvoorstel reikwijdte", "stikstof", "woningbouw gemeenten",
    "lerarentekort", "netcongestie", "pleegzorg", "gaswinning Groningen", "motie Westerveld",
    "Kamerstuk 31 497, nr. 507", "dijkversterking", "huurtoeslag", "wachtlijsten ggz",
]


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def pct(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] * 1000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Bounded load test of dashboard, list, motion page and search against a local server."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="Base URL of a running local server (127.0.0.1 only).")
        parser.add_argument("--start-gunicorn", action="store_true", help="Start gunicorn on a free loopback port.")
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
        parser.add_argument("--clients", type=int, default=20)
        parser.add_argument("--requests", type=int, default=400, help="Requests per scenario.")
        parser.add_argument("--warmup", type=int, default=40, help="Unmeasured requests per scenario first.")
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args, **opts):
        rng = random.Random(opts["seed"])
        server = None
        url = opts["url"]
        if opts["start_gunicorn"]:
            server, url = self.start_gunicorn(opts["workers"])
        if not url:
            raise CommandError("Give --url http://127.0.0.1:PORT or --start-gunicorn.")
        parts = urlsplit(url)
        if parts.hostname not in LOOPBACK:
            raise CommandError("loadtest only runs against the local machine (127.0.0.1).")
        try:
            scenarios = self.scenarios(rng)
            self.stdout.write(
                f"{url}: {opts['clients']} clients, {opts['requests']} requests per scenario "
                f"(+{opts['warmup']} warm-up)"
            )
            self.stdout.write(f"{'page':<10} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'goal':>6}")
            for name, paths in scenarios.items():
                self.run(parts.hostname, parts.port or 80, name, paths, rng, opts["clients"], opts["warmup"])
                result = self.run(parts.hostname, parts.port or 80, name, paths, rng, opts["clients"], opts["requests"])
                goal = GOALS[name]
                p95 = result.pct(95)
                verdict = "ok" if p95 <= goal else "SLOW"
                self.stdout.write(
                    f"{name:<10} {len(result.latencies):>5} {result.errors:>4} {result.pct(50):>8.1f} "
                    f"{p95:>8.1f} {max(result.latencies) * 1000 if result.latencies else 0:>8.1f} "
                    f"{goal:>5} {verdict}  {dict(sorted(result.statuses.items()))}"
                )
        finally:
            if server:
                server.terminate()
                server.wait(timeout=20)

    def scenarios(self, rng: random.Random) -> dict[str, list[str]]:
        keys = list(Motion.objects.order_by("?").values_list("key", flat=True)[:500])
        ministries = selectors.filter_options("ministry") or [""]
        fracties = selectors.filter_options("fractie") or [""]
        if not keys:
            raise CommandError("No motions in the database; run seed_synthetic first.")
        dashboard = ["/"] + [f"/?ministry={quote_plus(m)}" for m in ministries] + [f"/?fractie={quote_plus(f)}" for f in fracties[:5]]
        lists = []
        for m in ministries:
            lists += [
                f"/toezeggingen/?te_laat=1&ministry={quote_plus(m)}",
                f"/toezeggingen/?status=open&ministry={quote_plus(m)}&sort=-termijn",
                f"/toezeggingen/?te_laat=1&ministry={quote_plus(m)}&page=3",
            ]
        lists += ["/toezeggingen/", "/toezeggingen/?te_laat=1", f"/toezeggingen/?fractie={quote_plus(fracties[0])}&status=open"]
        return {
            "dashboard": dashboard,
            "list": lists,
            "motion": [f"/moties/{k}/" for k in keys],
            "search": [f"/zoeken/?q={quote_plus(t)}" for t in SEARCH_TERMS],
        }

    def run(self, host, port, name, paths, rng, clients, total) -> Result:
        result = Result(name)
        lock = threading.Lock()
        todo = [rng.choice(paths) for _ in range(total)]

        def client():
            conn = http.client.HTTPConnection(host, port, timeout=60)
            while True:
                with lock:
                    if not todo:
                        break
                    path = todo.pop()
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"Accept-Language": "nl"})
                    resp = conn.getresponse()
                    resp.read()
                    elapsed = time.perf_counter() - t0
                    with lock:
                        result.latencies.append(elapsed)
                        result.statuses[resp.status] = result.statuses.get(resp.status, 0) + 1
                        if resp.status >= 400 and resp.status != 404:
                            result.errors += 1
                except (OSError, http.client.HTTPException):
                    with lock:
                        result.errors += 1
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=60)
            conn.close()

        threads = [threading.Thread(target=client) for _ in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return result

    def start_gunicorn(self, workers: int):
        port = free_port()
        env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
        env.setdefault("SECRET_KEY", "loadtest-only-secret")
        env.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
        cmd = [
            sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--log-level", "warning",
        ]
        proc = subprocess.Popen(cmd, cwd=Path(settings.BASE_DIR), env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    self.stdout.write(f"gunicorn: {workers} workers on 127.0.0.1:{port}")
                    return proc, f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.3)
        proc.terminate()
        raise CommandError("gunicorn did not start")

