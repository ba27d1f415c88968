"""Faults survived (issue 10; docs/security.md, "Faults").

The portal runs here as ``make serve`` runs it: granian in a process of its own, with
production settings, on a PostgreSQL server of this module's own: a cluster that
``initdb`` creates in a temporary folder, listening on a free port of 127.0.0.1, and
that is stopped and removed with the module. The tests restart it at will, whichever
database the suite itself runs on, without touching the machine's shared server. Its
database holds a minimal page tree (the locales, the home pages, a news index and one
news item). One database and one set of collected static files serve every test of
the module; each test starts the granian it needs with its own environment:

* Redis down: ``REDIS_URL`` names a port where nothing listens; every page type
  answers, the page cache is bypassed and the rate limits let requests through.
  Then the same against the machine's Redis (database 8), where pages are cached
  and counted.
* PostgreSQL severed under load: every server connection to the database is
  terminated, ``ROUNDS`` times while client threads load the pages.
* PostgreSQL restarted under load: ``pg_ctl restart``, ``ROUNDS`` times, with a fast
  shutdown (what a service restart does: sessions ended, a checkpoint) and with an
  immediate one (a crash: no checkpoint, recovery at start).
* A worker killed: one of granian's two workers gets SIGKILL under the same load.

The load is ``CLIENTS`` threads, each sending one request at a time on a fresh
connection and recording every outcome; a client that gets an error waits
``RETRY_PAUSE`` seconds before its next request, as a person reloading would. The
tests wait for counts of answers, never for a fixed time.
"""

import contextlib
import http.client
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from benchmarks.bench_serving import _free_port, _wait_for

ROOT = Path(__file__).resolve().parents[3]
BIN = Path(sys.executable).parent
LIVE_REDIS = "redis://127.0.0.1:6379/8"
CLIENTS = 8
RETRY_PAUSE = 0.5
ROUNDS = 3  # faults of the database per test
# Seconds: a request failed by a fault of the database ends within HANG_LIMIT, and
# every client is answered again within RECOVERY_LIMIT of the database accepting
# connections again.
HANG_LIMIT = 5
RECOVERY_LIMIT = 5
NEWS = "/uz/news/fault-news/"
# Pages under load: on ``server``, which caches nothing, each reads the database.
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


# Quick to start and to restart, and not durable at all: the server lives for a module.
SERVER_CONF = """
listen_addresses = '127.0.0.1'
port = {port}
unix_socket_directories = '{folder}'
max_connections = 50
shared_buffers = 16MB
fsync = off
synchronous_commit = off
full_page_writes = off
"""


def _postgresql_bindir() -> Path:
    """The folder of PostgreSQL's server programs: ``pg_config``'s, else the newest
    ``/usr/lib/postgresql/<version>/bin`` (Debian keeps them out of ``PATH``)."""
    folders = []
    if pg_config := shutil.which("pg_config"):
        completed = subprocess.run(  # noqa: S603 - PostgreSQL's own program
            [pg_config, "--bindir"], capture_output=True, text=True, check=False
        )
        if completed.returncode == 0:
            folders.append(Path(completed.stdout.strip()))
    folders += sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda folder: (
            int(folder.parent.name) if folder.parent.name.isdigit() else 0
        ),
        reverse=True,
    )
    if initdb := shutil.which("initdb"):
        folders.append(Path(initdb).resolve().parent)
    for folder in folders:
        if (folder / "initdb").is_file() and (folder / "pg_ctl").is_file():
            return folder
    pytest.fail(
        "PostgreSQL's server programs (initdb, pg_ctl) were not found; "
        "install them: apt-get install postgresql"
    )


def _as_postgres(command: list[str]) -> list[str]:
    """``command`` as the ``postgres`` user when the tests run as root: initdb and the
    server refuse to run as root."""
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser") or "/usr/sbin/runuser"
    return [runuser, "-u", "postgres", "--", *command]


@dataclass
class Cluster:
    """A PostgreSQL server of the module's own: its data, socket and log in
    ``folder``, listening on 127.0.0.1:``port``."""

    bindir: Path
    folder: Path
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def run(self, program: str, *args: str) -> None:
        completed = subprocess.run(  # noqa: S603 - PostgreSQL's own programs
            _as_postgres([str(self.bindir / program), *args]),
            cwd=self.folder,
            # PGDATA, PGPORT and the like would override the arguments.
            env={k: v for k, v in os.environ.items() if not k.startswith("PG")},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        output = completed.stdout + completed.stderr
        assert completed.returncode == 0, f"{program} {args}:\n{output}{self.log()}"

    def pg_ctl(self, *args: str) -> None:
        # Always a log file: without one, the server would keep pg_ctl's output
        # open, and waiting for pg_ctl would wait for the server to stop.
        log = str(self.folder / "server.log")
        self.run("pg_ctl", "-D", str(self.data), "-l", log, *args)

    def log(self) -> str:
        log = self.folder / "server.log"
        return log.read_text()[-4000:] if log.exists() else ""

    def postmaster(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def connect(self, database: str = "postgres"):
        import psycopg

        return psycopg.connect(self.url(database), autocommit=True, connect_timeout=5)

    def accepting(self) -> float:
        """Wait until the server accepts connections; return when it did."""
        import psycopg

        deadline = time.monotonic() + 60  # a hang guard, not a budget
        while True:
            with contextlib.suppress(psycopg.OperationalError), self.connect():
                return time.monotonic()
            assert time.monotonic() < deadline, f"PostgreSQL is not back:\n{self.log()}"
            time.sleep(0.01)


@pytest.fixture(scope="module")
def cluster():
    """A PostgreSQL server of the module's own, which its tests may restart."""
    bindir = _postgresql_bindir()
    port = _free_port()
    # Not under pytest's tmp_path, which only root may enter: the server runs as
    # postgres.
    cluster = Cluster(bindir, Path(tempfile.mkdtemp(prefix="govportal-faults-")), port)
    try:
        if os.geteuid() == 0:
            owner = pwd.getpwnam("postgres")
            os.chown(cluster.folder, owner.pw_uid, owner.pw_gid)
        cluster.run(
            "initdb",
            *("-D", str(cluster.data), "-U", "postgres", "-A", "trust"),
            *("-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
        )
        with (cluster.data / "postgresql.conf").open("a") as conf:
            conf.write(SERVER_CONF.format(port=port, folder=cluster.folder))
        cluster.pg_ctl("start", "-w", "-t", "60")
        yield cluster
    finally:
        try:
            if (cluster.data / "postmaster.pid").exists():
                cluster.pg_ctl("stop", "-m", "immediate", "-w", "-t", "60")
        finally:
            shutil.rmtree(cluster.folder, ignore_errors=True)


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
    cluster: Cluster
    database: str
    env: dict
    var: Path


@pytest.fixture(scope="module")
def portal(cluster, tmp_path_factory):
    """A migrated PostgreSQL database with a minimal page tree, static collected."""
    database = "govportal"
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
        DATABASE_URL=cluster.url(database),
        VAR_DIR=str(var),
        LOG_LEVEL="CRITICAL",
        PAGE_CACHE="0",
        THROTTLE_SEARCH=f"{SEARCH_LIMIT}/minute",
        THROTTLE_API="",
        PYTHONPATH=str(ROOT),
    )
    with cluster.connect() as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    _manage(env, "migrate", "--no-input", "-v", "0")
    _manage(env, "shell", "-c", CONTENT)
    _manage(env, "shell", "-c", COLLECTSTATIC)
    # Dropped with the cluster.
    return Portal(cluster, database, env, var)


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
            *("--blocking-threads", "4"),
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
            # granian exits in about a second, except after a worker was respawned,
            # when it waits out its own shutdown timeout: do not wait that long.
            process.wait(timeout=5)
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


# -- PostgreSQL severed or restarted, a worker killed --------------------------------


@pytest.fixture(scope="module")
def server(portal):
    """granian with two workers on the module's PostgreSQL database, caching
    nothing: no whole pages (``PAGE_CACHE=0``), and no room for the routes and
    fragments that the page cache keeps even then. Every request reads the
    database."""
    with granian(portal, 2, PAGE_CACHE_MAX_MB="0") as running:
        yield running


def _sever(portal: Portal) -> float:
    """Terminate every server connection to the portal's database; return when
    done. The server accepts new connections all along, and a connection signalled
    fails its next query, so that a health check (``CONN_HEALTH_CHECKS``) from then
    on finds it dead."""
    with portal.cluster.connect() as admin:
        # No timeout argument: with one, each call waits for its connection to
        # end, 100 ms at least, one connection after the other.
        terminated = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [portal.database],
        ).fetchall()
    # The app kept connections open (CONN_MAX_AGE): there was work to do.
    assert sum(done for (done,) in terminated) >= 1
    return time.monotonic()


def _restart(cluster: Cluster, mode: str) -> float:
    """``pg_ctl restart -m mode``; return when the new server accepts connections."""
    before = cluster.postmaster()
    # -W: back once the new server is launched, so that ``accepting`` times its start.
    cluster.pg_ctl("restart", "-m", mode, "-W")
    up = cluster.accepting()
    assert cluster.postmaster() != before
    return up


def _survives(server: Server, fault: Callable[[], float], name: str) -> None:
    """``fault`` the database ``ROUNDS`` times under load; each returns when the
    database accepts connections again.

    Only the requests around a fault fail (ended after it began, begun before the
    database was back), each at once with an error page (5xx); every client is
    answered again within ``RECOVERY_LIMIT`` of the database being back, by the same
    workers (nothing restarted), and no request fails until the next fault."""
    workers = server.workers()
    assert len(workers) == 2
    with Load(server.port) as load:
        load.recovered(since=time.monotonic())  # warm: every worker connected
        rounds = []
        for _ in range(ROUNDS):
            began = time.monotonic()
            up = fault()
            rounds.append((began, up, load.recovered(since=up)))
        load.recovered(since=time.monotonic(), each=5)
    outcomes = load.snapshot()
    origin = rounds[0][0]
    failed = [o for o in outcomes if not o.ok]
    assert failed, "no request met a fault: did the load read the database?"
    stray = [
        o
        for o in failed
        if not any(o.ended >= began and o.started <= up for began, up, _ in rounds)
    ]
    assert not stray, _describe(stray, origin)
    hung = [
        o
        for o in failed
        if not isinstance(o.status, int) or o.ended - o.started > HANG_LIMIT
    ]
    assert not hung, _describe(hung, origin)
    late = [recovered - up for _, up, recovered in rounds]
    assert max(late) < RECOVERY_LIMIT, late
    assert server.workers() == workers
    slowest = max(o.ended - o.started for o in failed)
    print(
        f"\n{name}: {len(failed)} failed of {len(outcomes)}, "
        f"the slowest in {slowest * 1000:.0f} ms"
    )
    for began, up, recovered in rounds:
        per_client = [
            sum(
                o.client == client and began <= o.ended and o.started <= up
                for o in failed
            )
            for client in range(CLIENTS)
        ]
        print(
            f"database back after {(up - began) * 1000:.0f} ms, every client answered "
            f"{(recovered - up) * 1000:.0f} ms later; failures per client {per_client}"
        )
    print(_describe(failed, origin))


def test_postgresql_severed_under_load_recovers_by_itself(portal, server):
    """Every connection to the database terminated while the server stays up: the
    requests running then fail (one per client at most: the server never stops
    accepting), and the next request on each worker thread finds its connection
    dead (``CONN_HEALTH_CHECKS``) and opens a new one."""
    _survives(server, lambda: _sever(portal), "severed")


@pytest.mark.parametrize("mode", ["fast", "immediate"])
def test_postgresql_restarted_under_load_recovers_by_itself(portal, server, mode):
    """The server restarted, its sessions ended (``fast``, a service restart) or
    killed (``immediate``, a crash): the requests running then fail and so do those
    begun while it is down, every one at once with a 500; the app answers again as
    soon as the server accepts connections, with nothing restarted."""
    _survives(server, lambda: _restart(portal.cluster, mode), f"restarted {mode}")


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
