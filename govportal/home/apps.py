from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    """The portal's front page, one per language."""

    name = "govportal.home"
    label = "home"
    verbose_name = _("Home")
