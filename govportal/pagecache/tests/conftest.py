import pytest
from django.utils import timezone

from govportal.news.models import NewsIndexPage, NewsPage


def fetch(client, url, **headers):
    """GET ``url`` and return (status, X-Page-Cache, text)."""
    response = client.get(url, **headers)
    content = response.content
    return response.status_code, response.get("X-Page-Cache"), content.decode()


@pytest.fixture
def warm(client):
    """Request ``url`` until it is served from the cache; return its text."""

    def warm_up(url: str) -> str:
        fetch(client, url)
        status, state, text = fetch(client, url)
        assert (status, state) == (200, "hit"), url
        return text

    return warm_up


@pytest.fixture
def fresh(client):
    """Request ``url`` and insist the cache rendered it afresh."""

    def fresh_text(url: str) -> str:
        status, state, text = fetch(client, url)
        assert (status, state) == (200, "miss"), url
        return text

    return fresh_text


@pytest.fixture
def latest_uz_news():
    return (
        NewsPage.objects.live()
        .filter(locale__language_code="uz", depth=4)
        .order_by("-date")
        .first()
    )


@pytest.fixture
def uz_news_index():
    return NewsIndexPage.objects.get(locale__language_code="uz", depth=3)


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_news(index, *, title, slug, date=None, category=None):
    page = index.add_child(
        instance=NewsPage(
            title=title,
            slug=slug,
            lead="Lead.",
            date=date or timezone.now(),
            category=category,
            live=False,
        )
    )
    return publish(page)
