"""The store on PostgreSQL, for a deployment over several hosts: ``VAGVAL_STORE=postgresql://…``.

The same tables as the DuckDB file (engine/store/duckdb_store.py), made once by whichever
process comes first. PostgreSQL serves many processes and threads at once, so there is
no batching and no read cache here: each call borrows a connection from a small pool,
runs as one transaction and commits before it returns (so an acknowledged write is on
the server's disk). Races are settled by the database: primary keys with ``ON CONFLICT``
for upserts and saves that must not replace, a per-row advisory lock where a write depends
on what it reads (a resident's answer and the time since the last one).

A connection that breaks (the server restarting, the network) is dropped and the call
tried again with backoff for up to :attr:`PostgresStore.RETRY_SECONDS`; then the caller
gets :class:`StoreBusy`.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import logging
import queue
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import psycopg

from engine.store.base import NameTaken, Store, StoreBusy

T = TypeVar("T")
LOG = logging.getLogger("vagval")

_TIMESTAMP = "timestamp NOT NULL DEFAULT (clock_timestamp()::timestamp)"  # local time, as DuckDB's
_DOCUMENTS = "dataset text NOT NULL, id text NOT NULL, document text NOT NULL, saved_at " + _TIMESTAMP
SCHEMA = (
    f"CREATE TABLE IF NOT EXISTS saved_alternatives ({_DOCUMENTS}, PRIMARY KEY (dataset, id))",
    f"CREATE TABLE IF NOT EXISTS workshops ({_DOCUMENTS}, PRIMARY KEY (dataset, id))",
    f"""CREATE TABLE IF NOT EXISTS workshop_input (dataset text NOT NULL, workshop text NOT NULL,
        participant text NOT NULL, document text NOT NULL, saved_at {_TIMESTAMP},
        PRIMARY KEY (dataset, workshop, participant))""",
    f"""CREATE TABLE IF NOT EXISTS uploaded_datasets (id text PRIMARY KEY, name text NOT NULL,
        code text NOT NULL, filename text NOT NULL, content bytea NOT NULL, uploaded_at {_TIMESTAMP})""",
    "CREATE TABLE IF NOT EXISTS settings (key text PRIMARY KEY, value text NOT NULL)",
    f"""CREATE TABLE IF NOT EXISTS decision_documents (dataset text NOT NULL, kind text NOT NULL,
        id text NOT NULL, document text NOT NULL, saved_at {_TIMESTAMP}, PRIMARY KEY (dataset, kind, id))""",
    f"CREATE TABLE IF NOT EXISTS dialogs ({_DOCUMENTS}, PRIMARY KEY (dataset, id))",
    f"""CREATE TABLE IF NOT EXISTS dialog_answers (dataset text NOT NULL, dialog text NOT NULL,
        participant text NOT NULL, document text NOT NULL, status text NOT NULL, saved_at {_TIMESTAMP},
        PRIMARY KEY (dataset, dialog, participant))""",
)
_SCHEMA_LOCK = 0x56A676A1  # advisory lock key: two processes starting together create the tables once

Cursor = psycopg.Cursor[tuple[Any, ...]]


class PostgresStore(Store):
    """What users create, in one PostgreSQL database shared by every app process."""

    POOL_SIZE = 8  # connections per process; PostgreSQL's default allows 100 in all
    RETRY_SECONDS = 15.0
    FIRST_WAIT = 0.05
    MAX_WAIT = 1.0

    @classmethod
    def handles(cls, location: str | Path) -> bool:
        return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))

    def __init__(self, dsn: str):
        self.dsn = dsn
        self._idle: queue.LifoQueue[psycopg.Connection[tuple[Any, ...]]] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(self.POOL_SIZE)

        def create(cur: Cursor) -> None:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEMA_LOCK])
            for statement in SCHEMA:
                cur.execute(statement)

        self._run(create)

    def __repr__(self) -> str:
        return f"PostgresStore({psycopg.conninfo.make_conninfo(self.dsn, password='…')!r})"

    # --- connections ---

    def _run(self, work: Callable[[Cursor], T], *, transaction: bool = True) -> T:
        """``work`` in one transaction on a pooled connection, committed before this returns
        (``transaction=False`` for one statement, which is its own transaction: a round trip
        instead of three).

        A broken connection is dropped and the call tried again: the writes here are upserts and
        deletes, so running one twice leaves what running it once does. Only when the connection
        breaks after the server committed but before it answered can a retried save that must
        not replace report its own row as taken, or a resident's answer count as too soon:
        never a write lost or doubled.
        """
        deadline = time.monotonic() + self.RETRY_SECONDS
        wait = self.FIRST_WAIT
        if not self._slots.acquire(timeout=self.RETRY_SECONDS):
            raise StoreBusy()
        try:
            while True:
                con = None
                try:
                    con = self._connection()
                    with con.transaction() if transaction else contextlib.nullcontext(), con.cursor() as cur:
                        result = work(cur)
                    self._idle.put(con)
                    return result
                except psycopg.OperationalError as exc:  # the server or the network, not the call
                    if con is not None:
                        con.close()
                    if time.monotonic() + wait > deadline:
                        LOG.error("Vägval: PostgreSQL svarade inte på %.0f s: %s", self.RETRY_SECONDS, exc)
                        raise StoreBusy() from exc
                    time.sleep(wait * random.uniform(0.5, 1.5))
                    wait = min(wait * 2, self.MAX_WAIT)
                except BaseException:
                    if con is not None:  # the transaction was rolled back: the connection is fine
                        self._idle.put(con)
                    raise
        finally:
            self._slots.release()

    def _connection(self) -> psycopg.Connection[tuple[Any, ...]]:
        try:
            con = self._idle.get_nowait()
        except queue.Empty:
            return psycopg.connect(self.dsn, connect_timeout=5, autocommit=True)
        if con.closed or con.broken:
            return psycopg.connect(self.dsn, connect_timeout=5, autocommit=True)
        return con

    def _execute(self, sql: str, params: list[object] | None = None) -> list[tuple[Any, ...]]:
        def run(cur: Cursor) -> list[tuple[Any, ...]]:
            cur.execute(sql, params or [])
            return cur.fetchall() if cur.description else []

        return self._run(run, transaction=False)

    # --- saved alternatives ---

    def save_alternative(self, dataset: str, alternative_id: str, document: str, *, replace: bool = False) -> None:
        conflict = "DO UPDATE SET document = excluded.document" if replace else "DO NOTHING"
        rows = self._execute(
            f"INSERT INTO saved_alternatives (dataset, id, document) VALUES (%s, %s, %s) "
            f"ON CONFLICT (dataset, id) {conflict} RETURNING id",
            [dataset, alternative_id, document],
        )
        if not rows:  # the key was there: of two concurrent saves, the one that waited for the other
            raise NameTaken(dataset, alternative_id)

    def delete_alternative(self, dataset: str, alternative_id: str) -> None:
        self._execute("DELETE FROM saved_alternatives WHERE dataset = %s AND id = %s", [dataset, alternative_id])

    def saved_alternatives(self, dataset: str) -> list[tuple[str, str]]:
        rows = self._execute(
            "SELECT id, document FROM saved_alternatives WHERE dataset = %s ORDER BY saved_at, id", [dataset]
        )
        return [(r[0], r[1]) for r in rows]

    # --- workshops ---

    def save_workshop(self, dataset: str, workshop_id: str, document: str) -> None:
        self._execute(
            "INSERT INTO workshops (dataset, id, document) VALUES (%s, %s, %s) "
            "ON CONFLICT (dataset, id) DO UPDATE SET document = excluded.document",
            [dataset, workshop_id, document],
        )

    def workshop(self, dataset: str, workshop_id: str) -> str | None:
        rows = self._execute("SELECT document FROM workshops WHERE dataset = %s AND id = %s", [dataset, workshop_id])
        return rows[0][0] if rows else None

    def workshops(self, dataset: str) -> list[tuple[str, str]]:
        rows = self._execute(
            "SELECT id, document FROM workshops WHERE dataset = %s ORDER BY saved_at DESC, id", [dataset]
        )
        return [(r[0], r[1]) for r in rows]

    def delete_workshop(self, dataset: str, workshop_id: str) -> None:
        def delete(cur: Cursor) -> None:
            cur.execute("DELETE FROM workshop_input WHERE dataset = %s AND workshop = %s", [dataset, workshop_id])
            cur.execute("DELETE FROM workshops WHERE dataset = %s AND id = %s", [dataset, workshop_id])

        self._run(delete)

    def save_workshop_input(self, dataset: str, workshop_id: str, participant: str, document: str) -> None:
        self._execute(
            "INSERT INTO workshop_input (dataset, workshop, participant, document) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (dataset, workshop, participant) DO UPDATE SET document = excluded.document",
            [dataset, workshop_id, participant, document],
        )

    def workshop_input(self, dataset: str, workshop_id: str) -> list[tuple[str, str, datetime.datetime]]:
        rows = self._execute(
            "SELECT participant, document, saved_at FROM workshop_input WHERE dataset = %s AND workshop = %s "
            "ORDER BY saved_at, participant",
            [dataset, workshop_id],
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def clear_workshop_input(self, dataset: str, workshop_id: str) -> None:
        self._execute("DELETE FROM workshop_input WHERE dataset = %s AND workshop = %s", [dataset, workshop_id])

    # --- uploaded datasets and settings ---

    def save_dataset(self, dataset_id: str, name: str, code: str, filename: str, content: bytes) -> None:
        self._execute(
            "INSERT INTO uploaded_datasets (id, name, code, filename, content) VALUES (%s, %s, %s, %s, %s) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, code = excluded.code, "
            "filename = excluded.filename, content = excluded.content",
            [dataset_id, name, code, filename, content],
        )

    def dataset_file(self, dataset_id: str) -> tuple[str, bytes] | None:
        rows = self._execute("SELECT filename, content FROM uploaded_datasets WHERE id = %s", [dataset_id])
        return (rows[0][0], bytes(rows[0][1])) if rows else None

    def delete_dataset(self, dataset_id: str, default_setting: str) -> None:
        def delete(cur: Cursor) -> None:
            cur.execute("DELETE FROM uploaded_datasets WHERE id = %s", [dataset_id])
            cur.execute("DELETE FROM settings WHERE key = %s AND value = %s", [default_setting, dataset_id])

        self._run(delete)

    def uploaded_datasets(self) -> list[tuple[str, str, str, str, datetime.datetime]]:
        rows = self._execute(
            "SELECT id, name, code, filename, uploaded_at FROM uploaded_datasets ORDER BY uploaded_at DESC, id"
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def setting(self, key: str) -> str | None:
        rows = self._execute("SELECT value FROM settings WHERE key = %s", [key])
        return rows[0][0] if rows else None

    def set_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self._execute("DELETE FROM settings WHERE key = %s", [key])
        else:
            self._execute(
                "INSERT INTO settings (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )

    # --- decision documents ---

    def save_document(self, dataset: str, kind: str, document_id: str, document: str) -> None:
        self._execute(
            "INSERT INTO decision_documents (dataset, kind, id, document) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (dataset, kind, id) DO UPDATE SET document = excluded.document, saved_at = excluded.saved_at",
            [dataset, kind, document_id, document],
        )

    def document(self, dataset: str, kind: str, document_id: str) -> tuple[str, datetime.datetime] | None:
        rows = self._execute(
            "SELECT document, saved_at FROM decision_documents WHERE dataset = %s AND kind = %s AND id = %s",
            [dataset, kind, document_id],
        )
        return (rows[0][0], rows[0][1]) if rows else None

    # --- citizens' dialogues ---

    def save_dialog(self, dataset: str, dialog_id: str, document: str) -> None:
        self._execute(
            "INSERT INTO dialogs (dataset, id, document) VALUES (%s, %s, %s) "
            "ON CONFLICT (dataset, id) DO UPDATE SET document = excluded.document",
            [dataset, dialog_id, document],
        )

    def dialog(self, dataset: str, dialog_id: str) -> str | None:
        rows = self._execute("SELECT document FROM dialogs WHERE dataset = %s AND id = %s", [dataset, dialog_id])
        return rows[0][0] if rows else None

    def dialogs(self, dataset: str) -> list[tuple[str, str]]:
        rows = self._execute(
            "SELECT id, document FROM dialogs WHERE dataset = %s ORDER BY saved_at DESC, id", [dataset]
        )
        return [(r[0], r[1]) for r in rows]

    def save_dialog_answer(
        self, dataset: str, dialog_id: str, participant: str, document: str, comment: str, min_seconds: float
    ) -> bool:
        def save(cur: Cursor) -> bool:
            # One device's two sends at once (two tabs, two processes) take turns here, so the
            # second sees the first and the rate limit holds.
            cur.execute(
                "SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                [json.dumps(["dialog_answers", dataset, dialog_id, participant])],
            )
            cur.execute(
                "SELECT document::json ->> 'comment', status, "
                "extract(epoch FROM clock_timestamp()::timestamp - saved_at) "
                "FROM dialog_answers WHERE dataset = %s AND dialog = %s AND participant = %s",
                [dataset, dialog_id, participant],
            )
            before = cur.fetchall()
            if before and before[0][2] is not None and float(before[0][2]) < min_seconds:
                return False
            status = before[0][1] if before and before[0][0] == comment else "pending"
            cur.execute(
                "INSERT INTO dialog_answers (dataset, dialog, participant, document, status) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (dataset, dialog, participant) DO UPDATE SET "
                "document = excluded.document, status = excluded.status, saved_at = excluded.saved_at",
                [dataset, dialog_id, participant, document, status],
            )
            return True

        return self._run(save)

    def dialog_answers(self, dataset: str, dialog_id: str) -> list[tuple[str, str, str, datetime.datetime]]:
        rows = self._execute(
            "SELECT participant, document, status, saved_at FROM dialog_answers "
            "WHERE dataset = %s AND dialog = %s ORDER BY saved_at, participant",
            [dataset, dialog_id],
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def set_dialog_status(self, dataset: str, dialog_id: str, participant: str, status: str) -> None:
        self._execute(
            "UPDATE dialog_answers SET status = %s WHERE dataset = %s AND dialog = %s AND participant = %s",
            [status, dataset, dialog_id, participant],
        )
