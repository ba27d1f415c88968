"""search_key(): one spelling for a word whatever script it was typed in.

Key = Latin script (Cyrillic goes through to_latin), lower case, with every
apostrophe removed (so oʻ/o'/o and gʻ/g'/g meet: people often type them
without the sign), typographic hyphens as "-", NFC.

Karakalpak keeps ı (Cyrillic ы) apart from i (и) and keeps á ǵ ń ó ú: they
are different letters. Old spellings (aʻ, nʻ, iʻ, í) are folded to the 2016
letters first. For Uzbek, which has no ı, a stray ı or İ folds to i.
"""

import re
import unicodedata

from . import _kaa
from ._common import APOSTROPHES, LAT, check_lang
from ._text import to_latin

_DROP = {ord(ch): None for ch in APOSTROPHES}
_HYPHENS = {0x2010: "-", 0x2011: "-", 0xAD: None}
_UZ_FOLD = str.maketrans({**_DROP, **_HYPHENS, "İ": "i", "ı": "i"})
_KAA_FOLD = str.maketrans({**_DROP, **_HYPHENS, "İ": "i", "Í": "ı"})
_AP_RE = re.compile(f"[{re.escape(APOSTROPHES)}\u00ed]")
_KAA_WORD_RE = re.compile(
    rf"[{LAT}]+(?:[{re.escape(APOSTROPHES)}]+[{LAT}]+)*[{re.escape(APOSTROPHES)}]?"
)


def search_key(text: str, lang: str = "uz") -> str:
    """Fold text for search so that a query in either script matches both."""
    check_lang(lang)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        text = to_latin(text, lang)
    if lang == "uz":
        return text.translate(_UZ_FOLD).lower()
    if _AP_RE.search(text):
        text = _KAA_WORD_RE.sub(lambda m: _kaa.fix_letters(m[0]), text)
    return text.translate(_KAA_FOLD).lower()
