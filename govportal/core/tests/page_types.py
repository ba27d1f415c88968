"""Every page type of the portal: the one list the audits walk through.

The accessibility audit (axe in Chromium, ``test_a11y.py``), the HTML validity check
(the Nu checker, ``test_html_validity.py``), the structure and weight tests and
``benchmarks/bench_weight.py`` all take their pages from ``PAGE_TYPES``. Each entry
finds a representative address in the demo content for a language. A new Wagtail
page model must be added here: ``test_page_types.py`` fails until it is.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from django.utils import timezone


@dataclass(frozen=True)
class PageType:
    """One kind of page, and how to find an example of it in the demo content."""

    name: str
    find: Callable[[str], str]
    # The Wagtail page models ("app_label.ModelName") this page type renders.
    models: tuple[str, ...] = ()
    status: int = 200
    # A low-vision cookie value (``lowvision.variant_key``) to request the page with.
    lowvision: str = ""


def _live_url(model_label: str, code: str, **filters) -> str:
    from django.apps import apps

    model = apps.get_model(model_label)
    page = (
        model.objects.live()
        .filter(locale__language_code=code, **filters)
        .order_by("path")
        .first()
    )
    assert page is not None, f"no live {model_label} in {code} for {filters}"
    return page.get_url()


def _news_index(code: str) -> str:
    return _live_url("news.NewsIndexPage", code, depth=3)


def _agency_news_index(code: str) -> str:
    return _live_url("news.NewsIndexPage", code, depth__gt=3)


def _sample_news(code: str):
    from govportal.news.models import NewsPage

    news = (
        NewsPage.objects.live()
        .filter(locale__language_code=code)
        .exclude(lead_image=None)
        .order_by("-date", "path")
        .first()
    )
    assert news is not None, f"no live news item with a picture in {code}"
    return news


def _news_date(code: str) -> datetime.date:
    return timezone.localdate(_sample_news(code).date)


def _archive(code: str, fmt: str) -> str:
    return f"{_news_index(code)}{_news_date(code).strftime(fmt)}"


def _calendar(code: str) -> str:
    """The month the news calendar shows today: its caption links here."""
    return f"{_news_index(code)}{timezone.localdate().strftime('%Y/%m/')}"


def _agency(code: str) -> str:
    """An agency that has helplines (they are snippets linked by translation key)."""
    from govportal.agencies.models import AgencyPage, Helpline

    keys = Helpline.objects.filter(locale__language_code=code).values(
        "agency__translation_key"
    )
    agency = (
        AgencyPage.objects.live()
        .filter(locale__language_code=code, translation_key__in=keys)
        .order_by("path")
        .first()
    )
    assert agency is not None, f"no agency with helplines in {code}"
    return agency.get_url()


def _dataset(code: str) -> str:
    """A dataset's page in the open-data catalogue."""
    from govportal.opendata.models import Dataset

    datasets = Dataset.objects.filter(locale__language_code=code)
    dataset = datasets.order_by("name").first()
    assert dataset is not None, f"no dataset in {code}"
    return f"{_live_url('opendata.DataCatalogPage', code)}{dataset.name}/"


SEARCH_WORDS = {"uz-cyrl": "портал", "kaa-cyrl": "портал", "ru": "портал"}


def _search(code: str) -> str:
    return f"/{code}/search/?q={quote(SEARCH_WORDS.get(code, 'portal'))}"


PAGE_TYPES: list[PageType] = [
    PageType("home", lambda code: f"/{code}/", models=("home.HomePage",)),
    PageType("news_index", _news_index, models=("news.NewsIndexPage",)),
    PageType("agency_news_index", _agency_news_index, models=("news.NewsIndexPage",)),
    PageType(
        "news_page",
        lambda code: _sample_news(code).get_url(),
        models=("news.NewsPage",),
    ),
    PageType("archive_year", lambda code: _archive(code, "%Y/")),
    PageType("archive_month", lambda code: _archive(code, "%Y/%m/")),
    PageType("archive_day", lambda code: _archive(code, "%Y/%m/%d/")),
    PageType("calendar", _calendar),
    PageType(
        "announcement_index",
        lambda code: _live_url("news.AnnouncementIndexPage", code),
        models=("news.AnnouncementIndexPage",),
    ),
    PageType(
        "announcement_page",
        lambda code: _live_url("news.AnnouncementPage", code),
        models=("news.AnnouncementPage",),
    ),
    PageType(
        "agency_index",
        lambda code: _live_url("agencies.AgencyIndexPage", code),
        models=("agencies.AgencyIndexPage",),
    ),
    PageType("agency_page", _agency, models=("agencies.AgencyPage",)),
    PageType(
        "helplines",
        lambda code: _live_url("agencies.HelplinesPage", code),
        models=("agencies.HelplinesPage",),
    ),
    PageType(
        "faq", lambda code: _live_url("faq.FaqPage", code), models=("faq.FaqPage",)
    ),
    PageType(
        "open_government",
        lambda code: _live_url("opengov.OpenGovernmentPage", code),
        models=("opengov.OpenGovernmentPage",),
    ),
    PageType(
        "data_catalogue",
        lambda code: _live_url("opendata.DataCatalogPage", code),
        models=("opendata.DataCatalogPage",),
    ),
    PageType("dataset", _dataset),
    PageType("search", _search),
    PageType("translit", lambda code: f"/{code}/translit/"),
    PageType("lowvision_settings", lambda code: f"/{code}/lowvision/"),
    PageType("not_found", lambda code: f"/{code}/no-such-page/", status=404),
    # The low-vision variants: both contrasts, both larger text sizes.
    PageType("home_white_on_black", lambda code: f"/{code}/", lowvision="t2-wb-ni-ls"),
    PageType(
        "news_black_on_white",
        lambda code: _sample_news(code).get_url(),
        lowvision="t1-bw",
    ),
]


def page_type(name: str) -> PageType:
    """The entry called ``name``."""
    return next(entry for entry in PAGE_TYPES if entry.name == name)


def fetch(client, entry: PageType, code: str):
    """Request ``entry`` in language ``code`` with Django's test client.

    Returns the path and the response, after checking the status code.
    """
    from govportal.core.lowvision import COOKIE_NAME

    path = entry.find(code)
    client.cookies.pop(COOKIE_NAME, None)
    if entry.lowvision:
        client.cookies[COOKIE_NAME] = entry.lowvision
    try:
        response = client.get(path)
    finally:
        client.cookies.pop(COOKIE_NAME, None)
    assert response.status_code == entry.status, (path, response.status_code)
    return path, response
