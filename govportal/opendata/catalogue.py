"""Searching the catalogue, shared by the catalogue page and ``package_search``.

Filters and facets use CKAN's field names (``organization``, ``groups``, ``tags``,
``res_format``, ``license_id``), so that a catalogue URL and an API call say the
same thing. Text search compares folded text (``fold_for_search``): each word of the
query must occur in the dataset's title, name, keywords or description, in either
script. Every filter and facet is one SQL query, whatever the size of the catalogue.
"""

import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from wagtail.models import Locale

from govportal.agencies.models import AgencyPage

from .models import (
    DataCatalogPage,
    Dataset,
    DataTheme,
    Licence,
    Resource,
    fold_for_search,
    split_keywords,
)

FILTER_FIELDS = ("organization", "groups", "tags", "res_format", "license_id", "name")
FACET_FIELDS = ("organization", "groups", "tags", "res_format", "license_id")
SORT_FIELDS = {
    "metadata_modified": "modified",
    "metadata_created": "created",
    "name": "name",
    "title_string": "title",
    "score": None,
}
DEFAULT_SORT = "score desc, metadata_modified desc"
FQ_TERM = re.compile(r'\+?[a-z_]+:"[^"]*"|\S+')
FIELD_QUERY = re.compile(r'^\+?(?P<field>[a-z_]+):(?P<value>"[^"]*"|\S+)$')


class SearchQueryError(ValueError):
    """A query, filter or sort the catalogue does not understand."""


@dataclass(frozen=True)
class Publisher:
    """An agency that publishes data: its name in URLs and its title here."""

    key: uuid.UUID
    name: str
    title: str
    url: str


@dataclass(frozen=True)
class FacetItem:
    name: str
    display_name: str
    count: int


@dataclass
class SearchResult:
    count: int
    datasets: list[Dataset]
    facets: dict[str, list[FacetItem]] = field(default_factory=dict)


def locale_for(code: str) -> Locale | None:
    return Locale.objects.filter(language_code=code).first()


def publishers(*, locale: Locale, request: HttpRequest | None) -> dict:
    """Every live agency by translation key, titled in ``locale``; one query.

    An agency's ``name`` (its id in filters and in the API) is its slug in the
    default language, so it is the same whichever language is asked for.
    """
    default = settings.LANGUAGE_CODE
    rows = (
        AgencyPage.objects.live()
        .filter(locale__language_code__in={locale.language_code, default})
        .select_related("locale")
        .only(
            "id",
            "title",
            "slug",
            "translation_key",
            "url_path",
            "path",
            "depth",
            "locale__language_code",
        )
    )
    names, found = {}, {}
    for agency in rows:
        if agency.locale.language_code == default:
            names[agency.translation_key] = agency.slug
        if agency.locale_id == locale.id or agency.translation_key not in found:
            found[agency.translation_key] = agency
    return {
        key: Publisher(
            key=key,
            name=names.get(key, agency.slug),
            title=agency.title,
            url=(agency.get_url(request) or "") if request else "",
        )
        for key, agency in found.items()
    }


def catalogue_page(*, locale: Locale) -> DataCatalogPage | None:
    return DataCatalogPage.objects.live().filter(locale=locale).first()


def parse_fq(text: str) -> dict[str, list[str]]:
    """CKAN's ``fq`` (Solr filter queries), as far as a catalogue needs it:
    ``field:value`` and ``field:"a value"`` terms, joined by spaces or ``AND``."""
    filters: dict[str, list[str]] = {}
    for term in FQ_TERM.findall(text or ""):
        if term in {"AND", "&&"}:
            continue
        match = FIELD_QUERY.match(term)
        if match is None or match["field"] not in FILTER_FIELDS:
            raise SearchQueryError(f"Unknown filter {term!r}; use one of field:value")
        filters.setdefault(match["field"], []).append(match["value"].strip('"'))
    return filters


def split_query(q: str) -> tuple[str, dict[str, list[str]]]:
    """Free text, and the ``field:value`` terms that CKAN also accepts in ``q``."""
    words, filters = [], {}
    for word in (q or "").split():
        match = FIELD_QUERY.match(word)
        if match and match["field"] in FILTER_FIELDS:
            filters.setdefault(match["field"], []).append(match["value"].strip('"'))
        elif word not in {"*:*", "AND"}:
            words.append(word)
    return " ".join(words), filters


def parse_sort(text: str) -> list[str]:
    """CKAN's ``sort`` (``"metadata_modified desc, name asc"``) as ``order_by``."""
    order = []
    for part in (text or DEFAULT_SORT).split(","):
        bits = part.split()
        if not bits:
            continue
        name, direction = bits[0], (bits[1] if len(bits) > 1 else "asc").lower()
        if name not in SORT_FIELDS or direction not in {"asc", "desc"} or len(bits) > 2:
            raise SearchQueryError(f"Cannot sort by {part.strip()!r}")
        column = SORT_FIELDS[name]
        if column:
            order.append(f"-{column}" if direction == "desc" else column)
    if not order:
        order = ["-modified"]
    return [*order, "pk"]


def _keyword_filter(tag: str) -> Q:
    return (
        Q(keywords=tag)
        | Q(keywords__startswith=f"{tag}, ")
        | Q(keywords__endswith=f", {tag}")
        | Q(keywords__contains=f", {tag}, ")
    )


def filtered(
    *, locale: Locale, q: str, filters: dict[str, list[str]], publishers: dict
) -> QuerySet:
    """The datasets of ``locale`` matching the text and every filter."""
    datasets = Dataset.objects.filter(locale=locale)
    for word in fold_for_search(q, locale.language_code).split():
        datasets = datasets.filter(search_text__contains=word)
    if filters.get("organization"):
        wanted = set(filters["organization"])
        keys = [key for key, agency in publishers.items() if agency.name in wanted]
        datasets = datasets.filter(agency_key__in=keys)
    if filters.get("groups"):
        datasets = datasets.filter(theme__in=filters["groups"])
    if filters.get("license_id"):
        datasets = datasets.filter(licence__in=filters["license_id"])
    if filters.get("name"):
        datasets = datasets.filter(name__in=filters["name"])
    for tag in filters.get("tags", []):
        datasets = datasets.filter(_keyword_filter(tag))
    if filters.get("res_format"):
        formats = [value.upper() for value in filters["res_format"]]
        datasets = datasets.filter(
            pk__in=Resource.objects.filter(format__in=formats).values("dataset_id")
        )
    return datasets


def facet_counts(
    datasets: QuerySet,
    *,
    fields,
    publishers: dict,
    limit: int = 50,
    mincount: int = 1,
) -> dict[str, list[FacetItem]]:
    """Counts of the matching datasets by each of ``fields``, largest first.

    Each facet is one ``GROUP BY``. Publisher, topic and licence each have an
    index that starts with the language (``dataset_*_idx``), so that without a
    text query each count is read from the index alone, already in order;
    formats are counted from the resources' ``(dataset, format)`` index.
    """
    themes = dict(DataTheme.choices)
    licences = dict(Licence.choices)
    datasets = datasets.order_by()
    facets = {}
    for name in fields:
        if name not in FACET_FIELDS:
            raise SearchQueryError(f"Cannot facet on {name!r}")
        counts: Counter = Counter()
        labels: dict[str, str] = {}
        if name == "organization":
            for row in datasets.values("agency_key").annotate(n=Count("*")):
                agency = publishers.get(row["agency_key"])
                if agency is not None:
                    counts[agency.name] += row["n"]
                    labels[agency.name] = agency.title
        elif name == "groups":
            for row in datasets.values("theme").annotate(n=Count("*")):
                counts[row["theme"]] = row["n"]
                labels[row["theme"]] = str(themes.get(row["theme"], row["theme"]))
        elif name == "license_id":
            for row in datasets.values("licence").annotate(n=Count("*")):
                counts[row["licence"]] = row["n"]
                labels[row["licence"]] = licences.get(row["licence"], row["licence"])
        elif name == "res_format":
            rows = (
                Resource.objects.filter(dataset__in=datasets.values("pk"))
                .order_by()
                .values("format")
                .annotate(n=Count("dataset_id", distinct=True))
            )
            for row in rows:
                counts[row["format"]] = row["n"]
                labels[row["format"]] = row["format"]
        else:
            for keywords in datasets.values_list("keywords", flat=True):
                counts.update(split_keywords(keywords))
        items = [
            FacetItem(value, labels.get(value, value), count)
            for value, count in counts.items()
            if count >= mincount
        ]
        items.sort(key=lambda item: (-item.count, item.display_name.casefold()))
        facets[name] = items[:limit] if limit >= 0 else items
    return facets


def dataset_search(
    *,
    locale: Locale,
    publishers: dict,
    q: str = "",
    filters: dict[str, list[str]] | None = None,
    sort: str = "",
    start: int = 0,
    rows: int = 10,
    facet_fields=(),
    facet_limit: int = 50,
    facet_mincount: int = 1,
) -> SearchResult:
    """One page of matching datasets (with their resources), the total, facets."""
    text, in_query = split_query(q)
    merged = {**(filters or {})}
    for name, values in in_query.items():
        merged[name] = [*merged.get(name, []), *values]
    datasets = filtered(locale=locale, q=text, filters=merged, publishers=publishers)
    order = parse_sort(sort)
    count = datasets.count()
    page = []
    if rows > 0 and start < count:
        page = list(
            datasets.order_by(*order).prefetch_related("resources")[
                start : start + rows
            ]
        )
    facets = facet_counts(
        datasets,
        fields=facet_fields,
        publishers=publishers,
        limit=facet_limit,
        mincount=facet_mincount,
    )
    return SearchResult(count=count, datasets=page, facets=facets)
