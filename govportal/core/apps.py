from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page shares: layout, languages, error pages, security headers."""

    name = "govportal.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        # Connect the rich text sanitiser's signal handlers.
        from . import richtext  # noqa: F401
        from .languages import register_language_info

        register_language_info()
