"""Cross-table checks in DuckDB: duplicate keys and ids that point nowhere, reported by file and row.

Values are always passed as parameters, never formatted into SQL.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping

import duckdb
import pandas as pd

from engine.core.problems import Problem
from engine.dataset.text import shown

# Unknown ids given a suggestion per check; the loader lists 100 problems a file and counts the rest.
MAX_REPORTED = 100

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
            twice = ", ".join(shown(str(v)) for v in values)
            problems.append(
                Problem(
                    fname,
                    row,
                    keys[-1],
                    f"{noun} '{twice}' finns redan på rad {first}; varje id får bara förekomma en gång",
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
        tips: dict[str, str] = {}  # one suggestion per distinct value: difflib is slow against many ids
        for n, (row, value) in enumerate(rows):
            text = str(value)
            if n >= MAX_REPORTED:  # counted, not listed (engine.dataset.folder): no suggestion to look for
                tips.setdefault(text, "")
            elif text not in tips:
                close = difflib.get_close_matches(text, known, n=1)
                tips[text] = f" — menade du '{close[0]}'?" if close else f"; det måste finnas i {ref_file}"
            problems.append(Problem(fname, row, column, f"okänd {noun} '{shown(text)}'{tips[text]}"))
    con.close()
    return problems
