"""Uzbek: Cyrillic <-> Latin (1995 alphabet as amended in 2019).

Each direction is "lexicon, else rules". This module holds Uzbek's letters
and rules; the lexicon lookups, the per-word path and the whole-text path
are shared with Karakalpak (``_convert.Language``).
"""

import re

from ._common import APOSTROPHES, CYR, LAT, OKINA, TUTUQ, latin_case
from ._convert import WORD_END, Keep, Language, apply_case

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
    "ц": "ts",  # only matched after a vowel, not at the end: militsiya, abzas
    "сҳ": "s" + TUTUQ + "h",  # Исҳоқ -> Isʼhoq, not Ishoq
    "и": "yi",  # only matched at the end after a vowel: izofa, адои -> adoyi
}
# Izofa (Persian construct) and the possessive of vowel-final Arabic and
# Persian words: a final и after a vowel is -yi in Latin (адои, мавзуи,
# Бухорои Шариф -> Buxoroyi Sharif); Uzbek's own -и follows consonants
# (уйи, тойи: the й is written). Not after и: final -ии is a Russian form
# (цезии, линии), written -ii.
_IZOFA_AFTER = "аеёоуэюяў"
_IZOFA = rf"(?<=[{_IZOFA_AFTER}])и$"
_C2L_RE = re.compile(
    rf"[ъь]е|ь[ио]|(?<![^{_CYR_VOWELS}])е|(?<=[{_CYR_VOWELS}])ц(?=.)|сҳ|{_IZOFA}",
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
# Productive loanword endings where Latin s/ts stands for Cyrillic ц; the
# 1995 rule (ц = ts after a vowel inside a word, s elsewhere) makes them
# reversible: -нция -кция -пция -бция (станция, реакция, концепция,
# абсорбция), and the Russian agent suffix -носец (авианосец, броненосец).
# -iyat is the Arabic abstract suffix (jinsiyat, insoniyat): с.
_TS_ENDINGS = r"(?=i(?:ya(?!t)|on|al|ent|at))"
# After a vowel, ts before these loanword endings (-цит -цид -цизм -цист
# -центр -цепт -цикл ...) or before a consonant or the end of the word
# (-ец: the older spelling ranets, marganets) is ц: Uzbek's own ts only
# arises from a t-final stem plus an s-suffix (-sa, -siz, -sin), always
# followed by a vowel.
_TS_VOWEL_ENDINGS = (
    r"(?=i(?:ya|yent|on|al|ent|ant|at|t|d|zm|st|kl|ll)|e(?:ntr|nt|nz|pt|p)"
    rf"|$|[^aeiouyh{OKINA}{TUTUQ}]"
    # No Uzbek suffix starts with se/so/su, and of those with si only -siz,
    # -sin: vowel + ts + e/o/u/i is ц (atsetat, tsetsiliya, lotsman).
    r"|[eou]|i(?![zn]))"
)
# Every branch starts with a literal letter, so that ``re`` only stops at
# those letters; the conditions on what comes before are lookbehinds taken
# after the letter.
_L2C_RE = re.compile(
    rf"s(?:{TUTUQ}h"
    rf"|(?:(?<=[nkpb]s){_TS_ENDINGS}|$(?<=noses))(?P<s>)"
    r"|h)"
    rf"|t(?:(?<=[aeiou]t)|(?<=o{OKINA}t))s{_TS_VOWEL_ENDINGS}(?P<ts>)"
    r"|y(?:"
    # -льон -ньон -сьон: батальон, компаньон, лосьон.
    r"o(?<=[aeiou]lyo)(?=n)(?P<lyo>)"
    rf"|i$(?:(?<=[eu]yi)|(?<=o{OKINA}yi))(?P<yi>)"
    rf"|e(?:(?<=^ye)|(?<=[aeiou]ye)|(?<=o{OKINA}ye)|(?<={TUTUQ}ye))(?P<ye0>)"
    r"|e(?P<ye>)"
    rf"|o{OKINA}|[oua])"
    # Russian ль before -ник -ство -ность -ский: начальник, издательство,
    # уральский; -поль -оголь -троль -юль at the end: Неаполь, алкоголь,
    # контроль, кастрюль (Uzbek has no native words of these shapes).
    r"|l(?:(?<=[aeiou]l)(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo))(?P<l>)"
    r"|$(?:(?<=[aeiou]pol)|(?<=ogol)|(?<=trol)|(?<=yul))(?P<l_>))"
    # Word-final -el after one or two consonants in a word of two or more
    # syllables is the Russian -ель (model, mebel, shinel, akvarel, kartel,
    # tunnel, shtempel, vermishel); Uzbek's own -el words are one syllable
    # (kel, bel, el). -del after a vowel (otdel, predel) and -ngel (angel,
    # Arxangel) are left out.
    r"|e(?:l$(?:(?<=[aeiou][b-df-hj-np-tv-z]el)(?<!del)"
    r"|(?<=[aeiou][b-df-hj-np-tv-z][b-df-hj-np-tv-z]el)(?<!ngel))(?P<el>)"
    rf"|(?:(?<=^e)|(?<=[aeiou]e)|(?<=o{OKINA}e)|(?<={TUTUQ}e))(?P<e>))"
    rf"|o{OKINA}|g{OKINA}|ch"
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


# Latin -uyi -eyi -oʻyi at the end of a word of two or more syllables is the
# -и of a vowel-final Arabic or Persian stem (mavzuyi, mavqeyi, obroʻyi ->
# мавзуи, мавқеи, обрўи: the Cyrillic -> Latin rule above, reversed); the
# native stems in -uy -ey -oʻy are one syllable (uyi, kuyi, toʻyi -> уйи ...).
# -oyi stays -ойи: native stems in -oy are many (joyi, chiroyi, saroyi).
_VOWEL_RE = re.compile("[aeiouAEIOU]")


def _is_izofa(word_before: str) -> bool:
    return len(_VOWEL_RE.findall(word_before)) > 1


def _hard_ye(before: str) -> bool:
    """Consonant + ye: ъе after a Russian prefix (объект), else ье."""
    return before in _HARD_PREFIXES or before.endswith(("ob", "sub", "pod"))


def _l2c_sub(m: re.Match[str]) -> str:
    group = m.lastgroup
    if group is None:
        return _L2C_FIXED[m[0]]
    if group == "ye":
        return "ъе" if _hard_ye(m.string[: m.start()]) else "ье"
    if group == "yi":
        return "и" if _is_izofa(m.string[: m.start()]) else "йи"
    return _L2C_SPECIAL[group]


def l2c_rules(word: str) -> str:
    """Lower-case Latin word (normalised apostrophes) -> Cyrillic by rule."""
    return _L2C_RE.sub(_l2c_sub, word).translate(_L2C_TABLE)


# --- tokens --------------------------------------------------------------------

_LAT_SUFFIXES = (
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
    # derivation: vulgarlashtirmoq, kalkalamoq, palmazor, paltobop,
    # silindrsimon, ventilsimon
    "moq",
    "ish",
    "zor",
    "bop",
    "xona",
    "dor",
    "kor",
    "shunos",
    "simon",
    "sifat",
    "dosh",
    "gina",
)

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


# --- whole-text conversion -------------------------------------------------------

_OTHER_AP = "".join(ch for ch in APOSTROPHES if ch not in (OKINA, TUTUQ))

# Characters that make a Latin token need the per-word path: letters Uzbek
# does not use, c (not ch), w, a capital after a letter (CamelCase, all
# capitals, AQSh), apostrophes other than a single ʻ after o/g or ʼ between
# letters (quotes, typewriter apostrophes, a final apostrophe).
_L2C_TRIGGER_CHARS = rf"\u00c0-\u024f{re.escape(_OTHER_AP)}wWcCA-Z{OKINA}{TUTUQ}"
# Tested on the character just read (lookbehinds), and what follows it.
_L2C_TRIGGER_IF = (
    rf"(?<=[\u00c0-\u024f{re.escape(_OTHER_AP)}wW])"
    r"|(?<=[cC])(?![hH])"
    rf"|(?<=[A-Z])(?<=[{LAT}{_AP}].)"
    rf"|(?<={OKINA})(?<![oOgG]{OKINA})"
    rf"|(?<={TUTUQ})(?<=[oOgG]{TUTUQ})"
    rf"|(?<=[{OKINA}{TUTUQ}])(?:(?=[{_AP}])|(?<![{LAT}].)|(?![{LAT}]))"
)

_V = "aeiouAEIOU"
_C = "b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z"
# e is э at the start of a word part and after a vowel or ʼ, that is: when
# the letter before is not a consonant (gʻ is one). Tokens with other
# apostrophe uses never get here.
_AFTER_NON_CONSONANT = rf"(?<![{_C}\u00c0-\u024f].)(?<![gG]{OKINA}.)"
_L2C_BULK_CONTEXT = re.compile(
    # Every branch starts with a literal letter, so ``re`` skips ahead fast
    # and tries only the branches of that letter; the branches come in the
    # order of their letters' frequency (l s t y e in running text), and
    # within a branch the cheapest test that usually fails comes first.
    # Capitals only occur as the first letter of a word here (other capitals
    # take the per-word path).
    rf"l(?:(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo))(?<=[{_V}]l)(?P<l>)"
    rf"|{WORD_END}(?:(?<=[{_V}]pol)|(?<=ogol)|(?<=trol)|(?<=yul))(?P<l_>)"
    rf"|(?=yon)(?<=[{_V}]l)(?P<lyo>yo))"
    rf"|s(?:(?:(?=i(?:ya(?!t)|on|al|ent|at))(?<=[nkpbNKPB]s)"
    rf"|{WORD_END}(?<=noses))(?P<s>)|(?P<sh>{TUTUQ}h))"
    rf"|ts(?=i(?:ya|yent|on|al|ent|ant|at|t|d|zm|st|kl|ll)|e(?:ntr|nt|nz|pt|p)"
    rf"|[^aeiouyh{OKINA}{TUTUQ}]|$|[eou]|i(?![zn]))"
    rf"(?:(?<=[{_V}]ts)|(?<=[oO]{OKINA}ts))(?P<ts>)"
    rf"|y(?:e(?:(?<![{_C}\u00c0-\u024f]..)(?<![gG]{OKINA}..)(?P<ye0>)|(?P<ye>))"
    rf"|i{WORD_END}(?:(?<=[eu]yi)|(?<=o{OKINA}yi))(?P<yi>))"
    rf"|e(?:(?=l{WORD_END})(?:(?<=[{_V}][{_C}]e)(?<![dD]e)"
    rf"|(?<=[{_V}][{_C}][{_C}]e)(?<![nN][gG]e))(?P<el>l)"
    rf"|{_AFTER_NON_CONSONANT}(?P<e>))"
    rf"|E(?P<E>)"
    rf"|Ye(?P<Ye>)"
    rf"|S(?P<Sh>{TUTUQ}h)"
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
}
_PART_START_RE = re.compile(rf"[a-zA-Z{OKINA}{TUTUQ}]*\Z")

_CYR_VOWELS_BOTH = _CYR_VOWELS + _CYR_VOWELS.upper()
_CC = re.escape(
    "".join(ch for ch in map(chr, range(0x400, 0x530)) if ch not in _CYR_VOWELS_BOTH)
)
_IZOFA_BOTH = _IZOFA_AFTER + _IZOFA_AFTER.upper()


class Uzbek(Language):
    """Uzbek letters and rules on the shared machinery."""

    files = ("ru_loans.tsv", "uz.tsv")
    lat_suffixes = _LAT_SUFFIXES
    lat_vowels = "aeiou" + OKINA
    cyr_vowels = _CYR_VOWELS
    # апрель, but апрелда (as most Uzbek print): before every suffix.
    drop_soft_sign_before = "abcdefghijklmnopqrstuvwxyz"
    c2l_table = _C2L_TABLE
    c2l_context_lead = "ъьЪЬеЕцЦсСиИ"
    c2l_context = (
        r"(?<=[ъьЪЬ])(?P<ye>[еЕ])|(?<=[ьЬ])(?P<yi>[иИ])|(?<=[ьЬ])(?P<yo>[оО])"
        rf"|(?<=[еЕ])(?<![{_CC}].)(?P<e>)"
        rf"|(?<=[цЦ])(?<=[{_CYR_VOWELS_BOTH}].)(?=[{CYR}])(?P<ts>)"
        r"|(?<=[сС])(?P<sh>[ҳҲ])"
        rf"|(?<=[иИ])(?<=[{_IZOFA_BOTH}].)(?![{CYR}])(?P<iz>)"
    )
    c2l_context_out = {
        "ye": "ye",
        "yi": "yi",
        "yo": "yo",
        "e": "ye",
        "ts": "ts",
        "sh": "s" + TUTUQ + "h",
        "iz": "yi",
    }
    l2c_table = _L2C_TABLE
    l2c_digraphs = {k: v for k, v in _L2C_FIXED.items() if k != "s" + TUTUQ + "h"}
    # ʻ only occurs in oʻ gʻ there; ʼ only between two letters (other uses
    # send the token to the per-word path), where it is ъ.
    l2c_not_in_bulk = OKINA
    l2c_trigger_chars = _L2C_TRIGGER_CHARS
    l2c_trigger_if = _L2C_TRIGGER_IF
    l2c_bulk_high = OKINA + TUTUQ
    # _L2C_BULK_OUT and what l2c_context_sub computes.
    l2c_context_outputs = (*_L2C_BULK_OUT.values(), "и", "йи", "ъе", "ье")
    l2c_context_re = _L2C_BULK_CONTEXT

    def c2l_rules(self, word: str) -> str:
        return c2l_rules(word)

    def l2c_rules(self, word: str) -> str:
        return l2c_rules(word)

    def l2c_context_sub(self, m: re.Match[str]) -> str:
        group = m.lastgroup
        if group == "ye" or group == "yi":
            start = m.start()
            before = _PART_START_RE.search(m.string, max(0, start - 40), start)[0]
            if group == "yi":
                return "и" if _is_izofa(before) else "йи"
            return "ъе" if _hard_ye(before.lower()) else "ье"
        return _L2C_BULK_OUT[group]

    def convert_token(self, token: str, keep: Keep) -> str:
        if token in keep[0] or token.lower() in keep[1]:
            return token
        if token.isascii() and token.isalpha():
            # The common case: no apostrophes, no hyphens.
            if _FOREIGN_RE.search(token.lower()):
                return token
            return self.l2c_part(token, keep)
        if _EN_CONTRACTION_RE.search(token):
            return token
        if token[-1] in _QUOTES and token[-2:-1] not in ("o", "O", "g", "G"):
            return self.convert_token(token[:-1], keep) + token[-1]
        word = fix_apostrophes(token)
        low = word.lower()
        if _FOREIGN_RE.search(low):
            return token
        if "-" not in word:
            return self.l2c_part(word, keep)
        parts = word.split("-")
        whole = self.tables[0].exact.get(low)
        if whole is not None and whole.count("-") == len(parts) - 1:
            # A hyphenated lexicon entry (Nyu-York): keep each part's case.
            return "-".join(
                apply_case(cyr, latin_case(lat))
                for cyr, lat in zip(whole.split("-"), parts, strict=True)
            )
        return "-".join(self.l2c_part(part, keep) if part else part for part in parts)


LANG = Uzbek()
