"""The portal in a real browser: Debian's Chromium driven by Playwright.

Each test pays for one demo load (see ``conftest.site``), so each walks through many
pages. The axe audit of every page type is in ``test_a11y.py``.
"""

import re

import pytest
from django.conf import settings

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
    assert tab.url.endswith("#main")
    assert tab.evaluate("document.activeElement.id") == "main"

    # Low-vision mode: on from the header, then each setting, then off again.
    tab.goto(f"{site}/ru/")
    tab_to(tab, ".lowvision-switch a")
    assert tab.evaluate("document.activeElement.textContent") == (
        "Версия для слабовидящих"
    )
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"{site}/ru/")
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
        tab.keyboard.press("Enter")
        tab.wait_for_url(f"{site}/ru/")
        assert tab.locator("html").get_attribute("class") == expected
    cookies = {cookie["name"]: cookie for cookie in context.cookies()}
    assert cookies[COOKIE_NAME]["value"] == "t2-wb-ni-ls"
    assert cookies[COOKIE_NAME]["httpOnly"]
    assert tab.locator(".news-thumb").first.is_hidden(), "images are not hidden"
    tab_to(tab, ".lowvision-bar a", "Обычная версия")
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"{site}/ru/")
    assert tab.locator("html").get_attribute("class") is None
    assert COOKIE_NAME not in {cookie["name"] for cookie in context.cookies()}

    # The language switcher, through every language: each entry is named in its
    # own language, and the page follows.
    codes = [code for code, _name in settings.LANGUAGES]
    for code in [*codes[codes.index("ru") + 1 :], *codes[: codes.index("ru")], "en"]:
        tag = BCP47_TAGS[code]
        tab_to(tab, f'.language-switcher a[hreflang="{tag}"]')
        assert tab.evaluate("document.activeElement.lang") == tag
        tab.keyboard.press("Enter")
        tab.wait_for_url(f"{site}/{code}/")
        assert tab.locator("html").get_attribute("lang") == tag
        current = tab.locator(".language-switcher a[aria-current]")
        assert current.get_attribute("hreflang") == tag

    # The main menu, then the calendar of the news page.
    news_index = page_type("news_index").find("en")
    tab_to(tab, f'.main-nav a[href="{news_index}"]')
    tab.keyboard.press("Enter")
    tab.wait_for_url(f"{site}{news_index}")
    assert tab.locator(".main-nav a[aria-current=page]").get_attribute("href") == (
        news_index
    )
    tab_to(tab, ".calendar-grid td a")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(rf"{news_index}\d{{4}}/\d{{2}}/\d{{2}}/$"))
    assert tab.locator("h1").inner_text().startswith("News of ")

    # The search box.
    tab_to(tab, "#header-search-q")
    tab.keyboard.type("portal")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"/en/search/\?q=portal"))

    # FAQ: a question opens and closes from the keyboard.
    faq = page_type("faq").find("kaa")
    tab.goto(f"{site}{faq}")
    tab_to(tab, "details.faq-item > summary")
    question = tab.locator("details.faq-item").first
    assert question.get_attribute("open") is None
    tab.keyboard.press("Enter")
    assert question.get_attribute("open") == ""
    tab.keyboard.press("Space")
    assert question.get_attribute("open") is None

    assert console_errors == [], "CSP violations or script errors in the console"

    # Without JavaScript the mode works the same, through plain links.
    context.close()
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(f"{site}/uz-cyrl/")
    tab.locator(".lowvision-switch a").click()
    tab.wait_for_url(f"{site}/uz-cyrl/")
    assert "lv-bw" in tab.locator("html").get_attribute("class")
    context.close()
