"""A bounded load test of the public pages against a local server (127.0.0.1 only).

    python manage.py loadtest --start-gunicorn               # starts gunicorn on a free loopback port
    python manage.py loadtest --url http://127.0.0.1:8000    # an already running local server

Each scenario sends a fixed number of requests from ``--clients`` concurrent clients
(threads, one keep-alive connection each) and stops by itself; it prints p50, p95 and
max latency per page, measured at the client (queueing included), the goal, and the
request rate reached.

``--think S`` gives each client a pause between its requests (exponentially distributed,
mean S seconds), as a person reading a page: 20 clients with ``--think 1`` offer about
20 requests/s. Without it (the default) every client sends its next request the moment
the previous one is answered: a saturation test, where on a small machine the latency
is mostly the queue (p95 ~ clients x CPU time per request / cores).

URLs are drawn from pools built from the database the command is pointed at: hundreds
of filter combinations, thousands of motion keys, hundreds of search terms. ``--mix``
says how requests pick from a pool:

* ``zipf`` (default): popularity follows a Zipf law (``--zipf`` exponent, ranks shuffled
  by ``--seed``): popular pages repeat (cache hits), the long tail does not (misses);
* ``unique``: every request a URL not requested before in the run: the cold-cache path;
* ``fixed``: the original small fixed set of URLs, drawn uniformly.

The server's ``X-Page-Cache`` header (hit/miss/bypass, web/cache.py) is counted: the
output gives the hit ratio and p95 of hits and misses separately. The run starts with a
new data generation (an empty page cache); ``--bump-every S`` starts a new one every S
seconds during the run, as a clerk's write would (this process must then share the
server's cache: the same CACHE_URL).
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
from web.cache import HEADER, bump_generation
from web.management.commands.seed_synthetic import WORDS

LOOPBACK = {"127.0.0.1", "localhost", "::1"}

#: p95 goals in milliseconds (issue 7).
GOALS = {"dashboard": 200, "list": 200, "motion": 50, "search": 150, "api": 150}

SEARCH_TERMS = [
    "jeugdzorg", "evaluatie jeugdwet", "wetsvoorstel reikwijdte", "stikstof", "woningbouw gemeenten",
    "lerarentekort", "netcongestie", "pleegzorg", "gaswinning Groningen", "motie Westerveld",
    "Kamerstuk 31 497, nr. 507", "dijkversterking", "huurtoeslag", "wachtlijsten ggz",
]


def percentile(latencies: list[float], p: float) -> float:
    """The p-th percentile in milliseconds (nearest rank), NaN for no samples."""
    if not latencies:
        return float("nan")
    xs = sorted(latencies)
    return xs[min(len(xs) - 1, round(p / 100 * (len(xs) - 1)))] * 1000


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    #: latencies by the server's X-Page-Cache header ("hit", "miss", "bypass", "-").
    by_cache: dict[str, list[float]] = field(default_factory=dict)
    #: wall-clock seconds the scenario took.
    elapsed: float = 0.0

    @property
    def rate(self) -> float:
        """Requests answered per second."""
        return len(self.latencies) / self.elapsed if self.elapsed else float("nan")

    def pct(self, p: float) -> float:
        return percentile(self.latencies, p)

    @property
    def hit_ratio(self) -> float:
        hits = len(self.by_cache.get("hit", []))
        return hits / len(self.latencies) if self.latencies else float("nan")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Command(BaseCommand):
    help = "Bounded load test of dashboard, list, motion page, search and the JSON API against a local server."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="", help="Base URL of a running local server (127.0.0.1 only).")
        parser.add_argument("--start-gunicorn", action="store_true", help="Start gunicorn on a free loopback port.")
        parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
        parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker (gthread if > 1).")
        parser.add_argument("--clients", type=int, default=20)
        parser.add_argument("--requests", type=int, default=400, help="Requests per scenario.")
        parser.add_argument("--warmup", type=int, default=40, help="Unmeasured requests per scenario first.")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--mix", choices=["zipf", "unique", "fixed"], default="zipf")
        parser.add_argument("--zipf", type=float, default=1.0, help="Zipf exponent of URL popularity (--mix zipf).")
        parser.add_argument("--bump-every", type=float, default=0.0,
                            help="Seconds between simulated writes (new data generation); 0: none.")
        parser.add_argument("--only", "--pages", default="",
                            help="Comma-separated scenarios to run: dashboard, list, motion, search, api (default: all).")
        parser.add_argument("--think", type=float, default=0.0,
                            help="Mean pause in seconds between a client's requests (exponential); 0: none.")

    def handle(self, *args, **opts):
        rng = random.Random(opts["seed"])
        server = None
        url = opts["url"]
        if opts["start_gunicorn"]:
            server, url = self.start_gunicorn(opts["workers"], opts["threads"])
        if not url:
            raise CommandError("Give --url http://127.0.0.1:PORT or --start-gunicorn.")
        parts = urlsplit(url)
        if parts.hostname not in LOOPBACK:
            raise CommandError("loadtest only runs against the local machine (127.0.0.1).")
        stop = threading.Event()
        bumper = None
        try:
            pools = self.scenarios(rng) if opts["mix"] == "fixed" else self.pools(rng)
            only = {n.strip() for n in opts["only"].split(",") if n.strip()}
            self.stdout.write(
                f"{url}: {opts['clients']} clients, {opts['requests']} requests per scenario "
                f"(+{opts['warmup']} warm-up), mix={opts['mix']}"
                + (f" zipf={opts['zipf']}" if opts["mix"] == "zipf" else "")
                + (f", new generation every {opts['bump_every']}s" if opts["bump_every"] else "")
                + (f", think time {opts['think']}s" if opts["think"] else ", no think time")
                + "; URLs per pool: " + ", ".join(f"{k} {len(v)}" for k, v in pools.items())
            )
            bump_generation()  # start with an empty page cache
            if opts["bump_every"]:
                bumper = threading.Thread(target=self.bump_loop, args=(stop, opts["bump_every"]), daemon=True)
                bumper.start()
            self.stdout.write(
                f"{'page':<10} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'goal':>6}       "
                f"{'hits':>5} {'p95 hit':>8} {'misses':>6} {'p95 miss':>8} {'req/s':>6}"
            )
            for name, pool in pools.items():
                if only and name not in only:
                    continue
                draw = self.drawer(pool, opts["mix"], opts["zipf"], rng)
                self.run(parts.hostname, parts.port or 80, name, draw, opts["clients"], opts["warmup"], opts["think"], rng)
                result = self.run(
                    parts.hostname, parts.port or 80, name, draw, opts["clients"], opts["requests"], opts["think"], rng
                )
                goal = GOALS[name]
                p95 = result.pct(95)
                verdict = "ok" if p95 <= goal else "SLOW"
                hits, misses = result.by_cache.get("hit", []), result.by_cache.get("miss", [])
                self.stdout.write(
                    f"{name:<10} {len(result.latencies):>5} {result.errors:>4} {result.pct(50):>8.1f} "
                    f"{p95:>8.1f} {max(result.latencies) * 1000 if result.latencies else 0:>8.1f} "
                    f"{goal:>5} {verdict:<4}  {result.hit_ratio:>5.0%} {percentile(hits, 95):>8.1f} "
                    f"{len(misses):>6} {percentile(misses, 95):>8.1f} {result.rate:>6.0f}  "
                    f"{dict(sorted(result.statuses.items()))}"
                )
        finally:
            stop.set()
            if bumper:
                bumper.join(timeout=5)
            if server:
                server.terminate()
                server.wait(timeout=20)

    def bump_loop(self, stop: threading.Event, every: float) -> None:
        while not stop.wait(every):
            bump_generation()

    def drawer(self, pool: list[str], mix: str, exponent: float, rng: random.Random):
        """A function returning the next path: Zipf-popular, never repeating, or uniform."""
        if mix == "unique":
            # Each URL once; when the pool runs out, again with an ignored parameter that
            # makes it a new URL (and a new cache key).
            order = pool[:]
            rng.shuffle(order)
            state = {"i": 0}

            def draw() -> str:
                n, i = divmod(state["i"], len(order))
                state["i"] += 1
                path = order[i]
                return path if n == 0 else f"{path}{'&' if '?' in path else '?'}pass={n}"

            return draw
        if mix == "fixed":
            return lambda: rng.choice(pool)
        ranked = pool[:]
        rng.shuffle(ranked)
        weights = [1 / (rank + 1) ** exponent for rank in range(len(ranked))]
        return lambda: rng.choices(ranked, weights)[0]

    def pools(self, rng: random.Random) -> dict[str, list[str]]:
        """Many distinct URLs per page, so that a realistic share of requests misses the cache."""
        keys = list(Motion.objects.order_by("?").values_list("key", flat=True)[:3000])
        if not keys:
            raise CommandError("No motions in the database; run seed_synthetic first.")
        ministries = selectors.filter_options("ministry") or [""]
        fracties = selectors.filter_options("fractie") or [""]
        committees = selectors.filter_options("committee") or [""]
        q = quote_plus
        dashboard = ["/"]
        dashboard += [f"/?ministry={q(m)}" for m in ministries]
        dashboard += [f"/?fractie={q(f)}" for f in fracties]
        dashboard += [f"/?committee={q(c)}" for c in committees]
        dashboard += [f"/?ministry={q(m)}&fractie={q(f)}" for m in ministries for f in fracties]
        lists = []
        statuses = ["te_laat=1", "status=open", "status=openstaand", "status=voorgesteld", "status=voldaan"]
        sorts = ["", "&sort=-termijn", "&sort=brief", "&sort=-brief", "&sort=ministerie"]
        for st in statuses:
            for srt in sorts:
                for page in ("", "&page=2", "&page=5"):
                    lists.append(f"/toezeggingen/?{st}{srt}{page}")
                    for m in ministries:
                        lists.append(f"/toezeggingen/?{st}&ministry={q(m)}{srt}{page}")
                for f in fracties:
                    lists.append(f"/toezeggingen/?{st}&fractie={q(f)}{srt}")
        for year in (2025, 2026, 2027):
            for half in ("01-01", "07-01"):
                end = "06-30" if half == "01-01" else "12-31"
                for m in ministries:
                    lists.append(f"/toezeggingen/?status=open&ministry={q(m)}&due_after={year}-{half}&due_before={year}-{end}")
        lists += ["/toezeggingen/", "/toezeggingen/?page=2"]
        words = sorted({w for w in WORDS if len(w) >= 5 and w[0].islower()})
        terms = SEARCH_TERMS + words + [f"{a} {b}" for a, b in zip(words, words[7:] + words[:7])]
        terms += [f"{a} {b}" for a, b in zip(words, words[31:] + words[:31])]
        terms += [f"{a} {b}" for a, b in zip(words, words[53:] + words[:53])]
        return {
            "dashboard": dashboard,
            "list": lists,
            "motion": [f"/moties/{k}/" for k in keys],
            "search": [f"/zoeken/?q={q(t)}" for t in dict.fromkeys(terms)],
            "api": self.api_pool(keys, ministries, fracties),
        }

    def api_pool(self, keys: list[str], ministries: list[str], fracties: list[str]) -> list[str]:
        """/api/v1/commitments/ with the list page's filters (issue 12: p95 goal 150 ms)."""
        q = quote_plus
        api = ["/api/v1/commitments/"]
        statuses = ["te_laat=1", "status=open", "status=openstaand", "status=voldaan", "status=deels_voldaan"]
        sorts = ["", "&sort=-termijn", "&sort=brief", "&sort=-brief", "&sort=ministerie"]
        for st in statuses:
            for srt in sorts:
                api.append(f"/api/v1/commitments/?{st}{srt}")
                api += [f"/api/v1/commitments/?{st}&ministry={q(m)}{srt}" for m in ministries]
                api += [f"/api/v1/commitments/?{st}&fractie={q(f)}{srt}" for f in fracties]
        for year in (2025, 2026, 2027):
            for m in ministries:
                api.append(f"/api/v1/commitments/?status=open&ministry={q(m)}&due_after={year}-01-01&due_before={year}-12-31")
        api += [f"/api/v1/commitments/?motion={q(k)}" for k in keys[:300]]
        api += [f"/api/v1/commitments/?te_laat=1&page_size={n}" for n in (10, 100, 200)]
        return api

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
            "api": [f"/api/v1/commitments/?te_laat=1&ministry={quote_plus(m)}" for m in ministries]
            + ["/api/v1/commitments/", "/api/v1/commitments/?status=open&sort=-termijn"],
        }

    def run(self, host, port, name, draw, clients, total, think=0.0, rng=None) -> Result:
        result = Result(name)
        lock = threading.Lock()
        todo = [draw() for _ in range(total)]
        rng = rng or random.Random(0)
        pauses = [rng.expovariate(1 / think) if think else 0.0 for _ in range(total)]

        def client():
            conn = http.client.HTTPConnection(host, port, timeout=60)
            while True:
                with lock:
                    if not todo:
                        break
                    path = todo.pop()
                    pause = pauses.pop()
                if pause:
                    time.sleep(pause)
                t0 = time.perf_counter()
                try:
                    conn.request("GET", path, headers={"Accept-Language": "nl"})
                    resp = conn.getresponse()
                    resp.read()
                    elapsed = time.perf_counter() - t0
                    with lock:
                        result.latencies.append(elapsed)
                        result.statuses[resp.status] = result.statuses.get(resp.status, 0) + 1
                        result.by_cache.setdefault(resp.getheader(HEADER, "-"), []).append(elapsed)
                        if resp.status >= 400 and resp.status != 404:
                            result.errors += 1
                except (OSError, http.client.HTTPException):
                    with lock:
                        result.errors += 1
                    conn.close()
                    conn = http.client.HTTPConnection(host, port, timeout=60)
            conn.close()

        threads = [threading.Thread(target=client) for _ in range(clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        result.elapsed = time.perf_counter() - started
        return result

    def start_gunicorn(self, workers: int, threads: int = 1):
        port = free_port()
        env = {**os.environ, "DEBUG": "0", "ALLOWED_HOSTS": "127.0.0.1,localhost"}
        env.setdefault("SECRET_KEY", "loadtest-only-secret")
        env.setdefault("STATICFILES_BACKEND", "django.contrib.staticfiles.storage.StaticFilesStorage")
        # All clients come from 127.0.0.1: the API's per-address limit would answer 429 (it still counts).
        env.setdefault("API_ANON_RATE", "100000000/min")
        cmd = [
            sys.executable, "-m", "gunicorn", "tracker.wsgi:application", "--bind", f"127.0.0.1:{port}",
            "--workers", str(workers), "--threads", str(threads), "--log-level", "warning",
        ]
        proc = subprocess.Popen(cmd, cwd=Path(settings.BASE_DIR), env=env)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    self.stdout.write(f"gunicorn: {workers} workers x {threads} threads on 127.0.0.1:{port}")
                    return proc, f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.3)
        proc.terminate()
        raise CommandError("gunicorn did not start")

