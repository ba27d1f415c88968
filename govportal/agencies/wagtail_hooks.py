"""Helplines in the admin: each agency's editors see and edit only their own."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from .models import AgencyPage, Helpline


def editable_agencies(user):
    """The agency pages ``user`` may edit, in every language."""
    if user.is_superuser:
        return AgencyPage.objects.all()
    return AgencyPage.objects.filter(
        group_permissions__group__user=user,
        group_permissions__permission__codename="change_page",
    ).distinct()


class HelplinePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, narrowed to helplines of agencies the user may edit."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            user.is_superuser or instance.agency.permissions_for_user(user).can_edit()
        )

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return Helpline.objects.none()
        return Helpline.objects.filter(
            agency__translation_key__in=editable_agencies(user).values(
                "translation_key"
            )
        )


helpline_permission_policy = HelplinePermissionPolicy(Helpline)
register_permission_policy(Helpline, helpline_permission_policy)


class HelplineForm(WagtailAdminModelForm):
    def clean_agency(self):
        agency = self.cleaned_data["agency"]
        user = self.for_user
        if (
            user
            and not user.is_superuser
            and not (agency.permissions_for_user(user).can_edit())
        ):
            raise forms.ValidationError(_("You may only add helplines of your agency."))
        return agency


class HelplineEditView(EditView):
    """The edit view checks the model permission only; add the agency's."""

    def get_object(self, queryset=None):
        helpline = super().get_object(queryset)
        if not helpline_permission_policy.user_has_permission_for_instance(
            self.request.user, "change", helpline
        ):
            raise PermissionDenied
        return helpline


class HelplineViewSet(SnippetViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Helplines")
    add_to_admin_menu = True
    list_display = ["purpose", "number", "agency", "is_free"]
    list_filter = ["is_free"]
    search_fields = ["purpose", "number"]
    # Wagtail 8 takes the form class from the panels, not from base_form_class.
    edit_handler = ObjectList(Helpline.panels, base_form_class=HelplineForm)
    edit_view_class = HelplineEditView

    def get_queryset(self, request):
        return helpline_permission_policy.instances_user_has_permission_for(
            request.user, "change"
        ).select_related("agency")


register_snippet(HelplineViewSet)
