"""The conversion machinery that Uzbek and Karakalpak share.

A language (``_uz.Uzbek``, ``_kaa.Karakalpak``) supplies its letters, its
context rules and its lexicon files; :class:`Language` does the rest:

* the per-word path: lexicon first (exact, stem + suffixes, prefix, behind
  an international prefix), else the rules; capitalisation put back;
  memoised;
* the whole-text path (``c2l_text`` / ``l2c_text``): running text is
  converted in a handful of C-level passes over the whole string instead of
  a Python call per word:

  1. regular expressions, each led by a character class so that ``re``
     skips ahead at C speed, find the few tokens that need the per-word
     path (URLs, words the lexicon may know, foreign or CamelCase words,
     keep-list words, unusual apostrophes); each is converted on its own
     and replaced by a placeholder;
  2. one regular expression applies the language's context rules to the
     rest, keeping the case of what it matched;
  3. ``str.replace`` for the digraphs and one per letter;
  4. the placeholders are filled in.

The result is the same as converting word by word (``c2l_words`` /
``l2c_words``; tests/test_bulk.py compares the two on generated text); it is
only faster.
"""

import re
from functools import cached_property

from . import _lexicon
from ._common import (
    APOSTROPHES,
    CYR,
    CYR_TOKEN_RE,
    LAT,
    LAT_TOKEN_RE,
    MIXED,
    PROTECTED_RE,
    TITLE,
    UPPER,
    Memo,
    case_segments,
    cyrillic_case,
    latin_case,
)

Keep = tuple[frozenset[str], frozenset[str]]

HOLE = "\ue001"  # placeholder for a token converted on its own
_AP = re.escape(APOSTROPHES)
# The end of a Latin word part (a hyphen ends a part, an apostrophe does not).
WORD_END = rf"(?![{LAT}{_AP}])"

ROMAN_RE = re.compile(
    r"^(?=[MDCLXVI]{2})M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$"
)

CYR_CHARS = frozenset(map(chr, range(0x400, 0x530)))
_CYR_UPPER = "".join(ch for ch in map(chr, range(0x400, 0x530)) if ch.isupper())
_CYR_LOWER = "".join(ch for ch in map(chr, range(0x400, 0x530)) if ch.islower())
_CU = re.escape(_CYR_UPPER)
_CL = re.escape(_CYR_LOWER)
_LAT_TOKEN_CHARS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-"
    + APOSTROPHES
    + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch not in "\u00d7\u00f7")
)

# A Cyrillic word needs the per-word path if it mixes case (ТошДУнинг),
# touches a Latin letter, or starts with Ъ/Ь.
_C2L_TRIGGER_RE = re.compile(
    rf"[{_CU}{LAT}]"
    rf"(?:(?<=[{_CU}])(?:(?<=[{_CL}].)|(?<=[{_CU}].)(?=[{_CL}])|(?<=[ЬЪ])(?<![{CYR}].))"
    rf"|(?<=[{LAT}])(?:(?<=[{CYR}].)|(?=[{CYR}])))"
)

_PROTECTED_HINT_RE = re.compile(
    r"@|://|www\.|mailto:|\.(?:uz|com|org|net|ru|gov|edu|info|io|int|eu|us|uk|de"
    r"|kz|tj|kg|tm|su)\b"
)
_SPACE_BEFORE_RE = re.compile(r"\S*\Z")
_NON_SPACE_RE = re.compile(r"\S*")
_LETTERS_BEFORE_RE = re.compile(rf"[{LAT}]*\Z")
_LETTERS_RE = re.compile(rf"[{LAT}]*")

# A neighbour glued to Latin letters (a mixed-script word) does not count.
_NEXT_WORD_RE = re.compile(rf"[^{CYR}{LAT}\d]{{0,8}}([{CYR}]+)(?![{LAT}])")
_PREV_WORD_RE = re.compile(rf"(?<![{LAT}])([{CYR}]+)[^{CYR}{LAT}\d]{{0,8}}\Z")


def apply_case(cyr: str, case: int) -> str:
    """Give a lower-case Cyrillic word the capitalisation ``case``."""
    if case == UPPER:
        return cyr.upper()
    if case == TITLE:
        return cyr[:1].upper() + cyr[1:]
    return cyr


def word_around(text: str, start: int, end: int) -> str:
    """The Latin word part (letters only) that holds text[start:end]."""
    before = _LETTERS_BEFORE_RE.search(text, max(0, start - 40), start)
    return before[0] + text[start:end] + _LETTERS_RE.match(text, end)[0]


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


def replace_all(text: str, pairs: list[tuple[str, str]]) -> str:
    # str.translate takes CPython's slow path when the input is not ASCII or
    # an output is longer than one character (sh, oʻ); one str.replace per
    # letter is a fast search each and about twice as fast over a page.
    for old, new in pairs:
        text = text.replace(old, new)
    return text


def _protected_spans(text: str) -> list:
    """URLs, e-mail addresses, domains: looked for only around their hints."""
    spans = []
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


def _token_spans(text: str, i: int, token_re: re.Pattern[str], chars) -> list:
    """Every token of the run of token characters around position i."""
    lo = i
    while lo and text[lo - 1] in chars:
        lo -= 1
    hi = i + 1
    n = len(text)
    while hi < n and text[hi] in chars:
        hi += 1
    return [(m.start(), m.end(), m) for m in token_re.finditer(text, lo, hi)]


def _punch(text: str, spans: list, convert) -> tuple[str, list[str]]:
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


def _fill(text: str, done: list[str]) -> str:
    if not done:
        return text
    parts = text.split(HOLE)
    out = [parts[0]]
    for value, part in zip(done, parts[1:], strict=True):
        out.append(value)
        out.append(part)
    return "".join(out)


class Language:
    """One language's transliteration, both directions.

    Subclasses set the class attributes below and implement ``c2l_rules``,
    ``l2c_rules``, ``convert_token`` and ``l2c_context_sub``.
    """

    files: tuple[str, ...]  # lexicon files in data/
    lat_suffixes: tuple[str, ...]  # suffixes that may follow a lexicon stem
    lat_vowels: str
    cyr_vowels: str
    # A final ь of a lexicon stem is dropped before suffixes: all of them
    # (Uzbek: апрелда) or only those that start with a vowel (Karakalpak, as
    # Russian inflection: календары but календарьлар).
    drop_soft_sign_before: str = ""
    c2l_table: dict[int, str]  # lower-case Cyrillic letter -> Latin
    # Whole-text Cyrillic -> Latin: the context rules as branches of one
    # regular expression (named groups, ``c2l_context_out`` gives each
    # group's Latin) and the characters those branches can start with.
    c2l_context: str
    c2l_context_lead: str
    c2l_context_out: dict[str, str]
    l2c_table: dict[int, str]  # lower-case Latin letter -> Cyrillic
    l2c_digraphs: dict[str, str]  # fixed digraphs, in the order they apply
    l2c_not_in_bulk: str = ""  # table keys the whole-text path leaves alone
    # Whole-text Latin -> Cyrillic: characters that send a token to the
    # per-word path, and the context rules.
    l2c_trigger_re: re.Pattern[str]
    l2c_context_re: re.Pattern[str]

    def __init__(self) -> None:
        self.c2l_memo = Memo()
        self.l2c_memo = Memo()
        # Capitals whose Latin is a digraph (Ш: SH or Sh) take the capital
        # rules of _c2l_context_sub.
        ups = "".join(
            ch.upper()
            for ch, lat in ((chr(k), v) for k, v in self.c2l_table.items())
            if ch.upper() != ch and self.upper(lat) != self.upper(lat[:1]) + lat[1:]
        )
        self._c2l_context_re = re.compile(
            rf"[{self.c2l_context_lead}{ups}]"
            rf"(?:{self.c2l_context}|(?<=[{ups}])(?P<up>))"
        )
        self._c2l_letters = [
            (chr(k), v) for k, v in self.c2l_table.items() if v != chr(k)
        ] + [
            (chr(k).upper(), self.upper(v[:1]) + v[1:])
            for k, v in self.c2l_table.items()
            if chr(k).upper() != chr(k)
        ]
        self._l2c_replace = []
        for lat, cyr in self.l2c_digraphs.items():
            self._l2c_replace.append((lat, cyr))
            self._l2c_replace.append(
                (self.upper(lat[:1]) + lat[1:], cyr[:1].upper() + cyr[1:])
            )
        self._l2c_letters = [
            (chr(k), v)
            for k, v in self.l2c_table.items()
            if chr(k) not in self.l2c_not_in_bulk
        ] + [
            (self.upper(chr(k)), v.upper())
            for k, v in self.l2c_table.items()
            if self.upper(chr(k)) != chr(k)
        ]

    # --- to be provided by the language -------------------------------------

    def c2l_rules(self, word: str) -> str:
        """Lower-case Cyrillic word -> Latin by rule alone (no lexicon)."""
        raise NotImplementedError

    def l2c_rules(self, word: str) -> str:
        """Lower-case Latin word -> Cyrillic by rule alone (no lexicon)."""
        raise NotImplementedError

    def convert_token(self, token: str, keep: Keep) -> str:
        """A Latin token (apostrophes, hyphens) -> Cyrillic, not memoised."""
        raise NotImplementedError

    def l2c_context_sub(self, m: re.Match[str]) -> str:
        """Cyrillic for one match of ``l2c_context_re`` in running text."""
        raise NotImplementedError

    @staticmethod
    def upper(text: str) -> str:
        return text.upper()

    @staticmethod
    def lower(text: str) -> str:
        return text.lower()

    # --- lexicon ---------------------------------------------------------------

    @cached_property
    def tables(self) -> tuple[_lexicon.Table, _lexicon.Table]:
        """(Latin -> Cyrillic, Cyrillic -> Latin) lexicon tables."""
        lat = sorted(self.lat_suffixes, key=len, reverse=True)
        cyr = sorted({self.l2c_rules(s) for s in lat}, key=len, reverse=True)
        return _lexicon.build(
            list(self.files),
            self.c2l_rules,
            self.l2c_rules,
            re.compile("(?:" + "|".join(lat) + ")*"),
            re.compile("(?:" + "|".join(cyr) + ")*"),
        )

    def c2l_lower(self, word: str) -> str:
        """Lower-case Cyrillic word -> Latin, lexicon first."""
        hit = self.tables[1].lookup(word)
        if hit is None:
            return self.c2l_rules(word)
        stem, rest = hit
        if not rest:
            return stem
        # Convert the rest with one letter of left context (vowel or not).
        prev = word[len(word) - len(rest) - 1]
        pad = "а" if prev in self.cyr_vowels else "б"
        return stem + self.c2l_rules(pad + rest)[1:]

    def l2c_lower(self, word: str) -> str:
        """Lower-case Latin word -> Cyrillic, lexicon first."""
        table = self.tables[0]
        hit = table.lookup(word)
        if hit is None:
            compound = table.lookup_compound(word)
            if compound is None:
                return self.l2c_rules(word)
            prefix = compound[0]
            return self.l2c_rules(prefix) + self.l2c_lower(word[len(prefix) :])
        stem, rest = hit
        if not rest:
            return stem
        if stem.endswith("ь") and rest.startswith(tuple(self.drop_soft_sign_before)):
            stem = stem[:-1]  # апрель, but апрелда
        prev = word[len(word) - len(rest) - 1]
        pad = "a" if prev in self.lat_vowels else "b"
        return stem + self.l2c_rules(pad + rest)[1:]

    # --- words with their capitalisation ---------------------------------------

    def c2l_word(self, word: str) -> str:
        """A run of Cyrillic letters -> Latin, keeping its capitalisation."""
        out = self.c2l_memo.get(word)
        if out is not None:
            return out
        case = cyrillic_case(word)
        if case == MIXED:
            out = "".join(self.c2l_word(part) for part in case_segments(word))
        else:
            out = self.c2l_lower(word.lower())
            if case == UPPER:
                out = self.upper(out)
            elif case == TITLE and out:
                out = self.upper(out[0]) + out[1:]
        return self.c2l_memo.put(word, out)

    def l2c_token(self, token: str, keep: Keep) -> str:
        """A Latin token -> Cyrillic, memoised."""
        out = self.l2c_memo.get(token)
        if out is not None:
            return out
        return self.l2c_memo.put(token, self.convert_token(token, keep))

    def l2c_part(self, word: str, keep: Keep) -> str:
        """One hyphen-free part of a token -> Cyrillic, keeping its case."""
        if word in keep[0] or word.lower() in keep[1] or ROMAN_RE.match(word):
            return word  # Listed, or a Roman numeral (XXI asr -> XXI аср).
        case = latin_case(word)
        if case == MIXED:
            return word  # CamelCase: a brand or code name.
        return apply_case(self.l2c_lower(self.lower(word)), case)

    # --- whole text: Latin -> Cyrillic ------------------------------------------

    @cached_property
    def _l2c_candidate_re(self) -> re.Pattern[str]:
        """Word parts (in the lower-cased text) that the lexicon or keep list
        may know. The match is the character before the word part.
        International prefixes (kino-, tele-) count as entries: the per-word
        path looks for a listed word behind them."""
        table = self.tables[0]
        _, folded = _lexicon.read_keep()
        open_keys = sorted({*table.stems, *table.prefixes, *table.compound_prefixes})
        exact = sorted({*table.exact, *folded})
        return re.compile(  # on lower-cased text: no A-Z in the class
            rf"[^a-z\u00c0-\u024f{_AP}](?=(?:{_lexicon.trie_pattern(open_keys)})"
            rf"|(?:{_lexicon.trie_pattern(exact)}){WORD_END})"
        )

    def _slow_l2c(self, m: re.Match[str], keep: Keep) -> str:
        """One token by the per-word path."""
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
            return self.l2c_token(token[:-1], keep) + token[-1]
        return self.l2c_token(token, keep)

    def l2c_text(self, text: str, keep: Keep) -> str:
        """Latin text (no Cyrillic) -> Cyrillic, the whole string at once."""
        if HOLE in text:  # the placeholder is in the input: word by word
            return self.l2c_words(text, keep)
        spans = _protected_spans(text) if _PROTECTED_HINT_RE.search(text) else []
        done_to = -1
        for t in self.l2c_trigger_re.finditer(text):
            if t.start() < done_to:
                continue
            found = _token_spans(text, t.start(), LAT_TOKEN_RE, _LAT_TOKEN_CHARS)
            spans.extend(found)
            if found:
                done_to = found[-1][1]
        # A space in front makes the first word a word like any other.
        low = " " + self.lower(text)
        if len(low) != len(text) + 1:  # pragma: no cover - lower() changed length
            return self.l2c_words(text, keep)
        for c in self._l2c_candidate_re.finditer(low):
            m = LAT_TOKEN_RE.match(text, c.start())
            if m is not None:
                spans.append((m.start(), m.end(), m))
        done: list[str] = []
        if spans:
            text, done = _punch(text, spans, lambda m: self._slow_l2c(m, keep))
        text = self.l2c_context_re.sub(self.l2c_context_sub, text)
        text = replace_all(text, self._l2c_replace)
        return _fill(replace_all(text, self._l2c_letters), done)

    def l2c_words(self, text: str, keep: Keep) -> str:
        """Reference path: the same conversion, one token at a time."""
        return LAT_TOKEN_RE.sub(lambda m: self._slow_l2c(m, keep), text)

    # --- whole text: Cyrillic -> Latin ------------------------------------------

    @cached_property
    def _c2l_candidate_re(self) -> re.Pattern[str]:
        lexicon = self.tables[1].candidate_pattern().replace("{end}", f"(?![{CYR}])")
        return re.compile(rf"(?:^|[^{CYR}])(?={lexicon})")

    def _c2l_context_sub(self, m: re.Match[str]) -> str:
        group = m.lastgroup
        text = m[0]
        if group == "up":
            out = self.c2l_table[ord(text.lower())]
        else:
            out = self.c2l_context_out[group]
            if text.islower():
                return out
        # A capital: the Latin digraph is all capitals inside an all-capitals
        # word (ШОҲ -> SHOH), title case otherwise (Шоҳ -> Shoh). Words of one
        # such letter (Ш. -> Sh. or SH.) took the per-word path.
        if len(text) > 1 and text.isupper():
            return self.upper(out)
        s, i, j = m.string, m.start(), m.end()
        if (j < len(s) and s[j] in _CYR_UPPER) or (i and s[i - 1] in _CYR_UPPER):
            return self.upper(out)
        if text[0].isupper():
            return self.upper(out[:1]) + out[1:]
        return out

    @cached_property
    def _c2l_initial_re(self) -> re.Pattern[str]:
        """Words of one capital letter whose Latin is a digraph (Ш, Ч, Я):
        their case depends on the neighbouring words (in_capitals)."""
        letters = "".join(
            ch for ch in _CYR_UPPER if len(self.c2l_rules(ch.lower())) > 1
        )
        return re.compile(rf"[{letters}](?<![{CYR}].)(?![{CYR}])")

    def _c2l_token(self, m: re.Match[str]) -> str:
        if m.re is PROTECTED_RE or m.lastgroup == "p":
            return m[0]
        return self._word_in_context(m)

    def c2l_text(self, text: str) -> str:
        """Cyrillic text -> Latin, the whole string at once."""
        if HOLE in text:  # the placeholder is in the input: word by word
            return self.c2l_words(text)
        spans = _protected_spans(text) if _PROTECTED_HINT_RE.search(text) else []
        done_to = -1
        for t in _C2L_TRIGGER_RE.finditer(text):
            if t.start() < done_to:
                continue
            i = t.start()
            if text[i] not in CYR_CHARS:  # a Latin letter: the word(s) around it
                found = []
                if i and text[i - 1] in CYR_CHARS:
                    found += _token_spans(text, i - 1, CYR_TOKEN_RE, CYR_CHARS)
                if i + 1 < len(text) and text[i + 1] in CYR_CHARS:
                    found += _token_spans(text, i + 1, CYR_TOKEN_RE, CYR_CHARS)
            else:
                found = _token_spans(text, i, CYR_TOKEN_RE, CYR_CHARS)
            spans.extend(found)
            if found:
                done_to = found[-1][1]
        low = text.lower()
        if len(low) != len(text):  # pragma: no cover - lower() changed the length
            return self.c2l_words(text)
        for c in self._c2l_candidate_re.finditer(low):
            m = CYR_TOKEN_RE.match(text, c.end())
            if m is not None:
                spans.append((m.start(), m.end(), m))
        for c in self._c2l_initial_re.finditer(text):
            m = CYR_TOKEN_RE.match(text, c.start())
            spans.append((m.start(), m.end(), m))
        done: list[str] = []
        if spans:
            text, done = _punch(text, spans, self._c2l_token)
        text = self._c2l_context_re.sub(self._c2l_context_sub, text)
        return _fill(replace_all(text, self._c2l_letters), done)

    def _word_in_context(self, m: re.Match[str]) -> str:
        if m.lastgroup == "p":
            return m[0]
        word = m[0]
        out = self.c2l_word(word)
        if (
            len(out) > 1
            and len(word) == 1
            and word.isupper()
            and in_capitals(m.string, *m.span())
        ):
            return self.upper(out)
        return out

    def c2l_words(self, text: str) -> str:
        """Reference path: the same conversion, one word at a time."""
        return CYR_TOKEN_RE.sub(self._word_in_context, text)
