"""The API answers in a fixed number of queries, however much content exists."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from govportal.news.generate import generate_news
from govportal.opendata.generate import generate_datasets

URLS = [
    "/api/v1/news/?lang=en",
    "/api/v1/news/?lang=uz&page=2&page_size=50",
    "/api/v1/news/?lang=en&category=economics",
    "/api/v1/announcements/?lang=ru",
    "/api/v1/agencies/?lang=kaa",
    "/api/v1/helplines/?lang=en",
    "/api/v1/faqs/?lang=uz-cyrl",
    '/api/3/action/package_search?rows=50&facet.field=["organization","res_format"]',
    "/api/3/action/package_search?q=budget&fq=groups:econ&lang=en",
    "/api/3/action/package_list",
    "/api/3/action/package_show?id=gdp-by-quarter",
    "/api/3/action/organization_list?all_fields=true",
]
BUDGET = 12


def _query_counts(client) -> dict[str, int]:
    counts = {}
    for url in URLS:
        client.get(url)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_api_costs_the_same_queries_with_much_more_content(client, demo, settings):
    settings.THROTTLE_RATES = {"api": ""}
    generate_news(count=120, seed=1)
    generate_datasets(count=60, seed=1)
    few = _query_counts(client)
    generate_news(count=600, seed=2)
    generate_datasets(count=300, seed=2)
    many = _query_counts(client)
    assert many == few
    assert max(few.values()) <= BUDGET, few
