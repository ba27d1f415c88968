from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpengovConfig(AppConfig):
    """The Open Government page, later the landing of the open-data catalogue."""

    name = "govportal.opengov"
    label = "opengov"
    verbose_name = _("Open Government")
