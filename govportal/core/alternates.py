"""Links between the language versions of a page: the switcher and ``hreflang``.

A Wagtail page links to its live translations; a language without one gets that
language's home page in the switcher and no ``hreflang`` entry. A route inside a
routable page (a dataset, a news archive) keeps its route in every language. Other
views exist in every language, so Django's ``translate_url`` gives their counterparts.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language, override

from govportal.pagecache import tags
from govportal.pagecache.fragments import fragment

from .languages import bcp47_tag, language_codes


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    code: str
    name: str
    tag: str
    url: str
    is_current: bool
    is_translation: bool


@dataclass(frozen=True)
class Alternates:
    """The switcher's links and the page's ``hreflang`` set (absolute URLs)."""

    links: list[LanguageLink]
    hreflang: list[tuple[str, str]]


def language_home_url(code: str) -> str:
    """The home page of a language: its URL prefix, no database needed."""
    return f"/{code}/"


def _translation_urls(request: HttpRequest, translation_key) -> dict[str, str]:
    """Each language's URL of a page: kept until one of its translations changes."""
    from wagtail.models import Page

    def build():
        translations = (
            Page.objects.live()
            .filter(translation_key=translation_key)
            .select_related("locale")
            .only("id", "url_path", "path", "depth", "locale__language_code", "live")
        )
        urls = {}
        for translation in translations:
            url = translation.get_url(request)
            if url:
                urls[translation.locale.language_code] = url
        return urls, {tags.page(translation_key)}

    return fragment("page-urls", request.get_host(), translation_key, build=build)


def _page_urls(request: HttpRequest, page) -> dict[str, str]:
    urls = _translation_urls(request, page.translation_key)
    # A routable page serving one of its routes (a dataset, an archive day, a
    # vCard): the route's part of the path is the same in every language.
    own = urls.get(get_language())
    if own and request.path != own and request.path.startswith(own):
        suffix = request.path[len(own) :]
        urls = {code: url + suffix for code, url in urls.items()}
    return urls


def _view_urls(request: HttpRequest) -> dict[str, str]:
    query = request.META.get("QUERY_STRING", "")
    urls = {}
    for code in language_codes():
        with override(code):
            url = translate_url(request.path, code)
        urls[code] = f"{url}?{query}" if query else url
    return urls


def build_alternates(
    request: HttpRequest | None, *, page=None, error_page: bool = False
) -> Alternates:
    """Collect the language links for ``page``, a plain view, or an error page."""
    current = get_language()
    if request is None or error_page:
        urls = {}
    elif page is not None and getattr(page, "pk", None):
        urls = _page_urls(request, page)
    else:
        urls = _view_urls(request)
    names = dict(settings.LANGUAGES)
    links = [
        LanguageLink(
            code=code,
            name=names[code],
            tag=bcp47_tag(code),
            url=urls.get(code) or language_home_url(code),
            is_current=code == current,
            is_translation=code in urls,
        )
        for code in language_codes()
    ]
    hreflang = []
    if urls and request is not None:
        hreflang = [
            (bcp47_tag(code), request.build_absolute_uri(url))
            for code, url in urls.items()
        ]
        default_url = urls.get(settings.LANGUAGE_CODE) or urls.get(current)
        if default_url:
            hreflang.append(("x-default", request.build_absolute_uri(default_url)))
    return Alternates(links=links, hreflang=hreflang)
