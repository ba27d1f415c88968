"""The sitemap: every live public page in every language, with its alternates.

Each language version is listed as its own ``<url>``, and each lists all its live
translations as ``xhtml:link rel=alternate`` (plus ``x-default``), as search engines
ask of multilingual sites.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .languages import bcp47_tag

PAGE_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "translation_key",
    "last_published_at",
)


def _pages():
    return (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("locale")
        .only(*PAGE_FIELDS, "locale__language_code")
    )


class PageSitemap(Sitemap):
    """All pages of the portal, 5,000 URLs per sitemap file."""

    limit = 5000

    def items(self):
        return _pages().order_by("path")

    def location(self, page) -> str:
        return page.get_url() or "/"

    def lastmod(self, page):
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if not urls:
            return urls
        first = urls[0]
        origin = first["location"][: -len(self.location(first["item"]))]
        keys = {url["item"].translation_key for url in urls}
        translations = defaultdict(list)
        for translation in _pages().filter(translation_key__in=keys):
            translations[translation.translation_key].append(translation)
        for url in urls:
            versions = translations[url["item"].translation_key]
            alternates = [
                {
                    "location": f"{origin}{self.location(version)}",
                    "lang_code": bcp47_tag(version.locale.language_code),
                }
                for version in versions
            ]
            default = [
                alternate
                for version, alternate in zip(versions, alternates, strict=True)
                if version.locale.language_code == settings.LANGUAGE_CODE
            ]
            if default:
                alternates.append({**default[0], "lang_code": "x-default"})
            url["alternates"] = alternates
        return urls


SITEMAPS = {"pages": PageSitemap}
