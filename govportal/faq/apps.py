from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FaqConfig(AppConfig):
    """Questions citizens ask, with answers, by category."""

    name = "govportal.faq"
    label = "faq"
    verbose_name = _("Frequently asked questions")
