"""The catalogue in DCAT-AP, read back with rdflib."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DCAT, DCTERMS, RDF

SPDX_CHECKSUM = URIRef("http://spdx.org/rdf/terms#checksum")


def _graph(client, url: str, fmt: str) -> Graph:
    response = client.get(url)
    assert response.status_code == 200, url
    graph = Graph()
    graph.parse(data=response.content.decode(), format=fmt)
    return graph


@pytest.mark.parametrize(
    ("extension", "fmt", "media_type"),
    [("ttl", "turtle", "text/turtle"), ("jsonld", "json-ld", "application/ld+json")],
)
def test_the_catalogue_parses_as_dcat(client, demo, extension, fmt, media_type):
    response = client.get(f"/api/dcat/catalog.{extension}")
    assert response["Content-Type"].startswith(media_type)
    graph = _graph(client, f"/api/dcat/catalog.{extension}", fmt)
    catalogues = list(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(catalogues) == 1
    datasets = set(graph.objects(catalogues[0], DCAT.dataset))
    assert len(datasets) == 16
    assert set(graph.subjects(RDF.type, DCAT.Dataset)) == datasets
    dataset = URIRef("http://127.0.0.1/api/dcat/dataset/gdp-by-quarter")
    titles = {
        title.language: str(title) for title in graph.objects(dataset, DCTERMS.title)
    }
    assert titles["en"] == "Gross domestic product by quarter"
    assert titles["uz-Cyrl"].startswith("Ялпи")
    assert len(titles) == 6
    themes = set(graph.objects(dataset, DCAT.theme))
    assert themes == {
        URIRef("http://publications.europa.eu/resource/authority/data-theme/ECON")
    }
    distributions = list(graph.objects(dataset, DCAT.distribution))
    assert len(distributions) == 2
    for distribution in distributions:
        assert graph.value(distribution, DCAT.downloadURL) is not None
        assert graph.value(distribution, DCTERMS.license) is not None
        assert graph.value(distribution, DCAT.byteSize).toPython() > 0
        assert graph.value(distribution, SPDX_CHECKSUM) is not None
    assert graph.value(dataset, DCTERMS.publisher) is not None


def test_one_dataset_is_described_at_its_uri(client, demo):
    graph = _graph(client, "/api/dcat/dataset/air-quality-tashkent", "json-ld")
    assert len(set(graph.subjects(RDF.type, DCAT.Dataset))) == 1
    turtle = _graph(client, "/api/dcat/dataset/air-quality-tashkent.ttl", "turtle")
    assert len(turtle) == len(graph)
    assert client.get("/api/dcat/dataset/nothing-here.ttl").status_code == 404


def test_the_catalogue_is_paged_like_ckanext_dcat(client, demo, monkeypatch):
    from govportal.opendata import dcat

    monkeypatch.setattr(dcat, "PAGE_SIZE", 10)
    graph = _graph(client, "/api/dcat/catalog.ttl?page=2", "turtle")
    catalogue = next(graph.subjects(RDF.type, DCAT.Catalog))
    assert len(set(graph.objects(catalogue, DCAT.dataset))) == 6
    hydra = "http://www.w3.org/ns/hydra/core#"
    assert graph.value(catalogue, URIRef(f"{hydra}totalItems")).toPython() == 16
    assert client.get("/api/dcat/catalog.ttl?page=3").status_code == 404
