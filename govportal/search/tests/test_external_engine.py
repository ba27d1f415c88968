"""An external engine through Wagtail's search backends, by configuration alone.

OpenSearch and Elasticsearch are not on the test machine. The same code path is
exercised here with Wagtail's database backend standing in as the "external" one:
entries go to it through Wagtail's backend API, and queries come back through it.
"""

import io
import re

from django.core.management import call_command
from django.test import override_settings

BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
    "portal": {"BACKEND": "govportal.search.backend"},
    "external": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False},
}


@override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS, SEARCH_ENGINE="external")
def test_an_external_engine_finds_latin_content_for_a_cyrillic_query(client, demo):
    call_command("update_index", backend_name="portal", stdout=io.StringIO())
    html = client.get("/uz/search/", {"q": "солиқ қўмитаси"}).content.decode()
    titles = re.findall(r'class="search-hit-title"><a href="[^"]*">(.*?)</a>', html)
    assert "Soliq qoʻmitasi" in [re.sub(r"</?mark>", "", t) for t in titles]
    # Stems travel with the words: an inflected query finds the base form.
    html = client.get("/uz/search/", {"q": "vazirligi"}).content.decode()
    assert "search-hit-title" in html
