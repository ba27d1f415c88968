from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public JSON API (``/api/v1/``) and its OpenAPI description."""

    name = "govportal.api"
    label = "api"
    verbose_name = _("Public API")
