"""The main menu, cached per language until a section changes.

Finding the sections means looking at pages of depth 3, which no index of Wagtail's
page table serves: with 100,000 news pages that scan cost ~100 ms a request. The menu
is a page-cache fragment tagged ``menu:<locale>``, which publishing, unpublishing,
moving or deleting a section purges in every process (govportal/pagecache).
"""

from wagtail.models import Locale, Page

from govportal.pagecache import tags
from govportal.pagecache.fragments import fragment


def menu_sections(code: str) -> list[dict]:
    """Title, URL and tree path of each menu section of the language ``code``."""
    return fragment("menu", code, build=lambda: _build_menu(code))


def _build_menu(code: str) -> tuple[list[dict], set[str]]:
    locale = Locale.objects.filter(language_code=code).only("id").first()
    if locale is None:
        return [], set()
    pages = (
        Page.objects.live()
        .in_menu()
        .filter(depth=3, locale=locale)
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path", "locale_id")
    )
    sections = [
        {"title": page.title, "url": page.get_url(), "path": page.path}
        for page in pages
    ]
    return sections, {tags.menu(locale.pk)}
