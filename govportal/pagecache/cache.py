"""The page cache as the rest of the portal sees it: look up, store, purge."""

import logging
import threading
from urllib.parse import quote

from django.conf import settings
from django.core.signals import setting_changed
from django.db import transaction
from django.dispatch import receiver

from .entries import Entry
from .published import PublishedFiles
from .stores import ALL, ALL_KEYS, MemoryStore, RedisStore

logger = logging.getLogger(__name__)


def make_key(host: str, path: str, query: str, variant: str) -> str:
    """One address and variant; no whitespace, so keys list one per line."""
    return "|".join((host.lower(), quote(path), query, variant))


def split_key(key: str) -> tuple[str, str, str, str]:
    host, path, query, variant = key.split("|", 3)
    return host, path, query, variant


FRAGMENT_PREFIX = "fragment|"


class PageCache:
    """Whole pages (when ``serves_pages``) and fragments, in one purgeable store."""

    def __init__(self, store, published: PublishedFiles | None, serves_pages=True):
        self.store = store
        self.published = published
        self.serves_pages = serves_pages

    def lookup(self, key: str) -> tuple[Entry | None, object]:
        return self.store.lookup(key)

    def put(self, key: str, entry: Entry, marker: object) -> bool:
        if not self.store.put(key, entry, marker):
            return False
        host, path, query, variant = split_key(key)
        if self.published is not None and not query and not variant:
            written = self.published.write(host, path, entry)
            if written is not None and not self.store.unchanged_since(marker):
                self.published.remove(host, path)
                return False
        return True

    def purge(self, tags: set[str]) -> set[str]:
        """Drop every cached page that shows any of ``tags``; their addresses."""
        if not tags:
            return set()
        keys = self.store.purge(set(tags))
        if keys is not ALL_KEYS:
            keys = {key for key in keys if not key.startswith(FRAGMENT_PREFIX)}
        if keys is ALL_KEYS:
            if self.published is not None:
                self.published.clear()
            return keys
        if self.published is not None:
            for key in keys:
                host, path, _query, _variant = split_key(key)
                self.published.remove(host, path)
        return keys

    def clear(self) -> None:
        self.purge({ALL})


def purge_frontend_caches(keys) -> None:
    """Tell a CDN or Varnish (``WAGTAILFRONTENDCACHE``) which addresses changed.

    After a purge of everything the CDN keeps its copies until they expire.
    """
    if not keys or keys is ALL_KEYS:
        return
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    scheme = settings.PAGE_CACHE_PUBLIC_SCHEME
    urls = sorted(
        {
            f"{scheme}://{host}{path}" + (f"?{query}" if query else "")
            for host, path, query, _variant in map(split_key, keys)
        }
    )
    try:
        purge_urls_from_cache(urls)
    except Exception:  # a CDN outage must not stop a publish
        logger.exception("Could not purge %d addresses from the CDN", len(urls))


_cache: PageCache | None = None
_cache_lock = threading.Lock()


def page_cache() -> PageCache:
    """The process's cache; it serves whole pages only if ``PAGE_CACHE`` is on.

    Made once per process, under a lock: threads that start at the same moment must
    share one store, or a page stored by one would be invisible to the others.
    """
    global _cache
    if _cache is None:
        with _cache_lock:
            if _cache is None:
                _cache = _build_page_cache()
    return _cache


def _build_page_cache() -> PageCache:
    if settings.REDIS_URL:
        store = RedisStore(settings.REDIS_URL)
    else:
        store = MemoryStore(
            settings.PAGE_CACHE_DIR, settings.PAGE_CACHE_MAX_MB * 1024 * 1024
        )
    published = (
        PublishedFiles(settings.STATIC_PUBLISH_ROOT)
        if settings.STATIC_PUBLISH_ROOT and settings.PAGE_CACHE
        else None
    )
    return PageCache(store, published, serves_pages=settings.PAGE_CACHE)


def purge(tags: set[str]) -> None:
    """Purge ``tags``: every cached page and fragment that shows them.

    Inside a transaction (a publish is one) the purge is made again once it commits:
    a reader that rendered in between saw the old rows and may have stored them. The
    CDN, which would only fetch that old copy again, is told after the commit.
    """
    tags = set(tags)
    keys = page_cache().purge(tags)
    if transaction.get_autocommit():
        purge_frontend_caches(keys)
        return

    def again():
        more = page_cache().purge(tags)
        everything = keys is ALL_KEYS or more is ALL_KEYS
        purge_frontend_caches(ALL_KEYS if everything else keys | more)

    transaction.on_commit(again)


@receiver(setting_changed)
def _forget_page_cache(setting, **kwargs) -> None:
    global _cache
    if setting.startswith(("PAGE_CACHE", "STATIC_PUBLISH", "REDIS_URL")):
        with _cache_lock:
            _cache = None
