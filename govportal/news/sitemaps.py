"""The Google News sitemap: news published in the last two days, every language."""

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from .models import NewsPage

NEWS_SITEMAP_LIMIT = 1000


@require_GET
def news_sitemap(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    news = (
        NewsPage.objects.live()
        .public()
        .filter(date__gte=now - datetime.timedelta(days=2), date__lte=now)
        .select_related("locale")
        .order_by("-date")[:NEWS_SITEMAP_LIMIT]
    )
    entries = [
        {
            "location": request.build_absolute_uri(item.get_url(request)),
            "language": item.locale.language_code.split("-")[0],
            "date": timezone.localtime(item.date).isoformat(timespec="seconds"),
            "title": item.title,
        }
        for item in news
    ]
    return render(
        request,
        "news/news_sitemap.xml",
        {"entries": entries},
        content_type="application/xml; charset=utf-8",
    )
