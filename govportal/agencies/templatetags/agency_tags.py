"""Template filters of the agency pages."""

from django import template

from govportal.core.jsonld import json_ld_script

register = template.Library()


@register.filter
def json_ld(data: dict):
    """``{{ data|json_ld }}``: a schema.org script element, escaped for HTML."""
    return json_ld_script(data) if data else ""
