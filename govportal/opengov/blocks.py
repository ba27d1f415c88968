"""The blocks an editor builds the Open Government page from."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(label=_("address"))
    description = blocks.CharBlock(label=_("description"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("title"),
        required=False,
        help_text=_("Defaults to the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "opengov/blocks/document.html"


class OpenGovernmentBody(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), icon="title", template="opengov/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "ul", "ol"]
    )
    links = blocks.ListBlock(
        LinkBlock(), label=_("Links"), template="opengov/blocks/links.html"
    )
    document = DocumentBlock()


CONSULTATION_STATUSES = [
    ("planned", _("Planned")),
    ("open", _("Open for comments")),
    ("closed", _("Closed")),
    ("results", _("Results published")),
]


class ConsultationBlock(blocks.StructBlock):
    """A public discussion of a draft decision, open for comments between dates."""

    title = blocks.CharBlock(label=_("title"))
    summary = blocks.TextBlock(label=_("summary"), required=False)
    start_date = blocks.DateBlock(label=_("start date"))
    end_date = blocks.DateBlock(label=_("end date"))
    status = blocks.ChoiceBlock(
        label=_("status"), choices=CONSULTATION_STATUSES, default="planned"
    )
    url = blocks.URLBlock(
        label=_("address"),
        required=False,
        help_text=_("Where the public sends comments, e.g. on regulation.gov.uz."),
    )

    class Meta:
        icon = "group"
        label = _("Public consultation")
        template = "opengov/blocks/consultation.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["status_label"] = dict(CONSULTATION_STATUSES).get(value["status"], "")
        return context

    def clean(self, value):
        value = super().clean(value)
        if value["end_date"] < value["start_date"]:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "end_date": ErrorList(
                        [ValidationError(_("The end date cannot be before the start."))]
                    )
                }
            )
        return value
