"""A cached page: the bytes in every encoding, the headers, and what it shows."""

import gzip
import hashlib
import time
from dataclasses import dataclass

import brotli
from django.utils.http import http_date

# Headers the cache sets itself on every answer it gives.
OWN_HEADERS = {
    "content-length",
    "content-encoding",
    "etag",
    "last-modified",
    "cache-control",
    "vary",
    "x-page-cache",
}
MIN_COMPRESS_BYTES = 512


@dataclass(frozen=True, slots=True)
class Entry:
    status: int
    headers: tuple[tuple[str, str], ...]
    vary: str
    body: bytes
    gzip: bytes
    brotli: bytes
    etag: str
    stored_at: float
    expires_at: float
    tags: frozenset[str]

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzip) + len(self.brotli) + 512

    @property
    def last_modified(self) -> str:
        return http_date(self.stored_at)


def build_entry(response, tags: set[str], ttl: float) -> Entry:
    """Freeze a rendered response, compressed once here rather than per request."""
    body = response.content
    compress = len(body) >= MIN_COMPRESS_BYTES
    vary = [
        value.strip()
        for value in response.get("Vary", "").split(",")
        if value.strip() and value.strip().lower() != "accept-encoding"
    ]
    now = time.time()
    return Entry(
        status=response.status_code,
        headers=tuple(
            (name, value)
            for name, value in response.items()
            if name.lower() not in OWN_HEADERS
        ),
        vary=", ".join([*vary, "Accept-Encoding"] if compress else vary),
        body=body,
        gzip=gzip.compress(body, 6, mtime=0) if compress else b"",
        brotli=brotli.compress(body, quality=6) if compress else b"",
        etag=f'W/"{hashlib.blake2b(body, digest_size=12).hexdigest()}"',
        stored_at=now,
        expires_at=now + ttl,
        tags=frozenset(tags),
    )


def preferred_encoding(accept_encoding: str) -> str:
    """``"br"``, ``"gzip"`` or ``""`` for an Accept-Encoding header."""
    offered = set()
    for part in accept_encoding.lower().split(","):
        coding, _, params = part.strip().partition(";")
        if params.replace(" ", "") in {"q=0", "q=0.0", "q=0.00", "q=0.000"}:
            continue
        offered.add(coding.strip())
    if "br" in offered:
        return "br"
    if "gzip" in offered or "*" in offered:
        return "gzip"
    return ""
