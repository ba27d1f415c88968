"""The main menu, cached per language and cleared whenever a page changes.

Finding the sections means looking at pages of depth 3, which no index of Wagtail's
page table serves: with 100,000 news pages that scan cost ~100 ms a request. The menu
changes only when a page is published, unpublished, moved or deleted, so it is cached
until then.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

MENU_CACHE_KEY = "main-menu:{code}"
MENU_CACHE_VERSION_KEY = "main-menu:version"


def _key(code: str) -> str:
    version = cache.get_or_set(MENU_CACHE_VERSION_KEY, 1, None)
    return f"{MENU_CACHE_KEY.format(code=code)}:{version}"


def menu_sections(code: str) -> list[dict]:
    """Title, URL and tree path of each menu section of the language ``code``."""
    key = _key(code)
    sections = cache.get(key)
    if sections is None:
        pages = (
            Page.objects.live()
            .in_menu()
            .filter(depth=3, locale__language_code=code)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "locale_id")
        )
        sections = [
            {"title": page.title, "url": page.get_url(), "path": page.path}
            for page in pages
        ]
        cache.set(key, sections, None)
    return sections


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def clear_menu_cache(**kwargs) -> None:
    """Forget every language's menu: one counter bump invalidates them all."""
    try:
        cache.incr(MENU_CACHE_VERSION_KEY)
    except ValueError:
        cache.set(MENU_CACHE_VERSION_KEY, 2, None)


@receiver(post_delete)
def clear_menu_cache_on_delete(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        clear_menu_cache()
