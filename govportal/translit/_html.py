"""transliterate_html(): convert the text of an HTML fragment, nothing else.

A small tokenizer rather than ``html.parser``: the parser does not hand back
the exact source of end tags, and the markup must come out byte for byte as
it went in. Tags, comments, doctypes, character references and the contents
of script, style, code, pre, kbd, samp, textarea and of any element marked
``translate="no"`` are copied unchanged. A character reference that stands
for a letter or an apostrophe (``O&#8217;zbekiston``) is read as part of its
word; a piece of text that the conversion changes then comes out with the
plain character.
"""

import html
import re
import unicodedata
from collections.abc import Callable

from ._common import APOSTROPHES

_MARKUP_RE = re.compile(
    r"<!--.*?(?:-->|\Z)"
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    r"|<[!?][^>]*>?"
    r"""|</?[A-Za-z][^\s/>]*(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.S,
)
_TAG_NAME_RE = re.compile(r"</?([A-Za-z][^\s/>]*)")
_NO_TRANSLATE_RE = re.compile(
    r"""\stranslate\s*=\s*["']?no\b|\sclass\s*=\s*["'][^"']*\bnotranslate\b""",
    re.I,
)
# Something that starts like a tag but never ends: leave that text alone.
_BROKEN_TAG_RE = re.compile(r"<[A-Za-z/!?]")
_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
RAW_TEXT = frozenset(["script", "style"])
SKIP = frozenset(["code", "pre", "kbd", "samp", "textarea", "var"])
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_SEP = "\ue000"


def transliterate_html(html: str, convert: Callable[[str], str]) -> str:
    """Apply ``convert`` to the text nodes of ``html``; markup stays as is."""
    pieces: list[str] = []  # output, text nodes included unconverted
    text_idx: list[int] = []  # indexes in pieces of convertible text
    skip_name: str | None = None
    skip_depth = 0
    pos = 0
    n = len(html)
    while pos < n:
        m = _MARKUP_RE.search(html, pos)
        end = m.start() if m else n
        if end > pos:
            if skip_name is None and not _BROKEN_TAG_RE.search(html, pos, end):
                text_idx.append(len(pieces))
            pieces.append(html[pos:end])
        if m is None:
            break
        tag = m[0]
        pieces.append(tag)
        pos = m.end()
        name_m = _TAG_NAME_RE.match(tag)
        if name_m is None:
            continue  # comment, doctype, CDATA
        name = name_m[1].lower()
        closing = tag.startswith("</")
        if skip_name is not None:
            if name == skip_name:
                skip_depth += -1 if closing else 1
                if skip_depth == 0:
                    skip_name = None
            continue
        if closing or tag.endswith("/>") or name in VOID:
            continue
        if name in RAW_TEXT:
            close = re.compile(rf"</{name}\s*>", re.I).search(html, pos)
            stop = close.start() if close else n
            pieces.append(html[pos:stop])
            pos = stop
        elif name in SKIP or _NO_TRANSLATE_RE.search(tag):
            skip_name, skip_depth = name, 1
    _convert_text(pieces, text_idx, convert)
    return "".join(pieces)


def _word_char(entity: str) -> str | None:
    """The letter or apostrophe a character reference stands for, else None."""
    char = html.unescape(entity)
    if len(char) == 1 and (
        char in APOSTROPHES or unicodedata.category(char)[0] in "LM"
    ):
        return char
    return None


def _split_node(text: str) -> tuple[list[str], list[str], list[str]]:
    """(original pieces, decoded pieces, separating references) of a node.

    References to letters and apostrophes (``O&#8217;zbekiston``) are part
    of the word, so they are decoded for the conversion; other references
    (``&amp;``, ``&nbsp;``) separate pieces and are copied as they are.
    """
    originals, decoded, separators = [], [], []
    orig, dec = [], []
    pos = 0
    for m in _ENTITY_RE.finditer(text):
        orig.append(text[pos : m.start()])
        dec.append(text[pos : m.start()])
        char = _word_char(m[0])
        if char is not None:
            orig.append(m[0])
            dec.append(char)
        else:
            originals.append("".join(orig))
            decoded.append("".join(dec))
            separators.append(m[0])
            orig, dec = [], []
        pos = m.end()
    orig.append(text[pos:])
    dec.append(text[pos:])
    originals.append("".join(orig))
    decoded.append("".join(dec))
    return originals, decoded, separators


def _convert_text(
    pieces: list[str], text_idx: list[int], convert: Callable[[str], str]
) -> None:
    """Convert all text nodes in one call so that words see their neighbours."""
    chunks: list[str] = []
    originals: list[str] = []
    layout: list[list[str]] = []
    for i in text_idx:
        orig, dec, separators = _split_node(pieces[i])
        layout.append(separators)
        chunks.extend(dec)
        originals.extend(orig)
    if not chunks:
        return
    joined = _SEP.join(chunks)
    if joined.count(_SEP) == len(chunks) - 1:
        converted = convert(joined).split(_SEP)
        if len(converted) != len(chunks):  # pragma: no cover - defensive
            converted = [convert(c) for c in chunks]
    else:  # The page itself uses our separator: convert piece by piece.
        converted = [convert(c) for c in chunks]
    # A piece that did not change keeps its references byte for byte.
    converted = [
        orig if out == dec else out
        for orig, dec, out in zip(originals, chunks, converted, strict=True)
    ]
    k = 0
    for i, separators in zip(text_idx, layout, strict=True):
        out = [converted[k]]
        k += 1
        for entity in separators:
            out.append(entity)
            out.append(converted[k])
            k += 1
        pieces[i] = "".join(out)
