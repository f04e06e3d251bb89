"""Reading one CSV table into typed columns, a problem per bad cell."""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path
from typing import Any

import pandas as pd

from engine.core.problems import Problem
from engine.dataset.schema import (
    OPTIONAL_COLUMNS,
    Column,
    range_text,
)
from engine.dataset.text import decode, parse_number, sniff_delimiter


def read_table(path: Path, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    """Parse one CSV into typed columns plus ``_row`` (the spreadsheet line number)."""
    fname = path.name
    text = decode(path.read_bytes())
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        problems.append(Problem(fname, 1, None, "filen är tom; första raden ska vara kolumnnamnen"))
        return None
    reader = csv.reader(io.StringIO(text), delimiter=sniff_delimiter(lines[0]))
    header = [h.strip().lower() for h in next(reader)]
    optional = OPTIONAL_COLUMNS.get(fname, ())
    columns = tuple(c for c in columns if c.name in header or c.name not in optional)
    missing = [c.name for c in columns if c.name not in header]
    for name in missing:
        problems.append(Problem(fname, 1, name, f"kolumnen '{name}' saknas (kolumner i filen: {', '.join(header)})"))
    if missing:
        return None
    index = {c.name: header.index(c.name) for c in columns}
    data: dict[str, list[Any]] = {c.name: [] for c in columns}
    rows: list[int] = []
    for row_no, record in enumerate(reader, start=2):
        if not any(cell.strip() for cell in record):
            continue  # blank lines at the end of spreadsheet exports
        rows.append(row_no)
        for col in columns:
            i = index[col.name]
            cell = record[i].strip() if i < len(record) else ""
            data[col.name].append(_parse_cell(fname, row_no, col, cell, problems))
    frame = pd.DataFrame(data)
    for name in optional:
        if name not in frame:
            frame[name] = None
    frame["_row"] = rows
    return frame


def _parse_cell(fname: str, row: int, col: Column, cell: str, problems: list[Problem]) -> Any:
    def fail(message: str) -> None:
        problems.append(Problem(fname, row, col.name, message))

    if cell == "":
        if col.required:
            fail("värde saknas")
        return None
    if col.kind == "text":
        if col.choices and cell not in col.choices:
            close = difflib.get_close_matches(cell, col.choices, n=1)
            tip = f" — menade du '{close[0]}'?" if close else ""
            fail(f"'{cell}' är inte tillåtet; välj en av {', '.join(col.choices)}{tip}")
        return cell
    try:
        value = parse_number(cell)
    except ValueError:
        fail(f"'{cell}' är inget tal")
        return None
    if col.kind == "integer" and value != int(value):
        fail(f"'{cell}' ska vara ett heltal")
        return None
    if (col.min_value is not None and value < col.min_value) or (col.max_value is not None and value > col.max_value):
        what = f" ({col.hint})" if col.hint else ""
        if col.min_value == 0 and value < 0:
            fail(f"{cell} är negativt; ett antal eller en kostnad kan inte vara mindre än 0")
        else:
            fail(f"{cell} ska vara {range_text(col)}{what}")
        return None
    return int(value) if col.kind == "integer" else value
