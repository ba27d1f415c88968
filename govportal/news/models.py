import datetime

from django.db import models
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model, get_image_model_string
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from govportal.core.languages import bcp47_tag, cldr_locale
from govportal.cyrillic.normalize import NormalizedScriptMixin
from govportal.pagecache import record
from govportal.pagecache import tags as cache_tags
from govportal.pagecache.fragments import fragment

from .blocks import NewsBodyBlock
from .calendar import FIRST_ARCHIVE_YEAR
from .pagination import paginate


class NewsCategory(NormalizedScriptMixin, TranslatableMixin, models.Model):
    """A news category (Economics, Politics, Society, ...), translated per locale.

    Its slug is shared by all translations, so ``?category=economics`` filters the
    news index in every language.
    """

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_category_slug"
            )
        ]

    def __str__(self) -> str:
        return self.name


register_snippet(NewsCategory)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


def day_range(start: datetime.date, end: datetime.date) -> tuple:
    """Aware datetimes covering local days ``start`` up to (not including) ``end``."""
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.datetime.combine(start, datetime.time.min), zone),
        timezone.make_aware(datetime.datetime.combine(end, datetime.time.min), zone),
    )


def archive_date(year: str, month: str = "1", day: str = "1") -> datetime.date:
    """The date an archive URL names, or a 404 for an impossible one."""
    try:
        value = datetime.date(int(year), int(month), int(day))
    except (ValueError, OverflowError) as error:
        raise Http404("No such date") from error
    if not FIRST_ARCHIVE_YEAR <= value.year <= timezone.localdate().year + 1:
        raise Http404("No archive for that year")
    return value


def next_month(value: datetime.date) -> datetime.date:
    return datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)


class NewsIndexPage(NormalizedScriptMixin, RoutablePageMixin, Page):
    """The news list of one language, with its date archives and feeds.

    The index directly under a home page is the national one: it lists every news
    item of its language, wherever it sits (agencies keep their own news in their
    sections). An index deeper in the tree lists only the news below it.
    """

    # What the page cache purges it for, besides itself (govportal/pagecache).
    cache_models = ("news.newscategory",)  # the category filter
    cache_lists_children = False  # its lists record news tags instead

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage", "agencies.AgencyPage"]
    subpage_types = ["news.NewsPage"]
    page_size = 20

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    @property
    def is_national(self) -> bool:
        return self.depth == 3

    def get_news(self):
        """Live news of this index, newest first, ready for listing templates."""
        news = NewsPage.objects.live().filter(listing_locale_id=self.locale_id)
        if not self.is_national:
            news = news.descendant_of(self)
        return listing(news)

    def categories(self) -> list[NewsCategory]:
        """The categories of this language, from the fragment cache."""
        locale_id = self.locale_id
        return fragment(
            "news-categories",
            locale_id,
            build=lambda: (
                list(NewsCategory.objects.filter(locale_id=locale_id)),
                {cache_tags.model("news.newscategory")},
            ),
        )

    def category_named(self, slug: str) -> "NewsCategory | None":
        return next((c for c in self.categories() if c.slug == slug), None)

    def category_from(self, request: HttpRequest) -> "NewsCategory | None":
        slug = request.GET.get("category", "")
        if not slug:
            return None
        category = self.category_named(slug[:100])
        if category is None:
            raise Http404("No such category")
        return category

    def agency_from(self, request: HttpRequest):
        """The agency of ``?agency=<slug>``: its section's news are listed."""
        from govportal.agencies.models import AgencyPage

        slug = request.GET.get("agency", "")
        if not slug:
            return None
        agency = (
            AgencyPage.objects.live()
            .filter(locale_id=self.locale_id, slug=slug[:255])
            .only("id", "path", "title")
            .first()
        )
        if agency is None:
            raise Http404("No such agency")
        return agency

    def render_list(self, request, news, *, archive=None, category=None, agency=None):
        filters = [("category", category.slug)] if category else []
        filters += [("agency", agency.slug)] if agency else []
        items = paginate(request, news, self.page_size)
        record_news_list(self.locale_id, items, archive=archive, category=category)
        return self.render(
            request,
            template="news/news_index_page.html",
            context_overrides={
                "news": items,
                "archive": archive,
                "category": category,
                "agency": agency,
                "filter_query": "".join(f"{name}={value}&" for name, value in filters),
                "categories": self.categories(),
            },
        )

    @path("")
    def index_route(self, request):
        category = self.category_from(request)
        agency = self.agency_from(request)
        news = self.get_news()
        if category is not None:
            news = news.filter(category=category)
        if agency is not None:
            news = news.filter(path__startswith=agency.path)
        return self.render_list(request, news, category=category, agency=agency)

    @re_path(r"^(?P<year>\d{4})/$", name="year")
    def year_route(self, request, year):
        start = archive_date(year)
        news = self.get_news().filter(
            date__range=day_range(start, start.replace(year=start.year + 1))
        )
        return self.render_list(
            request, news, archive={"year": start.year, "date": start, "kind": "year"}
        )

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/$", name="month")
    def month_route(self, request, year, month):
        start = archive_date(year, month)
        news = self.get_news().filter(date__range=day_range(start, next_month(start)))
        return self.render_list(request, news, archive={"date": start, "kind": "month"})

    @re_path(r"^(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/$", name="day")
    def day_route(self, request, year, month, day):
        start = archive_date(year, month, day)
        news = self.get_news().filter(
            date__range=day_range(start, start + datetime.timedelta(days=1))
        )
        return self.render_list(request, news, archive={"date": start, "kind": "day"})

    @re_path(r"^feed/(?P<kind>rss|atom)/$", name="feed")
    def feed_route(self, request, kind):
        from .feeds import news_feed

        return news_feed(request, index=self, kind=kind)

    @re_path(
        r"^category/(?P<slug>[-a-z0-9]{1,100})/feed/(?P<kind>rss|atom)/$",
        name="category_feed",
    )
    def category_feed_route(self, request, slug, kind):
        from .feeds import news_feed

        category = self.category_named(slug)
        if category is None:
            raise Http404("No such category")
        return news_feed(request, index=self, kind=kind, category=category)


def news_list_tags(locale_id, items, *, archive=None, category=None) -> set[str]:
    """What a list of news shows, for the page cache: the list and each item."""
    if archive is None:
        shown = {cache_tags.news(locale_id)}
    elif archive["kind"] == "year":
        shown = {cache_tags.news_year(locale_id, archive["year"])}
    else:
        shown = {cache_tags.news_month(locale_id, archive["date"])}
    if category is not None:
        shown.add(cache_tags.news_category(category.pk))
    return shown | {cache_tags.page(item.translation_key) for item in items}


def record_news_list(locale_id, items, *, archive=None, category=None) -> None:
    """Tell the page cache that a list of news (and which items) is on the page."""
    record(*news_list_tags(locale_id, items, archive=archive, category=category))


def listing(news):
    """What a list of news needs, fetched in a fixed number of queries."""
    images = get_image_model().objects.prefetch_renditions()
    return (
        news.select_related("category")
        .prefetch_related(Prefetch("lead_image", queryset=images))
        .order_by("-date", "-pk")
    )


class NewsPage(NormalizedScriptMixin, Page):
    """One news article: dated, categorised, with a byline and a lead paragraph."""

    date = models.DateTimeField(_("publication date and time"), default=timezone.now)
    category = models.ForeignKey(
        NewsCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead = models.TextField(_("lead paragraph"))
    body = StreamField(NewsBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("For example, UzA.")
    )
    lead_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags")
    )
    # A copy of the page's locale (which never changes) beside ``date``: with the
    # (listing_locale, date) index, "the newest news of a language" is an index walk
    # that stops after a page of rows, however many news items exist.
    listing_locale = models.ForeignKey(
        "wagtailcore.Locale",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("Date and category"),
        ),
        FieldPanel("lead"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("author"), FieldPanel("source")], heading=_("Byline")
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        indexes = [
            models.Index(fields=["date"], name="news_date_idx"),
            models.Index(
                fields=["listing_locale", "date"], name="news_locale_date_idx"
            ),
            models.Index(fields=["category", "date"], name="news_category_date_idx"),
        ]

    def save(self, *args, **kwargs):
        self.listing_locale_id = self.locale_id
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "listing_locale"}
        super().save(*args, **kwargs)

    def related_news(self, count: int = 4):
        """The latest other news of the same category and language."""
        if self.category_id is None:
            return NewsPage.objects.none()
        news = NewsPage.objects.live().filter(
            listing_locale_id=self.locale_id, category_id=self.category_id
        )
        return list(listing(news.exclude(pk=self.pk))[:count])

    def cache_tags(self) -> set[str]:
        """What publishing this item changes besides its own page (pagecache)."""
        day = timezone.localtime(self.date).date()
        found = {
            cache_tags.news(self.locale_id),
            cache_tags.news_month(self.locale_id, day),
            cache_tags.news_year(self.locale_id, day.year),
        }
        if self.category_id is not None:
            found.add(cache_tags.news_category(self.category_id))
        return found

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        lead = self.lead_image_parts()
        category = self.category_parts()
        context.update(
            calendar_date=timezone.localtime(self.date).date(),
            lead_picture=lead["picture"],
            category=category,
            related_html=self.related_html(request),
            tag_names=self.tag_names(request),
            article=self.article_metadata(request, lead, category),
            og_locale=cldr_locale(),  # the page is served in its own language
        )
        return context

    def lead_image_parts(self) -> dict:
        """The lead image's ``<picture>`` and social-card URL, built once per image."""
        if self.lead_image_id is None:
            return {"picture": "", "card": ""}
        return fragment(
            "lead-image",
            self.lead_image_id,
            build=lambda: _lead_image_parts(self.lead_image_id),
        )

    def category_parts(self) -> dict | None:
        """The category's name and slug, without a query per article."""
        if self.category_id is None:
            return None
        return fragment(
            "news-category", self.category_id, build=lambda: _category(self.category_id)
        )

    def tag_names(self, request) -> list[str]:
        """The item's tags, kept until it is published again; a preview's, its own."""
        if getattr(request, "is_preview", False):
            return [tag.name for tag in self.tags.all()]
        return fragment(
            "news-tags",
            self.pk,
            build=lambda: (
                [tag.name for tag in self.tags.all()],
                {cache_tags.page(self.translation_key)},
            ),
        )

    def related_html(self, request) -> str:
        """The rendered list of related news, kept until one of them changes."""

        def build():
            related = self.related_news()
            html = render_to_string(
                "news/includes/news_list.html",
                {"news": related, "heading_level": 3, "request": request},
            )
            shown = {cache_tags.page(item.translation_key) for item in related}
            return html, {cache_tags.news_category(self.category_id), *shown}

        if self.category_id is None:
            return ""
        return fragment("related-news", self.pk, self.category_id, build=build)

    def article_metadata(self, request, lead: dict, category: dict | None) -> dict:
        """Open Graph values and the schema.org ``NewsArticle`` of this page."""
        # Absolute URLs come from the request, like hreflang: ALLOWED_HOSTS bounds them.
        url = request.build_absolute_uri(self.get_url(request))
        image_url = request.build_absolute_uri(lead["card"]) if lead["card"] else ""
        json_ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "description": self.lead,
            "inLanguage": bcp47_tag(),
            "datePublished": timezone.localtime(self.date).isoformat(),
            "dateModified": timezone.localtime(
                self.last_published_at or self.date
            ).isoformat(),
            "mainEntityOfPage": url,
            "url": url,
            "publisher": {
                "@type": "GovernmentOrganization",
                "name": str(_("Government portal of the Republic of Uzbekistan")),
            },
        }
        if self.author:
            json_ld["author"] = {"@type": "Person", "name": self.author}
        if self.source:
            json_ld["sourceOrganization"] = {
                "@type": "Organization",
                "name": self.source,
            }
        if category is not None:
            json_ld["articleSection"] = category["name"]
        if image_url:
            json_ld["image"] = [image_url]
        return {"url": url, "image": image_url, "json_ld": json_ld}


def _lead_image_parts(image_id: int) -> tuple[dict, set[str]]:
    # One query for the image and all its renditions, reused by every size.
    image = get_image_model().objects.prefetch_renditions().filter(pk=image_id).first()
    shown = {cache_tags.image(image_id)}
    if image is None:
        return {"picture": "", "card": ""}, shown
    picture = render_to_string("news/includes/lead_image.html", {"image": image})
    try:
        card = image.get_rendition("fill-1200x630|format-jpeg").url
    except SourceImageIOError:
        card = ""  # the original file is missing; the page still renders
    return {"picture": picture, "card": card}, shown


def _category(category_id: int) -> tuple[dict | None, set[str]]:
    category = NewsCategory.objects.filter(pk=category_id).first()
    shown = {cache_tags.model("news.newscategory")}
    if category is None:
        return None, shown
    return {"name": category.name, "slug": category.slug}, shown


class AnnouncementIndexPage(NormalizedScriptMixin, Page):
    """The "New on the portal" list: short notes about the portal itself."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["news.AnnouncementPage"]
    page_size = 20

    class Meta:
        verbose_name = _("announcement index page")
        verbose_name_plural = _("announcement index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        announcements = (
            AnnouncementPage.objects.live().child_of(self).order_by("-date", "-pk")
        )
        context["announcements"] = paginate(request, announcements, self.page_size)
        return context


class AnnouncementPage(NormalizedScriptMixin, Page):
    """One "New on the portal" note, with its "Detail" page."""

    date = models.DateField(_("date"), default=timezone.localdate)
    summary = models.TextField(_("summary"))
    body = RichTextField(
        _("details"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["news.AnnouncementIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
