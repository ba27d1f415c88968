"""The portal in a real browser: Debian's Chromium driven by Playwright."""

import os

import pytest
from django.conf import settings
from django.db import connections
from django.test.testcases import LiveServerThread, _StaticFilesHandler

from govportal.core.languages import BCP47_TAGS

# django_db makes pytest-django create the test database even when only these run.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser(site):
    """Chromium, closed before the live server stops (its keep-alive connections hold
    server threads, and so database connections, open)."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the test thread; the ORM calls these
    # tests make run before each page visit, never concurrently with it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
            )
            yield chromium
            chromium.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """A live server on the session's test database, which holds the demo content.

    pytest-django's ``live_server`` flushes the database after every test, so each
    test would load the demo again; these tests only read, so one server serves all.
    """
    with django_db_blocker.unblock():
        in_memory = {
            connection.alias: connection
            for connection in connections.all()
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        # As Django's LiveServerTestCase does: the server thread shares the
        # in-memory database's connection, the only way it can see that database.
        for connection in in_memory.values():
            connection.inc_thread_sharing()
        server = LiveServerThread(
            "localhost", _StaticFilesHandler, connections_override=in_memory, port=0
        )
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        yield f"http://localhost:{server.port}"
        server.terminate()
        for connection in in_memory.values():
            connection.dec_thread_sharing()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.console_errors = []

    def record_error(message):
        if message.type == "error":
            tab.console_errors.append(message.text)

    tab.on("console", record_error)
    yield tab
    context.close()


def test_language_switcher_walks_through_every_language(site, page):
    page.goto(f"{site}/uz/")
    codes = [code for code, _name in settings.LANGUAGES]
    for code in [*codes[1:], codes[0]]:
        tag = BCP47_TAGS[code]
        page.locator(f'.language-switcher a[hreflang="{tag}"]').click()
        page.wait_for_url(f"{site}/{code}/")
        assert page.locator("html").get_attribute("lang") == tag
        assert page.locator("h1").inner_text()
        current = page.locator(".language-switcher a[aria-current]")
        assert current.get_attribute("hreflang") == tag
    assert page.console_errors == [], "CSP violations or script errors in the console"


def test_skip_link_is_the_first_stop_for_the_keyboard(site, page):
    page.goto(f"{site}/ru/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Перейти к основному содержанию"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


@pytest.mark.parametrize("code", ["uz", "kaa", "ru"])
def test_home_page_fits_a_320_pixel_screen(site, browser, code):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(f"{site}/{code}/")
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
