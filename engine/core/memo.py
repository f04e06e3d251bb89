"""A bounded, thread-safe memo shared by every session that reads one dataset."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any


class Memo:
    """A bounded, thread-safe memo (least recently used out first).

    Sliders create a new key per value, and the dashboard serves many sessions from
    one dataset in several threads, so the memo must neither grow without bound nor
    corrupt itself.
    """

    def __init__(self, max_entries: int = 512):
        self._data: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries

    def __contains__(self, key: Any) -> bool:
        with self._lock:
            return key in self._data

    def __getitem__(self, key: Any) -> Any:
        with self._lock:
            self._data.move_to_end(key)
            return self._data[key]

    def __setitem__(self, key: Any, value: Any) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def get_or_compute(self, key: Any, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = compute()  # outside the lock: two threads may compute the same value once each
        self[key] = value
        return value
