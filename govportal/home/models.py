from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from govportal.cyrillic.normalize import NormalizedScriptMixin


class HomePage(NormalizedScriptMixin, Page):
    """The front page of the portal in one language; each locale has its own copy.

    It sits directly under the tree's root, and every other page of that language sits
    below it, so that ``/<language>/`` is its URL.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two under the portal's title."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
