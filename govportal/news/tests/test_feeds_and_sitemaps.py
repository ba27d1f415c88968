import datetime

import feedparser
import pytest
from defusedxml import ElementTree as ET
from django.utils import timezone

from govportal.core.testing import assert_page
from govportal.news.models import NewsIndexPage, NewsPage

LANGUAGES = ["uz", "uz-cyrl", "kaa", "ru", "en"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_news_feeds_parse_in_a_feed_reader(client, demo, code, kind):
    response = client.get(f"/{code}/news/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == ("atom10" if kind == "atom" else "rss20")
    assert len(feed.entries) == 30
    entry = feed.entries[0]
    assert entry.link.startswith(f"http://127.0.0.1/{code}/news/")
    assert entry.title and entry.summary and entry.published_parsed
    language = {"uz": "uz-Latn", "uz-cyrl": "uz-Cyrl", "kaa": "kaa-Latn"}.get(
        code, code
    )
    assert feed.feed.get("language") == language


def test_category_feed_has_only_that_category(client, demo):
    response = client.get("/ru/news/category/sport/feed/atom/")
    feed = feedparser.parse(response.content)
    assert not feed.bozo
    assert {entry.tags[0].term for entry in feed.entries} == {"Спорт"}
    assert client.get("/ru/news/category/nope/feed/rss/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/en/", "/en/news/", "/en/news/uzbekistan-korea-open-source-forum/"]
)
def test_pages_advertise_the_feeds(client, demo, path):
    soup = assert_page(client.get(path), lang="en")
    feeds = {
        link["type"]: link["href"]
        for link in soup.find_all("link", rel="alternate", type=True)
    }
    assert feeds == {
        "application/rss+xml": "/en/news/feed/rss/",
        "application/atom+xml": "/en/news/feed/atom/",
    }


def test_sitemap_lists_every_page_in_every_language_with_alternates(client, demo):
    index = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert locations[0] == "http://127.0.0.1/sitemap-pages.xml"  # datasets follow
    urlset = ET.fromstring(client.get("/sitemap-pages.xml").content)
    urls = {
        url.find(f"{SITEMAP}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")
        }
        for url in urlset.iter(f"{SITEMAP}url")
    }
    seed = "news/uzbekistan-korea-open-source-forum/"
    for code in LANGUAGES:
        assert f"http://127.0.0.1/{code}/{seed}" in urls
    alternates = urls[f"http://127.0.0.1/kaa/{seed}"]
    assert alternates == {
        "uz-Latn": f"http://127.0.0.1/uz/{seed}",
        "uz-Cyrl": f"http://127.0.0.1/uz-cyrl/{seed}",
        "kaa-Latn": f"http://127.0.0.1/kaa/{seed}",
        "kaa-Cyrl": f"http://127.0.0.1/kaa-cyrl/{seed}",
        "ru": f"http://127.0.0.1/ru/{seed}",
        "en": f"http://127.0.0.1/en/{seed}",
        "x-default": f"http://127.0.0.1/uz/{seed}",
    }
    assert client.get("/sitemap-pages.xml?p=abc").status_code == 404
    assert client.get("/sitemap-pages.xml?p=999").status_code == 404


def test_news_sitemap_lists_only_the_last_two_days(client, demo):

    index = NewsIndexPage.objects.get(locale__language_code="en", depth=3)
    fresh = index.add_child(
        instance=NewsPage(title="Fresh", slug="fresh", lead="New.", date=timezone.now())
    )
    fresh.save_revision().publish()
    root = ET.fromstring(client.get("/news-sitemap.xml").content)
    news = "{http://www.google.com/schemas/sitemap-news/0.9}"
    entries = {
        url.find(f"{SITEMAP}loc").text: url for url in root.iter(f"{SITEMAP}url")
    }
    assert (
        entries["http://127.0.0.1/en/news/fresh/"].find(f".//{news}title").text
        == "Fresh"
    )
    assert (
        entries["http://127.0.0.1/en/news/fresh/"].find(f".//{news}language").text
        == "en"
    )
    oldest = timezone.now() - datetime.timedelta(days=2)
    for entry in entries.values():
        published = datetime.datetime.fromisoformat(
            entry.find(f".//{news}publication_date").text
        )
        assert published >= oldest


def test_robots_txt_points_at_the_sitemaps(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://127.0.0.1/sitemap.xml" in text
    assert "Disallow: /admin/" in text
