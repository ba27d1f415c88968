from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UploadsConfig(AppConfig):
    """Images and documents: checked by content, stored whole, served safely.

    No models of its own: it provides the base forms Wagtail builds its image and
    document forms on, the media storage, the document view's headers, and image
    renditions that a full disk cannot break (docs/security.md, "Uploads and rich
    text").
    """

    name = "govportal.uploads"
    label = "uploads"
    verbose_name = _("Uploads")

    def ready(self):
        from wagtail.admin.views.account import AvatarSettingsPanel

        from . import renditions
        from .forms import AvatarForm

        renditions.install()
        # Wagtail's account page has no setting for its profile-picture form, and
        # its template shows no error.
        AvatarSettingsPanel.form_class = AvatarForm
        AvatarSettingsPanel.template_name = "uploads/avatar_panel.html"
