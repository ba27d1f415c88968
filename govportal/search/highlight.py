"""Marking the words a query found, in the text as it was written (any script)."""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import Query, fold, matches

SNIPPET_WORDS = 32
SCAN_CHARACTERS = 2000
_WORD_RE = re.compile(r"\S+")
_EDGE_RE = re.compile(r"^(\W*)(.*?)(\W*)$", re.DOTALL)


@lru_cache(maxsize=50_000)
def _folded(word: str, fam: str) -> tuple[str, ...]:
    return tuple(fold(word, fam))


def _render(words: list[str], query: Query, fam: str) -> str:
    out = []
    for word in words:
        lead, core, trail = _EDGE_RE.match(word).groups()
        if core and any(matches(token, query) for token in _folded(core, fam)):
            out.append(f"{escape(lead)}<mark>{escape(core)}</mark>{escape(trail)}")
        else:
            out.append(escape(word))
    return " ".join(out)


def highlight(text: str, query: Query, fam: str) -> SafeString:
    """The whole text, escaped, with the query's words in ``<mark>``."""
    return mark_safe(_render(_WORD_RE.findall(text), query, fam))  # noqa: S308 - escaped


def snippet(text: str, query: Query, fam: str) -> SafeString:
    """About ``SNIPPET_WORDS`` words around the first match, escaped and marked."""
    words = _WORD_RE.findall(text[:SCAN_CHARACTERS])
    first = 0
    for position, word in enumerate(words):
        core = _EDGE_RE.match(word)[2]
        if core and any(matches(token, query) for token in _folded(core, fam)):
            first = position
            break
    start = max(first - SNIPPET_WORDS // 3, 0)
    chosen = words[start : start + SNIPPET_WORDS]
    html = _render(chosen, query, fam)
    if start > 0:
        html = "… " + html
    if start + SNIPPET_WORDS < len(words) or len(text) > SCAN_CHARACTERS:
        html += " …"
    return mark_safe(html)  # noqa: S308 - _render escapes every word
