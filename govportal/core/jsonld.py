"""schema.org data as ``<script type="application/ld+json">``.

The strict Content-Security-Policy allows it, since browsers do not execute it. The
JSON is escaped like Django's ``json_script``, so that no text in it can close the
element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_script(data: dict) -> SafeString:
    """Render ``data`` as a JSON-LD script element, safe to put in HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        ESCAPES
    )
    # Escaped above, like Django's json_script.
    safe_text = mark_safe(text)  # noqa: S308
    return format_html('<script type="application/ld+json">{}</script>', safe_text)
