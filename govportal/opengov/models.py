"""The Open Government page: what the government publishes and asks the public.

It is an editable page with a free body and a list of public consultations, and the
parent of the open-data catalogue (``govportal.opendata``), which it links to.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page

from govportal.cyrillic.normalize import NormalizedScriptMixin

from .blocks import ConsultationBlock, OpenGovernmentBody


class OpenGovernmentPage(NormalizedScriptMixin, Page):
    """Open Government in one language: body, links, documents and consultations.

    Consultations are a StreamField rather than inline rows, so that they are
    translated, transliterated, reviewed and published with the page as one value.
    """

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(OpenGovernmentBody(), verbose_name=_("body"), blank=True)
    consultations = StreamField(
        blocks.StreamBlock([("consultation", ConsultationBlock())]),
        verbose_name=_("public consultations"),
        blank=True,
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("consultations"),
    ]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Open Government page")
        verbose_name_plural = _("Open Government pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The open-data catalogue and any other section below this page.
        context["sections"] = self.get_children().live()
        return context
