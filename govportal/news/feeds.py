"""RSS 2.0 and Atom feeds of the news, per language and per category."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from govportal.core.languages import bcp47_tag

FEED_LENGTH = 30


class NewsFeed(Feed):
    """The newest news of one index (and optionally one category)."""

    def __init__(self, *, index, kind: str, category=None):
        super().__init__()
        self.index = index
        self.category = category
        self.feed_type = Atom1Feed if kind == "atom" else Rss201rev2Feed
        self.language = bcp47_tag()

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self) -> str:
        site = _("Government portal of the Republic of Uzbekistan")
        if self.category is not None:
            return f"{self.index.title}: {self.category.name} | {site}"
        return f"{self.index.title} | {site}"

    def link(self) -> str:
        url = self.index.get_url(self.request)
        return f"{url}?category={self.category.slug}" if self.category else url

    def description(self) -> str:
        return self.index.intro or self.title()

    def subtitle(self) -> str:
        return self.description()

    def items(self):
        from .models import record_news_list

        news = self.index.get_news()
        if self.category is not None:
            news = news.filter(category=self.category)
        items = list(news[:FEED_LENGTH])
        record_news_list(self.index.locale_id, items, category=self.category)
        return items

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.lead

    def item_link(self, item) -> str:
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return item.last_published_at or item.date

    def item_author_name(self, item) -> str:
        return ", ".join(part for part in (item.author, item.source) if part)

    def item_categories(self, item) -> list[str]:
        return [item.category.name] if item.category else []


def news_feed(request: HttpRequest, *, index, kind: str, category=None) -> HttpResponse:
    """Render the feed of ``index`` as RSS 2.0 or Atom."""
    response = NewsFeed(index=index, kind=kind, category=category)(request)
    response["Content-Type"] = (
        "application/atom+xml; charset=utf-8"
        if kind == "atom"
        else "application/rss+xml; charset=utf-8"
    )
    return response
