"""schema.org data as ``<script type="application/ld+json">``, and JSON for HTTP.

The strict Content-Security-Policy allows it, since browsers do not execute it. The
JSON is escaped like Django's ``json_script``, so that no text in it can close the
element. ``HtmlSafeJSONEncoder`` escapes JSON bodies the same way, so that text
echoed from a request never comes back as markup, whatever reads the body.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


class HtmlSafeJSONEncoder(DjangoJSONEncoder):
    """``DjangoJSONEncoder`` writing ``<``, ``>`` and ``&`` as ``\\u`` escapes.

    The JSON means the same; only a reader that mistakes it for HTML sees a
    difference: no tag.
    """

    def encode(self, o) -> str:
        return super().encode(o).translate(ESCAPES)


def json_ld_script(data: dict) -> SafeString:
    """Render ``data`` as a JSON-LD script element, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        ESCAPES
    )
    safe_text = mark_safe(text)  # noqa: S308 - escaped above, like json_script
    return format_html('<script type="application/ld+json">{}</script>', safe_text)
