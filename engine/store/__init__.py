"""Persistence for what users create: ``Store(location)`` opens the backend for ``location``.

* a file path (the default ``var/vagval.duckdb``): :class:`DuckDBStore`, embedded, for one
  host (several processes may share the file);
* ``postgresql://user@host/db``: :class:`PostgresStore`, one database for app processes on
  several hosts.

The interface and its guarantees are in engine/store/base.py; ``ui/data.py`` opens the
store named by ``VAGVAL_STORE``.
"""

from engine.store.base import NameTaken, Store, StoreBusy
from engine.store.duckdb_store import DuckDBStore
from engine.store.postgres_store import PostgresStore

__all__ = ["DuckDBStore", "NameTaken", "PostgresStore", "Store", "StoreBusy"]
