import pytest

from govportal.agencies.models import AgencyIndexPage, AgencyPage
from govportal.core.testing import assert_page

from .conftest import DEMO_LANGUAGES, in_language


@pytest.mark.parametrize("code", DEMO_LANGUAGES)
def test_directory_lists_every_demo_agency_in_its_language(client, demo, code):
    directory = in_language(AgencyIndexPage, code)
    soup = assert_page(client.get(directory.url), lang=code)
    names = [a.get_text() for a in soup.select(".agency-card-name")]
    assert len(names) == AgencyPage.objects.live().child_of(directory).count() >= 25
    assert names == sorted(names, key=str.casefold) or len(set(names)) == len(names)


def test_directory_has_an_a_to_z_index_that_filters_by_letter(client, demo):
    directory = in_language(AgencyIndexPage, "en")
    soup = assert_page(client.get(directory.url), lang="en")
    letters = [a.get_text() for a in soup.select(".az-index a")]
    assert letters[0] == "All" and "M" in letters
    soup = assert_page(client.get(directory.url, {"letter": "M"}), lang="en")
    names = [a.get_text() for a in soup.select(".agency-card-name")]
    assert names and all(name.startswith("M") for name in names)


def test_directory_filters_by_type_and_region(client, demo):
    directory = in_language(AgencyIndexPage, "en")
    soup = assert_page(client.get(directory.url, {"type": "regional"}), lang="en")
    assert len(soup.select(".agency-card")) == 14
    soup = assert_page(client.get(directory.url, {"region": "QR"}), lang="en")
    names = [a.get_text() for a in soup.select(".agency-card-name")]
    assert names == ["Council of Ministers of the Republic of Karakalpakstan"]


def test_text_filter_ignores_case_in_cyrillic_and_the_kind_of_apostrophe(client, demo):
    directory = in_language(AgencyIndexPage, "ru")
    response = client.get(directory.url, {"q": "МИНИСТЕРСТВО юстиции"})
    soup = assert_page(response, lang="ru")
    assert [a.get_text() for a in soup.select(".agency-card-name")] == [
        "Министерство юстиции"
    ]
    directory = in_language(AgencyIndexPage, "uz")
    soup = assert_page(client.get(directory.url, {"q": "sog'liqni"}), lang="uz")
    assert [a.get_text() for a in soup.select(".agency-card-name")] == [
        "Sogʻliqni saqlash vazirligi"
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"type": "bogus"},
        {"region": "ZZ"},
        {"q": "x" * 10_000},
        {"letter": "toolong"},
        {"page": "-1"},
        {"page": "999999999999999999999"},
        {"page": "abc"},
    ],
)
def test_directory_answers_bad_input_with_a_page_not_an_error(client, demo, query):
    directory = in_language(AgencyIndexPage, "en")
    soup = assert_page(client.get(directory.url, query), lang="en")
    assert soup.select(".agency-card")


def test_directory_says_which_filters_it_ignored(client, demo):
    directory = in_language(AgencyIndexPage, "en")
    soup = assert_page(client.get(directory.url, {"type": "bogus"}), lang="en")
    assert "not understood" in soup.find(class_="notice").get_text()
