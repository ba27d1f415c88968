"""Uploads through the Wagtail admin: checked by content, with the editor told why,
and a full media disk shown as a form error with nothing half-written left."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from govportal.uploads import storage as storage_module
from govportal.uploads.testing import files_under, media_write_fails

from . import samples


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


def test_a_real_image_and_document_are_accepted(english_admin, media):
    assert (
        _post(english_admin, "images", "photo.png", samples.image()).status_code == 302
    )
    assert (
        _post(english_admin, "documents", "report.pdf", samples.pdf()).status_code
        == 302
    )
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
def test_images_that_are_not_what_they_claim_are_refused(
    english_admin, media, name, data
):
    count = get_image_model().objects.count()
    assert _file_errors(_post(english_admin, "images", name, data))
    assert get_image_model().objects.count() == count
    assert files_under(media) == set()


@pytest.mark.parametrize("name", sorted(samples.BAD_DOCUMENTS))
def test_documents_that_are_not_what_they_claim_are_refused(english_admin, media, name):
    data, _code = samples.BAD_DOCUMENTS[name]
    count = get_document_model().objects.count()
    assert _file_errors(_post(english_admin, "documents", name, data))
    assert get_document_model().objects.count() == count
    assert files_under(media) == set()


def test_html_svg_and_scripts_are_not_accepted_as_documents(english_admin, media):
    for name in ("page.html", "vector.svg", "app.js"):
        errors = _file_errors(
            _post(english_admin, "documents", name, b"<script>x</script>")
        )
        assert errors, name


def test_size_limits_apply(english_admin, media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100
    assert (
        "too big"
        in _file_errors(
            _post(english_admin, "documents", "report.pdf", samples.pdf() + b" " * 200)
        )[0]
    )
    assert (
        "too big"
        in _file_errors(
            _post(english_admin, "images", "photo.png", samples.image(size=(200, 200)))
        )[0]
    )


def test_the_multiple_uploader_refuses_a_disguised_file(english_admin, media):
    response = english_admin.post(
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


def test_errors_are_in_the_editors_language(english_admin, media, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    for language, words in (("ru", "не соответствует"), ("uz", "mos kelmaydi")):
        profile.preferred_language = language
        profile.save()
        response = _post(english_admin, "documents", "page.pdf", b"<html></html>")
        assert _file_errors(response)
        assert words in response.text


@pytest.mark.parametrize(
    ("kind", "name", "data"),
    [
        ("images", "photo.png", samples.image("PNG", size=(200, 200), noise=True)),
        ("documents", "report.docx", samples.ooxml("docx")),
    ],
)
def test_a_full_disk_is_a_form_error_and_leaves_nothing(
    english_admin, media, kind, name, data
):
    model = get_image_model() if kind == "images" else get_document_model()
    count = model.objects.count()
    with media_write_fails(media):
        response = _post(english_admin, kind, name, data)
    errors = _file_errors(response)
    assert errors == [str(storage_module.StorageFull.message)]
    assert "storage is full" in response.text
    assert model.objects.count() == count
    assert files_under(media) == set()


def test_the_multiple_uploader_reports_a_full_disk(english_admin, media):
    count = get_document_model().objects.count()
    with media_write_fails(media):
        response = english_admin.post(
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


def test_a_really_full_disk_is_a_form_error_and_leaves_nothing(
    english_admin, tiny_disk
):
    count = get_image_model().objects.count()
    photo = samples.image("PNG", size=(400, 400), noise=True)  # ~480 KB
    errors = _file_errors(_post(english_admin, "images", "photo.png", photo))
    assert errors == [str(storage_module.StorageFull.message)]
    assert get_image_model().objects.count() == count
    assert files_under(tiny_disk) == set()
    # Room again: the same upload goes through.
    small = samples.image("PNG")
    assert _post(english_admin, "images", "small.png", small).status_code == 302
    assert get_image_model().objects.count() == count + 1


def _account_form(client) -> dict:
    """The account page's fields, as a browser would send them unchanged."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(client.get("/admin/account/").content, "html.parser")
    data = {}
    for field in soup.select("form [name]"):
        name, kind = field["name"], field.get("type")
        if field.name == "select":
            option = field.select_one("option[selected]") or field.select_one("option")
            data[name] = option.get("value", "") if option else ""
        elif kind in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif kind != "file" and field.name in ("input", "textarea"):
            data[name] = field.get("value", field.get_text())
    return data


def test_a_full_disk_is_an_error_on_the_profile_picture(
    english_admin, media, admin_user
):
    from wagtail.users.models import UserProfile

    data = _account_form(english_admin)
    data.update(
        {"name_email-first_name": "Dilnoza", "name_email-last_name": "Ergasheva"}
    )
    photo = samples.image("PNG", size=(200, 200), noise=True)
    data["avatar-avatar"] = SimpleUploadedFile("me.png", photo)
    with media_write_fails(media):
        response = english_admin.post("/admin/account/", data)
    assert response.status_code == 200
    assert "storage is full" in response.text
    assert not UserProfile.get_for_user(admin_user).avatar
    admin_user.refresh_from_db()
    assert admin_user.first_name != "Dilnoza"  # nothing of the submission is saved
    assert files_under(media) == set()
    # Room again: the same submission goes through.
    data["avatar-avatar"] = SimpleUploadedFile("me.png", photo)
    assert english_admin.post("/admin/account/", data).status_code == 302
    assert UserProfile.get_for_user(admin_user).avatar
    admin_user.refresh_from_db()
    assert admin_user.first_name == "Dilnoza"


def test_a_profile_picture_is_checked_as_images_are(english_admin, media, admin_user):
    from wagtail.users.models import UserProfile

    data = _account_form(english_admin)
    photo = samples.image("PNG", size=(200, 200), noise=True)
    data["avatar-avatar"] = SimpleUploadedFile("me.png", photo[: len(photo) // 2])
    response = english_admin.post("/admin/account/", data)
    assert response.status_code == 200
    assert not UserProfile.get_for_user(admin_user).avatar
    assert files_under(media) == set()
    data["avatar-avatar"] = SimpleUploadedFile("me.jpg", photo)  # a PNG named .jpg
    assert english_admin.post("/admin/account/", data).status_code == 200
    assert not UserProfile.get_for_user(admin_user).avatar
