"""A read-only CKAN Action API (``/api/3/action/<name>`` and ``/api/action/<name>``).

CKAN is what national open-data portals run, so harvesters, the ``ckanapi`` client
and many scripts speak its API. This module answers the read actions a catalogue
needs in CKAN's envelope (``help``, ``success``, ``result``) and with CKAN's error
shape (``error.__type``, ``error.message``), from GET parameters or a POSTed JSON
object as CKAN accepts them. Agencies are CKAN's *organizations*, topics its
*groups*, keywords its *tags*.

Two extensions: ``lang`` chooses the language of titles and descriptions (the
default language otherwise), and datasets carry ``title_translated`` and
``notes_translated`` with every language, as CKAN's multilingual extensions do.
"""

import json
import uuid

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt

from govportal.api.http import json_response, preflight, throttled_json
from govportal.core.throttle import throttle

from .catalogue import (
    FACET_FIELDS,
    SearchQueryError,
    catalogue_page,
    dataset_search,
    locale_for,
    parse_fq,
    publishers,
)
from .models import (
    LICENCE_URLS,
    Dataset,
    DataTheme,
    DownloadCount,
    Licence,
    Resource,
    split_keywords,
)
from .views import file_url

CKAN_VERSION = "2.10.0"
GROUP_NAMESPACE = uuid.UUID("a4f8c6de-1f7e-4c1e-9a55-3c2bd0e1f7a0")
MAX_ROWS = 1000
WRITE_SUFFIXES = ("_create", "_update", "_patch", "_delete", "_purge")
METHODS = ("GET", "HEAD", "POST", "OPTIONS")


class ActionError(Exception):
    """An error answered in CKAN's shape: ``{"__type": ..., "message": ...}``."""

    def __init__(self, status: int, kind: str, message: str = "", **fields):
        super().__init__(message)
        self.status, self.kind, self.message, self.fields = (
            status,
            kind,
            message,
            fields,
        )

    def as_dict(self) -> dict:
        error = {"__type": self.kind, **self.fields}
        if self.message:
            error["message"] = self.message
        return error


def not_found(what: str = "") -> ActionError:
    return ActionError(404, "Not Found Error", f"Not found: {what}" if what else "")


def invalid(**fields: list[str]) -> ActionError:
    return ActionError(409, "Validation Error", **fields)


class Context:
    """What one call needs: the request, its language, and cached look-ups."""

    def __init__(self, request: HttpRequest, data: dict):
        self.request = request
        self.data = data
        code = str(data.get("lang") or settings.LANGUAGE_CODE)
        self.locale = locale_for(code) if code in _languages() else None
        if self.locale is None:
            raise invalid(lang=[f"Unknown language; use one of {_languages()}"])
        self._publishers = None
        self._catalogue_urls: dict[int, str] = {}

    @property
    def publishers(self) -> dict:
        if self._publishers is None:
            self._publishers = publishers(locale=self.locale, request=self.request)
        return self._publishers

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url) if url else ""

    def dataset_url(self, dataset: Dataset) -> str:
        if dataset.locale_id not in self._catalogue_urls:
            page = catalogue_page(locale=self.locale)
            url = page.get_url(self.request) if page else ""
            self._catalogue_urls[dataset.locale_id] = url or ""
        base = self._catalogue_urls[dataset.locale_id]
        return self.absolute(f"{base}{dataset.name}/") if base else ""

    # Parameters, converted as CKAN converts them.
    def text(self, name: str, default: str = "") -> str:
        value = self.data.get(name, default)
        if value is None:
            return default
        if not isinstance(value, str | int | float):
            raise invalid(**{name: ["Must be a string"]})
        if "\x00" in str(value):  # PostgreSQL refuses NUL in a query
            raise invalid(**{name: ["NUL bytes are not allowed"]})
        return str(value)

    def integer(self, name: str, default: int, *, maximum: int | None = None) -> int:
        value = self.data.get(name, default)
        try:
            number = int(value)
        except (TypeError, ValueError, OverflowError):  # OverflowError: 1e400
            raise invalid(**{name: ["Invalid integer"]}) from None
        if number < 0:
            raise invalid(**{name: ["Must be a natural number"]})
        return min(number, maximum) if maximum is not None else number

    def boolean(self, name: str) -> bool:
        value = self.data.get(name, False)
        if isinstance(value, str):
            return value.strip().lower() in {"true", "1", "yes", "on"}
        return bool(value)

    def text_list(self, name: str) -> list[str]:
        value = self.data.get(name)
        if value in (None, ""):
            return []
        if isinstance(value, str):
            try:
                value = json.loads(value) if value.startswith("[") else [value]
            except ValueError:
                raise invalid(**{name: ["Not a JSON list"]}) from None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise invalid(**{name: ["Not a list of strings"]})
        return value

    def required(self, name: str) -> str:
        value = self.text(name).strip()
        if not value:
            raise invalid(**{name: ["Missing value"]})
        return value


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


# Dictionaries in CKAN's shape.


def organization_dict(ctx: Context, agency, *, count: int | None = None) -> dict:
    data = {
        "id": str(agency.key),
        "name": agency.name,
        "title": agency.title,
        "display_name": agency.title,
        "type": "organization",
        "is_organization": True,
        "state": "active",
        "approval_status": "approved",
        "description": "",
        "image_url": "",
        "url": ctx.absolute(agency.url),
    }
    if count is not None:
        data["package_count"] = count
    return data


def group_dict(theme: str, *, count: int | None = None) -> dict:
    label = str(DataTheme(theme).label)
    data = {
        "id": str(uuid.uuid5(GROUP_NAMESPACE, theme)),
        "name": theme,
        "title": label,
        "display_name": label,
        "type": "group",
        "is_organization": False,
        "state": "active",
        "approval_status": "approved",
        "description": "",
        "image_url": "",
    }
    if count is not None:
        data["package_count"] = count
    return data


def tag_dict(name: str) -> dict:
    return {
        "id": str(uuid.uuid5(GROUP_NAMESPACE, f"tag:{name}")),
        "name": name,
        "display_name": name,
        "state": "active",
        "vocabulary_id": None,
    }


def resource_dict(
    ctx: Context, resource: Resource, dataset: Dataset, downloads: dict
) -> dict:
    return {
        "id": str(resource.translation_key),
        "package_id": str(dataset.translation_key),
        "name": resource.name,
        "description": resource.description,
        "format": resource.format,
        "mimetype": resource.media_type or None,
        "url": ctx.absolute(file_url(resource)),
        "url_type": "upload" if resource.file else None,
        "size": resource.size,
        "hash": f"sha256:{resource.checksum}" if resource.checksum else "",
        "position": resource.sort_order,
        "state": "active",
        "created": resource.created.replace(tzinfo=None).isoformat(),
        "last_modified": resource.modified.replace(tzinfo=None).isoformat(),
        "download_count": downloads.get(resource.translation_key, 0),
    }


def package_dicts(ctx: Context, datasets: list[Dataset]) -> list[dict]:
    """Datasets as CKAN packages: three queries for any number of them."""
    keys = [dataset.translation_key for dataset in datasets]
    translations: dict = {}
    for row in Dataset.objects.filter(translation_key__in=keys).values(
        "translation_key", "locale__language_code", "title", "notes"
    ):
        entry = translations.setdefault(row["translation_key"], {"t": {}, "n": {}})
        entry["t"][row["locale__language_code"]] = row["title"]
        entry["n"][row["locale__language_code"]] = row["notes"]
    resource_keys = [
        resource.translation_key
        for dataset in datasets
        for resource in dataset.resources.all()
    ]
    downloads = dict(
        DownloadCount.objects.filter(resource_key__in=resource_keys).values_list(
            "resource_key", "count"
        )
    )
    licences = dict(Licence.choices)
    packages = []
    for dataset in datasets:
        agency = ctx.publishers.get(dataset.agency_key)
        tags = split_keywords(dataset.keywords)
        resources = [
            resource_dict(ctx, resource, dataset, downloads)
            for resource in dataset.resources.all()
        ]
        texts = translations.get(dataset.translation_key, {"t": {}, "n": {}})
        packages.append(
            {
                "id": str(dataset.translation_key),
                "name": dataset.name,
                "title": dataset.title,
                "notes": dataset.notes,
                "type": "dataset",
                "state": "active",
                "private": False,
                "isopen": True,
                "language": dataset.locale.language_code,
                "title_translated": texts["t"],
                "notes_translated": texts["n"],
                "license_id": dataset.licence,
                "license_title": licences.get(dataset.licence, dataset.licence),
                "license_url": LICENCE_URLS.get(dataset.licence, ""),
                "author": None,
                "author_email": None,
                "maintainer": dataset.contact_name or None,
                "maintainer_email": dataset.contact_email or None,
                "metadata_created": dataset.created.replace(tzinfo=None).isoformat(),
                "metadata_modified": dataset.modified.replace(tzinfo=None).isoformat(),
                "owner_org": str(agency.key) if agency else None,
                "organization": organization_dict(ctx, agency) if agency else None,
                "groups": [group_dict(dataset.theme)] if dataset.theme else [],
                "tags": [tag_dict(tag) for tag in tags],
                "num_tags": len(tags),
                "resources": resources,
                "num_resources": len(resources),
                "url": ctx.dataset_url(dataset),
                "version": None,
                "frequency": dataset.frequency,
                "temporal_start": dataset.temporal_start,
                "temporal_end": dataset.temporal_end,
                "spatial": dataset.spatial or "UZ",
                "issued": dataset.issued,
                "download_count": sum(r["download_count"] for r in resources),
                "extras": [
                    {"key": "frequency", "value": dataset.frequency},
                    {"key": "spatial", "value": dataset.spatial or "UZ"},
                ],
            }
        )
    return packages


def find_dataset(ctx: Context, ident: str) -> Dataset:
    """A dataset by name or id, in the asked language, else the default one."""
    try:
        query = {"translation_key": uuid.UUID(ident)}
    except ValueError:
        query = {"name": ident[:100]}
    datasets = (
        Dataset.objects.filter(**query)
        .select_related("locale")
        .prefetch_related("resources")
    )
    found = datasets.filter(locale=ctx.locale).first()
    if found is None:
        found = datasets.filter(locale__language_code=settings.LANGUAGE_CODE).first()
    if found is None:
        raise not_found("dataset")
    return found


# The actions. Each takes the call's context and returns CKAN's ``result``.


def status_show(ctx: Context):
    """The portal's name and address, and the CKAN API version it follows."""
    return {
        "ckan_version": CKAN_VERSION,
        "site_title": str(settings.WAGTAIL_SITE_NAME),
        "site_description": "",
        "site_url": ctx.absolute("/"),
        "locale_default": settings.LANGUAGE_CODE,
        "extensions": ["dcat"],
    }


def package_list(ctx: Context):
    """The names of every dataset (``limit``, ``offset``)."""
    limit = ctx.integer("limit", MAX_ROWS * 100, maximum=MAX_ROWS * 100)
    offset = ctx.integer("offset", 0)
    names = Dataset.objects.values_list("name", flat=True).distinct().order_by("name")
    return list(names[offset : offset + limit])


def package_show(ctx: Context):
    """One dataset by name or id, with its resources (``id``)."""
    dataset = find_dataset(ctx, ctx.required("id"))
    return package_dicts(ctx, [dataset])[0]


def package_search(ctx: Context):
    """Search (``q``, ``fq``, ``rows``, ``start``, ``sort``, ``facet.field``,
    ``facet.limit``, ``facet.mincount``)."""
    rows = ctx.integer("rows", 10, maximum=MAX_ROWS)
    start = ctx.integer("start", 0)
    fields = ctx.text_list("facet.field")
    unknown = [name for name in fields if name not in FACET_FIELDS]
    if unknown:
        raise SearchQueryError(f"Cannot facet on {unknown[0]!r}")
    try:
        facet_limit = int(ctx.text("facet.limit", "50") or 50)
    except ValueError:
        raise invalid(**{"facet.limit": ["Invalid integer"]}) from None
    result = dataset_search(
        locale=ctx.locale,
        publishers=ctx.publishers,
        q=ctx.text("q"),
        filters=parse_fq(ctx.text("fq")),
        sort=ctx.text("sort"),
        start=start,
        rows=rows,
        facet_fields=fields if ctx.boolean("facet") or "facet" not in ctx.data else (),
        facet_limit=facet_limit,
        facet_mincount=ctx.integer("facet.mincount", 1),
    )
    for dataset in result.datasets:
        dataset.locale = ctx.locale
    return {
        "count": result.count,
        "sort": ctx.text("sort") or "score desc, metadata_modified desc",
        "facets": {
            name: {item.name: item.count for item in items}
            for name, items in result.facets.items()
        },
        "search_facets": {
            name: {
                "title": name,
                "items": [
                    {
                        "name": item.name,
                        "display_name": item.display_name,
                        "count": item.count,
                    }
                    for item in items
                ],
            }
            for name, items in result.facets.items()
        },
        "results": package_dicts(ctx, result.datasets),
    }


def _counts_by_agency(ctx: Context) -> dict:
    from django.db.models import Count

    return {
        row["agency_key"]: row["n"]
        for row in Dataset.objects.filter(locale=ctx.locale)
        .values("agency_key")
        .annotate(n=Count("id"))
    }


def _listing(ctx: Context, items: list, name_of):
    """CKAN's list options: ``sort`` (name or package_count), ``limit``,
    ``offset``, and the names asked for."""
    wanted = set(ctx.text_list("organizations") or ctx.text_list("groups"))
    if wanted:
        items = [item for item in items if name_of(item) in wanted]
    sort = ctx.text("sort", "name asc") or "name asc"
    field, _space, direction = sort.partition(" ")
    if field not in {"name", "title", "package_count"}:
        raise invalid(sort=["Cannot sort by this field"])
    items.sort(key=lambda item: item[1] if field == "package_count" else name_of(item))
    if direction.strip().lower() == "desc":
        items.reverse()
    offset = ctx.integer("offset", 0)
    limit = ctx.integer("limit", 1000, maximum=1000)
    return items[offset : offset + limit]


def organization_list(ctx: Context):
    """Agencies that publish data (``all_fields``, ``sort``, ``limit``, ...)."""
    counts = _counts_by_agency(ctx)
    agencies = [
        (ctx.publishers[key], count)
        for key, count in counts.items()
        if key in ctx.publishers
    ]
    agencies = _listing(ctx, agencies, lambda item: item[0].name)
    if ctx.boolean("all_fields"):
        return [organization_dict(ctx, agency, count=n) for agency, n in agencies]
    return [agency.name for agency, _n in agencies]


def organization_show(ctx: Context):
    """One agency (``id``: its name or id; ``include_datasets``)."""
    ident = ctx.required("id")
    agency = next(
        (
            agency
            for agency in ctx.publishers.values()
            if ident in {agency.name, str(agency.key)}
        ),
        None,
    )
    if agency is None:
        raise not_found("organization")
    datasets = Dataset.objects.filter(locale=ctx.locale, agency_key=agency.key)
    data = organization_dict(ctx, agency, count=datasets.count())
    if ctx.boolean("include_datasets"):
        rows = list(datasets.order_by("name").prefetch_related("resources")[:1000])
        for dataset in rows:
            dataset.locale = ctx.locale
        data["packages"] = package_dicts(ctx, rows)
    return data


def group_list(ctx: Context):
    """Topics (``all_fields``, ``sort``, ``limit``, ``offset``, ``groups``)."""
    from django.db.models import Count

    counts = {
        row["theme"]: row["n"]
        for row in Dataset.objects.filter(locale=ctx.locale)
        .values("theme")
        .annotate(n=Count("id"))
    }
    themes = _listing(
        ctx,
        [(theme, counts.get(theme, 0)) for theme in DataTheme.values],
        lambda i: i[0],
    )
    if ctx.boolean("all_fields"):
        return [group_dict(theme, count=n) for theme, n in themes]
    return [theme for theme, _n in themes]


def group_show(ctx: Context):
    """One topic (``id``: its name or id)."""
    ident = ctx.required("id")
    for theme in DataTheme.values:
        if ident in {theme, str(uuid.uuid5(GROUP_NAMESPACE, theme))}:
            count = Dataset.objects.filter(locale=ctx.locale, theme=theme).count()
            return group_dict(theme, count=count)
    raise not_found("group")


def tag_list(ctx: Context):
    """Every keyword in the asked language (``query``, ``all_fields``)."""
    query = ctx.text("query").casefold()
    tags = set()
    for keywords in Dataset.objects.filter(locale=ctx.locale).values_list(
        "keywords", flat=True
    ):
        tags.update(split_keywords(keywords))
    names = sorted(tag for tag in tags if query in tag.casefold())
    if ctx.boolean("all_fields"):
        return [tag_dict(name) for name in names]
    return names


def resource_show(ctx: Context):
    """One resource by id."""
    try:
        key = uuid.UUID(ctx.required("id"))
    except ValueError:
        raise not_found("resource") from None
    resources = Resource.objects.filter(translation_key=key).select_related("dataset")
    resource = resources.filter(locale=ctx.locale).first() or resources.first()
    if resource is None:
        raise not_found("resource")
    downloads = dict(
        DownloadCount.objects.filter(resource_key=key).values_list(
            "resource_key", "count"
        )
    )
    return resource_dict(ctx, resource, resource.dataset, downloads)


def help_show(ctx: Context):
    """What an action does (``name``)."""
    action = ACTIONS.get(ctx.required("name"))
    if action is None:
        raise not_found("action")
    return action.__doc__


ACTIONS = {
    action.__name__: action
    for action in (
        status_show,
        package_list,
        package_show,
        package_search,
        organization_list,
        organization_show,
        group_list,
        group_show,
        tag_list,
        resource_show,
        help_show,
    )
}


def _request_data(request: HttpRequest) -> dict:
    if request.method != "POST":
        return request.GET.dict()
    if request.content_type == "application/json" or (
        request.body and request.body.lstrip()[:1] == b"{"
    ):
        if not request.body.strip():
            return {}
        try:
            data = json.loads(request.body)
        except ValueError:
            raise ActionError(400, "Bad request", "JSON Error: not JSON") from None
        if not isinstance(data, dict):
            raise ActionError(400, "Bad request", "JSON Error: not an object")
        return data
    return request.POST.dict()


def _envelope(request: HttpRequest, name: str) -> dict:
    help_url = reverse("ckan_action", args=["help_show"])
    return {"help": request.build_absolute_uri(f"{help_url}?name={name}")}


def _throttled(retry_after: int) -> dict:
    return {
        "help": "",
        "success": False,
        "error": {
            "__type": "Throttled",
            "message": f"Too many requests: retry after {retry_after} seconds",
        },
    }


@csrf_exempt
@throttle("api", response=throttled_json(_throttled))
def action_view(request: HttpRequest, name: str) -> HttpResponse:
    """Run one action and answer in CKAN's envelope."""
    if request.method == "OPTIONS":
        return preflight(METHODS)
    envelope = _envelope(request, name)
    try:
        if request.method not in METHODS:
            raise ActionError(405, "Bad request", "Method not allowed")
        action = ACTIONS.get(name)
        if action is None:
            if name.endswith(WRITE_SUFFIXES):
                raise ActionError(
                    403, "Authorization Error", "Access denied: this API is read-only"
                )
            raise ActionError(
                400, "Bad request", f"Bad request - Action name not known: {name}"
            )
        ctx = Context(request, _request_data(request))
        with translation.override(ctx.locale.language_code):
            result = action(ctx)
        return json_response(request, {**envelope, "success": True, "result": result})
    except SearchQueryError as error:
        failure = ActionError(
            409, "Search Query Error", f"Search Query is invalid: {error}"
        )
    except ActionError as error:
        failure = error
    response = json_response(
        request,
        {**envelope, "success": False, "error": failure.as_dict()},
        status=failure.status,
    )
    if failure.status == 405:
        response["Allow"] = ", ".join(METHODS)
    return response


def api_root(request: HttpRequest, version: str = "") -> HttpResponse:
    """``/api/3``: the API version, as CKAN answers it."""
    return json_response(request, {"version": 3})
