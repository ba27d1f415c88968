"""Browser fixtures: Debian's Chromium driven by Playwright, against a live server."""

import io
import os

import pytest
from django.core.management import call_command

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
    database after each test, so each browser test pays for one demo load (batch
    many checks into one test)."""
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
