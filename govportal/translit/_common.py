"""Character classes, tokenisation and case handling shared by both languages.

Everything here is precompiled at import time: the converters call these
regular expressions once per text (not per character), which is what keeps
them fast.
"""

import re

OKINA = "\u02bb"  # ʻ  in oʻ gʻ (Uzbek Latin)
TUTUQ = "\u02bc"  # ʼ  tutuq belgisi (Uzbek Latin, for ъ)

# Every character that people type for the two Uzbek signs.
APOSTROPHES = "'\u2018\u2019`\u00b4\u02bb\u02bc\u2032"
_AP = re.escape(APOSTROPHES)

LANGS = ("uz", "kaa")

CYR = "\u0400-\u052f"
# Basic Latin letters plus Latin-1 and Extended-A/B (á ǵ ń ó ú ı í İ ...).
LAT = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"

CYR_LETTER_RE = re.compile(f"[{CYR}]")
LAT_LETTER_RE = re.compile(f"[{LAT}]")

# URLs, e-mail addresses and bare domain names are never transliterated.
_END = r"[^\s<>\"'.,;:!?)\]}»”’\ue000]"
PROTECTED = (
    rf"(?:https?://|ftp://|mailto:|www\.)[^\s<>\"\ue000]*{_END}"
    r"|[\w.+'’-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?<![\w.@-])(?:[A-Za-z0-9-]+\.)+(?:uz|com|org|net|ru|gov|edu|info|io|int|"
    rf"eu|us|uk|de|kz|tj|kg|tm|su)\b(?:/[^\s<>\"'\ue000]*{_END})?"
)

# A Latin word: letters, apostrophes between letters (or after o/g at the end,
# as in "bogʻ"), hyphen-joined parts.
LAT_WORD = (
    rf"[{LAT}]+(?:(?:[{_AP}]+|-)[{LAT}]+)*"
    rf"(?:(?<=[oOgGaAnNuUiI])[{_AP}](?![{LAT}])|\u02bc)?"
)
CYR_WORD = rf"[{CYR}]+(?:-[{CYR}]+)*"

LAT_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<w>{LAT_WORD})")
CYR_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<w>[{CYR}]+)")
ANY_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<l>{LAT_WORD})|(?P<c>{CYR_WORD})")
PROTECTED_RE = re.compile(PROTECTED)

LOWER, UPPER, TITLE, MIXED = range(4)

# "AQSh", "OʻzSh": an all-capitals word whose last letter is a title-case digraph.
_UPPER_DIGRAPH_END_RE = re.compile(r"(?<=[A-ZʻʼÁǴŃÓÚÍ])(?:Sh|Ch)$")


def latin_case(word: str) -> int:
    """Classify a Latin word's capitalisation, treating Sh/Ch as one letter."""
    if word.islower() or not word.isalpha() and word.lower() == word:
        return LOWER
    if word.isupper():
        return UPPER
    rest = word[1:]
    if word[0].isupper() and (rest.islower() or rest.lower() == rest):
        return TITLE
    if _UPPER_DIGRAPH_END_RE.search(word) and word[:-1].isupper():
        return UPPER
    return MIXED


def cyrillic_case(word: str) -> int:
    """Classify a Cyrillic word's capitalisation."""
    if word.islower():
        return LOWER
    if word.isupper():
        return TITLE if len(word) == 1 else UPPER
    if word[0].isupper() and word[1:].islower():
        return TITLE
    return MIXED


def case_segments(word: str) -> list[str]:
    """Split a mixed-case word ("ТошДУнинг") into parts of one case each.

    Only used on the rare mixed-case path; a plain loop is fine there.
    """
    parts: list[str] = []
    start = 0
    for i in range(1, len(word)):
        prev, cur = word[i - 1], word[i]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if (
            (prev.islower() and cur.isupper())
            or (prev.isupper() and cur.isupper() and nxt.islower())
            or prev.isupper()
            and cur.islower()
            and i - start > 1
        ):
            parts.append(word[start:i])
            start = i
    parts.append(word[start:])
    return parts


class Memo(dict):
    """A word -> result cache that forgets everything when it grows too big.

    Word frequencies follow Zipf's law, so even a cache that is cleared now
    and then answers nearly every lookup in running text.
    """

    limit = 200_000

    def put(self, key: str, value: str) -> str:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


def check_lang(lang: str) -> str:
    if lang not in LANGS:
        raise ValueError(f"Unsupported language {lang!r}; expected 'uz' or 'kaa'.")
    return lang
