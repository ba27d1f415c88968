"""Uzbek: Cyrillic <-> Latin (1995 alphabet as amended in 2019).

Each direction is "lexicon, else rules". Per word: one regular expression
for the context-dependent letters (е, ц, ъ, ь, ye, yo, sʼh, ...) followed by
``str.translate`` for everything else, memoised. Running text goes through
the whole-text converters at the end of this module (``c2l_text``,
``l2c_text``), which give the same result in a few C-level passes.
"""

import re
from functools import cache

from . import _lexicon
from ._common import (
    APOSTROPHES,
    CYR,
    LAT,
    LAT_WORD,
    MIXED,
    OKINA,
    PROTECTED,
    PROTECTED_RE,
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
    "и": "yi",  # only matched at the end after a vowel: izofa, адои -> adoyi
}
# Izofa (Persian construct): a final и after a vowel is -yi in Latin
# (адои, Бухорои Шариф -> Buxoroyi Sharif); Uzbek's own -и follows
# consonants (уйи, тойи: the й is written).
_IZOFA = rf"(?<=[{_CYR_VOWELS}])и$"
_C2L_RE = re.compile(
    rf"[ъь]е|ь[ио]|(?<![^{_CYR_VOWELS}])е|(?<=[{_CYR_VOWELS}])ц|сҳ|{_IZOFA}",
)


def c2l_rules(word: str) -> str:
    """Lower-case Cyrillic word -> Latin by rule alone (no lexicon)."""
    if (
        "е" in word
        or "ц" in word
        or "ь" in word
        or "ъ" in word
        or "сҳ" in word
        or word[-1:] == "и"
    ):
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
    rf"|$|[^aeiouyh{OKINA}{TUTUQ}]"
    # No Uzbek suffix starts with se/so/su, and of those with si only -siz,
    # -sin: vowel + ts + e/o/u/i is ц (atsetat, tsetsiliya, lotsman).
    r"|[eou]|i(?![zn]))"
)
_L2C_RE = re.compile(
    rf"s{TUTUQ}h"
    rf"|(?P<ts>{_VOWEL_BEFORE}ts{_TS_VOWEL_ENDINGS})"
    rf"|(?P<s>(?<=[nkp])s{_TS_ENDINGS})"
    # -льон -ньон -сьон: батальон, компаньон, лосьон.
    rf"|(?P<lyo>(?<=[aeiou]l)yo(?=n))"
    # Russian ль before -ник -ство -ность -ский: начальник, издательство,
    # уральский; -поль -оголь -троль -юль at the end: Неаполь, алкоголь,
    # контроль, кастрюль (Uzbek has no native words of these shapes).
    rf"|(?P<l>(?<=[aeiou])l(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo)))"
    r"|(?P<l_>(?:(?<=[aeiou]po)|(?<=ogo)|(?<=tro)|(?<=yu))l$)"
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
    "l": "ль",
    "l_": "ль",
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


# --- whole-text conversion -----------------------------------------------------
#
# Running text is converted in a handful of C-level passes over the whole
# string instead of a Python call per word:
#
# 1. one regular expression finds the few tokens that need the per-word path
#    above (URLs, words that may be in the lexicon, foreign or CamelCase
#    words, keep-list words, Roman numerals, unusual apostrophes); each is
#    converted by ``l2c_token`` / ``c2l_word`` and replaced by a placeholder;
# 2. one regular expression applies the context rules to the rest, keeping
#    the case of what it matched (a callback per match, dictionary lookups);
# 3. ``str.replace`` for the fixed digraphs, ``str.translate`` for the rest;
# 4. the placeholders are filled in.
#
# The result is the same as converting word by word (tests/test_bulk.py
# compares the two on generated text); it is only faster.

HOLE = "\ue001"  # placeholder for a token converted on its own
_OTHER_AP = "".join(ch for ch in APOSTROPHES if ch not in (OKINA, TUTUQ))
_WORD_END = rf"(?![{LAT}{_AP}])"


# Characters that make a Latin token need the per-word path: letters Uzbek
# does not use, c (not ch), w, a capital after a letter (CamelCase, all
# capitals, AQSh), apostrophes other than a single ʻ after o/g or ʼ between
# letters (quotes, typewriter apostrophes, a final apostrophe).
_L2C_TRIGGER_RE = re.compile(
    rf"[\u00c0-\u024f{re.escape(_OTHER_AP)}wWcCA-Z{OKINA}{TUTUQ}]"
    rf"(?:(?<=[\u00c0-\u024f{re.escape(_OTHER_AP)}wW])"
    r"|(?<=[cC])(?![hH])"
    rf"|(?<=[A-Z])(?<=[{LAT}{_AP}].)"
    rf"|(?<={OKINA})(?<![oOgG]{OKINA})"
    rf"|(?<={TUTUQ})(?<=[oOgG]{TUTUQ})"
    rf"|(?<=[{OKINA}{TUTUQ}])(?:(?=[{_AP}])|(?<![{LAT}].)|(?![{LAT}])))"
)


@cache
def _l2c_candidate_re() -> re.Pattern[str]:
    """Word parts (in the lower-cased text) that the lexicon or keep list may
    know. The match is the character before the word part. International
    prefixes (kino-, tele-) count as entries: the per-word path looks for a
    listed word behind them."""
    table = tables()[0]
    _, folded = _lexicon.read_keep()
    open_keys = sorted({*table.stems, *table.prefixes, *table.compound_prefixes})
    exact = sorted({*table.exact, *folded})
    return re.compile(  # on lower-cased text: no A-Z in the class
        rf"[^a-z\u00c0-\u024f{_AP}](?=(?:{_lexicon.trie_pattern(open_keys)})"
        rf"|(?:{_lexicon.trie_pattern(exact)}){_WORD_END})"
    )


_V = "aeiouAEIOU"
_C = "b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z"
# e is э at the start of a word part and after a vowel or ʼ, that is: when
# the letter before is not a consonant (gʻ is one). Tokens with other
# apostrophe uses never get here.
_AFTER_NON_CONSONANT = rf"(?<![{_C}\u00c0-\u024f].)(?<![gG]{OKINA}.)"
_L2C_BULK_CONTEXT = re.compile(
    # Every branch starts with a literal letter, so ``re`` skips ahead fast
    # and tries only the branches of that letter; within a branch the
    # cheapest test that usually fails comes first. Capitals only occur as
    # the first letter of a word here (other capitals take the per-word
    # path).
    rf"e(?:(?=l{_WORD_END})(?<=[{_V}][{_C}]e)(?<![dD]e)(?P<el>l)"
    rf"|{_AFTER_NON_CONSONANT}(?P<e>))"
    rf"|ye(?:(?<![{_C}\u00c0-\u024f]..)(?<![gG]{OKINA}..)(?P<ye0>)|(?P<ye>))"
    rf"|E(?P<E>)"
    rf"|Ye(?P<Ye>)"
    rf"|ts(?=i(?:ya|yent|on|al|ent|ant|at|t|d|zm|st|kl|ll)|e(?:ntr|nt|nz|pt|p)"
    rf"|[^aeiouyh{OKINA}{TUTUQ}]|$|[eou]|i(?![zn]))"
    rf"(?:(?<=[{_V}]ts)|(?<=[oO]{OKINA}ts))(?P<ts>)"
    rf"|s(?:(?P<sh>{TUTUQ}h)|(?=i(?:ya|on|al|ent|at))(?<=[nkpNKP]s)(?P<s>))"
    rf"|S(?P<Sh>{TUTUQ}h)"
    rf"|l(?:(?=yon)(?<=[{_V}]l)(?P<lyo>yo)"
    rf"|(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo))(?<=[{_V}]l)(?P<l>)"
    rf"|{_WORD_END}(?:(?<=[{_V}]pol)|(?<=ogol)|(?<=trol)|(?<=yul))(?P<l_>))"
    rf"|{TUTUQ}(?<=[a-zA-Z]{TUTUQ})(?P<tq>)"
)
_L2C_BULK_OUT = {
    "sh": "сҳ",
    "Sh": "Сҳ",
    "ts": "ц",
    "s": "ц",
    "lyo": "льо",
    "l": "ль",
    "l_": "ль",
    "el": "ель",
    "ye0": "е",
    "Ye": "Е",
    "e": "э",
    "E": "Э",
    "tq": "ъ",
}
_PART_START_RE = re.compile(rf"[a-zA-Z{OKINA}{TUTUQ}]*\Z")


def _l2c_bulk_sub(m: re.Match[str]) -> str:
    group = m.lastgroup
    if group == "ye":
        # Consonant + ye: ъе after a Russian prefix, else ье (see _l2c_sub).
        start = m.start()
        before = _PART_START_RE.search(m.string, max(0, start - 40), start)
        before = before[0].lower()
        hard = before in _HARD_PREFIXES or before.endswith(("ob", "sub", "pod"))
        return "ъе" if hard else "ье"
    return _L2C_BULK_OUT[group]


def _case_variants(pairs: dict[str, str]) -> list[tuple[str, str]]:
    """Lower and title case: all-capitals words take the per-word path."""
    out = []
    for lat, cyr in pairs.items():
        out.append((lat, cyr))
        out.append((lat[:1].upper() + lat[1:], cyr[:1].upper() + cyr[1:]))
    return out


_L2C_REPLACE = _case_variants(
    {k: v for k, v in _L2C_FIXED.items() if k != "s" + TUTUQ + "h"}
)
_L2C_BULK_TABLE = str.maketrans(
    {
        **{k: v for k, v in _L2C_TABLE.items() if k not in (ord(OKINA), ord(TUTUQ))},
        **{
            ord(chr(k).upper()): v.upper()
            for k, v in _L2C_TABLE.items()
            if chr(k).isascii()
        },
    }
)
# str.translate takes CPython's slow path when the input is not ASCII or an
# output is longer than one character (sh, oʻ); one str.replace per letter
# is a fast search each and about twice as fast over a page of text. The
# outputs never contain an input letter, so the order does not matter.
_L2C_LETTERS = [(chr(k), v) for k, v in _L2C_BULK_TABLE.items()]


def _replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    for old, new in pairs:
        text = text.replace(old, new)
    return text


_PROTECTED_HINT_RE = re.compile(
    r"@|://|www\.|mailto:|\.(?:uz|com|org|net|ru|gov|edu|info|io|int|eu|us|uk|de"
    r"|kz|tj|kg|tm|su)\b"
)
_SPACE_BEFORE_RE = re.compile(r"\S*\Z")
_NON_SPACE_RE = re.compile(r"\S*")


def _protected_spans(text: str) -> list[tuple[int, int, re.Match[str]]]:
    """URLs, e-mail addresses, domains: looked for only around their hints."""
    spans: list[tuple[int, int, re.Match[str]]] = []
    done = 0
    for hint in _PROTECTED_HINT_RE.finditer(text):
        h = hint.start()
        if h < done:
            continue
        lo = _SPACE_BEFORE_RE.search(text, max(done, h - 400), h).start()
        hi = _NON_SPACE_RE.match(text, h).end()
        for m in PROTECTED_RE.finditer(text, lo, hi):
            spans.append((m.start(), m.end(), m))
        done = hi
    return spans


def _punch(
    text: str, spans: list[tuple[int, int, re.Match[str] | None]], convert
) -> tuple[str, list[str]]:
    """Replace non-overlapping spans (earliest, then longest first) by HOLE."""
    spans.sort(key=lambda sp: (sp[0], -sp[1]))
    pieces: list[str] = []
    done: list[str] = []
    pos = 0
    for start, end, m in spans:
        if start < pos:
            continue
        pieces.append(text[pos:start])
        pieces.append(HOLE)
        done.append(convert(m))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), done


def _token_spans(text: str, i: int, token_re: re.Pattern[str], chars: str):
    """Every token of the run of token characters around position i."""
    lo = i
    while lo and text[lo - 1] in chars:
        lo -= 1
    hi = i + 1
    n = len(text)
    while hi < n and text[hi] in chars:
        hi += 1
    return [(m.start(), m.end(), m) for m in token_re.finditer(text, lo, hi)]


_LAT_TOKEN_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-"
    + APOSTROPHES
    + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch not in "\u00d7\u00f7")
)


def l2c_text(text: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    """Latin text (no Cyrillic) -> Cyrillic, the whole string at once."""
    if HOLE in text:  # our placeholder is in the input: word by word
        return l2c_words(text, keep)
    spans: list = _protected_spans(text) if _PROTECTED_HINT_RE.search(text) else []
    done_to = -1
    for t in _L2C_TRIGGER_RE.finditer(text):
        if t.start() < done_to:
            continue
        found = _token_spans(text, t.start(), _LAT_TOKEN_RE, _LAT_TOKEN_CHARS)
        spans.extend(found)
        if found:
            done_to = found[-1][1]
    # A space in front makes the first word a word like any other.
    low = " " + text.lower()
    if len(low) != len(text) + 1:  # pragma: no cover - lower() changed length
        return l2c_words(text, keep)
    for c in _l2c_candidate_re().finditer(low):
        m = _LAT_TOKEN_RE.match(text, c.start())
        if m is not None:
            spans.append((m.start(), m.end(), m))
    if spans:
        text, done = _punch(text, spans, lambda m: _slow_l2c(m, keep))
    else:
        done = []
    text = _L2C_BULK_CONTEXT.sub(_l2c_bulk_sub, text)
    for lat, cyr in _L2C_REPLACE:
        text = text.replace(lat, cyr)
    return _fill(_replace_all(text, _L2C_LETTERS), done)


def _fill(text: str, done: list[str]) -> str:
    if not done:
        return text
    parts = text.split(HOLE)
    out = [parts[0]]
    for value, part in zip(done, parts[1:], strict=True):
        out.append(value)
        out.append(part)
    return "".join(out)


def _slow_l2c(m: re.Match[str], keep) -> str:
    """One token by the per-word path (what to_cyrillic did for every word)."""
    if m.lastgroup == "p" or m.re is PROTECTED_RE:
        return m[0]
    token = m[0]
    start = m.start()
    # 'tog' in quotes: the final apostrophe closes a quote, not gʻ.
    if (
        token[-1] in APOSTROPHES
        and start
        and m.string[start - 1] in APOSTROPHES
        and token[-2:-1] not in APOSTROPHES
    ):
        return l2c_token(token[:-1], keep) + token[-1]
    return l2c_token(token, keep)


_LAT_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<w>{LAT_WORD})")


def l2c_words(text: str, keep: tuple[frozenset[str], frozenset[str]]) -> str:
    """Reference path: the same conversion, one token at a time."""
    return _LAT_TOKEN_RE.sub(lambda m: _slow_l2c(m, keep), text)


_CYR_VOWELS_BOTH = _CYR_VOWELS + _CYR_VOWELS.upper()
_CYR_CONSONANTS = "".join(
    ch for ch in map(chr, range(0x400, 0x530)) if ch not in _CYR_VOWELS_BOTH
)
_CYR_UPPER = "".join(ch for ch in map(chr, range(0x400, 0x530)) if ch.isupper())
_CYR_LOWER = "".join(ch for ch in map(chr, range(0x400, 0x530)) if ch.islower())
_CC = re.escape(_CYR_CONSONANTS)
_CU = re.escape(_CYR_UPPER)
_CL = re.escape(_CYR_LOWER)


_CYR_CHARS = frozenset(map(chr, range(0x400, 0x530)))
# A Cyrillic word needs the per-word path if it mixes case (ТошДУнинг),
# touches a Latin letter, or starts with Ъ/Ь.
_C2L_TRIGGER_RE = re.compile(
    rf"[{_CU}{LAT}]"
    rf"(?:(?<=[{_CU}])(?:(?<=[{_CL}].)|(?<=[{_CU}].)(?=[{_CL}])|(?<=[ЬЪ])(?<![{CYR}].))"
    rf"|(?<=[{LAT}])(?:(?<=[{CYR}].)|(?=[{CYR}])))"
)


@cache
def _c2l_candidate_re() -> re.Pattern[str]:
    lexicon = tables()[1].candidate_pattern().replace("{end}", f"(?![{CYR}])")
    return re.compile(rf"(?:^|[^{CYR}])(?={lexicon})")


_C2L_BULK_CONTEXT = re.compile(
    rf"[ъьЪЬеЕцЦсСЁЮЯШЩЧЇЄиИ]"
    rf"(?:(?<=[ъьЪЬ])(?P<ye>[еЕ])|(?<=[ьЬ])(?P<yi>[иИ])|(?<=[ьЬ])(?P<yo>[оО])"
    rf"|(?<=[еЕ])(?<![{_CC}].)(?P<e>)"
    rf"|(?<=[цЦ])(?<=[{_CYR_VOWELS_BOTH}].)(?P<ts>)"
    rf"|(?<=[сС])(?P<sh>[ҳҲ])"
    rf"|(?<=[ЁЮЯШЩЧЇЄ])(?P<up>)"
    rf"|(?<=[иИ])(?<=[{_CYR_VOWELS_BOTH}].)(?![{CYR}])(?P<iz>))"
)
_C2L_BULK_OUT = {
    "ye": "ye",
    "yi": "yi",
    "yo": "yo",
    "e": "ye",
    "ts": "ts",
    "sh": "s" + TUTUQ + "h",
    "iz": "yi",
}


def _c2l_bulk_sub(m: re.Match[str]) -> str:
    group = m.lastgroup
    text = m[0]
    if group == "up":
        out = _C2L_TABLE[ord(text.lower())]
    else:
        out = _C2L_BULK_OUT[group]
        if text.islower():
            return out
    # A capital: the Latin digraph is all capitals inside an all-capitals
    # word (ШОҲ -> SHOH), title case otherwise (Шоҳ -> Shoh, Ш. -> Sh.).
    if len(text) > 1 and text.isupper():
        return out.upper()
    s, i, j = m.string, m.start(), m.end()
    if (j < len(s) and s[j] in _CYR_UPPER) or (i and s[i - 1] in _CYR_UPPER):
        return out.upper()
    if (
        text.isupper()
        and not (i and s[i - 1] in _CYR_CHARS)
        and not (j < len(s) and s[j] in _CYR_CHARS)
        and in_capitals(s, i, j)
    ):
        return out.upper()
    if text[0].isupper():
        return out[:1].upper() + out[1:]
    return out


_C2L_BULK_TABLE = str.maketrans(
    {
        **_C2L_TABLE,
        **{
            ord(chr(k).upper()): v[:1].upper() + v[1:]
            for k, v in _C2L_TABLE.items()
            if chr(k).upper() != chr(k)
        },
    }
)


_C2L_LETTERS = [(chr(k), v) for k, v in _C2L_BULK_TABLE.items()]


def c2l_text(text: str) -> str:
    """Cyrillic text -> Latin, the whole string at once."""
    if HOLE in text:  # our placeholder is in the input: word by word
        return c2l_words(text)
    spans: list = _protected_spans(text) if _PROTECTED_HINT_RE.search(text) else []
    done_to = -1
    for t in _C2L_TRIGGER_RE.finditer(text):
        if t.start() < done_to:
            continue
        i = t.start()
        if text[i] not in _CYR_CHARS:  # a Latin letter: the word(s) around it
            found = []
            if i and text[i - 1] in _CYR_CHARS:
                found += _token_spans(text, i - 1, _CYR_TOKEN_RE, _CYR_CHARS)
            if i + 1 < len(text) and text[i + 1] in _CYR_CHARS:
                found += _token_spans(text, i + 1, _CYR_TOKEN_RE, _CYR_CHARS)
        else:
            found = _token_spans(text, i, _CYR_TOKEN_RE, _CYR_CHARS)
        spans.extend(found)
        if found:
            done_to = found[-1][1]
    low = text.lower()
    if len(low) != len(text):  # pragma: no cover - lower() changed the length
        return c2l_words(text)
    for c in _c2l_candidate_re().finditer(low):
        m = _CYR_TOKEN_RE.match(text, c.end())
        if m is not None:
            spans.append((m.start(), m.end(), m))
    if spans:
        text, done = _punch(
            text,
            spans,
            lambda m: (
                m[0] if m.re is PROTECTED_RE or m.lastgroup == "p" else c2l_word(m[0])
            ),
        )
    else:
        done = []
    text = _C2L_BULK_CONTEXT.sub(_c2l_bulk_sub, text)
    return _fill(_replace_all(text, _C2L_LETTERS), done)


_CYR_TOKEN_RE = re.compile(rf"(?P<p>{PROTECTED})|(?P<w>[{CYR}]+)")


# A neighbour glued to Latin letters (a mixed-script word) does not count.
_NEXT_WORD_RE = re.compile(rf"[^{CYR}{LAT}\d]{{0,8}}([{CYR}]+)(?![{LAT}])")
_PREV_WORD_RE = re.compile(rf"(?<![{LAT}])([{CYR}]+)[^{CYR}{LAT}\d]{{0,8}}\Z")


def in_capitals(text: str, start: int, end: int) -> bool:
    """Is the one-letter word text[start:end] part of an all-capitals run?

    Я ВА СИЗ -> YA VA SIZ, Ш. МИРЗИЁЕВ -> SH. MIRZIYOYEV: the next word
    decides (or the previous one at the end of the text); it must be all
    capitals and at least two letters long.
    """
    m = _NEXT_WORD_RE.match(text, end)
    if m is None:
        m = _PREV_WORD_RE.search(text, max(0, start - 40), start)
    return m is not None and len(m[1]) > 1 and m[1].isupper()


def _word_in_context(m: re.Match[str]) -> str:
    if m.lastgroup == "p":
        return m[0]
    word = m[0]
    out = c2l_word(word)
    if (
        len(out) > 1
        and len(word) == 1
        and word.isupper()
        and in_capitals(m.string, *m.span())
    ):
        return out.upper()
    return out


def c2l_words(text: str) -> str:
    """Reference path: the same conversion, one word at a time."""
    return _CYR_TOKEN_RE.sub(_word_in_context, text)
