"""normalize(): repair mixed-script words and unify the apostrophe letters.

It runs on everything editors save, so it is conservative: a word is only
changed when it mixes scripts and *every* letter of the minority script has
an obvious counterpart, or when an apostrophe sits where Uzbek (Karakalpak)
spelling needs a letter sign. URLs, e-mail addresses, English contractions
and words that are not Uzbek (c, w, ...) are left alone.
"""

import re
import unicodedata

from . import _kaa, _uz
from ._common import APOSTROPHES, CYR, LAT, PROTECTED, check_lang

_AP = re.escape(APOSTROPHES)
_WORD = rf"[{LAT}{CYR}]+(?:[{_AP}]+[{LAT}{CYR}]+)*(?:(?<=[oOgGaAnNuUiI])[{_AP}])?"
_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<w>{_WORD})")
_NEEDS_WORK_RE = re.compile(rf"[{_AP}\u00edİ]")
_CYR_RE = re.compile(f"[{CYR}]")
_LAT_RE = re.compile(f"[{LAT}]")

# Cyrillic letters inside a Latin word. Capitals and а е о р с у х к are
# look-alikes (mapped by shape); lower-case м т н в are not, they come from a
# keyboard switched mid-word (mapped by sound).
_CYR_TO_LAT = {
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "к": "k",
    "м": "m",
    "т": "t",
    "н": "n",
    "в": "v",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
}
# Latin look-alikes inside a Cyrillic word (by shape only).
_LAT_TO_CYR = {
    "a": "а",
    "e": "е",
    "o": "о",
    "p": "р",
    "c": "с",
    "x": "х",
    "y": "у",
    "k": "к",
    "A": "А",
    "B": "В",
    "E": "Е",
    "K": "К",
    "M": "М",
    "H": "Н",
    "O": "О",
    "P": "Р",
    "C": "С",
    "T": "Т",
    "X": "Х",
    "Y": "У",
}
_CYR_TO_LAT_T = str.maketrans(_CYR_TO_LAT)
_LAT_TO_CYR_T = str.maketrans(_LAT_TO_CYR)


def fix_mixed_word(word: str) -> str:
    """Rewrite the minority-script letters of a mixed word, if all are known."""
    cyr = _CYR_RE.findall(word)
    lat = _LAT_RE.findall(word)
    if len(cyr) > len(lat):
        if all(ch in _LAT_TO_CYR for ch in lat):
            return word.translate(_LAT_TO_CYR_T)
    elif len(lat) > len(cyr) and all(ch in _CYR_TO_LAT for ch in cyr):
        return word.translate(_CYR_TO_LAT_T)
    return word


def normalize(text: str, lang: str = "uz") -> str:
    """Repair look-alike letters and apostrophes; never touches correct text."""
    check_lang(lang)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        mixed = bool(_CYR_RE.search(text)) and bool(_LAT_RE.search(text))
    else:
        mixed = False
    if not mixed and not _NEEDS_WORK_RE.search(text):
        return text
    fix = _uz.fix_apostrophes if lang == "uz" else _kaa.fix_letters

    def sub(m: re.Match[str]) -> str:
        if m.lastgroup == "p":
            return m[0]
        word = m[0]
        if not word.isascii() and _CYR_RE.search(word):
            if mixed and _LAT_RE.search(word):
                word = fix_mixed_word(word)
            if _CYR_RE.search(word):
                return word  # Cyrillic: apostrophes are not ours to judge.
        start = m.start()
        if (
            word[-1] in APOSTROPHES
            and start
            and m.string[start - 1] in APOSTROPHES
            and word[-2:-1] not in APOSTROPHES
        ):
            # 'tog' in quotes: the last apostrophe closes the quote.
            return _fix_latin(word[:-1], fix, lang) + word[-1]
        return _fix_latin(word, fix, lang)

    return _TOKEN_RE.sub(sub, text)


_NOT_UZBEK_RE = re.compile(r"[cC](?![hH])|[wW]")


def _fix_latin(word: str, fix, lang: str) -> str:
    if lang == "uz" and _NOT_UZBEK_RE.search(word):
        return word  # English or another language, not Uzbek.
    return fix(word)
