"""The portal in a real browser: Debian's Chromium driven by Playwright.

Each test pays for one demo load (see ``conftest.site``), so each walks through many
pages. The axe audit of every page type is in ``test_a11y.py``.
"""

import re

import pytest
from django.conf import settings
from playwright.sync_api import expect

from govportal.core.languages import BCP47_TAGS
from govportal.core.lowvision import COOKIE_NAME

from .page_types import page_type

pytestmark = pytest.mark.browser

FOCUS_IS_VISIBLE = """() => {
  const style = getComputedStyle(document.activeElement);
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  return outline || style.boxShadow !== 'none';
}"""


def describe_focus(tab) -> str:
    return tab.evaluate(
        "() => { const e = document.activeElement;"
        " const text = (e.textContent || e.name || '').trim();"
        " return e.tagName + ' ' + text.slice(0, 60); }"
    )


def tab_to(tab, selector: str, text: str | None = None, limit: int = 120) -> None:
    """Press Tab until ``selector`` (with ``text``, if given) has the focus; every
    stop on the way must show its focus."""
    for _ in range(limit):
        tab.keyboard.press("Tab")
        assert tab.evaluate(FOCUS_IS_VISIBLE), (
            f"no visible focus on {describe_focus(tab)}"
        )
        if tab.evaluate(
            "([s, text]) => document.activeElement.matches(s)"
            " && (text === null || document.activeElement.textContent.trim() === text)",
            [selector, text],
        ):
            return
    pytest.fail(f"Tab never reached {selector} {text or ''}")


def follow(tab) -> None:
    """Press Enter on the focused link or field and wait for the document it loads.

    A key press returns before the browser has followed the link, and the low-vision
    links come back to the same address, so waiting for the address is not enough.
    """
    with tab.expect_event("load"):
        tab.keyboard.press("Enter")


def test_keyboard_alone_drives_menu_languages_calendar_search_faq_and_lowvision(
    site, browser
):
    context = browser.new_context()
    tab = context.new_page()
    console_errors = []
    tab.on(
        "console",
        lambda message: message.type == "error" and console_errors.append(message.text),
    )

    # The skip link is the first stop, visible, and moves the focus to the content.
    tab.goto(f"{site}/ru/")
    tab.keyboard.press("Tab")
    assert describe_focus(tab) == "A Перейти к основному содержанию"
    assert tab.evaluate("document.activeElement.getBoundingClientRect().top") >= 0
    assert tab.evaluate(FOCUS_IS_VISIBLE)
    tab.keyboard.press("Enter")
    expect(tab).to_have_url(re.compile("#main$"))
    expect(tab.locator("#main")).to_be_focused()

    # Low-vision mode: on from the header, then each setting, then off again.
    tab.goto(f"{site}/ru/")
    tab_to(tab, ".lowvision-switch a")
    assert tab.evaluate("document.activeElement.textContent") == (
        "Версия для слабовидящих"
    )
    follow(tab)
    assert tab.url == f"{site}/ru/"
    assert tab.locator("html").get_attribute("class") == "lv lv-t1 lv-bw"
    bar = tab.get_by_role("navigation", name="Настройки отображения")
    assert bar.is_visible()
    for label, expected in [
        ("Очень крупный", "lv lv-t2 lv-bw"),
        ("Белым по чёрному", "lv lv-t2 lv-wb"),
        ("Скрывать", "lv lv-t2 lv-wb lv-ni"),
        ("Широкий", "lv lv-t2 lv-wb lv-ni lv-ls"),
    ]:
        tab_to(tab, ".lowvision-bar a", label)
        follow(tab)
        assert tab.url == f"{site}/ru/"
        assert tab.locator("html").get_attribute("class") == expected
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    assert cookies[COOKIE_NAME]["value"] == "t2-wb-ni-ls"
    assert cookies[COOKIE_NAME]["httpOnly"]
    assert tab.locator(".news-thumb").first.is_hidden(), "images are not hidden"
    tab_to(tab, ".lowvision-bar a", "Обычная версия")
    follow(tab)
    assert tab.url == f"{site}/ru/"
    assert tab.locator("html").get_attribute("class") is None
    assert COOKIE_NAME not in {cookie["name"] for cookie in context.cookies()}

    # The language switcher, through every language: each entry is named in its
    # own language, and the page follows.
    codes = [code for code, _name in settings.LANGUAGES]
    for code in [*codes[codes.index("ru") + 1 :], *codes[: codes.index("ru")], "en"]:
        tag = BCP47_TAGS[code]
        tab_to(tab, f'.language-switcher a[hreflang="{tag}"]')
        assert tab.evaluate("document.activeElement.lang") == tag
        follow(tab)
        assert tab.url == f"{site}/{code}/"
        assert tab.locator("html").get_attribute("lang") == tag
        current = tab.locator(".language-switcher a[aria-current]")
        assert current.get_attribute("hreflang") == tag

    # The main menu, then the calendar of the news page.
    news_index = page_type("news_index").find("en")
    tab_to(tab, f'.main-nav a[href="{news_index}"]')
    follow(tab)
    assert tab.url == f"{site}{news_index}"
    assert tab.locator(".main-nav a[aria-current=page]").get_attribute("href") == (
        news_index
    )
    tab_to(tab, ".calendar-grid td a")
    follow(tab)
    assert re.search(rf"{news_index}\d{{4}}/\d{{2}}/\d{{2}}/$", tab.url)
    assert tab.locator("h1").inner_text().startswith("News of ")

    # The search box.
    tab_to(tab, "#header-search-q")
    tab.keyboard.type("portal")
    follow(tab)
    assert re.search(r"/en/search/\?q=portal", tab.url)

    # FAQ: a question opens and closes from the keyboard.
    faq = page_type("faq").find("kaa")
    tab.goto(f"{site}{faq}")
    tab_to(tab, "details.faq-item > summary")
    question = tab.locator("details.faq-item").first
    assert question.get_attribute("open") is None
    tab.keyboard.press("Enter")
    expect(question).to_have_js_property("open", True)
    tab.keyboard.press("Space")
    expect(question).to_have_js_property("open", False)

    assert console_errors == [], "CSP violations or script errors in the console"

    # Without JavaScript the mode works the same, through plain links.
    context.close()
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}/uz-cyrl/")
    with tab.expect_event("load"):
        tab.locator(".lowvision-switch a").click()
    assert tab.url == f"{site}/uz-cyrl/"
    assert "lv-bw" in tab.locator("html").get_attribute("class")
    context.close()
