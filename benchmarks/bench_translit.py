"""Accuracy and speed of govportal.translit against UzTransliterator and ICU.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_translit.py

The test data is read at run time from TRANSLIT_CORPUS (default:
../shared/translit-corpus next to the repository); nothing from it is copied
into the project. ``run()`` returns a Markdown section.

Scoring (documented in docs/translit.md):

* word-level exact match; every apostrophe variant (' ‘ ’ ` ʻ ʼ) counts as
  the same character, because the corpora disagree on which one to use, and
  a sign before y is optional (adʼyunkt == adyunkt: fitrat's two lists
  disagree, see the corpus README);
* UDHR: the 92 <title>/<para> units of the Cyrillic and Latin XML files are
  aligned one to one; inside a unit the words are aligned with difflib, the
  denominator is the reference's words, and words present in only one
  version (the "A" of "217 A (III)") are left out and counted separately;
* word lists: case-insensitive (the lists mix "Франция" with "fransiya");
  when one source spelling has several accepted targets in a list (йод/ёд
  both "yod"), any of them counts as right;
* Latin input is first brought to the official apostrophes (oʻ gʻ with
  U+02BB, tutuq U+02BC) for every system alike, so that ICU, which only
  knows the official signs, is not penalised for the corpora's ‘ and ’.
"""

import csv
import difflib
import os
import random
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from govportal import translit  # noqa: E402
from govportal.translit import _common, _kaa, _uz  # noqa: E402

CORPUS = Path(
    os.environ.get("TRANSLIT_CORPUS", ROOT.parent / "shared" / "translit-corpus")
)
APOS = "'\u2018\u2019`\u00b4\u02bb\u02bc"
_APOS_FOLD = str.maketrans({ch: "'" for ch in APOS})
_WORD_RE = re.compile(rf"[^\W\d_](?:[\w{APOS}\u2010-]*[^\W\d_])?[{APOS}]?")
_OG_RE = re.compile(rf"(?<=[oOgG])[{APOS}]")
_OTHER_AP_RE = re.compile(rf"(?<![oOgG])[{APOS}]|(?<=\u02bb)[{APOS}]")

Converter = Callable[[str], str]


# --- systems -----------------------------------------------------------------


def official_apostrophes(text: str) -> str:
    """oʻ gʻ with U+02BB, other apostrophes U+02BC (scoring input only)."""
    return _OTHER_AP_RE.sub("\u02bc", _OG_RE.sub("\u02bb", text))


def ours() -> dict[tuple[str, str], Converter]:
    return {
        ("uz", "c2l"): lambda t: translit.to_latin(t, "uz"),
        ("uz", "l2c"): lambda t: translit.to_cyrillic(t, "uz"),
        ("kaa", "c2l"): lambda t: translit.to_latin(t, "kaa"),
        ("kaa", "l2c"): lambda t: translit.to_cyrillic(t, "kaa"),
    }


def uztransliterator() -> dict[tuple[str, str], Converter] | str:
    try:
        from UzTransliterator import UzTransliterator
    except ImportError:
        return "not installed"
    obj = UzTransliterator()
    return {
        ("uz", "c2l"): lambda t: obj.transliterate(t, from_="cyr", to="lat"),
        ("uz", "l2c"): lambda t: obj.transliterate(t, from_="lat", to="cyr"),
    }


def icu() -> dict[tuple[str, str], Converter] | str:
    try:
        import icu as pyicu
    except ImportError:
        return "not installed"
    c2l = pyicu.Transliterator.createInstance("uz_Cyrl-uz_Latn")
    l2c = pyicu.Transliterator.createInstance("uz_Latn-uz_Cyrl")
    return {
        ("uz", "c2l"): c2l.transliterate,
        ("uz", "l2c"): l2c.transliterate,
    }


# --- data ----------------------------------------------------------------------


def udhr_units(script: str) -> list[str]:
    path = CORPUS / "udhr" / f"udhr_uzn_{script}.xml"
    root = ET.parse(path).getroot()  # noqa: S314 - local, trusted corpus file
    units = []
    for el in root.iter():
        tag = el.tag.rsplit("}", 1)[-1]
        if tag in ("title", "para"):
            units.append("".join(el.itertext()).strip())
    return units


def read_pairs(rel: str, cyr_first: bool, header: bool) -> list[tuple[str, str]]:
    """(cyrillic, latin) pairs from a TSV/CSV list."""
    path = CORPUS / rel
    delim = "," if rel.endswith(".csv") else "\t"
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter=delim, quoting=csv.QUOTE_NONE))
    if header:
        rows = rows[1:]
    pairs = []
    for row in rows:
        if len(row) < 2 or not row[0].strip() or not row[1].strip():
            continue
        a, b = row[0].strip(), row[1].strip()
        cyr, lat = (a, b) if cyr_first else (b, a)
        if not _common.CYR_LETTER_RE.search(cyr):
            continue  # e.g. the "definition / word" row
        pairs.append((cyr, lat))
    return pairs


LISTS = [
    # (label, path, cyrillic column first?, header row?, language)
    ("fitrat tests_hard (ъ)", "fitrat/tests_hard.tsv", True, True, "uz"),
    ("fitrat tests_soft (ь)", "fitrat/tests_soft.tsv", True, True, "uz"),
    ("fitrat tests_ts (ц)", "fitrat/tests_ts.tsv", True, True, "uz"),
    ("fitrat tests_yayoyu", "fitrat/tests_yayoyu.tsv", True, True, "uz"),
    ("fitrat tests_exceptions", "fitrat/tests_exceptions.tsv", False, False, "uz"),
    ("fitrat lat_cyr_exceptions", "fitrat/lat_cyr_exceptions.tsv", True, True, "uz"),
    (
        "uztransliterator cyr_exwords",
        "uztransliterator/cyr_exwords.csv",
        False,
        False,
        "uz",
    ),  # noqa: E501
    (
        "uztransliterator lat_exwords",
        "uztransliterator/lat_exwords.csv",
        True,
        False,
        "uz",
    ),  # noqa: E501
    ("kaalin loanwords", "kaalin/kaa_loanwords_latin_cyrillic.tsv", False, True, "kaa"),  # noqa: E501
]


# --- scoring -------------------------------------------------------------------


def fold(word: str) -> str:
    """Apostrophe variants as one; ъ + iotated vowel with or without the sign.

    fitrat's tests_hard writes адъюнкт -> ad’yunkt, its lat_cyr_exceptions
    adyunkt; the corpus README notes the inconsistency, so "'y" == "y".
    """
    return word.translate(_APOS_FOLD).replace("'y", "y").replace("'Y", "Y")


def words(text: str) -> list[str]:
    return [fold(w) for w in _WORD_RE.findall(text)]


def score_running(
    src_units: list[str], ref_units: list[str], convert: Converter, latin_src: bool
) -> tuple[int, int, int, list[tuple[str, str]]]:
    """(right, total, left out, errors) over aligned units."""
    right = total = skipped = 0
    errors = []
    for src, ref in zip(src_units, ref_units, strict=True):
        if latin_src:
            src = official_apostrophes(src)
        out_words, ref_words = words(convert(src)), words(ref)
        sm = difflib.SequenceMatcher(a=ref_words, b=out_words, autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                right += i2 - i1
                total += i2 - i1
            elif op == "replace" and i2 - i1 == j2 - j1:
                total += i2 - i1
                errors.extend(zip(ref_words[i1:i2], out_words[j1:j2], strict=True))
            elif op == "replace":
                total += i2 - i1
                errors.append((" ".join(ref_words[i1:i2]), " ".join(out_words[j1:j2])))
            else:
                skipped += max(i2 - i1, j2 - j1)
    return right, total, skipped, errors


def score_list(
    pairs: list[tuple[str, str]], convert: Converter, direction: str
) -> tuple[int, int, list[tuple[str, str, str]]]:
    accepted: dict[str, set[str]] = defaultdict(set)
    for cyr, lat in pairs:
        if direction == "c2l":
            accepted[cyr].add(fold(lat).lower())
        else:
            accepted[official_apostrophes(lat)].add(cyr.lower())
    right = 0
    errors = []
    for src, targets in accepted.items():
        out = fold(convert(src)).lower()
        if out in targets:
            right += 1
        else:
            errors.append((src, out, "|".join(sorted(targets))))
    return right, len(accepted), errors


# --- speed ---------------------------------------------------------------------

_SUFFIXES = {
    ("uz", "c2l"): [
        "лар",
        "нинг",
        "да",
        "дан",
        "га",
        "ни",
        "си",
        "лари",
        "даги",
        "лик",
    ],
    ("uz", "l2c"): [
        "lar",
        "ning",
        "da",
        "dan",
        "ga",
        "ni",
        "si",
        "lari",
        "dagi",
        "lik",
    ],
    ("kaa", "c2l"): ["лар", "лер", "дың", "диң", "ға", "ге", "да", "нан", "сы", "лық"],
    ("kaa", "l2c"): ["lar", "ler", "dıń", "diń", "ǵa", "ge", "da", "nan", "sı", "lıq"],
}
_LOWER_WORD_RE = re.compile(r"\b[^\W\d_A-ZА-ЯЁЎҚҒҲ]{4,}\b")


def varied_text(
    base: str, direction: str, size: int, seed: int = 1, lang: str = "uz"
) -> str:
    """About ``size`` bytes of running text that does not repeat itself.

    The UDHR's lines are shuffled and about every third lower-case word gets
    a random Uzbek suffix chain (one or two suffixes), so the text has many
    more distinct word forms than the UDHR repeated. Deterministic (seeded).
    """
    rng = random.Random(seed)
    lines = [ln for ln in base.splitlines() if ln.strip()]
    suffixes = _SUFFIXES[(lang, direction)]

    def vary(m: re.Match[str]) -> str:
        if rng.random() < 0.35:
            return m[0] + "".join(rng.choices(suffixes, k=rng.randint(1, 2)))
        return m[0]

    out: list[str] = []
    total = 0
    while total < size:
        rng.shuffle(lines)
        for line in lines:
            line = _LOWER_WORD_RE.sub(vary, line) + "\n"
            out.append(line)
            total += len(line.encode("utf-8"))
    return "".join(out)


_BACK_WORD_RE = re.compile(r"\b[^\W\d_еэўЕЭЎ]+\b")


def karakalpak_text(uzbek_cyrillic: str) -> str:
    """The Uzbek Cyrillic UDHR with Karakalpak letters, for the speed runs.

    There is no Karakalpak running text in the corpus. Three regular sound
    correspondences give the text Karakalpak letters in about the right
    proportions (ў -> ө, нг -> ң, и -> ы in words without front vowels);
    it is not Karakalpak, only a fair load for the converters.
    """

    def back(m: re.Match[str]) -> str:
        return m[0].replace("и", "ы").replace("И", "Ы")

    text = uzbek_cyrillic.replace("ў", "ө").replace("Ў", "Ө")
    text = text.replace("нг", "ң").replace("НГ", "Ң")
    return _BACK_WORD_RE.sub(back, text)


def pages(text: str, size: int = 20_000) -> list[str]:
    """Cut text at line ends into pieces of about ``size`` bytes (a long page).

    Every system converts the same pieces: ICU slows down more than linearly
    on one multi-megabyte string, so one huge call would be unfair to it.
    """
    out: list[str] = []
    cur: list[str] = []
    n = 0
    for line in text.splitlines(keepends=True):
        cur.append(line)
        n += len(line.encode("utf-8"))
        if n >= size:
            out.append("".join(cur))
            cur, n = [], 0
    if cur:
        out.append("".join(cur))
    return out


def mb_per_s(
    convert: Converter, text: str, repeat: int = 3, setup=None
) -> tuple[float, float]:
    """(MB per CPU-second, MB per wall-clock second), best of ``repeat``.

    The CPU time (``time.process_time``: this process alone, on one core) is
    the figure "per core"; on a shared machine the wall clock also counts the
    time the process waits for a core, so it is given beside it.
    """
    size = len(text.encode("utf-8")) / 1e6
    chunks = pages(text)
    best_cpu = best_wall = float("inf")
    for _ in range(repeat):
        if setup is not None:
            setup()
        wall, cpu = time.perf_counter(), time.process_time()
        for chunk in chunks:
            convert(chunk)
        best_cpu = min(best_cpu, time.process_time() - cpu)
        best_wall = min(best_wall, time.perf_counter() - wall)
    return size / best_cpu, size / best_wall


def _clear_memos() -> None:
    for module in (_uz, _kaa):
        module.LANG.c2l_memo.clear()
        module.LANG.l2c_memo.clear()


def _no_memo(convert: Converter) -> Converter:
    """Run with the word memo disabled: every word goes through the rules."""

    def run(text: str) -> str:
        old = _common.Memo.limit
        _common.Memo.limit = 0
        _clear_memos()
        try:
            return convert(text)
        finally:
            _common.Memo.limit = old

    return run


# --- report --------------------------------------------------------------------


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.2f} % ({right}/{total})" if total else "—"


def run(show_errors: int = 0) -> str:
    systems = {
        "govportal.translit": ours(),
        "UzTransliterator 2.0.2": uztransliterator(),
        "ICU uz_Cyrl/uz_Latn": icu(),
    }
    names = list(systems)
    notes = []
    for name, conv in systems.items():
        if isinstance(conv, str):
            notes.append(f"{name}: {conv}; its columns say so.")

    def cell(name: str, lang: str, direction: str, fn) -> str:
        conv = systems[name]
        if isinstance(conv, str):
            return conv
        if (lang, direction) not in conv:
            return "—"
        return fn(conv[(lang, direction)])

    lines = ["## Transliteration", ""]
    lines.append(
        "Word accuracy (exact match after apostrophe folding; see "
        "docs/translit.md for the scoring rules). Corpus: `" + str(CORPUS.name) + "`."
    )
    lines.append("")
    lines.append("| Test set | Direction | " + " | ".join(names) + " |")
    lines.append("|---|---|" + "---|" * len(names))

    error_dump: dict[str, list] = {}
    cyr_units, lat_units = udhr_units("cyrl"), udhr_units("latn")
    skipped_note = ""
    for direction, src, ref, latin_src in (
        ("c2l", cyr_units, lat_units, False),
        ("l2c", lat_units, cyr_units, True),
    ):

        def fn(conv, src=src, ref=ref, latin_src=latin_src, direction=direction):
            r, t, s, errs = score_running(src, ref, conv, latin_src)
            nonlocal skipped_note
            if conv is systems[names[0]].get(("uz", direction)):
                skipped_note = f"{s} word(s) present in only one UDHR version left out"
            error_dump.setdefault(f"UDHR {direction}", errs)
            return _pct(r, t)

        row = [cell(n, "uz", direction, fn) for n in names]
        arrow = "Cyrillic → Latin" if direction == "c2l" else "Latin → Cyrillic"
        lines.append(f"| UDHR (uz, running text) | {arrow} | " + " | ".join(row) + " |")

    for label, rel, cyr_first, header, lang in LISTS:
        path = CORPUS / rel
        if not path.exists():
            notes.append(f"{rel} missing")
            continue
        pairs = read_pairs(rel, cyr_first, header)
        for direction in ("c2l", "l2c"):

            def fn(conv, pairs=pairs, direction=direction, label=label):
                r, t, errs = score_list(pairs, conv, direction)
                error_dump.setdefault(f"{label} {direction}", errs)
                return _pct(r, t)

            row = [cell(n, lang, direction, fn) for n in names]
            arrow = "Cyrillic → Latin" if direction == "c2l" else "Latin → Cyrillic"
            lines.append(f"| {label} ({lang}) | {arrow} | " + " | ".join(row) + " |")

    lines.append("")
    lines.append(
        "— : the system has no such direction or language (UzTransliterator and "
        "ICU are Uzbek-only; ICU has no Karakalpak transform)."
    )
    if skipped_note:
        lines.append(f"UDHR: {skipped_note} (e.g. the “A” of “217 A (III)”).")
    lines.append("")

    # Speed.
    cyr_text = (CORPUS / "udhr" / "udhr_uzn_cyrl.txt").read_text(encoding="utf-8")
    lat_text = (CORPUS / "udhr" / "udhr_uzn_latn.txt").read_text(encoding="utf-8")
    kaa_cyr = karakalpak_text(cyr_text)
    kaa_lat = translit.to_latin(kaa_cyr, "kaa")
    big = {
        ("uz", "c2l"): varied_text(cyr_text, "c2l", 3_000_000),
        ("uz", "l2c"): varied_text(lat_text, "l2c", 3_000_000),
        ("kaa", "c2l"): varied_text(kaa_cyr, "c2l", 3_000_000, lang="kaa"),
        ("kaa", "l2c"): varied_text(kaa_lat, "l2c", 3_000_000, lang="kaa"),
    }
    small = {
        key: varied_text(text, key[1], 300_000, seed=2, lang=key[0])
        for key, text in big.items()
    }
    lines.append(
        "Speed, MB of UTF-8 input per second on one core, best of 3 (see "
        "below the table). Input: "
        f"{len(big[('uz', 'c2l')].encode()) / 1e6:.1f} MB Cyrillic and "
        f"{len(big[('uz', 'l2c')].encode()) / 1e6:.1f} MB Latin of running text "
        "per language that does not repeat (the UDHR's lines shuffled, a third "
        "of the words given random suffix chains; seeded), converted in pieces "
        "of about 20 KB (a long page); peers timed on 0.3 MB of the same kind. "
        "Karakalpak: the same text given Karakalpak letters (ў → ө, нг → ң, "
        "и → ы in back-vowel words; `karakalpak_text`), Latin made from it by "
        "our own converter, Karakalpak suffixes:"
    )
    lines.append("")
    lines.append(
        "| Direction | govportal.translit, memo disabled | (wall clock) "
        "| govportal.translit, memo on (cleared before each run) | "
        + " | ".join(names[1:])
        + " |"
    )
    lines.append("|---|" + "---|" * (len(names) + 2))
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    for key, text in big.items():
        lang, direction = key
        conv = systems[names[0]][key]
        cpu, wall = mb_per_s(_no_memo(conv), text)
        row = [
            f"**{cpu:.1f}**",
            f"{wall:.1f}",
            f"{mb_per_s(conv, text, setup=_clear_memos)[0]:.1f}",
        ]
        for n in names[1:]:
            peer = systems[n]
            if isinstance(peer, str):
                row.append(peer)
            elif key not in peer:
                row.append("—")
            else:
                row.append(f"{mb_per_s(peer[key], small[key])[0]:.1f}")
        arrow = "Cyrillic → Latin" if direction == "c2l" else "Latin → Cyrillic"
        lines.append(f"| {arrow} ({lang}) | " + " | ".join(row) + " |")
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    lines.append("")
    lines.append(
        "MB per CPU-second of this process (`time.process_time`), that is per "
        "core, for every column but the one marked wall clock. The headline "
        "(bold) is with the per-word memo disabled: every word is converted "
        "afresh. Running text is converted in a few whole-text passes; the memo "
        "only serves the few words that take the per-word path (lexicon words, "
        "URLs, foreign and all-capitals words)."
    )
    if load_before is not None:
        cores = os.cpu_count() or 1
        lines.append(
            f"The wall clock counts waiting for a core too: the load average was "
            f"{load_before:.1f} before and {load_after:.1f} after the speed runs "
            f"on {cores} core(s)."
        )
    for note in notes:
        lines.append(f"\nNote: {note}")
    if show_errors:
        lines.append("\n<details><summary>Errors (ours)</summary>\n\n```")
        for key, errs in error_dump.items():
            for err in errs[:show_errors]:
                lines.append(f"{key}: " + " | ".join(err))
        lines.append("```\n</details>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    show = int(os.environ.get("TRANSLIT_SHOW_ERRORS", "0"))
    for sysname, checker in (("UzTransliterator", uztransliterator), ("PyICU", icu)):
        if isinstance(checker(), str):
            print(f"Note: {sysname} is not installed; its column is marked.")
    print(run(show_errors=show))
