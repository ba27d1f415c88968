import json

import pytest

from govportal.agencies.vcard import escape, fold
from govportal.core.testing import assert_page

from .conftest import DEMO_LANGUAGES


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_agency_page_shows_contacts_helplines_and_a_demo_notice(
    client, demo, justice, code
):
    page = justice.get_translation(_locale(code)).specific
    soup = assert_page(client.get(page.url), lang=code)
    assert soup.h1.get_text() == page.title
    assert soup.find(class_="demo-note")
    assert soup.select_one(".agency-contacts a[href^='tel:+99871000']")
    assert soup.select("table.helplines caption")


def _locale(code):
    from wagtail.models import Locale

    return Locale.objects.get(language_code=code)


def test_agency_page_links_its_parent_agency_in_the_same_language(client, demo):
    from govportal.agencies.models import AgencyPage

    agency = AgencyPage.objects.get(slug="public-services", locale__language_code="ru")
    soup = assert_page(client.get(agency.url), lang="ru")
    assert "Министерство юстиции" in soup.find(class_="agency-contacts").get_text()


def test_agency_page_carries_government_organization_json_ld(client, demo, justice):
    soup = assert_page(client.get(justice.url), lang="uz")
    (script,) = soup.find_all("script", type="application/ld+json")
    data = json.loads(script.string)
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == justice.official_name
    assert data["url"].startswith("http://127.0.0.1/uz/")
    assert data["geo"]["latitude"] == pytest.approx(41.3111)


def test_json_ld_cannot_close_its_script_element(client, demo, justice):
    justice.official_name = "</script><script>alert(1)</script> & co"
    justice.save_revision().publish()
    response = client.get(justice.url)
    assert b"</script><script>alert" not in response.content
    soup = assert_page(response, lang="uz")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["name"].startswith("</script>")


def test_vcard_download_is_utf8_with_crlf_lines(client, demo, justice):
    response = client.get(f"{justice.url}vcard/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n")
    assert text.endswith("END:VCARD\r\n")
    unfolded = text.replace("\r\n ", "")
    assert "FN:Oʻzbekiston Respublikasi Adliya vazirligi\r\n" in unfolded
    assert "TEL;VALUE=uri;TYPE=work,voice:tel:+998710000103" in unfolded
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))


def test_vcard_escapes_and_folds_text_values():
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("NOTE:" + "ʻ" * 60)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "NOTE:" + "ʻ" * 60
