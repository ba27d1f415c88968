"""Static publishing: cached pages also written to disk for nginx to serve.

A page at ``/uz/news/`` becomes ``<root>/<host>/uz/news/index.html`` with
``index.html.gz`` and ``index.html.br`` beside it (nginx's ``gzip_static`` and
``brotli_static``). Only the ordinary variant of an address with no query string is
written, and only HTML; everything else stays with the app's cache. Files are
written to a temporary name and renamed, so nginx never serves half a page, and
taken back if a purge happened while they were written.
"""

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path
from urllib.parse import unquote

from .entries import Entry

SUFFIXES = ("", ".gz", ".br")

logger = logging.getLogger(__name__)


class PublishedFiles:
    def __init__(self, root: Path):
        self.root = Path(root)

    def path_for(self, host: str, path: str) -> Path | None:
        """The file of an address, or None where it must not be written."""
        host = host.split(":")[0].lower()
        path = unquote(path)
        if not path.endswith("/") or not host or "\x00" in path:
            return None
        parts = [part for part in path.split("/") if part]
        if any(part in {".", ".."} or part.startswith(".") for part in parts):
            return None
        if any(char in host for char in "/\\") or host.startswith("."):
            return None
        return self.root.joinpath(host, *parts, "index.html")

    def write(self, host: str, path: str, entry: Entry) -> Path | None:
        target = self.path_for(host, path)
        content_type = dict((k.lower(), v) for k, v in entry.headers).get(
            "content-type", ""
        )
        if target is None or not content_type.startswith("text/html"):
            return None
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            for suffix, data in zip(
                SUFFIXES, (entry.body, entry.gzip, entry.brotli), strict=True
            ):
                if suffix and not data:
                    continue
                # A name of its own per write: several threads may publish one page.
                handle, temporary = tempfile.mkstemp(
                    prefix=f".{target.name}{suffix}.", dir=target.parent
                )
                with os.fdopen(handle, "wb") as file:
                    file.write(data)
                os.chmod(temporary, 0o644)
                os.replace(temporary, target.with_name(target.name + suffix))
        except OSError:
            # A full or read-only disk costs the speed of nginx, never a page.
            logger.exception("Could not publish %s", target)
            self.remove(host, path)
            with contextlib.suppress(NameError, FileNotFoundError):
                os.unlink(temporary)
            return None
        return target

    def remove(self, host: str, path: str) -> None:
        target = self.path_for(host, path)
        if target is None:
            return
        for suffix in SUFFIXES:
            with contextlib.suppress(FileNotFoundError):
                target.with_name(target.name + suffix).unlink()

    def clear(self) -> None:
        if self.root.exists():
            for child in self.root.iterdir():
                if child.is_dir():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
