"""The GET forms that filter the directory and the helplines list."""

from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 100


class DirectoryFilterForm(forms.Form):
    """Text, type, region and A–Z letter filters of the agency directory."""

    q = forms.CharField(
        label=_("Name contains"), max_length=QUERY_MAX_LENGTH, required=False
    )
    type = forms.ChoiceField(label=_("Type"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    letter = forms.CharField(max_length=1, required=False)

    def __init__(self, *args, **kwargs):
        from .models import AgencyType, Region

        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("All types")), *AgencyType.choices]
        self.fields["region"].choices = [
            ("", _("All regions and national bodies")),
            *Region.choices,
        ]


class HelplineFilterForm(forms.Form):
    """Agency, free-of-charge and text filters of the helplines list."""

    q = forms.CharField(
        label=_("Text contains"), max_length=QUERY_MAX_LENGTH, required=False
    )
    agency = forms.TypedChoiceField(
        label=_("Agency"), coerce=int, empty_value=None, required=False
    )
    free = forms.BooleanField(label=_("Free of charge only"), required=False)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = [("", _("All agencies")), *agencies]
