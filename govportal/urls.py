"""URLs: the admin and the API without a language prefix, every public page with one."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls

from govportal.api import views as api_views
from govportal.core import views as core_views
from govportal.core.sitemaps import SITEMAPS
from govportal.cyrillic import views as cyrillic_views
from govportal.news.sitemaps import news_sitemap
from govportal.search import views as search_views

handler400 = core_views.bad_request
handler403 = core_views.permission_denied
handler404 = core_views.page_not_found
handler500 = core_views.server_error

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, with stricter headers on the files they serve.
    path("documents/", include("govportal.uploads.urls")),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("news-sitemap.xml", news_sitemap, name="news_sitemap"),
    path("api/v1/", include("govportal.api.urls")),
    path("", include("govportal.opendata.urls")),
    re_path(
        r"^(?P<prefix>oz|qr)/(?P<rest>.*)$",
        core_views.legacy_language_redirect,
        name="legacy_language_redirect",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("translit/", cyrillic_views.translit_tool, name="translit_tool"),
    path("lowvision/", core_views.lowvision, name="lowvision"),
    path("search/", search_views.search, name="search"),
    path("api/", api_views.docs_page, name="api_docs"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("", include(wagtail_urls)),
)
