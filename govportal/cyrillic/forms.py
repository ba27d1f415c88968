from django import forms
from django.utils.translation import gettext_lazy as _

MAX_CHARACTERS = 20_000


class TransliterationForm(forms.Form):
    """The public tool's form: some text, a direction and a language."""

    text = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 10, "spellcheck": "false"}),
        max_length=MAX_CHARACTERS,
        strip=False,
        error_messages={
            "max_length": _(
                "The text is too long: at most %(limit_value)d characters at a time "
                "(this one has %(show_value)d)."
            ),
            "required": _("Paste or type the text to convert."),
        },
    )
    direction = forms.ChoiceField(
        label=_("Convert to"),
        choices=[("cyrillic", _("Cyrillic script")), ("latin", _("Latin script"))],
        initial="cyrillic",
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("uz", _("Uzbek")), ("kaa", _("Karakalpak"))],
        initial="uz",
        widget=forms.RadioSelect,
    )
