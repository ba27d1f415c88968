"""Folding text and queries to one search key per word, whatever the script or spelling.

Documents and queries go through the same functions, in Python, before any engine sees
them, so SQLite, PostgreSQL and an external engine all match the same words:

* Uzbek and Karakalpak (either script): ``govportal.translit.search_key`` (Cyrillic
  to Latin, apostrophes dropped, look-alike letters unified), then the diacritics of
  the Karakalpak letters folded (á → a, ı → i): people type them without.
* Russian: lower case, ё → е, Snowball stem.  English: lower case, Snowball stem.

Tokens are runs of letters and digits only, so they are safe inside any engine's
query syntax: nothing a user types reaches an engine as an operator.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from govportal.translit import search_key

MAX_QUERY_CHARACTERS = 200
MAX_TERMS = 8
_TOKEN_RE = re.compile(r"[^\W_]+")
_PHRASE_RE = re.compile(r'"([^"]*)"?')
_STEMMERS = {
    "ru": snowballstemmer.stemmer("russian"),
    "en": snowballstemmer.stemmer("english"),
}
# Uzbek and Karakalpak are agglutinative: "vazirligi", "vazirlikka" and "vazirlar"
# share the stem "vazir". A query word is cut back to its stem by this short list
# of common endings (longest first) and matched as a prefix.
_TURKIC_ENDINGS = tuple(
    sorted(
        {
            *("larining", "laridagi", "larning", "laridan", "larida", "lariga"),
            *("larini", "lardan", "larda", "larga", "larni", "lari", "lar", "ning"),
            *("dagi", "dan", "da", "ga", "ka", "qa", "ni", "ligi", "likka", "lik"),
            *("ligini", "lig", "sining", "si", "ini", "i", "in", "ge", "ke", "din"),
            *("nin", "di"),
        },
        key=lambda ending: (-len(ending), ending),
    )
)
_MIN_STEM = 4
# Prefixes longer than this are cut to it: the engines keep prefix indexes up to
# this length, and eight letters of a stem say enough.
MAX_PREFIX = 8
_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def family(language_code: str) -> str:
    """The folding a language uses: "uz", "kaa", "ru" or "en"."""
    base = language_code.split("-", 1)[0].lower()
    return base if base in ("uz", "kaa", "ru") else "en"


_COMBINING_RE = re.compile(r"[\u0300-\u036f]")


def _strip_marks(text: str) -> str:
    if text.isascii():
        return text
    return _COMBINING_RE.sub("", unicodedata.normalize("NFKD", text))


@lru_cache(maxsize=200_000)
def _stem(word: str, fam: str) -> str:
    return _STEMMERS[fam].stemWord(word)


def fold(text: str, fam: str) -> list[str]:
    """The search tokens of ``text`` written in a language of family ``fam``."""
    if not text:
        return []
    if fam in ("uz", "kaa"):
        key = _strip_marks(search_key(text, fam)).replace("ı", "i").lower()
        return _TOKEN_RE.findall(key)
    lowered = text.lower()
    if fam == "ru":
        lowered = lowered.replace("ё", "е")
    words = _TOKEN_RE.findall(_strip_marks(lowered) if fam == "en" else lowered)
    return [_stem(word, fam) for word in words]


def turkic_stem(token: str) -> str:
    """Cut common Uzbek/Karakalpak endings off a folded word, keeping 4 letters."""
    for _ in range(2):
        for ending in _TURKIC_ENDINGS:
            if token.endswith(ending) and len(token) - len(ending) >= _MIN_STEM:
                token = token[: -len(ending)]
                break
        else:
            break
    return token


@dataclass(frozen=True)
class Alternative:
    """One way a query word or phrase may appear: a token sequence, maybe a prefix."""

    tokens: tuple[str, ...]
    prefix: bool = False
    word: str = ""  # the whole folded word a prefix was cut from

    @property
    def whole(self) -> str:
        return self.word or self.tokens[0]


@dataclass(frozen=True)
class Clause:
    """A word or phrase of the query: any of its alternatives matches."""

    text: str
    alternatives: tuple[Alternative, ...]


@dataclass(frozen=True)
class Query:
    """A parsed query: every clause must match."""

    text: str
    clauses: tuple[Clause, ...]

    def __bool__(self) -> bool:
        return bool(self.clauses)

    def tokens(self) -> set[str]:
        return {t for c in self.clauses for a in c.alternatives for t in a.tokens}


def _alternatives(words: str, fam: str, *, phrase: bool) -> list[Alternative]:
    tokens = tuple(fold(words, fam))
    if not tokens:
        return []
    if phrase and len(tokens) > 1:
        return [Alternative(tokens)]
    alternatives = []
    for token in tokens:
        if fam in ("uz", "kaa") and len(token) >= _MIN_STEM:
            stem = turkic_stem(token)[:MAX_PREFIX]
            alternatives.append(Alternative((stem,), prefix=True, word=token))
        else:
            alternatives.append(Alternative((token,)))
    return alternatives


def parse(raw: str, families: tuple[str, ...]) -> Query:
    """Parse what a user typed: words and "quoted phrases"; everything else is text.

    ``families`` are the foldings to match under: one for a search in the current
    language, all four for a search across languages. Operators of any engine
    (AND, OR, NEAR, *, ^, :, -) are plain text here; an unclosed quote runs to the
    end. The query is cut to ``MAX_QUERY_CHARACTERS`` and ``MAX_TERMS`` clauses.
    """
    text = " ".join(raw.replace("\x00", " ").split())[:MAX_QUERY_CHARACTERS]
    pieces: list[tuple[str, bool]] = []
    position = 0
    for match in _PHRASE_RE.finditer(text):
        pieces.extend((word, False) for word in text[position : match.start()].split())
        pieces.append((match[1], True))
        position = match.end()
    pieces.extend((word, False) for word in text[position:].split())
    # Boolean operators typed in capitals are meant as operators, not words: every
    # word must match anyway, so they are dropped rather than searched for.
    pieces = [(w, phrase) for w, phrase in pieces if phrase or w not in _OPERATORS]

    clauses: list[Clause] = []
    for words, phrase in pieces:
        per_family = [_alternatives(words, fam, phrase=phrase) for fam in families]
        if phrase or max(map(len, per_family), default=0) <= 1:
            merged = tuple(dict.fromkeys(a for alts in per_family for a in alts))
            if merged:
                clauses.append(Clause(words, merged))
            continue
        # A "word" that folds to several tokens (o'zbek-rus) is several clauses.
        for index in range(max(map(len, per_family))):
            merged = tuple(
                dict.fromkeys(alts[index] for alts in per_family if index < len(alts))
            )
            clauses.append(Clause(words, merged))
    return Query(text, tuple(clauses[:MAX_TERMS]))


def matches(token: str, query: Query) -> bool:
    """Whether a document token is one the query looks for (for highlighting)."""
    for clause in query.clauses:
        for alternative in clause.alternatives:
            for wanted in alternative.tokens:
                if token == wanted or (alternative.prefix and token.startswith(wanted)):
                    return True
    return False
