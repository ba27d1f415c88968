"""Soak: 256 connections for 60 s on ``make serve`` while an editor publishes.

The portal runs as ``make serve`` runs it (production settings, granian with one
worker per core and ``--respawn-failed-workers``, Debian's nginx in front serving
the published pages from disk, ``pagecache tick`` beside them) on the demo content.
wrk loads a mix of pages (home, news index, a news item, an agency page, in four
languages) with 256 connections, while a publisher process, with the same settings
and ``VAR_DIR``, publishes a news item every few seconds through the ORM and
watches the home page (through nginx) until the new title shows. The section gives
requests, errors (non-2xx/3xx answers and socket errors; the goal is zero), p50 and
p99 latency, and the time from each publish to the home page showing it (goal 1 s).
"""

import contextlib
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

from benchmarks.bench_serving import (
    _app,
    _free_port,
    _manage,
    _milliseconds,
    _nginx,
    _wait_for,
    child,
    demo_portal,
    draft_news,
    latency_ms,
    nginx_config,
    wait_until_shown,
)

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = 256
THREADS = 2
PUBLISH_EVERY = 4.0  # seconds between publishes
VISIBLE_GOAL_MS = 1000
LANGUAGES = ("uz", "ru", "en", "kaa")

# Each wrk thread walks the paths in turn, from its own starting point. (No
# ``response`` hook: reading every answer's headers in Lua costs wrk most of its
# speed.)
ROTATE = """
paths = {PATHS}
counter = 0
function setup(thread)
  thread:set("start", counter)
  counter = counter + 7
end
function init(args)
  index = start or 0
end
function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end
"""


def paths() -> list[str]:
    """Home, news index, the newest news item and an agency page, per language."""
    import django

    django.setup()
    from govportal.agencies.models import AgencyPage
    from govportal.home.models import HomePage
    from govportal.news.models import NewsIndexPage, NewsPage

    found = []
    for code in LANGUAGES:
        live = {"locale__language_code": code}
        found.append(HomePage.objects.live().get(**live).get_url())
        found.append(NewsIndexPage.objects.live().filter(**live).first().get_url())
        news = NewsPage.objects.live().filter(**live).order_by("-date").first()
        found.append(news.get_url())
        found.append(AgencyPage.objects.live().filter(**live).first().get_url())
    # wrk's Lua reads plain ASCII: non-Latin slugs go percent-encoded.
    return [quote(path, safe="/%") for path in found]


def publish(base: str, seconds: float) -> dict:
    """Publish a news item every ``PUBLISH_EVERY`` s; time each until the home page
    (as nginx serves it) shows its title."""
    import django

    django.setup()
    from govportal.news.models import NewsIndexPage

    index = NewsIndexPage.objects.get(locale__language_code="uz", depth=3)
    delays, durations, failed = [], [], 0
    stop = time.monotonic() + seconds
    while time.monotonic() < stop:
        started = time.monotonic()
        token = secrets.token_hex(4)
        title = f"Soak xabari {len(delays) + 1} {token}"
        page = draft_news(index, title, f"soak-{token}")
        begun = time.perf_counter()
        try:
            page.save_revision().publish()
        except Exception:  # noqa: BLE001 - counted and reported
            failed += 1
            continue
        durations.append((time.perf_counter() - begun) * 1000)
        shown = wait_until_shown(base, title)
        delay = (time.perf_counter() - begun) * 1000 if shown else None
        delays.append(delay)
        time.sleep(max(0.0, started + PUBLISH_EVERY - time.monotonic()))
    return {"delays": delays, "durations": durations, "failed": failed}


def _wrk(url: str, script: Path, seconds: int) -> dict:
    output = subprocess.run(
        [
            "wrk",
            f"-t{THREADS}",
            f"-c{CONNECTIONS}",
            f"-d{seconds}s",
            "--latency",
            "-s",
            str(script),
            "-H",
            "Accept-Encoding: gzip, deflate, br",
            url,
        ],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    ).stdout

    def number(pattern: str) -> int:
        found = re.search(pattern, output)
        return int(found.group(1)) if found else 0

    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    return {
        "requests": number(r"(\d+) requests in"),
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "non_2xx_3xx": number(r"Non-2xx or 3xx responses: (\d+)"),
        "socket": dict(
            zip(
                ("connect", "read", "write", "timeout"),
                map(int, socket.groups()) if socket else (0, 0, 0, 0),
                strict=True,
            )
        ),
        "p50": latency_ms(output, 50),
        "p99": latency_ms(output, 99),
        "max": _milliseconds(
            re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", output).group(1)
        ),
        "output": output,
    }


@contextlib.contextmanager
def _ticking(env: dict):
    """``pagecache tick --every 60``, as ``make serve`` runs it beside granian."""
    process = subprocess.Popen(
        [str(BIN / "python"), str(ROOT / "manage.py"), "pagecache", "tick"]
        + ["--every", "60"],
        env=env,
        cwd=ROOT,
    )
    try:
        yield
    finally:
        process.terminate()
        process.wait(timeout=30)


def run() -> str:
    work = Path(tempfile.mkdtemp(prefix="govportal-bench-soak-"))
    try:
        env = demo_portal(
            work,
            PAGE_CACHE="1",
            STATIC_PUBLISH_ROOT=str(work / "published"),
            # nginx passes the client's address on; the rate limits count by it.
            THROTTLE_IP_HEADER="HTTP_X_REAL_IP",
        )
        _manage(env, "pagecache", "clear")
        mix = child(__file__, "--paths", env)
        script = work / "rotate.lua"
        script.write_text(ROTATE.replace("PATHS", json.dumps(mix)[1:-1]))
        app_port, port = _free_port(), _free_port()
        config = nginx_config(env, port, app_port)
        base = f"http://127.0.0.1:{port}"
        with _app(env, app_port), _nginx(config), _ticking(env):
            _wait_for(f"{base}/uz/")
            for path in mix:  # publish every page of the mix once
                urllib.request.urlopen(base + path, timeout=60).read()  # noqa: S310
            publisher = subprocess.Popen(
                [sys.executable, __file__, "--publish", base, str(SECONDS - 3)],
                env={**env, "PYTHONPATH": str(ROOT)},
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            try:
                load = _wrk(f"{base}/", script, SECONDS)
                out, _ = publisher.communicate(timeout=300)
            finally:
                if publisher.poll() is None:
                    publisher.kill()
                    publisher.wait()
            if publisher.returncode:
                raise RuntimeError(f"the publisher failed: {out}")
            publishing = json.loads(out.strip().splitlines()[-1])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return _report(mix, load, publishing)


def _report(mix: list[str], load: dict, publishing: dict) -> str:
    socket = load["socket"]
    errors = load["non_2xx_3xx"] + sum(socket.values())
    delays = publishing["delays"]
    seen = [delay for delay in delays if delay is not None]
    within = sum(delay <= VISIBLE_GOAL_MS for delay in seen)
    all_within = within == len(delays) and not publishing["failed"]
    publish_line = (
        f"median {statistics.median(seen):.0f} ms, longest {max(seen):.0f} ms"
        if seen
        else "none seen"
    )
    durations = publishing["durations"]
    duration_line = (
        f"median {statistics.median(durations):.0f} ms, longest {max(durations):.0f} ms"
        if durations
        else "none"
    )
    return (
        f"## Soak: {CONNECTIONS} connections for {SECONDS} s while publishing\n\n"
        f"`make serve` as on this machine: production settings, granian with "
        f"{os.cpu_count()} workers behind Debian's nginx (static publishing), "
        "SQLite, the demo content. wrk, "
        f"{THREADS} threads, {CONNECTIONS} connections, {SECONDS} s, "
        "`Accept-Encoding: gzip, deflate, br`, wrk's 2 s timeout, over "
        f"{len(mix)} addresses in turn (home, news index, newest news item, an "
        f"agency page; {', '.join(LANGUAGES)}), while a publisher process published "
        f"a news item in Uzbek every {PUBLISH_EVERY:.0f} s (with its Cyrillic copy "
        "and search indexing; every publish purges the home pages, the news index "
        "and the listings) and waited for nginx's home page to show its title. "
        "wrk shares the machine's cores with the servers and the publisher.\n\n"
        "| Figure | Value |\n|---|---|\n"
        f"| Requests | {load['requests']:,} |\n"
        f"| Requests/s | {load['rate']:,.0f} |\n"
        f"| Errors (goal 0) | {errors} |\n"
        f"| — non-2xx/3xx answers | {load['non_2xx_3xx']} |\n"
        f"| — socket errors (connect/read/write/timeout) | {socket['connect']}/"
        f"{socket['read']}/{socket['write']}/{socket['timeout']} |\n"
        f"| Latency p50 (ms) | {load['p50']:.2f} |\n"
        f"| Latency p99 (ms) | {load['p99']:.2f} |\n"
        f"| Latency max (ms) | {load['max']:.2f} |\n"
        f"| Publishes | {len(delays)} (failed: {publishing['failed']}) |\n"
        f"| Publish (revision, publish, Cyrillic copy, index, purge) | "
        f"{duration_line} |\n"
        f"| Start of publish → nginx's home page shows it | {publish_line} |\n"
        f"| Every publish visible within 1 s | {'yes' if all_within else 'no'} "
        f"({within} of {len(delays)}) |\n"
    )


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "--paths":
        print(json.dumps(paths()))
    elif mode == "--publish":
        print(json.dumps(publish(sys.argv[2], float(sys.argv[3]))))
