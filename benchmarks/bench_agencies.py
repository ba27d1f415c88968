"""Render time and SQL queries of the agency directory with 1,000 agencies and the
helplines page with 3,000 helplines, uncached."""

import io

from django.core.management import call_command
from django.test import Client
from wagtail.models import Locale

from benchmarks.bench_pages import measure
from govportal.agencies.models import AgencyIndexPage, AgencyPage, HelplinesPage
from govportal.agencies.tests.factories import bulk_agencies, bulk_helplines

REQUESTS = 100
AGENCIES = 1000
HELPLINES = 3000
PREFIX = "Bench"


def prepare() -> tuple[AgencyIndexPage, HelplinesPage]:
    """Migrate, load the demo, and add the bench agencies once."""
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", stdout=io.StringIO())
    locale = Locale.objects.get(language_code="uz")
    directory = AgencyIndexPage.objects.get(locale=locale)
    helplines_page = HelplinesPage.objects.get(locale=locale)
    existing = AgencyPage.objects.child_of(directory).filter(
        slug__startswith=f"{PREFIX.lower()}-"
    )
    if not existing.exists():
        demo_count = AgencyPage.objects.child_of(directory).count()
        pages = bulk_agencies(directory, AGENCIES - demo_count, prefix=PREFIX)
        demo_helplines = len(helplines_page.get_helpline_rows())
        bulk_helplines(pages, HELPLINES - demo_helplines)
    return directory, helplines_page


def run() -> str:
    directory, helplines_page = prepare()
    client = Client(SERVER_NAME="127.0.0.1")
    agencies = AgencyPage.objects.live().child_of(directory).count()
    helplines = len(helplines_page.get_helpline_rows())
    rows = []
    for label, url in [
        (f"Directory, {agencies} agencies, page 1", directory.url),
        (f"Directory, {agencies} agencies, text filter", f"{directory.url}?q=bench+9"),
        (f"Helplines, {helplines} helplines, page 1", helplines_page.url),
        (f"Helplines CSV, {helplines} rows", f"{helplines_page.url}csv/"),
    ]:
        median_ms, query_count = measure(client, url, requests=REQUESTS)
        rows.append(f"| {label} | `{url}` | {median_ms:.2f} | {query_count} |")
    table = "\n".join(rows)
    return (
        "## Agencies and helplines\n\n"
        f"Median of {REQUESTS} requests through the whole Django stack, uncached; "
        "SQL queries of one request. The directory shows 50 agencies a page and the "
        "helplines page 100 helplines a page; both filter a light list of every "
        "row in Python.\n\n"
        "| Page | Path | Median render (ms) | SQL queries |\n"
        "|---|---|---|---|\n"
        f"{table}\n"
    )
