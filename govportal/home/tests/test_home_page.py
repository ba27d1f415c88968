import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from govportal.core.testing import assert_page

# The home page's budget of SQL queries when it is rendered (no whole-page cache):
# Wagtail's routing and view restrictions, the language links, the latest news with
# their images. The menu, calendar and widgets come from their fragment caches.
HOME_PAGE_QUERY_BUDGET = 10


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_home_page_stays_within_its_query_budget(client, demo, uncached, code):
    client.get(f"/{code}/")  # warm the per-process caches, as a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/{code}/")
    assert_page(response, lang=code)
    assert len(queries) <= HOME_PAGE_QUERY_BUDGET, [q["sql"] for q in queries]


def test_home_page_shows_the_intro_and_the_site_title(client, demo):
    soup = assert_page(client.get("/en/"), lang="en")
    assert (
        soup.title.get_text() == "The Government portal of the Republic of Uzbekistan"
    )
    assert "open data" in soup.find("p", class_="lead").get_text()
    assert soup.find("a", class_="brand")["href"] == "/en/"


def test_home_page_has_a_meta_description_in_its_language(client, demo):
    soup = assert_page(client.get("/ru/"), lang="ru")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert "Правительства Республики Узбекистан" in description
