"""The low-vision mode: larger text, high contrast, hidden images, wider spacing.

A reader's choice lives in one cookie whose value is a short normalized key such as
``t2-wb-ni-ls``; the empty key is the ordinary portal. ``variant_key`` is what a page
cache adds to its cache key, so that each combination is cached as a page of its own
and the ordinary version stays shared by everyone. The mode needs no JavaScript:
plain links and a form reach ``views.lowvision``, which sets the cookie and sends
the reader back. Templates render the choice as classes on ``<html>`` and the CSS
does the rest.
"""

from dataclasses import dataclass, replace

from django.http import HttpRequest

COOKIE_NAME = "lowvision"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60

TEXT_SIZES = (0, 1, 2)
CONTRASTS = ("", "bw", "wb")


@dataclass(frozen=True)
class LowVision:
    """One combination of the low-vision settings; the default is the ordinary site."""

    text: int = 0
    contrast: str = ""
    hide_images: bool = False
    spacing: bool = False

    @property
    def key(self) -> str:
        """The canonical short form: ``""``, ``"t1"``, ``"t2-wb-ni-ls"``, ..."""
        parts = []
        if self.text:
            parts.append(f"t{self.text}")
        if self.contrast:
            parts.append(self.contrast)
        if self.hide_images:
            parts.append("ni")
        if self.spacing:
            parts.append("ls")
        return "-".join(parts)

    @property
    def is_active(self) -> bool:
        """Whether anything differs from the ordinary site."""
        return bool(self.key)

    @property
    def html_classes(self) -> str:
        """Classes for ``<html>``: ``lv lv-t2 lv-wb lv-ni lv-ls``; empty by default."""
        if not self.is_active:
            return ""
        return " ".join(["lv", *(f"lv-{part}" for part in self.key.split("-"))])

    def with_changes(self, query) -> "LowVision":
        """Apply the settings named in a query dict; unknown values are ignored."""
        changes = {}
        if query.get("text") in {str(size) for size in TEXT_SIZES}:
            changes["text"] = int(query["text"])
        if query.get("contrast") in {"default", *CONTRASTS[1:]}:
            changes["contrast"] = (
                "" if query["contrast"] == "default" else query["contrast"]
            )
        if query.get("images") in {"show", "hide"}:
            changes["hide_images"] = query["images"] == "hide"
        if query.get("spacing") in {"normal", "wide"}:
            changes["spacing"] = query["spacing"] == "wide"
        return replace(self, **changes)


DEFAULT = LowVision()
# What "Version for the visually impaired" switches on from the ordinary site.
PRESET = LowVision(text=1, contrast="bw")


def parse_key(value: str | None) -> LowVision:
    """Read a key back; anything not understood counts as not set."""
    if not value or len(value) > 32:
        return DEFAULT
    settings = {}
    for part in value.split("-"):
        if part in {"t1", "t2"}:
            settings["text"] = int(part[1])
        elif part in CONTRASTS[1:]:
            settings["contrast"] = part
        elif part == "ni":
            settings["hide_images"] = True
        elif part == "ls":
            settings["spacing"] = True
    return LowVision(**settings)


def from_request(request: HttpRequest | None) -> LowVision:
    """The reader's low-vision settings, from the cookie."""
    if request is None:
        return DEFAULT
    return parse_key(request.COOKIES.get(COOKIE_NAME))


def variant_key(request: HttpRequest) -> str:
    """The page variant a request asks for: ``""`` for the ordinary site.

    A page cache must include this in its cache key: pages differ by their
    ``<html>`` classes and the settings bar. The key is normalized, so at most
    3 x 3 x 2 x 2 = 36 variants of a page exist, whatever the cookie holds.
    """
    return from_request(request).key
