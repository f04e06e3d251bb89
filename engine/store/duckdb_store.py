"""The embedded store: one DuckDB file (the default, ``VAGVAL_STORE=var/vagval.duckdb``).

:class:`DuckDBStore` holds saved alternatives, workshop input, uploaded datasets, the
officials' decision documents and residents' answers (the interface: engine/store/base.py).
Values are always passed as parameters, never formatted into SQL.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from engine.store.base import NameTaken, Store, StoreBusy

T = TypeVar("T")


class _Job:
    """One call waiting for the store's file: its work, then its result or error."""

    def __init__(self, work: Callable[[duckdb.DuckDBPyConnection], Any]):
        self.work = work
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def run(self, con: duckdb.DuckDBPyConnection) -> None:
        try:
            self.result = self.work(con)
        except duckdb.IOException:
            raise  # the file itself: the whole batch is tried again
        except Exception as exc:  # this call's own failure: the others in the batch go on
            self.error = exc
            with contextlib.suppress(duckdb.Error):  # none was open
                con.execute("ROLLBACK")  # a transaction the work opened and could not finish

    def reset(self) -> None:
        self.result, self.error = None, None


# Rows read per query key, with the file's stamp when they were read.
_RowCache = dict[tuple[str, ...], tuple[tuple[int, int], list[tuple]]]


LOG = logging.getLogger("vagval")


class DuckDBStore(Store):
    """A DuckDB file for what users create: saved alternatives, workshop input, uploaded datasets.

    DuckDB lets only one process hold a file open, and the dashboard may run as several
    processes behind a proxy, so every operation opens the file briefly (retrying while
    another process holds it) and reads are served from memory until the file changes.
    """

    # Waiting for a file another process holds: the first retry after LOCK_FIRST_WAIT s, each
    # wait then doubled (with jitter, so two processes do not retry in step) up to LOCK_MAX_WAIT s;
    # after LOCK_RETRY_SECONDS in all the caller gets StoreBusy, whose text a user may read.
    # The longest a process holds the file is a batch of a hundred answers (≈ 0,9 s) or a
    # 20 MB upload, so 15 s is never reached unless something is wrong.
    LOCK_RETRY_SECONDS = 15.0
    LOCK_FIRST_WAIT = 0.01
    LOCK_MAX_WAIT = 0.25

    @classmethod
    def handles(cls, location: str | Path) -> bool:
        return True  # the default: any location that is not another backend's is a file

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()  # held by the thread that has the file open
        self._queue_lock = threading.Lock()
        self._waiting: list[_Job] = []  # calls waiting for the file
        self._read_cache: dict[str, tuple[tuple[int, int], list[tuple[str, str]]]] = {}
        self._workshop_cache: _RowCache = {}
        self._upload_cache: _RowCache = {}
        self._create_documents("saved_alternatives")
        self._create_workshop_tables()
        self._create_upload_tables()
        self._create_document_tables()
        self._create_dialog_tables()

    def _create_documents(self, table: str) -> None:
        """A table of JSON documents keyed by dataset and id (``table`` is one of this class's names)."""
        self._execute(
            f"""
            CREATE TABLE IF NOT EXISTS {table} (
                dataset VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                document JSON NOT NULL,
                saved_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (dataset, id)
            )
            """
        )

    def _execute(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        return self._run(lambda con: con.execute(sql, params or []).fetchall())

    def _run(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """``work`` on the file, opened briefly, retrying while another process holds it.

        Opening and closing the file costs ≈ 100 ms and a statement ≈ 5 ms, so calls that
        arrive together (thirty phones sending at once) share one opening: whichever thread
        gets the file runs every call waiting by then, each in turn, and each caller gets its
        own result or error once the file is closed again (its write is then on disk).
        """
        job = _Job(work)
        with self._queue_lock:
            self._waiting.append(job)
        while not job.done.is_set():
            if self._lock.acquire(timeout=0.005):
                try:
                    with self._queue_lock:
                        batch, self._waiting = self._waiting, []
                    if batch:
                        self._run_batch(batch)
                finally:
                    self._lock.release()
        if job.error is not None:
            raise job.error
        return job.result

    def _run_batch(self, batch: list[_Job]) -> None:
        deadline = time.monotonic() + self.LOCK_RETRY_SECONDS
        wait = self.LOCK_FIRST_WAIT
        while True:
            try:
                with duckdb.connect(str(self.path)) as con:
                    for job in batch:
                        job.run(con)
                break
            except duckdb.IOException as exc:  # another process holds the file for a moment
                if time.monotonic() + wait > deadline:
                    LOG.error("Vägval: lagret %s var upptaget i %.0f s: %s", self.path, self.LOCK_RETRY_SECONDS, exc)
                    busy = StoreBusy()
                    busy.__cause__ = exc  # for the server's log; the user reads only the calm text
                    for job in batch:
                        job.reset()
                        job.error = busy
                    break
                for job in batch:
                    job.reset()
                time.sleep(wait * random.uniform(0.5, 1.5))
                wait = min(wait * 2, self.LOCK_MAX_WAIT)
        for job in batch:
            job.done.set()

    def _mtime(self) -> tuple[int, int]:
        """Modification times of the file and its write-ahead log: a change means re-read."""
        stamps = []
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                stamps.append(path.stat().st_mtime_ns)
            except FileNotFoundError:
                stamps.append(0)
        return stamps[0], stamps[1]

    def save_alternative(self, dataset: str, alternative_id: str, document: str, *, replace: bool = False) -> None:
        if replace:
            self._execute(
                "INSERT OR REPLACE INTO saved_alternatives (dataset, id, document) VALUES (?, ?, ?)",
                [dataset, alternative_id, document],
            )
            return

        def insert(con: duckdb.DuckDBPyConnection) -> None:
            # The primary key decides: the file is one process's at a time and the calls of a
            # batch run one after another, so of two saves of a new id the second one fails here.
            try:
                con.execute(
                    "INSERT INTO saved_alternatives (dataset, id, document) VALUES (?, ?, ?)",
                    [dataset, alternative_id, document],
                )
            except duckdb.ConstraintException:
                raise NameTaken(dataset, alternative_id) from None

        self._run(insert)

    def delete_alternative(self, dataset: str, alternative_id: str) -> None:
        self._execute("DELETE FROM saved_alternatives WHERE dataset = ? AND id = ?", [dataset, alternative_id])

    def saved_alternatives(self, dataset: str) -> list[tuple[str, str]]:
        """(id, JSON document) in the order they were saved."""
        mtime = self._mtime()
        cached = self._read_cache.get(dataset)
        if cached and cached[0] == mtime:
            return cached[1]
        rows = self._execute(
            "SELECT id, document FROM saved_alternatives WHERE dataset = ? ORDER BY saved_at, id", [dataset]
        )
        found = [(r[0], r[1]) for r in rows]
        self._read_cache[dataset] = (mtime, found)
        return found

    # --- workshops: one row per workshop, one per participant's latest input ---

    def _create_workshop_tables(self) -> None:
        self._create_documents("workshops")
        self._execute(
            """
            CREATE TABLE IF NOT EXISTS workshop_input (
                dataset VARCHAR NOT NULL,
                workshop VARCHAR NOT NULL,
                participant VARCHAR NOT NULL,
                document JSON NOT NULL,
                saved_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (dataset, workshop, participant)
            )
            """
        )

    def _write_cached(self, cache: _RowCache, sql: str, params: list[object]) -> None:
        """A write, then the memory of the rows it may change emptied."""
        self._execute(sql, params)
        # A write in the same clock tick as the last read would leave the file's stamp unchanged.
        cache.clear()

    def _read_cached(self, cache: _RowCache, key: tuple[str, ...], sql: str, params: list[object]) -> list[tuple]:
        """Rows from memory until the file changes (its stamp is the key's validity)."""
        mtime = self._mtime()
        cached = cache.get(key)
        if cached and cached[0] == mtime:
            return cached[1]
        rows = self._execute(sql, params)
        cache[key] = (mtime, rows)
        return rows

    def _write_workshop(self, sql: str, params: list[object]) -> None:
        self._write_cached(self._workshop_cache, sql, params)

    def _read_workshop(self, key: tuple[str, ...], sql: str, params: list[object]) -> list[tuple]:
        """Thirty phones polling the room cost a stat() each."""
        return self._read_cached(self._workshop_cache, key, sql, params)

    def save_workshop(self, dataset: str, workshop_id: str, document: str) -> None:
        self._write_workshop(
            "INSERT OR REPLACE INTO workshops (dataset, id, document) VALUES (?, ?, ?)",
            [dataset, workshop_id, document],
        )

    def workshop(self, dataset: str, workshop_id: str) -> str | None:
        """The workshop's JSON document, or None if there is no such workshop."""
        rows = self._read_workshop(
            ("workshop", dataset, workshop_id),
            "SELECT document FROM workshops WHERE dataset = ? AND id = ?",
            [dataset, workshop_id],
        )
        return rows[0][0] if rows else None

    def workshops(self, dataset: str) -> list[tuple[str, str]]:
        """(id, JSON document) of the dataset's workshops, the latest saved first."""
        rows = self._read_workshop(
            ("workshops", dataset),
            "SELECT id, document FROM workshops WHERE dataset = ? ORDER BY saved_at DESC, id",
            [dataset],
        )
        return [(r[0], r[1]) for r in rows]

    def delete_workshop(self, dataset: str, workshop_id: str) -> None:
        """The workshop and all its input."""
        self.clear_workshop_input(dataset, workshop_id)
        self._write_workshop("DELETE FROM workshops WHERE dataset = ? AND id = ?", [dataset, workshop_id])

    def save_workshop_input(self, dataset: str, workshop_id: str, participant: str, document: str) -> None:
        """A participant's input; it replaces what the same participant gave before."""
        self._write_workshop(
            "INSERT OR REPLACE INTO workshop_input (dataset, workshop, participant, document) VALUES (?, ?, ?, ?)",
            [dataset, workshop_id, participant, document],
        )

    def workshop_input(self, dataset: str, workshop_id: str) -> list[tuple[str, str, datetime.datetime]]:
        """(participant, JSON document, saved at) in the order they were last saved."""
        rows = self._read_workshop(
            ("input", dataset, workshop_id),
            "SELECT participant, document, saved_at FROM workshop_input WHERE dataset = ? AND workshop = ? "
            "ORDER BY saved_at, participant",
            [dataset, workshop_id],
        )
        return [(r[0], r[1], r[2]) for r in rows]

    def clear_workshop_input(self, dataset: str, workshop_id: str) -> None:
        self._write_workshop("DELETE FROM workshop_input WHERE dataset = ? AND workshop = ?", [dataset, workshop_id])

    # --- uploaded datasets and settings (the default dataset) ---

    def _create_upload_tables(self) -> None:
        self._execute(
            """
            CREATE TABLE IF NOT EXISTS uploaded_datasets (
                id VARCHAR PRIMARY KEY,
                name VARCHAR NOT NULL,
                code VARCHAR NOT NULL,
                filename VARCHAR NOT NULL,
                content BLOB NOT NULL,
                uploaded_at TIMESTAMP DEFAULT current_timestamp
            )
            """
        )
        self._execute("CREATE TABLE IF NOT EXISTS settings (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)")

    def _write_upload(self, sql: str, params: list[object]) -> None:
        self._write_cached(self._upload_cache, sql, params)

    def _read_upload(self, key: tuple[str, ...], sql: str, params: list[object]) -> list[tuple]:
        """Every page view asks for the default dataset."""
        return self._read_cached(self._upload_cache, key, sql, params)

    def save_dataset(self, dataset_id: str, name: str, code: str, filename: str, content: bytes) -> None:
        """An accepted upload: the file as uploaded, so reading it again gives the same dataset."""
        self._write_upload(
            "INSERT OR REPLACE INTO uploaded_datasets (id, name, code, filename, content) VALUES (?, ?, ?, ?, ?)",
            [dataset_id, name, code, filename, content],
        )

    def dataset_file(self, dataset_id: str) -> tuple[str, bytes] | None:
        """(file name, content) of an uploaded dataset, or None. Not cached: it is read once per process."""
        rows = self._execute("SELECT filename, content FROM uploaded_datasets WHERE id = ?", [dataset_id])
        return (rows[0][0], bytes(rows[0][1])) if rows else None

    def delete_dataset(self, dataset_id: str, default_setting: str) -> None:
        """An uploaded dataset, and the default setting if it named this one.

        Alternatives saved in the dashboard stay: they belong to the municipality's code,
        which another upload of the same municipality shares.
        """
        self._write_upload("DELETE FROM uploaded_datasets WHERE id = ?", [dataset_id])
        self._write_upload("DELETE FROM settings WHERE key = ? AND value = ?", [default_setting, dataset_id])

    def uploaded_datasets(self) -> list[tuple[str, str, str, str, datetime.datetime]]:
        """(id, name, code, file name, uploaded at) of every uploaded dataset, the latest first."""
        rows = self._read_upload(
            ("datasets",),
            "SELECT id, name, code, filename, uploaded_at FROM uploaded_datasets ORDER BY uploaded_at DESC, id",
            [],
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]

    def setting(self, key: str) -> str | None:
        rows = self._read_upload(("setting", key), "SELECT value FROM settings WHERE key = ?", [key])
        return rows[0][0] if rows else None

    def set_setting(self, key: str, value: str | None) -> None:
        """Set a setting; None removes it."""
        if value is None:
            self._write_upload("DELETE FROM settings WHERE key = ?", [key])
        else:
            self._write_upload("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])

    # --- decision documents: what the officials write about an alternative or a decision ---

    def _create_document_tables(self) -> None:
        self._execute(
            """
            CREATE TABLE IF NOT EXISTS decision_documents (
                dataset VARCHAR NOT NULL,
                kind VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                document JSON NOT NULL,
                saved_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (dataset, kind, id)
            )
            """
        )

    def save_document(self, dataset: str, kind: str, document_id: str, document: str) -> None:
        """A document of one kind ("child_impact": the assessment's own texts for an alternative)."""
        self._execute(
            "INSERT OR REPLACE INTO decision_documents (dataset, kind, id, document, saved_at) "
            "VALUES (?, ?, ?, ?, current_timestamp)",
            [dataset, kind, document_id, document],
        )

    def document(self, dataset: str, kind: str, document_id: str) -> tuple[str, datetime.datetime] | None:
        """(JSON document, saved at) or None."""
        rows = self._execute(
            "SELECT document, saved_at FROM decision_documents WHERE dataset = ? AND kind = ? AND id = ?",
            [dataset, kind, document_id],
        )
        return (rows[0][0], rows[0][1]) if rows else None

    # --- citizens' dialogues: one row per dialogue, one per device's latest answer ---

    def _create_dialog_tables(self) -> None:
        self._create_documents("dialogs")
        self._execute(
            """
            CREATE TABLE IF NOT EXISTS dialog_answers (
                dataset VARCHAR NOT NULL,
                dialog VARCHAR NOT NULL,
                participant VARCHAR NOT NULL,
                document JSON NOT NULL,
                status VARCHAR NOT NULL,
                saved_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (dataset, dialog, participant)
            )
            """
        )

    def save_dialog(self, dataset: str, dialog_id: str, document: str) -> None:
        self._execute(
            "INSERT OR REPLACE INTO dialogs (dataset, id, document) VALUES (?, ?, ?)", [dataset, dialog_id, document]
        )

    def dialog(self, dataset: str, dialog_id: str) -> str | None:
        rows = self._execute("SELECT document FROM dialogs WHERE dataset = ? AND id = ?", [dataset, dialog_id])
        return rows[0][0] if rows else None

    def dialogs(self, dataset: str) -> list[tuple[str, str]]:
        """(id, document) of the dataset's dialogues, the latest first."""
        rows = self._execute("SELECT id, document FROM dialogs WHERE dataset = ? ORDER BY saved_at DESC, id", [dataset])
        return [(r[0], r[1]) for r in rows]

    def save_dialog_answer(
        self, dataset: str, dialog_id: str, participant: str, document: str, comment: str, min_seconds: float
    ) -> bool:
        """A device's answer, replacing its earlier one; False (nothing kept) if it answered less than
        ``min_seconds`` ago. A changed comment waits for the administrator again; an unchanged one keeps its status."""

        def save(con: duckdb.DuckDBPyConnection) -> bool:
            con.execute("BEGIN TRANSACTION")
            before = con.execute(
                "SELECT document ->> 'comment', status, epoch(current_timestamp::TIMESTAMP - saved_at) "
                "FROM dialog_answers WHERE dataset = ? AND dialog = ? AND participant = ?",
                [dataset, dialog_id, participant],
            ).fetchall()
            if before and before[0][2] is not None and float(before[0][2]) < min_seconds:
                con.execute("ROLLBACK")
                return False
            status = before[0][1] if before and before[0][0] == comment else "pending"
            con.execute(
                "INSERT OR REPLACE INTO dialog_answers (dataset, dialog, participant, document, status, saved_at) "
                "VALUES (?, ?, ?, ?, ?, current_timestamp::TIMESTAMP)",
                [dataset, dialog_id, participant, document, status],
            )
            con.execute("COMMIT")
            return True

        return self._run(save)

    def dialog_answers(self, dataset: str, dialog_id: str) -> list[tuple[str, str, str, datetime.datetime]]:
        """(participant, document, status, saved at) of every device's latest answer, oldest first."""
        rows = self._execute(
            "SELECT participant, document, status, saved_at FROM dialog_answers "
            "WHERE dataset = ? AND dialog = ? ORDER BY saved_at, participant",
            [dataset, dialog_id],
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def set_dialog_status(self, dataset: str, dialog_id: str, participant: str, status: str) -> None:
        """The administrator's verdict on an answer's comment: approved or rejected."""
        self._execute(
            "UPDATE dialog_answers SET status = ? WHERE dataset = ? AND dialog = ? AND participant = ?",
            [status, dataset, dialog_id, participant],
        )
