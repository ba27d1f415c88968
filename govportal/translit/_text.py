"""to_latin and to_cyrillic on running text.

Text is converted as a whole string by the language's converters
(``_convert.Language.c2l_text`` / ``l2c_text``: a few regular-expression
passes, placeholders for the few words that need the per-word path, then
the letters in a few C-level passes).
"""

from functools import cache, partial

from . import _kaa, _lexicon, _uz
from ._common import ANY_TOKEN_RE, CYR_LETTER_RE, LAT_LETTER_RE, check_lang

_LANGS = {"uz": _uz.LANG, "kaa": _kaa.LANG}

# A run of at most this many Latin words inside Cyrillic text stays Latin:
# names, brands and acronyms ("Wi-Fi", "Microsoft Office"). Longer runs are
# Uzbek Latin text that happens to share a document with Cyrillic.
MAX_FOREIGN_RUN = 4


@cache
def keep_words() -> tuple[frozenset[str], frozenset[str]]:
    return _lexicon.read_keep()


def to_latin(text: str, lang: str = "uz") -> str:
    """Convert Cyrillic Uzbek/Karakalpak to the official Latin alphabet."""
    language = _LANGS[check_lang(lang)]
    if not CYR_LETTER_RE.search(text):
        return text
    return language.c2l_text(text)


def to_cyrillic(text: str, lang: str = "uz") -> str:
    """Convert Latin Uzbek/Karakalpak to Cyrillic.

    URLs, e-mail addresses, words in the keep list, words with letters that
    Uzbek does not use (c, w, ä, ...) and CamelCase names stay as they are;
    so do short runs of Latin words inside Cyrillic text.
    """
    language = _LANGS[check_lang(lang)]
    if not LAT_LETTER_RE.search(text):
        return text
    convert = partial(language.l2c_text, keep=keep_words())
    out = convert(text)  # None if the text has Cyrillic letters too
    if out is not None:
        return out
    return _mixed_to_cyrillic(text, convert)


def _mixed_to_cyrillic(text: str, convert) -> str:
    """Text with both scripts: leave short Latin runs next to Cyrillic alone."""
    tokens = list(ANY_TOKEN_RE.finditer(text))
    keep: set[int] = set()
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i].lastgroup != "l":
            i += 1
            continue
        j = i
        while j < n and tokens[j].lastgroup in ("l", "p"):
            j += 1
        # The run is bounded by Cyrillic words or by the ends of the text.
        words = sum(1 for k in range(i, j) if tokens[k].lastgroup == "l")
        if words <= MAX_FOREIGN_RUN and (i > 0 or j < n):
            keep.update(range(i, j))
        i = j
    out: list[str] = []
    pos = 0
    for k, m in enumerate(tokens):
        out.append(text[pos : m.start()])
        if m.lastgroup == "l" and k not in keep:
            out.append(convert(m[0]))
        else:
            out.append(m[0])
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
