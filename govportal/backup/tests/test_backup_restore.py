"""Nothing lost: ``manage.py backup`` and ``restore`` on the demo, on the suite's
database engine (``make test`` runs them on SQLite, ``make test-postgres`` on
PostgreSQL). See conftest.py for how each test gets a portal of its own."""

import gzip
import hashlib
import io
import json
import os
import sqlite3
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from govportal.backup.archive import (
    MANIFEST,
    MANIFEST_SUM,
    ArchiveError,
    verify_archive,
)

from .conftest import (
    Portal,
    drop_postgres_database,
    postgres_url,
    recreate_postgres_database,
)

pytestmark = pytest.mark.django_db  # run before the tests that empty the database


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers(folder: Path) -> list[str]:
    return sorted(
        path.name for path in folder.iterdir() if path.name.startswith(".govportal")
    )


def test_round_trip_keeps_every_page_revision_and_file(portal):
    prepared = portal.run_state("prepare")
    before = prepared.pop("state")
    locales = {page["locale"] for page in before["pages"]}
    assert {code for code, _name in settings.LANGUAGES} <= locales
    draft = next(p for p in before["pages"] if p["id"] == prepared["draft_page"])
    assert draft["has_unpublished_changes"]
    assert draft["latest_revision_content"]["title"] == "Draft kept by the backup"
    assert draft["live_content"]["title"] != "Draft kept by the backup"
    assert prepared["document_file"] in before["media"]
    assert prepared["rendition"] in before["media"]

    archive_dir = portal.root / "var" / "backups"  # the default: VAR_DIR/backups
    made = portal.manage("backup")
    archive = Path(made.stdout.strip().splitlines()[-1])
    assert archive.parent == archive_dir
    assert archive.name.startswith("govportal-backup-")
    assert archive.name.endswith(".tar.gz")
    assert [path.name for path in archive_dir.iterdir()] == [archive.name]
    manifest = verify_archive(archive)
    assert manifest["engine"] == portal.engine
    assert manifest["versions"]["django"] and manifest["versions"]["wagtail"]
    assert "wagtailcore.0001_initial" in manifest["migrations"]
    assert {name.removeprefix("media/") for name in manifest["files"]} - {
        manifest["database"]["member"]
    } == set(before["media"])
    for name, digest in before["media"].items():
        assert manifest["files"][f"media/{name}"]["sha256"] == digest

    changed = portal.run_state("mutate")
    after_mutation = changed.pop("state")
    assert after_mutation != before
    page_ids = {page["id"] for page in after_mutation["pages"]}
    assert changed["deleted_page"] not in page_ids
    assert prepared["document_file"] not in after_mutation["media"]
    assert "stray-after-backup.txt" in after_mutation["media"]

    checked = portal.manage("restore", archive, "--check")
    assert "The archive is whole." in checked.stdout
    declined = portal.manage("restore", archive, input="no\n", check=False)
    assert declined.returncode != 0
    assert "cancelled" in declined.stderr
    assert portal.state() == after_mutation

    restored = portal.manage("restore", archive, "--yes")
    assert "Restored the database" in restored.stdout
    after = portal.state()
    for key in ("pages", "revisions", "images", "renditions", "documents"):
        assert after[key] == before[key], key
    assert after["counts"] == before["counts"]
    assert after["media"] == before["media"]
    assert after == before
    assert not leftovers(portal.root)
    if portal.database_file:
        assert not leftovers(portal.database_file.parent)


def corrupt_copies(archive: Path, folder: Path) -> dict[str, Path]:
    """The same archive damaged in the ways disks, networks and people damage it."""
    data = archive.read_bytes()
    copies = {}
    copies["truncated"] = folder / "truncated.tar.gz"
    copies["truncated"].write_bytes(data[: len(data) // 2])
    flipped = bytearray(data)
    flipped[len(data) // 3] ^= 0xFF
    copies["flipped"] = folder / "flipped.tar.gz"
    copies["flipped"].write_bytes(bytes(flipped))

    members = []
    with tarfile.open(archive, "r:gz") as tar:
        for member in tar:
            members.append((member, tar.extractfile(member).read()))

    def rewrite(name, keep):
        path = folder / name
        with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
            for member, content in keep:
                member.size = len(content)
                tar.addfile(member, io.BytesIO(content))
        copies[name.split(".")[0]] = path

    # A whole, well-formed archive, one of whose files no longer matches its
    # checksum: gzip's own check passes, the manifest's does not.
    altered = [
        (m, c + b"x" if m.name.startswith("media/") and i == 1 else c)
        for i, (m, c) in enumerate(members)
    ]
    rewrite("altered.tar.gz", altered)
    # Cut short between two files: the manifest, written last, is missing.
    rewrite("unfinished.tar.gz", [(m, c) for m, c in members if m.name != MANIFEST])
    # A file slipped in that the manifest does not list, aiming outside.
    rewrite(
        "foreign.tar.gz",
        [*members[:1], (tarfile.TarInfo("media/../../etc/cron.d/x"), b"boom")]
        + members[1:],
    )
    return copies


def test_damaged_archive_is_refused_and_nothing_changes(portal, demo_archive):
    before = portal.state()
    database_sum = sha256(portal.database_file) if portal.database_file else None
    copies = corrupt_copies(demo_archive, portal.root)

    messages = {
        "truncated": "truncated",
        "flipped": "corrupted|does not match the manifest",
        "altered": "does not match the manifest",
        "unfinished": "no manifest",
        "foreign": "unexpected entry",
    }
    for kind, message in messages.items():
        with pytest.raises(ArchiveError, match=message):
            verify_archive(copies[kind])
    for kind in ("truncated", "altered"):
        refused = portal.manage("restore", copies[kind], "--yes", check=False)
        assert refused.returncode != 0, kind
        assert "Refused:" in refused.stderr and messages[kind] in refused.stderr
        assert "Nothing was changed" in refused.stderr

    assert portal.state() == before
    if database_sum:
        assert sha256(portal.database_file) == database_sum
    assert not leftovers(portal.root)


def test_archive_from_the_other_engine_is_refused(portal, tmp_path):
    """A SQLite archive on a PostgreSQL site, or the other way round, is refused
    before anything changes; both archives are real, made by ``backup``."""
    other_root = tmp_path / "other"
    (other_root / "media").mkdir(parents=True)
    if portal.engine == "postgresql":
        empty = other_root / "empty.sqlite3"
        sqlite3.connect(empty).close()
        other = Portal(other_root, "sqlite", f"sqlite:///{empty}", other_root / "media")
        other.manage("backup", "--output", other_root / "other.tar.gz")
        expected = "holds a SQLite database, but this site runs on PostgreSQL"
    else:
        server = {
            "USER": os.environ.get("PGUSER", "postgres"),
            "HOST": os.environ.get("PGHOST", "127.0.0.1"),
            "PORT": os.environ.get("PGPORT", "5432"),
            "PASSWORD": os.environ.get("PGPASSWORD", ""),
        }
        name = f"govportal_backup_other_{os.getpid()}"
        try:
            recreate_postgres_database(server, name)
        except Exception as error:  # noqa: BLE001
            pytest.skip(f"no PostgreSQL server to make the other archive: {error}")
        try:
            other = Portal(
                other_root,
                "postgresql",
                postgres_url(server, name),
                other_root / "media",
            )
            other.manage("backup", "--output", other_root / "other.tar.gz")
        finally:
            drop_postgres_database(server, name)
        expected = "holds a PostgreSQL database, but this site runs on SQLite"

    before = portal.state()
    refused = portal.manage(
        "restore", other_root / "other.tar.gz", "--yes", check=False
    )
    assert refused.returncode != 0
    assert expected in refused.stderr
    assert "nothing was changed" in refused.stderr
    assert portal.state() == before


def test_backup_in_process_refuses_an_open_transaction_on_sqlite_memory(tmp_path):
    """Inside a test transaction the in-memory database cannot be copied: the command
    says so at once instead of waiting for a lock forever, and writes nothing."""
    from django.core.management import CommandError, call_command

    if connection.vendor != "sqlite" or not connection.is_in_memory_db():
        pytest.skip("only the in-memory SQLite test database")
    with pytest.raises(CommandError, match="inside a transaction"):
        call_command("backup", output=tmp_path, verbosity=0)
    assert list(tmp_path.iterdir()) == []


def test_manifest_lists_every_media_file_of_the_demo(demo_archive):
    manifest = verify_archive(demo_archive)
    media_root = Path(settings.MEDIA_ROOT)
    for name, entry in manifest["files"].items():
        if name.startswith("media/"):
            assert entry["size"] >= 0 and len(entry["sha256"]) == 64
    demo_files = {
        path.relative_to(media_root).as_posix()
        for path in media_root.rglob("*")
        if path.is_file() and "opendata" in path.parts
    }
    assert demo_files, "the demo should have put open-data files in MEDIA_ROOT"
    assert {f"media/{name}" for name in demo_files} <= set(manifest["files"])
    with gzip.open(demo_archive) as raw, tarfile.open(fileobj=raw, mode="r|") as tar:
        names = [member.name for member in tar]
    assert names[0].startswith("database.")
    assert names[-2:] == [MANIFEST, MANIFEST_SUM]
    assert json.loads(json.dumps(manifest))["created_at"]
