"""Uploads through the Wagtail admin: checked by content, with the editor told why,
and a full media disk shown as a form error with nothing half-written left."""

import os
import subprocess
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from govportal.uploads import storage as storage_module

from . import samples
from .test_storage import fail_after, files_under


@pytest.fixture
def editor(client, admin_user):
    """An administrator signed in, using the admin in English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return client


@pytest.fixture
def media(settings, tmp_path):
    """An empty MEDIA_ROOT of its own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    os.makedirs(settings.MEDIA_ROOT)
    return settings.MEDIA_ROOT


def _post(client, kind: str, name: str, data: bytes):
    return client.post(
        f"/admin/{kind}/add/",
        {
            "title": name,
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, data),
        },
    )


def _file_errors(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return list(response.context["form"].errors.get("file", []))


def test_a_real_image_and_document_are_accepted(editor, media):
    assert _post(editor, "images", "photo.png", samples.image()).status_code == 302
    assert _post(editor, "documents", "report.pdf", samples.pdf()).status_code == 302
    stored = files_under(media)
    assert any(name.startswith("original_images/photo") for name in stored)
    assert any(name.startswith("documents/report") for name in stored)
    assert not any(".part" in name for name in stored)


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("page.png", b"<html><script>alert(1)</script></html>"),
        ("vector.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="x()"/>'),
        ("photo.png", samples.image("JPEG")),
        ("cut.png", samples.image("PNG", size=(200, 200), noise=True)[:3000]),
        ("vector.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
    ],
)
def test_images_that_are_not_what_they_claim_are_refused(editor, media, name, data):
    count = get_image_model().objects.count()
    assert _file_errors(_post(editor, "images", name, data))
    assert get_image_model().objects.count() == count
    assert files_under(media) == set()


@pytest.mark.parametrize("name", sorted(samples.BAD_DOCUMENTS))
def test_documents_that_are_not_what_they_claim_are_refused(editor, media, name):
    data, _code = samples.BAD_DOCUMENTS[name]
    count = get_document_model().objects.count()
    assert _file_errors(_post(editor, "documents", name, data))
    assert get_document_model().objects.count() == count
    assert files_under(media) == set()


def test_html_svg_and_scripts_are_not_accepted_as_documents(editor, media):
    for name in ("page.html", "vector.svg", "app.js"):
        errors = _file_errors(_post(editor, "documents", name, b"<script>x</script>"))
        assert errors, name


def test_size_limits_apply(editor, media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    assert (
        "too big"
        in _file_errors(
            _post(editor, "documents", "report.pdf", samples.pdf() + b" " * 200)
        )[0]
    )
    assert (
        "too big"
        in _file_errors(
            _post(editor, "images", "photo.png", samples.image(size=(200, 200)))
        )[0]
    )


def test_the_multiple_uploader_refuses_a_disguised_file(editor, media):
    response = editor.post(
        "/admin/documents/multiple/add/",
        {
            "files[]": SimpleUploadedFile("page.pdf", b"<html></html>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    answer = response.json()
    assert answer["success"] is False
    assert answer["error_message"] == (
        "The content of this file does not match its extension (.pdf). Save it "
        "again in that format and upload it again."
    )


def test_errors_are_in_the_editors_language(editor, media, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    for language, words in (("ru", "не соответствует"), ("uz", "mos kelmaydi")):
        profile.preferred_language = language
        profile.save()
        response = _post(editor, "documents", "page.pdf", b"<html></html>")
        assert _file_errors(response)
        assert words in response.text


def _media_write_fails(media_root: str):
    """Patch ``os.write`` to fail with ENOSPC half-way, for files in MEDIA_ROOT only."""
    failing = fail_after(100)
    real_write = os.write

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(media_root)):
            return failing(fd, data)
        return real_write(fd, data)

    return mock.patch.object(storage_module.os, "write", write)


@pytest.mark.parametrize(
    ("kind", "name", "data"),
    [
        ("images", "photo.png", samples.image("PNG", size=(200, 200), noise=True)),
        ("documents", "report.docx", samples.ooxml("docx")),
    ],
)
def test_a_full_disk_is_a_form_error_and_leaves_nothing(
    editor, media, kind, name, data
):
    model = get_image_model() if kind == "images" else get_document_model()
    count = model.objects.count()
    with _media_write_fails(media):
        response = _post(editor, kind, name, data)
    errors = _file_errors(response)
    assert errors == [str(storage_module.StorageFull.message)]
    assert "storage is full" in response.text
    assert model.objects.count() == count
    assert files_under(media) == set()


def test_the_multiple_uploader_reports_a_full_disk(editor, media):
    count = get_document_model().objects.count()
    with _media_write_fails(media):
        response = editor.post(
            "/admin/documents/multiple/add/",
            {
                "files[]": SimpleUploadedFile("report.pdf", samples.pdf()),
                "collection": Collection.get_first_root_node().pk,
            },
        )
    answer = response.json()
    assert answer["success"] is False
    assert "storage is full" in answer["error_message"]
    assert get_document_model().objects.count() == count
    assert files_under(media) == set()


@pytest.fixture
def tiny_disk(settings, tmp_path):
    """A real 256 KiB file system as MEDIA_ROOT (needs root to mount; else skipped)."""
    mountpoint = tmp_path / "tiny"
    mountpoint.mkdir()
    try:
        subprocess.run(  # noqa: S603 - a fixed program; the path is the test's
            ["/usr/bin/mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mountpoint],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a small file system here")
    settings.MEDIA_ROOT = str(mountpoint)
    try:
        yield str(mountpoint)
    finally:
        subprocess.run(  # noqa: S603 - a fixed program; the path is the test's
            ["/usr/bin/umount", "-l", mountpoint], capture_output=True, timeout=10
        )


def test_a_really_full_disk_is_a_form_error_and_leaves_nothing(editor, tiny_disk):
    count = get_image_model().objects.count()
    photo = samples.image("PNG", size=(400, 400), noise=True)  # ~480 KB
    errors = _file_errors(_post(editor, "images", "photo.png", photo))
    assert errors == [str(storage_module.StorageFull.message)]
    assert get_image_model().objects.count() == count
    assert files_under(tiny_disk) == set()
    # Room again: the same upload goes through.
    small = samples.image("PNG")
    assert _post(editor, "images", "small.png", small).status_code == 302
    assert get_image_model().objects.count() == count + 1
