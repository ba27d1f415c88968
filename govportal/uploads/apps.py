from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Images and documents: checked by content, stored whole, served safely.

    No models of its own: it provides the base forms Wagtail builds its image and
    document forms on, the media storage, and the document view's headers
    (docs/security.md, "Uploads and rich text").
    """

    name = "govportal.uploads"
    label = "uploads"
    verbose_name = _("Uploads")
