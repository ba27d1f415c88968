"""Helplines in the admin: each agency's editors see and edit only their own.

The listing and every view ask one permission policy (``permissions.py``), the same
as for the agency's datasets: a helpline is editable exactly when it is listed.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import ObjectList
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Helpline
from .permissions import (
    AgencyDataPermissionPolicy,
    AgencyDataViewSet,
    editable_agency_keys,
)

helpline_permission_policy = AgencyDataPermissionPolicy(
    Helpline, publisher_lookup="agency__translation_key"
)
register_permission_policy(Helpline, helpline_permission_policy)


class HelplineForm(WagtailAdminModelForm):
    def clean_agency(self):
        agency = self.cleaned_data["agency"]
        user = self.for_user
        if (
            user
            and not user.is_superuser
            and agency.translation_key not in editable_agency_keys(user)
        ):
            raise forms.ValidationError(_("You may only add helplines of your agency."))
        return agency


class HelplineViewSet(AgencyDataViewSet):
    model = Helpline
    icon = "mobile-alt"
    menu_label = _("Helplines")
    add_to_admin_menu = True
    list_display = ["purpose", "number", "agency", "is_free"]
    list_filter = ["is_free"]
    search_fields = ["purpose", "number"]
    # Wagtail 8 takes the form class from the panels, not from base_form_class.
    edit_handler = ObjectList(Helpline.panels, base_form_class=HelplineForm)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("agency")


register_snippet(HelplineViewSet)
