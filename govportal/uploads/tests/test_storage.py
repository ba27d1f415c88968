"""The media storage writes whole files or nothing, and says when the disk is full."""

import errno
import os
from unittest import mock

import pytest
from django.core.files.base import ContentFile

from govportal.uploads import storage as storage_module
from govportal.uploads.storage import AtomicFileSystemStorage, StorageFull
from govportal.uploads.testing import fail_after, files_under


@pytest.fixture
def storage(tmp_path):
    return AtomicFileSystemStorage(location=tmp_path, base_url="/media/")


def test_a_file_is_stored_whole_under_its_name(storage, tmp_path):
    data = os.urandom(300_000)
    name = storage.save("documents/report.pdf", ContentFile(data))
    assert name == "documents/report.pdf"
    assert (tmp_path / name).read_bytes() == data
    assert files_under(tmp_path) == {"documents/report.pdf"}
    assert oct((tmp_path / name).stat().st_mode & 0o777) == "0o644"


def test_an_existing_file_is_never_overwritten(storage, tmp_path):
    first = storage.save("documents/report.pdf", ContentFile(b"first"))
    second = storage.save("documents/report.pdf", ContentFile(b"second"))
    assert first != second
    assert (tmp_path / first).read_bytes() == b"first"
    assert (tmp_path / second).read_bytes() == b"second"


def test_text_content_is_stored_as_utf8(storage, tmp_path):
    name = storage.save("notes.txt", ContentFile("Oʻzbekiston"))
    assert (tmp_path / name).read_text(encoding="utf-8") == "Oʻzbekiston"


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_leaves_nothing_behind(storage, tmp_path, code):
    storage.save("documents/old.pdf", ContentFile(b"kept"))
    with (
        mock.patch.object(storage_module.os, "write", fail_after(100_000, code)),
        pytest.raises(StorageFull) as raised,
    ):
        storage.save("documents/new.pdf", ContentFile(os.urandom(300_000)))
    assert raised.value.errno == code
    assert raised.value.strerror == str(StorageFull.message)
    assert files_under(tmp_path) == {"documents/old.pdf"}


def test_a_full_disk_at_the_final_flush_leaves_nothing_behind(storage, tmp_path):
    with (
        mock.patch.object(
            storage_module.os, "fsync", side_effect=OSError(errno.ENOSPC, "full")
        ),
        pytest.raises(StorageFull),
    ):
        storage.save("a.txt", ContentFile(b"data"))
    assert files_under(tmp_path) == set()


def test_other_errors_pass_through_and_leave_nothing(storage, tmp_path):
    with (
        mock.patch.object(storage_module.os, "write", fail_after(10, errno.EIO)),
        pytest.raises(OSError) as raised,
    ):
        storage.save("a.txt", ContentFile(b"x" * 100))
    assert not isinstance(raised.value, StorageFull)
    assert raised.value.errno == errno.EIO
    assert files_under(tmp_path) == set()


def test_file_systems_without_hard_links_still_get_whole_files(storage, tmp_path):
    with mock.patch.object(
        storage_module.os, "link", side_effect=OSError(errno.EPERM, "no links")
    ):
        first = storage.save("a.txt", ContentFile(b"one"))
        second = storage.save("a.txt", ContentFile(b"two"))
    assert (tmp_path / first).read_bytes() == b"one"
    assert (tmp_path / second).read_bytes() == b"two"
    assert files_under(tmp_path) == {first, second}


def test_the_project_stores_media_with_it():
    from django.core.files.storage import storages

    assert isinstance(storages["default"], AtomicFileSystemStorage)
