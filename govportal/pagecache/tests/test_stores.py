"""The stores' promises: shared purges, no stale write after a purge, no outage."""

import contextlib
import gzip
import io
from unittest import mock

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.test import override_settings

from govportal.pagecache.cache import PageCache, make_key, page_cache
from govportal.pagecache.entries import build_entry
from govportal.pagecache.published import PublishedFiles
from govportal.pagecache.stores import ALL_KEYS, MemoryStore, RedisStore
from govportal.uploads.testing import small_file_system

from .conftest import add_news, fetch

REDIS_TEST_URL = "redis://127.0.0.1:6379/7"


def _entry(text: str, tags: set[str]):
    response = HttpResponse(text * 100, content_type="text/html; charset=utf-8")
    return build_entry(response, tags, ttl=60)


@pytest.fixture(params=["memory", "redis"])
def store_pair(request, tmp_path):
    """Two workers' views of one store."""
    if request.param == "memory":
        return MemoryStore(tmp_path, 1 << 20), MemoryStore(tmp_path, 1 << 20)
    first, second = RedisStore(REDIS_TEST_URL), RedisStore(REDIS_TEST_URL)
    first.client.flushdb()
    return first, second


def test_a_purge_in_one_worker_reaches_the_other(store_pair):
    worker_a, worker_b = store_pair
    _entry_none, marker = worker_a.lookup("k1")
    assert worker_a.put("k1", _entry("<p>old</p>", {"page:1"}), marker)
    _entry_none, marker = worker_a.lookup("k2")
    assert worker_a.put("k2", _entry("<p>other</p>", {"page:2"}), marker)
    keys = worker_b.purge({"page:1"})
    assert keys == {"k1"}
    assert worker_a.lookup("k1")[0] is None
    assert worker_a.lookup("k2")[0] is not None


def test_a_render_that_raced_a_purge_is_not_stored(store_pair):
    worker_a, worker_b = store_pair
    _nothing, marker = worker_a.lookup("k1")  # render begins
    worker_b.purge({"page:1"})  # an editor publishes meanwhile
    assert not worker_a.put("k1", _entry("<p>old</p>", {"page:1"}), marker)
    assert worker_a.lookup("k1")[0] is None


def test_memory_store_keeps_within_its_size(tmp_path):
    store = MemoryStore(tmp_path, 10_000)
    for number in range(20):
        _nothing, marker = store.lookup(f"k{number}")
        store.put(f"k{number}", _entry(f"<p>{number:05}</p>", {"page:x"}), marker)
    assert store._bytes <= 10_000
    assert store.lookup("k19")[0] is not None
    assert store.lookup("k0")[0] is None


def test_redis_down_means_no_cache_and_no_error(client, demo):
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):
        assert isinstance(page_cache().store, RedisStore)
        for _ in range(2):
            status, state, _text = fetch(client, "/uz/")
            assert (status, state) == (200, "uncached")


def test_redis_store_serves_the_portal(client, demo):
    RedisStore(REDIS_TEST_URL).client.flushdb()
    with override_settings(REDIS_URL=REDIS_TEST_URL):
        fetch(client, "/en/")
        assert fetch(client, "/en/")[1] == "hit"
        call_command("pagecache", "clear", stdout=io.StringIO())
        assert fetch(client, "/en/")[1] == "miss"


def test_published_files_are_written_and_purged(client, demo, tmp_path, uz_news_index):
    with override_settings(STATIC_PUBLISH_ROOT=str(tmp_path)):
        fetch(client, "/uz/")
        home = tmp_path / "127.0.0.1" / "uz" / "index.html"
        assert home.read_bytes() == client.get("/uz/", HTTP_ACCEPT_ENCODING="").content
        assert gzip.decompress((tmp_path / "127.0.0.1/uz/index.html.gz").read_bytes())
        assert (tmp_path / "127.0.0.1/uz/index.html.br").exists()
        fetch(client, "/uz/?page=1")
        fetch(client, "/uz/news/feed/rss/")
        assert not (tmp_path / "127.0.0.1/uz/news/feed/rss/index.html").exists()
        add_news(uz_news_index, title="Fayl sinovi", slug="fayl-sinovi")
        assert not home.exists()
        assert "Fayl sinovi" in fetch(client, "/uz/")[2]
        assert "Fayl sinovi" in home.read_text()


def test_published_files_never_leave_their_root(tmp_path):
    files = PublishedFiles(tmp_path)
    assert files.path_for("example.org", "/uz/../../etc/") is None
    assert files.path_for("example.org", "/uz/%2e%2e/x/") is None
    assert files.path_for("../x", "/uz/") is None
    assert files.path_for("example.org", "/uz/news") is None  # no trailing slash
    assert files.path_for("example.org:8000", "/uz/") == (
        tmp_path / "example.org" / "uz" / "index.html"
    )


class RecordingBackend:
    """A stand-in CDN for Wagtail's frontend cache: remembers what it was told."""

    purged: list[str] = []

    def __init__(self, params):
        pass

    def purge_batch(self, urls):
        RecordingBackend.purged.extend(urls)

    def purge(self, url):
        RecordingBackend.purged.append(url)

    def invalidates_hostname(self, hostname):
        return True


def test_cdn_is_told_the_addresses_that_changed(
    client, demo, uz_news_index, django_capture_on_commit_callbacks
):
    RecordingBackend.purged.clear()
    backend = f"{__name__}.RecordingBackend"
    with override_settings(WAGTAILFRONTENDCACHE={"cdn": {"BACKEND": backend}}):
        fetch(client, "/uz/")
        fetch(client, "/en/")
        with django_capture_on_commit_callbacks(execute=True):
            add_news(uz_news_index, title="CDN sinovi", slug="cdn-sinovi")
            # Before the commit the CDN would only fetch the old page again.
            assert RecordingBackend.purged == []
    assert "https://127.0.0.1/uz/" in RecordingBackend.purged
    assert "https://127.0.0.1/en/" not in RecordingBackend.purged


def test_a_page_stored_before_the_publish_commits_is_purged_when_it_does(
    client, demo, uz_news_index, django_capture_on_commit_callbacks
):
    fetch(client, "/uz/")
    with django_capture_on_commit_callbacks(execute=True):
        add_news(uz_news_index, title="Tranzaksiya", slug="tranzaksiya")
        # Another reader renders now: on PostgreSQL it would still see the old rows.
        assert fetch(client, "/uz/")[1] == "miss"
        assert fetch(client, "/uz/")[1] == "hit"
    assert fetch(client, "/uz/")[1] == "miss"


def test_tick_purges_today_once_the_day_changes(client, demo, settings):
    fetch(client, "/uz/")
    assert fetch(client, "/uz/")[1] == "hit"
    call_command("pagecache", "tick", stdout=io.StringIO())  # first tick: notes today
    assert fetch(client, "/uz/")[1] == "hit"
    (settings.PAGE_CACHE_DIR / "today").write_text("2000-01-01")
    call_command("pagecache", "tick", stdout=io.StringIO())
    assert fetch(client, "/uz/")[1] == "miss"


def test_cache_key_ignores_nothing_that_changes_the_page(rf):
    from govportal.pagecache.middleware import cache_key

    assert cache_key(rf.get("/uz/", {"page": "2"})) == make_key(
        "testserver", "/uz/", "page=2", ""
    )
    assert cache_key(rf.get("/uz/", {"q": "x"})) is None
    assert cache_key(rf.post("/uz/")) is None
    request = rf.get("/uz/")
    request.COOKIES["lowvision"] = "t1-bw"
    assert cache_key(request).endswith("|t1-bw")


def test_page_cache_with_published_files_takes_back_a_raced_file(tmp_path):
    cache = PageCache(MemoryStore(tmp_path / "m", 1 << 20), PublishedFiles(tmp_path))
    key = make_key("example.org", "/uz/", "", "")
    _nothing, marker = cache.lookup(key)
    entry = _entry("<p>x</p>", {"page:1"})
    with mock.patch.object(cache.store, "unchanged_since", return_value=False):
        assert not cache.put(key, entry, marker)
    assert not (tmp_path / "example.org" / "uz" / "index.html").exists()


def test_publishing_one_page_from_many_threads_at_once(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    files = PublishedFiles(tmp_path)
    entry = _entry("<p>same</p>", {"page:1"})
    with ThreadPoolExecutor(8) as pool:
        written = list(pool.map(lambda _: files.write("h", "/uz/", entry), range(64)))
    assert all(written)
    page = tmp_path / "h" / "uz" / "index.html"
    assert page.read_bytes() == entry.body
    assert sorted(path.name for path in page.parent.iterdir()) == [
        "index.html",
        "index.html.br",
        "index.html.gz",
    ]


def test_a_full_disk_costs_the_file_not_the_page(tmp_path, client, demo, settings):
    settings.STATIC_PUBLISH_ROOT = str(tmp_path)
    with mock.patch("os.replace", side_effect=OSError(28, "No space left on device")):
        status, state, _text = fetch(client, "/uz/")
    assert status == 200
    assert not list(tmp_path.rglob("index.html*"))
    assert not list(tmp_path.rglob(".index.html*"))


@pytest.fixture
def full_cache_dir(tmp_path):
    """A cache folder on a real file system that is full: its files and folders
    exist, and nothing more can be written."""
    mount = tmp_path / "small"
    mount.mkdir()
    with small_file_system(mount, size="64k"):
        (mount / "purge.log").write_bytes(b"")
        with contextlib.suppress(OSError), (mount / "filler").open("wb") as filler:
            while True:
                filler.write(b"x" * 4096)
                filler.flush()
        yield mount


def test_a_full_cache_disk_costs_the_cache_not_the_page(full_cache_dir):
    store = MemoryStore(full_cache_dir, 1 << 20)
    _nothing, marker = store.lookup("k1")
    assert not store.put("k1", _entry("<p>page</p>", {"page:1"}), marker)
    assert store.lookup("k1")[0] is None


def test_a_purge_on_a_full_cache_disk_still_reaches_every_worker(full_cache_dir):
    worker_a, worker_b = (MemoryStore(full_cache_dir, 1 << 20) for _ in range(2))
    _nothing, marker = worker_a.lookup("k1")
    assert worker_a.put("k1", _entry("<p>old</p>", {"page:1"}), marker, index=False)
    assert worker_b.purge({"page:2"}) is ALL_KEYS  # the log could not be written
    assert worker_a.lookup("k1")[0] is None
