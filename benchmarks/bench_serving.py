"""Serving speed with wrk: uncached, page cache, static publishing, plain nginx.

Each configuration runs as ``make serve`` runs it (production settings, granian with
one worker per core, nginx from Debian) on the demo content, and wrk loads the home
page and a news page from 127.0.0.1. The section also gives the in-process render
time and SQL queries of both pages uncached, the memory of each worker, and the time
from a publish to the new title on the home page behind nginx.
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PAGES = {
    "Home": "/uz/",
    "News page": "/uz/news/uzbekistan-korea-open-source-forum/",
}
SECONDS = int(os.environ.get("BENCH_WRK_SECONDS", "10"))
CONNECTIONS = 16
BLOCKING_THREADS = "4"  # as scripts/serve runs granian
RENDERS = 200
PUBLISHES = 5
# (c) and (d) share the machine with wrk: they are measured in pairs, one right
# after the other, this many rounds of this many seconds each.
STATIC_ROUNDS = 5
PAIR_SECONDS = 6
# The stock Wagtail figures of issue 9 (bakerydemo on this machine).
STOCK = {"uncached": 20, "cached": 2800, "render_ms": (70, 88), "queries": 43}

PLAIN_NGINX = """worker_processes auto;
pid {run}/plain.pid;
error_log {run}/plain-error.log warn;
include /etc/nginx/modules-enabled/*.conf;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {run}/plain-body;
    proxy_temp_path {run}/plain-proxy;
    fastcgi_temp_path {run}/plain-fastcgi;
    uwsgi_temp_path {run}/plain-uwsgi;
    scgi_temp_path {run}/plain-scgi;
    charset utf-8;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
        gzip_static on;
        brotli_static on;
{headers}
    }}
}}
"""


def _plain_headers(env: dict, language: str) -> str:
    """The headers nginx adds to a published page, as plain ``add_header`` lines,
    so that (d) sends the same bytes as (c), headers included."""
    headers = json.loads(_child("--headers", env)["headers"])
    lines = [f'add_header {name} "{value}" always;' for name, value in headers]
    lines += [
        f"add_header Content-Language {language};",
        'add_header X-Page-Cache "static";',
    ]
    return "\n".join(" " * 8 + line for line in lines)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(url, timeout=5) as response,  # noqa: S310
        ):
            if response.status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


def _manage(env: dict, *args: str) -> str:
    return subprocess.run(
        [str(BIN / "python"), str(ROOT / "manage.py"), *args],
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ).stdout


@contextlib.contextmanager
def _app(env: dict, port: int):
    workers = str(os.cpu_count() or 1)
    process = subprocess.Popen(
        [
            str(BIN / "granian"),
            "--interface",
            "wsgi",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            workers,
            "--blocking-threads",
            BLOCKING_THREADS,
            "--no-access-log",
            "--log-level",
            "error",
            "govportal.wsgi:application",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/uz/")
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def _nginx(config: Path):
    process = subprocess.Popen(["nginx", "-c", str(config), "-g", "daemon off;"])
    try:
        time.sleep(0.5)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def _milliseconds(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def latency_ms(wrk_output: str, percent: int) -> float:
    """A percentile of wrk's latency distribution (``--latency``), in ms. Anchored:
    a standard deviation line can end in "99%" too."""
    found = re.search(rf"^\s*{percent}%\s+(\S+)", wrk_output, re.M)
    return _milliseconds(found.group(1))


def _wrk(url: str, seconds: int = SECONDS) -> tuple[float, float]:
    """Requests per second and p99 latency (ms), as a browser asks (gzip, br)."""
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-H",
            "Accept-Encoding: gzip, deflate, br",
            url,
        ],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if errors:
        raise RuntimeError(f"{url}: {errors.group(1)} error responses\n{output}")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p99 = latency_ms(output, 99)
    return rate, p99


def _worker_memory_mb(process: subprocess.Popen) -> tuple[float, float]:
    """The largest worker's resident and private (unshared) memory, in MB."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text()
    sizes = []
    for pid in children.split():
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        kilobytes = {
            name: int(value)
            for name, value in re.findall(r"^(\w+):\s+(\d+) kB", rollup, re.M)
        }
        private = kilobytes["Private_Clean"] + kilobytes["Private_Dirty"]
        sizes.append((kilobytes["Rss"] / 1024, private / 1024))
    return max(sizes)


def _load(base: str) -> dict:
    figures = {}
    for name, path in PAGES.items():
        _wrk(base + path, seconds=2)  # warm up: compile, cache, connect
        figures[name] = _wrk(base + path)
    return figures


def _load_in_pairs(static: str, plain: str) -> dict:
    """(c) and (d), each page measured on one and at once on the other, in rounds:
    the median of each server's rounds, and the median of the rounds' ratios (each
    pair of runs shares the machine's state of the moment)."""
    runs = {key: {name: [] for name in PAGES} for key in ("static", "plain")}
    ratios = {name: [] for name in PAGES}
    for base in (static, plain):
        for path in PAGES.values():
            _wrk(base + path, seconds=2)  # warm up
    for _ in range(STATIC_ROUNDS):
        for name, path in PAGES.items():
            pair = {
                key: _wrk(base + path, seconds=PAIR_SECONDS)
                for key, base in (("static", static), ("plain", plain))
            }
            for key, figures in pair.items():
                runs[key][name].append(figures)
            ratios[name].append(pair["static"][0] / pair["plain"][0])
    medians = {
        key: {
            name: (
                statistics.median(rate for rate, _ in measured),
                statistics.median(p99 for _, p99 in measured),
            )
            for name, measured in pages.items()
        }
        for key, pages in runs.items()
    }
    return {
        **medians,
        "ratio": {name: statistics.median(r) for name, r in ratios.items()},
    }


def render_figures() -> dict:
    """In this process (production settings, no page cache): ms and queries."""
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(SERVER_NAME="127.0.0.1")
    figures = {}
    for name, path in PAGES.items():
        for _ in range(5):
            assert client.get(path).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        count = len(queries.captured_queries)
        timings = []
        for _ in range(RENDERS):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        figures[name] = (statistics.median(timings), count)
    return figures


def draft_news(index, title: str, slug: str):
    """A new, not yet published news item under ``index``, as an editor starts one."""
    from django.utils import timezone

    from govportal.news.models import NewsPage

    return index.add_child(
        instance=NewsPage(
            title=title, slug=slug, lead="Lead.", date=timezone.now(), live=False
        )
    )


def wait_until_shown(base: str, title: str, limit: float = 60) -> int | None:
    """Ask for the home page until it shows ``title``: the requests it took, or
    None if it did not within ``limit`` seconds."""
    started, attempts = time.perf_counter(), 0
    while time.perf_counter() - started < limit:
        attempts += 1
        with urllib.request.urlopen(f"{base}/uz/", timeout=30) as response:  # noqa: S310
            if title in response.read().decode():
                return attempts
    return None


def publish_figures(base: str) -> dict:
    """Publish news in this process; time until nginx serves the new home page."""
    import django

    django.setup()
    from govportal.news.models import NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code="uz", depth=3)
    delays, first_fresh = [], 0
    for number in range(PUBLISHES):
        title = f"Tezkor xabar {number} {secrets.token_hex(4)}"
        page = draft_news(index, title, f"tezkor-{number}-{secrets.token_hex(4)}")
        started = time.perf_counter()
        page.save_revision().publish()
        attempts = wait_until_shown(base, title)
        delays.append((time.perf_counter() - started) * 1000)
        first_fresh += attempts == 1
        # Let nginx serve the new page from disk again before the next publish.
        for _ in range(2):
            urllib.request.urlopen(f"{base}/uz/", timeout=10).read()  # noqa: S310
    return {"delays": delays, "first_fresh": first_fresh}


def child(script: str, mode: str, env: dict, *args: str):
    """Run ``script`` (a benchmark module) with ``mode`` in a process of its own:
    the JSON it prints last."""
    output = subprocess.run(
        [sys.executable, script, mode, *args],
        env={**env, "PYTHONPATH": str(ROOT)},
        check=True,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def _child(mode: str, env: dict, *args: str):
    return child(__file__, mode, env, *args)


def demo_portal(work: Path, **settings: str) -> dict:
    """The environment of a production portal in ``work`` (``settings`` over it),
    with the demo loaded and the static files collected, as ``make serve`` has it."""
    work.chmod(0o755)  # nginx's workers read the published files
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "govportal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "0",
        "VAR_DIR": str(work),
        "LOG_LEVEL": "ERROR",
        **settings,
    }
    _manage(env, "migrate", "--no-input", "-v", "0")
    _manage(env, "load_demo")
    _manage(env, "collectstatic", "--no-input", "-v", "0")
    return env


def nginx_config(env: dict, port: int, app_port: int) -> Path:
    """``manage.py nginx_config`` for nginx on ``port`` in front of ``app_port``."""
    listen, app = f"127.0.0.1:{port}", f"127.0.0.1:{app_port}"
    return Path(_manage(env, "nginx_config", "--listen", listen, "--app", app).strip())


def run() -> str:
    work = Path(tempfile.mkdtemp(prefix="govportal-bench-serving-"))
    try:
        env = demo_portal(work, PAGE_CACHE="0")
        render = _child("--render", env)
        results, rss = {}, {}

        port = _free_port()
        with _app(env, port) as app:
            results["uncached"] = _load(f"http://127.0.0.1:{port}")
            rss["uncached"] = _worker_memory_mb(app)

        cached_env = {**env, "PAGE_CACHE": "1"}
        port = _free_port()
        with _app(cached_env, port) as app:
            results["cached"] = _load(f"http://127.0.0.1:{port}")
            rss["cached"] = _worker_memory_mb(app)

        published = work / "published"
        static_env = {**cached_env, "STATIC_PUBLISH_ROOT": str(published)}
        app_port, port = _free_port(), _free_port()
        config = nginx_config(static_env, port, app_port)
        with _app(static_env, app_port) as app, _nginx(config):
            base = f"http://127.0.0.1:{port}"
            _wait_for(f"{base}/uz/")
            publishing = _child("--publish", static_env, base)
            for path in PAGES.values():  # publish again the pages the benchmark loads
                urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310
            plain_root = work / "plain"
            shutil.copytree(published / "127.0.0.1", plain_root)
            plain_port = _free_port()
            plain = work / "plain-nginx.conf"
            plain.write_text(
                PLAIN_NGINX.format(
                    run=work,
                    port=plain_port,
                    root=plain_root,
                    headers=_plain_headers(static_env, "uz"),
                )
            )
            with _nginx(plain):
                results.update(_load_in_pairs(base, f"http://127.0.0.1:{plain_port}"))
            rss["static"] = _worker_memory_mb(app)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _report(render, results, rss, publishing)


def _report(render: dict, results: dict, rss: dict, publishing: dict) -> str:
    labels = {
        "uncached": "(a) uncached: granian, no page cache",
        "cached": "(b) app page cache (in memory)",
        "static": "(c) nginx static publishing, granian behind",
        "plain": "(d) nginx, plain static copy of the same bytes and headers",
    }
    rows = []
    for key, label in labels.items():
        for page, (rate, p99) in results[key].items():
            rows.append(f"| {label} | {page} | {rate:,.0f} | {p99:.2f} |")
    ratio_rows = []
    for page in PAGES:
        uncached = results["uncached"][page][0]
        cached = results["cached"][page][0]
        ratio_rows.append(
            f"| {page} | {uncached / STOCK['uncached']:.1f}x "
            f"| {cached / STOCK['cached']:.2f}x | {cached / uncached:.0f}x "
            f"| {results['ratio'][page]:.2f} |"
        )
    render_rows = [
        f"| {page} | {ms:.2f} | {queries} |" for page, (ms, queries) in render.items()
    ]
    delays = publishing["delays"]
    return (
        "## Serving: uncached, page cache, static publishing, plain nginx\n\n"
        f"wrk, {CONNECTIONS} connections, 2 threads, {SECONDS} s per figure after "
        "2 s of warm-up, on 127.0.0.1, `Accept-Encoding: gzip, deflate, br`; the "
        f"servers as `make serve` runs them (production settings, granian with "
        f"{os.cpu_count()} workers, SQLite, Debian's nginx), on the demo content. "
        "wrk shares the machine's cores with the servers. (c) and (d) send the same "
        f"bytes, headers included, and are measured in {STATIC_ROUNDS} rounds of "
        f"pairs, {PAIR_SECONDS} s on one and then on the other: their figures are "
        "the medians of the rounds, and (c) / (d) the median of the pairs' ratios."
        "\n\n"
        "| Configuration | Page | Requests/s | p99 (ms) |\n"
        "|---|---|---|---|\n" + "\n".join(rows) + "\n\n"
        "Ratios: uncached against stock Wagtail uncached (20 requests/s; goal 10x), "
        "page cache against stock Wagtail's page cache (2,800 requests/s; goal 2x), "
        "page cache against uncached, and static publishing against the plain-nginx "
        "limit (goal 0.8).\n\n"
        "| Page | (a) / stock uncached | (b) / stock cached | (b) / (a) | (c) / (d) |\n"
        "|---|---|---|---|---|\n" + "\n".join(ratio_rows) + "\n\n"
        f"Render in process, uncached (production settings, no page cache; the menu, "
        f"calendar and widgets from their fragment caches), median of {RENDERS}; "
        "stock Wagtail: home 70–88 ms with 43 queries, article 33–42 ms with 22:\n\n"
        "| Page | Median render (ms) | SQL queries |\n|---|---|---|\n"
        + "\n".join(render_rows)
        + "\n\n"
        "Memory of the largest worker after its load, resident (RSS) and private "
        "to it (the rest is shared files: Python, libraries, code): "
        + ", ".join(
            f"{label} {rss[key][0]:.0f} MB ({rss[key][1]:.0f} MB private)"
            for key, label in (
                ("uncached", "uncached"),
                ("cached", "page cache"),
                ("static", "behind nginx"),
            )
        )
        + " (goal ≤ 100 MB RSS).\n\n"
        f"Publish to visible: {PUBLISHES} news items published one after another "
        "while nginx served the home page from disk; time from the start of the "
        "publish (with its Cyrillic copy and search indexing) to nginx serving a "
        f"home page with the new title: median {statistics.median(delays):.0f} ms, "
        f"longest {max(delays):.0f} ms (goal ≤ 1 s). The first request after the "
        f"publish returned already showed the new title {publishing['first_fresh']} "
        f"times out of {PUBLISHES}.\n"
    )


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "--render":
        print(json.dumps(render_figures()))
    elif mode == "--headers":
        import django

        django.setup()
        from govportal.pagecache.nginx import page_headers

        print(json.dumps({"headers": json.dumps(page_headers())}))
    elif mode == "--publish":
        print(json.dumps(publish_figures(sys.argv[2])))
