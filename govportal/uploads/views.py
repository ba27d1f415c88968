"""Documents served with headers that keep their content from running as a page."""

from django.http import HttpRequest, HttpResponse
from wagtail.documents.views.serve import serve as wagtail_serve

# No scripts, styles, plugins, frames or requests of its own, and no embedding.
DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'"
# A sandbox makes the document a page of its own unique origin, without scripts
# or forms. Firefox's PDF viewer, and Chromium's inside a frame, refuse to run in
# one, so PDFs, which are shown inline, go without it (the PDF viewers run no
# script of the portal's origin anyway).
SANDBOXED_POLICY = f"{DOCUMENT_POLICY}; sandbox"


def serve_document(
    request: HttpRequest, document_id: str, document_filename: str
) -> HttpResponse:
    """Wagtail's document view, with a stricter policy on the file it sends.

    Which types show in the browser and which download is decided by
    ``WAGTAILDOCS_INLINE_CONTENT_TYPES`` (PDF and plain text); everything else is
    ``Content-Disposition: attachment``. Other answers of the view (a password
    form for a private collection, a redirect to the login) are left alone.
    """
    response = wagtail_serve(request, document_id, document_filename)
    if response.streaming or response.status_code == 304:
        disposition = response.get("Content-Disposition", "")
        content_type = response.get("Content-Type", "")
        inline_pdf = disposition.startswith("inline") and content_type.startswith(
            "application/pdf"
        )
        response["Content-Security-Policy"] = (
            DOCUMENT_POLICY if inline_pdf else SANDBOXED_POLICY
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cross-Origin-Resource-Policy"] = "same-origin"
    return response
