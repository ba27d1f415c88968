"""The news widgets shared by the home page and the news pages."""

import datetime

from django import template
from django.utils import timezone

from govportal.core.jsonld import json_ld_script

from ..calendar import build_month
from ..models import (
    AnnouncementPage,
    NewsIndexPage,
    NewsPage,
    day_range,
    listing,
    next_month,
)

register = template.Library()


def national_news_index(context) -> NewsIndexPage | None:
    """The national news index of the page's language, looked up once per render."""
    if "national_news_index" not in context.render_context:
        page = context.get("page")
        locale_id = page.locale_id if page is not None else None
        index = None
        if locale_id is not None:
            index = (
                NewsIndexPage.objects.live()
                .filter(locale_id=locale_id, depth=3)
                .first()
            )
        context.render_context["national_news_index"] = index
    return context.render_context["national_news_index"]


@register.simple_tag(takes_context=True)
def news_index_url(context) -> str:
    """The URL of the national news index of the page's language."""
    index = national_news_index(context)
    return index.get_url(context.get("request")) if index else ""


@register.inclusion_tag("news/includes/calendar.html", takes_context=True)
def news_calendar(context):
    """The month calendar: the archive's month, the article's, or the current one."""
    index = national_news_index(context)
    archive = context.get("archive") or {}
    month = archive.get("date") or context.get("calendar_date") or timezone.localdate()
    month = month.replace(day=1)
    if index is None:
        return {"calendar": None}
    request = context.get("request")
    index_url = index.get_url(request)
    days = {
        moment.astimezone(timezone.get_current_timezone()).day
        for moment in NewsPage.objects.live()
        .filter(
            listing_locale_id=index.locale_id,
            date__range=day_range(month, next_month(month)),
        )
        .datetimes("date", "day")
    }
    return {
        "calendar": build_month(month=month, days_with_news=days, index_url=index_url)
    }


@register.inclusion_tag("news/includes/news_list.html", takes_context=True)
def latest_news(context, count: int = 6):
    """The newest news of the page's language, for the home page."""
    index = national_news_index(context)
    news = (
        listing(NewsPage.objects.live().filter(listing_locale_id=index.locale_id))[
            :count
        ]
        if index
        else []
    )
    return {"news": news, "request": context.get("request"), "heading_level": 3}


@register.inclusion_tag("news/includes/announcements.html", takes_context=True)
def latest_announcements(context, count: int = 5):
    """The newest "New on the portal" notes of the page's language."""
    page = context.get("page")
    announcements = []
    if page is not None:
        announcements = list(
            AnnouncementPage.objects.live()
            .filter(locale_id=page.locale_id)
            .order_by("-date", "-pk")[:count]
        )
    return {"announcements": announcements, "request": context.get("request")}


@register.inclusion_tag("news/includes/feed_links.html", takes_context=True)
def news_feed_links(context):
    """``<link rel=alternate>`` so that feed readers find the news feeds."""
    index = national_news_index(context)
    if index is None:
        return {"feeds": []}
    url = index.get_url(context.get("request"))
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
