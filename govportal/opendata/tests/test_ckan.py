"""The CKAN Action API, called through the real ``ckanapi`` client."""

import pytest
from ckanapi import NotFound, SearchQueryError, TestAppCKAN, ValidationError
from ckanapi.errors import CKANAPIError

from govportal.opendata.models import Dataset


class DjangoTestApp:
    """What ``ckanapi.TestAppCKAN`` needs of a WSGI test app, on Django's client."""

    class Response:
        def __init__(self, response):
            self.status = response.status_code
            self.body = response.content.decode()

    def __init__(self, client):
        self.client = client

    def post(self, url, params, headers, expect_errors=True):
        extra = {f"HTTP_{k.upper().replace('-', '_')}": v for k, v in headers.items()}
        extra.pop("HTTP_CONTENT_TYPE", None)
        response = self.client.post(
            url, params, content_type=headers.get("Content-Type", ""), **extra
        )
        return self.Response(response)


@pytest.fixture
def ckan(client, demo):
    return TestAppCKAN(DjangoTestApp(client))


def test_package_list_names_every_dataset(ckan):
    names = ckan.action.package_list()
    assert len(names) == 16
    assert names == sorted(names)
    assert "population-by-region" in names
    assert ckan.action.package_list(limit=2, offset=1) == names[1:3]


def test_package_show_gives_resources_organization_and_translations(ckan):
    package = ckan.action.package_show(id="gdp-by-quarter", lang="en")
    assert package["title"] == "Gross domestic product by quarter"
    assert package["organization"]["name"] == "statistics"
    assert package["groups"][0]["name"] == "econ"
    assert package["license_id"] == "cc-by"
    assert {r["format"] for r in package["resources"]} == {"CSV", "XLSX"}
    resource = package["resources"][0]
    assert resource["hash"].startswith("sha256:") and resource["size"] > 0
    assert resource["url"].startswith("http://")
    assert set(package["title_translated"]) == {
        "uz",
        "uz-cyrl",
        "kaa",
        "kaa-cyrl",
        "ru",
        "en",
    }
    by_id = ckan.action.package_show(id=package["id"], lang="ru")
    assert by_id["name"] == "gdp-by-quarter"
    assert by_id["title"] == "Валовой внутренний продукт по кварталам"


def test_package_show_of_an_unknown_dataset_raises_not_found(ckan):
    with pytest.raises(NotFound):
        ckan.action.package_show(id="no-such-dataset")
    with pytest.raises(ValidationError):
        ckan.action.package_show()


def test_package_search_with_query_filters_paging_sort_and_facets(ckan):
    everything = ckan.action.package_search(
        rows=5,
        sort="name asc",
        **{"facet.field": ["organization", "groups", "res_format", "license_id"]},
    )
    assert everything["count"] == 16
    names = [package["name"] for package in everything["results"]]
    assert names == sorted(names) and len(names) == 5
    assert everything["facets"]["res_format"] == {"CSV": 16, "XLSX": 16, "JSON": 1}
    assert everything["facets"]["groups"]["econ"] == 3
    items = everything["search_facets"]["organization"]["items"]
    assert {"name", "display_name", "count"} <= set(items[0])
    second = ckan.action.package_search(rows=5, start=5, sort="name asc")
    assert [p["name"] for p in second["results"]][0] > names[-1]
    health = ckan.action.package_search(fq="organization:health", lang="en")
    assert health["count"] == 2
    found = ckan.action.package_search(q="population", lang="en")
    assert [p["name"] for p in found["results"]] == ["population-by-region"]
    cyrillic = ckan.action.package_search(q="aholi", lang="uz-cyrl")
    titles = [package["title"] for package in cyrillic["results"]]
    assert "Ҳудудлар бўйича доимий аҳоли сони" in titles
    both = ckan.action.package_search(fq='res_format:JSON groups:"envi"')
    assert both["count"] == 1
    tagged = ckan.action.package_search(fq='tags:"air quality"', lang="en")
    assert tagged["count"] == 1


def test_package_search_refuses_what_it_does_not_understand(ckan):
    with pytest.raises(SearchQueryError):
        ckan.action.package_search(fq="colour:blue")
    with pytest.raises(SearchQueryError):
        ckan.action.package_search(sort="weight desc")
    with pytest.raises(ValidationError):
        ckan.action.package_search(rows="many")


def test_organizations_groups_and_tags(ckan):
    organizations = ckan.action.organization_list()
    assert "statistics" in organizations and len(organizations) >= 5
    full = ckan.action.organization_list(all_fields=True, lang="en")
    statistics = next(o for o in full if o["name"] == "statistics")
    assert statistics["package_count"] == 2
    shown = ckan.action.organization_show(id="health", include_datasets=True)
    assert shown["package_count"] == 2 and len(shown["packages"]) == 2
    with pytest.raises(NotFound):
        ckan.action.organization_show(id="nobody")
    groups = ckan.action.group_list(all_fields=True, lang="en")
    assert {g["name"] for g in groups} >= {"econ", "heal", "envi"}
    assert next(g for g in groups if g["name"] == "heal")["package_count"] == 2
    assert "health" in ckan.action.tag_list(lang="en")
    assert ckan.action.tag_list(query="air", lang="en") == ["air quality"]


def test_resource_show_and_status_show(ckan):
    package = ckan.action.package_show(id="air-quality-tashkent", lang="en")
    resource = ckan.action.resource_show(id=package["resources"][2]["id"])
    assert resource["format"] == "JSON"
    assert resource["package_id"] == package["id"]
    with pytest.raises(NotFound):
        ckan.action.resource_show(id="00000000-0000-0000-0000-000000000000")
    status = ckan.action.status_show()
    assert status["ckan_version"].startswith("2.")


def test_the_api_is_read_only_and_knows_its_actions(ckan):
    with pytest.raises(CKANAPIError):
        ckan.action.package_create(name="mine")
    with pytest.raises(CKANAPIError):
        ckan.action.no_such_action()


def test_get_requests_use_ckans_envelope_on_both_addresses(client, demo):
    for base in ("/api/3/action/", "/api/action/"):
        response = client.get(
            f"{base}package_search", {"q": "expenditure", "lang": "en"}
        )
        assert response.status_code == 200
        data = response.json()
        assert data["success"] is True
        assert data["help"].endswith("help_show?name=package_search")
        assert data["result"]["count"] == 1
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["ETag"]
    missing = client.get("/api/3/action/package_show", {"id": "nothing"})
    assert missing.status_code == 404
    assert missing.json()["success"] is False
    assert missing.json()["error"]["__type"] == "Not Found Error"
    unknown = client.get("/api/3/action/frobnicate")
    assert unknown.status_code == 400
    assert unknown.json()["error"]["message"].endswith("frobnicate")
    assert client.get("/api/3").json() == {"version": 3}


def test_package_show_costs_a_fixed_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    client.get("/api/3/action/package_search", {"rows": 1})
    with django_assert_max_num_queries(12):
        response = client.get("/api/3/action/package_search", {"rows": 100})
    assert len(response.json()["result"]["results"]) == 16
    assert Dataset.objects.count() == 16 * 6
