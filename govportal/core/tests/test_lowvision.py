"""The low-vision mode: its cookie, its key for the page cache, and its view."""

import pytest
from django.test import RequestFactory

from govportal.core import lowvision
from govportal.core.testing import assert_page


@pytest.mark.parametrize(
    ("cookie", "key"),
    [
        (None, ""),
        ("", ""),
        ("t1", "t1"),
        ("ls-ni-wb-t2", "t2-wb-ni-ls"),
        ("t2-t1", "t1"),
        ("t3-xx-bw", "bw"),
        ("<script>", ""),
        ("t1-" * 50, ""),
    ],
)
def test_variant_key_is_short_and_normalized(cookie, key):
    request = RequestFactory().get("/uz/")
    if cookie is not None:
        request.COOKIES[lowvision.COOKIE_NAME] = cookie
    assert lowvision.variant_key(request) == key


def test_there_are_36_variants_at_most():
    keys = {
        lowvision.LowVision(text, contrast, images, spacing).key
        for text in lowvision.TEXT_SIZES
        for contrast in lowvision.CONTRASTS
        for images in (False, True)
        for spacing in (False, True)
    }
    assert len(keys) == 36
    assert all(lowvision.parse_key(key).key == key for key in keys)


def test_switching_on_sets_the_cookie_and_goes_back(client):
    response = client.get("/ru/lowvision/", {"on": "1", "next": "/ru/news/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/ru/news/?page=2"
    cookie = response.cookies[lowvision.COOKIE_NAME]
    assert cookie.value == "t1-bw"
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    assert "no-store" in response["Cache-Control"]


def test_each_setting_changes_only_itself(client):
    client.cookies[lowvision.COOKIE_NAME] = "t1-bw"
    for query, key in [
        ({"text": "2"}, "t2-bw"),
        ({"contrast": "wb"}, "t2-wb"),
        ({"images": "hide"}, "t2-wb-ni"),
        ({"spacing": "wide"}, "t2-wb-ni-ls"),
        ({"contrast": "default", "text": "0"}, "ni-ls"),
        ({"text": "9", "contrast": "red"}, "ni-ls"),
    ]:
        response = client.get("/en/lowvision/", {**query, "next": "/en/"})
        assert response.cookies[lowvision.COOKIE_NAME].value == key, query


def test_switching_off_deletes_the_cookie(client):
    client.cookies[lowvision.COOKIE_NAME] = "t2-wb"
    response = client.get("/uz/lowvision/", {"reset": "1", "next": "/uz/"})
    assert response.cookies[lowvision.COOKIE_NAME].value == ""
    assert response.cookies[lowvision.COOKIE_NAME]["max-age"] == 0


@pytest.mark.parametrize(
    "target",
    [
        "https://example.com/",
        "//example.com/",
        "/\\example.com/",
        "\\\\example.com",
        "javascript:alert(1)",
        "http://127.0.0.1/uz/",
        "",
    ],
)
def test_only_paths_on_this_site_are_followed(client, target):
    response = client.get("/kaa/lowvision/", {"on": "1", "next": target})
    assert response.status_code == 302
    assert response["Location"] == "/kaa/"


def test_the_settings_page_shows_the_current_choice(client, demo):
    client.cookies[lowvision.COOKIE_NAME] = "t2-wb"
    response = client.get("/ru/lowvision/", {"next": "/ru/news/"})
    soup = assert_page(response, lang="ru")
    assert soup.html["class"] == ["lv", "lv-t2", "lv-wb"]
    assert soup.find("input", attrs={"name": "text", "value": "2"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "next"})["value"] == "/ru/news/"
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert response["X-Robots-Tag"] == "noindex"


def test_pages_carry_the_mode_as_classes_and_the_bar(client, demo):
    soup = assert_page(client.get("/en/"), lang="en")
    assert not soup.html.has_attr("class")
    switch = soup.select_one(".lowvision-switch a")
    assert switch["href"] == "/en/lowvision/?on=1&next=/en/"
    assert switch["rel"] == ["nofollow"]
    client.cookies[lowvision.COOKIE_NAME] = "t1-ni"
    soup = assert_page(client.get("/uz/"), lang="uz")
    assert soup.html["class"] == ["lv", "lv-t1", "lv-ni"]
    bar = soup.select_one("nav.lowvision-bar")
    assert bar["aria-label"] == "Koʻrinish sozlamalari"
    current = [a.get_text() for a in bar.select("a[aria-current]")]
    assert current == ["Katta", "Odatiy", "Yashirish", "Oddiy"]


def test_error_pages_work_in_the_mode(client, demo):
    client.cookies[lowvision.COOKIE_NAME] = "t2-bw"
    response = client.get("/en/no/such/page/")
    soup = assert_page(response, lang="en", status=404, hreflang=False)
    assert soup.html["class"] == ["lv", "lv-t2", "lv-bw"]
