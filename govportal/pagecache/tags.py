"""The names of what a page can show: one vocabulary for recording and purging.

Tags use ids, not language codes, so that recording them costs no query.
"""

import datetime

TODAY = "today"  # the calendar's "today": purged at midnight (``pagecache tick``)
# Recorded by a render that must not be kept: a page, and the fragments built during
# it, shown degraded (an image's original standing in for a rendition a full disk
# could not store) are rendered afresh next time.
NO_STORE = "no-store"


def page(translation_key) -> str:
    """A page, in every language: its own address and everywhere it is listed."""
    return f"page:{translation_key}"


def children(translation_key) -> str:
    """The list of a page's children that the page itself may show."""
    return f"children:{translation_key}"


def menu(locale_id: int) -> str:
    return f"menu:{locale_id}"


def page_type(label: str, locale_id: int) -> str:
    """Any list of pages of one model (``news.announcementpage``) in one language."""
    return f"type:{label}:{locale_id}"


def model(label: str) -> str:
    """Any row of a snippet or model such as ``agencies.helpline``."""
    return f"model:{label}"


def news(locale_id: int) -> str:
    """The latest-news lists of a language: home, index, feeds, agency lists."""
    return f"news:{locale_id}"


def news_month(locale_id: int, day: datetime.date) -> str:
    """A calendar month and its day and month archives."""
    return f"news-month:{locale_id}:{day:%Y-%m}"


def news_year(locale_id: int, year: int) -> str:
    return f"news-year:{locale_id}:{year}"


def news_category(category_id: int) -> str:
    """Lists of one category: related news, category feeds and filters."""
    return f"news-category:{category_id}"


def image(image_id: int) -> str:
    """An image's renditions as pages show them."""
    return f"image:{image_id}"
