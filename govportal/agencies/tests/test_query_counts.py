"""Listings cost the same number of queries for a few items as for thousands."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from govportal.agencies.models import AgencyIndexPage
from govportal.core.testing import assert_page

from .factories import bulk_agencies, bulk_helplines


def _queries(client, url) -> int:
    client.get(url)  # warm the caches, as a running server has them
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert_page(response, lang="uz")
    return len(queries)


def test_directory_of_1000_agencies_costs_as_many_queries_as_of_3(
    client, demo, uncached, directory
):
    image = get_image_model().objects.create(title="Head", file=get_test_image_file())
    home = directory.get_parent()
    test_directory = home.add_child(
        instance=AgencyIndexPage(title="Test directory", slug="test-directory")
    )
    bulk_agencies(test_directory, 3, image=image)
    few = _queries(client, test_directory.url)
    bulk_agencies(test_directory, 997, image=image)
    many = _queries(client, test_directory.url)
    assert many == few, (few, many)
    response = client.get(test_directory.url, {"page": "20"})
    soup = assert_page(response, lang="uz")
    assert len(soup.select(".agency-card")) == 50
    assert soup.select(".agency-card img")


def test_helplines_page_of_3000_helplines_costs_as_many_queries_as_of_30(
    client, demo, uncached, directory, helplines_page
):
    few = _queries(client, helplines_page.url)
    pages = bulk_agencies(directory, 300)
    bulk_helplines(pages, 3000)
    many = _queries(client, helplines_page.url)
    assert many == few, (few, many)
    assert client.get(f"{helplines_page.url}csv/").status_code == 200
