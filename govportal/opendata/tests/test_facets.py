"""Facet counts of ``package_search`` against a plain count of what the search found."""

from collections import Counter

import pytest
from ckanapi import TestAppCKAN

from govportal.opendata.generate import generate_datasets
from govportal.opendata.models import Dataset, Resource

from .test_ckan import DjangoTestApp

FACETS = ["organization", "groups", "res_format", "license_id", "tags"]
SEARCHES = [
    {"lang": "uz"},
    {"lang": "en", "fq": "groups:econ"},
    {"lang": "ru", "fq": "res_format:JSON"},
    {"lang": "uz-cyrl", "q": "aholi"},
    {"lang": "kaa", "fq": "license_id:cc-by"},
    {"lang": "en", "q": "population", "fq": "res_format:CSV"},
]


@pytest.fixture
def ckan(client, demo, settings):
    settings.THROTTLE_RATES = {"api": ""}
    generate_datasets(count=150, seed=7)
    # A dataset with two files of one format counts once for that format.
    dataset = Dataset.objects.get(locale__language_code="en", name="gdp-by-quarter")
    Resource.objects.create(
        dataset=dataset,
        locale=dataset.locale,
        name="Again",
        format="CSV",
        url="https://data.example.org/gdp.csv",
        sort_order=9,
    )
    # A dataset whose publisher is gone is in no organization.
    Dataset.objects.filter(name="vaccination-coverage").update(agency_key=None)
    return TestAppCKAN(DjangoTestApp(client))


def _plain_counts(packages: list[dict]) -> dict[str, Counter]:
    """Each facet counted over the packages one by one."""
    counts = {name: Counter() for name in FACETS}
    for package in packages:
        if package["organization"]:
            counts["organization"][package["organization"]["name"]] += 1
        counts["groups"].update(group["name"] for group in package["groups"])
        counts["license_id"][package["license_id"]] += 1
        counts["res_format"].update({r["format"] for r in package["resources"]})
        counts["tags"].update(tag["name"] for tag in package["tags"])
    return counts


@pytest.mark.parametrize("search", SEARCHES, ids=lambda s: " ".join(s.values()))
def test_facet_counts_equal_a_plain_count_of_the_results(ckan, search):
    result = ckan.action.package_search(
        rows=1000, **{"facet.field": FACETS, "facet.limit": -1}, **search
    )
    assert result["count"] == len(result["results"]) > 0
    expected = _plain_counts(result["results"])
    for name in FACETS:
        assert result["facets"][name] == dict(expected[name]), name
    for item in result["search_facets"]["organization"]["items"]:
        narrowed = ckan.action.package_search(
            rows=0,
            **{**search, "fq": f"{search.get('fq', '')} organization:{item['name']}"},
        )
        assert narrowed["count"] == item["count"], item["name"]


def test_facets_cover_every_language_and_the_whole_catalogue(ckan):
    for code in ["uz", "uz-cyrl", "kaa", "kaa-cyrl", "ru", "en"]:
        result = ckan.action.package_search(
            rows=0, lang=code, **{"facet.field": ["groups", "res_format"]}
        )
        total = Dataset.objects.filter(locale__language_code=code).count()
        assert result["count"] == total == 166
        assert sum(result["facets"]["groups"].values()) == total
        formats = Resource.objects.filter(dataset__locale__language_code=code)
        assert result["facets"]["res_format"] == {
            fmt: formats.filter(format=fmt).values("dataset").distinct().count()
            for fmt in formats.values_list("format", flat=True).distinct()
        }
