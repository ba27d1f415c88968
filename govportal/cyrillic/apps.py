from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CyrillicConfig(AppConfig):
    """Cyrillic versions of Latin-script content, generated and kept in step.

    The transliteration itself is the pure library ``govportal.translit``; this app
    connects it to Wagtail: publishing an Uzbek (or Karakalpak) Latin page or saving a
    snippet regenerates its Cyrillic translation, unless an editor changed that one by
    hand. It also serves the public ``/translit/`` tool.
    """

    name = "govportal.cyrillic"
    label = "cyrillic"
    verbose_name = _("Cyrillic versions")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
