"""A worker's cache of rendered page fragments, bounded in bytes, least recently used
out first.

Only what a key fully determines goes in: each key carries the version of the data
the fragment was rendered from (read from the database in the same request), so an
entry is never stale, only unused, and nothing here is state: a worker that starts
empty, or several workers with different contents, serve the same pages. Set
``FRAGMENT_CACHE_BYTES`` to 0 to render every time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

from flask import current_app

Value = TypeVar("Value")


class FragmentCache(Generic[Value]):
    """Values with their size in bytes; the oldest used go once the total exceeds
    ``max_bytes``. Safe to share between a worker's threads."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, tuple[Value, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get(self, key: Hashable) -> Value | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry[0]

    def put(self, key: Hashable, value: Value, size: int) -> None:
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._entries[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, (_value, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.hits = self.misses = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def size(self) -> int:
        return self._bytes


def fragment_cache(name: str) -> FragmentCache:
    """The app's cache called ``name`` (one per kind of fragment, so one kind's
    traffic does not push out another's), made on first use."""
    caches = current_app.extensions.setdefault("fragment_caches", {})
    cache = caches.get(name)
    if cache is None:
        cache = caches.setdefault(
            name, FragmentCache(current_app.config["FRAGMENT_CACHE_BYTES"])
        )
    return cache
