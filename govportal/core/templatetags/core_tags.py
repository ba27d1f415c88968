"""Template tags every page uses: ``lang``, the language links, dates."""

from django import template

from ..alternates import build_alternates
from ..dates import date_format, datetime_format
from ..languages import bcp47_tag
from ..lowvision import from_request
from ..menus import menu_sections

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


@register.simple_tag(takes_context=True)
def lowvision_settings(context):
    """The reader's low-vision settings (``lowvision.LowVision``), from the cookie."""
    return from_request(context.get("request"))


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
    code = context.get("LANGUAGE_CODE")
    page = context.get("page")
    sections = [] if context.get("is_error_page") else menu_sections(code)
    current_path = getattr(page, "path", "")
    return {
        "items": [
            {**section, "is_current": current_path.startswith(section["path"])}
            for section in sections
        ],
        "home_url": f"/{code}/",
        "home_is_current": getattr(page, "depth", None) == 2,
    }
