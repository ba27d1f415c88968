"""Publishing anything purges exactly the cached pages that show it.

Each test warms the pages that show a thing, changes the thing the way editors do
(publish, unpublish, move, delete, save a snippet), and asks for the pages again:
each must be rendered afresh with the change, and pages that do not show it must
still be served from the cache.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale, Page

from govportal.agencies.models import AgencyPage, Helpline, HelplinesPage
from govportal.faq.models import Question
from govportal.news.models import AnnouncementPage, NewsCategory, NewsPage

from .conftest import add_news, fetch, publish


def _url(page) -> str:
    return page.get_url()


def test_new_news_reaches_every_list_at_once(client, demo, warm, fresh, uz_news_index):
    today = timezone.localdate()
    urls = [
        "/uz/",
        _url(uz_news_index),
        f"{_url(uz_news_index)}feed/rss/",
        f"{_url(uz_news_index)}{today:%Y/%m}/",
        f"{_url(uz_news_index)}{today:%Y}/",
    ]
    for url in urls:
        warm(url)
    add_news(uz_news_index, title="Yangi xabar sinovi", slug="yangi-xabar-sinovi")
    for url in urls:
        assert "Yangi xabar sinovi" in fresh(url), url
    day = fresh(f"{_url(uz_news_index)}{today:%Y/%m/%d}/")
    assert "Yangi xabar sinovi" in day


def test_other_languages_and_months_stay_cached(client, demo, warm, uz_news_index):
    warm("/en/")
    warm(f"{_url(uz_news_index)}2017/08/")
    add_news(uz_news_index, title="Faqat oʻzbekcha", slug="faqat-ozbekcha")
    assert fetch(client, "/en/")[1] == "hit"
    assert fetch(client, f"{_url(uz_news_index)}2017/08/")[1] == "hit"


def test_edited_title_changes_every_page_listing_it(
    client, demo, warm, fresh, latest_uz_news, uz_news_index
):
    article = _url(latest_uz_news)
    related = (
        NewsPage.objects.live()
        .filter(locale=latest_uz_news.locale, category=latest_uz_news.category)
        .exclude(pk=latest_uz_news.pk)
        .order_by("-date")
        .first()
    )
    urls = ["/uz/", _url(uz_news_index), article, _url(related)]
    for url in urls:
        warm(url)
    publish(latest_uz_news, title="Tahrir qilingan sarlavha")
    for url in urls:
        assert "Tahrir qilingan sarlavha" in fresh(url), url


def test_unpublished_news_disappears(client, demo, warm, fresh, latest_uz_news):
    title = latest_uz_news.title
    assert title in warm("/uz/")
    article = _url(latest_uz_news)
    warm(article)
    latest_uz_news.unpublish()
    assert title not in fresh("/uz/")
    assert fetch(client, article)[0] == 404


def test_news_moved_to_another_month_leaves_both_calendars_right(
    client, demo, warm, fresh, uz_news_index
):
    news = add_news(uz_news_index, title="Koʻchadigan xabar", slug="kochadigan")
    base = _url(uz_news_index)
    this_month = f"{base}{timezone.localdate():%Y/%m}/"
    assert "Koʻchadigan xabar" in warm(this_month)
    old = timezone.make_aware(datetime.datetime(2017, 8, 20, 12))
    assert "Koʻchadigan xabar" not in warm(f"{base}2017/08/")
    publish(news, date=old)
    assert "Koʻchadigan xabar" not in fresh(this_month)
    assert "Koʻchadigan xabar" in fresh(f"{base}2017/08/")
    assert f'href="{base}2017/08/20/"' in fresh(_url(news))


def test_deleted_news_disappears(client, demo, warm, fresh, uz_news_index):
    news = add_news(uz_news_index, title="Oʻchiriladigan xabar", slug="ochiriladigan")
    assert "Oʻchiriladigan xabar" in warm("/uz/")
    news.delete()
    assert "Oʻchiriladigan xabar" not in fresh("/uz/")


def test_announcements_widget_and_index(client, demo, warm, fresh):
    announcement = (
        AnnouncementPage.objects.live()
        .filter(locale__language_code="en")
        .order_by("-date")
        .first()
    )
    index_url = _url(announcement.get_parent())
    warm("/en/")
    warm(index_url)
    publish(announcement, title="A renamed announcement")
    assert "A renamed announcement" in fresh("/en/")
    assert "A renamed announcement" in fresh(index_url)


def test_faq_widget_and_page_follow_a_saved_question(client, demo, warm, fresh):
    question = Question.objects.filter(locale__language_code="en").first()
    faq_url = _url(Page.objects.get(locale__language_code="en", slug="faq"))
    warm("/en/")
    warm(faq_url)
    question.question = "How do I test a cache?"
    question.save()
    assert "How do I test a cache?" in fresh(faq_url)
    fresh("/en/")


def test_helplines_follow_a_saved_helpline(client, demo, warm, fresh):
    helpline = Helpline.objects.filter(locale__language_code="ru").first()
    pages = [
        _url(HelplinesPage.objects.get(locale__language_code="ru")),
        _url(AgencyPage.objects.get(pk=helpline.agency_id)),
    ]
    for url in pages:
        warm(url)
    helpline.purpose = "Тестовая линия"
    helpline.save()
    for url in pages:
        assert "Тестовая линия" in fresh(url), url


def test_renamed_category_reaches_the_news_that_use_it(
    client, demo, warm, fresh, latest_uz_news
):
    article = _url(latest_uz_news)
    warm(article)
    category = NewsCategory.objects.get(pk=latest_uz_news.category_id)
    category.name = "Yangi rukn"
    category.save()
    assert "Yangi rukn" in fresh(article)


def test_menu_follows_a_renamed_section(client, demo, warm, fresh, uz_news_index):
    article = _url(NewsPage.objects.live().filter(locale__language_code="uz").first())
    warm(article)
    warm("/uz/")
    publish(uz_news_index, title="Yangiliklar boʻlimi")
    assert "Yangiliklar boʻlimi" in fresh(article)
    assert "Yangiliklar boʻlimi" in fresh("/uz/")


def test_new_translation_appears_in_the_language_links(client, demo, warm, fresh):
    news = NewsPage.objects.live().filter(locale__language_code="en").first()
    russian_locale = Locale.objects.get(language_code="ru")
    russian = news.get_translation_or_none(russian_locale)
    if russian is None:
        russian = news.copy_for_translation(russian_locale)
    elif russian.live:
        russian.unpublish()
    english = _url(news)
    link = '<link rel="alternate" hreflang="ru"'
    assert link not in warm(english)
    publish(russian)
    assert link in fresh(english)


def test_moved_page_is_purged(client, demo, warm, fresh, uz_news_index):
    news = add_news(uz_news_index, title="Koʻchiriladigan", slug="kochiriladigan")
    old_url = _url(news)
    warm(old_url)
    warm("/uz/")
    agency_index = (
        Page.objects.filter(locale__language_code="uz", depth__gt=3)
        .type(uz_news_index.__class__)
        .first()
    )
    news.move(agency_index, pos="last-child")
    status, state, _text = fetch(client, old_url)
    assert (status, state) == (301, None)  # Wagtail's redirect to the new address
    fresh("/uz/")


def test_pages_showing_today_expire_at_midnight():
    from govportal.pagecache.middleware import expiry

    seconds = expiry({"today"})
    now = timezone.localtime()
    midnight = (now + datetime.timedelta(days=1)).replace(
        hour=0, minute=0, second=0, microsecond=0
    )
    assert abs(seconds - (midnight - now).total_seconds()) < 5
    assert expiry({"page:x"}) == settings.PAGE_CACHE_TTL


def test_directory_follows_a_renamed_agency(client, demo, warm, fresh):
    agency = AgencyPage.objects.live().filter(locale__language_code="en").first()
    directory = _url(agency.get_parent())
    helplines = _url(HelplinesPage.objects.get(locale__language_code="en"))
    warm(directory)
    warm(helplines)
    publish(agency, title="Agency of Cache Tests")
    assert "Agency of Cache Tests" in fresh(directory)
    fresh(helplines)  # it names each helpline's agency


def test_catalogue_and_dataset_follow_a_saved_dataset(client, demo, warm, fresh):
    from govportal.opendata.models import DataCatalogPage, Dataset

    catalogue = DataCatalogPage.objects.get(locale__language_code="en")
    dataset = Dataset.objects.filter(locale=catalogue.locale).first()
    dataset_url = f"{_url(catalogue)}{dataset.name}/"
    warm(_url(catalogue))
    warm(dataset_url)
    dataset.title = "Cache test statistics"
    dataset.save()
    assert "Cache test statistics" in fresh(_url(catalogue))
    assert "Cache test statistics" in fresh(dataset_url)
