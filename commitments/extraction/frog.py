"""Dutch linguistic analysis by Frog (https://languagemachines.github.io/frog/), Debian's ``frog``.

Frog tags every token with its lemma and a CGN part-of-speech tag that carries finiteness,
tense and number (``WW(pv,tgw,met-t)``: finite verb, present tense; ``WW(vd,vrij,zonder)``:
past participle; ``WW(inf,…)``: infinitive), and pronouns with person (``VNW(pers,pron,nomin,vol,1,mv)``:
"wij").  From that the extractor learns, per sentence, the finite verb of the main clause with
its tense, the auxiliaries and modals, the verbs as lemmas (``informeren`` for "informeer",
"geïnformeerd"), the subject position (first person, government, the Kamer, someone else) and
passives without an agent: what the regular expressions of the rulebook can only approximate.

Frog takes ~9 s to load its models, so it runs as a long-lived server (``frog -S PORT``),
started by ``scripts/run.sh``, the test command and docker-compose (service ``frog``), and
shared by the web process and the Celery worker.  One sentence is sent per request over a
persistent connection (``text\\r\\nEOT\\r\\n``, answered by tab-separated lines and ``READY``);
the sentences of one document go over ``FROG_CONNECTIONS`` connections at once (the server forks a
process per connection, so they are analysed in parallel).

There is no fallback: when Frog cannot be reached and cannot be started, :class:`FrogUnavailable`
says so and extraction stops.  A one-off ``extract_commitments`` starts a server itself when
none answers (``ensure_server``), which costs the ~9 s model load once.

No Django imports: the address comes from the ``FROG_ADDRESS`` environment variable
(``host:port``, default ``127.0.0.1:7020``), which the settings mirror.
"""

from __future__ import annotations

import os
import queue
import shutil
import socket
import subprocess
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

DEFAULT_ADDRESS = "127.0.0.1:7020"
# Tokenizer, tagger and lemmatizer only: the morphological analyser, chunker, named entities,
# multi-word units and the dependency parser cost 3-5x the time and were not worth it (docs/extraction.md).
SERVER_ARGS = ["--skip=mpacn"]
# Frog's modules run in OpenMP parallel sections whose idle threads busy-wait: on two shared cores that
# spinning was ~75% of Frog's CPU time and made each sentence 4-6x slower (perf; docs/extraction.md).
# One OpenMP thread per connection, waiting passively, gives the same tags at a fraction of the cost.
SERVER_ENV = {"OMP_NUM_THREADS": "1", "OMP_WAIT_POLICY": "PASSIVE"}
START_TIMEOUT = 90.0
IO_TIMEOUT = 60.0
INSTALL_HINT = "install it with: apt-get install frog frogdata uctodata"


class FrogUnavailable(RuntimeError):
    """Frog is not installed, not running, or stopped answering."""


@dataclass(frozen=True)
class Token:
    word: str
    lemma: str
    tag: str          # e.g. "WW(pv,tgw,met-t)"

    @property
    def pos(self) -> str:
        return self.tag.split("(", 1)[0]

    @property
    def attrs(self) -> tuple[str, ...]:
        inner = self.tag[len(self.pos) + 1:-1] if "(" in self.tag else ""
        return tuple(a for a in inner.split(",") if a)


def address() -> tuple[str, int]:
    value = os.environ.get("FROG_ADDRESS", DEFAULT_ADDRESS).strip()
    host, _, port = value.rpartition(":")
    try:
        return (host or "127.0.0.1"), int(port)
    except ValueError:
        raise FrogUnavailable(f"FROG_ADDRESS must be host:port, not {value!r}") from None


def parse_output(text: str) -> list[Token]:
    """Frog's tab-separated lines (all sentences of one request) as one token list."""
    out: list[Token] = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) >= 5 and cols[0].isdigit():
            out.append(Token(cols[1], cols[2] or cols[1].lower(), cols[4]))
    return out


def connections() -> int:
    """How many connections one extraction may use at once (``FROG_CONNECTIONS``, default 2): the
    server forks one process per connection, so two connections analyse on two cores."""
    value = os.environ.get("FROG_CONNECTIONS", "2").strip()
    try:
        n = int(value)
    except ValueError:
        raise FrogUnavailable(f"FROG_CONNECTIONS must be a whole number, not {value!r}") from None
    return max(1, min(n, 8))


class _Connection:
    """One socket to the server (the server forks a process for it); not thread-safe on its own."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self._sock: socket.socket | None = None
        self._file = None
        self.lock = threading.Lock()

    def _connect(self) -> None:
        try:
            self._sock = socket.create_connection((self.host, self.port), timeout=IO_TIMEOUT)
        except OSError as exc:
            raise FrogUnavailable(f"Frog does not answer on {self.host}:{self.port} ({exc}); start it with "
                                  f"`frog -S {self.port} {' '.join(SERVER_ARGS)}` or scripts/run.sh") from exc
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._file = self._sock.makefile("rb")

    def close(self) -> None:
        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock, self._file = None, None

    def _ask(self, text: str) -> str:
        if self._sock is None:
            self._connect()
        self._sock.sendall(text.encode("utf-8") + b"\r\nEOT\r\n")
        lines: list[bytes] = []
        while True:
            line = self._file.readline()
            if not line:
                raise ConnectionResetError("Frog closed the connection")
            if line.strip() == b"READY":
                return b"".join(lines).decode("utf-8", "replace")
            lines.append(line)

    def analyse(self, text: str) -> list[Token]:
        """One request (one sentence); reconnects once on a broken connection.  Caller holds ``lock``."""
        for attempt in (0, 1):
            try:
                return parse_output(self._ask(text))
            except OSError as exc:
                self.close()
                if attempt:
                    raise FrogUnavailable(f"Frog on {self.host}:{self.port} stopped answering ({exc})") from exc
        raise AssertionError("unreachable")


class FrogClient:
    """Persistent connections to a Frog server, with an LRU cache of analyses; thread-safe.

    Every sentence is its own request, whichever connection carries it, so the tags of a
    sentence never depend on the others (batching several sentences per request saved no CPU
    in Frog, docs/extraction.md)."""

    def __init__(self, host: str, port: int, *, cache_size: int = 20000):
        self.host, self.port = host, port
        self._conns = [_Connection(host, port)]
        self._lock = threading.Lock()      # the cache and the connection list
        self._cache: OrderedDict[str, list[Token]] = OrderedDict()
        self._cache_size = cache_size

    def close(self) -> None:
        with self._lock:
            conns = list(self._conns)
        for conn in conns:   # not under self._lock: a thread analysing holds conn.lock and wants self._lock
            with conn.lock:
                conn.close()

    def clear_cache(self) -> None:
        """Forget every analysis (benchmarks: a first sight must not be served from the cache)."""
        with self._lock:
            self._cache.clear()

    def _cached(self, text: str) -> list[Token] | None:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
            return hit

    def _remember(self, text: str, tokens: list[Token]) -> None:
        with self._lock:
            self._cache[text] = tokens
            self._cache.move_to_end(text)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def _connection(self, n: int) -> _Connection:
        with self._lock:
            while len(self._conns) <= n:
                self._conns.append(_Connection(self.host, self.port))
            return self._conns[n]

    def analyse(self, sentence: str) -> list[Token]:
        """The tokens of one sentence (cached: a letter analysed twice costs nothing the second time)."""
        text = " ".join(sentence.split())
        if not text:
            return []
        hit = self._cached(text)
        if hit is not None:
            return hit
        conn = self._connection(0)
        with conn.lock:
            tokens = conn.analyse(text)
        self._remember(text, tokens)
        return tokens

    def analyse_many(self, sentences: list[str], workers: int | None = None) -> list[list[Token]]:
        """The tokens of each sentence, as ``analyse`` gives them, the ones not cached analysed over
        up to ``workers`` connections at once (``FROG_CONNECTIONS``)."""
        texts = [" ".join(s.split()) for s in sentences]
        results: dict[str, list[Token]] = {"": []}
        todo: list[str] = []
        for text in texts:
            if text in results:
                continue
            hit = self._cached(text)
            if hit is not None:
                results[text] = hit
            else:
                results[text] = []   # placeholder: asked once even when the sentence repeats
                todo.append(text)
        workers = min(workers or connections(), len(todo))
        if workers <= 1:
            for text in todo:
                results[text] = self.analyse(text)
        else:
            errors: list[BaseException] = []

            def work(n: int) -> None:
                conn = self._connection(n)
                try:
                    with conn.lock:
                        for text in todo[n::workers]:
                            if errors:
                                return
                            tokens = conn.analyse(text)
                            results[text] = tokens
                            self._remember(text, tokens)
                except BaseException as exc:  # handed to the caller below
                    errors.append(exc)

            threads = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(1, workers)]
            for t in threads:
                t.start()
            work(0)
            for t in threads:
                t.join()
            if errors:
                raise errors[0]
        return [results[text] for text in texts]


class Prefetch:
    """Analyses asked ahead, in the background, while the caller goes on reading the letter: Frog's processes tag
    the sentences already known to need it while this one applies the rules to the next passages.  It only fills
    the client's cache, so the results are the same as without it; a failure ends its threads quietly and is
    reported by the caller's own request for the sentence (``analyse_many`` raises ``FrogUnavailable``)."""

    def __init__(self, frog: FrogClient, workers: int | None = None):
        self._client = frog
        self._queue: queue.SimpleQueue[str | None] = queue.SimpleQueue()
        self._workers = max(1, workers or connections())
        self._threads: list[threading.Thread] = []  # started with the first sentence not yet cached

    def ask(self, sentence: str) -> None:
        text = " ".join(sentence.split())
        if not text or self._client._cached(text) is not None:
            return
        if not self._threads:
            self._threads = [threading.Thread(target=self._work, args=(n,), daemon=True) for n in range(self._workers)]
            for t in self._threads:
                t.start()
        self._queue.put(text)

    def _work(self, n: int) -> None:
        try:
            conn = self._client._connection(n)
            while (text := self._queue.get()) is not None:
                if self._client._cached(text) is None:
                    with conn.lock:
                        tokens = conn.analyse(text)
                    self._client._remember(text, tokens)
        except Exception:  # reported by the caller's own request for the sentence
            return

    def finish(self) -> None:
        """Wait until every sentence asked is analysed (or the threads gave up)."""
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            t.join()


_client: FrogClient | None = None
_client_lock = threading.Lock()


_inherited: list[FrogClient] = []


def _forget_after_fork() -> None:
    """In a forked process (``ingestion.parallel``'s workers): the client and its connections are the parent's, so
    they are set aside, never used or closed here; the child connects anew on first use."""
    global _client, _client_lock
    if _client is not None:
        _inherited.append(_client)
    _client = None
    _client_lock = threading.Lock()


os.register_at_fork(after_in_child=_forget_after_fork)


def client() -> FrogClient:
    """The process's client for ``FROG_ADDRESS`` (connects on first use)."""
    global _client
    with _client_lock:
        host, port = address()
        if _client is None or (_client.host, _client.port) != (host, port):
            _client = FrogClient(host, port)
        return _client


def answers(host: str, port: int, timeout: float = 2.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


PACKAGES = ["frog", "frogdata", "uctodata"]


def installed() -> bool:
    return shutil.which("frog") is not None and os.path.isdir("/usr/share/frog/nld") and os.path.isdir("/usr/share/ucto")


def install(log=None) -> None:
    """Install Frog from Debian (as the run and test commands do), as root or through sudo.
    Raises :class:`FrogUnavailable` with apt's last words when that fails."""
    apt = shutil.which("apt-get")
    if apt is None:
        raise FrogUnavailable(f"Frog is not installed and this machine has no apt-get; {INSTALL_HINT}")
    prefix: list[str] = []
    if os.geteuid() != 0:
        if shutil.which("sudo") is None:
            raise FrogUnavailable(f"Frog is not installed and installing it needs root; {INSTALL_HINT}")
        prefix = ["sudo", "-n"]
    if log is not None:
        log(f"Frog is not installed: installing the Debian packages {' '.join(PACKAGES)} (once)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # a failed `apt-get update` (no network) may still leave cached lists good enough to install from
    subprocess.run([*prefix, apt, "update", "-qq"], capture_output=True, text=True, env=env)
    proc = subprocess.run([*prefix, apt, "install", "-y", "-qq", "--no-install-recommends", *PACKAGES],
                          capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or ["?"]
        raise FrogUnavailable(f"installing Frog failed ({tail[0]}); {INSTALL_HINT}")
    if not installed():
        raise FrogUnavailable(f"Frog is still missing after apt-get install; {INSTALL_HINT}")


def start_server(port: int, *, log_path: str | None = None) -> subprocess.Popen:
    """Start ``frog -S port`` in the background (its own process group); does not wait."""
    exe = shutil.which("frog")
    if exe is None:
        raise FrogUnavailable(f"Frog is not installed; {INSTALL_HINT}")
    log = open(log_path or os.devnull, "ab")  # noqa: SIM115 - handed to the child
    return subprocess.Popen([exe, "-S", str(port), *SERVER_ARGS], stdout=log, stderr=subprocess.STDOUT,
                            stdin=subprocess.DEVNULL, start_new_session=True, cwd=os.environ.get("TMPDIR", "/tmp"),
                            env={**os.environ, **SERVER_ENV})


def wait_until_up(host: str, port: int, proc: subprocess.Popen | None = None,
                  timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if answers(host, port, timeout=1.0):
            return
        if proc is not None and proc.poll() is not None:
            raise FrogUnavailable(f"Frog exited with status {proc.returncode} while starting "
                                  f"(is frogdata/uctodata installed? {INSTALL_HINT})")
        time.sleep(0.25)
    raise FrogUnavailable(f"Frog did not start listening on {host}:{port} within {timeout:.0f} s")


def ensure_server(log=None) -> float:
    """Make sure a Frog server answers on ``FROG_ADDRESS``; start one on that port when none does
    (local addresses only; installing Frog from Debian first when it is missing) and leave it running
    for the next call.  Returns the seconds spent (0 when one was running).  Concurrent callers wait
    for the one that starts it.  ``log``: a callable told what is happening."""
    import fcntl
    import tempfile

    host, port = address()
    if answers(host, port):
        return 0.0
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise FrogUnavailable(f"Frog does not answer on {host}:{port}")
    t0 = time.monotonic()
    lock_path = os.path.join(tempfile.gettempdir(), f"frog-{port}.lock")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # another process may be starting it right now
        if not answers(host, port):
            if not installed():
                install(log)
            proc = start_server(port, log_path=os.path.join(tempfile.gettempdir(), f"frog-{port}.log"))
            wait_until_up(host, port, proc)
    return time.monotonic() - t0


# --------------------------------------------------------------------------- features

GOV_LEMMAS = {"kabinet", "regering", "minister", "staatssecretaris", "ministerie", "rijk", "rijksoverheid",
              "overheid", "departement", "bewindspersoon", "ik", "wij", "we",
              # the ministries' executive agencies (as extractor.GOV)
              "defensie", "krijgsmacht", "ind", "rvo", "dji", "cjib", "logius", "rijkswaterstaat",
              "belastingdienst", "douane", "rijksvastgoedbedrijf", "rivm", "knmi"}
AUX_LEMMAS = {"zijn", "hebben", "worden", "zullen", "kunnen", "moeten", "mogen", "willen", "gaan", "dienen",
              "blijven", "lijken"}
MODALS = {"kunnen", "moeten", "mogen", "willen", "dienen"}
FIRST_PERSON = {"ik", "wij", "we", "mij", "ons"}


def _is_pv(t: Token) -> bool:
    return t.pos == "WW" and "pv" in t.attrs


def _np_class(toks: list[Token]) -> str | None:
    """What a stretch of tokens before/after the finite verb says about the subject."""
    for i, t in enumerate(toks):
        low = t.lemma.lower()
        if t.pos == "VNW" and "pers" in t.attrs:
            if low in FIRST_PERSON:
                return "1p"
            if "2" in t.attrs or "2v" in t.attrs or "2b" in t.attrs or low in ("u", "jij"):
                return "2p"
            if low == "het":
                continue
            return "3p_pron"
        if low == "kamer" and (i > 0 and toks[i - 1].lemma.lower() in ("uw", "de")):
            return "kamer"
        if t.pos == "N" or (t.pos == "SPEC" and "deeleigen" in t.attrs):
            if low in GOV_LEMMAS:
                return "gov"
            return "other_np"
        if low == "er" and t.pos == "VNW":
            return "er"
        if t.pos == "VNW" and "aanw" in t.attrs and "pron" in t.attrs:
            return "anaphor"
    return None


def features(tokens: list[Token]) -> dict[str, float]:
    """Linguistic features of one sentence, prefixed ``fg:``: main finite verb and tense, subject
    class, auxiliaries/modals, passive without agent, future, verb lemmas."""
    f: dict[str, float] = {}

    def on(name: str) -> None:
        f["fg:" + name] = 1.0

    if not tokens:
        on("empty")
        return f
    pvs = [i for i, t in enumerate(tokens) if _is_pv(t)]
    starts_subordinate = tokens[0].pos == "VG" and "onder" in tokens[0].attrs
    main = None
    if pvs:
        main = pvs[0]
        if starts_subordinate and len(pvs) > 1:
            # "Als …, zal ik …": the main clause's verb follows the subordinate clause
            commas = [i for i, t in enumerate(tokens) if t.word == ","]
            after = [i for i in pvs if commas and i > commas[0]]
            main = after[0] if after else pvs[1]
    verbs = [t for t in tokens if t.pos == "WW"]
    for t in verbs:
        form = t.attrs[0] if t.attrs else "?"
        on(f"verb={t.lemma.lower()}")
        if form in ("inf", "vd", "od"):
            on(f"{form}={t.lemma.lower()}")
    n_pv = len(pvs)
    on(f"n_pv={min(n_pv, 3)}")
    subject = None
    if main is not None:
        pv = tokens[main]
        lemma = pv.lemma.lower()
        tense = next((a for a in pv.attrs if a in ("tgw", "verl", "conj")), "?")
        on(f"pv={lemma}")
        on(f"tense={tense}")
        before = tokens[:main]
        if starts_subordinate:
            commas = [i for i, t in enumerate(before) if t.word == ","]
            before = before[commas[-1] + 1:] if commas else []
        subject = _np_class(before) if before and before[0].pos not in ("VZ", "BW", "VG", "TW", "LET") else None
        if subject is None:
            subject = _np_class(tokens[main + 1:main + 4])  # inversion: "In 2026 zal ik …", "Daarom gaan we …"
        rest = tokens[main + 1:]
        has_inf = any(t.pos == "WW" and t.attrs[:1] == ("inf",) for t in rest)
        has_vd = any(t.pos == "WW" and t.attrs[:1] == ("vd",) for t in rest)
        if lemma in ("zullen", "gaan") and has_inf:
            on("future")
        if lemma in MODALS:
            on(f"modal={lemma}")
        if lemma == "worden" and has_vd:
            agent = any(t.lemma.lower() == "door" for t in rest)
            on("passive" if agent else "passive_noagent")
        if lemma == "hebben" and (has_vd or (has_inf and not any(t.word.lower() == "te" for t in rest))):
            on("perfect")   # "heeft … herzien": the tagger reads some participles as infinitives
        if lemma == "zijn" and has_vd:
            on("zijn_vd")   # "is gestart" (perfect) or "is voorzien" (a state: planned): the model weighs it
        if lemma not in AUX_LEMMAS:
            on(f"lexical_{tense}")
        on(f"su={subject or 'none'}")
        on(f"su={subject or 'none'}|tense={tense}")
        if lemma in ("zullen", "gaan", "worden") or lemma in MODALS:
            on(f"su={subject or 'none'}|aux={lemma}")
        elif lemma not in AUX_LEMMAS:
            on(f"su={subject or 'none'}|lexical")
    else:
        on("no_pv")
        # the tagger reads "Wij verlagen de drempel" as pronoun + infinitive: a first-person present verb
        for i, t in enumerate(tokens[:-1]):
            if t.lemma.lower() in FIRST_PERSON and tokens[i + 1].pos == "WW":
                on("1p_verb_untagged")
                break
    for i, t in enumerate(tokens):
        if t.lemma.lower() in FIRST_PERSON and t.pos == "VNW":
            on("first_person_pron")
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.pos == "WW":
                on(f"1p_then={nxt.lemma.lower()}")
            break
    if any(t.pos == "VG" and "onder" in t.attrs for t in tokens):
        on("subordinate")
    if tokens[-1].word == "?":
        on("question")
    return f
