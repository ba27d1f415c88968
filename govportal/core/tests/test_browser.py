"""The portal in a real browser: Debian's Chromium driven by Playwright."""

import io
import os

import pytest
from django.conf import settings
from django.core.management import call_command

from govportal.core.languages import BCP47_TAGS

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
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


@pytest.fixture
def site(live_server, transactional_db):
    """The live server, with the demo loaded again: ``transactional_db`` empties the
    database after each test, so each browser test pays for one demo load."""
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


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


def test_pages_fit_a_320_pixel_screen(site, browser):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    for path in ["/uz/", "/kaa/", "/ru/", "/ru/news/", "/en/agencies/"]:
        tab.goto(f"{site}{path}")
        width = tab.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width} px wide"
    context.close()
