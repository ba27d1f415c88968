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

``StoreWhileValidatingMixin`` does the second for any model form with a file: the
open-data resources' form uses it too, and so does the profile picture of the
account page (``AvatarForm``, put in place by ``UploadsConfig.ready``).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.admin.forms.account import AvatarPreferencesForm
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .checks import MESSAGES, check_document, check_image, extension_of
from .storage import StorageFull


class StoreWhileValidatingMixin:
    """Write a new upload to storage at the end of validation; a full disk is a
    form error on the file field (``file_field_name``).

    Any model form with a ``FileField`` can use it: the file is stored before the
    row, so a full disk leaves neither a row nor a file. ``file_stored`` is called
    once the new file has its name, for facts a model reads from it.
    """

    file_field_name = "file"

    def _post_clean(self):
        name = self.file_field_name
        file_errors = list(self._errors.get(name, []))
        super()._post_clean()
        if file_errors:
            # Wagtail's model validation then complains about the missing file's
            # extension too: one error per problem is enough.
            del self._errors[name][len(file_errors) :]
            return
        field_file = getattr(self.instance, name, None)
        if self.errors or not field_file or getattr(field_file, "_committed", True):
            return
        try:
            field_file.save(field_file.name, field_file.file, save=False)
        except StorageFull:
            self.add_error(
                name, ValidationError(StorageFull.message, code="storage_full")
            )
        else:
            self.file_stored(getattr(self.instance, name))

    def file_stored(self, field_file) -> None:
        """The new upload is stored as ``field_file``; nothing to do by default."""


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


class AvatarForm(StoreWhileValidatingMixin, AvatarPreferencesForm):
    """Wagtail's profile-picture form (Account → Profile): the picture is checked as
    images are (nginx serves it from disk); a full disk is an error on it, and no
    account setting of the same submission is saved."""

    file_field_name = "avatar"

    def clean_avatar(self):
        upload = self.cleaned_data.get("avatar")
        if isinstance(upload, UploadedFile):
            check_image(upload, extension=extension_of(upload.name))
        return super().clean_avatar()

    def full_clean(self):
        # The account page validates this form twice per submission, to save and
        # again to show the page: the second reading must start at the beginning.
        upload = self.files.get(self.add_prefix("avatar")) if self.files else None
        if upload is not None:
            upload.seek(0)
        super().full_clean()
