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
  3. the digraphs and letters (Latin -> Cyrillic: a few byte-level passes,
     see ``_letters``; Cyrillic -> Latin: ``str.replace`` for each letter);
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
from ._letters import HOLE as BULK_HOLE
from ._letters import LetterMap, NoSlot

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
# A run of _LAT_TOKEN_CHARS.
_RUN_RE = re.compile(rf"[A-Za-z\-{_AP}\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]*")

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


_ONE_CHAR_RE = re.compile(".", re.DOTALL)
_C1_RE = re.compile("[\x80-\x9f]")
_KEPT = ("p", "x")  # groups of a match that stays as it is
# Characters above U+00FF common in running text that the byte-level letter
# pass keeps as they are (hyphens, dashes, quotes, ellipsis, bullet, №, €,
# minus); others are replaced by a placeholder for that pass.
KEPT_CHARS = "".join(
    [
        "\u2010\u2011\u2012\u2013\u2014\u2015",
        "\u201c\u201d\u201e\u2026\u2022\u2116\u20ac\u2212",
    ]
)
# Latin letters by how often they start a word in Uzbek text (the UDHR).
_INITIALS = "bhmteoviqsyakduxjnrfczplgw"
_LAT_CHAR_RE = re.compile(f"[{LAT}]")


def _class_ranges(*bounds: int, without: str = "") -> str:
    """A character-class body for the ranges lo1, hi1, lo2, hi2, ... minus
    the characters of ``without``."""
    cut = sorted(map(ord, without))
    parts = []
    for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
        for c in cut:
            if lo <= c <= hi:
                if lo < c:
                    parts.append((lo, c - 1))
                lo = c + 1
        if lo <= hi:
            parts.append((lo, hi))
    return "".join(
        re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        for lo, hi in parts
    )


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


def _run_spans(text: str, i: int, spans: list) -> int:
    """Add the tokens of the run of token characters around position i, and
    each character of the run that no token covers (kept as it is: an
    apostrophe or hyphen on its own); return where the run ends."""
    lo = i
    while lo and text[lo - 1] in _LAT_TOKEN_CHARS:
        lo -= 1
    hi = _RUN_RE.match(text, i + 1).end()
    at = lo
    for m in LAT_TOKEN_RE.finditer(text, lo, hi):
        spans.extend(
            (k, k + 1, _ONE_CHAR_RE.match(text, k)) for k in range(at, m.start())
        )
        spans.append((m.start(), m.end(), m))
        at = m.end()
    spans.extend((k, k + 1, _ONE_CHAR_RE.match(text, k)) for k in range(at, hi))
    return hi


def _tokens_after(text: str, i: int) -> list:
    """The Latin tokens of the run of token characters that starts at i."""
    end = i
    n = len(text)
    while end < n and text[end] in _LAT_TOKEN_CHARS:
        end += 1
    out = []
    if end > i:
        for m in LAT_TOKEN_RE.finditer(text, i):
            if m.start() >= end:
                break
            out.append((m.start(), m.end(), m))
    return out


def _punch(text: str, spans: list, convert, hole: str = HOLE) -> tuple[str, list[str]]:
    """Replace non-overlapping spans (earliest, then longest first) by hole."""
    spans.sort(key=lambda sp: (sp[0], -sp[1]))
    pieces: list[str] = []
    done: list[str] = []
    pos = 0
    for start, end, m in spans:
        if start < pos:
            continue
        pieces.append(text[pos:start])
        pieces.append(hole)
        done.append(convert(m))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces), done


def _fill(text: str, done: list[str], hole: str = HOLE) -> str:
    if not done:
        return text
    parts = text.split(hole)
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
    # Whole-text Latin -> Cyrillic: the characters that may send a token to
    # the per-word path and the condition (lookbehinds on the character
    # just read, lookaheads) under which they do; the context rules, and
    # every string of Cyrillic the context rules may write.
    l2c_trigger_chars: str
    l2c_trigger_if: str
    l2c_context_re: re.Pattern[str]
    l2c_context_outputs: tuple[str, ...]
    # Letters above U+00FF that running text keeps (Uzbek ʻ ʼ; Karakalpak
    # ǵ ı ń): they take the whole-text path like any other letter.
    l2c_bulk_high: str = ""

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
        self._l2c_bulk = LetterMap(
            dict(self._l2c_letters),
            dict(self._l2c_replace),
            self.l2c_bulk_high,
            self.l2c_context_outputs,
            KEPT_CHARS,
        )

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
    def _l2c_fold(self) -> bytes:
        """A ``bytes.translate`` table for the candidate scan's image of the text.

        The image (``LetterMap.image``: one byte per character) is folded so
        that letters are lower case, apostrophes stay, and everything that can
        stand before a word part (spaces, punctuation, digits, hyphens,
        characters above U+00FF that are not letters kept in running text) is
        a space: then the start of every word part is a space and one literal
        character leads the scan, which ``re`` finds fastest.
        """
        bulk = self._l2c_bulk
        fold = bytearray(b" " * 256)
        for b in [*range(0x80), *range(0xA0, 0x100)]:
            ch = chr(b)
            if _LAT_CHAR_RE.match(ch) or ch in APOSTROPHES:
                fold[b] = bulk.byte(self.lower(ch))
        for ch, slot in bulk.high:
            fold[ord(slot)] = bulk.byte(self.lower(ch))
        return bytes(fold)

    @cached_property
    def _l2c_candidate_trie(self) -> bytes:
        """Lexicon and keep-list entries, in the folded image, as a lookahead.

        International prefixes (kino-, tele-) count as entries: the per-word
        path looks for a listed word behind them.
        """
        table = self.tables[0]
        _, folded = _lexicon.read_keep()
        bulk, fold = self._l2c_bulk, self._l2c_fold

        def image(keys) -> list[str]:
            out = []
            for key in keys:
                try:
                    data = bytes(bulk.byte(ch) for ch in key)
                except ValueError:  # pragma: no cover - not in running text
                    continue
                out.append(data.translate(fold).decode("latin-1"))
            return sorted(set(out))

        open_keys = image({*table.stems, *table.prefixes, *table.compound_prefixes})
        exact = image({*table.exact, *folded})
        trie = _lexicon.lookahead_trie(open_keys, exact, "(?![^ ])", _INITIALS)
        return trie.encode("latin-1")

    @cached_property
    def _l2c_candidate_re(self) -> re.Pattern[bytes]:
        """Word parts that the lexicon or the keep list may know: the match is
        the space (in the folded image) before the word part."""
        return re.compile(b" (?=" + self._l2c_candidate_trie + b")")

    @cached_property
    def _l2c_candidate_start_re(self) -> re.Pattern[bytes]:
        return re.compile(self._l2c_candidate_trie)

    @cached_property
    def _l2c_candidate_str_re(self) -> re.Pattern[str]:
        """The same on the text itself, for the rare text that has C1 control
        characters of its own (they would be taken for letters in the image)."""
        table = self.tables[0]
        _, folded = _lexicon.read_keep()
        open_keys = sorted({*table.stems, *table.prefixes, *table.compound_prefixes})
        exact = sorted({*table.exact, *folded})
        trie = _lexicon.lookahead_trie(open_keys, exact, WORD_END)
        return re.compile(rf"(?:^|[^{LAT}{_AP}])(?={trie})")

    @cached_property
    def _l2c_scan_re(self) -> re.Pattern[str]:
        """One pass for everything in Latin text that the bulk path can't do.

        Each match is one character, named by its group: ``t`` a trigger (the
        token around it takes the per-word path; ``www.`` is also a hint),
        ``c`` a Cyrillic letter (the text is mixed, see ``_text``), ``h`` a
        hint of a URL or e-mail address, ``x`` a character that the
        byte-level letter pass can't hold (above U+00FF, or a C1 control
        character). The pattern
        starts with one character class and tells the cases apart with
        lookbehinds, so that ``re`` skips ahead at C speed.
        """
        other = _class_ranges(
            0x80, 0x9F, 0x100, 0x10FFFF, without=self.l2c_bulk_high + KEPT_CHARS
        )
        kept = re.escape(KEPT_CHARS)
        tlds = "uz|com|org|net|ru|gov|edu|info|io|int|eu|us|uk|de|kz|tj|kg|tm|su"
        return re.compile(
            rf"[{CYR}@:.{self.l2c_trigger_chars}{other}{kept}]"
            rf"(?:(?<=[{self.l2c_trigger_chars}])(?:{self.l2c_trigger_if})(?P<t>)"
            rf"|(?<=[{CYR}])(?P<c>)"
            rf"|(?P<h>(?<=@)|(?<=\.)(?=(?:{tlds})\b)|(?<=:)(?://|(?<=mailto:)))"
            rf"|(?<=[{other}])(?P<x>(?:(?![{self.l2c_trigger_chars}])[{other}])*)"
            rf"|(?<=[{kept}])(?P<k>))"
        )

    def _slow_l2c(self, m: re.Match[str], keep: Keep) -> str:
        """One token by the per-word path."""
        if m.lastgroup in _KEPT or m.re is PROTECTED_RE or m.re is _ONE_CHAR_RE:
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

    def _l2c_spans(self, text: str, kept: set[str]) -> list | None:
        """The spans that the per-word path (or nothing) must convert; add
        the KEPT_CHARS that the text has to ``kept``.

        None if the text has a Cyrillic letter: mixed text is the caller's.
        """
        spans: list = []
        hints_to = 0
        own_c1 = False
        search = self._l2c_scan_re.search
        pos = 0
        while (m := search(text, pos)) is not None:
            kind = m.lastgroup
            i, pos = m.span()
            if kind == "t":
                # The whole run of letters and apostrophes around it: skip it.
                pos = max(pos, _run_spans(text, i, spans))
                if text.startswith("ww.", i + 1):
                    kind = "h"
            elif kind == "k":
                kept.add(text[i])
                continue
            elif kind == "x":
                spans.append((i, pos, m))
                own_c1 = own_c1 or _C1_RE.search(m[0]) is not None
            if kind == "h":
                if i >= hints_to:
                    lo = max(hints_to, i - 400)
                    lo = _SPACE_BEFORE_RE.search(text, lo, i).start()
                    hints_to = _NON_SPACE_RE.match(text, i).end()
                    for p in PROTECTED_RE.finditer(text, lo, hints_to):
                        spans.append((p.start(), p.end(), p))
                        # Letters glued to it: tokens from where it ends, as
                        # the per-word path reads them (not the trigger's).
                        spans.extend(_tokens_after(text, p.end()))
            elif kind == "c":
                return None
        if own_c1:
            low = self.lower(text)
            if len(low) != len(text):  # pragma: no cover - lower() changed length
                raise NoSlot(text)
            starts = [c.end() for c in self._l2c_candidate_str_re.finditer(low)]
        else:
            image = self._l2c_bulk.image(text).translate(self._l2c_fold)
            starts = [c.end() for c in self._l2c_candidate_re.finditer(image)]
            if self._l2c_candidate_start_re.match(image):
                starts.append(0)
        for start in starts:
            m = LAT_TOKEN_RE.match(text, start)
            if m is not None:
                spans.append((m.start(), m.end(), m))
        return spans

    def _l2c_context_bulk(self, m: re.Match[str]) -> str:
        return self._l2c_bulk.context(self.l2c_context_sub(m))

    def l2c_text(self, text: str, keep: Keep) -> str | None:
        """Latin text -> Cyrillic, the whole string at once.

        None if the text contains Cyrillic (``_text`` converts mixed text).
        """
        kept: set[str] = set()
        spans = self._l2c_spans(text, kept)
        if spans is None:
            return None
        try:
            out, done = _punch(
                text, spans, lambda m: self._slow_l2c(m, keep), BULK_HOLE
            )
            out = self.l2c_context_re.sub(self._l2c_context_bulk, out)
            return _fill(self._l2c_bulk.convert(out, kept), done, BULK_HOLE)
        except NoSlot:  # pragma: no cover - every character is provided for
            return self.l2c_words(text, keep)

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
