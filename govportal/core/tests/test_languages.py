import re

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.models import Locale, Page

from govportal.core.languages import BCP47_TAGS
from govportal.core.testing import assert_page
from govportal.home.models import HomePage

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_renders_in_each_language(client, demo, code):
    response = client.get(f"/{code}/")
    soup = assert_page(response, lang=code)
    home = HomePage.objects.get(locale__language_code=code)
    assert soup.h1.get_text(strip=True) == home.title


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_lists_every_translation_in_hreflang(client, demo, code):
    soup = assert_page(client.get(f"/{code}/"), lang=code)
    alternates = {
        link["hreflang"]: link["href"] for link in soup.find_all("link", hreflang=True)
    }
    expected = {BCP47_TAGS[other]: f"http://127.0.0.1/{other}/" for other in LANGUAGES}
    expected["x-default"] = "http://127.0.0.1/uz/"
    assert alternates == expected


def test_interface_strings_are_translated(client, demo):
    skip_links = {
        code: assert_page(client.get(f"/{code}/"), lang=code)
        .find("a", class_="skip-link")
        .get_text()
        for code in LANGUAGES
    }
    assert skip_links["en"] == "Skip to main content"
    assert skip_links["ru"] == "Перейти к основному содержанию"
    assert skip_links["uz"] == "Asosiy mazmunga oʻtish"
    assert skip_links["uz-cyrl"] == "Асосий мазмунга ўтиш"
    assert skip_links["kaa"] == "Tiykarǵı mazmunǵa ótiw"
    assert skip_links["kaa-cyrl"] == "Тийкарғы мазмунға өтиў"


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("", "/uz/"),
        ("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("uz-Cyrl-UZ,uz;q=0.8", "/uz-cyrl/"),
        ("uz-Latn-UZ", "/uz/"),
        ("kaa-Latn", "/kaa/"),
        ("kaa", "/kaa/"),
        ("kaa-Cyrl", "/kaa-cyrl/"),
        ("qr", "/kaa/"),
        ("fr-FR,de;q=0.5", "/uz/"),
        (";;;q=abc,,,", "/uz/"),
        ("x" * 5000, "/uz/"),
        ("en;q=0.1,ru;q=0.9", "/ru/"),
    ],
)
def test_root_redirects_to_the_best_language(client, demo, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_language_switcher_leads_to_the_same_page_in_each_language(client, demo):
    soup = assert_page(client.get("/ru/"), lang="ru")
    switcher = soup.find("nav", class_="language-switcher")
    links = {a["hreflang"]: a for a in switcher.find_all("a")}
    assert {tag: a["href"] for tag, a in links.items()} == {
        BCP47_TAGS[code]: f"/{code}/" for code in LANGUAGES
    }
    assert links["ru"].get("aria-current") == "true"
    assert [a["lang"] for a in links.values()] == list(links)


def test_switcher_falls_back_to_home_when_a_page_is_not_translated(client, demo):
    uz_home = HomePage.objects.get(locale__language_code="uz")
    only_uz = uz_home.add_child(
        instance=HomePage(title="Faqat oʻzbekcha", slug="faqat", intro="Sinov")
    )
    only_uz.save_revision().publish()
    ru_copy = only_uz.copy_for_translation(Locale.objects.get(language_code="ru"))
    ru_copy.title = "Только по-узбекски"
    ru_copy.save_revision().publish()

    soup = assert_page(client.get("/uz/faqat/"), lang="uz")
    links = {
        a["hreflang"]: a["href"]
        for a in soup.find("nav", class_="language-switcher").find_all("a")
    }
    assert links["uz-Latn"] == "/uz/faqat/"
    assert links["uz-Cyrl"] == "/uz-cyrl/faqat/"  # generated from the Latin page
    assert links["ru"] == f"/ru/{ru_copy.slug}/"
    assert links["en"] == "/en/"
    assert links["kaa-Latn"] == "/kaa/"
    hreflang = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
    assert hreflang == {"uz-Latn", "uz-Cyrl", "ru", "x-default"}


def test_unpublished_translation_is_not_offered(client, demo):
    en_home = HomePage.objects.get(locale__language_code="en")
    en_home.unpublish()
    soup = assert_page(client.get("/ru/"), lang="ru")
    hreflang = {link["hreflang"] for link in soup.find_all("link", hreflang=True)}
    assert "en" not in hreflang


def test_legacy_gov_uz_language_prefixes_redirect(client, demo):
    response = client.get("/qr/some/page/")
    assert response.status_code == 301
    assert response["Location"] == "/kaa/some/page/"
    assert client.get("/oz/")["Location"] == "/uz/"


def test_admin_is_outside_the_language_prefixes(client, demo):
    assert reverse("wagtailadmin_home") == "/admin/"


def test_main_menu_follows_publishing_at_once(client, demo):
    def menu():
        soup = assert_page(client.get("/en/"), lang="en")
        return [a.get_text() for a in soup.select("nav.main-nav a")]

    assert "News" in menu()  # cached now
    news = Page.objects.get(locale__language_code="en", depth=3, slug="news")
    news.specific.unpublish()
    assert "News" not in menu()
    news.specific.save_revision().publish()
    assert "News" in menu()


@pytest.mark.parametrize("route", ["2017/08/15/", "2026/11/"])
def test_a_route_inside_a_page_keeps_its_route_in_every_language(client, demo, route):
    soup = assert_page(client.get(f"/ru/news/{route}"), lang="ru")
    links = {
        a["hreflang"]: a["href"]
        for a in soup.find("nav", class_="language-switcher").find_all("a")
    }
    assert all(href.endswith(f"/{route}") for href in links.values()), links
    hreflang = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert hreflang["en"].endswith(f"/news/{route}")


def test_a_dataset_page_links_to_the_same_dataset_in_every_language(client, demo):
    from govportal.opendata.models import DataCatalogPage

    catalogue = DataCatalogPage.objects.live().get(locale__language_code="en")
    listing = client.get(catalogue.url).content.decode()
    name = re.search(rf'href="{re.escape(catalogue.url)}([a-z0-9-_]+)/"', listing)[1]
    soup = assert_page(client.get(f"{catalogue.url}{name}/"), lang="en")
    links = {
        a["hreflang"]: a["href"]
        for a in soup.find("nav", class_="language-switcher").find_all("a")
    }
    assert all(href.endswith(f"/{name}/") for href in links.values()), links
    for href in links.values():
        assert client.get(href).status_code == 200, href
