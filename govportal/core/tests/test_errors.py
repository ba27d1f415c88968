import pytest
from django.test import RequestFactory
from django.utils import translation

from govportal.core import views
from govportal.core.testing import assert_page


@pytest.mark.parametrize(
    ("code", "heading"),
    [
        ("uz", "Sahifa topilmadi"),
        ("uz-cyrl", "Саҳифа топилмади"),
        ("kaa", "Bet tabılmadı"),
        ("ru", "Страница не найдена"),
        ("en", "Page not found"),
    ],
)
def test_unknown_page_is_a_404_in_the_visitors_language(client, demo, code, heading):
    response = client.get(f"/{code}/no/such/page/")
    soup = assert_page(response, lang=code, status=404, hreflang=False)
    assert soup.h1.get_text(strip=True) == heading
    assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert soup.find("a", href=f"/{code}/"), "the 404 page links to the home page"


def test_unknown_language_prefix_redirects_then_404s(client, demo):
    response = client.get("/xx/news/", HTTP_ACCEPT_LANGUAGE="ru", follow=True)
    assert response.redirect_chain == [("/ru/xx/news/", 302)]
    assert_page(response, lang="ru", status=404, hreflang=False)


@pytest.mark.parametrize(
    "path",
    [
        "/uz/" + "a" * 5000 + "/",
        "/uz/" + "/".join(["deep"] * 300) + "/",
        "/uz/%00/",
        "/uz/%ff%fe/",
        "/uz/..%2f..%2fetc%2fpasswd",
        "/uz/<script>alert(1)</script>/",
    ],
)
def test_hostile_paths_get_a_400_or_404_not_a_500(client, demo, path):
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert b"<script>alert" not in response.content


@pytest.mark.parametrize(
    ("view", "status", "text"),
    [
        (views.bad_request, 400, "Неверный запрос"),
        (views.permission_denied, 403, "Доступ запрещён"),
        (views.server_error, 500, "Что-то пошло не так"),
    ],
)
def test_error_pages_use_the_layout_and_the_language(view, status, text):
    request = RequestFactory().get("/ru/anything/")
    with translation.override("ru"):
        response = view(request) if status == 500 else view(request, Exception())
    assert response.status_code == status
    html = response.content.decode()
    assert text in html
    assert 'lang="ru"' in html
    assert 'class="skip-link"' in html


def test_server_error_page_needs_no_database():
    # Without the db fixture, any query raises: the page must render without one.
    request = RequestFactory().get("/en/")
    with translation.override("en"):
        response = views.server_error(request)
    assert response.status_code == 500


def test_bad_host_header_is_a_400(client, demo):
    response = client.get("/uz/", HTTP_HOST="evil.example")
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    ["/uz/news/?category=%00", "/ru/agencies/?q=a%00b", "/en/?x=%00", "/uz/%00/"],
)
def test_nul_bytes_get_a_400_page_in_the_visitors_language(client, demo, path):
    response = client.get(path)
    lang = path.split("/")[1]
    soup = assert_page(response, lang=lang, status=400, hreflang=False)
    assert soup.h1.get_text(strip=True)
