from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search box over every content type, insensitive to script and spelling."""

    name = "govportal.search"
    label = "portal_search"
    verbose_name = _("Search")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
