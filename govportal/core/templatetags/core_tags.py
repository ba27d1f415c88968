"""Template tags every page uses: ``lang``, the language links, dates."""

from django import template

from ..alternates import build_alternates
from ..dates import date_format, datetime_format
from ..languages import bcp47_tag

register = template.Library()


@register.simple_tag
def html_lang(code: str | None = None) -> str:
    """BCP 47 tag of the active language (or of ``code``), for ``lang`` attributes."""
    return bcp47_tag(code)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """Switcher links and ``hreflang`` set for the page being rendered."""
    return build_alternates(
        context.get("request"),
        page=context.get("page"),
        error_page=bool(context.get("is_error_page")),
    )


@register.filter
def localdate(value, style: str = "long") -> str:
    """A date in the page's language: ``{{ page.date|localdate:"long" }}``."""
    return date_format(value, style=style) if value else ""


@register.filter
def localdatetime(value, style: str = "medium") -> str:
    """A date and time in the page's language and the portal's time zone."""
    return datetime_format(value, style=style) if value else ""


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_menu(context):
    """The sections marked "show in menus" directly under the language's home page."""
    from wagtail.models import Page

    request = context.get("request")
    page = context.get("page")
    code = context.get("LANGUAGE_CODE")
    items = []
    if not context.get("is_error_page"):
        sections = (
            Page.objects.live()
            .in_menu()
            .filter(depth=3, locale__language_code=code)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "locale_id")
        )
        current_path = getattr(page, "path", "")
        items = [
            {
                "title": section.title,
                "url": section.get_url(request),
                "is_current": current_path.startswith(section.path),
            }
            for section in sections
        ]
    return {
        "items": items,
        "home_url": f"/{code}/",
        "home_is_current": getattr(page, "depth", None) == 2,
    }
