"""Each dataset's page in ``sitemap.xml``, in every language, with its alternates."""

import datetime

from defusedxml import ElementTree as ET
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.timezone import localtime
from wagtail.models import Locale

from govportal.opendata.generate import generate_datasets
from govportal.opendata.models import DataCatalogPage, Dataset
from govportal.opendata.sitemaps import DatasetSitemap

LANGUAGES = ["uz", "uz-cyrl", "kaa", "kaa-cyrl", "ru", "en"]
TAGS = {
    "uz": "uz-Latn",
    "uz-cyrl": "uz-Cyrl",
    "kaa": "kaa-Latn",
    "kaa-cyrl": "kaa-Cyrl",
}
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ORIGIN = "http://127.0.0.1"


def _locations(client, path: str) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def _urlset(client, path: str) -> dict[str, dict]:
    response = client.get(path)
    assert response.status_code == 200, path
    return {
        url.find(f"{SITEMAP}loc").text: {
            "lastmod": url.find(f"{SITEMAP}lastmod").text,
            "alternates": {
                link.get("hreflang"): link.get("href")
                for link in url.iter(f"{XHTML}link")
            },
        }
        for url in ET.fromstring(response.content).iter(f"{SITEMAP}url")
    }


def _catalogue_url(code: str) -> str:
    catalogue = DataCatalogPage.objects.get(locale__language_code=code)
    return f"{ORIGIN}{catalogue.url}"


def _dataset_url(code: str, name: str) -> str:
    return f"{_catalogue_url(code)}{name}/"


def test_sitemap_lists_every_dataset_in_every_language_with_alternates(client, demo):
    index = _locations(client, "/sitemap.xml")
    assert index == [f"{ORIGIN}/sitemap-pages.xml", f"{ORIGIN}/sitemap-datasets.xml"]
    urls = _urlset(client, "/sitemap-datasets.xml")
    assert len(urls) == Dataset.objects.count() == 16 * len(LANGUAGES)
    name = "population-by-region"
    expected = {TAGS.get(code, code): _dataset_url(code, name) for code in LANGUAGES}
    expected["x-default"] = _dataset_url("uz", name)
    for code in LANGUAGES:
        entry = urls[_dataset_url(code, name)]
        assert entry["alternates"] == expected
    dataset = Dataset.objects.get(locale__language_code="en", name=name)
    modified = urls[_dataset_url("en", name)]["lastmod"]
    assert datetime.date.fromisoformat(modified) == localtime(dataset.modified).date()
    pages = _urlset(client, "/sitemap-pages.xml")
    assert not set(urls) & set(pages)


def test_every_dataset_address_in_the_sitemap_answers(client, demo):
    urls = _urlset(client, "/sitemap-datasets.xml")
    for code in LANGUAGES:
        mine = [url for url in urls if url.startswith(_catalogue_url(code))]
        assert len(mine) == 16, code
        response = client.get(mine[0].removeprefix(ORIGIN))
        assert response.status_code == 200, mine[0]


def test_a_dataset_is_listed_only_where_it_and_a_live_catalogue_exist(client, demo):
    name = "population-by-region"
    Dataset.objects.get(locale__language_code="en", name=name).delete()
    DataCatalogPage.objects.get(locale__language_code="ru").unpublish()
    urls = _urlset(client, "/sitemap-datasets.xml")
    assert len(urls) == 16 * 5 - 1
    assert _dataset_url("en", "gdp-by-quarter") in urls
    alternates = urls[_dataset_url("uz", name)]["alternates"]
    assert set(alternates) == {
        "uz-Latn",
        "uz-Cyrl",
        "kaa-Latn",
        "kaa-Cyrl",
        "x-default",
    }
    assert alternates["x-default"] == _dataset_url("uz", name)


def test_a_dataset_without_its_default_language_version_has_no_x_default(client, demo):
    Dataset.objects.filter(
        locale=Locale.objects.get(language_code="uz"), name="gdp-by-quarter"
    ).delete()
    urls = _urlset(client, "/sitemap-datasets.xml")
    alternates = urls[_dataset_url("en", "gdp-by-quarter")]["alternates"]
    assert "uz-Latn" not in alternates and "x-default" not in alternates


def _queries(client, path: str) -> int:
    client.get(path)  # warm the per-process caches (site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


def test_sitemap_costs_the_same_queries_however_many_datasets(
    client, demo, monkeypatch
):
    monkeypatch.setattr(DatasetSitemap, "limit", 50)
    before = [
        _queries(client, path) for path in ("/sitemap.xml", "/sitemap-datasets.xml")
    ]
    generate_datasets(count=40, seed=3)
    total = Dataset.objects.count()
    assert total == 56 * len(LANGUAGES)
    after = [
        _queries(client, path) for path in ("/sitemap.xml", "/sitemap-datasets.xml")
    ]
    assert after == before
    files = [
        url.removeprefix(ORIGIN)
        for url in _locations(client, "/sitemap.xml")
        if "datasets" in url
    ]
    assert len(files) == -(-total // 50)
    listed = []
    for path in files:
        assert _queries(client, path) == before[1], path
        listed += _urlset(client, path)
    assert len(listed) == len(set(listed)) == total
    assert client.get(f"/sitemap-datasets.xml?p={len(files) + 1}").status_code == 404
