"""Server-side render time and SQL query count of public pages, uncached."""

import io
import statistics
import time

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

REQUESTS = 200


def prepare() -> None:
    """Migrate the benchmark database and load the demo content."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())


def measure(client: Client, path: str, requests: int = REQUESTS) -> tuple[float, int]:
    """Median milliseconds per request and the SQL queries of one request."""
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    # Read now: every request starts by clearing the connection's query log.
    query_count = len(queries.captured_queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), query_count


def run() -> str:
    prepare()
    client = Client(SERVER_NAME="127.0.0.1")
    rows = []
    for code, name in settings.LANGUAGES:
        median_ms, query_count = measure(client, f"/{code}/")
        rows.append(f"| `/{code}/` | {name} | {median_ms:.2f} | {query_count} |")
    table = "\n".join(rows)
    return (
        "## Home page, uncached\n\n"
        f"Median of {REQUESTS} requests through the whole Django stack "
        "(middleware, routing, template), in process, no page cache; SQL queries "
        "of one request.\n\n"
        "| Page | Language | Median render (ms) | SQL queries |\n"
        "|---|---|---|---|\n"
        f"{table}\n"
    )
