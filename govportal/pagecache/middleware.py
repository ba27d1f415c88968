"""Serve cached pages before anything else runs; cache what pages render.

It sits right after Django's SecurityMiddleware and WhiteNoise: a hit costs a key,
one lookup and the bytes, with no session, URL resolution, database or template.
A miss renders as usual while ``deps`` collects what the page shows; the response
is kept only if it is a public, cookie-free page (see ``storable``).
"""

import datetime
import threading
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import parse_http_date_safe

from govportal.core.lowvision import variant_key

from . import deps
from . import tags as cache_tags
from .cache import make_key, page_cache
from .entries import Entry, build_entry, preferred_encoding

PAGE_TAG_PREFIX = "page:"
# How long a request waits for another thread's render of the same page.
RENDER_WAIT_SECONDS = 10


def cache_key(request: HttpRequest) -> str | None:
    """The key of a request the cache may answer, or None."""
    if request.method not in ("GET", "HEAD"):
        return None
    path = request.path
    if path.startswith(settings.PAGE_CACHE_SKIP_PREFIXES):
        return None
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies:
        return None  # signed-in editors always see the live database
    query = ""
    if request.GET:
        items = []
        for name, values in request.GET.lists():
            if name not in settings.PAGE_CACHE_QUERY_PARAMS or len(values) != 1:
                return None
            if len(values[0]) > 64:
                return None
            items.append((name, values[0]))
        query = urlencode(sorted(items))
    return make_key(request.get_host(), path, query, variant_key(request))


def storable(request: HttpRequest, response: HttpResponse, tags: set[str]) -> bool:
    """Whether a rendered response is the same for every anonymous reader."""
    if request.method != "GET" or response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    if not any(tag.startswith(PAGE_TAG_PREFIX) for tag in tags):
        return False  # only pages served by Wagtail record themselves
    if cache_tags.NO_STORE in tags:
        return False
    if "cookie" in response.get("Vary", "").lower():
        return False
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def respond(request: HttpRequest, entry: Entry, state: str) -> HttpResponse:
    """The cached page, compressed as the client accepts, or a 304."""
    variant = bool(request.COOKIES.get("lowvision"))
    cache_control = "private, max-age=0" if variant else settings.PAGE_CACHE_CONTROL
    if _not_modified(request, entry):
        response = HttpResponseNotModified()
    else:
        encoding = preferred_encoding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        body = entry.body
        if encoding == "br" and entry.brotli:
            body = entry.brotli
        elif encoding and entry.gzip:
            body, encoding = entry.gzip, "gzip"
        else:
            encoding = ""
        response = HttpResponse(body, status=entry.status)
        for name, value in entry.headers:
            response[name] = value
        if encoding:
            response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
    response["ETag"] = entry.etag
    response["Last-Modified"] = entry.last_modified
    response["Cache-Control"] = cache_control
    if entry.vary:
        response["Vary"] = entry.vary
    if settings.PAGE_CACHE_SURROGATE_KEYS:
        response["Surrogate-Key"] = " ".join(sorted(entry.tags))
    response["X-Page-Cache"] = state
    return response


def _not_modified(request: HttpRequest, entry: Entry) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or entry.etag.removeprefix("W/") in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(entry.stored_at) <= since


def expiry(tags: set[str]) -> float:
    """Seconds a page may live: the TTL, or until midnight if it shows "today"."""
    ttl = float(settings.PAGE_CACHE_TTL)
    if "today" in tags:
        now = timezone.localtime()
        midnight = (now + datetime.timedelta(days=1)).replace(
            hour=0, minute=0, second=0, microsecond=0
        )
        ttl = min(ttl, (midnight - now).total_seconds())
    return max(ttl, 1.0)


class PageCacheMiddleware:
    """Answer from the cache; on a miss, one render per page and process.

    When a publish purges a page that many readers are asking for, the first request
    renders it and the others of the same worker wait for that render instead of
    each rendering it again (the thundering herd after every publish).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self._renders: dict[str, threading.Event] = {}
        self._renders_lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cache = page_cache()
        key = cache_key(request) if cache.serves_pages else None
        if key is None:
            return self.get_response(request)
        entry, marker = cache.lookup(key)
        if entry is not None:
            return respond(request, entry, "hit")
        with self._renders_lock:
            render = self._renders.get(key)
            leads = render is None
            if leads:
                render = self._renders[key] = threading.Event()
        if not leads:
            render.wait(RENDER_WAIT_SECONDS)
            entry, marker = cache.lookup(key)
            if entry is not None:
                return respond(request, entry, "hit")
            return self.render(request, cache, key, marker)
        try:
            return self.render(request, cache, key, marker)
        finally:
            with self._renders_lock:
                del self._renders[key]
            render.set()

    def render(self, request, cache, key: str, marker) -> HttpResponse:
        token = deps.start()
        try:
            response = self.get_response(request)
        finally:
            tags = deps.stop(token)
        if cache_tags.NO_STORE in tags:
            patch_cache_control(response, no_store=True)  # nor a CDN or browser
        if not storable(request, response, tags):
            return response
        entry = build_entry(response, tags, expiry(tags))
        stored = cache.put(key, entry, marker)
        return respond(request, entry, "miss" if stored else "uncached")
