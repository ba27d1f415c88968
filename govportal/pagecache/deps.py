"""What the page being rendered shows, collected while it renders.

A context variable holds the tag set of the current request; ``record`` is a no-op
outside a cacheable request, so template tags and views call it unconditionally.
"""

from contextvars import ContextVar, Token

_tags: ContextVar[set[str] | None] = ContextVar("pagecache_tags", default=None)


def start() -> Token:
    """Begin collecting for one request."""
    return _tags.set(set())


def stop(token: Token) -> set[str]:
    """End collecting and return the tags recorded since ``start``."""
    tags = _tags.get() or set()
    _tags.reset(token)
    return tags


def record(*tags: str) -> None:
    """Note that the page being rendered shows what ``tags`` name."""
    collected = _tags.get()
    if collected is not None:
        collected.update(tags)
