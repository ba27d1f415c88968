"""Documents are served so that none of them can run as a page of the portal."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from . import samples


@pytest.fixture
def document(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)

    def make(name: str, data: bytes):
        return get_document_model().objects.create(
            title=name, file=ContentFile(data, name=name)
        )

    return make


def _get(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return response, body


def test_a_pdf_shows_in_the_browser_without_running_anything(client, document):
    response, body = _get(client, document("report.pdf", samples.pdf()))
    assert body == samples.pdf()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; frame-ancestors 'none'"
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_plain_text_shows_in_the_browser_sandboxed_and_in_utf8(client, document):
    response, _body = _get(client, document("readme.txt", "Oʻzbekiston".encode()))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; frame-ancestors 'none'; sandbox"
    )
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("data.csv", "text/csv; charset=utf-8"),
        ("data.json", "application/json"),
        ("report.docx", "application/vnd.openxmlformats"),
        ("budget.xlsx", "application/vnd.openxmlformats"),
        ("report.odt", "application/vnd.oasis.opendocument.text"),
        ("budget.ods", "application/vnd.oasis.opendocument.spreadsheet"),
    ],
)
def test_other_documents_download(client, document, name, content_type):
    response, _body = _get(client, document(name, samples.GOOD_DOCUMENTS[name]))
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].endswith("; sandbox")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name", ["page.html", "page.htm", "vector.svg", "app.js", "page.xhtml", "x.xml"]
)
def test_html_svg_and_scripts_stored_before_the_checks_only_download(
    client, document, name
):
    """A row from before the checks, or written by code: never shown inline."""
    response, _body = _get(client, document(name, b"<script>alert(1)</script>"))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"].endswith("; sandbox")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_media_files_are_not_served_by_the_application(client, document):
    document("report.pdf", samples.pdf())
    assert client.get("/media/documents/report.pdf").status_code == 404
