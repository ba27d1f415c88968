"""Remembered routes: no routing queries, and never a route the site no longer has.

These run with whole pages uncached, so each request goes through Wagtail's view
and only the remembered route (``pagecache.routing``) can answer without queries.
"""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from .conftest import add_news, publish

pytestmark = pytest.mark.usefixtures("uncached")


def _queries(client, url: str) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    return status, [query["sql"] for query in queries.captured_queries]


def test_a_page_asked_for_again_costs_no_routing_query(client, demo, latest_uz_news):
    url = latest_uz_news.get_url()
    assert client.get(url).status_code == 200
    status, sql = _queries(client, url)
    assert status == 200
    routing = [
        query
        for query in sql
        if "wagtailcore_site" in query
        or "wagtailcore_pageviewrestriction" in query
        or '"wagtailcore_page"."slug" =' in query
    ]
    assert routing == []


def test_a_remembered_route_inside_a_routable_page_is_wagtails_own(
    client, demo, uz_news_index
):
    """The archive of a day, asked twice: the second comes from the remembered
    route and must leave on the request what Wagtail's routing leaves."""
    url = f"{uz_news_index.get_url()}2025/03/14/"
    matches = []
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        matches.append(response.context["request"].routable_resolver_match)
    assert matches[1].url_name == matches[0].url_name
    assert matches[1].kwargs == matches[0].kwargs
    assert matches[1].func.__self__ == uz_news_index


def test_unpublished_page_is_gone_at_once(client, demo, latest_uz_news):
    url = latest_uz_news.get_url()
    assert client.get(url).status_code == 200
    latest_uz_news.unpublish()
    assert client.get(url).status_code == 404


def test_renamed_section_moves_every_address_below_it(
    client, demo, uz_news_index, django_capture_on_commit_callbacks
):
    item = add_news(uz_news_index, title="Nomi o'zgardi", slug="nomi-ozgardi")
    old_url = item.get_url()
    assert client.get(old_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals then
        publish(uz_news_index, slug="yangiliklar-arxivi")
    item.refresh_from_db()
    new_url = item.get_url()
    assert new_url != old_url
    assert client.get(new_url).status_code == 200
    assert client.get(old_url).status_code in (301, 302, 404)


@pytest.mark.parametrize("restriction_type", ["login", "groups", "password"])
def test_a_new_view_restriction_applies_at_once(
    client, settings, demo, latest_uz_news, restriction_type
):
    settings.PAGE_CACHE = True  # the whole-page cache must let go of the page too
    url = latest_uz_news.get_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    restriction = PageViewRestriction.objects.create(
        page=Page.objects.get(pk=latest_uz_news.pk),
        restriction_type=restriction_type,
        password="maxfiy-parol-123",
    )
    if restriction_type == "groups":
        restriction.groups.add(Group.objects.get(name="Moderators"))
    response = client.get(url)
    assert latest_uz_news.title not in response.content.decode()
    assert response.status_code in (200, 302)  # the password form, or the login
    assert "no-cache" in response["Cache-Control"]
    restriction.delete()
    response = client.get(url)
    assert response.status_code == 200
    assert latest_uz_news.title in response.content.decode()


def test_a_restriction_on_a_section_covers_the_pages_below(
    client, demo, uz_news_index, latest_uz_news
):
    url = latest_uz_news.get_url()
    assert client.get(url).status_code == 200
    PageViewRestriction.objects.create(
        page=Page.objects.get(pk=uz_news_index.pk), restriction_type="login"
    )
    assert client.get(url).status_code == 302
