"""Karakalpak: Cyrillic <-> Latin (2016 alphabet).

2016 Latin letters: A Á B D E F G Ǵ H X Í I J K Q L M N Ń O Ó P R S T U Ú V W
Y Z, Sh C Ch. Note the pair ``Í ı`` (Cyrillic Ы ы: capital I with acute,
small dotless i) next to ``I i`` (Cyrillic И и); Python's ``str.upper`` and
``str.lower`` get that pair wrong, hence :func:`upper` and :func:`lower`.
Older spellings (aʻ gʻ nʻ oʻ uʻ iʻ of 1994-2016, í for ı) are accepted.

This module holds Karakalpak's letters and rules; the lexicon lookups, the
per-word path and the whole-text path are shared with Uzbek
(``_convert.Language``).
"""

import re

from ._common import APOSTROPHES, LAT
from ._convert import WORD_END, Keep, Language, replace_all, word_around

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
_DIGRAPHS = {"sh": "ш", "ch": "ч", "ya": "я", "yu": "ю"}
_DIGRAPH_PAIRS = list(_DIGRAPHS.items())

_V = "aáeıioóuúAÁEÍIOÓUÚ"
_CONSONANT = "bcdfgǵhjkqlmnńprstvwxzBCDFGǴHJKQLMNŃPRSTVWXZ"
# Letters Russian does not have: a word with one of them is Karakalpak.
_NATIVE_RE = re.compile("[áóúıǵńqÁÓÚÍǴŃQ]")
# Word-initial e is э in a loanword. A native word with an initial e has no
# o after it (o only stands in a first syllable) and no c, f, v or ch; the
# Greek and Latin endings -iya -ika -izm -ist -azm and the clusters mb ksp
# kst kz, which native words do not have, mark a loan too: ekonomika, epos,
# evolyuciya, energiya, entuziazm, emblema, eksport, ekzamen, but el, eki,
# eski, esap, estelik.
_LOAN_AHEAD = rf"(?=[{LAT}]*?(?:[cfvo]|ch|iya|ika|izm|ist|azm|mb|ksp|kst|kz))"

# The context rules, for one lower-case word and for running text alike (a
# capital can only be the first letter of a word there: tokens with other
# capitals take the per-word path). Every branch starts with a literal
# letter, so ``re`` skips ahead at C speed.
_L2C_CONTEXT_RE = re.compile(
    # Every branch starts with a literal letter, in the order of the letters'
    # frequency in running text (l s y e).
    # Russian ль before -ник -ство -ность -ский (начальник, издательство,
    # аральский), before ц and ф (кольцо, кальций, гольф, сульфат: c and f
    # are not Karakalpak), and -поль -оголь -троль -юль at the end (Неаполь,
    # алкоголь, контроль, кастрюль).
    rf"l(?:(?=nik|stvo|nost|sk(?:iy|aya|oye|ogo)|[cf])(?<=[{_V}]l)"
    rf"|{WORD_END}(?:(?<=[{_V}]pol)|(?<=[oO]gol)|(?<=[tT]rol)|(?<=[yY]ul)))(?P<l>)"
    # The Russian agent suffix -щик after l r v y (svarshik, payshik,
    # bolelshik, normirovshik; -чик follows д т з с ж).
    r"|shik(?<=[lrvyLRVY]shik)(?P<shik>)"
    rf"|y(?:o(?:"
    # -льон -ньон -сьон -ньор: батальон, компаньон, лосьон, сеньор.
    rf"(?:(?=n)(?<=[{_V}][lns]yo)|(?=r)(?<=[{_V}]nyo))(?P<lyo>)"
    # A consonant + yo is the ё of a Russian word (samolyot, aktyor,
    # lyotchik); Karakalpak words have yo only at the start or after a vowel.
    r"|(?<=[bdfgǵhjkqlmnńprstvxzwBDFGǴHJKQLMNŃPRSTVXZW]yo)(?P<yo>))"
    # ъе is written ye and ье is written e (as kaalin: karyer, brakoner):
    # ye after a consonant is ъе (obyekt, syezd, adyektiv).
    rf"|e(?<=[{_CONSONANT}]ye)(?P<ye>)"
    # A consonant + ya in a Karakalpak word is ья: dárya, dúnya.
    r"|a(?<=[bdfgǵhjkqmnńprstvxzBDFGǴHJKQMNŃPRSTVXZ]ya)(?P<ya>))"
    # Word-final -el after one or two consonants in a word of two or more
    # syllables is the Russian -ель (motel, kartofel, karusel, mebel, artel,
    # barrel, venzel); -del, -sel, -lel and the like are left out (kesel
    # "illness"), and so are Karakalpak words (ákel "bring").
    rf"|e(?:l{WORD_END}(?:(?<=[{_V}][tnbfvzrmpk]el)"
    rf"|(?<=[{_V}][{_CONSONANT}][tnbfvzrmpk]el))(?P<el>)"
    # A vowel + e occurs only in loanwords (poeziya, aeroport): э; but i + e
    # and e + e are ие, ее, as (nearly) always in Russian (klient, pacient,
    # koefficient, dieta, reestr).
    rf"|(?<=[{_V}]e)(?<![iIeE]e)(?P<e>)|(?<![{LAT}{_AP}]e){_LOAN_AHEAD}(?P<e0>))"
    rf"|E(?<![{LAT}{_AP}]E){_LOAN_AHEAD}(?P<E0>)"
)
_L2C_CONTEXT_OUT = {
    "lyo": "ьо",
    "yo": "ё",
    "ye": "ъе",
    "ya": "я",
    "el": "ель",
    "e": "э",
    "e0": "э",
    "E0": "Э",
    "l": "ль",
    "shik": "щик",
}


def _l2c_sub(m: re.Match[str]) -> str:
    group = m.lastgroup
    if group == "ya" or group == "el":
        native = _NATIVE_RE.search(word_around(m.string, m.start(), m.end()))
        if group == "ya":
            return "ья" if native else "я"
        return "ел" if native else "ель"
    return _L2C_CONTEXT_OUT[group]


def l2c_rules(word: str) -> str:
    """Lower-case 2016 Latin word -> Cyrillic by rule alone."""
    word = _L2C_CONTEXT_RE.sub(_l2c_sub, word)
    return replace_all(word, _DIGRAPH_PAIRS).translate(_L2C_TABLE)


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


# --- tokens --------------------------------------------------------------------

_LAT_SUFFIXES = (
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
)
_FOREIGN_RE = re.compile(r"[^a-záǵıińóúw\-]")
_KAA_LETTERS = "áǵıńóúÁǴÍŃÓÚ"
_OTHER_LETTERS = re.escape(
    "".join(
        ch
        for ch in map(chr, range(0xC0, 0x250))
        if ch not in _KAA_LETTERS and ch not in "\u00d7\u00f7"
    )
)
# Characters that make a Latin token need the per-word path: any apostrophe
# (older spellings, contractions, quotes), a letter outside the 2016
# alphabet (í İ for ı I, foreign letters), a capital after a letter
# (CamelCase, all capitals).
_L2C_TRIGGER_CHARS = rf"{_AP}{_OTHER_LETTERS}A-ZÁǴÍŃÓÚ"
# Tested on the character just read.
_L2C_TRIGGER_IF = rf"(?<=[{_AP}{_OTHER_LETTERS}])|(?<=[{LAT}{_AP}].)"


class Karakalpak(Language):
    """Karakalpak letters and rules on the shared machinery."""

    files = ("ru_loans.tsv", "kaa.tsv")
    lat_suffixes = _LAT_SUFFIXES
    lat_vowels = "aáeıioóuú"
    cyr_vowels = "аәеёиоөуүыэюя"
    drop_soft_sign_before = "aáeıioóuú"
    c2l_table = _C2L_TABLE
    c2l_context_lead = "ъьЪЬ"
    c2l_context = r"(?<=[ъЪ])(?P<ye>[еЕ])|(?<=[ьЬ])(?P<yi>[иИ])|(?<=[ьЬ])(?P<yo>[оО])"
    c2l_context_out = {"ye": "ye", "yi": "yi", "yo": "yo"}
    l2c_table = _L2C_TABLE
    l2c_digraphs = _DIGRAPHS
    l2c_trigger_chars = _L2C_TRIGGER_CHARS
    l2c_trigger_if = _L2C_TRIGGER_IF
    l2c_bulk_high = "ǵıńǴŃ"
    # _L2C_CONTEXT_OUT and what _l2c_sub computes.
    l2c_context_outputs = (*_L2C_CONTEXT_OUT.values(), "ья", "я", "ел", "ель")
    l2c_context_re = _L2C_CONTEXT_RE
    upper = staticmethod(upper)
    lower = staticmethod(lower)

    def c2l_rules(self, word: str) -> str:
        return c2l_rules(word)

    def l2c_rules(self, word: str) -> str:
        return l2c_rules(word)

    def l2c_context_sub(self, m: re.Match[str]) -> str:
        return _l2c_sub(m)

    def convert_token(self, token: str, keep: Keep) -> str:
        if token in keep[0] or token.lower() in keep[1]:
            return token
        if _EN_CONTRACTION_RE.search(token):
            return token
        word = fix_letters(token)
        if _FOREIGN_RE.search(lower(word)):
            return token
        parts = word.split("-")
        return "-".join(self.l2c_part(part, keep) if part else part for part in parts)


LANG = Karakalpak()
