"""New image renditions with a full media disk: the page still renders, with the
original file in place of each rendition that could not be stored, nothing
half-written is left, and nothing about the stand-in is remembered."""

import errno
import io
import logging
import os
from unittest import mock

import pytest
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from govportal.core.testing import assert_page
from govportal.news.models import NewsPage
from govportal.pagecache import deps
from govportal.pagecache.tags import NO_STORE
from govportal.uploads import renditions
from govportal.uploads import storage as storage_module
from govportal.uploads.testing import fail_after, files_under, media_write_fails

from . import samples

SPECS = [
    "fill-160x160|format-jpeg",
    "fill-320x320|format-jpeg",
    "fill-160x160|format-webp",
    "fill-320x320|format-webp",
]


@pytest.fixture(autouse=True)
def _disk_not_known_full(monkeypatch):
    monkeypatch.setattr(renditions, "_full_until", 0.0)


@pytest.fixture
def image(db, media):
    """An 800 × 600 picture stored in ``media``, without renditions."""
    data = samples.image("PNG", size=(800, 600))
    return get_image_model().objects.create(
        title="Xarita", file=ImageFile(io.BytesIO(data), name="map.png")
    )


def _renditions(image) -> int:
    return image.renditions.count()


def _is_stand_in(rendition, image, size) -> bool:
    return (
        rendition.pk is None
        and rendition.url == image.file.url
        and (rendition.width, rendition.height) == size
    )


def _media_writes_counted(media_root, calls: list):
    """Every write to ``media_root`` fails with ENOSPC, and is counted in ``calls``."""
    real_write = os.write

    def write(fd, data):
        if not os.readlink(f"/proc/self/fd/{fd}").startswith(str(media_root)):
            return real_write(fd, data)
        calls.append(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    return mock.patch.object(storage_module.os, "write", write)


def test_new_renditions_are_the_original_when_the_disk_is_full(image, media, caplog):
    with media_write_fails(media), caplog.at_level(logging.WARNING):
        found = image.get_renditions(*SPECS)
    assert list(found) == SPECS
    for spec, rendition in found.items():
        size = (160, 160) if "160" in spec else (320, 320)
        assert _is_stand_in(rendition, image, size), spec
    assert "could not be stored" in caplog.text
    assert _renditions(image) == 0
    assert files_under(media) == {image.file.name}


def test_one_new_rendition_is_the_original_too(image, media):
    with media_write_fails(media):
        rendition = image.get_rendition("width-100")
    assert _is_stand_in(rendition, image, (100, 75))
    assert 'alt="Xarita"' in rendition.img_tag()
    assert _renditions(image) == 0
    assert files_under(media) == {image.file.name}


def _fail_from_second_file(media_root):
    """Write the first rendition file whole, then fail as a disk that is full."""
    real_write = os.write
    failing = fail_after(0)
    paths: list[str] = []

    def write(fd, data):
        path = os.readlink(f"/proc/self/fd/{fd}")
        if not path.startswith(str(media_root)):
            return real_write(fd, data)
        if path not in paths:
            paths.append(path)
        return real_write(fd, data) if path == paths[0] else failing(fd, data)

    return mock.patch.object(storage_module.os, "write", write)


def test_files_written_before_the_disk_filled_are_removed(image, media):
    with _fail_from_second_file(media):
        found = image.get_renditions(*SPECS)
    assert all(rendition.url == image.file.url for rendition in found.values())
    assert _renditions(image) == 0
    assert files_under(media) == {image.file.name}


def test_renditions_already_stored_are_still_used(image, media):
    stored = image.get_rendition(SPECS[0])
    with media_write_fails(media):
        found = image.get_renditions(*SPECS)
    assert found[SPECS[0]].pk == stored.pk
    assert found[SPECS[0]].url == stored.url != image.file.url
    assert all(found[spec].url == image.file.url for spec in SPECS[1:])
    assert _renditions(image) == 1


def test_renditions_are_not_tried_again_at_once(image, media, monkeypatch):
    calls = []
    with _media_writes_counted(media, calls):
        image.get_renditions(*SPECS)
        tried = len(calls)
        again = image.get_renditions(*SPECS)
    assert tried > 0
    assert len(calls) == tried  # not even generated: the disk was full a moment ago
    assert all(rendition.url == image.file.url for rendition in again.values())
    # Nothing about the stand-ins was kept: once it is time to try, they are made.
    monkeypatch.setattr(renditions, "_full_until", 0.0)
    made = image.get_renditions(*SPECS)
    assert all(rendition.url != image.file.url for rendition in made.values())
    assert _renditions(image) == len(SPECS)


def test_other_storage_errors_still_raise(image, media):
    with (
        mock.patch.object(storage_module.os, "write", fail_after(10, errno.EIO)),
        pytest.raises(OSError) as raised,
    ):
        image.get_rendition("width-100")
    assert raised.value.errno == errno.EIO
    assert files_under(media) == {image.file.name}


def test_a_stand_in_asks_the_page_cache_not_to_keep_the_page(image, media):
    token = deps.start()
    try:
        image.get_rendition("width-200")
    finally:
        assert NO_STORE not in deps.stop(token)
    token = deps.start()
    try:
        with media_write_fails(media):
            image.get_rendition("width-100")
    finally:
        assert NO_STORE in deps.stop(token)


@pytest.fixture
def news_item(demo, image):
    """The latest Uzbek news item, showing ``image`` as its lead image."""
    item = (
        NewsPage.objects.live()
        .filter(locale__language_code="uz", depth=4)
        .order_by("-date")
        .first()
    )
    item.lead_image = image
    item.save_revision().publish()
    return item


def test_a_news_item_renders_with_the_original_image_when_the_disk_is_full(
    client, news_item, image, media, caplog
):
    with media_write_fails(media), caplog.at_level(logging.WARNING):
        response = client.get(news_item.url)
    soup = assert_page(response, lang="uz")
    picture = soup.select_one("figure.lead-image picture")
    sources = [picture.img["src"]] + [
        url.split()[0]
        for source in picture.select("source")
        for url in source["srcset"].split(",")
    ]
    assert set(sources) == {image.file.url}
    assert picture.img["alt"] == image.default_alt_text
    card = soup.select_one('meta[property="og:image"]')["content"]
    assert card.endswith(image.file.url)
    assert "could not be stored" in caplog.text
    assert _renditions(image) == 0
    assert files_under(media) == {image.file.name}


def test_a_page_showing_the_original_is_not_kept_by_the_page_cache(
    client, news_item, image, media, monkeypatch
):
    with media_write_fails(media):
        degraded = client.get(news_item.url)
    assert degraded.status_code == 200
    assert "X-Page-Cache" not in degraded
    assert "no-store" in degraded["Cache-Control"]
    # Room again: the next reader gets the renditions, not a kept page or fragment.
    monkeypatch.setattr(renditions, "_full_until", 0.0)
    fresh = client.get(news_item.url)
    assert fresh["X-Page-Cache"] == "miss"
    assert image.file.url not in fresh.text
    assert _renditions(image) > 0
