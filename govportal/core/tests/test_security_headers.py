"""Every answer of the portal carries the security headers: every page type in every
language (served fresh and from the page cache), the error pages, the APIs, the
feeds, the sitemaps and the documents; HSTS and secure cookies under the production
settings."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client

from govportal.core.tests.page_types import PAGE_TYPES, fetch

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# Browser features no page uses: all switched off.
FEATURES_OFF = ("camera", "microphone", "geolocation", "payment", "usb")


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_secure_headers(response, *, document: bool = False) -> None:
    """The headers every public answer must carry; ``document`` for a served file,
    whose policy allows nothing at all."""
    label = f"{response.wsgi_request.path} ({response.status_code})"
    header = response["Content-Security-Policy"]
    assert "unsafe-inline" not in header and "unsafe-eval" not in header, label
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'none'"], label
    if document:
        assert directives["default-src"] == ["'none'"], label
    else:
        assert directives["default-src"] == ["'self'"], label
        assert directives["object-src"] == ["'none'"], label
        assert directives["base-uri"] == ["'self'"], label
        assert directives["form-action"] == ["'self'"], label
        for name in ("script-src", "style-src"):
            assert set(directives.get(name, ["'self'"])) <= {"'self'"}, label
    assert response["X-Content-Type-Options"] == "nosniff", label
    assert response["X-Frame-Options"] == "DENY", label
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", label
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", label
    for feature in FEATURES_OFF:
        assert f"{feature}=()" in response["Permissions-Policy"], label


@pytest.mark.parametrize("entry", PAGE_TYPES, ids=lambda entry: entry.name)
def test_every_page_type_in_every_language_carries_the_headers(client, demo, entry):
    for code in LANGUAGE_CODES:
        _path, fresh = fetch(client, entry, code)
        assert_secure_headers(fresh)
        # The second visit may come from the page cache: the same headers.
        _path, again = fetch(client, entry, code)
        assert_secure_headers(again)


def _news_index(code: str) -> str:
    from govportal.core.tests.page_types import page_type

    return page_type("news_index").find(code)


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/",
        "/api/v1/openapi.json",
        "/api/v1/news/",
        "/api/v1/faqs/",
        "/api/3",
        "/api/3/action/package_list",
        "/api/dcat/catalog.ttl",
        "/sitemap.xml",
        "/sitemap-pages.xml",
        "/news-sitemap.xml",
        "/robots.txt",
        "/uz/api/",
    ],
)
def test_apis_sitemaps_and_robots_carry_the_headers(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert_secure_headers(response)


@pytest.mark.parametrize("kind", ["rss", "atom"])
@pytest.mark.parametrize("code", ["uz", "ru"])
def test_feeds_carry_the_headers(client, demo, kind, code):
    response = client.get(f"{_news_index(code)}feed/{kind}/")
    assert response.status_code == 200
    assert_secure_headers(response)


def test_error_pages_carry_the_headers(client, demo, settings):
    not_found = client.get("/uz/missing/")
    assert not_found.status_code == 404
    assert_secure_headers(not_found)
    api_not_found = client.get("/api/v1/no-such-thing/")
    assert api_not_found.status_code == 404
    assert_secure_headers(api_not_found)
    bad = client.get("/uz/search/?q=%00")
    assert bad.status_code == 400
    assert_secure_headers(bad)
    forbidden = Client(enforce_csrf_checks=True, SERVER_NAME="127.0.0.1").post(
        "/uz/translit/", {"text": "x"}
    )
    assert forbidden.status_code == 403
    assert_secure_headers(forbidden)
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "translit": "1/minute"}
    client.get("/ru/translit/")
    too_many = client.get("/ru/translit/")
    assert too_many.status_code == 429
    assert_secure_headers(too_many)


@pytest.mark.urls("govportal.core.tests.urls_failing")
def test_the_server_error_page_carries_the_headers(demo):
    client = Client(raise_request_exception=False, SERVER_NAME="127.0.0.1")
    response = client.get("/uz/failing/")
    assert response.status_code == 500
    assert_secure_headers(response)


def test_served_documents_carry_a_policy_that_allows_nothing(client, demo, settings):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    for name in ("report.pdf", "notes.txt", "data.csv"):
        document = get_document_model().objects.create(
            title=name, file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=name)
        )
        response = client.get(document.url)
        assert response.status_code == 200
        assert_secure_headers(response, document=True)


def test_only_the_admin_gets_the_looser_policy(client, demo):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "'unsafe-inline'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


def _production_env(**extra) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "govportal.settings.production",
        "SECRET_KEY": "a-long-random-production-like-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "gov.example.uz",
        **extra,
    }


PRODUCTION_SETTINGS = (
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_HTTPONLY",
    "CSRF_COOKIE_SAMESITE",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SAMESITE",
    "STORAGES",
)


def _computed_settings(names, **env) -> dict:
    """Settings as ``govportal.settings.production`` computes them in a new process."""
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {tuple(names)}}}))"
    )
    result = subprocess.run(  # noqa: S603 - this interpreter, a script written here
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=_production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def production_settings() -> dict:
    """The security settings as ``govportal.settings.production`` computes them."""
    return _computed_settings(PRODUCTION_SETTINGS)


def test_a_variable_set_empty_means_its_default():
    """``NAME=${NAME}`` in a deployment template must not turn security off."""
    blank = {
        name: ""
        for name in ("DATABASE_URL", "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS")
    }
    names = ("DATABASES", "THROTTLE_RATES", *PRODUCTION_SETTINGS)
    values = _computed_settings(names, THROTTLE_API="", **blank)
    assert values["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] == 365 * 24 * 3600
    # The one documented exception: an empty rate means no limit.
    assert values["THROTTLE_RATES"]["api"] == ""


def test_production_settings_turn_on_hsts_and_secure_cookies(production_settings):
    values = production_settings
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and values["SECURE_HSTS_PRELOAD"]
    assert values["SECURE_SSL_REDIRECT"]
    for cookie in ("SESSION", "CSRF", "LANGUAGE"):
        assert values[f"{cookie}_COOKIE_SECURE"] is True, cookie
        assert values[f"{cookie}_COOKIE_SAMESITE"] == "Lax", cookie
    assert values["SESSION_COOKIE_HTTPONLY"] and values["CSRF_COOKIE_HTTPONLY"]
    assert values["STORAGES"]["default"]["BACKEND"] == (
        "govportal.uploads.storage.AtomicFileSystemStorage"
    )


@pytest.fixture
def as_production(settings, production_settings):
    """These test settings with the production values of the security settings."""
    for name, value in production_settings.items():
        if name not in {"STORAGES", "SECURE_PROXY_SSL_HEADER"}:
            setattr(settings, name, value)
    return settings


def test_under_production_settings_pages_send_hsts(client, demo, as_production):
    plain = client.get("/uz/")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    for url in ("/uz/", "/ru/translit/", "/api/v1/", "/sitemap.xml", "/uz/missing/"):
        response = client.get(url, secure=True)
        assert response.status_code in (200, 404), url
        assert response["Strict-Transport-Security"] == (
            f"max-age={as_production.SECURE_HSTS_SECONDS}; includeSubDomains; preload"
        )
        assert_secure_headers(response)


def _cookie(response, name):
    cookie = response.cookies[name]
    return cookie, cookie.output()


def test_under_production_settings_cookies_are_secure(client, demo, as_production):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("chief", "chief@example.uz", "pw-long-1")
    login_page = client.get("/admin/login/", secure=True)
    csrf, text = _cookie(login_page, settings.CSRF_COOKIE_NAME)
    assert csrf["secure"] and csrf["httponly"] and csrf["samesite"] == "Lax", text
    signed_in = client.post(
        "/admin/login/",
        {"username": "chief", "password": "pw-long-1"},
        secure=True,
    )
    assert signed_in.status_code == 302
    session, text = _cookie(signed_in, settings.SESSION_COOKIE_NAME)
    assert session["secure"] and session["httponly"], text
    assert session["samesite"] == "Lax", text
    lowvision = client.get("/uz/lowvision/?on=1", secure=True)
    cookie, text = _cookie(lowvision, "lowvision")
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"


def test_production_settings_pass_the_deployment_check():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=_production_env(SECRET_KEY=""),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
