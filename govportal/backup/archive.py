"""Backup archives: the database and the media folder in one file that proves itself.

An archive is a gzip-compressed tar holding, in this order:

``database.sqlite3`` or ``database.pgdump``
    a consistent snapshot taken while the site runs: SQLite's online backup API, or
    ``pg_dump --format=custom`` inside an exported snapshot;
``media/…``
    every file under ``MEDIA_ROOT``;
``manifest.json``
    when, which engine, the Django and Wagtail versions, the applied migrations and
    the size and SHA-256 of every file above;
``manifest.json.sha256``
    the manifest's own checksum.

The manifest comes last, so an archive cut short has none and is refused. A backup is
written to a hidden temporary file beside its destination and renamed only when
complete. A restore checks every checksum before it touches anything, extracts into
staging areas beside the live database and media folder, then swaps them in; a
failure on the way leaves the old state. See docs/recovery.md.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO, Any

import django
import wagtail
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient
from django.utils import timezone

FORMAT = "govportal-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MANIFEST_SUM = "manifest.json.sha256"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
ARCHIVE_PREFIX = "govportal-backup-"
ARCHIVE_SUFFIX = ".tar.gz"
# Staging leftovers of an interrupted restore start with this; backups skip them.
STAGING_MARK = ".govportal-restore-"
CHUNK = 1024 * 1024
# How long a restore waits for other users of a SQLite database to let go.
SQLITE_BUSY_SECONDS = 10.0
MANIFEST_LIMIT = 256 * 1024 * 1024

Log = Callable[[str], None]


class BackupError(Exception):
    """The backup could not be taken; no archive was left behind."""


class ArchiveError(Exception):
    """The archive is unreadable, incomplete or altered: it must not be restored."""


class RestoreError(Exception):
    """The restore could not be carried out; the old state was kept."""


@dataclass
class BackupResult:
    path: Path
    manifest: dict[str, Any]
    seconds: float

    @property
    def size(self) -> int:
        return self.path.stat().st_size


@dataclass
class RestoreResult:
    manifest: dict[str, Any]
    seconds: float


# --- small helpers ---------------------------------------------------------------


def engine_of(connection: BaseDatabaseWrapper) -> str:
    """``sqlite`` or ``postgresql``; any other engine cannot be backed up here."""
    if connection.vendor not in DATABASE_MEMBERS:
        raise BackupError(
            f"Backups support SQLite and PostgreSQL, not {connection.vendor}."
        )
    return connection.vendor


def human_size(size: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    raise AssertionError  # pragma: no cover


def default_archive_name(now=None) -> str:
    now = timezone.localtime(now)
    return f"{ARCHIVE_PREFIX}{now:%Y%m%d-%H%M%S}{ARCHIVE_SUFFIX}"


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _fsync_file(path: Path) -> None:
    with open(path, "rb") as handle:
        os.fsync(handle.fileno())


def _match_owner(path: Path, like: Path) -> None:
    """Run as root, give restored files the owner of what they replace, so that the
    site, running as its own user, can still write them."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not like.exists():
        return
    owner = like.stat()
    targets = [path]
    if path.is_dir():
        for folder, dirs, files in os.walk(path):
            targets += [Path(folder, name) for name in dirs + files]
    for target in targets:
        os.lchown(target, owner.st_uid, owner.st_gid)


def _remove(path: Path | None) -> None:
    if path is None:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


# --- PostgreSQL client programs ------------------------------------------------------


def _pg_program(name: str) -> str:
    folder = os.environ.get("PG_BIN_DIR")
    program = str(Path(folder, name)) if folder else shutil.which(name)
    if not program or not Path(program).exists():
        raise BackupError(
            f"{name} was not found: install the PostgreSQL client programs "
            "(Debian: apt-get install postgresql-client) or set PG_BIN_DIR."
        )
    return program


def _pg_connection_args(settings_dict: dict) -> tuple[list[str], dict[str, str]]:
    """Host, port and user as arguments; password and TLS as PG* variables."""
    _, pg_env = DatabaseClient.settings_to_cmd_args_env(settings_dict, [])
    args = ["--no-password"]
    if settings_dict.get("USER"):
        args += ["--username", settings_dict["USER"]]
    if settings_dict.get("HOST"):
        args += ["--host", settings_dict["HOST"]]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    args += ["--dbname", settings_dict.get("NAME") or "postgres"]
    return args, {**os.environ, **(pg_env or {})}


def _run_pg(program: str, args: list[str], settings_dict: dict, error) -> str:
    connection_args, env = _pg_connection_args(settings_dict)
    completed = subprocess.run(  # noqa: S603 (a fixed program, our own arguments)
        [_pg_program(program), *connection_args, *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise error(f"{program} failed: {completed.stderr.strip()}")
    return completed.stdout


# --- taking a backup -----------------------------------------------------------------


def _migrations_from_sqlite(database: sqlite3.Connection) -> list[str]:
    has_table = database.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='django_migrations'"
    ).fetchone()
    if not has_table:
        return []
    rows = database.execute("SELECT app, name FROM django_migrations").fetchall()
    return sorted(f"{app}.{name}" for app, name in rows)


def _dump_sqlite(connection: BaseDatabaseWrapper, target: Path) -> list[str]:
    """Copy the live database page by page with SQLite's online backup API: readers
    and writers carry on (WAL), and the copy is one consistent snapshot."""
    if connection.is_in_memory_db():
        if connection.in_atomic_block:
            raise BackupError(
                "The in-memory database is inside a transaction: back it up outside."
            )
        connection.ensure_connection()
        source, own_source = connection.connection, False
    else:
        path = Path(connection.settings_dict["NAME"])
        if not path.is_file():
            raise BackupError(f"There is no SQLite database at {path}.")
        source, own_source = sqlite3.connect(path, timeout=60), True
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        # A standalone file: no WAL beside it to lose.
        copy.execute("PRAGMA journal_mode=DELETE")
        (check,) = copy.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            raise BackupError(f"The database copy failed SQLite's check: {check}")
        return _migrations_from_sqlite(copy)
    finally:
        copy.close()
        if own_source:
            source.close()


def _dump_postgresql(connection: BaseDatabaseWrapper, target: Path) -> list[str]:
    """``pg_dump`` of a snapshot exported from our own repeatable-read transaction, so
    the manifest's migrations are those of the very state that is dumped."""
    snapshot_connection = connection.copy()
    try:
        snapshot_connection.ensure_connection()
        snapshot_connection.set_autocommit(False)
        with snapshot_connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            (snapshot,) = cursor.fetchone()
            cursor.execute("SELECT to_regclass('django_migrations') IS NOT NULL")
            migrations = []
            if cursor.fetchone()[0]:
                cursor.execute("SELECT app, name FROM django_migrations")
                migrations = sorted(f"{app}.{name}" for app, name in cursor.fetchall())
            _run_pg(
                "pg_dump",
                ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"],
                connection.settings_dict,
                BackupError,
            )
        snapshot_connection.rollback()
    finally:
        snapshot_connection.close()
    return migrations


def _media_files(media_root: Path) -> Iterator[tuple[Path, str]]:
    """Every regular file under MEDIA_ROOT, in a stable order, with its name in the
    archive. Symbolic links and staging leftovers of a restore are skipped."""
    if not media_root.is_dir():
        return
    for folder, dirs, files in os.walk(media_root):
        dirs[:] = sorted(d for d in dirs if not d.startswith(STAGING_MARK))
        for name in sorted(files):
            path = Path(folder, name)
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(media_root).as_posix()
            yield path, MEDIA_PREFIX + relative


def _tar_info(name: str, size: int, mtime: float | None = None) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mtime = int(mtime if mtime is not None else time.time())
    info.mode = 0o644
    return info


class _HashingReader:
    """A file read once: what tarfile copies is what gets hashed."""

    def __init__(self, source: IO[bytes]):
        self.source = source
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.source.read(size)
        self.digest.update(data)
        return data


def _add_file(
    tar: tarfile.TarFile, path: Path, name: str, files: dict[str, dict]
) -> None:
    """Add a file, hashing it on the way: one read, and the manifest holds the hash
    of exactly the bytes archived. A file that grows meanwhile is archived at the
    size it had when opened; one that shrinks fails the backup (no archive is left)."""
    with open(path, "rb") as source:
        status = os.fstat(source.fileno())
        reader = _HashingReader(source)
        try:
            tar.addfile(_tar_info(name, status.st_size, status.st_mtime), reader)
        except OSError as error:
            if "unexpected end of data" not in str(error):
                raise
            raise BackupError(
                f"{path} shrank while it was read: run the backup again"
            ) from None
    files[name] = {"size": status.st_size, "sha256": reader.digest.hexdigest()}


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    tar.addfile(_tar_info(name, len(data)), io.BytesIO(data))


def create_backup(
    output: Path | str | None,
    *,
    connection: BaseDatabaseWrapper,
    media_root: Path,
    backup_dir: Path,
    log: Log = lambda message: None,
) -> BackupResult:
    """Write one archive of the database and MEDIA_ROOT; return where it went.

    ``output`` may be a file name, an existing folder, or a folder ending in ``/``
    (made if need be); by default the archive goes into ``backup_dir``, under a
    dated name.
    """
    started = time.monotonic()
    engine = engine_of(connection)
    created = timezone.now()
    if output is None:
        output = f"{backup_dir}{os.sep}"
    if str(output).endswith(os.sep):  # a folder, made if need be
        Path(output).mkdir(parents=True, exist_ok=True, mode=0o700)
    output = Path(output)
    if output.is_dir():
        output = output / default_archive_name(created)
        counter = 1
        while output.exists():
            counter += 1
            output = output.with_name(
                f"{default_archive_name(created)[: -len(ARCHIVE_SUFFIX)]}-{counter}"
                f"{ARCHIVE_SUFFIX}"
            )
    output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    media_root = Path(media_root)

    handle, partial_name = tempfile.mkstemp(
        prefix=f".{output.name}.", suffix=".partial", dir=output.parent
    )
    os.close(handle)
    partial = Path(partial_name)
    dump_handle, dump_name = tempfile.mkstemp(
        prefix=".govportal-dump-", dir=output.parent
    )
    os.close(dump_handle)
    dump = Path(dump_name)
    try:
        log(f"Taking a snapshot of the {ENGINE_NAMES[engine]} database…")
        if engine == "sqlite":
            dump.unlink()  # sqlite3 creates it
            migrations = _dump_sqlite(connection, dump)
        else:
            migrations = _dump_postgresql(connection, dump)
        files: dict[str, dict] = {}
        database_member = DATABASE_MEMBERS[engine]
        media_count = media_bytes = 0
        with tarfile.open(
            partial, "w:gz", compresslevel=6, format=tarfile.PAX_FORMAT
        ) as tar:
            _add_file(tar, dump, database_member, files)
            log(f"Adding the media files from {media_root}…")
            for path, name in _media_files(media_root):
                try:
                    _add_file(tar, path, name, files)
                except FileNotFoundError:
                    continue  # deleted since the folder was listed
                media_count += 1
                media_bytes += files[name]["size"]
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": created.isoformat(),
                "engine": engine,
                "database": {
                    "member": database_member,
                    "name": str(connection.settings_dict.get("NAME")),
                    "size": files[database_member]["size"],
                },
                "media": {
                    "root": str(media_root),
                    "files": media_count,
                    "bytes": media_bytes,
                },
                "versions": {
                    "django": django.get_version(),
                    "wagtail": wagtail.__version__,
                    "python": platform.python_version(),
                    "sqlite": sqlite3.sqlite_version,
                },
                "migrations": migrations,
                "host": platform.node(),
                "files": files,
            }
            if engine == "postgresql":
                manifest["versions"]["postgresql"] = _server_version(connection)
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            _add_bytes(tar, MANIFEST, data)
            _add_bytes(
                tar,
                MANIFEST_SUM,
                f"{hashlib.sha256(data).hexdigest()}  {MANIFEST}\n".encode(),
            )
        _fsync_file(partial)
        os.replace(partial, output)
        _fsync_dir(output.parent)
    except BaseException:
        _remove(partial)
        raise
    finally:
        _remove(dump)
    return BackupResult(output, manifest, time.monotonic() - started)


def _server_version(connection: BaseDatabaseWrapper) -> str:
    major, rest = divmod(connection.pg_version, 10000)
    return f"{major}.{rest}"


# --- checking an archive -------------------------------------------------------------


def _member_name(member: tarfile.TarInfo) -> str:
    """The member's name, if it is a plain file where an archive of ours puts files."""
    name = member.name
    path = PurePosixPath(name)
    if (
        not member.isreg()
        or path.is_absolute()
        or any(part in ("", ".", "..") for part in name.split("/"))
    ):
        raise ArchiveError(f"unexpected entry {name!r}: not an archive of ours")
    if name in (MANIFEST, MANIFEST_SUM, *DATABASE_MEMBERS.values()):
        return name
    if name.startswith(MEDIA_PREFIX) and len(name) > len(MEDIA_PREFIX):
        return name
    raise ArchiveError(f"unexpected entry {name!r}: not an archive of ours")


@contextlib.contextmanager
def _reading(path: Path) -> Iterator[tarfile.TarFile]:
    """Open an archive as a stream; any sign of damage becomes an ArchiveError.

    gzip's own length and CRC-32 are checked too: the stream is read to its end."""
    try:
        with gzip.open(path, "rb") as raw, tarfile.open(fileobj=raw, mode="r|") as tar:
            yield tar
            while raw.read(CHUNK):
                pass
    except FileNotFoundError:
        raise ArchiveError("there is no such file") from None
    except (ArchiveError, RestoreError):
        raise
    except EOFError:
        raise ArchiveError("it is truncated: it ends early") from None
    except (tarfile.TarError, zlib.error, OSError, ValueError) as error:
        raise ArchiveError(
            f"it is corrupted ({error or type(error).__name__})"
        ) from None


def _copy_member(
    tar: tarfile.TarFile, member: tarfile.TarInfo, target: IO[bytes] | None
) -> tuple[str, int]:
    """Hash a member, copying it to ``target``. Damage met while reading the archive
    surfaces as an error of tarfile, gzip or zlib; a failure to write the copy (a
    full disk) as a RestoreError, never mistaken for a damaged archive."""
    source = tar.extractfile(member)
    digest, size = hashlib.sha256(), 0
    while chunk := source.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
        if target is not None:
            try:
                target.write(chunk)
            except OSError as error:
                raise RestoreError(
                    f"Could not write the restored files: {error}"
                ) from None
    if size != member.size:
        raise EOFError("a member ended early")
    return digest.hexdigest(), size


def _check_manifest(
    manifest_data: bytes | None, manifest_sum: bytes | None, seen: dict[str, tuple]
) -> dict[str, Any]:
    if manifest_data is None or manifest_sum is None:
        raise ArchiveError(
            "it has no manifest: the archive is incomplete or truncated "
            "(a backup cut short?)"
        )
    expected = manifest_sum.decode("ascii", "replace").split()[:1]
    if expected != [hashlib.sha256(manifest_data).hexdigest()]:
        raise ArchiveError("its manifest does not match the manifest's checksum")
    try:
        manifest = json.loads(manifest_data)
    except ValueError as error:
        raise ArchiveError(f"its manifest is not valid JSON ({error})") from None
    if manifest.get("format") != FORMAT:
        raise ArchiveError("it is not a govportal backup")
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ArchiveError(
            f"it is in format version {manifest.get('format_version')}; "
            f"this code reads version {FORMAT_VERSION}"
        )
    if manifest.get("engine") not in DATABASE_MEMBERS:
        raise ArchiveError(f"it names an unknown engine {manifest.get('engine')!r}")
    listed = manifest.get("files") or {}
    if manifest.get("database", {}).get("member") not in listed:
        raise ArchiveError("its manifest lists no database")
    missing = sorted(set(listed) - set(seen))
    if missing:
        raise ArchiveError(
            f"{len(missing)} file(s) listed in the manifest are missing, "
            f"first {missing[0]!r}"
        )
    extra = sorted(set(seen) - set(listed))
    if extra:
        raise ArchiveError(f"it holds files the manifest does not list: {extra[0]!r}")
    for name, entry in listed.items():
        if seen[name] != (entry.get("sha256"), entry.get("size")):
            raise ArchiveError(f"the checksum of {name!r} does not match the manifest")
    return manifest


def verify_archive(path: Path) -> dict[str, Any]:
    """Read the whole archive once and check every file against the manifest.

    Returns the manifest; raises ArchiveError for anything truncated, corrupted,
    altered or foreign. Nothing is written anywhere.
    """
    seen: dict[str, tuple[str, int]] = {}
    names: set[str] = set()
    manifest_data = manifest_sum = None
    with _reading(Path(path)) as tar:
        for member in tar:
            name = _member_name(member)
            if name in names:
                raise ArchiveError(f"{name!r} appears twice")
            names.add(name)
            if name in (MANIFEST, MANIFEST_SUM):
                if member.size > MANIFEST_LIMIT:
                    raise ArchiveError("its manifest is implausibly large")
                buffer = io.BytesIO()
                _copy_member(tar, member, buffer)
                if name == MANIFEST:
                    manifest_data = buffer.getvalue()
                else:
                    manifest_sum = buffer.getvalue()
            else:
                seen[name] = _copy_member(tar, member, None)
    return _check_manifest(manifest_data, manifest_sum, seen)


# --- restoring -----------------------------------------------------------------------


def _extract(
    path: Path, manifest: dict[str, Any], database_target: Path, media_target: Path
) -> None:
    """Extract into the staging areas, checking every checksum again on the way (the
    file could have changed since it was verified)."""
    files = manifest["files"]
    database_member = manifest["database"]["member"]
    seen: dict[str, tuple[str, int]] = {}
    with _reading(path) as tar:
        for member in tar:
            name = _member_name(member)
            if name in (MANIFEST, MANIFEST_SUM):
                continue
            if name not in files:
                raise ArchiveError(f"{name!r} is not in the manifest")
            if name == database_member:
                destination = database_target
            else:
                destination = media_target / name[len(MEDIA_PREFIX) :]
                try:
                    destination.parent.mkdir(parents=True, exist_ok=True)
                except OSError as error:
                    raise RestoreError(
                        f"Could not write {destination.parent}: {error}"
                    ) from None
            try:
                target = open(destination, "wb")  # noqa: SIM115
            except OSError as error:
                raise RestoreError(f"Could not write {destination}: {error}") from None
            with target:
                seen[name] = _copy_member(tar, member, target)
                try:
                    target.flush()
                    os.fsync(target.fileno())
                except OSError as error:
                    raise RestoreError(
                        f"Could not write {destination}: {error}"
                    ) from None
            if seen[name] != (files[name]["sha256"], files[name]["size"]):
                raise ArchiveError(f"{name!r} changed since the archive was checked")
            with contextlib.suppress(OSError):
                os.utime(destination, (member.mtime, member.mtime))
    if set(seen) != set(files):
        raise ArchiveError("the archive changed since it was checked")


def _staging_dir_for(media_root: Path) -> Path:
    """Where the new media folder is built: beside MEDIA_ROOT (same file system, so
    the swap is two renames), or inside it when MEDIA_ROOT is a mount point."""
    if media_root.is_dir() and os.path.ismount(media_root):
        return media_root
    media_root.parent.mkdir(parents=True, exist_ok=True)
    return media_root.parent


def _swap_media(new: Path, media_root: Path) -> Callable[[], None] | None:
    """Put ``new`` in place of MEDIA_ROOT; return how to undo it, or None when the
    old folder is gone for good (there was none)."""
    if os.path.ismount(media_root):
        # A mount point cannot be renamed: swap what is inside it instead.
        old = Path(tempfile.mkdtemp(prefix=STAGING_MARK + "old-", dir=media_root))
        moved_out = []
        moved_in = []
        for entry in sorted(media_root.iterdir()):
            if entry.name.startswith(STAGING_MARK):
                continue
            entry.rename(old / entry.name)
            moved_out.append(entry.name)
        for entry in sorted(new.iterdir()):
            entry.rename(media_root / entry.name)
            moved_in.append(entry.name)

        def undo_inside() -> None:
            for name in moved_in:
                (media_root / name).rename(new / name)
            for name in moved_out:
                (old / name).rename(media_root / name)

        def finish_inside() -> None:
            _remove(old)
            _remove(new)

        undo_inside.finish = finish_inside  # type: ignore[attr-defined]
        return undo_inside

    old = None
    if media_root.exists():
        # A new name each time: a leftover of an interrupted restore is never touched.
        old = Path(
            tempfile.mkdtemp(
                prefix=f"{STAGING_MARK}old-{media_root.name}-", dir=media_root.parent
            )
        )
        old.rmdir()
        media_root.rename(old)
    try:
        new.rename(media_root)
    except BaseException:
        if old is not None:
            old.rename(media_root)
        raise
    _fsync_dir(media_root.parent)

    def undo() -> None:
        media_root.rename(new)
        if old is not None:
            old.rename(media_root)

    def finish() -> None:
        _remove(old)

    undo.finish = finish  # type: ignore[attr-defined]
    return undo


def _prepare_sqlite_file(staged: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(staged)) as database:
        (check,) = database.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            raise ArchiveError(f"its database fails SQLite's check: {check}")
        database.execute("PRAGMA journal_mode=DELETE")
    if target.exists():
        os.chmod(staged, target.stat().st_mode & 0o777)
        _match_owner(staged, target)
    _fsync_file(staged)


def _quiesce_sqlite(target: Path) -> None:
    """Fold the old database's write-ahead log into it, then remove the log: the
    new file must not meet a WAL that belongs to another database."""
    if not target.exists():
        return
    with contextlib.closing(
        sqlite3.connect(target, timeout=SQLITE_BUSY_SECONDS)
    ) as database:
        busy, _, _ = database.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    if busy:
        raise RestoreError(
            f"{target} is in use by another process: stop the site, then restore."
        )
    for suffix in ("-wal", "-shm", "-journal"):
        _remove(target.with_name(target.name + suffix))


def _pg_archive_tables(dump: Path) -> set[str]:
    listing = subprocess.run(  # noqa: S603 (a fixed program, our own arguments)
        [_pg_program("pg_restore"), "--list", str(dump)],
        capture_output=True,
        text=True,
        check=False,
    )
    if listing.returncode != 0:
        raise ArchiveError(f"pg_restore cannot read its database: {listing.stderr}")
    tables = set()
    for line in listing.stdout.splitlines():
        words = line.split()
        # "215; 1259 16390 TABLE public auth_group postgres"
        if (
            not line.startswith(";")
            and len(words) >= 6
            and words[3] == "TABLE"
            and words[4] != "DATA"
        ):
            tables.add(words[5])
    return tables


def _pg_newer_tables(dump: Path, connection: BaseDatabaseWrapper) -> list[str]:
    """This project's tables that the database has and the backup lacks: made by
    migrations newer than the backup. ``pg_restore --clean`` would leave them, and
    their foreign keys would stop it from dropping the tables it replaces."""
    with connection.cursor() as cursor:
        existing = set(connection.introspection.table_names(cursor))
    known = set(connection.introspection.django_table_names(only_existing=False))
    return sorted((existing & known) - _pg_archive_tables(dump))


def _restore_postgresql(dump: Path, connection: BaseDatabaseWrapper) -> None:
    """One transaction: pg_restore either replaces everything or changes nothing.
    It waits for transactions still open on the tables (the dump's own settings
    turn any lock timeout off), and the site's queries then wait for it."""
    _run_pg(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--exit-on-error",
            "--no-owner",
            str(dump),
        ],
        connection.settings_dict,
        RestoreError,
    )


def restore_backup(
    path: Path,
    manifest: dict[str, Any],
    *,
    connection: BaseDatabaseWrapper,
    media_root: Path,
    log: Log = lambda message: None,
) -> RestoreResult:
    """Replace the database and MEDIA_ROOT with the archive's (already verified by
    ``verify_archive``). A failure at any point leaves the old database and media."""
    started = time.monotonic()
    engine = engine_of(connection)
    if manifest["engine"] != engine:
        raise RestoreError(wrong_engine_message(manifest["engine"], engine))
    media_root = Path(media_root)
    staging_parent = _staging_dir_for(media_root)
    new_media = Path(
        tempfile.mkdtemp(prefix=f"{STAGING_MARK}{media_root.name}-", dir=staging_parent)
    )
    if engine == "sqlite":
        if connection.is_in_memory_db():
            raise RestoreError("An in-memory SQLite database cannot be restored into.")
        database_target = Path(connection.settings_dict["NAME"])
        database_target.parent.mkdir(parents=True, exist_ok=True)
        handle, staged_name = tempfile.mkstemp(
            prefix=f"{STAGING_MARK}{database_target.name}-", dir=database_target.parent
        )
    else:
        database_target = None
        handle, staged_name = tempfile.mkstemp(
            prefix=f"{STAGING_MARK}pgdump-", dir=staging_parent
        )
    os.close(handle)
    staged_database = Path(staged_name)
    undo_media = None
    try:
        log("Extracting into staging areas…")
        _extract(Path(path), manifest, staged_database, new_media)
        if media_root.exists():
            os.chmod(new_media, media_root.stat().st_mode & 0o777)
            _match_owner(new_media, media_root)
        else:
            os.chmod(new_media, 0o755)  # noqa: S103 (the web server reads media)
        if engine == "sqlite":
            _prepare_sqlite_file(staged_database, database_target)
        else:
            newer = _pg_newer_tables(staged_database, connection)
            if newer:
                raise RestoreError(
                    f"The database has {len(newer)} table(s) that the backup lacks, "
                    f"made by later migrations ({', '.join(newer[:5])}). Restore "
                    "into an empty database (dropdb, createdb), then run migrate"
                )
        connection.close()
        if engine == "sqlite":
            _quiesce_sqlite(database_target)
        log("Swapping in the media folder…")
        undo_media = _swap_media(new_media, media_root)
        try:
            if engine == "sqlite":
                log("Swapping in the database…")
                os.replace(staged_database, database_target)
                _fsync_dir(database_target.parent)
            else:
                log("Restoring the database with pg_restore (one transaction)…")
                _restore_postgresql(staged_database, connection)
        except BaseException:
            log("The database could not be restored: putting the old media back.")
            undo_media()
            undo_media = None
            raise
        undo_media.finish()
    finally:
        _remove(staged_database)
        if undo_media is None or new_media.exists():
            _remove(new_media)
    return RestoreResult(manifest, time.monotonic() - started)


def wrong_engine_message(archive_engine: str, site_engine: str) -> str:
    return (
        f"This archive holds a {ENGINE_NAMES[archive_engine]} database, but this site "
        f"runs on {ENGINE_NAMES[site_engine]} (DATABASE_URL). Restore it on a site "
        f"configured for {ENGINE_NAMES[archive_engine]}; nothing was changed."
    )
