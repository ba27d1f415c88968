"""Questions citizens ask, with answers, grouped in categories.

Questions and categories are translatable snippets: the same question is shared by
the FAQ page, the home-page widget and (later) search, and wagtail-localize
translates it once for all of them.
"""

from django.db import models
from django.db.models import Prefetch
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from govportal.cyrillic.normalize import NormalizedScriptMixin


class FaqCategory(NormalizedScriptMixin, TranslatableMixin, models.Model):
    """A heading of the FAQ page, such as "Documents" or "Taxes"."""

    name = models.CharField(_("name"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("FAQ category")
        verbose_name_plural = _("FAQ categories")

    def __str__(self):
        return self.name

    @property
    def anchor(self) -> str:
        """An HTML id that is the same in every language."""
        return f"c-{self.translation_key.hex[:8]}"


class Question(NormalizedScriptMixin, TranslatableMixin, index.Indexed, models.Model):
    """A frequently asked question and its answer."""

    category = models.ForeignKey(
        FaqCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="questions",
    )
    question = models.CharField(_("question"), max_length=255)
    answer = RichTextField(_("answer"), features=["bold", "italic", "link", "ul", "ol"])
    times_asked = models.PositiveIntegerField(
        _("times asked"),
        default=0,
        help_text=_(
            "How often the question reaches the call centre; the most asked ones are "
            "shown on the home page."
        ),
    )
    sort_order = models.PositiveSmallIntegerField(_("order in its category"), default=0)

    panels = [
        FieldPanel("category"),
        FieldPanel("question"),
        FieldPanel("answer"),
        FieldPanel("times_asked"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("question", boost=2),
        index.SearchField("answer"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.question

    @property
    def anchor(self) -> str:
        """An HTML id that is the same in every language."""
        return f"q-{self.translation_key.hex[:8]}"


def most_asked(language_code: str, *, limit: int) -> list[Question]:
    """The ``limit`` most asked questions in a language, for the home page."""
    return list(
        Question.objects.filter(locale__language_code=language_code).order_by(
            "-times_asked", "sort_order", "id"
        )[:limit]
    )


class FaqPage(NormalizedScriptMixin, Page):
    """All the questions of one language, by category, with stable anchors.

    The anchors derive from the translation key, so ``#q-…`` links survive a change
    of language. The list is curated (tens of questions), so it is not paginated.
    """

    # What the page cache purges it for, besides itself (govportal/pagecache).
    cache_models = ("faq.question", "faq.faqcategory")

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    def get_categories(self) -> list[FaqCategory]:
        """The categories of this page's language that have questions."""
        categories = FaqCategory.objects.filter(
            locale_id=self.locale_id
        ).prefetch_related(
            Prefetch(
                "questions", queryset=Question.objects.order_by("sort_order", "id")
            )
        )
        return [category for category in categories if category.questions.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        categories = self.get_categories()
        context["categories"] = categories
        context["structured_data"] = {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "inLanguage": self.locale.language_code,
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": question.question,
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(expand_db_html(question.answer)).strip(),
                    },
                }
                for category in categories
                for question in category.questions.all()
            ],
        }
        return context
