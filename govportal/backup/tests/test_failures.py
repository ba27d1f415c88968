"""Failures on the way: a backup that fails leaves no archive, a restore that fails
leaves the old database and media. On a small SQLite portal of their own."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from django.db.utils import ConnectionHandler

from govportal.backup import archive
from govportal.backup.archive import (
    RestoreError,
    create_backup,
    restore_backup,
    verify_archive,
)


def sqlite_connection(path: Path):
    handler = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}}
    )
    return handler["default"]


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(
            path.read_bytes()
        ).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def small_site(tmp_path):
    database = tmp_path / "var" / "site.sqlite3"
    database.parent.mkdir()
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT)")
        db.executemany("INSERT INTO note (text) VALUES (?)", [("one",), ("two",)])
    db.close()
    media = tmp_path / "var" / "media"
    (media / "images").mkdir(parents=True)
    (media / "images" / "a.png").write_bytes(b"\x89PNG first")
    (media / "documents").mkdir()
    (media / "documents" / "b.txt").write_text("oʻzbekcha matn")
    connection = sqlite_connection(database)
    yield database, media, connection
    connection.close()


def notes(database: Path) -> list[str]:
    with sqlite3.connect(database) as db:
        rows = [text for (text,) in db.execute("SELECT text FROM note ORDER BY id")]
    db.close()
    return rows


def test_a_failed_backup_leaves_no_archive(small_site, tmp_path, monkeypatch):
    database, media, connection = small_site
    output = tmp_path / "backups"
    output.mkdir()
    calls = []

    def failing_add(tar, path, name, files):
        calls.append(name)
        if len(calls) == 3:
            raise OSError("No space left on device")
        return real_add(tar, path, name, files)

    real_add = archive._add_file
    monkeypatch.setattr(archive, "_add_file", failing_add)
    with pytest.raises(OSError, match="No space left"):
        create_backup(
            output, connection=connection, media_root=media, backup_dir=output
        )
    assert list(output.iterdir()) == []

    monkeypatch.setattr(archive, "_add_file", real_add)
    result = create_backup(
        None, connection=connection, media_root=media, backup_dir=output
    )
    assert [path.name for path in output.iterdir()] == [result.path.name]
    assert result.path.stat().st_mode & 0o077 == 0  # it holds password hashes
    manifest = verify_archive(result.path)
    assert set(manifest["files"]) == {
        "database.sqlite3",
        "media/documents/b.txt",
        "media/images/a.png",
    }


def test_a_restore_that_fails_midway_keeps_the_old_state(
    small_site, tmp_path, monkeypatch
):
    database, media, connection = small_site
    made = create_backup(
        tmp_path / "site.tar.gz",
        connection=connection,
        media_root=media,
        backup_dir=tmp_path,
    )
    manifest = verify_archive(made.path)
    # After the backup: a note added, a file changed, one deleted, one added.
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO note (text) VALUES ('three')")
    db.close()
    (media / "images" / "a.png").write_bytes(b"\x89PNG changed")
    (media / "documents" / "b.txt").unlink()
    (media / "c.txt").write_text("new")
    media_before = tree(media)

    def failing_replace(source, target):
        raise OSError("Input/output error")

    monkeypatch.setattr(archive.os, "replace", failing_replace)
    with pytest.raises(OSError, match="Input/output"):
        restore_backup(made.path, manifest, connection=connection, media_root=media)
    assert notes(database) == ["one", "two", "three"]
    assert tree(media) == media_before
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".govportal")]

    monkeypatch.undo()
    restore_backup(made.path, manifest, connection=connection, media_root=media)
    assert notes(database) == ["one", "two"]
    assert tree(media) == {
        "documents/b.txt": hashlib.sha256("oʻzbekcha matn".encode()).hexdigest(),
        "images/a.png": hashlib.sha256(b"\x89PNG first").hexdigest(),
    }
    assert not [p for p in media.parent.iterdir() if p.name.startswith(".govportal")]
    assert (
        not Path(f"{database}-wal").exists()
        or Path(f"{database}-wal").stat().st_size == 0
    )


def test_a_sqlite_database_in_use_is_not_replaced(small_site, tmp_path, monkeypatch):
    """A process still reading the old database: the restore stops before swapping
    anything in, and asks for the site to be stopped."""
    database, media, connection = small_site
    monkeypatch.setattr(archive, "SQLITE_BUSY_SECONDS", 0.2)
    made = create_backup(
        tmp_path / "site.tar.gz",
        connection=connection,
        media_root=media,
        backup_dir=tmp_path,
    )
    manifest = verify_archive(made.path)
    with sqlite3.connect(database) as writer:
        writer.execute("INSERT INTO note (text) VALUES ('three')")
    reader = sqlite3.connect(database, isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM note").fetchone()  # holds a read snapshot
    media_before = tree(media)
    try:
        with pytest.raises(RestoreError, match="in use"):
            restore_backup(made.path, manifest, connection=connection, media_root=media)
    finally:
        reader.execute("COMMIT")
        reader.close()
        writer.close()
    assert notes(database) == ["one", "two", "three"]
    assert tree(media) == media_before


def test_a_media_folder_that_is_a_mount_point_is_swapped_inside(
    small_site, tmp_path, monkeypatch
):
    """A mount point cannot be renamed: its contents are swapped instead, and the
    folder itself stays."""
    database, media, connection = small_site
    made = create_backup(
        tmp_path / "site.tar.gz",
        connection=connection,
        media_root=media,
        backup_dir=tmp_path,
    )
    manifest = verify_archive(made.path)
    expected = tree(media)
    (media / "images" / "a.png").unlink()
    (media / "late.txt").write_text("after the backup")
    inode = media.stat().st_ino
    real_ismount = archive.os.path.ismount
    monkeypatch.setattr(
        archive.os.path,
        "ismount",
        lambda path: Path(path) == media or real_ismount(path),
    )
    restore_backup(made.path, manifest, connection=connection, media_root=media)
    assert media.stat().st_ino == inode
    assert tree(media) == expected
    assert not [p for p in media.iterdir() if p.name.startswith(".govportal")]


def test_output_may_name_a_file_or_a_folder(small_site, tmp_path):
    database, media, connection = small_site
    options = {"connection": connection, "media_root": media, "backup_dir": tmp_path}
    to_file = create_backup(tmp_path / "named.tar.gz", **options)
    assert to_file.path == tmp_path / "named.tar.gz"
    to_new_folder = create_backup(f"{tmp_path}/nightly/", **options)
    assert to_new_folder.path.parent == tmp_path / "nightly"
    assert to_new_folder.path.name.startswith("govportal-backup-")
    again = create_backup(tmp_path / "nightly", **options)  # same second: no clash
    assert again.path != to_new_folder.path
    assert len(list((tmp_path / "nightly").iterdir())) == 2
