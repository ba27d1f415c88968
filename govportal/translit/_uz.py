"""Uzbek: Cyrillic <-> Latin (1995 alphabet as amended in 2019).

Each direction is "lexicon, else rules". The rules are one regular
expression for the context-dependent letters (е, ц, ъ, ь, ye, yo, sʼh, ...)
followed by ``str.translate`` for everything else; they only ever run once
per distinct word because results are memoised.
"""

import re
from functools import cache

from . import _lexicon
from ._common import (
    APOSTROPHES,
    MIXED,
    OKINA,
    TITLE,
    TUTUQ,
    UPPER,
    Memo,
    case_segments,
    cyrillic_case,
    latin_case,
)

_AP = re.escape(APOSTROPHES)

# --- Cyrillic -> Latin -------------------------------------------------------

_C2L_TABLE = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "yo",
        "ж": "j",
        "з": "z",
        "и": "i",
        "й": "y",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "x",
        "ц": "s",
        "ч": "ch",
        "ш": "sh",
        "щ": "sh",
        "ъ": TUTUQ,
        "ы": "i",
        "ь": "",
        "э": "e",
        "ю": "yu",
        "я": "ya",
        "ў": "o" + OKINA,
        "қ": "q",
        "ғ": "g" + OKINA,
        "ҳ": "h",
        # Letters of neighbouring alphabets that turn up in Uzbek text.
        "і": "i",
        "ї": "yi",
        "є": "ye",
        "ґ": "g",
    }
)
_CYR_VOWELS = "аеёиоуэюяў"
_C2L_CONTEXT = {
    "ъе": "ye",  # объект -> obyekt, съезд -> syezd
    "ье": "ye",  # премьер -> premyer
    "ьи": "yi",
    "ьо": "yo",  # бульон -> bulyon
    "е": "ye",  # only matched at the start or after a vowel: ер -> yer
    "ц": "ts",  # only matched after a vowel: милиция -> militsiya
    "сҳ": "s" + TUTUQ + "h",  # Исҳоқ -> Isʼhoq, not Ishoq
}
_C2L_RE = re.compile(
    rf"[ъь]е|ь[ио]|(?<![^{_CYR_VOWELS}])е|(?<=[{_CYR_VOWELS}])ц|сҳ",
)


def c2l_rules(word: str) -> str:
    """Lower-case Cyrillic word -> Latin by rule alone (no lexicon)."""
    if "е" in word or "ц" in word or "ь" in word or "ъ" in word or "сҳ" in word:
        word = _C2L_RE.sub(lambda m: _C2L_CONTEXT[m[0]], word)
    return word.translate(_C2L_TABLE)


# --- Latin -> Cyrillic -------------------------------------------------------

_L2C_TABLE = str.maketrans(
    {
        "a": "а",
        "b": "б",
        "c": "ц",
        "d": "д",
        "e": "е",
        "f": "ф",
        "g": "г",
        "h": "ҳ",
        "i": "и",
        "j": "ж",
        "k": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "q": "қ",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "v": "в",
        "w": "в",
        "x": "х",
        "y": "й",
        "z": "з",
        TUTUQ: "ъ",
        OKINA: "ъ",
    }
)
_L2C_FIXED = {
    "s" + TUTUQ + "h": "сҳ",
    "yo" + OKINA: "йў",
    "yo": "ё",
    "yu": "ю",
    "ya": "я",
    "o" + OKINA: "ў",
    "g" + OKINA: "ғ",
    "sh": "ш",
    "ch": "ч",
}
_VOWEL_BEFORE = rf"(?:(?<=[aeiou])|(?<=o{OKINA}))"
_START_OR_VOWEL = rf"(?:^|(?<=[aeiou])|(?<=o{OKINA})|(?<={TUTUQ}))"
# Productive loanword endings where Latin s/ts stands for Cyrillic ц; the
# 1995 rule (ц = ts after a vowel, s elsewhere) makes them reversible.
_TS_ENDINGS = r"(?=i(?:ya|on|al|ent|at))"
# After a vowel, ts before these loanword endings (-цит -цид -цизм -цист
# -центр -цепт -цикл ...) or before a consonant or the end of the word
# (-ец: ранец, марганец) is ц: Uzbek's own ts only arises from a t-final stem
# plus an s-suffix (-sa, -siz, -sin), always followed by a vowel.
_TS_VOWEL_ENDINGS = (
    r"(?=i(?:ya|yent|on|al|ent|ant|at|t|d|zm|st|kl|ll)|e(?:ntr|nt|nz|pt|p)"
    rf"|$|[^aeiouyh{OKINA}{TUTUQ}])"
)
_L2C_RE = re.compile(
    rf"s{TUTUQ}h"
    rf"|(?P<ts>{_VOWEL_BEFORE}ts{_TS_VOWEL_ENDINGS})"
    rf"|(?P<s>(?<=[nkp])s{_TS_ENDINGS})"
    # -льон -ньон -сьон: батальон, компаньон, лосьон.
    rf"|(?P<lyo>(?<=[aeiou]l)yo(?=n))"
    # Word-final -el after a consonant in a word of two or more syllables is
    # the Russian -ель (model, mebel, shinel, akvarel); Uzbek's own -el words
    # are one syllable (kel, bel, el). -del (otdel, predel) is left out.
    rf"|(?P<el>(?<=[aeiou][b-df-hj-np-tv-z])(?<!d)el$)"
    rf"|(?P<ye0>{_START_OR_VOWEL}ye)"
    rf"|(?P<ye>ye)"
    rf"|yo{OKINA}|y[oua]"
    rf"|(?P<e>{_START_OR_VOWEL}e)"
    rf"|[og]{OKINA}|sh|ch"
)
_L2C_SPECIAL = {
    "ts": "ц",
    "s": "ц",
    "lyo": "ьо",
    "ye0": "е",
    "e": "э",
    "el": "ель",
}
# Russian prefixes after which ye is written ъе: объект, субъект, подъезд,
# съезд, инъекция. Elsewhere a consonant + ye is ье: премьер, пьеса, барьер.
_HARD_PREFIXES = frozenset(
    ["ob", "sub", "pod", "nad", "s", "in", "ad", "kon", "diz", "dez", "raz", "iz"]
)


def _l2c_sub(m: re.Match[str]) -> str:
    group = m.lastgroup
    if group is None:
        return _L2C_FIXED[m[0]]
    if group == "ye":
        before = m.string[: m.start()]
        hard = before in _HARD_PREFIXES or before.endswith(("ob", "sub", "pod"))
        return "ъе" if hard else "ье"
    return _L2C_SPECIAL[group]


def l2c_rules(word: str) -> str:
    """Lower-case Latin word (normalised apostrophes) -> Cyrillic by rule."""
    return _L2C_RE.sub(_l2c_sub, word).translate(_L2C_TABLE)


# --- lexicon -----------------------------------------------------------------

_LAT_SUFFIXES = [
    "lar",
    "ning",
    "ni",
    "ga",
    "ka",
    "qa",
    "da",
    "ta",
    "dan",
    "tan",
    "dagi",
    "tagi",
    "gi",
    "ki",
    "i",
    "si",
    "im",
    "m",
    "ing",
    "ng",
    "imiz",
    "miz",
    "ingiz",
    "ngiz",
    "dir",
    "mi",
    "chi",
    "cha",
    "li",
    "lik",
    "siz",
    "day",
    "dek",
    "gacha",
    "lash",
    "la",
    "lan",
    "tir",
    "u",
    "yu",
    "ku",
    "oq",
    "viy",
    "iy",
    "ist",
    "izm",
    "chilik",
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
        ["ru_loans.tsv", "uz.tsv"],
        c2l_rules,
        l2c_rules,
        _LAT_SUFFIX_RE,
        _CYR_SUFFIX_RE,
    )


def c2l_lower(word: str) -> str:
    """Lower-case Cyrillic word -> Latin, lexicon first."""
    hit = tables()[1].lookup(word)
    if hit is None:
        return c2l_rules(word)
    stem, rest = hit
    if not rest:
        return stem
    # Convert the rest with one letter of left context (vowel or consonant).
    prev = word[len(word) - len(rest) - 1]
    pad = "а" if prev in _CYR_VOWELS else "б"
    return stem + c2l_rules(pad + rest)[1:]


def l2c_lower(word: str) -> str:
    """Lower-case Latin word -> Cyrillic, lexicon first."""
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
        stem = stem[:-1]  # апрель, but апрелда: Uzbek drops ь before suffixes.
    prev = word[len(word) - len(rest) - 1]
    pad = "a" if prev in "aeiou" + OKINA else "b"
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
            out = out.upper()
        elif case == TITLE and out:
            out = out[0].upper() + out[1:]
    return _c2l_memo.put(word, out)


_OKINA_FIX_RE = re.compile(rf"(?<=[oOgG])[{_AP}]")
_TUTUQ_FIX_RE = re.compile(rf"(?<![oOgG])[{_AP}]|(?<=[{OKINA}{TUTUQ}])[{_AP}]")
_EN_CONTRACTION_RE = re.compile(
    r"^(?:[A-Za-z]+n['’]t|[A-Za-z]+['’]s"
    r"|(?i:i|you|we|they|he|she|it|that|there|who|what)['’](?:ll|re|ve|d|m)"
    r")$|^[OD]['’][A-Z][a-z]"
)
# A final apostrophe that may close a quote; a final U+02BC is a tutuq (qatʼ).
_QUOTES = APOSTROPHES.replace(TUTUQ, "")
_FOREIGN_RE = re.compile(rf"c(?!h)|w|[^a-z{OKINA}{TUTUQ}-]")


def fix_apostrophes(word: str) -> str:
    """oʻ gʻ with U+02BB, every other apostrophe inside a word -> U+02BC."""
    if _EN_CONTRACTION_RE.search(word):
        return word
    tail = ""
    if word[-1:] in _QUOTES and word[-2:-1] not in ("o", "O", "g", "G"):
        # A closing quote after the word, not a letter sign.
        word, tail = word[:-1], word[-1:]
    word = _OKINA_FIX_RE.sub(OKINA, word)
    return _TUTUQ_FIX_RE.sub(TUTUQ, word) + tail


_l2c_memo: Memo = Memo()


def l2c_token(token: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    """A Latin token (may hold apostrophes and hyphens) -> Cyrillic."""
    out = _l2c_memo.get(token)
    if out is not None:
        return out
    out = _l2c_token(token, keep)
    return _l2c_memo.put(token, out)


def _l2c_token(token: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    if token in keep[0] or token.lower() in keep[1]:
        return token
    if token.isascii() and token.isalpha():
        # The common case: no apostrophes, no hyphens.
        if _FOREIGN_RE.search(token.lower()):
            return token
        return _l2c_part(token, keep)
    if _EN_CONTRACTION_RE.search(token):
        return token
    if token[-1] in _QUOTES and token[-2:-1] not in ("o", "O", "g", "G"):
        return _l2c_token(token[:-1], keep) + token[-1]
    word = fix_apostrophes(token)
    low = word.lower()
    if _FOREIGN_RE.search(low):
        return token
    if "-" not in word:
        return _l2c_part(word, keep)
    parts = word.split("-")
    whole = tables()[0].exact.get(low)
    if whole is not None and whole.count("-") == len(parts) - 1:
        # A hyphenated lexicon entry (Nyu-York): keep each part's case.
        return "-".join(
            _apply_case(cyr, latin_case(lat))
            for cyr, lat in zip(whole.split("-"), parts, strict=True)
        )
    return "-".join(_l2c_part(part, keep) if part else part for part in parts)


def _apply_case(cyr: str, case: int) -> str:
    if case == UPPER:
        return cyr.upper()
    if case == TITLE:
        return cyr[:1].upper() + cyr[1:]
    return cyr


ROMAN_RE = re.compile(
    r"^(?=[MDCLXVI]{2})M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$"
)


def _l2c_part(word: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    if word in keep[0] or word.lower() in keep[1] or ROMAN_RE.match(word):
        return word  # Listed, or a Roman numeral (XXI asr -> XXI аср).
    case = latin_case(word)
    if case == MIXED:
        return word  # CamelCase: a brand or code name, not Uzbek.
    return _apply_case(l2c_lower(word.lower()), case)
