"""Uzbek and Karakalpak transliteration, Cyrillic <-> Latin, for govportal.

Pure Python, no Django: the portal calls it when saving pages, building the
search index and serving the other script.

    >>> to_latin("Ўзбекистон Республикаси")
    'Oʻzbekiston Respublikasi'
    >>> to_cyrillic("Oʻzbekiston Respublikasi")
    'Ўзбекистон Республикаси'

The rules and the exception lexicon are documented in docs/translit.md.
"""

from functools import partial

from . import _html
from ._common import check_lang
from ._normalize import normalize
from ._search import search_key
from ._text import to_cyrillic, to_latin

__all__ = [
    "normalize",
    "normalize_html",
    "search_key",
    "to_cyrillic",
    "to_latin",
    "transliterate_html",
]

_TARGETS = {"latin": to_latin, "cyrillic": to_cyrillic}


def transliterate_html(html: str, *, to: str, lang: str = "uz") -> str:
    """Convert the text nodes of an HTML fragment to ``to`` ("latin"/"cyrillic").

    Tags, attributes, comments, the contents of script, style, code, pre
    (and translate="no") and character references other than letters and
    apostrophes come out byte-identical; a reference to a letter or an
    apostrophe (``O&#8217;zbekiston``) is converted as part of its word.
    """
    check_lang(lang)
    try:
        convert = _TARGETS[to]
    except KeyError:
        raise ValueError(
            f"Unsupported target {to!r}; expected 'latin' or 'cyrillic'."
        ) from None
    return _html.transliterate_html(html, partial(convert, lang=lang))


def normalize_html(html: str, *, lang: str = "uz") -> str:
    """``normalize`` applied to the text nodes of an HTML fragment only."""
    check_lang(lang)
    return _html.transliterate_html(html, partial(normalize, lang=lang))
