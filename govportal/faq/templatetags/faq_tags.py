"""``{% load faq_tags %}{% faq_widget %}``: the most asked questions, for home."""

from django import template
from django.utils.translation import get_language

from govportal.core.jsonld import json_ld_script

from ..models import FaqPage, most_asked

register = template.Library()

WIDGET_SIZE = 5


@register.inclusion_tag("faq/widget.html", takes_context=True)
def faq_widget(context, limit: int = WIDGET_SIZE):
    """The most asked questions of the current language, each opening in place."""
    language = get_language()
    questions = most_asked(language, limit=limit)
    faq_page = None
    if questions:
        faq_page = (
            FaqPage.objects.live()
            .filter(locale__language_code=language)
            .only("id", "url_path", "path", "depth")
            .first()
        )
    request = context.get("request")
    return {
        "questions": questions,
        "faq_url": faq_page.get_url(request) if faq_page else "",
    }


@register.filter
def json_ld(data: dict):
    """``{{ data|json_ld }}``: a schema.org script element, escaped for HTML."""
    return json_ld_script(data) if data else ""
