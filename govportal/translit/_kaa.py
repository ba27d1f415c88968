"""Karakalpak: Cyrillic <-> Latin (2016 alphabet).

2016 Latin letters: A Á B D E F G Ǵ H X Í I J K Q L M N Ń O Ó P R S T U Ú V W
Y Z, Sh C Ch. Note the pair ``Í ı`` (Cyrillic Ы ы: capital I with acute,
small dotless i) next to ``I i`` (Cyrillic И и); Python's ``str.upper`` and
``str.lower`` get that pair wrong, hence :func:`upper` and :func:`lower`.
Older spellings (aʻ gʻ nʻ oʻ uʻ iʻ of 1994-2016, í for ı) are accepted.
"""

import re
from functools import cache

from . import _lexicon, _uz
from ._common import (
    APOSTROPHES,
    MIXED,
    TITLE,
    UPPER,
    Memo,
    case_segments,
    cyrillic_case,
    latin_case,
)

_AP = re.escape(APOSTROPHES)


def upper(text: str) -> str:
    """Karakalpak upper case: ı -> Í (not I), i -> I."""
    return text.replace("ı", "Í").upper()


def lower(text: str) -> str:
    """Karakalpak lower case: Í -> ı (not í), I -> i, İ -> i."""
    return text.replace("Í", "ı").replace("İ", "i").lower()


# --- Cyrillic -> Latin -------------------------------------------------------

_C2L_TABLE = str.maketrans(
    {
        "а": "a",
        "ә": "á",
        "б": "b",
        "в": "v",
        "г": "g",
        "ғ": "ǵ",
        "д": "d",
        "е": "e",
        "ё": "yo",
        "ж": "j",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "қ": "q",
        "л": "l",
        "м": "m",
        "н": "n",
        "ң": "ń",
        "о": "o",
        "ө": "ó",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ү": "ú",
        "ў": "w",
        "ф": "f",
        "х": "x",
        "ҳ": "h",
        "ц": "c",
        "ч": "ch",
        "ш": "sh",
        "щ": "sh",
        "ъ": "",
        "ы": "ı",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "і": "i",
    }
)
_C2L_CONTEXT = {"ьи": "yi", "ьо": "yo", "ъе": "ye"}
_C2L_RE = re.compile("ьи|ьо|ъе")


def c2l_rules(word: str) -> str:
    """Lower-case Cyrillic word -> Latin by rule alone."""
    if "ь" in word or "ъ" in word:
        word = _C2L_RE.sub(lambda m: _C2L_CONTEXT[m[0]], word)
    return word.translate(_C2L_TABLE)


# --- Latin -> Cyrillic -------------------------------------------------------

_L2C_TABLE = str.maketrans(
    {
        "a": "а",
        "á": "ә",
        "b": "б",
        "c": "ц",
        "d": "д",
        "e": "е",
        "f": "ф",
        "g": "г",
        "ǵ": "ғ",
        "h": "ҳ",
        "x": "х",
        "ı": "ы",
        "i": "и",
        "j": "ж",
        "k": "к",
        "q": "қ",
        "l": "л",
        "m": "м",
        "n": "н",
        "ń": "ң",
        "o": "о",
        "ó": "ө",
        "p": "п",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "ú": "ү",
        "v": "в",
        "w": "ў",
        "y": "й",
        "z": "з",
    }
)
_L2C_FIXED = {"sh": "ш", "ch": "ч", "ya": "я", "yu": "ю"}
_V = "aáeıioóuú"
_L2C_RE = re.compile(
    # -льон: батальон, бульон, лосьон.
    rf"(?P<lyo>(?<=[{_V}]l)yo(?=n))"
    # Russian ль before -ник -ство -ность -ский (начальник, издательство,
    # аральский) and -поль -оголь -троль -юль at the end (Неаполь, алкоголь,
    # контроль, кастрюль).
    rf"|(?P<l>(?<=[{_V}])l(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo)))"
    rf"|(?P<l_>(?:(?<=[{_V}]po)|(?<=ogo)|(?<=tro)|(?<=yu))l$)"
    # Word-final -el after a consonant in a word of two or more syllables is
    # the Russian -ель (motel, kartofel, karusel, mebel); -del, -sel, -lel
    # and the like are left out (kesel "illness" is Karakalpak).
    rf"|(?P<el>(?<=[{_V}][tnbfvzrmpk])el$)"
    r"|sh|ch|y[au]"
    # A consonant + yo is the ё of a Russian word (samolyot, aktyor,
    # lyotchik); Karakalpak words have yo only at the start or after a vowel.
    r"|(?P<yo>(?<=[bdfgǵhjkqlmnńprstvxzw])yo)"
    rf"|(?P<e>(?<=[{_V}])e)"
)
_L2C_SPECIAL = {
    "lyo": "ьо",
    "l": "ль",
    "l_": "ль",
    "el": "ель",
    "yo": "ё",
    "e": "э",
}
# In Karakalpak words (they have a letter Russian does not: á ó ú ı ǵ ń q)
# a consonant + ya is ья: dárya -> дәрья, dúnya -> дүнья.
_NATIVE_RE = re.compile("[áóúıǵńq]")
_NATIVE_YA_RE = re.compile("(?<=[bdfgǵhjkqmnńprstvxz])ya")


def _l2c_sub(m: re.Match[str]) -> str:
    # A vowel + e occurs only in loanwords (poeziya, aeroport): э.
    group = m.lastgroup
    return _L2C_FIXED[m[0]] if group is None else _L2C_SPECIAL[group]


def l2c_rules(word: str) -> str:
    """Lower-case 2016 Latin word -> Cyrillic by rule alone."""
    if "ya" in word and _NATIVE_RE.search(word):
        word = _NATIVE_YA_RE.sub("ья", word)
    return _L2C_RE.sub(_l2c_sub, word).translate(_L2C_TABLE)


# Older Latin spellings -> 2016 letters.
_OLD_LETTERS = {
    "a": "á",
    "A": "Á",
    "g": "ǵ",
    "G": "Ǵ",
    "n": "ń",
    "N": "Ń",
    "o": "ó",
    "O": "Ó",
    "u": "ú",
    "U": "Ú",
    "i": "ı",
    "I": "Í",
    "ı": "ı",
    "Í": "Í",
}
_OLD_RE = re.compile(rf"([aAgGnNoOuUiIıÍ])[{_AP}]")
_EN_CONTRACTION_RE = re.compile(
    rf"^[A-Za-z]+(?:n[{_AP}]t|[{_AP}](?:s|ll|re|ve|d))$|^[Ii][{_AP}]m$"
    rf"|^[OD][{_AP}][A-Z][a-z]|[{_AP}]cl"
)


def fix_letters(word: str) -> str:
    """aʻ gʻ nʻ oʻ uʻ iʻ (any apostrophe) -> á ǵ ń ó ú ı; í -> ı; İ -> I."""
    if _EN_CONTRACTION_RE.search(word):
        return word
    if "í" in word or "İ" in word:
        word = word.replace("í", "ı").replace("İ", "I")
    return _OLD_RE.sub(lambda m: _OLD_LETTERS[m[1]], word)


# --- lexicon -----------------------------------------------------------------

_LAT_SUFFIXES = [
    "lar",
    "ler",
    "dar",
    "der",
    "tar",
    "ter",
    "dıń",
    "diń",
    "nıń",
    "niń",
    "tıń",
    "tiń",
    "ǵa",
    "ge",
    "qa",
    "ke",
    "ga",
    "na",
    "ne",
    "da",
    "de",
    "ta",
    "te",
    "dan",
    "den",
    "tan",
    "ten",
    "nan",
    "nen",
    "dı",
    "di",
    "tı",
    "ti",
    "nı",
    "ni",
    "ı",
    "i",
    "sı",
    "si",
    "ım",
    "im",
    "m",
    "mız",
    "miz",
    "ıń",
    "iń",
    "ń",
    "lı",
    "li",
    "lıq",
    "lik",
    "shı",
    "shi",
    "sız",
    "siz",
    "day",
    "dey",
    "ǵı",
    "gi",
    "qı",
    "ki",
]
_LAT_SUFFIX_RE = re.compile(
    "(?:" + "|".join(sorted(_LAT_SUFFIXES, key=len, reverse=True)) + ")*"
)
_CYR_SUFFIX_RE = re.compile(
    "(?:"
    + "|".join(sorted({l2c_rules(s) for s in _LAT_SUFFIXES}, key=len, reverse=True))
    + ")*"
)


@cache
def tables() -> tuple[_lexicon.Table, _lexicon.Table]:
    return _lexicon.build(
        ["ru_loans.tsv", "kaa.tsv"],
        c2l_rules,
        l2c_rules,
        _LAT_SUFFIX_RE,
        _CYR_SUFFIX_RE,
    )


def c2l_lower(word: str) -> str:
    hit = tables()[1].lookup(word)
    if hit is None:
        return c2l_rules(word)
    stem, rest = hit
    return stem + c2l_rules(rest)


def l2c_lower(word: str) -> str:
    table = tables()[0]
    hit = table.lookup(word)
    if hit is None:
        compound = table.lookup_compound(word)
        if compound is None:
            return l2c_rules(word)
        prefix, stem, rest = compound
        return l2c_rules(prefix) + l2c_lower(word[len(prefix) :])
    stem, rest = hit
    if not rest:
        return stem
    if stem.endswith("ь"):
        stem = stem[:-1]
    prev = word[len(word) - len(rest) - 1]
    pad = "a" if prev in "aáeıioóuú" else "b"
    return stem + l2c_rules(pad + rest)[1:]


# --- words with their capitalisation -------------------------------------------

_c2l_memo: Memo = Memo()


def c2l_word(word: str) -> str:
    """A run of Cyrillic letters -> Latin, keeping its capitalisation."""
    out = _c2l_memo.get(word)
    if out is not None:
        return out
    case = cyrillic_case(word)
    if case == MIXED:
        out = "".join(c2l_word(part) for part in case_segments(word))
    else:
        out = c2l_lower(word.lower())
        if case == UPPER:
            out = upper(out)
        elif case == TITLE and out:
            out = upper(out[0]) + out[1:]
    return _c2l_memo.put(word, out)


_FOREIGN_RE = re.compile(r"[^a-záǵıińóúw\-]")
_l2c_memo: Memo = Memo()


def l2c_token(token: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    """A Latin token -> Cyrillic (Karakalpak)."""
    out = _l2c_memo.get(token)
    if out is not None:
        return out
    return _l2c_memo.put(token, _l2c_token(token, keep))


def _l2c_token(token: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    if token in keep[0] or token.lower() in keep[1]:
        return token
    if _EN_CONTRACTION_RE.search(token):
        return token
    word = fix_letters(token)
    if _FOREIGN_RE.search(lower(word)):
        return token
    return "-".join(_l2c_part(part, keep) if part else part for part in word.split("-"))


def _l2c_part(word: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    if word in keep[0] or word.lower() in keep[1] or _uz.ROMAN_RE.match(word):
        return word
    case = latin_case(word)
    if case == MIXED:
        return word
    out = l2c_lower(lower(word))
    if case == UPPER:
        return out.upper()
    if case == TITLE:
        return out[:1].upper() + out[1:]
    return out
