from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News, the calendar archive, and the "New on the portal" announcements."""

    name = "govportal.news"
    label = "news"
    verbose_name = _("News")
