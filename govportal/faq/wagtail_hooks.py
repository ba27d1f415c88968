"""FAQ categories and questions in the admin, as translatable snippets."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import FaqCategory, Question


class FaqCategoryViewSet(SnippetViewSet):
    model = FaqCategory
    icon = "folder-open-inverse"
    list_display = ["name", "sort_order"]
    ordering = ["sort_order"]


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    list_display = ["question", "category", "times_asked"]
    list_filter = ["category"]
    search_fields = ["question"]


class FaqViewSetGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, FaqCategoryViewSet)
    menu_icon = "help"
    menu_label = _("FAQ")
    menu_name = "faq"


register_snippet(FaqViewSetGroup)
