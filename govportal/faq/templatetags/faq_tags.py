"""``{% load faq_tags %}{% faq_widget %}``: the most asked questions, for home."""

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.rich_text import expand_db_html

from govportal.core.jsonld import json_ld_script
from govportal.pagecache import tags
from govportal.pagecache.fragments import fragment

from ..models import FaqPage, most_asked

register = template.Library()

WIDGET_SIZE = 5


def rich_html(value: str) -> str:
    """Rich text as the page shows it: Wagtail's links and embeds expanded."""
    return mark_safe(expand_db_html(value))  # noqa: S308 - Wagtail's rich text


@register.inclusion_tag("faq/widget.html")
def faq_widget(limit: int = WIDGET_SIZE):
    """The most asked questions of the current language, each opening in place."""
    language = get_language()
    return fragment(
        "faq-widget", language, limit, build=lambda: _widget(language, limit)
    )


def _widget(language: str, limit: int) -> tuple[dict, set[str]]:
    questions = most_asked(language, limit=limit)
    shown = {tags.model("faq.question"), tags.model("faq.faqcategory")}
    faq_page = None
    if questions:
        faq_page = (
            FaqPage.objects.live()
            .filter(locale__language_code=language)
            .only("id", "url_path", "path", "depth", "locale_id")
            .first()
        )
    if faq_page is not None:
        shown.add(tags.page_type("faq.faqpage", faq_page.locale_id))
    widget = {
        "questions": [
            {
                "question": question.question,
                "answer": rich_html(question.answer),
            }
            for question in questions
        ],
        "faq_url": faq_page.get_url() if faq_page else "",
    }
    return widget, shown


@register.filter
def json_ld(data: dict):
    """``{{ data|json_ld }}``: a schema.org script element, escaped for HTML."""
    return json_ld_script(data) if data else ""
