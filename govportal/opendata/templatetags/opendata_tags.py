"""Template helpers of the catalogue pages."""

from django import template
from django.template.defaultfilters import filesizeformat

from govportal.core.jsonld import json_ld_script

register = template.Library()


@register.filter
def json_ld(data: dict):
    """``{{ structured_data|json_ld }}``: a JSON-LD script element."""
    return json_ld_script(data)


@register.filter
def file_size(size: int | None) -> str:
    """A size in bytes for people (``12.3 KB``), or nothing when unknown."""
    return filesizeformat(size) if size is not None else ""
