"""The accessibility audit: axe-core in Chromium over every page type and language.

It fails on any violation of a WCAG 2.0, 2.1 or 2.2 success criterion at level A or
AA that axe can detect. The pages come from ``page_types.PAGE_TYPES``; one demo load
serves the whole audit.
"""

import pytest
from django.conf import settings

from govportal.core.lowvision import COOKIE_NAME

from .frontend import axe_violations
from .page_types import PAGE_TYPES, page_type

pytestmark = pytest.mark.browser


def _describe(path: str, entry, violation: dict) -> str:
    targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
    variant = f" [{COOKIE_NAME}={entry.lowvision}]" if entry.lowvision else ""
    return (
        f"{path}{variant}: {violation['id']} ({violation['impact']}) "
        f"{violation['help']} at {targets}"
    )


def test_every_page_type_passes_axe_in_every_language_and_fits_320_pixels(
    site, browser
):
    """One test, so that both checks share one demo load."""
    context = browser.new_context()
    tab = context.new_page()
    failures = []
    for code, _name in settings.LANGUAGES:
        for entry in PAGE_TYPES:
            path = entry.find(code)
            context.clear_cookies()
            if entry.lowvision:
                context.add_cookies(
                    [{"name": COOKIE_NAME, "value": entry.lowvision, "url": site}]
                )
            response = tab.goto(f"{site}{path}")
            assert response.status == entry.status, path
            failures += [_describe(path, entry, v) for v in axe_violations(tab)]
    context.close()
    assert not failures, "\n".join(failures)

    # A 320 px wide screen needs no sideways scrolling, even with the largest text.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    names = ["home", "news_page", "agency_index", "agency_page", "helplines", "faq"]
    for lowvision in ["", "t2-wb-ls"]:
        context.clear_cookies()
        if lowvision:
            context.add_cookies(
                [{"name": COOKIE_NAME, "value": lowvision, "url": site}]
            )
        for code in ["uz", "kaa", "ru"]:
            for name in names:
                path = page_type(name).find(code)
                tab.goto(f"{site}{path}")
                width = tab.evaluate("document.documentElement.scrollWidth")
                assert width <= 320, f"{path} [{lowvision}] is {width} px wide"
    context.close()
