"""A dataset as one Excel workbook (DESIGN.md §4): one sheet per table.

Sheets are named after the files without their ending: ``areas``, ``population``,
``demography``, ``units`` and the optional ``enrollment``, ``distances``,
``facility_usage``, ``investments`` hold the CSV tables' columns with a header row.
The TOML files become three sheets:

* ``municipality``: two columns ``key`` and ``value``; rows ``name``, ``code``,
  ``base_year``, ``parameters.<name>`` for each parameter override and
  ``calibration.<name>`` for the source of a fitted one (``[calibration]``);
* ``scenarios``: one row per scenario with the ``[[scenario]]`` keys as columns;
* ``alternatives``: one row per alternative (``id``, ``name``, ``description``) and
  ``actions``: one row per action with a column ``alternative`` naming its alternative
  and the ``[[alternative.action]]`` keys as columns (empty cells are left out).

:func:`read_workbook` writes the sheets as a dataset folder and loads it with the one
validating loader, so a workbook is checked exactly like a folder; problems name the
workbook and sheet (``book.xlsx[areas]:3:lat: …``). :func:`write_workbook` turns a
folder into a workbook: the template an analyst fills in.
"""

from __future__ import annotations

import csv
import itertools
import json
import logging
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook

from engine.core.problems import DatasetError, Problem
from engine.dataset.folder import load_folder
from engine.dataset.schema import LIMITS, MAX_ROWS, TABLES
from engine.dataset.text import decode
from engine.dataset.value import Dataset

CSV_SHEETS = tuple(name.removesuffix(".csv") for name in TABLES)
MAX_SHEET_ROWS = max(most for most, _ in MAX_ROWS.values())
MAX_SHEET_COLUMNS = 100  # no table has 20 columns; a sheet claiming 16 384 is not padded out to them
log = logging.getLogger(__name__)
TOML_SHEETS = {"municipality": "municipality.toml", "scenarios": "scenarios.toml"}
# openpyxl ships no types: a Worksheet, or a ReadOnlyWorksheet when read with read_only=True.
Sheet = Any


def _rows(sheet: Sheet, most: int = MAX_SHEET_ROWS) -> list[list[Any]]:
    """The sheet's rows, at most ``most`` + 2 of them: the checks report a table over its limit."""
    cells = sheet.iter_rows(values_only=True, max_row=most + 2, max_col=MAX_SHEET_COLUMNS)
    rows = [list(r) for r in itertools.islice(cells, most + 2)]
    while rows and all(v is None or str(v).strip() == "" for v in rows[-1]):
        rows.pop()
    return rows


def _records(sheet: Sheet) -> list[tuple[int, dict[str, Any]]]:
    """(the row Excel shows, the row's non-empty cells by header) for every non-empty row under the header."""
    rows = _rows(sheet)
    if not rows:
        return []
    header = [str(h).strip() if h is not None else "" for h in rows[0]]
    return [
        (n, {k: v for k, v in zip(header, row, strict=False) if k and v is not None and str(v).strip() != ""})
        for n, row in enumerate(rows[1:], start=2)
        if any(v is not None and str(v).strip() != "" for v in row)
    ]


class _TomlText:
    """TOML text written line by line, remembering the sheet and row each line came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origin: dict[int, tuple[str, int]] = {}  # TOML line → (sheet, row)

    def add(self, text: str, sheet: str | None = None, row: int | None = None) -> None:
        for line in text.splitlines() or [""]:
            self.lines.append(line)
            if sheet is not None and row is not None:
                self.origin[len(self.lines)] = (sheet, row)

    def write(self, path: Path) -> dict[int, tuple[str, int]]:
        path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")
        return self.origin


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _key(name: str) -> str:
    """A column header as a TOML key: quoted, so no header can write TOML of its own."""
    return json.dumps(name, ensure_ascii=False)


def _table(name: str, record: dict[str, Any]) -> str:
    return f"[[{name}]]\n" + "".join(f"{_key(k)} = {_toml_value(v)}\n" for k, v in record.items())


def _write_folder(book: Workbook, folder: Path) -> dict[str, dict[int, tuple[str, int]]]:
    """Write the sheets as a dataset folder; return, per TOML file, the sheet and row of each line."""
    names = set(book.sheetnames)
    origins: dict[str, dict[int, tuple[str, int]]] = {}
    for sheet in CSV_SHEETS:
        if sheet in names:
            with (folder / f"{sheet}.csv").open("w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows([["" if v is None else v for v in row] for row in _rows(book[sheet])])
    if "municipality" in names:
        top: list[tuple[str, int]] = []
        parameters: list[tuple[str, int]] = []
        calibration: list[tuple[str, int]] = []
        for row, record in _records(book["municipality"]):
            key, value = str(record.get("key", "")).strip(), record.get("value")
            if not key or value is None:
                continue
            section, _, name = key.partition(".")
            target = {"parameters": parameters, "calibration": calibration}.get(section) if name else None
            if target is None:
                top.append((f"{_key(key)} = {_toml_value(value)}", row))
            else:
                target.append((f"{_key(name)} = {_toml_value(value)}", row))
        text = _TomlText()
        for line, row in top:
            text.add(line, "municipality", row)
        text.add("")
        text.add("[parameters]")
        for line, row in parameters:
            text.add(line, "municipality", row)
        if calibration:
            text.add("")
            text.add("[calibration]")
            for line, row in calibration:
                text.add(line, "municipality", row)
        origins["municipality.toml"] = text.write(folder / "municipality.toml")
    if "scenarios" in names:
        text = _TomlText()
        for row, record in _records(book["scenarios"]):
            text.add(_table("scenario", record), "scenarios", row)
            text.add("")
        origins["scenarios.toml"] = text.write(folder / "scenarios.toml")
    if "alternatives" in names:
        by_alternative: dict[str, list[tuple[int, dict[str, Any]]]] = {}
        for row, action in _records(book["actions"]) if "actions" in names else []:
            by_alternative.setdefault(str(action.get("alternative", "")), []).append((row, action))
        text = _TomlText()
        most = LIMITS["alternatives"].value
        for row, record in _records(book["alternatives"])[: most + 1]:  # one more than allowed: the check reports it
            text.add(_table("alternative", record), "alternatives", row)
            text.add("")
            for action_row, action in by_alternative.get(str(record.get("id", "")), [])[: LIMITS["actions"].value + 1]:
                cells = {k: v for k, v in action.items() if k != "alternative"}
                text.add(_table("alternative.action", cells), "actions", action_row)
                text.add("")
        origins["alternatives.toml"] = text.write(folder / "alternatives.toml")
    return origins


def read_workbook(path: str | Path) -> Dataset:
    """Load a dataset workbook; raise DatasetError naming the workbook and sheet."""
    path = Path(path)
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a file that is not a workbook
        log.warning("%s: not readable as a workbook", path.name, exc_info=True)
        raise DatasetError(
            [Problem(path.name, None, None, "kan inte läsas som Excel-arbetsbok (.xlsx); spara den i Excel som .xlsx")]
        ) from None
    with tempfile.TemporaryDirectory() as tmp:
        origins = _write_folder(book, Path(tmp))
        try:
            dataset = load_folder(tmp)
        except DatasetError as exc:
            raise DatasetError([_in_sheet(p, path.name, tmp, origins) for p in exc.problems]) from None
    return replace(dataset, path=path)


def _in_sheet(problem: Problem, workbook: str, folder: str, origins: dict[str, dict[int, tuple[str, int]]]) -> Problem:
    sheet = problem.file.rsplit(".", 1)[0]
    if problem.message == f"filen saknas i {folder}":
        return replace(problem, file=f"{workbook}[{sheet}]", message="bladet saknas i arbetsboken")
    origin = origins.get(problem.file, {}).get(problem.row or 0)
    if origin is not None:  # a TOML line written from one row of a sheet: that sheet and row
        return replace(problem, file=f"{workbook}[{origin[0]}]", row=origin[1])
    if sheet == "alternatives":
        sheet = "alternatives/actions"  # TOML line numbers do not map onto the two sheets
        return replace(problem, file=f"{workbook}[{sheet}]", row=None)
    if problem.file.endswith(".toml"):
        return replace(problem, file=f"{workbook}[{sheet}]", row=None)
    return replace(problem, file=f"{workbook}[{sheet}]")


def write_workbook(folder: str | Path, out: str | Path, finish: Callable[[Any], None] | None = None) -> Path:
    """Write a dataset folder as a workbook (the template analysts fill in); ``finish`` may
    add to the openpyxl workbook before it is saved (engine.sources.start marks cells to fill)."""
    folder, out = Path(folder), Path(out)
    book = Workbook()
    book.remove(book.active)
    municipality = tomllib.loads(decode((folder / "municipality.toml").read_bytes()))
    sheet = book.create_sheet("municipality")
    sheet.append(["key", "value"])
    for key in ("name", "code", "base_year"):
        sheet.append([key, municipality.get(key)])
    for section in ("parameters", "calibration"):
        for key, value in (municipality.get(section) or {}).items():
            sheet.append([f"{section}.{key}", value])
    for name in CSV_SHEETS:
        source = folder / f"{name}.csv"
        if source.is_file():
            sheet = book.create_sheet(name)
            for row in csv.reader(decode(source.read_bytes()).splitlines()):
                sheet.append([_number(v) for v in row])
    scenarios = tomllib.loads(decode((folder / "scenarios.toml").read_bytes())).get("scenario", [])
    _append_records(book.create_sheet("scenarios"), scenarios)
    alternatives = tomllib.loads(decode((folder / "alternatives.toml").read_bytes())).get("alternative", [])
    _append_records(
        book.create_sheet("alternatives"), [{k: v for k, v in a.items() if k != "action"} for a in alternatives]
    )
    actions = [{"alternative": a["id"], **action} for a in alternatives for action in a.get("action", [])]
    _append_records(book.create_sheet("actions"), actions)
    if finish is not None:
        finish(book)
    book.save(out)
    return out


def _number(text: str) -> Any:
    try:
        value = float(text)
    except ValueError:
        return text
    return int(value) if value.is_integer() and "." not in text else value


def _append_records(sheet: Sheet, records: list[dict[str, Any]]) -> None:
    columns: list[str] = []
    for record in records:
        columns += [k for k in record if k not in columns]
    sheet.append(columns)
    for record in records:
        sheet.append([record.get(c) for c in columns])
