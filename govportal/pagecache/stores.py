"""Where cached pages live: this process's memory, or Redis shared by all.

Both stores give the same guarantee: a page rendered before a purge is never stored
after it. ``lookup`` returns a *marker* (the purge position when the render began);
``put`` refuses to store when any purge has happened since, so a slow render that
raced a publish cannot put the old content back.

**Memory** (the default): each worker keeps its own pages. A purge appends its
tags to a shared purge log on disk (``var/pagecache/purge.log``); every lookup costs
one ``stat`` of that file, and a worker that sees it grow drops its pages with those
tags before answering. The tags' addresses are kept in small files under
``var/pagecache/index/`` so that a purge can also delete published files and tell a
CDN which addresses changed. One server; for several, use Redis.

**Redis** (``REDIS_URL``): pages and tag sets in Redis, shared by every worker and
server. If Redis cannot be reached the cache is bypassed, never an error.
"""

import contextlib
import hashlib
import logging
import os
import pickle  # only our own entries, from our own Redis
import shutil
import threading
import time
from collections import OrderedDict
from pathlib import Path

from .entries import Entry

logger = logging.getLogger(__name__)

ALL = "*"  # the purge-log line that drops everything


class MemoryStore:
    """Pages in this process, kept fresh across processes by the purge log."""

    def __init__(self, directory: Path, max_bytes: int):
        self.directory = Path(directory)
        self.log_path = self.directory / "purge.log"
        self.index_dir = self.directory / "index"
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, Entry] = OrderedDict()
        self._keys_by_tag: dict[str, set[str]] = {}
        self._bytes = 0
        self._lock = threading.Lock()
        self.directory.mkdir(parents=True, exist_ok=True)
        # Made now, so that a full disk can still empty it (``_empty_log``); opening
        # an existing file leaves its time alone, which other processes watch.
        os.close(os.open(self.log_path, os.O_WRONLY | os.O_CREAT, 0o644))
        self._position, self._mtime = self._log_state()
        self._generation = 0  # times this process forgot everything

    # -- reading -----------------------------------------------------------------

    def lookup(self, key: str) -> tuple[Entry | None, object]:
        with self._lock:
            self._sync()
            entry = self._entries.get(key)
            if entry is not None:
                if entry.expires_at <= time.time():
                    self._drop(key)
                    entry = None
                else:
                    self._entries.move_to_end(key)
            return entry, self._marker()

    def unchanged_since(self, marker: object) -> bool:
        with self._lock:
            self._sync()
            return self._marker() == marker

    # -- writing -----------------------------------------------------------------

    def put(self, key: str, entry: Entry, marker: object, index=True) -> bool:
        if entry.size > self.max_bytes // 4:
            return False
        with self._lock:
            self._sync()
            if self._marker() != marker:
                return False
            self._drop(key)
            self._entries[key] = entry
            self._bytes += entry.size
            for tag in entry.tags:
                self._keys_by_tag.setdefault(tag, set()).add(key)
            while self._bytes > self.max_bytes:
                self._drop(next(iter(self._entries)))
        if index:
            try:
                self._index_add(key, entry.tags)
            except OSError as error:
                # Unindexed, a later purge could not find its published file or
                # tell the CDN: keep nothing (a full disk costs the cache, not a page).
                logger.warning("Page not cached, its index not written: %s", error)
                with self._lock:
                    self._drop(key)
                return False
        return True

    def purge(self, tags: set[str]) -> set[str]:
        """Drop every page showing any of ``tags``, in every process; their keys."""
        line = (" ".join(sorted(tags)) + "\n").encode()
        try:
            fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)
        except OSError as error:
            # A full disk must not stop a publish nor hide it from other workers.
            # Emptying the log needs no space and makes every process drop every page.
            logger.error("Purge log not written (%s): dropping every page", error)
            self._empty_log()
            tags = {ALL}
        if ALL in tags:
            shutil.rmtree(self.index_dir, ignore_errors=True)
            keys = ALL_KEYS
        else:
            keys = self._index_pop(tags)
        with self._lock:
            self._sync()
        return keys

    def clear(self) -> None:
        self.purge({ALL})

    # -- internals -----------------------------------------------------------------

    def _marker(self) -> tuple[int, int]:
        return self._generation, self._position

    def _log_state(self) -> tuple[int, int]:
        try:
            state = os.stat(self.log_path)
        except FileNotFoundError:
            return 0, 0
        return state.st_size, state.st_mtime_ns

    def _empty_log(self) -> None:
        """Empty the log, which needs no space, and give it a new time: every process
        then forgets everything, even if the log was empty already."""
        os.truncate(self.log_path, 0)
        state = os.stat(self.log_path)
        later = max(time.time_ns(), state.st_mtime_ns + 1)
        os.utime(self.log_path, ns=(state.st_atime_ns, later))

    def _sync(self) -> None:
        size, mtime = self._log_state()
        if size == self._position and mtime == self._mtime:
            return
        if size <= self._position:
            # Emptied (a purge a full disk could not write): forget everything.
            # Appending always makes the log longer.
            self._forget_all()
            self._generation += 1
            self._position, self._mtime = size, mtime
            return
        with open(self.log_path, "rb") as log:
            log.seek(self._position)
            chunk = log.read(size - self._position)
        complete = chunk.rpartition(b"\n")[0]
        if not complete and not chunk.endswith(b"\n"):
            return  # a purge is being written; read it next time
        self._position += len(complete) + 1
        self._mtime = mtime
        for line in complete.decode().splitlines():
            tags = set(line.split())
            if ALL in tags:
                self._forget_all()
                continue
            for tag in tags:
                for key in list(self._keys_by_tag.get(tag, ())):
                    self._drop(key)

    def _forget_all(self) -> None:
        self._entries.clear()
        self._keys_by_tag.clear()
        self._bytes = 0

    def _drop(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is None:
            return
        self._bytes -= entry.size
        for tag in entry.tags:
            keys = self._keys_by_tag.get(tag)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del self._keys_by_tag[tag]

    def _tag_file(self, tag: str) -> Path:
        digest = hashlib.blake2b(tag.encode(), digest_size=10).hexdigest()
        return self.index_dir / digest[:2] / digest

    def _index_add(self, key: str, tags: frozenset[str]) -> None:
        line = (key + "\n").encode()
        for tag in tags:
            path = self._tag_file(tag)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            except FileNotFoundError:
                path.parent.mkdir(parents=True, exist_ok=True)
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, line)
            finally:
                os.close(fd)

    def _index_pop(self, tags: set[str]) -> set[str]:
        keys: set[str] = set()
        for tag in tags:
            path = self._tag_file(tag)
            taken = path.with_name(f"{path.name}.{os.getpid()}.purging")
            try:
                os.replace(path, taken)
            except FileNotFoundError:
                continue
            keys.update(taken.read_text().split())
            taken.unlink(missing_ok=True)
        return keys


class _AllKeys(frozenset):
    """Stands for "every address": a purge of everything."""


ALL_KEYS = _AllKeys()


class RedisStore:
    """Pages and tag sets in Redis; any Redis failure is a cache miss."""

    prefix = "pagecache:"

    def __init__(self, url: str, timeout: float = 0.25):
        import redis

        self.errors = (redis.RedisError, OSError)
        self.client = redis.Redis.from_url(
            url,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
            health_check_interval=30,
        )
        self.sequence_key = f"{self.prefix}sequence"

    def _entry_key(self, key: str) -> str:
        return f"{self.prefix}e:{key}"

    def _tag_key(self, tag: str) -> str:
        return f"{self.prefix}t:{tag}"

    def lookup(self, key: str) -> tuple[Entry | None, object]:
        try:
            raw, sequence = self.client.mget(self._entry_key(key), self.sequence_key)
        except self.errors as error:
            logger.warning("Page cache bypassed, Redis unavailable: %s", error)
            return None, None
        entry = pickle.loads(raw) if raw else None  # noqa: S301 - our own entries
        return entry, sequence or b"0"

    def unchanged_since(self, marker: object) -> bool:
        if marker is None:
            return False
        try:
            return (self.client.get(self.sequence_key) or b"0") == marker
        except self.errors:
            return False

    def put(self, key: str, entry: Entry, marker: object, index=True) -> bool:
        if marker is None:
            return False
        ttl = max(1, int(entry.expires_at - time.time()))
        entry_key = self._entry_key(key)
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.set(entry_key, pickle.dumps(entry, pickle.HIGHEST_PROTOCOL), ex=ttl)
            for tag in entry.tags:
                pipe.sadd(self._tag_key(tag), key)
            pipe.get(self.sequence_key)
            sequence = pipe.execute()[-1] or b"0"
            if sequence != marker:
                self.client.delete(entry_key)
                return False
        except self.errors as error:
            logger.warning("Page not cached, Redis unavailable: %s", error)
            return False
        return True

    def purge(self, tags: set[str]) -> set[str]:
        # The sequence moves first: a render that began before this purge and
        # stores after it sees the new sequence and takes its page back (``put``).
        try:
            self.client.incr(self.sequence_key)
            if ALL in tags:
                for key in self.client.scan_iter(f"{self.prefix}[et]:*", count=1000):
                    self.client.delete(key)
                return ALL_KEYS
            pipe = self.client.pipeline(transaction=False)
            for tag in tags:
                pipe.smembers(self._tag_key(tag))
            members = set()
            for found in pipe.execute():
                members.update(found)
            keys = {member.decode() for member in members}
            pipe = self.client.pipeline(transaction=False)
            for key in keys:
                pipe.delete(self._entry_key(key))
            for tag in tags:
                pipe.delete(self._tag_key(tag))
            pipe.execute()
            return keys
        except self.errors as error:
            logger.error("Page cache purge failed, Redis unavailable: %s", error)
            return set()

    def clear(self) -> None:
        with contextlib.suppress(*self.errors):
            self.purge({ALL})
