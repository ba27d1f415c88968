"""The exception lexicon: loading the TSV files and looking words up.

Format of ``data/*.tsv`` (UTF-8, ``#`` starts a comment)::

    cyrillic<TAB>latin<TAB>flags

``latin`` may be left empty: it is then derived from the Cyrillic with the
language's own Cyrillic -> Latin rules, so one list of Russian loanwords
serves Uzbek (ц -> s/ts) and Karakalpak (ц -> c) alike.

flags (optional, any combination):

* ``*``  prefix: the entry also matches any longer word (``циркул*``);
* ``=``  whole word only, no suffixes;
* ``<``  only used for Latin -> Cyrillic;
* ``>``  only used for Cyrillic -> Latin.

Without ``*`` or ``=`` an entry matches the word itself and the word followed
by a chain of the language's own suffixes (``konsert`` -> ``konsertlarda``).

Entries that the rules already get right are dropped at load time, so the
lexicon never overrides a correct rule and lookups stay small (except stems
ending in ь, whose inflected forms the word-final rules can't see).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

# International prefixes that form compounds with listed words: kinofilm,
# teleobyektiv, avtomagistral, bronevtomobil, radiospektakl.
LAT_PREFIXES = tuple(
    sorted(
        [
            "kino",
            "tele",
            "foto",
            "avia",
            "avto",
            "radio",
            "mikro",
            "makro",
            "gidro",
            "elektro",
            "bio",
            "geo",
            "neo",
            "anti",
            "kontr",
            "super",
            "video",
            "audio",
            "ultra",
            "infra",
            "mini",
            "maksi",
            "multi",
            "poli",
            "mono",
            "termo",
            "aero",
            "agro",
            "eko",
            "evro",
            "inter",
            "trans",
            "post",
            "psevdo",
            "kvazi",
            "vitse",
            "bronye",
            "brone",
            "dia",
            "kilo",
            "mega",
            "giga",
        ],
        key=len,
        reverse=True,
    )
)


@dataclass
class Table:
    """Lookups for one direction of one language."""

    exact: dict[str, str] = field(default_factory=dict)
    stems: dict[str, str] = field(default_factory=dict)
    prefixes: dict[str, str] = field(default_factory=dict)
    suffix_re: re.Pattern[str] = re.compile(r"")
    compound_prefixes: tuple[str, ...] = ()
    compound_re: re.Pattern[str] | None = None
    stem_lengths: list[int] = field(default_factory=list)
    prefix_lengths: list[int] = field(default_factory=list)

    def lookup(self, word: str) -> tuple[str, str] | None:
        """Return (replacement for the stem, untouched remainder) or None.

        Compounds of an international prefix and a listed word (kinofilm,
        teleobyektiv) are found by :meth:`lookup_compound`.
        """
        hit = self.exact.get(word)
        if hit is not None:
            return hit, ""
        hit = self.stems.get(word)
        if hit is not None:
            return hit, ""
        n = len(word)
        stems, prefixes = self.stems, self.prefixes
        # Only the lengths that some entry has are worth a dictionary lookup.
        for k in self.stem_lengths:
            if k < n:
                hit = stems.get(word[:k])
                if hit is not None and self.suffix_re.fullmatch(word, k):
                    return hit, word[k:]
        for k in self.prefix_lengths:
            if k <= n:
                hit = prefixes.get(word[:k])
                if hit is not None:
                    return hit, word[k:]
        return None

    def lookup_compound(self, word: str) -> tuple[str, str, str] | None:
        """(international prefix, replacement for the stem, remainder) or None."""
        m = self.compound_re.match(word) if self.compound_re else None
        if m is None or len(word) < m.end() + 3:
            return None
        hit = self.lookup(word[m.end() :])
        return None if hit is None else (m[0], hit[0], hit[1])

    def candidate_pattern(self) -> str:
        """Regex for the start of a word that may need this table.

        Matches (in lower case) an optional run of international prefixes
        and then a stem or prefix entry, or a whole-word entry followed by
        the end of the word (the caller adds that check as ``{end}``).
        """
        open_keys = sorted({*self.stems, *self.prefixes})
        exact = sorted(self.exact)
        comp = ""
        if self.compound_prefixes:
            comp = "(?:" + trie_pattern(list(self.compound_prefixes)) + ")*"
        return f"{comp}(?:{trie_pattern(open_keys)}|{trie_pattern(exact)}{{end}})"

    def freeze(self) -> None:
        """Precompute what lookup needs once the tables are filled."""
        self.stem_lengths = sorted({len(k) for k in self.stems}, reverse=True)
        self.prefix_lengths = sorted({len(k) for k in self.prefixes}, reverse=True)
        if self.compound_prefixes:
            self.compound_re = re.compile("|".join(self.compound_prefixes))


def trie_pattern(keys: list[str]) -> str:
    """A regular expression (no groups) matching any of ``keys``, as a trie.

    Python's ``re`` tries the branches of an alternation one by one; nesting
    them by common prefix makes a miss cost one character comparison per
    level instead of one per key.
    """
    trie: dict = {}
    for key in keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?" if end else body

    return emit(trie) if keys else "(?!)"


def lookahead_trie(
    open_keys: list[str],
    exact_keys: list[str],
    end: str,
    order: str = "",
) -> str:
    """A pattern (no groups) for "a word part starting here may be listed".

    Matches where one of ``open_keys`` starts, or one of ``exact_keys``
    followed by ``end``; meant for a lookahead, so a branch stops as soon as
    an open key is complete (what follows it does not matter). One trie for
    both kinds of key: a word that starts with no key's letters is given up
    after one pass, not two. ``re`` tries the branches of a level in turn, so
    the first level follows ``order`` (the commonest first letters first).
    """
    trie: dict = {}
    for key in exact_keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node.setdefault("", "exact")
    for key in open_keys:
        node = trie
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = "open"

    def emit(node: dict, depth: int) -> str:
        if node.get("") == "open":
            return ""  # a listed start: whatever follows, it is a candidate
        items = [(ch, sub) for ch, sub in node.items() if ch]
        if depth == 0:
            items.sort(key=lambda item: (order + item[0]).index(item[0]))
        branches = [re.escape(ch) + emit(sub, depth + 1) for ch, sub in items]
        if "" in node:
            branches.append(end)
        if not branches:
            return "(?!)"
        if len(branches) == 1:
            return branches[0] if depth == 0 else f"(?:{branches[0]})"
        return "(?:" + "|".join(branches) + ")"

    return emit(trie, 0) if (open_keys or exact_keys) else "(?!)"


def read_tsv(name: str) -> list[tuple[str, str, str]]:
    rows = []
    path = DATA_DIR / name
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        cols = [c.strip() for c in line.split("\t")]
        cols += [""] * (3 - len(cols))
        rows.append((cols[0], cols[1], cols[2]))
    return rows


def build(
    files: list[str],
    c2l_rules: Callable[[str], str],
    l2c_rules: Callable[[str], str],
    lat_suffix_re: re.Pattern[str],
    cyr_suffix_re: re.Pattern[str],
) -> tuple[Table, Table]:
    """Build (Latin -> Cyrillic, Cyrillic -> Latin) tables from data files."""
    l2c = Table(suffix_re=lat_suffix_re, compound_prefixes=LAT_PREFIXES)
    c2l = Table(suffix_re=cyr_suffix_re)
    for name in files:
        for cyr, lat, flags in read_tsv(name):
            cyr = cyr.lower()
            if lat:
                lat = lat.lower()
            elif "*" in flags:
                # More letters follow a prefix: spell it as inside a word
                # (кульминац* -> kulminats, not the word-final kulminas).
                lat = c2l_rules(cyr + "а")[:-1]
            else:
                lat = c2l_rules(cyr)
            if "*" in flags:
                kind = "prefixes"
            elif "=" in flags:
                kind = "exact"
            else:
                kind = "stems"
            # A stem whose ь the rules restore only at the end of a word
            # (model, aprel) is kept for its inflected forms (Karakalpak
            # aprelde -> апрельде).
            word_final = kind == "stems" and cyr.endswith("ь")
            if ">" not in flags and (l2c_rules(lat) != cyr or word_final):
                getattr(l2c, kind).setdefault(lat, cyr)
            if "<" not in flags and c2l_rules(cyr) != lat:
                table = getattr(c2l, kind)
                table.setdefault(cyr, lat)
                # Uzbek spelling drops a final ь before suffixes, keep both.
                if cyr.endswith("ь") and kind == "stems":
                    table.setdefault(cyr[:-1], lat)
    l2c.freeze()
    c2l.freeze()
    return l2c, c2l


def read_keep() -> tuple[frozenset[str], frozenset[str]]:
    """Words that stay in Latin script: (exact-case set, lower-case set)."""
    exact, folded = set(), set()
    for raw in (DATA_DIR / "keep.txt").read_text(encoding="utf-8").splitlines():
        word = raw.split("#", 1)[0].strip()
        if not word:
            continue
        if word.lower() == word:
            folded.add(word)
        else:
            exact.add(word)
    return frozenset(exact), frozenset(folded)
