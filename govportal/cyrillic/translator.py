"""wagtail-localize's "Machine translate" button, doing transliteration."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from govportal.translit import transliterate_html

from .sync import CYRILLIC_SOURCES

# (source locale, target locale) -> (direction, transliteration language)
DIRECTIONS = {}
for _target, (_source, _lang) in CYRILLIC_SOURCES.items():
    DIRECTIONS[(_source, _target)] = ("cyrillic", _lang)
    DIRECTIONS[(_target, _source)] = ("latin", _lang)


class TransliterationTranslator(BaseMachineTranslator):
    """Latin <-> Cyrillic for Uzbek and Karakalpak, through ``govportal.translit``."""

    display_name = _("Transliteration")

    def translate(self, source_locale, target_locale, strings):
        direction, lang = DIRECTIONS[
            (source_locale.language_code, target_locale.language_code)
        ]
        return {
            string: StringValue(
                transliterate_html(string.data, to=direction, lang=lang)
            )
            for string in strings
        }

    def can_translate(self, source_locale, target_locale):
        return (source_locale.language_code, target_locale.language_code) in DIRECTIONS
