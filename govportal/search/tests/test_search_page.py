"""The search page: every content type, both scripts, facets, sorting, bad input."""

import json
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from govportal.core.testing import assert_page
from govportal.search import service
from govportal.search.engines import QueryTooSlow, _postgres_time_cap, _sqlite_time_cap


def _hits(response) -> list[tuple[str, str]]:
    """(url, title text) of each hit on a results page."""
    html = response.content.decode()
    found = re.findall(r'class="search-hit-title"><a href="([^"]*)">(.*?)</a>', html)
    return [(url, re.sub(r"</?mark>", "", title)) for url, title in found]


@pytest.mark.parametrize(
    ("path", "query", "expected_title"),
    [
        # A Cyrillic query finds Latin-script content, and the reverse.
        ("/uz/search/", "солиқ қўмитаси", "Soliq qoʻmitasi"),
        ("/uz-cyrl/search/", "soliq qo'mitasi", "Солиқ қўмитаси"),
        ("/kaa/search/", "салық", "Salıq komiteti"),
        ("/ru/search/", "налоговый", "Налоговый комитет"),
        ("/en/search/", "taxes", "Tax Committee"),
    ],
)
def test_a_query_in_either_script_finds_the_page(
    client, demo, path, query, expected_title
):
    response = client.get(path, {"q": query})
    assert_page(response, lang=path.strip("/").split("/")[0])
    titles = [title for _url, title in _hits(response)]
    assert expected_title in titles, titles


def test_results_come_from_every_content_type_in_the_current_language(client, demo):
    response = client.get("/uz/search/", {"q": "ishonch telefoni"})
    html = response.content.decode()
    urls = [url for url, _title in _hits(response)]
    assert urls and all(url.startswith("/uz/") for url in urls)
    kinds = set(re.findall(r'<span class="tag">([^<]*)</span>', html))
    assert len(kinds) >= 2, kinds
    assert '<nav class="search-facets"' in html


def test_all_languages_switch_searches_every_language(client, demo):
    one = {
        url.split("/")[1]
        for url, _ in _hits(client.get("/uz/search/", {"q": "Toshkent"}))
    }
    every = {
        url.split("/")[1]
        for url, _ in _hits(
            client.get("/uz/search/", {"q": "Toshkent", "scope": "all"})
        )
    }
    assert one == {"uz"}
    assert {"uz", "uz-cyrl"} <= every


def test_matches_are_highlighted_in_the_script_they_were_written_in(client, demo):
    response = client.get("/uz-cyrl/search/", {"q": "vazirlik"})
    assert re.search(r"<mark>Вазирли[^<]*</mark>", response.content.decode())


def test_type_facet_narrows_the_results_and_shows_counts(client, demo):
    everything = client.get("/uz/search/", {"q": "vazirlik"})
    html = everything.content.decode()
    match = re.search(
        r'href="(\?[^"]*type=agency[^"]*)"[^>]*>[^<]*<span class="count">\((\d+)\)',
        html,
    )
    assert match, "an agency facet value with its count"
    link, count = match[1].replace("&amp;", "&"), int(match[2])
    narrowed = client.get("/uz/search/" + link)
    assert_page(narrowed, lang="uz")
    urls = [url for url, _ in _hits(narrowed)]
    assert 0 < len(urls) <= count
    assert all("/davlat-organlari/" in url for url in urls)


def test_sorting_by_date_puts_the_newest_first(client, demo):
    response = client.get("/en/search/", {"q": "the", "sort": "date", "type": "news"})
    dates = re.findall(r'<time datetime="([\d-]+)"', response.content.decode())
    assert len(dates) > 2
    assert dates == sorted(dates, reverse=True)


def test_pages_of_results(client, demo):
    first = client.get("/en/search/", {"q": "the"})
    html = first.content.decode()
    assert 'rel="next"' in html
    second = client.get("/en/search/", {"q": "the", "page": "2"})
    assert_page(second, lang="en")
    assert set(_hits(first)).isdisjoint(_hits(second))
    beyond = client.get("/en/search/", {"q": "the", "page": "999"})
    assert beyond.status_code == 404
    assert "There is no page 999" in beyond.content.decode()


def test_a_misspelt_word_is_corrected(client, demo):
    response = client.get("/uz/search/", {"q": "vazrlik"})
    html = response.content.decode()
    assert _hits(response)
    assert "<strong>vazirlik</strong>" in html


def test_nothing_found_is_a_helpful_page(client, demo):
    response = client.get("/en/search/", {"q": "qwxzqwxz"})
    assert_page(response, lang="en")
    html = response.content.decode()
    assert "Nothing was found for" in html
    assert "scope=all" in html  # offers a search in every language
    assert "/en/helplines/" in html or "helplines" in html.lower()


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "   "},
        {"q": "x" * 10_000},
        {"q": "soliq " * 2000},
        {"q": '"unbalanced'},
        {"q": 'NEAR(a b) OR title:x AND -y ^z * "'},
        {"q": "'); DROP TABLE portal_search_fts; --"},
        {"q": "{title body} : x"},
        {"q": "<script>alert(1)</script>"},
        {"q": "soliq", "sort": "sideways"},
    ],
)
def test_bad_queries_get_an_answer_not_an_error(client, demo, params):
    response = client.get("/uz/search/", params)
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "soliq", "page": "-1"},
        {"q": "soliq", "page": "0"},
        {"q": "soliq", "page": "abc"},
        {"q": "soliq", "page": "9" * 30},
        {"q": "soliq", "type": "nonsense"},
        {"q": "soliq", "agency": "x"},
        {"q": "soliq", "year": "-5"},
    ],
)
def test_bad_parameters_are_a_clear_400(client, demo, params):
    response = client.get("/uz/search/", params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_nul_bytes_are_refused(client, demo):
    assert client.get("/uz/search/", {"q": "a\x00b"}).status_code == 400


def test_suggestions_as_json(client, demo):
    response = client.get("/uz/search/suggest/", {"q": "soliq q"})
    assert response.status_code == 200
    data = json.loads(response.content)
    titles = [item["title"] for item in data["suggestions"]]
    assert "Soliq qoʻmitasi" in titles
    assert all(item["url"].startswith("/uz/") for item in data["suggestions"])
    assert json.loads(client.get("/uz/search/suggest/", {"q": "x"}).content) == {
        "query": "x",
        "suggestions": [],
    }


@override_settings(THROTTLE_RATES={"search": "3/minute", "suggest": "3/minute"})
def test_searching_is_rate_limited(client, demo):
    responses = [client.get("/ru/search/", {"q": "soliq"}) for _ in range(4)]
    assert [response.status_code for response in responses] == [200, 200, 200, 429]
    refused = responses[-1]
    assert int(refused["Retry-After"]) > 0
    assert refused["Content-Type"].startswith("text/html")
    assert refused["Content-Language"] == "ru"


def test_a_search_takes_a_fixed_number_of_queries(client, demo):
    client.get("/uz/search/", {"q": "vazirlik"})
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/uz/search/", {"q": "vazirlik"})
    assert response.status_code == 200
    # Candidates of two tiers, the page of entries, their URLs, facet labels, and
    # the base page's shared parts (locale, site, menu).
    assert len(queries) <= 14, [q["sql"][:80] for q in queries]


def test_a_search_cut_off_at_the_time_cap_says_so(client, demo, monkeypatch):
    def too_slow(*args, **kwargs):
        raise QueryTooSlow

    monkeypatch.setattr(service, "run", too_slow)
    response = client.get("/en/search/", {"q": "ministry"})
    assert response.status_code == 503
    assert "took too long" in response.content.decode()


def test_the_engine_stops_a_query_at_the_time_cap(db, settings):
    settings.SEARCH_TIME_CAP_SECONDS = 0.05
    slow = {
        "sqlite": "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
        "SELECT count(*) FROM (SELECT i FROM n LIMIT 100000000)",
        "postgresql": "SELECT pg_sleep(2)",
    }[connection.vendor]
    with pytest.raises(QueryTooSlow):
        if connection.vendor == "sqlite":
            with _sqlite_time_cap(), connection.cursor() as cursor:
                cursor.execute(slow)
        else:
            with _postgres_time_cap() as cursor:
                cursor.execute(slow)


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("uz", "Portaldan qidirish"),
        ("uz-cyrl", "Порталдан қидириш"),
        ("kaa", "Portaldan izlew"),
        ("kaa-cyrl", "Порталдан излеў"),
        ("ru", "Поиск по порталу"),
        ("en", "Search the portal"),
    ],
)
def test_the_search_page_speaks_every_language(client, demo, lang, heading):
    response = client.get(f"/{lang}/search/", {"q": "zzqxw"})
    soup = assert_page(response, lang=lang)
    assert soup.h1.get_text(strip=True) == heading
