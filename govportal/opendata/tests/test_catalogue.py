import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from govportal.core.testing import assert_page
from govportal.opendata.models import DataCatalogPage, Dataset, DownloadCount, Resource

WRITTEN = ["uz", "kaa", "ru", "en"]


def _catalogue(code: str) -> DataCatalogPage:
    return DataCatalogPage.objects.live().get(locale__language_code=code)


def test_the_demo_has_datasets_with_csv_and_xlsx_files_from_several_agencies(demo):
    datasets = Dataset.objects.filter(locale__language_code="uz")
    assert datasets.count() >= 15
    assert len({dataset.agency_key for dataset in datasets}) >= 5
    for dataset in datasets:
        formats = {resource.format for resource in dataset.resources.all()}
        assert {"CSV", "XLSX"} <= formats, dataset.name
        for resource in dataset.resources.all():
            assert resource.size and len(resource.checksum) == 64
            assert resource.file.storage.exists(resource.file.name)


def test_every_language_has_the_datasets_cyrillic_ones_generated(demo):
    counts = {
        locale.language_code: Dataset.objects.filter(locale=locale).count()
        for locale in Locale.objects.all()
    }
    assert len(set(counts.values())) == 1, counts
    cyrillic = Dataset.objects.get(
        locale__language_code="uz-cyrl", name="population-by-region"
    )
    assert cyrillic.title.startswith("Ҳудудлар")
    assert cyrillic.resources.count() == 2


@pytest.mark.parametrize("code", [*WRITTEN, "uz-cyrl"])
def test_catalogue_page_lists_datasets_with_facets(client, demo, code):
    page = _catalogue(code)
    soup = assert_page(client.get(page.url), lang=code)
    assert len(soup.select(".dataset-item")) == 16
    facets = soup.select(".catalogue-facets h2")
    assert len(facets) == 4
    assert soup.select_one("link[type='text/turtle']")


def test_facets_narrow_the_catalogue(client, demo):
    page = _catalogue("en")
    soup = assert_page(client.get(f"{page.url}?groups=heal"), lang="en")
    titles = [a.get_text() for a in soup.select(".dataset-item h2 a")]
    assert sorted(titles) == ["Hospitals and beds by region", "Vaccination coverage"]
    current = soup.select_one(".catalogue-facets a[aria-current]")
    assert current.get_text() == "Health"
    soup = assert_page(
        client.get(f"{page.url}?res_format=JSON&organization=region-tk"), lang="en"
    )
    assert [a.get_text() for a in soup.select(".dataset-item h2 a")] == [
        "Air quality in Tashkent"
    ]


def test_search_matches_in_either_script_and_ignores_apostrophes(client, demo):
    page = _catalogue("uz")
    for query in ["aholi", "АҲОЛИ", "sogliqni"]:
        soup = assert_page(client.get(page.url, {"q": query}), lang="uz")
        assert soup.select(".dataset-item"), query
    soup = assert_page(client.get(page.url, {"q": "nothing-like-this"}), lang="uz")
    assert not soup.select(".dataset-item")


def test_bad_filters_are_ignored_with_a_notice(client, demo):
    page = _catalogue("en")
    soup = assert_page(
        client.get(page.url, {"groups": "nope", "page": "99"}), lang="en"
    )
    assert soup.select_one(".notice")
    assert soup.select(".dataset-item")


def test_dataset_page_shows_facts_files_preview_and_chart(client, demo):
    page = _catalogue("en")
    soup = assert_page(client.get(f"{page.url}population-by-region/"), lang="en")
    assert soup.h1.get_text() == "Resident population by region"
    rows = soup.select(".preview-table tbody tr")
    assert len(rows) == 10
    assert rows[0].td.get_text() == "Republic of Karakalpakstan"
    svg = soup.select_one("figure.chart-figure svg")
    assert svg["role"] == "img" and svg.title.get_text()
    assert len(svg.find_all("rect")) == 14
    assert len(soup.select(".chart-columns a")) == 5
    files = soup.select(".resource-table tbody tr")
    assert [row.select_one(".format-badge").get_text() for row in files] == [
        "CSV",
        "XLSX",
    ]
    assert soup.find("script", type="application/ld+json")


def test_the_chart_column_is_chosen_by_a_link(client, demo):
    page = _catalogue("en")
    response = client.get(f"{page.url}population-by-region/", {"chart": "3"})
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".chart-columns a[aria-current]").get_text() == "2022"


def test_an_unknown_dataset_is_404(client, demo):
    assert client.get(f"{_catalogue('en').url}no-such-data/").status_code == 404


def test_downloads_serve_the_file_and_are_counted(client, demo):
    resource = Resource.objects.get(
        locale__language_code="en", dataset__name="gdp-by-quarter", format="CSV"
    )
    url = f"/opendata/files/{resource.translation_key}/{resource.filename}"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert b"".join(response.streaming_content).startswith(b"Quarter,GDP")
    client.get(url)
    client.head(url)
    count = DownloadCount.objects.get(resource_key=resource.translation_key).count
    assert count == 2
    page = _catalogue("ru")
    soup = assert_page(client.get(f"{page.url}gdp-by-quarter/"), lang="ru")
    counts = [
        row.find_all("td")[-1].get_text()
        for row in soup.select(".resource-table tbody tr")
    ]
    assert counts == ["2", "0"]


def test_open_government_page_links_the_catalogue(client, demo):
    from govportal.opengov.models import OpenGovernmentPage

    page = OpenGovernmentPage.objects.live().get(locale__language_code="en")
    soup = assert_page(client.get(page.url), lang="en")
    assert soup.select_one(f".opengov-sections a[href='{_catalogue('en').url}']")
