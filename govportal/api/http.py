"""HTTP manners shared by every public API of the portal.

JSON bodies in UTF-8; an ``ETag`` (a hash of the body) and ``Cache-Control`` on
successful reads, so that a client or a cache may revalidate with
``If-None-Match`` and get ``304``; CORS open to every origin for reads; a rate limit
per client address (``govportal.core.throttle``, scope ``"api"``).
"""

import hashlib
import json
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response

from govportal.core.jsonld import HtmlSafeJSONEncoder

READ_METHODS = ("GET", "HEAD")
CACHE_SECONDS = 60
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Retry-After",
}


def dumps(data) -> bytes:
    """Compact UTF-8 JSON; ``<``, ``>`` and ``&`` escaped, so that no parameter
    echoed in an error comes back as markup."""
    return json.dumps(
        data, cls=HtmlSafeJSONEncoder, ensure_ascii=False, separators=(",", ":")
    ).encode()


def json_response(
    request: HttpRequest,
    data,
    *,
    status: int = 200,
    max_age: int = CACHE_SECONDS,
    content_type: str = "application/json",
) -> HttpResponse:
    """``data`` as JSON; a successful read gets an ETag, caching headers and CORS."""
    body = dumps(data) if not isinstance(data, bytes) else data
    response = HttpResponse(
        body, status=status, content_type=f"{content_type}; charset=utf-8"
    )
    return finish(request, response, max_age=max_age)


def finish(
    request: HttpRequest, response: HttpResponse, *, max_age: int = CACHE_SECONDS
) -> HttpResponse:
    """Add the caching and CORS headers to a finished response; 304 if unchanged."""
    for name, value in CORS_HEADERS.items():
        response[name] = value
    if response.status_code == 404:
        # Django's LocaleMiddleware answers a 404 outside the language prefixes by
        # redirecting to ``/<language>/<path>/`` when the page tree could match
        # it; an API's "not found" must stay one. The middleware checks the
        # request's URL configuration, so give it one without i18n_patterns.
        request.urlconf = "govportal.api.root_urls"
    if request.method not in READ_METHODS or response.status_code != 200:
        response["Cache-Control"] = "no-store"
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={max_age}"
    conditional = get_conditional_response(request, etag=etag, response=response)
    if conditional is not response:
        for name in ("ETag", "Cache-Control", *CORS_HEADERS):
            conditional[name] = response[name]
    return conditional


def preflight(methods: tuple[str, ...]) -> HttpResponse:
    """The answer to a CORS preflight: reads are open to every origin."""
    response = HttpResponse(status=204)
    response["Allow"] = ", ".join(methods)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ", ".join(methods)
    response["Access-Control-Allow-Headers"] = "Content-Type, If-None-Match"
    response["Access-Control-Max-Age"] = "86400"
    return response


def throttled_json(build: Callable[[int], dict]):
    """A ``throttle`` response factory that answers with ``build(retry_after)``."""

    def response(request: HttpRequest, retry_after: int) -> HttpResponse:
        answer = json_response(request, build(retry_after), status=429)
        answer["Retry-After"] = str(retry_after)
        return answer

    return response
