"""Datasets and resources in the admin (Snippets → Open data).

Administrators (superusers) edit every dataset. An agency's editors and moderators
add and edit the datasets that their agency publishes, and those datasets'
resources, and no other agency's, as with helplines: the model permissions (given
to the agency's groups by ``signal_handlers.py``) are narrowed to the agencies
whose page the user may edit (``govportal.agencies.wagtail_hooks.editable_agencies``).
The listing, the chooser, the edit, history, usage and delete views and the forms
all ask the same question of one permission policy.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import (
    DeleteView,
    EditView,
    HistoryView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from govportal.agencies.models import AgencyPage
from govportal.agencies.wagtail_hooks import editable_agencies

from .models import Dataset, Resource


class AgencyDataPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to what the user's agencies publish.

    ``publisher_lookup`` leads from the model to its publisher's translation key
    (``agency_key`` for a dataset, ``dataset__agency_key`` for a resource). A
    superuser may act on everything, a dataset without a publisher included.
    """

    def __init__(self, model, *, publisher_lookup: str):
        super().__init__(model)
        self.publisher_lookup = publisher_lookup

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model._default_manager.none()
        instances = self.model._default_manager.all()
        if user.is_superuser:
            return instances
        keys = editable_agencies(user).values("translation_key")
        return instances.filter(**{f"{self.publisher_lookup}__in": keys})

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        if user.is_superuser:
            return True
        return (
            instance.pk is not None
            and self.instances_user_has_permission_for(user, action)
            .filter(pk=instance.pk)
            .exists()
        )


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


class ResourceForm(WagtailAdminModelForm):
    """An agency editor may add files only to their own agency's datasets."""

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


class AgencyObjectMixin:
    """Refuse a dataset or resource of another agency (``PermissionDenied``):
    Wagtail's views check only the model permission."""

    instance_action = "change"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        if not self.permission_policy.user_has_permission_for_instance(
            self.request.user, self.instance_action, instance
        ):
            raise PermissionDenied
        return instance


class AgencyEditView(AgencyObjectMixin, EditView):
    pass


class AgencyDeleteView(AgencyObjectMixin, DeleteView):
    instance_action = "delete"


class AgencyHistoryView(AgencyObjectMixin, HistoryView):
    pass


class AgencyUsageView(AgencyObjectMixin, UsageView):
    pass


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


class AgencyDataViewSet(SnippetViewSet):
    """A snippet listing and views narrowed by the model's permission policy."""

    edit_view_class = AgencyEditView
    delete_view_class = AgencyDeleteView
    history_view_class = AgencyHistoryView
    usage_view_class = AgencyUsageView

    def get_queryset(self, request):
        return self.permission_policy.instances_user_has_permission_for(
            request.user, "change"
        )


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
