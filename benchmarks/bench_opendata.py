"""package_search and the news API at 10,000 datasets and 100,000 news items."""

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
from govportal.opendata.generate import generate_datasets
from govportal.opendata.models import Dataset

REQUESTS = int(os.environ.get("BENCH_REQUESTS", "100"))
DATASETS = int(os.environ.get("BENCH_DATASETS", "10000"))
NEWS = int(os.environ.get("BENCH_NEWS", "100000"))
FACETS = '["organization","groups","res_format","license_id"]'
CALLS = [
    ("package_search, first page", "/api/3/action/package_search?rows=10"),
    (
        "package_search, facets",
        f"/api/3/action/package_search?rows=10&facet.field={FACETS}",
    ),
    (
        "package_search, text and filter",
        "/api/3/action/package_search?q=budget&fq=groups:econ&rows=20&lang=en",
    ),
    (
        "package_search, deep page",
        "/api/3/action/package_search?rows=100&start=5000&sort=name+asc",
    ),
    ("package_show", "/api/3/action/package_show?id=gdp-by-quarter"),
    ("News API, first page", "/api/v1/news/?lang=uz"),
    ("News API, 100 a page", "/api/v1/news/?lang=en&page_size=100"),
    ("News API, category", "/api/v1/news/?lang=ru&category=economics"),
    ("News API, page 200", "/api/v1/news/?lang=uz&page=200"),
]


def measure(client: Client, url: str) -> tuple[float, float, int]:
    """Median and 95th percentile milliseconds of ``REQUESTS`` requests, and the
    queries of one."""
    assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    count = len(queries.captured_queries)
    timings = []
    for _ in range(REQUESTS):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
    return statistics.median(timings), p95, count


def run() -> str:
    from django.conf import settings

    settings.THROTTLE_RATES = {"api": ""}
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())
    started = time.perf_counter()
    generate_datasets(
        count=DATASETS - Dataset.objects.filter(locale__language_code="uz").count()
    )
    datasets_time = time.perf_counter() - started
    started = time.perf_counter()
    generate_news(count=NEWS - NewsPage.objects.count())
    news_time = time.perf_counter() - started
    client = Client(SERVER_NAME="127.0.0.1")
    rows = []
    for name, url in CALLS:
        median, p95, queries = measure(client, url)
        rows.append(f"| {name} | `{url}` | {median:.1f} | {p95:.1f} | {queries} |")
    table = "\n".join(rows)
    return (
        f"## Open data and the public API at {DATASETS:,} datasets and "
        f"{NEWS:,} news items\n\n"
        f"{REQUESTS} uncached requests each through the whole Django stack, in "
        "process (no ETag revalidation, no rate limit), after `generate_datasets` "
        f"(each dataset in every language: {datasets_time:.0f} s) and "
        f"`generate_content` ({news_time:.0f} s) filled the database.\n\n"
        "| Call | URL | median ms | p95 ms | SQL queries |\n"
        "|---|---|---|---|---|\n"
        f"{table}\n"
    )
