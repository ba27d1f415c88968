"""Running a search: candidates, ranking, facets, "did you mean", one page of hits.

The cost is bounded whatever the size of the index: the engine returns at most
``SEARCH_CANDIDATES`` dated entries (the newest that match) plus a quarter as many
evergreen ones (agencies, helplines, answers, pages), each with its score; facets are
counted and hits ranked over those candidates only, and only the page shown is read
in full. When more entries match than are ranked, the page says so and the facets
help narrow the search down.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from .documents import KIND_ORDER
from .engines import Candidate, Filters, get_engine
from .highlight import highlight, snippet
from .models import DATED_TIER, EVERGREEN_TIER, SearchEntry, SearchTerm, tier_bounds
from .text import Alternative, Clause, Query, family, parse

PER_PAGE = 20
FAMILIES = ("uz", "kaa", "ru", "en")
KIND_LABELS = {
    "news": _("News"),
    "announcement": _("Announcements"),
    "agency": _("Agencies"),
    "helpline": _("Helplines"),
    "faq": _("Questions and answers"),
    "page": _("Pages"),
}


@dataclass
class Hit:
    title: str
    url: str
    kind: str
    kind_label: str
    date: object
    language: str
    title_html: str
    snippet_html: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool
    url: str = ""


@dataclass
class Facet:
    name: str
    label: str
    values: list[FacetValue]


@dataclass
class Results:
    query: Query
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    number: int = 1
    pages: int = 0
    facets: list[Facet] = field(default_factory=list)
    corrected: str = ""

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


def _candidates(query: Query, filters: Filters) -> tuple[list[Candidate], bool]:
    """Scored candidates of both tiers, and whether either tier had more."""
    engine = get_engine()
    limit = settings.SEARCH_CANDIDATES
    evergreen_limit = max(limit // 4, 1)
    evergreen = engine.candidates(
        query, filters, tier_bounds(EVERGREEN_TIER), evergreen_limit
    )
    dated = engine.candidates(query, filters, tier_bounds(DATED_TIER), limit)
    capped = len(evergreen) >= evergreen_limit or len(dated) >= limit
    return evergreen + dated, capped


def _corrected(query: Query) -> Query | None:
    """The query with unknown words replaced by the nearest words in the index."""
    engine = get_engine()
    single = [a.whole for c in query.clauses for a in c.alternatives]
    terms = SearchTerm.objects.filter(term__in=single)
    known = set(terms.values_list("term", flat=True))
    changed = False
    clauses, shown = [], []
    for clause in query.clauses:
        alternatives, text = list(clause.alternatives), clause.text
        for alternative in clause.alternatives:
            word = alternative.whole
            if len(alternative.tokens) > 1 or word in known or len(word) < 4:
                continue
            similar = engine.similar_terms(word, 20)
            best = sorted(similar, key=lambda term: -_similarity(word, term))[:2]
            best = [term for term in best if _similarity(word, term) >= 0.4]
            if best:
                changed = True
                alternatives, text = [Alternative((term,)) for term in best], best[0]
                break
        clauses.append(Clause(text, tuple(alternatives)))
        shown.append(text)
    if not changed:
        return None
    return Query(" ".join(shown), tuple(clauses))


def _similarity(a: str, b: str) -> float:
    """Trigram similarity, as pg_trgm computes it."""

    def grams(word: str) -> set[str]:
        padded = f"  {word} "
        return {padded[i : i + 3] for i in range(len(padded) - 2)}

    first, second = grams(a), grams(b)
    return len(first & second) / len(first | second)


def _facets(rows: list[Candidate], filters: Filters) -> list[Facet]:
    counts: dict[str, dict] = {"kind": {}, "agency": {}, "category": {}, "year": {}}
    for _key, _score, kind, agency_id, category_id, date in rows:
        counts["kind"][kind] = counts["kind"].get(kind, 0) + 1
        if agency_id:
            counts["agency"][agency_id] = counts["agency"].get(agency_id, 0) + 1
        if category_id:
            counts["category"][category_id] = counts["category"].get(category_id, 0) + 1
        if date:
            counts["year"][date.year] = counts["year"].get(date.year, 0) + 1
    from govportal.news.models import NewsCategory

    agency_names = dict(
        Page.objects.filter(id__in=counts["agency"]).values_list("id", "title")
    )
    category_names = dict(
        NewsCategory.objects.filter(id__in=counts["category"]).values_list("id", "name")
    )
    selected = {
        "kind": filters.kind,
        "agency": filters.agency_id,
        "category": filters.category_id,
        "year": filters.year,
    }

    def values(name, labels, order):
        return [
            FacetValue(
                str(v), str(labels.get(v, v)), counts[name][v], v == selected[name]
            )
            for v in order
            if v in labels or name == "year"
        ]

    kinds = [k for k in KIND_ORDER if k in counts["kind"]]
    by_count = lambda name: sorted(counts[name], key=lambda v: -counts[name][v])  # noqa: E731
    return [
        facet
        for facet in (
            Facet("kind", str(_("Type")), values("kind", KIND_LABELS, kinds)),
            Facet(
                "agency",
                str(_("Agency")),
                values("agency", agency_names, by_count("agency")[:15]),
            ),
            Facet(
                "category",
                str(_("Category")),
                values("category", category_names, by_count("category")),
            ),
            Facet(
                "year",
                str(_("Year")),
                values("year", {}, sorted(counts["year"], reverse=True)),
            ),
        )
        if facet.values
    ]


def run(
    request: HttpRequest,
    raw_query: str,
    *,
    language: str,
    all_languages: bool = False,
    filters: Filters | None = None,
    sort: str = "relevance",
    number: int = 1,
) -> Results:
    """Search, and read the page ``number`` of hits."""
    filters = filters or Filters()
    filters = replace(filters, language=None if all_languages else language)
    families = FAMILIES if all_languages else (family(language),)
    query = parse(raw_query, families)
    results = Results(query=query, number=number)
    if not query:
        return results
    found, capped = _candidates(query, filters)
    if not found:
        corrected = _corrected(query)
        if corrected is not None:
            found, capped = _candidates(corrected, filters)
            if found:
                results.corrected = corrected.text
                results.query = query = corrected
    if not found:
        return results

    if sort == "date":
        found.sort(key=lambda c: (c.date is not None, c.date, c.key), reverse=True)
    else:
        found.sort(key=lambda c: (c.score, c.key), reverse=True)
    results.capped = capped
    results.total = len(found)
    results.pages = (len(found) + PER_PAGE - 1) // PER_PAGE
    results.facets = _facets(found, filters)
    shown = [c.key for c in found[(number - 1) * PER_PAGE : number * PER_PAGE]]
    results.hits = _hits(request, shown, query)
    return results


def _page_urls(request: HttpRequest, entries) -> dict[int, str]:
    """Page URLs from ``url_path`` alone, as Wagtail builds them, in one query."""
    paths = dict(
        Page.objects.filter(id__in={e.page_id for e in entries}).values_list(
            "id", "url_path"
        )
    )
    roots = Site.get_site_root_paths()
    urls = {}
    for entry in entries:
        url_path = paths.get(entry.page_id)
        if url_path is None:
            continue  # deleted since it was indexed
        for root in roots:
            if url_path.startswith(root.root_path):
                with translation.override(entry.language):
                    urls[entry.page_id] = reverse(
                        "wagtail_serve", args=(url_path[len(root.root_path) :],)
                    )
                break
    return urls


def _hits(request: HttpRequest, keys: list[int], query: Query) -> list[Hit]:
    entries = SearchEntry.objects.in_bulk(keys)
    urls = _page_urls(request, entries.values())
    hits = []
    for key in keys:
        entry = entries.get(key)
        url = urls.get(entry.page_id) if entry else None
        if not url:
            continue  # deleted or unrouteable since it was indexed
        if entry.fragment:
            url += "#" + entry.fragment
        fam = family(entry.language)
        hits.append(
            Hit(
                title=entry.title,
                url=url,
                kind=entry.kind,
                kind_label=str(KIND_LABELS.get(entry.kind, entry.kind)),
                date=entry.date,
                language=entry.language,
                title_html=highlight(entry.title, query, fam),
                snippet_html=snippet(entry.body, query, fam),
            )
        )
    return hits


def suggest(request: HttpRequest, raw: str, *, language: str, count: int = 8) -> list:
    """Titles in the current language that start like what has been typed."""
    query = parse(raw, (family(language),))
    if not query:
        return []
    last = query.clauses[-1]
    prefixed = Clause(
        last.text, tuple(Alternative(a.tokens, prefix=True) for a in last.alternatives)
    )
    query = Query(query.text, (*query.clauses[:-1], prefixed))
    found = get_engine().candidates(
        query,
        Filters(language=language),
        (0, tier_bounds(EVERGREEN_TIER)[1]),
        count * 5,
        title_only=True,
    )
    found.sort(key=lambda c: (c.score, c.key), reverse=True)
    return [
        {"title": hit.title, "url": hit.url, "type": hit.kind_label}
        for hit in _hits(request, [c.key for c in found[:count]], query)
    ]
