"""Reading one CSV table into typed columns, a problem per bad cell."""

from __future__ import annotations

import csv
import difflib
import io
import math
from pathlib import Path
from typing import Any

import pandas as pd

from engine.core.problems import Problem
from engine.dataset.schema import (
    MAX_AREAS,
    MAX_FILE_BYTES,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    MAX_UNITS,
    OPTIONAL_COLUMNS,
    Column,
    range_text,
)
from engine.dataset.text import decode, parse_number, shown, sniff_delimiter, text_problem

# Tables the model cannot do without a row of.
REQUIRED_ROWS = ("areas.csv", "population.csv", "demography.csv", "units.csv")


# The csv module refuses fields over 131 072 characters with an exception; a file is bounded
# by MAX_FILE_BYTES anyway, so let every field through and report a long one by its cell.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))


def read_table(path: Path, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    """Parse one CSV into typed columns plus ``_row`` (the spreadsheet line number)."""
    fname = path.name
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                fname,
                None,
                None,
                f"filen är {size / 1024 / 1024:.0f} MB; en fil får vara högst {MAX_FILE_BYTES // 1024 // 1024} MB",
            )
        )
        return None
    text = decode(path.read_bytes())
    first = io.StringIO(text).readline()
    if not first.strip():
        problems.append(Problem(fname, 1, None, "filen är tom; första raden ska vara kolumnnamnen"))
        return None
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(first))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except csv.Error:
        problems.append(
            Problem(
                fname,
                1,
                None,
                "rubrikraden kan inte läsas som CSV; spara filen i Excel som CSV (UTF-8) eller CSV (semikolonavgränsad)",
            )
        )
        return None
    optional = OPTIONAL_COLUMNS.get(fname, ())
    columns = tuple(c for c in columns if c.name in header or c.name not in optional)
    missing = [c.name for c in columns if c.name not in header]
    listed = ", ".join(shown(h) for h in header[:20]) + (" …" if len(header) > 20 else "")
    for name in missing:
        problems.append(Problem(fname, 1, name, f"kolumnen '{name}' saknas (kolumner i filen: {listed})"))
    doubled = [c.name for c in columns if header.count(c.name) > 1]
    for name in doubled:
        problems.append(
            Problem(fname, 1, name, f"kolumnen '{name}' finns {header.count(name)} gånger; ta bort alla utom en")
        )
    if missing or doubled:
        return None
    index = {c.name: header.index(c.name) for c in columns}
    data: dict[str, list[Any]] = {c.name: [] for c in columns}
    rows: list[int] = []
    most, noun = MAX_ROWS.get(fname, (MAX_AREAS * MAX_UNITS, "rader"))
    key = columns[0].name  # problems about a whole row point at its first column
    row_no = 1  # the row a spreadsheet shows: one per record, also when a quoted cell holds a line break
    try:
        for row_no, record in enumerate(reader, start=2):
            if not any(cell.strip() for cell in record):
                continue  # blank lines at the end of spreadsheet exports
            if len(rows) == most:
                problems.append(
                    Problem(
                        fname,
                        row_no,
                        key,
                        f"för många rader: {fname} får ha högst {most} {noun}, så att sidorna hinner räkna klart inom "
                        "några sekunder (se Gränser i dokumentationen av dataformatet)",
                    )
                )
                return None
            rows.append(row_no)
            for col in columns:
                i = index[col.name]
                cell = record[i].strip() if i < len(record) else ""
                data[col.name].append(_parse_cell(fname, row_no, col, cell, problems))
    except csv.Error:
        problems.append(
            Problem(fname, row_no + 1, key, "raden kan inte läsas som CSV (t.ex. ett citattecken som aldrig stängs)")
        )
        return None
    if not rows and fname in REQUIRED_ROWS:
        problems.append(Problem(fname, 2, key, "filen har inga rader under kolumnnamnen; minst en rad behövs"))
        return None
    if rows:
        frame = pd.DataFrame(data)
    else:  # a header alone: typed empty columns, so the checks that follow see no rows rather than no types
        frame = pd.DataFrame({c.name: pd.Series(dtype=object if c.kind == "text" else float) for c in columns})
    for name in optional:
        if name not in frame:
            frame[name] = None
    frame["_row"] = pd.Series(rows, dtype="int64")
    return frame


def _parse_cell(fname: str, row: int, col: Column, cell: str, problems: list[Problem]) -> Any:
    def fail(message: str) -> None:
        problems.append(Problem(fname, row, col.name, message))

    if cell == "":
        if col.required:
            fail("värde saknas")
        return None
    if col.kind == "text":
        wrong = text_problem(cell, col.max_length, multiline=col.max_length >= MAX_TEXT_CHARS)
        if wrong is not None:
            fail(wrong)
            return None
        if col.choices and cell not in col.choices:
            close = difflib.get_close_matches(cell, col.choices, n=1)
            tip = f" — menade du '{close[0]}'?" if close else ""
            fail(f"'{shown(cell)}' är inte tillåtet; välj en av {', '.join(col.choices)}{tip}")
        return cell
    try:
        value = parse_number(cell)
    except ValueError:
        fail(f"'{shown(cell)}' är inget tal")
        return None
    if not math.isfinite(value):
        fail(f"'{shown(cell)}' är inget tal; skriv ett vanligt tal, inte NaN eller oändligt")
        return None
    if (col.min_value is not None and value < col.min_value) or (col.max_value is not None and value > col.max_value):
        what = f" ({col.hint})" if col.hint else ""
        if col.min_value == 0 and value < 0:
            fail(f"{shown(cell)} är negativt; ett antal eller en kostnad kan inte vara mindre än 0")
        else:
            fail(f"{shown(cell)} ska vara {range_text(col)}{what}")
        return None
    if col.kind == "integer" and value != int(value):
        fail(f"'{shown(cell)}' ska vara ett heltal")
        return None
    return int(value) if col.kind == "integer" else value
