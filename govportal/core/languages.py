"""The portal's languages: URL codes, BCP 47 tags and CLDR locales.

Django identifies a language by its lowercase code, which is also the URL prefix
(``/uz/``, ``/uz-cyrl/``, ``/kaa/``). HTML needs the BCP 47 tag with its script
(``uz-Latn``), and Babel needs the CLDR locale (``uz_Latn``); this module is the one
place that maps between them.
"""

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.translation import get_language

BCP47_TAGS = {
    "uz": "uz-Latn",
    "uz-cyrl": "uz-Cyrl",
    "kaa": "kaa-Latn",
    "kaa-cyrl": "kaa-Cyrl",
    "ru": "ru",
    "en": "en",
}

CLDR_LOCALES = {
    "uz": "uz_Latn",
    "uz-cyrl": "uz_Cyrl",
    "kaa": "kaa_Latn",
    "kaa-cyrl": "kaa_Cyrl",
    "ru": "ru",
    "en": "en",
}

# Django ships no entry for these codes; ``get_language_info`` and the admin need one.
EXTRA_LANG_INFO = {
    "uz-cyrl": {
        "bidi": False,
        "code": "uz-cyrl",
        "name": "Uzbek (Cyrillic)",
        "name_local": "Ўзбекча",
    },
    "kaa": {
        "bidi": False,
        "code": "kaa",
        "name": "Karakalpak",
        "name_local": "Qaraqalpaqsha",
    },
    "kaa-cyrl": {
        "bidi": False,
        "code": "kaa-cyrl",
        "name": "Karakalpak (Cyrillic)",
        "name_local": "Қарақалпақша",
    },
    # Codes that gov.uz used, so that old links and browsers asking for them still land.
    "oz": {"fallback": ["uz"]},
    "qr": {"fallback": ["kaa"]},
    "uz-latn": {"fallback": ["uz"]},
    "kaa-latn": {"fallback": ["kaa"]},
}


def register_language_info() -> None:
    """Teach Django the languages it lacks; called once from ``CoreConfig.ready``."""
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)


def language_codes() -> list[str]:
    """The enabled language codes, default language first."""
    return [code for code, _name in settings.LANGUAGES]


def bcp47_tag(code: str | None = None) -> str:
    """The BCP 47 tag for ``lang`` and ``hreflang`` (the active language by default)."""
    code = code or get_language() or settings.LANGUAGE_CODE
    return BCP47_TAGS.get(code, code)


def cldr_locale(code: str | None = None) -> str:
    """The CLDR locale name Babel uses for dates and numbers."""
    code = code or get_language() or settings.LANGUAGE_CODE
    return CLDR_LOCALES.get(code, code.replace("-", "_"))
