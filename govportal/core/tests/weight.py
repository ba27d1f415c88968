"""What a page costs a reader on a slow connection: bytes and blocking requests.

A page is fetched with Django's test client together with everything it loads
(stylesheets, scripts, fonts, icons, the images of the layout); each text response
is counted gzip-compressed, as the portal serves it (whitenoise for static files,
the web server for HTML). Content images (inside ``<main>``) are left out: their
weight belongs to the editors, and they load lazily, in modern formats.
"""

import gzip
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
FONT_EXTENSIONS = (".woff", ".woff2", ".ttf", ".otf", ".eot")
CSS_IMPORT = re.compile(r"@import\s+(?:url\()?[\"']?([^\"')\s;]+)")
CSS_URL = re.compile(r"url\(\s*[\"']?([^\"')]+)")


@dataclass
class Resource:
    """One response of a page load."""

    url: str
    kind: str
    bytes: int
    compressed: int
    blocking: bool


@dataclass
class PageWeight:
    """A page and what it loads."""

    path: str
    resources: list[Resource] = field(default_factory=list)

    @property
    def compressed(self) -> int:
        """Bytes transferred, compressed, for the page and everything it loads."""
        return sum(resource.compressed for resource in self.resources)

    @property
    def uncompressed(self) -> int:
        return sum(resource.bytes for resource in self.resources)

    @property
    def blocking_requests(self) -> int:
        """Requests the browser must finish before it can show the page."""
        return sum(1 for resource in self.resources if resource.blocking)

    def of_kind(self, kind: str) -> int:
        return sum(r.compressed for r in self.resources if r.kind == kind)

    @property
    def fonts(self) -> list[str]:
        return [r.url for r in self.resources if r.kind == "font"]


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def _resource(client, url: str, kind: str, blocking: bool) -> tuple[Resource, bytes]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = _body(response)
    content_type = response.get("Content-Type", "")
    compressed = (
        len(gzip.compress(body, compresslevel=6))
        if content_type.startswith(TEXT_TYPES)
        else len(body)
    )
    return Resource(url, kind, len(body), compressed, blocking), body


def _same_site(url: str) -> bool:
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("data:")


def measure_page(client, path: str) -> PageWeight:
    """Fetch ``path`` and what it loads before and just after the first render."""
    weight = PageWeight(path)
    response = client.get(path)
    html = response.content
    content_type = response.get("Content-Type", "")
    weight.resources.append(
        Resource(
            path,
            "html",
            len(html),
            len(gzip.compress(html, compresslevel=6)),
            blocking=True,
        )
    )
    assert content_type.startswith("text/html"), (path, content_type)
    soup = BeautifulSoup(html, "html.parser")
    wanted: list[tuple[str, str, bool]] = []
    for link in soup.find_all("link", href=True):
        rel = set(link.get("rel", []))
        if "stylesheet" in rel:
            media = link.get("media", "all")
            wanted.append((link["href"], "css", media in {"all", "screen", ""}))
        elif rel & {"icon", "apple-touch-icon"}:
            wanted.append((link["href"], "image", False))
        elif "preload" in rel:
            kind = "font" if link.get("as") == "font" else link.get("as", "other")
            wanted.append((link["href"], kind, False))
    for script in soup.find_all("script", src=True):
        deferred = script.has_attr("async") or script.has_attr("defer")
        deferred = deferred or script.get("type") == "module"
        in_head = script.find_parent("head") is not None
        wanted.append((script["src"], "js", in_head and not deferred))
    main = soup.find("main")
    for image in soup.find_all("img", src=True):
        if main is None or image.find_parent("main") is None:
            wanted.append((image["src"], "image", False))

    seen = set()
    while wanted:
        url, kind, blocking = wanted.pop(0)
        url = urljoin(path, url)
        if url in seen or not _same_site(url):
            continue
        seen.add(url)
        if url.lower().endswith(FONT_EXTENSIONS):
            kind = "font"
        resource, body = _resource(client, url, kind, blocking)
        weight.resources.append(resource)
        if kind == "css":
            text = body.decode("utf-8", "replace")
            for imported in CSS_IMPORT.findall(text):
                wanted.append((urljoin(url, imported), "css", blocking))
            for referenced in CSS_URL.findall(text):
                if referenced.lower().endswith(FONT_EXTENSIONS):
                    wanted.append((urljoin(url, referenced), "font", False))
    return weight
