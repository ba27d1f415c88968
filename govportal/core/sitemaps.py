"""The sitemap: every live public page in every language, with its alternates.

Each language version is listed as its own ``<url>``, and each lists all its live
translations as ``xhtml:link rel=alternate`` (plus ``x-default``), as search engines
ask of multilingual sites. The sections: ``pages`` (every Wagtail page) and
``datasets`` (each dataset of the open-data catalogue, a route inside the
catalogue page: ``govportal.opendata.sitemaps``). Each file holds 5,000 URLs and
costs the same few queries whatever the size of the portal.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
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


class TranslatedSitemap(Sitemap):
    """A sitemap of things that exist in several languages, 5,000 URLs a file.

    Subclasses give ``items`` (a queryset of rows with a ``translation_key``),
    ``lastmod_field``, ``location`` and ``versions``: for the items of one file,
    the language code and location of every version of each, in one query.
    """

    limit = 5000
    lastmod_field = ""

    def lastmod(self, item):
        return getattr(item, self.lastmod_field)

    def get_latest_lastmod(self):
        # For the index: one aggregate, where Django's default loads every item.
        return (
            self.items().order_by().aggregate(latest=Max(self.lastmod_field))["latest"]
        )

    def versions(self, items: list) -> dict[object, list[tuple[str, str]]]:
        """``(language code, location)`` of each version, by translation key."""
        raise NotImplementedError

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        if not urls:
            return urls
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        versions = self.versions([url["item"] for url in urls])
        for url in urls:
            url["alternates"] = alternates(
                origin, versions.get(url["item"].translation_key, [])
            )
        return urls


def alternates(origin: str, versions: Iterable[tuple[str, str]]) -> list[dict]:
    """The ``xhtml:link`` entries of one URL: each version, then ``x-default``
    (the version in the default language, where there is one)."""
    links = [
        {"location": f"{origin}{location}", "lang_code": bcp47_tag(code)}
        for code, location in versions
    ]
    default = [
        link
        for (code, _location), link in zip(versions, links, strict=True)
        if code == settings.LANGUAGE_CODE
    ]
    if default:
        links.append({**default[0], "lang_code": "x-default"})
    return links


def _pages():
    return (
        Page.objects.live()
        .public()
        .filter(depth__gte=2)
        .select_related("locale")
        .only(*PAGE_FIELDS, "locale__language_code")
    )


class PageSitemap(TranslatedSitemap):
    """All pages of the portal, 5,000 URLs per sitemap file."""

    lastmod_field = "last_published_at"

    def items(self):
        return _pages().order_by("path")

    def location(self, page) -> str:
        return page.get_url() or "/"

    def versions(self, items):
        keys = {page.translation_key for page in items}
        found = defaultdict(list)
        for translation in _pages().filter(translation_key__in=keys):
            found[translation.translation_key].append(
                (translation.locale.language_code, self.location(translation))
            )
        return found


def _datasets() -> Sitemap:
    """The open-data catalogue's section, imported only when a sitemap is asked
    for: its module builds on this one."""
    from govportal.opendata.sitemaps import DatasetSitemap

    return DatasetSitemap()


SITEMAPS = {"pages": PageSitemap, "datasets": _datasets}
