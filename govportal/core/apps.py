from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """What every page shares: layout, languages, error pages, security headers."""

    name = "govportal.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from . import menus  # noqa: F401 - connects the menu cache's signal handlers
        from .languages import register_language_info

        register_language_info()
