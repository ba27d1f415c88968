"""Script repair for what editors save in Uzbek and Karakalpak.

Text pasted from old documents mixes Cyrillic and Latin look-alike letters inside
words and types oʻ, gʻ and the tutuq with any of half a dozen apostrophes. That breaks
search, duplicate detection and screen readers, so ``NormalizedScriptMixin.clean``
repairs every translatable text field with ``govportal.translit.normalize`` before
the object is validated and saved (Wagtail's admin forms and ``save_revision`` both
call ``clean``).
"""

from functools import partial

from govportal.translit import normalize, normalize_html

from .sync import map_text_fields

# Locale -> transliteration language whose rules apply to its text.
NORMALIZED_LOCALES = {"uz": "uz", "uz-cyrl": "uz", "kaa": "kaa", "kaa-cyrl": "kaa"}


def normalize_instance(instance) -> None:
    """Repair the text fields of a page or snippet in an Uzbek or Karakalpak locale."""
    locale = getattr(instance, "locale", None) if instance.locale_id else None
    lang = NORMALIZED_LOCALES.get(locale.language_code) if locale else None
    if lang is None:
        return
    values = map_text_fields(
        instance,
        text=partial(normalize, lang=lang),
        html=partial(normalize_html, lang=lang),
    )
    for attname, value in values.items():
        setattr(instance, attname, value)


class NormalizedScriptMixin:
    """Normalize Uzbek and Karakalpak text on every clean (so on every save)."""

    def clean(self):
        super().clean()
        normalize_instance(self)
