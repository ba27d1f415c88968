"""Files are judged by their bytes, not by their names."""

import io

import pytest
from django.core.exceptions import ValidationError

from govportal.uploads.checks import check_document, check_image

from . import samples


@pytest.mark.parametrize("name", sorted(samples.GOOD_DOCUMENTS))
def test_real_documents_pass(name):
    data = samples.GOOD_DOCUMENTS[name]
    check_document(io.BytesIO(data), extension=name.rsplit(".")[1], size=len(data))


@pytest.mark.parametrize("name", sorted(samples.BAD_DOCUMENTS))
def test_documents_whose_bytes_do_not_match_their_name_fail(name):
    data, code = samples.BAD_DOCUMENTS[name]
    with pytest.raises(ValidationError) as raised:
        check_document(io.BytesIO(data), extension=name.rsplit(".")[1], size=len(data))
    assert raised.value.code == code


def test_an_extension_without_a_check_is_refused():
    with pytest.raises(ValidationError) as raised:
        check_document(io.BytesIO(b"MZ"), extension="exe", size=2)
    assert raised.value.code == "document_unchecked"


def test_a_zip_bomb_is_refused_without_being_unpacked(monkeypatch):
    from govportal.uploads import checks

    monkeypatch.setattr(checks, "ZIP_MAX_UNCOMPRESSED", 100)
    data = samples.ooxml("docx")
    with pytest.raises(ValidationError) as raised:
        check_document(io.BytesIO(data), extension="docx", size=len(data))
    assert raised.value.code == "document_damaged"


@pytest.mark.parametrize(
    ("format_name", "extension"),
    [
        ("PNG", "png"),
        ("JPEG", "jpg"),
        ("JPEG", "jpeg"),
        ("GIF", "gif"),
        ("WEBP", "webp"),
    ],
)
def test_real_images_pass(format_name, extension):
    check_image(io.BytesIO(samples.image(format_name)), extension=extension)


def test_a_truncated_image_fails_although_its_header_is_fine():
    data = samples.image("PNG", size=(300, 300), noise=True)
    with pytest.raises(ValidationError) as raised:
        check_image(io.BytesIO(data[: len(data) // 2]), extension="png")
    assert raised.value.code == "image_unreadable"


def test_an_image_whose_format_differs_from_its_extension_fails():
    with pytest.raises(ValidationError) as raised:
        check_image(io.BytesIO(samples.image("JPEG")), extension="png")
    assert raised.value.code == "image_format"


def test_an_accepted_format_outside_the_settings_fails(settings):
    settings.WAGTAILIMAGES_EXTENSIONS = ["png"]
    with pytest.raises(ValidationError) as raised:
        check_image(io.BytesIO(samples.image("GIF")), extension="gif")
    assert raised.value.code == "image_format"


def test_svg_and_html_are_not_images():
    for data in (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        b"<html><script>alert(1)</script></html>",
    ):
        with pytest.raises(ValidationError):
            check_image(io.BytesIO(data), extension="png")
