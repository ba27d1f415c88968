"""Wagtail's routing, remembered: the site and the page an address leads to.

On every request Wagtail finds the site (a query), the language's home page (two)
and then walks the path a query per level, loads the specific page and, before
serving it, looks up the view restrictions of the page and its ancestors (two
more). None of that changes until a page is published, unpublished, moved or
deleted, or a site, locale or view restriction changes: exactly what the page
cache already purges. So the outcome is kept in the same store, tagged with the
page it found, and handed to Wagtail through the attributes it caches on the
request (``_wagtail_site``, ``_wagtail_route_for_request``).

Values are pickled and unpickled per request, so no two requests share a model
instance. Only found pages are kept: an address that is a 404 today is routed
afresh each time, and cannot fill the store.
"""

import pickle  # noqa: S403 - only our own values, from our own store
from urllib.parse import quote

from django.http.request import split_domain_port
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from . import tags
from .fragments import fragment

SITE_TAG = "site"  # sites and locales purge everything; the tag names the entry


class _NotFound(Exception):
    """Wagtail found no page: nothing is kept (``fragment`` keeps no failed build)."""


def _remembered(name: str, *parts, build):
    """A fragment of a pickled value, so that each request gets its own copy."""

    def pickled():
        value, value_tags = build()
        return pickle.dumps(value, pickle.HIGHEST_PROTOCOL), value_tags

    return pickle.loads(fragment(name, *parts, build=pickled))  # noqa: S301


def find_site(request) -> Site | None:
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    return _remembered(
        "site",
        hostname,
        port,
        build=lambda: (Site._find_for_request(request), {SITE_TAG}),
    )


def _route(request, path: str):
    """Wagtail's own routing, and the view restrictions of the page it finds."""
    result = Page.route_for_request(request, path)
    if result is None:
        raise _NotFound
    page = result[0]
    restrictions = list(page.get_view_restrictions())
    return (result, restrictions), {tags.page(page.translation_key)}


def prime(request, path: str) -> None:
    """Give Wagtail this request's site, page and restrictions without queries."""
    site = find_site(request)
    request._wagtail_site = site
    if site is None:
        return
    language = translation.get_language()
    try:
        result, restrictions = _remembered(
            "route", site.pk, language, quote(path), build=lambda: _route(request, path)
        )
    except _NotFound:
        request._wagtail_route_for_request = None
        return
    page = result[0]
    # Wagtail's view-restriction check (an ``on_serve_page`` hook) asks the page;
    # this instance is this request's own, unpickled above.
    page.get_view_restrictions = lambda: restrictions
    if isinstance(page, RoutablePageMixin) and result.args:
        # What a routable page's ``route`` leaves on the request, as Wagtail documents.
        below = [part for part in path.split("/") if part]
        below = below[page.depth - site.root_page.depth :]
        subpath = "/" + "".join(f"{part}/" for part in below)
        request.routable_resolver_match = page.resolve_subpage(subpath)
    request._wagtail_route_for_request = result


class RouteCacheMiddleware:
    """Primes Wagtail's page view with the remembered route, before it runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is wagtail_views.serve:
            path = view_kwargs.get("path", view_args[0] if view_args else "")
            prime(request, path)
