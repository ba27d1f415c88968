"""Datasets and resources in the admin (Snippets → Open data).

Administrators (superusers) edit every dataset. An agency's editors and moderators
add and edit the datasets that their agency publishes, and those datasets'
resources, and no other agency's, as with helplines: the model permissions (given
to the agency's groups by ``signal_handlers.py``) are narrowed to the agencies
whose page the user may edit (``govportal.agencies.permissions``, shared with the
helplines). The listing, the chooser, the edit, history, usage and delete views and
the forms all ask the same question of one permission policy.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from govportal.agencies.models import AgencyPage
from govportal.agencies.permissions import (
    AgencyDataPermissionPolicy,
    AgencyDataViewSet,
    editable_agencies,
)
from govportal.uploads.forms import StoreWhileValidatingMixin

from .models import Dataset, Resource, file_facts

dataset_permission_policy = AgencyDataPermissionPolicy(
    Dataset, publisher_lookup="agency_key"
)
resource_permission_policy = AgencyDataPermissionPolicy(
    Resource, publisher_lookup="dataset__agency_key"
)
register_permission_policy(Dataset, dataset_permission_policy)
register_permission_policy(Resource, resource_permission_policy)


def _narrow_choices(form, name: str, queryset, message) -> None:
    """Let a user who is not a superuser choose only among ``queryset``."""
    user = form.for_user
    if user is None or user.is_superuser or name not in form.fields:
        return
    field = form.fields[name]
    field.queryset = queryset
    field.error_messages["invalid_choice"] = message


class DatasetForm(WagtailAdminModelForm):
    """An agency editor may name only their own agency as the publisher.

    They choose it from a list (one entry per agency, in the dataset's language
    where there is one) rather than from the whole page tree; any language version
    of their agency's page is accepted.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or user.is_superuser or "agency" not in self.fields:
            return
        agencies = AgencyPage.objects.filter(
            translation_key__in=editable_agencies(user).values("translation_key")
        )
        _narrow_choices(
            self,
            "agency",
            agencies,
            _("You may only publish datasets of your agency."),
        )
        self.fields["agency"].widget = forms.Select(
            choices=[("", "---------"), *self._agency_choices(agencies)]
        )

    def _agency_choices(self, agencies) -> list[tuple[int, str]]:
        current = self.instance.agency_id
        locale = getattr(self.instance, "locale_id", None)
        chosen: dict = {}
        for agency in agencies.only("id", "title", "translation_key", "locale_id"):
            best = chosen.get(agency.translation_key)
            if (
                best is None
                or agency.pk == current
                or (agency.locale_id == locale and best.pk != current)
            ):
                chosen[agency.translation_key] = agency
        rows = sorted(chosen.values(), key=lambda agency: agency.title.casefold())
        return [(agency.pk, agency.title) for agency in rows]


class ResourceForm(StoreWhileValidatingMixin, WagtailAdminModelForm):
    """An agency editor may add files only to their own agency's datasets.

    The file is stored while the form is validated (``StoreWhileValidatingMixin``):
    a full disk is an error on the file field, and no resource row is created.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user is not None:
            _narrow_choices(
                self,
                "dataset",
                dataset_permission_policy.instances_user_has_permission_for(
                    self.for_user, "change"
                ),
                _("You may only add files to datasets of your agency."),
            )

    def file_stored(self, field_file) -> None:
        # ``Resource.save`` measures only files it writes itself; this one is
        # already written, and may replace a file measured before.
        self.instance.size, self.instance.checksum = file_facts(field_file)


class DatasetChooserMixin:
    """The dataset chooser (a resource's dataset) offers only editable datasets."""

    def get_object_list(self):
        return dataset_permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )


class DatasetChooseView(DatasetChooserMixin, chooser.ChooseView):
    pass


class DatasetChooseResultsView(DatasetChooserMixin, chooser.ChooseResultsView):
    pass


class DatasetChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = DatasetChooseView
    choose_results_view_class = DatasetChooseResultsView


class DatasetViewSet(AgencyDataViewSet):
    model = Dataset
    icon = "table"
    list_display = ["title", "name", "theme", "modified"]
    list_filter = ["theme", "licence"]
    search_fields = ["title", "name"]
    # The form class comes from the panels (a viewset has no ``base_form_class``).
    edit_handler = ObjectList(Dataset.panels, base_form_class=DatasetForm)
    chooser_viewset_class = DatasetChooserViewSet


class ResourceViewSet(AgencyDataViewSet):
    model = Resource
    icon = "doc-full"
    list_display = ["name", "dataset", "format", "size"]
    list_filter = ["format"]
    search_fields = ["name"]
    edit_handler = ObjectList(Resource.panels, base_form_class=ResourceForm)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("dataset")


class OpenDataViewSetGroup(SnippetViewSetGroup):
    items = (DatasetViewSet, ResourceViewSet)
    menu_icon = "table"
    menu_label = _("Open data")
    menu_name = "opendata"


register_snippet(OpenDataViewSetGroup)
