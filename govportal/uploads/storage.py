"""Media storage that never leaves a half-written file behind.

Django's ``FileSystemStorage`` writes an upload straight to its final name: when the
disk fills up half-way, a truncated image or document stays in ``MEDIA_ROOT`` and,
if the error is caught too late, a database row points at it.
``AtomicFileSystemStorage`` writes to a hidden temporary file in the same directory,
flushes it to disk, and only then gives it its name (a hard link, so an existing
file is never overwritten; then the temporary name is removed). A full disk or an
exhausted quota (``ENOSPC``, ``EDQUOT``) removes the temporary file and raises
``StorageFull``, whose message is meant for the editor; the upload forms
(``govportal.uploads.forms``) show it on the file field.

A process killed in the middle of a write can leave a ``.upload-*.part`` file; no row
points at it, and it can be deleted (docs/security.md).
"""

import contextlib
import errno
import os
import secrets
from contextvars import ContextVar

from django.core.files.storage import FileSystemStorage
from django.utils._os import safe_makedirs
from django.utils.translation import gettext_lazy as _

FULL_DISK_ERRORS = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
# Link-less file systems (some network and FAT mounts) answer with one of these.
NO_HARD_LINKS = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EMLINK}
)
TEMPORARY_PREFIX = ".upload-"
TEMPORARY_SUFFIX = ".part"

_saved: ContextVar[list | None] = ContextVar("uploads_saved_files", default=None)


class StorageFull(OSError):
    """The media disk is full or over quota; nothing was stored."""

    message = _(
        "The file could not be saved because the server's storage is full. Nothing "
        "was saved: try again later, or tell the site's administrators."
    )


@contextlib.contextmanager
def saved_files():
    """Collect ``(storage, name)`` for each file saved by this storage in the block,
    so that code writing several files can remove them if it fails half-way."""
    saved: list = []
    token = _saved.set(saved)
    try:
        yield saved
    finally:
        _saved.reset(token)


def write_all(fd: int, data: bytes) -> None:
    """Write every byte of ``data`` to ``fd`` (``os.write`` may write fewer)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


class AtomicFileSystemStorage(FileSystemStorage):
    """A ``FileSystemStorage`` whose files appear whole or not at all."""

    def _save(self, name, content):
        try:
            name = self._save_atomically(name, content)
        except OSError as error:
            if error.errno in FULL_DISK_ERRORS:
                raise StorageFull(error.errno, str(StorageFull.message)) from error
            raise
        saved = _saved.get()
        if saved is not None:
            saved.append((self, name))
        return name

    def _save_atomically(self, name, content):
        full_path = self.path(name)
        directory = os.path.dirname(full_path)
        if self.directory_permissions_mode is not None:
            safe_makedirs(directory, self.directory_permissions_mode, exist_ok=True)
        else:
            os.makedirs(directory, exist_ok=True)
        temporary = os.path.join(
            directory, f"{TEMPORARY_PREFIX}{secrets.token_hex(8)}{TEMPORARY_SUFFIX}"
        )
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
        fd = os.open(temporary, flags, 0o666)
        try:
            try:
                if hasattr(content, "seek"):
                    content.seek(0)
                for chunk in content.chunks():
                    write_all(fd, chunk.encode() if isinstance(chunk, str) else chunk)
                # On a full disk, delayed allocation can fail only here.
                os.fsync(fd)
            finally:
                os.close(fd)
            if self.file_permissions_mode is not None:
                os.chmod(temporary, self.file_permissions_mode)
            full_path = self._give_name(temporary, full_path, name)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        self._sync_directory(directory)
        name = os.path.relpath(full_path, self.location)
        self._ensure_location_group_id(full_path)
        return str(name).replace("\\", "/")

    def _give_name(self, temporary: str, full_path: str, name: str) -> str:
        """Link ``temporary`` to a free name, starting with ``full_path``."""
        while True:
            try:
                if self._allow_overwrite:
                    os.replace(temporary, full_path)
                else:
                    os.link(temporary, full_path)
                return full_path
            except FileExistsError:
                name = self.get_available_name(name)
                full_path = self.path(name)
            except OSError as error:
                if error.errno not in NO_HARD_LINKS:
                    raise
                # No hard links here: rename, after checking the name is free.
                if os.path.exists(full_path):
                    name = self.get_available_name(name)
                    full_path = self.path(name)
                    continue
                os.replace(temporary, full_path)
                return full_path

    @staticmethod
    def _sync_directory(directory: str) -> None:
        """Make the new name durable too (a crash could otherwise lose it)."""
        try:
            fd = os.open(directory, os.O_RDONLY)
        except OSError:
            return
        try:
            with contextlib.suppress(OSError):
                os.fsync(fd)
        finally:
            os.close(fd)
