"""Results kept in memory for reuse: the last few, by key, safe to share between threads.

Charts, the estimates of a weighting and the small-cell guards are each computed from their
inputs alone and asked for again by every reader and page; each keeps its latest results in a
:class:`Kept`. Example::

    >>> kept = Kept[str, int](2)
    >>> kept.get_or_make("a", lambda: 1), kept.get_or_make("a", lambda: 2)
    (1, 1)
    >>> kept.put("b", 2); kept.put("c", 3)  # "a" is the least recently used: it goes
    >>> kept.get("a"), len(kept)
    (None, 2)
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, ItemsView
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Kept(Generic[K, V]):
    """At most ``size`` values by key; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._values.get(key)
            if found is not None:
                self._values.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def get_or_make(self, key: K, make: Callable[[], V]) -> V:
        """The value kept for ``key``, else ``make()`` kept (made outside the lock: two threads
        may make the same value once each)."""
        found = self.get(key)
        if found is None:
            found = make()
            self.put(key, found)
        return found

    def items(self) -> ItemsView[K, V]:
        """A snapshot of what is kept."""
        with self._lock:
            return dict(self._values).items()

    def __len__(self) -> int:
        return len(self._values)
