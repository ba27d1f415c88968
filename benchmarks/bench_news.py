"""News pages at 1,000 and at 100,000 news items: render time and SQL queries."""

import io
import os
import statistics
import time

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from govportal.news.generate import generate_news
from govportal.news.models import NewsPage

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
SIZES = [1_000, 100_000]
PAGES = [
    ("Home", "/uz/"),
    ("News index", "/uz/news/"),
    ("News page", "/uz/news/uzbekistan-korea-open-source-forum/"),
    ("Day archive", "/uz/news/2017/08/15/"),
    ("Month archive", "/uz/news/2026/11/"),
    ("RSS feed", "/uz/news/feed/rss/"),
]


def measure(client: Client, path: str) -> tuple[float, int]:
    """Median milliseconds of ``REQUESTS`` requests, and the queries of one."""
    assert client.get(path).status_code == 200, path
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    query_count = len(
        queries.captured_queries
    )  # read before the next request clears it
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), query_count


def run() -> str:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())
    client = Client(SERVER_NAME="127.0.0.1")
    results = {}
    generation = ""
    for size in SIZES:
        missing = size - NewsPage.objects.count()
        started = time.perf_counter()
        generate_news(count=missing, seed=size)
        elapsed = time.perf_counter() - started
        if size == SIZES[-1]:
            generation = (
                f"{missing:,} items in {elapsed:.0f} s ({missing / elapsed:,.0f}/s)"
            )
        results[size] = {path: measure(client, path) for _name, path in PAGES}
    small, large = SIZES
    rows = []
    for name, path in PAGES:
        (small_ms, small_q), (large_ms, large_q) = (
            results[small][path],
            results[large][path],
        )
        rows.append(
            f"| {name} | `{path}` | {small_ms:.1f} | {large_ms:.1f} | "
            f"{large_ms / small_ms:.2f} | {small_q} | {large_q} |"
        )
    table = "\n".join(rows)
    return (
        "## News at 1,000 and 100,000 items\n\n"
        f"Median of {REQUESTS} uncached requests through the whole Django stack, in "
        "process, after `generate_content` filled the database (news in every "
        f"language over ten years). Generating: {generation}. Goal: 100x more news "
        "costs under 1.5x the time, in the same number of queries.\n\n"
        "| Page | Path | ms at 1,000 | ms at 100,000 | ratio | queries at 1,000 "
        "| queries at 100,000 |\n|---|---|---|---|---|---|---|\n"
        f"{table}\n"
    )
