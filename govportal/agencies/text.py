"""Text helpers for listings: matching, sorting and ``tel:`` links in any script.

The database's own case folding differs between SQLite (ASCII only) and PostgreSQL,
and neither treats the apostrophes of Uzbek and Karakalpak (ʻ ʼ ' ‘ ’ `) as one
letter. Listings therefore match and sort in Python, the same way on every database.
"""

import re
import unicodedata

APOSTROPHES = str.maketrans(dict.fromkeys("ʻʼ‘’`´'", "'"))
NOT_DIALLED = re.compile(r"[^\d+]")


def normalize(text: str) -> str:
    """Fold case, compatibility forms and apostrophes, for comparing text."""
    return unicodedata.normalize("NFKC", text or "").translate(APOSTROPHES).casefold()


def matches(query: str, *texts: str) -> bool:
    """Whether every word of ``query`` occurs in one of ``texts``."""
    haystack = " ".join(normalize(text) for text in texts if text)
    return all(word in haystack for word in normalize(query).split())


def sort_key(text: str) -> str:
    """A key that sorts names alphabetically regardless of case and quotes."""
    return normalize(text).lstrip("\"'«“„ ")


def first_letter(text: str) -> str:
    """The letter a name is listed under in the A–Z index."""
    for char in unicodedata.normalize("NFKC", text or ""):
        if char.isalpha():
            return char.upper()
    return "#"


def tel_uri(number: str) -> str:
    """A ``tel:`` URI for a phone number as written, or "" when it has no digits."""
    digits = NOT_DIALLED.sub("", number or "")
    plus = "+" if digits.startswith("+") else ""
    digits = digits.replace("+", "")
    return f"tel:{plus}{digits}" if digits else ""
