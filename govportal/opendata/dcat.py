"""The catalogue in DCAT-AP, as JSON-LD and Turtle.

``/api/dcat/catalog.{jsonld,ttl}`` describes the catalogue and its datasets, 100 a
page (``?page=``, with hydra paging as ckanext-dcat writes it);
``/api/dcat/dataset/<name>.{jsonld,ttl}`` describes one dataset, which is also the
dataset's URI. Texts carry a language tag for each of the portal's languages;
themes, frequencies, file types and languages use the EU vocabularies that DCAT-AP
prescribes. The graph is built with rdflib, and each answer is cached until a
dataset changes.
"""

import hashlib
import math
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from govportal.agencies.models import AgencyPage
from govportal.api.http import finish
from govportal.core.languages import bcp47_tag
from govportal.core.throttle import throttle

from .models import (
    FREQUENCY_CODES,
    LICENCE_URLS,
    MEDIA_TYPES,
    DataCatalogPage,
    Dataset,
    split_keywords,
)
from .views import file_url

SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
HYDRA = Namespace("http://www.w3.org/ns/hydra/core#")
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
EU_LANGUAGES = {"uz": "UZB", "kaa": "KAA", "ru": "RUS", "en": "ENG"}
PAGE_SIZE = 100
FORMATS = {
    "ttl": ("turtle", "text/turtle"),
    "jsonld": ("json-ld", "application/ld+json"),
}
CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "skos": str(SKOS),
    "spdx": str(SPDX),
    "hydra": str(HYDRA),
    "xsd": str(XSD),
}


def _graph() -> Graph:
    graph = Graph()
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace)
    return graph


def _version() -> str:
    """Changes whenever a dataset is added, changed or removed."""
    facts = Dataset.objects.aggregate(latest=Max("modified"), count=Count("id"))
    return f"{facts['latest']}:{facts['count']}"


def _texts(graph, subject, predicate, values: dict[str, str]) -> None:
    for code, text in values.items():
        if text:
            graph.add((subject, predicate, Literal(text, lang=bcp47_tag(code))))


class Describer:
    """Adds datasets to a graph, with every language version of their texts."""

    def __init__(self, request: HttpRequest, graph: Graph):
        self.request = request
        self.graph = graph
        self.catalogues = {
            page.locale.language_code: page.get_url(request) or ""
            for page in DataCatalogPage.objects.live().select_related("locale")
        }

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def dataset_uri(self, name: str) -> URIRef:
        return URIRef(self.absolute(reverse("dcat_dataset_uri", args=[name])))

    def describe(self, keys: list[uuid.UUID]) -> list[URIRef]:
        rows = (
            Dataset.objects.filter(translation_key__in=keys)
            .select_related("locale")
            .prefetch_related("resources__locale")
            .order_by("name", "locale_id")
        )
        versions = defaultdict(dict)
        for row in rows:
            versions[row.translation_key][row.locale.language_code] = row
        agencies = self.agencies(
            {row.agency_key for rows in versions.values() for row in rows.values()}
        )
        subjects = []
        for key in keys:
            if key in versions:
                subjects.append(self.dataset(versions[key], agencies))
        return subjects

    def agencies(self, keys) -> dict:
        found = defaultdict(dict)
        for agency in (
            AgencyPage.objects.live()
            .filter(translation_key__in=[key for key in keys if key])
            .select_related("locale")
            .only(
                "id",
                "title",
                "translation_key",
                "url_path",
                "path",
                "depth",
                "locale__language_code",
            )
        ):
            found[agency.translation_key][agency.locale.language_code] = agency
        return found

    def dataset(self, by_language: dict, agencies: dict) -> URIRef:
        graph = self.graph
        main = by_language.get(settings.LANGUAGE_CODE) or next(
            iter(by_language.values())
        )
        subject = self.dataset_uri(main.name)
        graph.add((subject, RDF.type, DCAT.Dataset))
        graph.add((subject, DCTERMS.identifier, Literal(str(main.translation_key))))
        _texts(
            graph, subject, DCTERMS.title, {c: d.title for c, d in by_language.items()}
        )
        _texts(
            graph,
            subject,
            DCTERMS.description,
            {c: d.notes for c, d in by_language.items()},
        )
        for code, version in by_language.items():
            for keyword in split_keywords(version.keywords):
                graph.add(
                    (subject, DCAT.keyword, Literal(keyword, lang=bcp47_tag(code)))
                )
            base = self.catalogues.get(code)
            if base:
                graph.add(
                    (
                        subject,
                        DCAT.landingPage,
                        URIRef(self.absolute(f"{base}{main.name}/")),
                    )
                )
        graph.add((subject, DCAT.theme, URIRef(f"{EU}data-theme/{main.theme.upper()}")))
        graph.add(
            (
                subject,
                DCTERMS.accrualPeriodicity,
                URIRef(f"{EU}frequency/{FREQUENCY_CODES[main.frequency]}"),
            )
        )
        graph.add((subject, DCTERMS.issued, Literal(main.issued, datatype=XSD.date)))
        graph.add(
            (subject, DCTERMS.modified, Literal(main.modified, datatype=XSD.dateTime))
        )
        for code in by_language:
            if code in EU_LANGUAGES:
                graph.add(
                    (
                        subject,
                        DCTERMS.language,
                        URIRef(f"{EU}language/{EU_LANGUAGES[code]}"),
                    )
                )
        graph.add((subject, DCTERMS.spatial, URIRef(f"{EU}country/UZB")))
        if main.spatial:
            place = BNode()
            graph.add((subject, DCTERMS.spatial, place))
            graph.add((place, RDF.type, DCTERMS.Location))
            graph.add((place, DCTERMS.identifier, Literal(f"UZ-{main.spatial}")))
        if main.temporal_start or main.temporal_end:
            period = BNode()
            graph.add((subject, DCTERMS.temporal, period))
            graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
            if main.temporal_start:
                graph.add(
                    (
                        period,
                        DCAT.startDate,
                        Literal(main.temporal_start, datatype=XSD.date),
                    )
                )
            if main.temporal_end:
                graph.add(
                    (
                        period,
                        DCAT.endDate,
                        Literal(main.temporal_end, datatype=XSD.date),
                    )
                )
        publisher = agencies.get(main.agency_key)
        if publisher:
            first = publisher.get(settings.LANGUAGE_CODE) or next(
                iter(publisher.values())
            )
            agent = URIRef(self.absolute(first.get_url(self.request) or "/"))
            graph.add((subject, DCTERMS.publisher, agent))
            graph.add((agent, RDF.type, FOAF.Agent))
            _texts(graph, agent, FOAF.name, {c: a.title for c, a in publisher.items()})
        if main.contact_email or main.contact_name:
            contact = BNode()
            graph.add((subject, DCAT.contactPoint, contact))
            graph.add((contact, RDF.type, VCARD.Organization))
            graph.add((contact, VCARD.fn, Literal(main.contact_name or main.title)))
            if main.contact_email:
                graph.add(
                    (contact, VCARD.hasEmail, URIRef(f"mailto:{main.contact_email}"))
                )
        self.distributions(subject, by_language, main)
        return subject

    def distributions(self, subject, by_language: dict, main) -> None:
        graph = self.graph
        names = defaultdict(dict)
        for code, version in by_language.items():
            for resource in version.resources.all():
                names[resource.translation_key][code] = resource
        for resource in main.resources.all():
            node = URIRef(f"{subject}#{resource.translation_key}")
            graph.add((subject, DCAT.distribution, node))
            graph.add((node, RDF.type, DCAT.Distribution))
            graph.add(
                (node, DCTERMS.identifier, Literal(str(resource.translation_key)))
            )
            translations = names[resource.translation_key]
            _texts(
                graph, node, DCTERMS.title, {c: r.name for c, r in translations.items()}
            )
            _texts(
                graph,
                node,
                DCTERMS.description,
                {c: r.description for c, r in translations.items()},
            )
            url = URIRef(self.absolute(file_url(resource)))
            graph.add((node, DCAT.accessURL, url))
            if resource.file:
                graph.add((node, DCAT.downloadURL, url))
            graph.add(
                (node, DCTERMS.format, URIRef(f"{EU}file-type/{resource.format}"))
            )
            if resource.format in MEDIA_TYPES:
                graph.add(
                    (
                        node,
                        DCAT.mediaType,
                        URIRef(f"{IANA}{MEDIA_TYPES[resource.format]}"),
                    )
                )
            graph.add((node, DCTERMS.license, URIRef(LICENCE_URLS[main.licence])))
            graph.add(
                (
                    node,
                    DCTERMS.modified,
                    Literal(resource.modified, datatype=XSD.dateTime),
                )
            )
            if resource.size is not None:
                graph.add(
                    (
                        node,
                        DCAT.byteSize,
                        Literal(resource.size, datatype=XSD.nonNegativeInteger),
                    )
                )
            if resource.checksum:
                checksum = BNode()
                graph.add((node, SPDX.checksum, checksum))
                graph.add((checksum, RDF.type, SPDX.Checksum))
                graph.add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
                graph.add(
                    (
                        checksum,
                        SPDX.checksumValue,
                        Literal(resource.checksum, datatype=XSD.hexBinary),
                    )
                )


def catalogue_graph(request: HttpRequest, page: int) -> Graph:
    """One page of the catalogue: the catalogue itself and 100 datasets."""
    graph = _graph()
    describer = Describer(request, graph)
    keys = list(
        Dataset.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("name")
        .values_list("translation_key", flat=True)
    )
    pages = max(1, math.ceil(len(keys) / PAGE_SIZE))
    if page > pages:
        raise Http404("No such page")
    # The catalogue's URI is its description's address without the extension.
    ttl = request.build_absolute_uri(reverse("dcat_catalogue", args=["ttl"]))
    catalogue = URIRef(ttl.removesuffix(".ttl"))
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    titles = {
        catalogue_page.locale.language_code: catalogue_page.title
        for catalogue_page in DataCatalogPage.objects.live().select_related("locale")
    }
    _texts(graph, catalogue, DCTERMS.title, titles)
    _texts(
        graph,
        catalogue,
        DCTERMS.description,
        dict.fromkeys(titles, str(settings.WAGTAIL_SITE_NAME)),
    )
    graph.add((catalogue, FOAF.homepage, URIRef(request.build_absolute_uri("/"))))
    for code in EU_LANGUAGES.values():
        graph.add((catalogue, DCTERMS.language, URIRef(f"{EU}language/{code}")))
    for subject in describer.describe(keys[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]):
        graph.add((catalogue, DCAT.dataset, subject))
    if pages > 1:
        base = request.build_absolute_uri(request.path)
        graph.add((catalogue, RDF.type, HYDRA.PagedCollection))
        graph.add((catalogue, HYDRA.totalItems, Literal(len(keys))))
        graph.add((catalogue, HYDRA.itemsPerPage, Literal(PAGE_SIZE)))
        graph.add((catalogue, HYDRA.firstPage, Literal(f"{base}?page=1")))
        graph.add((catalogue, HYDRA.lastPage, Literal(f"{base}?page={pages}")))
        if page < pages:
            graph.add((catalogue, HYDRA.nextPage, Literal(f"{base}?page={page + 1}")))
        if page > 1:
            graph.add(
                (catalogue, HYDRA.previousPage, Literal(f"{base}?page={page - 1}"))
            )
    return graph


def _serialize(graph: Graph, fmt: str) -> bytes:
    name, _media_type = FORMATS[fmt]
    if name == "json-ld":
        return graph.serialize(format="json-ld", context=CONTEXT, indent=1).encode()
    return graph.serialize(format="turtle").encode()


def _answer(request: HttpRequest, fmt: str, key: str, build) -> HttpResponse:
    cache_key = (
        "opendata:dcat:"
        + hashlib.sha256(
            f"{request.get_host()}:{key}:{fmt}:{_version()}".encode()
        ).hexdigest()
    )
    body = cache.get(cache_key)
    if body is None:
        body = _serialize(build(), fmt)
        cache.set(cache_key, body, 3600)
    response = HttpResponse(body, content_type=f"{FORMATS[fmt][1]}; charset=utf-8")
    return finish(request, response, max_age=300)


@throttle("api")
def catalogue_view(request: HttpRequest, fmt: str) -> HttpResponse:
    """The DCAT catalogue, one page of 100 datasets."""
    try:
        page = max(1, int(request.GET.get("page", "1")))
    except ValueError:
        page = 1
    return _answer(
        request, fmt, f"catalogue:{page}", lambda: catalogue_graph(request, page)
    )


@throttle("api")
def dataset_view(request: HttpRequest, name: str, fmt: str = "jsonld") -> HttpResponse:
    """One dataset in DCAT; without an extension, JSON-LD."""
    key = (
        Dataset.objects.filter(name=name)
        .values_list("translation_key", flat=True)
        .first()
    )
    if key is None:
        raise Http404("No such dataset")

    def build():
        graph = _graph()
        Describer(request, graph).describe([key])
        return graph

    return _answer(request, fmt, f"dataset:{name}", build)
