"""Faults survived (issue 10; docs/security.md, "Faults").

The portal runs here as ``make serve`` runs it: granian in a process of its own, with
production settings, on a PostgreSQL database of this module's own
(``fault_<pid>_<random>``, created, migrated and dropped here) holding a minimal page
tree (the locales, the home pages, a news index and one news item). One database and
one set of collected static files serve every test of the module; each test starts
the granian it needs with its own environment:

* Redis down: ``REDIS_URL`` names a port where nothing listens; every page type
  answers, the page cache is bypassed and the rate limits let requests through.
  Then the same against the machine's Redis (database 8), where pages are cached
  and counted.
* PostgreSQL severed under load: every server connection to the database is
  terminated, as a restart does, three times while client threads load the pages.
* A worker killed: one of granian's two workers gets SIGKILL under the same load.

The load is ``CLIENTS`` threads, each sending one request at a time on a fresh
connection and recording every outcome; a client that gets an error waits
``RETRY_PAUSE`` seconds before its next request, as a person reloading would. The
tests wait for counts of answers, never for a fixed time.
"""

import contextlib
import http.client
import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.bench_serving import _free_port, _wait_for

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
POSTGRES = os.environ.get("FAULT_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
LIVE_REDIS = "redis://127.0.0.1:6379/8"
CLIENTS = 8
RETRY_PAUSE = 0.5
SEVERANCES = 3
NEWS = "/uz/news/fault-news/"
# Pages under load: each renders (no page cache) and reads the database.
LOAD_PATHS = ("/uz/", "/ru/", NEWS)
# Every kind of answer the portal gives: pages, news, search, the API, the admin.
PAGE_TYPES = (
    "/uz/",
    "/en/",
    NEWS,
    "/uz/search/?q=fault",
    "/api/v1/news/",
    "/admin/login/",
)
SEARCH_LIMIT = 3  # THROTTLE_SEARCH per minute on these servers

# A minimal page tree: the demo's locales and home pages, one news index, one news.
CONTENT = """
import io
from django.db import transaction
from django.utils import timezone
from govportal.core import demo as core
from govportal.home import demo as home
from govportal.news.models import NewsIndexPage, NewsPage

with transaction.atomic():
    core.load(stdout=io.StringIO())
    home.load(stdout=io.StringIO())
    root = home.ensure_home_page()
    index = root.add_child(
        instance=NewsIndexPage(title="Yangiliklar", slug="news", live=False)
    )
    index.save_revision().publish()
    news = index.add_child(
        instance=NewsPage(
            title="Fault news", slug="fault-news", lead="Fault lead.",
            date=timezone.now(), live=False,
        )
    )
    news.save_revision().publish()
"""

# collectstatic with Django's manifest storage: the same staticfiles.json that
# production's storage reads, without compressing every file (seconds, not a minute).
COLLECTSTATIC = """
from django.conf import settings
from django.core.management import call_command
from django.test.utils import override_settings

storages = {
    **settings.STORAGES,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
    },
}
with override_settings(STORAGES=storages):
    call_command("collectstatic", interactive=False, verbosity=0)
"""


def _admin():
    import psycopg

    return psycopg.connect(f"{POSTGRES}/postgres", autocommit=True)


def _manage(env: dict, *args: str) -> None:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, f"manage.py {args[0]}:\n{completed.stderr}"


@dataclass
class Portal:
    database: str
    env: dict
    var: Path


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A migrated PostgreSQL database with a minimal page tree, static collected."""
    database = f"fault_{os.getpid()}_{secrets.token_hex(3)}"
    var = tmp_path_factory.mktemp("fault-var")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PAGE_CACHE", "THROTTLE_", "PYTEST"))
        and key
        not in ("REDIS_URL", "DATABASE_URL", "STATIC_PUBLISH_ROOT", "STATIC_ROOT")
        and key not in ("MEDIA_ROOT", "SEARCH_ENGINE_URL", "CACHES")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="govportal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        DATABASE_URL=f"{POSTGRES}/{database}",
        VAR_DIR=str(var),
        LOG_LEVEL="CRITICAL",
        PAGE_CACHE="0",
        THROTTLE_SEARCH=f"{SEARCH_LIMIT}/minute",
        THROTTLE_API="",
        PYTHONPATH=str(ROOT),
    )
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    try:
        _manage(env, "migrate", "--no-input", "-v", "0")
        _manage(env, "shell", "-c", CONTENT)
        _manage(env, "shell", "-c", COLLECTSTATIC)
        yield Portal(database, env, var)
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


@dataclass
class Server:
    process: subprocess.Popen
    port: int

    def workers(self) -> list[int]:
        """The worker processes: the children of granian's main process."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return sorted(int(child) for child in children)


@contextlib.contextmanager
def granian(portal: Portal, workers: int, **env: str):
    """granian as ``scripts/serve`` starts it, with ``env`` over the portal's."""
    port = _free_port()
    log = (portal.var / f"granian-{port}.log").open("w")
    process = subprocess.Popen(  # noqa: S603 - our own virtualenv's granian
        [
            str(BIN / "granian"),
            *("--interface", "wsgi", "--host", "127.0.0.1", "--port", str(port)),
            *("--workers", str(workers), "--respawn-failed-workers"),
            *("--no-access-log", "govportal.wsgi:application"),
        ],
        cwd=ROOT,
        env={**portal.env, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
        # A group of its own: a worker respawned after a kill is stopped with it.
        start_new_session=True,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/uz/", timeout=180)
        yield Server(process, port)
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        # Nothing of the server may outlive the test (a respawned worker would).
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        log.close()


def fetch(port: int, path: str) -> tuple[int, dict]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


@dataclass
class Outcome:
    client: int
    started: float
    ended: float
    status: int | str  # the HTTP status, or the exception

    @property
    def ok(self) -> bool:
        return isinstance(self.status, int) and self.status < 500


@dataclass
class Load:
    """``CLIENTS`` threads loading ``LOAD_PATHS``; every answer goes to ``outcomes``."""

    port: int
    outcomes: list[Outcome] = field(default_factory=list)

    def __enter__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [
            threading.Thread(target=self._client, args=(number,), daemon=True)
            for number in range(CLIENTS)
        ]
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)

    def _client(self, number: int) -> None:
        turn = number
        while not self._stop.is_set():
            path = LOAD_PATHS[turn % len(LOAD_PATHS)]
            turn += 1
            started = time.monotonic()
            try:
                status = fetch(self.port, path)[0]
            except (OSError, http.client.HTTPException) as error:
                status = repr(error)
            outcome = Outcome(number, started, time.monotonic(), status)
            with self._lock:
                self.outcomes.append(outcome)
            if not outcome.ok:
                time.sleep(RETRY_PAUSE)

    def snapshot(self) -> list[Outcome]:
        with self._lock:
            return list(self.outcomes)

    def recovered(self, since: float, each: int = 3) -> float:
        """Wait until every client has had ``each`` answers begun after ``since``;
        return when the last client had its first one (the app has recovered)."""
        deadline = time.monotonic() + 300  # a hang guard, not a budget
        while True:
            firsts = {}
            counts = dict.fromkeys(range(CLIENTS), 0)
            for outcome in self.snapshot():
                if outcome.ok and outcome.started >= since:
                    counts[outcome.client] += 1
                    firsts.setdefault(outcome.client, outcome.ended)
            if min(counts.values()) >= each:
                return max(firsts.values())
            assert time.monotonic() < deadline, f"no recovery: {counts}"
            time.sleep(0.05)


def _describe(outcomes: list[Outcome], origin: float) -> str:
    return "\n".join(
        f"client {o.client}: {o.started - origin:+.3f}..{o.ended - origin:+.3f} s "
        f"{o.status}"
        for o in outcomes
    )


# -- Redis -------------------------------------------------------------------------


def _keys(pattern: str) -> list[bytes]:
    import redis

    return redis.Redis.from_url(LIVE_REDIS).keys(pattern)


@pytest.fixture
def live_redis():
    import redis

    client = redis.Redis.from_url(LIVE_REDIS)
    client.flushdb()
    yield client
    client.flushdb()


def test_redis_down_every_page_type_still_served(portal):
    """Nothing listens at ``REDIS_URL``: no 5xx, the page cache is bypassed (every
    page rendered, none stored) and the search's rate limit, counted in Redis,
    lets requests through rather than failing them."""
    down = f"redis://127.0.0.1:{_free_port()}/8"
    with granian(portal, 1, REDIS_URL=down, PAGE_CACHE="1") as server:
        for path in PAGE_TYPES:
            first, _ = fetch(server.port, path)
            second, headers = fetch(server.port, path)
            assert (first, second) == (200, 200), path
            if path in ("/uz/", "/en/", NEWS):
                # Rendered, and not stored: there is nowhere to store it.
                assert headers["x-page-cache"] == "uncached", path
        searches = [
            fetch(server.port, f"/uz/search/?q=fault+{number}")[0]
            for number in range(2 * SEARCH_LIMIT + 1)
        ]
        assert searches == [200] * len(searches)


def test_redis_up_pages_cached_and_counted(portal, live_redis):
    """The same pages with the machine's Redis: cached pages come back from Redis as
    hits, and the search's rate limit counts there (429 past the limit)."""
    with granian(portal, 1, REDIS_URL=LIVE_REDIS, PAGE_CACHE="1") as server:
        for path in PAGE_TYPES:
            first, _ = fetch(server.port, path)
            second, headers = fetch(server.port, path)
            assert (first, second) == (200, 200), path
            if path in ("/uz/", "/en/", NEWS):
                assert headers["x-page-cache"] == "hit", path
        assert _keys("pagecache:e:*"), "no page stored in Redis"
        # 2 * limit + 1 searches hold more than the limit in one minute's window,
        # even if a minute boundary falls among them.
        searches = [
            fetch(server.port, f"/uz/search/?q=fault+{number}")
            for number in range(2 * SEARCH_LIMIT + 1)
        ]
        statuses = [status for status, _ in searches]
        assert 429 in statuses, statuses
        assert set(statuses) == {200, 429}, statuses
        assert all(h.get("retry-after") for s, h in searches if s == 429)
        assert _keys("*throttle:search:*"), "the rate limit did not count in Redis"


# -- PostgreSQL severed, a worker killed --------------------------------------------


@pytest.fixture(scope="module")
def server(portal):
    """granian with two workers on the module's PostgreSQL database, no page cache:
    every request reads the database."""
    with granian(portal, 2) as running:
        yield running


def _sever(database: str) -> int:
    """Terminate every server connection to ``database``, as a restart does."""
    with _admin() as admin:
        terminated = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchall()
    return sum(done for (done,) in terminated)


def test_postgresql_severed_under_load_recovers_by_itself(portal, server):
    """Each severance fails at most the requests in flight (one per client); every
    client is answered again without restarting anything, and once all are, no
    request fails until the next severance."""
    workers = server.workers()
    assert len(workers) == 2
    with Load(server.port) as load:
        load.recovered(since=time.monotonic())  # warm: every worker connected
        rounds = []
        for _ in range(SEVERANCES):
            severed_at = time.monotonic()
            severed = _sever(portal.database)
            # The app kept connections open (CONN_MAX_AGE): there was work to do.
            assert severed >= 1
            rounds.append((severed_at, load.recovered(since=time.monotonic())))
        quiet_from = time.monotonic()
        load.recovered(since=quiet_from, each=5)
    outcomes = load.snapshot()
    origin = rounds[0][0]
    failed = [o for o in outcomes if not o.ok]
    around = []
    for severed_at, recovered in rounds:
        # Around a severance: ended after it, begun before every client was
        # answered again.
        these = [o for o in failed if o.ended >= severed_at and o.started <= recovered]
        assert len(these) <= CLIENTS, _describe(these, origin)
        around += these
    stray = [o for o in failed if o not in around]
    assert not stray, _describe(stray, origin)
    after = [o for o in outcomes if o.started >= quiet_from]
    assert after and all(o.ok for o in after), _describe(after, origin)
    # Recovered by itself: the same workers still serve, none was restarted.
    assert server.workers() == workers
    recoveries = ", ".join(f"{(end - start) * 1000:.0f}" for start, end in rounds)
    print(f"\n{len(failed)} failed of {len(outcomes)}; recovered in ms: {recoveries}")
    print(_describe(failed, origin))


def _listening(port: int) -> set[int]:
    """The inodes of the sockets listening on ``port`` (each granian worker has one)."""
    inodes = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
            inodes.add(int(fields[9]))
    return inodes


def _sockets(pid: int) -> set[int]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):
            target = os.readlink(fd)
            if target.startswith("socket:["):
                inodes.add(int(target[8:-1]))
    return inodes


def test_worker_killed_loses_only_the_requests_in_flight(server):
    """SIGKILL one of the two workers under load: the requests it held fail (at most
    one per client: those it was serving or had queued), none begun after its
    socket closed does, the other worker answers meanwhile, and granian starts a
    new worker in its place."""
    with Load(server.port) as load:
        load.recovered(since=time.monotonic())
        before = server.workers()
        assert len(before) == 2
        victim = before[0]
        (socket,) = _listening(server.port) & _sockets(victim)
        killed_at = time.monotonic()
        os.kill(victim, signal.SIGKILL)
        deadline = killed_at + 300  # a hang guard, not a budget
        # Dead once the kernel has closed its socket: until then, connections
        # still queue there (granian's workers each listen, with SO_REUSEPORT).
        while socket in _listening(server.port):
            assert time.monotonic() < deadline
            time.sleep(0.002)
        dead_at = time.monotonic()
        while True:  # granian respawns the worker
            now = server.workers()
            if len(now) == 2 and victim not in now:
                break
            assert time.monotonic() < deadline, now
            time.sleep(0.05)
        respawned_at = time.monotonic()
        load.recovered(since=respawned_at, each=5)
    outcomes = load.snapshot()
    failed = [o for o in outcomes if not o.ok]
    assert len(failed) <= CLIENTS, _describe(failed, killed_at)
    assert len({o.client for o in failed}) == len(failed), _describe(failed, killed_at)
    # Only requests already sent to the worker: each failed after the kill, and
    # none begun after the worker was dead.
    stray = [o for o in failed if o.ended < killed_at or o.started > dead_at]
    assert not stray, _describe(stray, killed_at)
    # The survivor kept answering while the new worker started.
    assert any(o.ok and o.started > dead_at for o in outcomes)
    assert all(o.ok for o in outcomes if o.started >= respawned_at)
    new = set(server.workers()) - set(before)
    assert len(new) == 1
    print(f"\n{len(failed)} failed of {len(outcomes)} (in flight on the killed worker)")
    print(_describe(failed, killed_at))
