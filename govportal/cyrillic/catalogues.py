"""Generate the Cyrillic interface catalogues from the Latin ones.

``uz_Cyrl`` is written from ``uz`` and ``kaa_Cyrl`` from ``kaa``, so translators only
ever maintain the Latin catalogue. Placeholders (``%(name)s``, ``%s``, ``{name}``) and
markup are kept as they are.
"""

import re
from pathlib import Path

import polib

from govportal.translit import to_cyrillic, transliterate_html

PLACEHOLDER = re.compile(r"%\([^)]+\)[a-zA-Z]|%[a-zA-Z%]|\{[^{}]*\}")
# Pairs of (Latin catalogue, Cyrillic catalogue, transliteration language).
CATALOGUE_PAIRS = [("uz", "uz_Cyrl", "uz"), ("kaa", "kaa_Cyrl", "kaa")]


def _protect(text: str) -> tuple[str, list[str]]:
    saved: list[str] = []

    def stash(match: re.Match) -> str:
        saved.append(match.group(0))
        return f"<x-ph{len(saved) - 1}/>"

    return PLACEHOLDER.sub(stash, text), saved


def transliterate_message(text: str, *, lang: str) -> str:
    """Transliterate one msgstr, keeping its placeholders and markup."""
    if not text:
        return text
    masked, saved = _protect(text)
    converted = (
        transliterate_html(masked, to="cyrillic", lang=lang)
        if "<" in masked
        else to_cyrillic(masked, lang=lang)
    )
    for index, original in enumerate(saved):
        converted = converted.replace(f"<x-ph{index}/>", original)
    return converted


def cyrillic_catalogue(
    latin: polib.POFile, *, language: str, lang: str
) -> polib.POFile:
    """A Cyrillic catalogue with the Latin one's entries, transliterated."""
    result = polib.POFile(wrapwidth=79)
    result.metadata = {**latin.metadata, "Language": language}
    result.header = (
        "Generated from the Latin catalogue by manage.py make_cyrillic_catalogues."
    )
    for entry in latin:
        if entry.obsolete:
            continue
        copy = polib.POEntry(
            msgid=entry.msgid,
            msgid_plural=entry.msgid_plural,
            msgctxt=entry.msgctxt,
            occurrences=entry.occurrences,
            flags=[flag for flag in entry.flags if flag != "fuzzy"],
            msgstr=transliterate_message(entry.msgstr, lang=lang),
            msgstr_plural={
                index: transliterate_message(text, lang=lang)
                for index, text in entry.msgstr_plural.items()
            },
        )
        result.append(copy)
    return result


def catalogue_paths(root: Path, enabled: set[str]) -> list[tuple[Path, Path, str, str]]:
    """(Latin .po, Cyrillic .po, Cyrillic locale name, lang) for each app and pair."""
    pairs = []
    for latin_dir, cyrillic_dir, lang in CATALOGUE_PAIRS:
        if cyrillic_dir not in enabled:
            continue
        for latin in sorted(root.glob(f"*/locale/{latin_dir}/LC_MESSAGES/django.po")):
            cyrillic = latin.parents[2] / cyrillic_dir / "LC_MESSAGES" / "django.po"
            pairs.append((latin, cyrillic, cyrillic_dir, lang))
    return pairs
