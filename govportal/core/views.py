"""Error pages in the visitor's language and the site's layout.

They avoid the database, so that a 500 caused by the database still renders.
"""

from django.conf import settings
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from . import lowvision as lowvision_mode


def _error_page(request: HttpRequest, status: int) -> HttpResponse:
    response = render(request, f"{status}.html", {"is_error_page": True}, status=status)
    # Some error pages are answered by a middleware before XFrameOptionsMiddleware
    # could add this (a NUL byte in the address).
    response.setdefault("X-Frame-Options", settings.X_FRAME_OPTIONS)
    return response


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


def too_many_requests(request: HttpRequest, retry_after: int) -> HttpResponse:
    """The ``429`` page in the visitor's language, with ``Retry-After``.

    For ``@throttle(scope, response=too_many_requests)`` on public pages.
    """
    response = render(
        request,
        "429.html",
        {"is_error_page": True, "retry_after": retry_after},
        status=429,
    )
    response["Retry-After"] = str(retry_after)
    patch_cache_control(response, no_store=True)
    return response


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


LOWVISION_FIELDS = ("text", "contrast", "images", "spacing")


def _same_site_path(value: str | None) -> str | None:
    """``value`` if it is a path on this site (never another host), else None."""
    if (
        value
        and value.startswith("/")
        and not value.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(value, allowed_hosts=set())
    ):
        return value
    return None


@never_cache
def lowvision(request: HttpRequest) -> HttpResponse:
    """Set the low-vision cookie from plain links or the form, then go back.

    ``?on=1`` switches the mode on with its preset, ``?reset=1`` back to the ordinary
    site, ``text``, ``contrast``, ``images`` and ``spacing`` change one setting each.
    Without any of them the view shows the settings form. ``next`` is where to go
    back to; only a path on this site is followed. Changing a display preference
    needs no CSRF protection: at worst another site could enlarge the text.
    """
    current = lowvision_mode.from_request(request)
    if "reset" in request.GET:
        chosen = lowvision_mode.DEFAULT
    elif "on" in request.GET:
        chosen = current if current.is_active else lowvision_mode.PRESET
    elif any(name in request.GET for name in LOWVISION_FIELDS):
        chosen = current.with_changes(request.GET)
    else:
        response = render(
            request,
            "lowvision.html",
            {
                "current": current,
                "next_url": _same_site_path(request.GET.get("next")) or "",
            },
        )
        response["X-Robots-Tag"] = "noindex"
        return response
    next_url = _same_site_path(request.GET.get("next")) or f"/{get_language()}/"
    response = HttpResponseRedirect(next_url)
    if chosen.is_active:
        response.set_cookie(
            lowvision_mode.COOKIE_NAME,
            chosen.key,
            max_age=lowvision_mode.COOKIE_MAX_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(lowvision_mode.COOKIE_NAME, samesite="Lax")
    return response
