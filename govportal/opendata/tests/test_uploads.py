"""A resource's file, uploaded in the admin, is stored whole or not at all: a full
media disk is an error on the file field, in the editor's language, with no row."""

import hashlib
import os
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from govportal.agencies.models import AgencyPage
from govportal.opendata.models import Dataset, Resource
from govportal.uploads.storage import StorageFull
from govportal.uploads.testing import files_under, media_write_fails

RESOURCES = "/admin/snippets/opendata/resource/"
CSV = b"yil,soni\n2024,12\n2025,15\n"


@pytest.fixture
def dataset():
    justice = AgencyPage.objects.get(slug="justice", locale__language_code="uz")
    return Dataset.objects.filter(
        agency_key=justice.translation_key, locale__language_code="uz"
    ).first()


def _form(dataset, filename: str, data: bytes, **changes) -> dict:
    return {
        "dataset": dataset.pk,
        "name": "Notariuslar soni",
        "description": "",
        "format": "CSV",
        "file": SimpleUploadedFile(filename, data),
        "url": "",
        "sort_order": "3",
        **changes,
    }


def _add(client, dataset, filename: str, data: bytes):
    return client.post(f"{RESOURCES}add/?locale=uz", _form(dataset, filename, data))


def _file_errors(response) -> list[str]:
    assert response.status_code == 200, response.status_code
    return list(response.context["form"].errors.get("file", []))


def test_a_resource_file_is_stored_whole_and_measured(english_admin, media, dataset):
    assert _add(english_admin, dataset, "notaries.csv", CSV).status_code == 302
    resource = Resource.objects.get(dataset=dataset, name="Notariuslar soni")
    assert (resource.size, resource.checksum) == (
        len(CSV),
        hashlib.sha256(CSV).hexdigest(),
    )
    stored = files_under(media)
    assert stored == {resource.file.name}
    # Every language of the dataset got the same file, measured the same.
    translations = Resource.objects.filter(translation_key=resource.translation_key)
    assert translations.count() > 1
    assert set(translations.values_list("file", "size", "checksum")) == {
        (resource.file.name, resource.size, resource.checksum)
    }

    # A new file replaces the old one's measurements too.
    longer = CSV + b"2026,19\n"
    response = english_admin.post(
        f"{RESOURCES}edit/{resource.pk}/", _form(dataset, "notaries.csv", longer)
    )
    assert response.status_code == 302
    resource.refresh_from_db()
    assert (resource.size, resource.checksum) == (
        len(longer),
        hashlib.sha256(longer).hexdigest(),
    )
    assert (Path(media) / resource.file.name).read_bytes() == longer


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "storage is full"),
        ("ru", "хранилище сервера заполнено"),
        ("uz", "serverdagi xotira toʻlgan"),
    ],
)
def test_a_full_disk_is_a_form_error_on_the_resource_file(
    english_admin, media, dataset, admin_user, language, words
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = language
    profile.save()
    count = Resource.objects.count()
    with media_write_fails(media):
        response = _add(english_admin, dataset, "notaries.csv", CSV * 100)
    assert len(_file_errors(response)) == 1
    error = response.context["form"].errors.as_data()["file"][0]
    assert error.code == "storage_full"
    assert words in response.text  # rendered in the editor's language
    assert Resource.objects.count() == count
    assert files_under(media) == set()


def test_a_full_disk_keeps_the_resource_and_its_old_file(english_admin, media, dataset):
    assert _add(english_admin, dataset, "notaries.csv", CSV).status_code == 302
    resource = Resource.objects.get(dataset=dataset, name="Notariuslar soni")
    before = (resource.file.name, resource.size, resource.checksum)
    with media_write_fails(media):
        response = english_admin.post(
            f"{RESOURCES}edit/{resource.pk}/",
            _form(dataset, "new.csv", CSV * 100, name="Boshqa nom"),
        )
    assert _file_errors(response) == [str(StorageFull.message)]
    resource.refresh_from_db()
    assert (resource.name, resource.file.name, resource.size, resource.checksum) == (
        "Notariuslar soni",
        *before,
    )
    assert files_under(media) == {before[0]}


def test_a_really_full_disk_is_a_form_error_on_the_resource_file(
    english_admin, tiny_disk, dataset
):
    count = Resource.objects.count()
    big = os.urandom(400 * 1024).hex().encode()  # 800 KiB of text
    errors = _file_errors(_add(english_admin, dataset, "big.csv", big))
    assert errors == [str(StorageFull.message)]
    assert Resource.objects.count() == count
    assert files_under(tiny_disk) == set()
    # Room again: a small file goes through.
    assert _add(english_admin, dataset, "small.csv", CSV).status_code == 302
    assert Resource.objects.filter(dataset=dataset, size=len(CSV)).exists()
