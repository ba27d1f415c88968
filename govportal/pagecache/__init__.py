"""A whole-page cache that is never stale.

Each cached page carries the *tags* of what it shows: ``page:<translation key>`` for
the page and for every page listed on it, ``news:<lang>`` for the latest-news lists,
``news-month:<lang>:<yyyy-mm>`` for a calendar month, ``menu:<lang>`` for the main
menu, ``model:<app.model>`` for snippets such as helplines, and so on
(docs/caching.md lists them). Code that renders something records its tags with
:func:`record`; publishing, unpublishing, moving or deleting anything purges the tags
it touches (``signal_handlers``), which drops exactly the pages that show it, in
every process, from memory, Redis, the published files and a CDN.
"""

from .deps import record

__all__ = ["record"]
