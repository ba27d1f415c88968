"""Image renditions that a full media disk cannot turn into a server error.

A page that shows an image in a size or format not generated yet makes Wagtail
generate that rendition and store it while the page renders. With the disk full or
over quota (``StorageFull``) Wagtail raises, which would answer the reader with a
server error. Here the reader gets the page, with the image shown from its original
file in place of each rendition that could not be stored:

* the original was checked when it was uploaded and is served like renditions
  (``/media/original_images/``, docs/security.md), in a format browsers show;
* the stand-in has the size the rendition would have had (``width`` and
  ``height``), so the layout does not move, and keeps its ``alt`` text;
* the reader sees the picture, a chart or a portrait, rather than only its text
  alternative; it costs more bytes, and only until there is room again.

A failed write logs a warning, and each stand-in records ``NO_STORE`` with the page
cache, so that neither a page nor a fragment showing one is kept. Nothing
half-written stays: files written for renditions whose rows could not be created
are removed, and nothing about a stand-in is remembered (database, Wagtail's
rendition cache, the image's prefetched renditions).
After a full disk this process uses stand-ins without trying to store new
renditions for ``RETRY_SECONDS``: generating them costs far more than serving the
page.

``install`` (from ``UploadsConfig.ready``) puts this into Wagtail's ``AbstractImage``
(the portal uses Wagtail's own image model), so every way of asking for a
rendition is covered: the ``{% image %}``, ``{% srcset_image %}`` and ``{% picture %}``
tags, images in rich text, and code that calls ``get_rendition`` itself (the news
items' social card).
"""

import contextlib
import errno
import logging
import time

from django.db import transaction
from wagtail.images.models import AbstractImage, Filter

from govportal.pagecache import record
from govportal.pagecache.tags import NO_STORE

from .storage import FULL_DISK_ERRORS, StorageFull, saved_files

logger = logging.getLogger(__name__)

RETRY_SECONDS = 30.0

_wagtail: dict = {}  # Wagtail's own methods, replaced by ``install``
_full_until = 0.0  # time.monotonic() until which new renditions are not tried


def install() -> None:
    """Wrap Wagtail's rendition methods with the ones below (once)."""
    if _wagtail:
        return
    for name, method in (
        ("get_rendition", get_rendition),
        ("get_renditions", get_renditions),
        ("create_rendition", create_rendition),
        ("create_renditions", create_renditions),
    ):
        _wagtail[name] = getattr(AbstractImage, name)
        setattr(AbstractImage, name, method)


def _is_full_disk(error: OSError) -> bool:
    return error.errno in FULL_DISK_ERRORS


def get_rendition(self, filter):
    """Wagtail's ``get_rendition``, or the original file if the disk is full."""
    try:
        return _wagtail["get_rendition"](self, filter)
    except OSError as error:
        if not _is_full_disk(error):
            raise
    filter = self.clean_filter_for_svg(
        Filter(spec=filter) if isinstance(filter, str) else filter
    )
    return _stand_in(self, filter)


def get_renditions(self, *filters):
    """Wagtail's ``get_renditions``; with the disk full, the renditions that exist
    and the original file in place of the others."""
    try:
        return _wagtail["get_renditions"](self, *filters)
    except OSError as error:
        if not _is_full_disk(error):
            raise
    filters = [
        self.clean_filter_for_svg(Filter(spec=f) if isinstance(f, str) else f)
        for f in filters
    ]
    found = self.find_existing_renditions(*filters)
    return {f.spec: found[f] if f in found else _stand_in(self, f) for f in filters}


def create_rendition(self, filter):
    """Wagtail's ``create_rendition``, not tried while the disk is known full."""
    return _create(self, [filter], lambda: _wagtail["create_rendition"](self, filter))


def create_renditions(self, *filters):
    """Wagtail's ``create_renditions``, not tried while the disk is known full.

    Wagtail writes the files of several renditions, then inserts their rows in
    one statement, inside a block without a savepoint: a failure there would spoil
    the transaction around it, so the block gets a savepoint of its own.
    """
    if not filters:
        return {}

    def create():
        in_transaction = transaction.get_connection().in_atomic_block
        with transaction.atomic() if in_transaction else contextlib.nullcontext():
            return _wagtail["create_renditions"](self, *filters)

    return _create(self, filters, create)


def _create(image, filters, create):
    global _full_until
    if time.monotonic() < _full_until:
        raise StorageFull(errno.ENOSPC, str(StorageFull.message))
    with saved_files() as saved:
        try:
            return create()
        except Exception as error:
            # Files written before the failure have no row: remove them.
            for storage, name in saved:
                with contextlib.suppress(OSError):
                    storage.delete(name)
            if isinstance(error, OSError) and _is_full_disk(error):
                _full_until = time.monotonic() + RETRY_SECONDS
                # Once per failed write, not per page: the log may be on that disk.
                logger.warning(
                    "Media disk full: renditions %s of image %s could not be "
                    "stored; pages show the original file instead for %d s",
                    ", ".join(f.spec for f in filters),
                    image.pk,
                    RETRY_SECONDS,
                )
            raise


def _stand_in(image, filter):
    """An unsaved rendition that is the original file, sized as the rendition
    would have been; the page showing it must not be kept."""
    record(NO_STORE)
    width, height = filter.get_transform(image).size
    rendition = image.get_rendition_model()(
        image=image,
        filter_spec=filter.spec,
        focal_point_key=filter.get_cache_key(image),
        width=width,
        height=height,
    )
    rendition.file.name = image.file.name
    return rendition
