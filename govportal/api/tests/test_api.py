"""The public JSON API: lists, filters, languages, errors and HTTP manners."""

import pytest

from govportal.agencies.models import AgencyPage
from govportal.core.testing import assert_page
from govportal.news.models import NewsPage

LISTS = ["news", "announcements", "agencies", "helplines", "faqs"]


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("code", ["uz", "uz-cyrl", "kaa", "ru", "en"])
def test_every_list_answers_in_every_language(client, demo, name, code):
    response = client.get(f"/api/v1/{name}/", {"lang": code, "page_size": 5})
    assert response.status_code == 200
    data = response.json()
    assert data["language"] == code
    assert data["results"], f"no {name} in {code}"
    assert all(item["language"] == code for item in data["results"])
    assert data["previous"] is None


@pytest.mark.parametrize("name", LISTS)
def test_detail_of_a_listed_item(client, demo, name):
    item = client.get(f"/api/v1/{name}/", {"lang": "en"}).json()["results"][0]
    detail = client.get(f"/api/v1/{name}/{item['id']}/").json()
    assert detail["id"] == item["id"]
    assert detail["translation_key"] == item["translation_key"]


def test_news_pages_through_with_next_links(client, demo):
    first = client.get("/api/v1/news/", {"lang": "en", "page_size": 2}).json()
    assert len(first["results"]) == 2
    second = client.get(first["next"]).json()
    assert second["previous"] and second["page"] == 2
    assert {n["id"] for n in first["results"]}.isdisjoint(
        n["id"] for n in second["results"]
    )
    dates = [n["date"] for n in first["results"] + second["results"]]
    assert dates == sorted(dates, reverse=True)


def test_news_filters_by_category_agency_and_dates(client, demo):
    economics = client.get("/api/v1/news/", {"lang": "en", "category": "economics"})
    assert all(
        n["category"]["slug"] == "economics" for n in economics.json()["results"]
    )
    agency = AgencyPage.objects.get(
        locale__language_code="en", slug="digital-technologies"
    )
    own = client.get("/api/v1/news/", {"lang": "en", "agency": agency.slug}).json()
    assert own["results"]
    assert all(n["agency"]["id"] == agency.id for n in own["results"])
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    day = news.date.date().isoformat()
    dated = client.get("/api/v1/news/", {"lang": "en", "since": day, "until": day})
    assert news.id in {n["id"] for n in dated.json()["results"]}
    detail = client.get(f"/api/v1/news/{news.id}/").json()
    assert "body" in detail and isinstance(detail["tags"], list)


def test_agencies_filter_by_type_region_and_text(client, demo):
    ministries = client.get("/api/v1/agencies/", {"lang": "en", "type": "ministry"})
    assert all(a["type"] == "ministry" for a in ministries.json()["results"])
    region = client.get("/api/v1/agencies/", {"lang": "ru", "region": "SA"}).json()
    assert [a["region"] for a in region["results"]] == ["SA"]
    found = client.get("/api/v1/agencies/", {"lang": "uz", "q": "ADLIYA"}).json()
    assert "Adliya vazirligi" in [a["title"] for a in found["results"]]


def test_helplines_and_faqs_filter(client, demo):
    agency = client.get("/api/v1/agencies/", {"lang": "en", "q": "health"}).json()
    agency_id = agency["results"][0]["id"]
    lines = client.get("/api/v1/helplines/", {"lang": "en", "agency": agency_id})
    assert {line["agency"]["id"] for line in lines.json()["results"]} == {agency_id}
    free = client.get("/api/v1/helplines/", {"lang": "en", "free": "true"}).json()
    assert all(line["is_free"] for line in free["results"])
    first = client.get("/api/v1/faqs/", {"lang": "en"}).json()["results"][0]
    category = first["category"]["id"]
    same = client.get("/api/v1/faqs/", {"lang": "en", "category": category}).json()
    assert {q["category"]["id"] for q in same["results"]} == {category}
    assert first["url"].startswith("http://") and "#q-" in first["url"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"lang": "fr"}, "lang"),
        ({"page": "0"}, "page"),
        ({"page_size": "500"}, "page_size"),
        ({"since": "yesterday"}, "since"),
    ],
)
def test_bad_parameters_get_a_json_400_naming_them(client, demo, query, parameter):
    response = client.get("/api/v1/news/", query)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert error["parameter"] == parameter and error["message"]


def test_unknown_items_and_endpoints_get_a_json_404(client, demo):
    for url in ["/api/v1/news/999999999/", "/api/v1/news/abc/", "/api/v1/nothing/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json()["error"]["code"] == "not_found"


def test_answers_carry_an_etag_and_revalidate_to_304(client, demo):
    response = client.get("/api/v1/agencies/", {"lang": "en"})
    assert response["Cache-Control"].startswith("public, max-age=")
    etag = response["ETag"]
    again = client.get("/api/v1/agencies/", {"lang": "en"}, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag


def test_cors_is_open_for_reads_and_writes_are_refused(client, demo):
    response = client.get("/api/v1/faqs/")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/faqs/",
        HTTP_ORIGIN="https://example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    refused = client.post("/api/v1/faqs/", {})
    assert refused.status_code == 405
    assert refused["Allow"] == "GET, HEAD, OPTIONS"
    assert refused.json()["error"]["code"] == "method_not_allowed"


def test_too_many_requests_get_429_with_retry_after(client, demo, settings):
    settings.THROTTLE_RATES = {"api": "3/minute"}
    statuses = [client.get("/api/v1/faqs/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    limited = client.get("/api/v1/faqs/")
    assert int(limited["Retry-After"]) >= 1
    assert limited.json()["error"]["code"] == "rate_limited"
    ckan = client.get("/api/3/action/package_list")
    assert ckan.status_code == 429 and ckan.json()["success"] is False


def test_openapi_document_and_docs_page(client, demo):
    document = client.get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert {"/api/v1/news/", "/api/v1/faqs/{id}/"} <= set(document["paths"])
    index = client.get("/api/v1/").json()
    assert index["openapi"].endswith("/api/v1/openapi.json")
    redirect = client.get("/api/v1/docs/", HTTP_ACCEPT_LANGUAGE="ru")
    assert redirect.status_code == 302 and redirect["Location"] == "/ru/api/"
    for code in ["uz", "ru", "en"]:
        soup = assert_page(client.get(f"/{code}/api/"), lang=code)
        assert len(soup.select(".api-operation")) == len(
            [op for path in document["paths"].values() for op in path]
        )
