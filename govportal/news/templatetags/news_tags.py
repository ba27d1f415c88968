"""The news widgets shared by the home page and the news pages."""

import datetime
from typing import NamedTuple

from django import template
from django.template.loader import render_to_string
from django.utils import timezone

from govportal.core.jsonld import json_ld_script
from govportal.pagecache import record, tags
from govportal.pagecache.fragments import fragment

from ..calendar import build_month
from ..models import (
    AnnouncementPage,
    NewsIndexPage,
    NewsPage,
    day_range,
    listing,
    news_list_tags,
    next_month,
)

register = template.Library()


class NationalIndex(NamedTuple):
    locale_id: int
    url: str


def national_news_index(context) -> NationalIndex | None:
    """The national news index of the page's language: its locale and address."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None else None
    if locale_id is None:
        return None
    return fragment(
        "national-news-index", locale_id, build=lambda: _national_index(locale_id)
    )


def _national_index(locale_id: int) -> tuple[NationalIndex | None, set[str]]:
    index = (
        NewsIndexPage.objects.live()
        .filter(locale_id=locale_id, depth=3)
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key")
        .first()
    )
    found = {tags.page_type("news.newsindexpage", locale_id)}
    if index is None:
        return None, found
    found.add(tags.page(index.translation_key))
    return NationalIndex(locale_id, index.get_url()), found


@register.simple_tag(takes_context=True)
def news_index_url(context) -> str:
    """The URL of the national news index of the page's language."""
    index = national_news_index(context)
    return index.url if index else ""


@register.simple_tag(takes_context=True)
def news_calendar(context) -> str:
    """The month calendar: the archive's month, the article's, or the current one."""
    index = national_news_index(context)
    archive = context.get("archive") or {}
    today = timezone.localdate()
    month = archive.get("date") or context.get("calendar_date") or today
    month = month.replace(day=1)
    if index is None:
        return ""
    if month == today.replace(day=1):
        record(tags.TODAY)  # today is marked, and "this month" moves at midnight

    def build():
        days, shown = _days_with_news(index.locale_id, month)
        calendar = build_month(month=month, days_with_news=days, index_url=index.url)
        html = render_to_string("news/includes/calendar.html", {"calendar": calendar})
        return html, shown

    # Today's date is part of the key: the calendar marks it.
    return fragment("calendar", index.locale_id, f"{month:%Y-%m}", today, build=build)


def _days_with_news(locale_id: int, month: datetime.date) -> tuple[set[int], set]:
    zone = timezone.get_current_timezone()
    moments = (
        NewsPage.objects.live()
        .filter(
            listing_locale_id=locale_id,
            date__range=day_range(month, next_month(month)),
        )
        .datetimes("date", "day")
    )
    days = {moment.astimezone(zone).day for moment in moments}
    return days, {tags.news_month(locale_id, month)}


@register.simple_tag(takes_context=True)
def latest_news(context, count: int = 6) -> str:
    """The newest news of the page's language, for the home page."""
    index = national_news_index(context)
    if index is None:
        return ""

    def build():
        news = list(
            listing(NewsPage.objects.live().filter(listing_locale_id=index.locale_id))[
                :count
            ]
        )
        html = render_to_string(
            "news/includes/news_list.html", {"news": news, "heading_level": 3}
        )
        return html, news_list_tags(index.locale_id, news)

    return fragment("latest-news", index.locale_id, count, build=build)


@register.inclusion_tag("news/includes/announcements.html", takes_context=True)
def latest_announcements(context, count: int = 5):
    """The newest "New on the portal" notes of the page's language."""
    page = context.get("page")
    announcements = []
    if page is not None:
        announcements = fragment(
            "announcements",
            page.locale_id,
            count,
            build=lambda: _latest_announcements(page.locale_id, count),
        )
    return {"announcements": announcements, "request": context.get("request")}


def _latest_announcements(locale_id: int, count: int) -> tuple[list, set[str]]:
    pages = list(
        AnnouncementPage.objects.live()
        .filter(locale_id=locale_id)
        .order_by("-date", "-pk")[:count]
    )
    announcements = [{"title": page.title, "url": page.get_url()} for page in pages]
    return announcements, {
        tags.page_type("news.announcementpage", locale_id),
        *(tags.page(page.translation_key) for page in pages),
    }


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """``<link rel=alternate>`` so that feed readers find the news feeds."""
    index = national_news_index(context)
    if index is None:
        return {"feeds": []}
    url = index.url
    return {
        "feeds": [
            ("application/rss+xml", f"{url}feed/rss/"),
            ("application/atom+xml", f"{url}feed/atom/"),
        ]
    }


@register.filter
def json_ld(data) -> str:
    """A JSON-LD data block (``{{ data|json_ld }}``), safe inside HTML."""
    return json_ld_script(data)


@register.filter
def iso_datetime(value) -> str:
    """An ISO 8601 timestamp in the portal's time zone, for ``<time datetime>``."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat(timespec="minutes")
    return value.isoformat() if value else ""
