"""The search page and its suggestion endpoint."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from govportal.core.jsonld import HtmlSafeJSONEncoder
from govportal.core.throttle import throttle
from govportal.core.views import too_many_requests

from . import service
from .engines import Filters, QueryTooSlow
from .text import MAX_QUERY_CHARACTERS

MAX_PAGE = 1000
SORTS = ("relevance", "date")
FACET_PARAMETERS = {
    "kind": "type",
    "agency": "agency",
    "category": "category",
    "year": "year",
}


def _link(params, **changes) -> str:
    """This search's query string with some parameters changed (None removes)."""
    query = params.copy()
    query.pop("page", None)
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return "?" + query.urlencode()


def _positive_int(value: str | None, *, upper: int) -> int | None:
    """A small positive integer parameter, None when absent; ValueError when bad."""
    if value in (None, ""):
        return None
    if len(value) > 10 or not value.isascii() or not value.isdigit():
        raise ValueError(value)
    number = int(value)
    if not 1 <= number <= upper:
        raise ValueError(value)
    return number


def _browse_pages() -> list:
    """The directories to offer when nothing was found, in the current language."""
    from govportal.agencies.models import AgencyIndexPage, HelplinesPage
    from govportal.faq.models import FaqPage

    pages = Page.objects.live().type(AgencyIndexPage, HelplinesPage, FaqPage)
    return list(pages.filter(locale=Locale.get_active()).order_by("path"))


@require_safe
@throttle("search", response=too_many_requests)
def search(request: HttpRequest) -> HttpResponse:
    """Search every content type: a plain GET form, complete without JavaScript."""
    params = request.GET
    raw = params.get("q", "")
    context = {
        "query": raw[:MAX_QUERY_CHARACTERS],
        "shortened": len(raw) > MAX_QUERY_CHARACTERS,
        "all_languages": params.get("scope") == "all",
        "sort": params.get("sort") if params.get("sort") in SORTS else "relevance",
        "results": None,
        "error": "",
    }
    try:
        number = _positive_int(params.get("page"), upper=MAX_PAGE) or 1
        filters = Filters(
            kind=params.get("type") or None,
            agency_id=_positive_int(params.get("agency"), upper=2**31),
            category_id=_positive_int(params.get("category"), upper=2**31),
            year=_positive_int(params.get("year"), upper=9999),
        )
        if filters.kind and filters.kind not in service.KIND_LABELS:
            raise ValueError(filters.kind)
    except ValueError:
        context["error"] = _(
            "That link to the search results is not valid. Try your search again."
        )
        return render(request, "search/search.html", context, status=400)

    if context["query"].strip():
        try:
            results = service.run(
                request,
                context["query"],
                language=get_language(),
                all_languages=context["all_languages"],
                filters=filters,
                sort=context["sort"],
                number=number,
            )
        except QueryTooSlow:
            context["error"] = _(
                "This search took too long. Try fewer or more specific words."
            )
            return render(request, "search/search.html", context, status=503)
        if number > max(results.pages, 1):
            context["error"] = _("There is no page %(number)s of these results.") % {
                "number": number
            }
            return render(request, "search/search.html", context, status=404)
        for facet in results.facets:
            name = FACET_PARAMETERS[facet.name]
            for value in facet.values:
                choice = None if value.selected else value.value
                value.url = _link(params, **{name: choice})
        context["results"] = results
        if not results.hits:
            context["browse_pages"] = _browse_pages()
        context["sort_links"] = {sort: _link(params, sort=sort) for sort in SORTS}
        context["page_link"] = _link(params) + "&page="
    return render(request, "search/search.html", context)


@require_safe
@throttle("suggest")
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles that match what has been typed so far, for the list under the box."""
    raw = request.GET.get("q", "")[:MAX_QUERY_CHARACTERS]
    suggestions = []
    if len(raw.strip()) >= 2:
        try:
            suggestions = service.suggest(request, raw, language=get_language())
        except QueryTooSlow:
            suggestions = []
    response = JsonResponse(
        {"query": raw, "suggestions": suggestions}, encoder=HtmlSafeJSONEncoder
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
