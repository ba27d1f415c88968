"""Error pages in the visitor's language and the site's layout.

They avoid the database, so that a 500 caused by the database still renders.
"""

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.views.decorators.csrf import requires_csrf_token


def _error_page(request: HttpRequest, status: int) -> HttpResponse:
    return render(request, f"{status}.html", {"is_error_page": True}, status=status)


@requires_csrf_token
def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, 400)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, 403)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error_page(request, 404)


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    return _error_page(request, 500)


# Prefixes gov.uz used for its languages, so that old links keep working.
LEGACY_LANGUAGE_PREFIXES = {"oz": "uz", "qr": "kaa"}


def legacy_language_redirect(request: HttpRequest, prefix: str, rest: str = ""):
    """Send ``/oz/...`` and ``/qr/...`` to the same path under the current prefix."""
    target = f"/{LEGACY_LANGUAGE_PREFIXES[prefix]}/{rest}"
    if query := request.META.get("QUERY_STRING"):
        target = f"{target}?{query}"
    return HttpResponsePermanentRedirect(target)


def robots_txt(request: HttpRequest) -> HttpResponse:
    """Point crawlers at the sitemaps and keep them out of the admin."""
    origin = f"{request.scheme}://{request.get_host()}"
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {origin}/sitemap.xml",
        f"Sitemap: {origin}/news-sitemap.xml",
    ]
    return HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
