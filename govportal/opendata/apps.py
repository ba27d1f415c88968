from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    """The open-data catalogue, its CKAN-compatible API and its DCAT description."""

    name = "govportal.opendata"
    label = "opendata"
    verbose_name = _("Open data")

    def ready(self):
        from . import signal_handlers  # noqa: F401  (connects the signal handlers)
