"""The Wagtail admin's image and document forms, checked by content and stored whole.

Wagtail builds every image and document form (single upload, multiple upload,
chooser upload, edit) on the base classes named by ``WAGTAILIMAGES_IMAGE_FORM_BASE``
and ``WAGTAILDOCS_DOCUMENT_FORM_BASE``; these are those classes. They add two
things to Wagtail's own checks:

* the file's bytes are checked against its extension (``govportal.uploads.checks``);
* once everything else is valid, the file is written to the media storage during
  validation, so that a full disk (``StorageFull``) becomes an error on the file
  field, shown by the admin like any other, before any database row exists.
  Saving the model then finds the file already stored and does not write it again.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .checks import MESSAGES, check_document, check_image, extension_of
from .storage import StorageFull


class StoreWhileValidatingMixin:
    """Write a new upload to storage at the end of validation; a full disk is a
    form error on ``file``."""

    def _post_clean(self):
        file_errors = list(self._errors.get("file", []))
        super()._post_clean()
        if file_errors:
            # Wagtail's model validation then complains about the missing file's
            # extension too: one error per problem is enough.
            del self._errors["file"][len(file_errors) :]
            return
        field_file = getattr(self.instance, "file", None)
        if self.errors or not field_file or getattr(field_file, "_committed", True):
            return
        try:
            field_file.save(field_file.name, field_file.file, save=False)
        except StorageFull:
            self.add_error(
                "file", ValidationError(StorageFull.message, code="storage_full")
            )


class CheckedImageField(WagtailImageField):
    """Wagtail's image field; the image must also decode completely with Pillow.

    Wagtail's own checks raise a server error, not a form error, on some damaged
    files (a truncated PNG): any failure to read the image is a form error here.
    """

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - decoders raise anything
            raise ValidationError(
                MESSAGES["image_unreadable"], code="image_unreadable"
            ) from error
        if isinstance(uploaded, UploadedFile):
            check_image(uploaded, extension=extension_of(uploaded.name))
        return uploaded


class ImageForm(StoreWhileValidatingMixin, BaseImageForm):
    """Wagtail's image form, with ``CheckedImageField`` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds the field itself (formfield_callback); keep everything it
        # set up (label, widget, limits, messages) and add the checks.
        if type(field) is WagtailImageField:
            field.__class__ = CheckedImageField


class DocumentForm(StoreWhileValidatingMixin, BaseDocumentForm):
    """Wagtail's document form; the content must match the extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            extension = extension_of(uploaded.name)
            # Wagtail's own check reports an extension outside the list.
            if extension in settings.WAGTAILDOCS_EXTENSIONS:
                check_document(uploaded, extension=extension, size=uploaded.size)
        return uploaded
