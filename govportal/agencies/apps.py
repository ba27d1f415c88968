from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    """Government agencies, their sections of the portal, and their helplines."""

    name = "govportal.agencies"
    label = "agencies"
    verbose_name = _("Agencies")

    def ready(self):
        from . import sections  # noqa: F401  (connects the signal handler)
