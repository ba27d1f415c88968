"""``ckanapi``'s RemoteCKAN against a live server, over real HTTP.

The live server needs ``transactional_db``, which empties the database after the
test. pytest-django runs such tests after the others, in collection order; this
one lives in ``api/tests`` so that it comes before the browser tests and finds the
session's demo still loaded (``load_demo`` then writes nothing). Wherever it runs,
the fixture makes sure the demo is there.
"""

import io

import pytest
from ckanapi import RemoteCKAN
from django.core.management import call_command


@pytest.fixture
def site(live_server, transactional_db, settings):
    settings.THROTTLE_RATES = {"api": ""}
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


def test_remote_ckan_lists_shows_and_searches_the_demo_catalogue(site):
    with RemoteCKAN(site, user_agent="govportal-tests") as portal:
        names = portal.action.package_list()
        assert len(names) >= 15
        package = portal.action.package_show(id=names[0])
        assert package["name"] == names[0] and package["resources"]
        found = portal.action.package_search(q="expenditure", lang="en")
        assert found["count"] == 1
        assert found["results"][0]["name"] == "state-budget-execution"
        assert "statistics" in portal.action.organization_list()
    with RemoteCKAN(site, get_only=True) as portal:
        assert portal.action.package_search(fq="groups:heal")["count"] == 2
