"""Shared parts of pages (menus, the calendar, widgets) cached between renders.

``fragment(name, *parts, build=...)`` returns what ``build`` made the last time for
the same name and parts, as long as nothing it shows has changed: ``build``
returns the value and its tags, which are purged like a page's. Whether built or
found, the tags are recorded for the page being rendered, so the whole-page cache
knows about them too. A build that records ``NO_STORE`` is not kept.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings

from . import tags as cache_tags
from .cache import FRAGMENT_PREFIX, page_cache
from .deps import record, start, stop


@dataclass(frozen=True, slots=True)
class Fragment:
    value: object
    tags: frozenset[str]
    expires_at: float
    size: int = 4096


def fragment(name: str, *parts, build: Callable[[], tuple[object, set[str]]]):
    cache = page_cache()
    key = FRAGMENT_PREFIX + "|".join([name, *map(str, parts)]).replace(" ", "_")
    found, marker = cache.store.lookup(key)
    if found is not None:
        record(*found.tags)
        return found.value
    token = start()
    try:
        value, tags = build()
    finally:
        during = stop(token)
    record(*during, *tags)
    if cache_tags.NO_STORE in during or cache_tags.NO_STORE in tags:
        return value  # shown degraded: built again next time
    tags = frozenset(tags) | during  # what the parts it was built from showed
    stored = Fragment(value, tags, time.time() + settings.PAGE_CACHE_TTL)
    cache.store.put(key, stored, marker, index=False)
    return value
