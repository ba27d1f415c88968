"""Datasets and resources in the admin (Snippets → Open data)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Dataset, Resource


class DatasetViewSet(SnippetViewSet):
    model = Dataset
    icon = "table"
    list_display = ["title", "name", "theme", "modified"]
    list_filter = ["theme", "licence"]
    search_fields = ["title", "name"]


class ResourceViewSet(SnippetViewSet):
    model = Resource
    icon = "doc-full"
    list_display = ["name", "dataset", "format", "size"]
    list_filter = ["format"]
    search_fields = ["name"]


class OpenDataViewSetGroup(SnippetViewSetGroup):
    items = (DatasetViewSet, ResourceViewSet)
    menu_icon = "table"
    menu_label = _("Open data")
    menu_name = "opendata"


register_snippet(OpenDataViewSetGroup)
