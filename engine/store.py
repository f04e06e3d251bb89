"""The one module that owns DuckDB and SQL.

* :func:`check_references` loads a dataset's parsed tables into an in-memory DuckDB
  database and finds duplicate and unknown ids with SQL, reported by file and row.
* :class:`Store` is the dashboard's persistent database file (saved alternatives,
  workshop input). A DuckDB connection is not thread-safe and Streamlit runs every
  session in its own thread, so every call takes a fresh ``cursor()``.

Values are always passed as parameters, never formatted into SQL.
"""

from __future__ import annotations

import difflib
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pandas as pd

if TYPE_CHECKING:
    from engine.dataset import Problem

# (file, key columns, what one row is, in words)
_UNIQUE_KEYS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("areas.csv", ("area_id",), "området"),
    ("units.csv", ("unit_id",), "enheten"),
    ("population.csv", ("area_id", "age"), "området och åldern"),
    ("demography.csv", ("age",), "åldern"),
    ("enrollment.csv", ("unit_id", "grade"), "skolan och årskursen"),
    ("distances.csv", ("area_id", "unit_id"), "området och enheten"),
    ("facility_usage.csv", ("unit_id",), "lokalen"),
)

# (file, column, referenced file, referenced column, extra condition on the referenced table, noun)
_REFERENCES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("population.csv", "area_id", "areas.csv", "area_id", "TRUE", "område"),
    ("units.csv", "area_id", "areas.csv", "area_id", "TRUE", "område"),
    ("enrollment.csv", "unit_id", "units.csv", "unit_id", "service = 'grundskola'", "grundskola"),
    ("distances.csv", "area_id", "areas.csv", "area_id", "TRUE", "område"),
    ("distances.csv", "unit_id", "units.csv", "unit_id", "TRUE", "enhet"),
    ("investments.csv", "area_id", "areas.csv", "area_id", "TRUE", "område"),
)


def _table(fname: str) -> str:
    return fname.removesuffix(".csv")


def check_references(frames: Mapping[str, pd.DataFrame | None]) -> list[Problem]:
    """Duplicate keys and ids that point nowhere, one Problem per offending row."""
    from engine.dataset import Problem

    con = duckdb.connect()
    present = {f for f, frame in frames.items() if frame is not None}
    for fname in present:
        con.register(_table(fname), frames[fname])
    problems: list[Problem] = []
    for fname, keys, noun in _UNIQUE_KEYS:
        if fname not in present:
            continue
        key_list = ", ".join(keys)
        rows = con.execute(
            f"""
            SELECT _row, first_row, {key_list} FROM (
                SELECT _row, {key_list},
                       min(_row) OVER (PARTITION BY {key_list}) AS first_row
                FROM {_table(fname)}
                WHERE {" AND ".join(f"{k} IS NOT NULL" for k in keys)}
            ) WHERE _row > first_row ORDER BY _row
            """
        ).fetchall()
        for row, first, *values in rows:
            shown = ", ".join(str(v) for v in values)
            problems.append(
                Problem(
                    fname,
                    row,
                    keys[-1],
                    f"{noun} '{shown}' finns redan på rad {first}; varje id får bara förekomma en gång",
                )
            )
    for fname, column, ref_file, ref_column, condition, noun in _REFERENCES:
        if fname not in present or ref_file not in present:
            continue
        known = [
            r[0]
            for r in con.execute(
                f"SELECT {ref_column} FROM {_table(ref_file)} WHERE {condition} AND {ref_column} IS NOT NULL"
            ).fetchall()
        ]
        rows = con.execute(
            f"""
            SELECT t._row, t.{column} FROM {_table(fname)} t
            WHERE t.{column} IS NOT NULL AND t.{column} NOT IN (
                SELECT {ref_column} FROM {_table(ref_file)} WHERE {condition} AND {ref_column} IS NOT NULL)
            ORDER BY t._row
            """
        ).fetchall()
        for row, value in rows:
            close = difflib.get_close_matches(str(value), known, n=1)
            tip = f" — menade du '{close[0]}'?" if close else f"; det måste finnas i {ref_file}"
            problems.append(Problem(fname, row, column, f"okänd {noun} '{value}'{tip}"))
    con.close()
    return problems


class Store:
    """A DuckDB file for what users create: saved alternatives and workshop input.

    Rows are JSON documents keyed by dataset and id, so the schema never needs to
    follow the engine's types. DuckDB lets only one process hold a file open, and the
    dashboard may run as several processes behind a proxy, so every operation opens
    the file briefly (retrying while another process holds it) and reads are served
    from memory until the file changes.
    """

    LOCK_RETRY_SECONDS = 5.0

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._read_cache: dict[str, tuple[tuple[int, int], list[tuple[str, str]]]] = {}
        self._execute(
            """
            CREATE TABLE IF NOT EXISTS saved_alternatives (
                dataset VARCHAR NOT NULL,
                id VARCHAR NOT NULL,
                document JSON NOT NULL,
                saved_at TIMESTAMP DEFAULT current_timestamp,
                PRIMARY KEY (dataset, id)
            )
            """
        )

    def _execute(self, sql: str, params: list[object] | None = None) -> list[tuple]:
        deadline = time.monotonic() + self.LOCK_RETRY_SECONDS
        while True:
            try:
                with self._lock, duckdb.connect(str(self.path)) as con:
                    return con.execute(sql, params or []).fetchall()
            except duckdb.IOException:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)  # another process holds the file for a moment

    def _mtime(self) -> tuple[int, int]:
        """Modification times of the file and its write-ahead log: a change means re-read."""
        stamps = []
        for path in (self.path, self.path.with_name(self.path.name + ".wal")):
            try:
                stamps.append(path.stat().st_mtime_ns)
            except FileNotFoundError:
                stamps.append(0)
        return stamps[0], stamps[1]

    def save_alternative(self, dataset: str, alternative_id: str, document: str) -> None:
        self._execute(
            "INSERT OR REPLACE INTO saved_alternatives (dataset, id, document) VALUES (?, ?, ?)",
            [dataset, alternative_id, document],
        )

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
