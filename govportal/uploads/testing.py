"""Test helpers for a full media disk, shared by every app that stores files.

Two ways to fill the disk: ``media_write_fails`` makes the storage's low-level write
fail half-way with ``ENOSPC`` (everywhere, quickly), and ``small_file_system`` mounts
a real ``tmpfs`` of a few hundred KiB (only where the test run may mount one, as
root in CI; elsewhere the test is skipped).
"""

import contextlib
import errno
import os
import subprocess
from unittest import mock

import pytest

from . import storage as storage_module


def files_under(root) -> set[str]:
    """Every file below ``root``, as paths relative to it."""
    return {
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _dirs, names in os.walk(root)
        for name in names
    }


def fail_after(limit: int, code: int = errno.ENOSPC):
    """An ``os.write`` that writes ``limit`` bytes for real, then fails with ``code``
    (as a disk does when it fills up half-way through a file)."""
    real_write = os.write
    written = 0

    def write(fd, data):
        nonlocal written
        if written >= limit:
            raise OSError(code, os.strerror(code))
        count = real_write(fd, bytes(data[: limit - written]))
        written += count
        return count

    return write


def media_write_fails(media_root, limit: int = 100):
    """Patch the storage's ``os.write`` to fail with ENOSPC after ``limit`` bytes,
    for files in ``media_root`` only."""
    failing = fail_after(limit)
    real_write = os.write

    def write(fd, data):
        if os.readlink(f"/proc/self/fd/{fd}").startswith(str(media_root)):
            return failing(fd, data)
        return real_write(fd, data)

    return mock.patch.object(storage_module.os, "write", write)


@contextlib.contextmanager
def small_file_system(mountpoint, size: str = "256k"):
    """Mount a ``tmpfs`` of ``size`` on ``mountpoint`` (an empty folder) for the
    duration; skip the test where it cannot be mounted."""
    command = ["/usr/bin/mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs"]
    try:
        subprocess.run(  # noqa: S603 - a fixed program; the path is the test's
            [*command, mountpoint],
            check=True,
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("cannot mount a small file system here")
    try:
        yield str(mountpoint)
    finally:
        subprocess.run(  # noqa: S603 - a fixed program; the path is the test's
            ["/usr/bin/umount", "-l", mountpoint], capture_output=True, timeout=10
        )
