"""Search at 100,000 news items, on SQLite and on PostgreSQL: latency and indexing.

The same 50 queries (both scripts, five languages, single words, phrases, stems,
misspellings, words that match nothing) run against the portal index after
``generate_content`` filled it, first with the demo alone and then with 100,000
news items, so that the growth of the cost with the content shows. PostgreSQL is
measured in a child process against a fresh database when one is reachable
(``BENCH_SEARCH_POSTGRES_URL``, default the local server).
"""

import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import translation

from govportal.news.generate import generate_news
from govportal.search import service
from govportal.search.models import SearchEntry

NEWS = int(os.environ.get("BENCH_SEARCH_NEWS", "100000"))
REPEAT = int(os.environ.get("BENCH_SEARCH_REPEAT", "5"))
POSTGRES_URL = os.environ.get(
    "BENCH_SEARCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/bench_search"
)
QUERIES = [
    # Uzbek, typed in Latin, in Cyrillic, without the oʻ/gʻ signs, as stems
    ("uz", "vazirlik"),
    ("uz", "vazirligi"),
    ("uz", "sogʻliqni saqlash"),
    ("uz", "sogliqni saqlash"),
    ("uz", "соғлиқни сақлаш"),
    ("uz", "Toshkentda"),
    ("uz", "тошкент"),
    ("uz", "raqamli texnologiyalar"),
    ("uz", '"raqamli texnologiyalar vazirligi"'),
    ("uz", "qishloq xoʻjaligi"),
    ("uz", "taʼlim"),
    ("uz", "talim"),
    ("uz", "iqtisodiyot moliya"),
    ("uz", "Samarqand viloyati"),
    ("uz", "loyihalar"),
    ("uz", "vazirlk"),  # misspelt
    ("uz", "texnolgiyalar"),  # misspelt
    ("uz", "soliq qoʻmitasi"),
    ("uz", "ishonch telefoni"),
    ("uz", "zzqxw"),  # nothing
    # Uzbek Cyrillic interface, Latin and Cyrillic queries
    ("uz-cyrl", "вазирлиги"),
    ("uz-cyrl", "raqamlashtirish"),
    ("uz-cyrl", "қишлоқ хўжалиги"),
    ("uz-cyrl", "Самарқанд"),
    ("uz-cyrl", "таълим"),
    # Karakalpak, both scripts
    ("kaa", "ministrligi"),
    ("kaa", "densawlıqtı saqlaw"),
    ("kaa", "densawliqti"),
    ("kaa", "Tashkentte"),
    ("kaa", "bilimlendiriw"),
    ("kaa-cyrl", "министрлиги"),
    ("kaa-cyrl", "awıl xojalıǵı"),
    # Russian: stems, phrases, misspellings
    ("ru", "министерство"),
    ("ru", "министерства здравоохранения"),
    ("ru", "цифровизация"),
    ("ru", "Ташкент"),
    ("ru", '"сельского хозяйства"'),
    ("ru", "образование"),
    ("ru", "министерсво"),  # misspelt
    ("ru", "Самаркандской области"),
    # English
    ("en", "ministry"),
    ("en", "ministry of health"),
    ("en", "digitalisation"),
    ("en", "Tashkent"),
    ("en", '"health care"'),
    ("en", "agriculture"),
    ("en", "educaton"),  # misspelt
    ("en", "economy finance"),
    ("en", "Samarkand region"),
    ("en", "helpline"),
]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _latencies() -> dict:
    """p50/p95 (ms) of the query set: the search itself, and the whole page."""
    factory = RequestFactory(SERVER_NAME="127.0.0.1")
    client = Client(SERVER_NAME="127.0.0.1")
    engine, page = [], []
    for language, query in QUERIES:
        with translation.override(language):
            request = factory.get(f"/{language}/search/")
            service.run(request, query, language=language)  # warm the caches
            for _ in range(REPEAT):
                started = time.perf_counter()
                service.run(request, query, language=language)
                engine.append((time.perf_counter() - started) * 1000)
        path = f"/{language}/search/"
        client.get(path, {"q": query})
        for _ in range(REPEAT):
            started = time.perf_counter()
            response = client.get(path, {"q": query})
            page.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, query, response.status_code)
    return {
        "engine_p50": statistics.median(engine),
        "engine_p95": _percentile(engine, 0.95),
        "page_p50": statistics.median(page),
        "page_p95": _percentile(page, 0.95),
    }


def measure() -> dict:
    """Everything, on the current database; returns figures as a dict."""
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "search": ""}  # one client
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())
    small = _latencies()
    small_entries = SearchEntry.objects.count()
    started = time.perf_counter()
    created = generate_news(count=NEWS, seed=6)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    call_command("update_index", backend_name="portal", verbosity=0)
    indexing = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    entries = SearchEntry.objects.count()
    large = _latencies()
    return {
        "vendor": connection.vendor,
        "small_entries": small_entries,
        "entries": entries,
        "created": created,
        "generated_s": generated,
        "indexing_s": indexing,
        "small": small,
        "large": large,
    }


def _postgres() -> dict | None:
    """The same measurement in a child process on a fresh PostgreSQL database."""
    try:
        import psycopg

        admin = POSTGRES_URL.rsplit("/", 1)[0] + "/postgres"
        name = POSTGRES_URL.rsplit("/", 1)[1]
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception as error:  # noqa: BLE001 - no server is an answer, not a failure
        print(f"PostgreSQL not measured: {error}", file=sys.stderr)
        return None
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", CHILD],
        env={**os.environ, "DATABASE_URL": POSTGRES_URL},
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


CHILD = (
    "import django; django.setup(); from benchmarks.bench_search import child; child()"
)


def child() -> None:
    print(json.dumps(measure()))


def _row(figures: dict) -> str:
    small, large = figures["small"], figures["large"]
    rate = figures["entries"] / figures["indexing_s"]
    return (
        f"| {figures['vendor']} | {figures['entries']:,} | "
        f"{figures['indexing_s']:.0f} s ({rate:,.0f}/s) | "
        f"{small['engine_p50']:.1f} / {small['engine_p95']:.1f} | "
        f"{large['engine_p50']:.1f} / {large['engine_p95']:.1f} | "
        f"{small['page_p50']:.1f} / {small['page_p95']:.1f} | "
        f"{large['page_p50']:.1f} / {large['page_p95']:.1f} | "
        f"{large['page_p95'] / small['page_p95']:.2f} |"
    )


def run() -> str:
    figures = [measure()]
    postgres = _postgres()
    if postgres is not None:
        figures.append(postgres)
    rows = "\n".join(_row(f) for f in figures)
    first = figures[0]
    return (
        "## Search at 100,000 news items\n\n"
        f"{len(QUERIES)} fixed queries (both scripts, five languages, stems, phrases, "
        f"misspellings, no-match), each timed {REPEAT} times after one warm-up: "
        "p50 / p95 in milliseconds of the search itself (`service.run`: candidates, "
        "ranking, facets, one page of hits with snippets) and of the whole results "
        "page through Django, first with the demo alone "
        f"({first['small_entries']:,} index entries), then after `generate_content` "
        f"added {first['created']:,} news items in every language. Indexing is "
        "`manage.py update_index --backend portal` over everything. Goal: p95 "
        "≤ 50 ms on both databases, growing slower than the content.\n\n"
        "| Database | Entries | Full reindex | Search, demo | Search, 100k | "
        "Page, demo | Page, 100k | Page p95 ratio |\n"
        "|---|---|---|---|---|---|---|---|\n"
        f"{rows}\n"
    )
