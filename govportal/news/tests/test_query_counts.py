"""Every news page renders in a fixed number of queries, however much news exists."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from govportal.news.generate import generate_news

PAGES = [
    "/uz/",
    "/uz/news/",
    "/uz/news/?page=2",
    "/uz/news/?category=economics",
    "/uz/news/uzbekistan-korea-open-source-forum/",
    "/uz/news/2017/08/15/",
    "/uz/news/2026/11/",
    "/uz/news/feed/rss/",
]
# The most queries any of these pages may take when rendered (no whole-page cache);
# most are Wagtail's routing (site, locale, one per tree level, view restrictions).
BUDGET = 12


def _query_counts(client) -> dict[str, int]:
    counts = {}
    for path in PAGES:
        client.get(path)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[path] = len(queries)
    return counts


def test_news_pages_cost_the_same_queries_with_ten_times_more_news(
    client, demo, uncached
):
    # Every generated item has a picture, so that each list shows images both times.
    generate_news(count=300, seed=1, image_share=1.0)
    few = _query_counts(client)
    generate_news(count=3000, seed=2, image_share=1.0)
    many = _query_counts(client)
    assert many == few
    assert max(few.values()) <= BUDGET, few
