"""The public JSON API, version 1: news, announcements, agencies, helplines, FAQs.

Read-only, in every language (``?lang=``), paginated (``page``, ``page_size``; a
list says whether a ``next`` page exists instead of counting every row, so a list
costs the same at any size), described by ``openapi.json``. Bad parameters get a
``400`` with a JSON error naming the parameter; unknown parameters are ignored.
"""

import datetime
import uuid
from collections.abc import Callable

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.translation import get_language_from_request
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Locale
from wagtail.rich_text import expand_db_html

from govportal.agencies.models import AgencyPage, AgencyType, Helpline, Region
from govportal.agencies.text import matches, sort_key
from govportal.core.throttle import throttle
from govportal.faq.models import FaqPage, Question
from govportal.news.models import AnnouncementPage, NewsPage, day_range

from .http import READ_METHODS, json_response, preflight, throttled_json

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
MAX_PAGE = 100_000
METHODS = ("GET", "HEAD", "OPTIONS")


class ApiError(Exception):
    """An error answered as ``{"error": {"status", "code", "message", ...}}``."""

    def __init__(self, status: int, code: str, message: str, parameter: str = ""):
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = (
            status,
            code,
            message,
            parameter,
        )


def error_body(status: int, code: str, message: str, parameter: str = "") -> dict:
    error = {"status": status, "code": code, "message": message}
    if parameter:
        error["parameter"] = parameter
    return {"error": error}


def _throttled(retry_after: int) -> dict:
    return error_body(
        429,
        "rate_limited",
        f"Too many requests: retry after {retry_after} seconds.",
    )


def api_view(view: Callable[..., dict]):
    """A read-only JSON endpoint: CORS, ETag, rate limit and JSON errors."""

    @csrf_exempt
    @throttle("api", response=throttled_json(_throttled))
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            return preflight(METHODS)
        try:
            if request.method not in READ_METHODS:
                raise ApiError(405, "method_not_allowed", "This API is read-only.")
            data = view(request, *args, **kwargs)
        except ApiError as error:
            response = json_response(
                request,
                error_body(error.status, error.code, error.message, error.parameter),
                status=error.status,
            )
            if error.status == 405:
                response["Allow"] = ", ".join(METHODS)
            return response
        return json_response(request, data)

    wrapped.__doc__ = view.__doc__
    return wrapped


# Parameters.


def _param(request: HttpRequest, name: str) -> str:
    value = request.GET.get(name, "")
    if "\x00" in value:
        raise ApiError(400, "invalid_parameter", "NUL bytes are not allowed.", name)
    return value.strip()


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def get_locale(request: HttpRequest) -> Locale:
    code = _param(request, "lang") or settings.LANGUAGE_CODE
    if code not in _languages():
        raise ApiError(
            400,
            "invalid_parameter",
            f"Unknown language; use one of: {', '.join(_languages())}.",
            "lang",
        )
    locale = Locale.objects.filter(language_code=code).first()
    if locale is None:
        raise ApiError(404, "not_found", "No content in that language yet.", "lang")
    return locale


def _integer(request, name: str, default: int, low: int, high: int) -> int:
    raw = _param(request, name)
    if not raw:
        return default
    # isascii(): "²" and "١" are digits to isdigit() but not all to int().
    if not (raw.isascii() and raw.isdigit()) or not low <= int(raw) <= high:
        raise ApiError(
            400,
            "invalid_parameter",
            f"Must be a whole number from {low} to {high}.",
            name,
        )
    return int(raw)


def _date(request, name: str) -> datetime.date | None:
    raw = _param(request, name)
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ApiError(
            400, "invalid_parameter", "Must be a date: YYYY-MM-DD.", name
        ) from None


def _choice(request, name: str, choices) -> str:
    raw = _param(request, name)
    if raw and raw not in choices:
        raise ApiError(
            400, "invalid_parameter", f"Must be one of: {', '.join(choices)}.", name
        )
    return raw


def _boolean(request, name: str) -> bool | None:
    raw = _param(request, name).lower()
    if not raw:
        return None
    if raw not in {"true", "false"}:
        raise ApiError(400, "invalid_parameter", "Must be true or false.", name)
    return raw == "true"


def _text(request, name: str, limit: int = 100) -> str:
    raw = _param(request, name)
    if len(raw) > limit:
        raise ApiError(400, "invalid_parameter", f"At most {limit} characters.", name)
    return raw


class Pager:
    """``page`` and ``page_size``, and the ``next``/``previous`` links."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.number = _integer(request, "page", 1, 1, MAX_PAGE)
        self.size = _integer(request, "page_size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE)
        self.offset = (self.number - 1) * self.size

    def slice(self, rows) -> tuple[list, bool]:
        """This page's rows (a query set or list), and whether more follow."""
        chunk = list(rows[self.offset : self.offset + self.size + 1])
        return chunk[: self.size], len(chunk) > self.size

    def link(self, number: int) -> str:
        query = self.request.GET.copy()
        query["page"] = str(number)
        return self.request.build_absolute_uri(
            f"{self.request.path}?{query.urlencode()}"
        )

    def envelope(self, locale: Locale, results: list, has_next: bool) -> dict:
        return {
            "language": locale.language_code,
            "page": self.number,
            "page_size": self.size,
            "next": self.link(self.number + 1) if has_next else None,
            "previous": self.link(self.number - 1) if self.number > 1 else None,
            "results": results,
        }


def _pk(raw: str) -> int:
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
        raise ApiError(404, "not_found", "No such item.")
    return int(raw)


def _absolute(request, url: str | None) -> str | None:
    return request.build_absolute_uri(url) if url else None


def _aware(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


# News.


def _agencies_by_path(news: list[NewsPage], request) -> dict[str, dict]:
    """The agency whose section holds each news item, in one query."""
    depth = 4  # root, home, directory, agency
    prefixes = {
        item.path[: depth * NewsPage.steplen] for item in news if item.depth > depth
    }
    if not prefixes:
        return {}
    return {
        agency.path: {
            "id": agency.id,
            "title": agency.title,
            "url": _absolute(request, agency.get_url(request)),
        }
        for agency in AgencyPage.objects.filter(path__in=prefixes).only(
            "id", "title", "path", "url_path", "depth"
        )
    }


def news_queryset(locale: Locale) -> QuerySet:
    return (
        NewsPage.objects.live()
        .filter(listing_locale_id=locale.id)
        .select_related("category", "lead_image", "locale")
        .order_by("-date", "-pk")
    )


def news_item(item: NewsPage, request, agencies: dict) -> dict:
    image = item.lead_image
    return {
        "id": item.id,
        "translation_key": str(item.translation_key),
        "language": item.locale.language_code,
        "title": item.title,
        "url": _absolute(request, item.get_url(request)),
        "date": _aware(item.date),
        "lead": item.lead,
        "category": {"slug": item.category.slug, "name": item.category.name}
        if item.category
        else None,
        "agency": agencies.get(item.path[: 4 * NewsPage.steplen]),
        "image": _absolute(request, image.file.url) if image else None,
        "author": item.author,
        "source": item.source,
    }


@api_view
def news_list(request):
    """News, newest first."""
    locale = get_locale(request)
    pager = Pager(request)
    news = news_queryset(locale)
    category = _text(request, "category")
    if category:
        news = news.filter(category__slug=category)
    agency_slug = _text(request, "agency", 255)
    if agency_slug:
        agency = (
            AgencyPage.objects.live()
            .filter(locale=locale, slug=agency_slug)
            .only("path")
            .first()
        )
        news = news.filter(path__startswith=agency.path) if agency else news.none()
    since, until = _date(request, "since"), _date(request, "until")
    if since:
        news = news.filter(date__gte=day_range(since, since)[0])
    if until:
        news = news.filter(
            date__lt=day_range(until, until)[0] + datetime.timedelta(days=1)
        )
    rows, has_next = pager.slice(news)
    agencies = _agencies_by_path(rows, request)
    with translation.override(locale.language_code):
        results = [news_item(item, request, agencies) for item in rows]
    return pager.envelope(locale, results, has_next)


@api_view
def news_detail(request, pk: str):
    """One news item, with its body as HTML."""
    item = (
        NewsPage.objects.live()
        .select_related("category", "lead_image", "locale")
        .filter(pk=_pk(pk))
        .first()
    )
    if item is None:
        raise ApiError(404, "not_found", "No such news item.")
    with translation.override(item.locale.language_code):
        data = news_item(item, request, _agencies_by_path([item], request))
        data["body"] = str(item.body.render_as_block())
    data["tags"] = [tag.name for tag in item.tags.all()]
    return data


# Announcements ("New on the portal").


def announcement_item(item: AnnouncementPage, request) -> dict:
    return {
        "id": item.id,
        "translation_key": str(item.translation_key),
        "language": item.locale.language_code,
        "title": item.title,
        "url": _absolute(request, item.get_url(request)),
        "date": item.date.isoformat(),
        "summary": item.summary,
    }


@api_view
def announcement_list(request):
    """Announcements about the portal itself, newest first."""
    locale = get_locale(request)
    pager = Pager(request)
    items = (
        AnnouncementPage.objects.live()
        .filter(locale=locale)
        .select_related("locale")
        .order_by("-date", "-pk")
    )
    since, until = _date(request, "since"), _date(request, "until")
    if since:
        items = items.filter(date__gte=since)
    if until:
        items = items.filter(date__lte=until)
    rows, has_next = pager.slice(items)
    return pager.envelope(
        locale, [announcement_item(item, request) for item in rows], has_next
    )


@api_view
def announcement_detail(request, pk: str):
    """One announcement, with its details as HTML."""
    item = (
        AnnouncementPage.objects.live()
        .select_related("locale")
        .filter(pk=_pk(pk))
        .first()
    )
    if item is None:
        raise ApiError(404, "not_found", "No such announcement.")
    return {**announcement_item(item, request), "body": expand_db_html(item.body)}


# Agencies.


def agency_item(agency: AgencyPage, request) -> dict:
    return {
        "id": agency.id,
        "translation_key": str(agency.translation_key),
        "language": agency.locale.language_code,
        "title": agency.title,
        "official_name": agency.official_name,
        "short_name": agency.short_name,
        "type": agency.agency_type,
        "type_label": str(agency.get_agency_type_display()),
        "region": agency.region or None,
        "region_label": str(agency.get_region_display()) if agency.region else None,
        "url": _absolute(request, agency.get_url(request)),
        "address": agency.address,
        "phone": agency.phone,
        "email": agency.email,
        "website": agency.website,
        "reception_hours": agency.reception_hours,
        "latitude": float(agency.latitude) if agency.latitude is not None else None,
        "longitude": float(agency.longitude) if agency.longitude is not None else None,
        "is_demo_data": agency.is_demo_data,
    }


@api_view
def agency_list(request):
    """Agencies in alphabetical order."""
    locale = get_locale(request)
    pager = Pager(request)
    agency_type = _choice(request, "type", AgencyType.values)
    region = _choice(request, "region", Region.values)
    query = _text(request, "q")
    rows = AgencyPage.objects.live().filter(locale=locale)
    if agency_type:
        rows = rows.filter(agency_type=agency_type)
    if region:
        rows = rows.filter(region=region)
    light = list(rows.values("id", "title", "official_name", "short_name"))
    if query:
        light = [
            row
            for row in light
            if matches(query, row["title"], row["official_name"], row["short_name"])
        ]
    light.sort(key=lambda row: (sort_key(row["title"]), row["id"]))
    ids, has_next = pager.slice([row["id"] for row in light])
    agencies = AgencyPage.objects.filter(id__in=ids).select_related("locale").in_bulk()
    with translation.override(locale.language_code):
        results = [agency_item(agencies[pk], request) for pk in ids if pk in agencies]
    return pager.envelope(locale, results, has_next)


@api_view
def agency_detail(request, pk: str):
    """One agency with its contacts."""
    agency = (
        AgencyPage.objects.live().select_related("locale").filter(pk=_pk(pk)).first()
    )
    if agency is None:
        raise ApiError(404, "not_found", "No such agency.")
    with translation.override(agency.locale.language_code):
        return agency_item(agency, request)


# Helplines.


def helpline_item(line: Helpline, agency: AgencyPage, request) -> dict:
    return {
        "id": line.id,
        "translation_key": str(line.translation_key),
        "language": line.locale.language_code,
        "agency": {
            "id": agency.id,
            "title": agency.title,
            "url": _absolute(request, agency.get_url(request)),
        },
        "purpose": line.purpose,
        "number": line.number,
        "short_number": line.short_number,
        "hours": line.hours,
        "is_free": line.is_free,
        "languages": line.languages,
    }


def _live_agencies(locale: Locale) -> dict[uuid.UUID, AgencyPage]:
    return {
        agency.translation_key: agency
        for agency in AgencyPage.objects.live()
        .filter(locale=locale)
        .only("id", "title", "translation_key", "url_path", "path", "depth")
    }


@api_view
def helpline_list(request):
    """Helplines, by agency."""
    locale = get_locale(request)
    pager = Pager(request)
    agency_id = _integer(request, "agency", 0, 1, 2**53)
    free = _boolean(request, "free")
    agencies = _live_agencies(locale)
    lines = (
        Helpline.objects.filter(locale=locale)
        .select_related("locale", "agency")
        .only(
            "id",
            "translation_key",
            "locale__language_code",
            "purpose",
            "number",
            "short_number",
            "hours",
            "is_free",
            "languages",
            "sort_order",
            "agency__translation_key",
        )
    )
    if free is not None:
        lines = lines.filter(is_free=free)
    rows = []
    for line in lines:
        agency = agencies.get(line.agency.translation_key)
        if agency is None or (agency_id and agency.id != agency_id):
            continue
        rows.append((line, agency))
    rows.sort(key=lambda row: (sort_key(row[1].title), row[0].sort_order, row[0].id))
    page, has_next = pager.slice(rows)
    return pager.envelope(
        locale,
        [helpline_item(line, agency, request) for line, agency in page],
        has_next,
    )


@api_view
def helpline_detail(request, pk: str):
    """One helpline."""
    line = (
        Helpline.objects.select_related("locale", "agency").filter(pk=_pk(pk)).first()
    )
    agency = (
        _live_agencies(line.locale).get(line.agency.translation_key) if line else None
    )
    if agency is None:
        raise ApiError(404, "not_found", "No such helpline.")
    return helpline_item(line, agency, request)


# Questions and answers.


def question_item(question: Question, faq_url: str | None, request) -> dict:
    return {
        "id": question.id,
        "translation_key": str(question.translation_key),
        "language": question.locale.language_code,
        "category": {"id": question.category.id, "name": question.category.name},
        "question": question.question,
        "answer": expand_db_html(question.answer),
        "times_asked": question.times_asked,
        "url": _absolute(request, f"{faq_url}#{question.anchor}") if faq_url else None,
    }


def _faq_url(locale: Locale, request) -> str | None:
    page = FaqPage.objects.live().filter(locale=locale).first()
    return page.get_url(request) if page else None


@api_view
def question_list(request):
    """Frequently asked questions, by category."""
    locale = get_locale(request)
    pager = Pager(request)
    category = _integer(request, "category", 0, 1, 2**53)
    questions = (
        Question.objects.filter(locale=locale)
        .select_related("category", "locale")
        .order_by("category__sort_order", "category_id", "sort_order", "id")
    )
    if category:
        questions = questions.filter(category_id=category)
    rows, has_next = pager.slice(questions)
    url = _faq_url(locale, request) if rows else None
    return pager.envelope(
        locale, [question_item(item, url, request) for item in rows], has_next
    )


@api_view
def question_detail(request, pk: str):
    """One question and its answer."""
    question = (
        Question.objects.select_related("category", "locale").filter(pk=_pk(pk)).first()
    )
    if question is None:
        raise ApiError(404, "not_found", "No such question.")
    return question_item(question, _faq_url(question.locale, request), request)


# The API's own description.


@api_view
def api_index(request):
    """What the API offers, and where its description is."""
    base = request.build_absolute_uri("/api/v1/")
    return {
        "openapi": f"{base}openapi.json",
        "docs": request.build_absolute_uri("/api/v1/docs/"),
        "ckan": request.build_absolute_uri("/api/3/action/"),
        "dcat": request.build_absolute_uri("/api/dcat/catalog.jsonld"),
        "endpoints": {
            name: f"{base}{name}/"
            for name in ("news", "announcements", "agencies", "helplines", "faqs")
        },
    }


@api_view
def openapi_document(request):
    """The OpenAPI 3 description of this API."""
    from .openapi import openapi

    return openapi(server=request.build_absolute_uri("/")[:-1])


@api_view
def not_found(request, rest: str = ""):
    raise ApiError(404, "not_found", "No such endpoint; see /api/v1/openapi.json.")


def docs_redirect(request):
    """``/api/v1/docs/`` -> the documentation page in the visitor's language."""
    return HttpResponseRedirect(f"/{get_language_from_request(request)}/api/")


def docs_page(request):
    """The API documentation, written from the OpenAPI description."""
    from .openapi import openapi, operations

    if request.method not in READ_METHODS:
        raise Http404
    document = openapi(server=request.build_absolute_uri("/")[:-1])
    return render(
        request,
        "api/docs.html",
        {
            "document": document,
            "operations": operations(document),
            "server": request.build_absolute_uri("/")[:-1],
        },
    )
