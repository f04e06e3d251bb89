"""Reading and validating a dataset folder (DESIGN.md §4).

Files are read as Swedish spreadsheets export them: comma or semicolon separated,
decimal comma or point, UTF-8 with or without BOM, or Windows-1252. Every problem is
collected as ``file:row:column: message`` (row = the line number a spreadsheet
shows, header = 1) and :func:`load_dataset` raises :class:`DatasetError` with all of
them, so nothing is half-loaded. Cross-table checks (unknown and duplicate ids) run
in DuckDB through :mod:`engine.store`.
"""

from __future__ import annotations

import csv
import difflib
import io
import re
import threading
import tomllib
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from engine import store
from engine.model_types import (
    ACTIONS,
    KEEP_ALL,
    SERVICES,
    Action,
    Alternative,
    NewUnit,
    Scenario,
)
from engine.parameters import ParameterError, resolve

MAX_AGE = 100
LAT_RANGE = (55.0, 69.1)  # Sweden's extent in WGS84 degrees
LON_RANGE = (10.9, 24.2)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the data, located as precisely as the file allows."""

    file: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(str(self.row))
        if self.column:
            parts.append(self.column)
        return ":".join(parts) + ": " + self.message


class DatasetError(Exception):
    """The dataset cannot be used; ``problems`` says exactly why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


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


@dataclass(frozen=True, eq=False)
class Dataset:
    """A validated dataset. Arrays are ordered as ``areas`` and ``units``."""

    path: Path
    name: str
    code: str
    base_year: int
    parameter_overrides: dict[str, float]
    areas: pd.DataFrame  # area_id, name, lat, lon
    population: np.ndarray  # persons [area, age 0..100] in the base year
    demography: pd.DataFrame  # age, fertility_share, mortality, migration_profile
    units: pd.DataFrame  # units.csv columns
    enrollment: pd.DataFrame | None
    distances: pd.DataFrame | None
    scenarios: dict[str, Scenario]
    alternatives: dict[str, Alternative]
    facility_usage: pd.DataFrame | None = None  # unit_id, bookable_hours, booked_hours, visits, user_age_min/max
    investments: pd.DataFrame | None = None  # investments.csv columns
    # Per-dataset memo for derived arrays (projections, baselines); see evaluate.py.
    cache: Memo = field(default_factory=lambda: Memo(), repr=False)

    @cached_property
    def schools(self) -> pd.DataFrame:
        return self.units[self.units["service"] == "grundskola"].reset_index(drop=True)


# --- reading text files ------------------------------------------------------------


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252 as Excel writes it in Sweden."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _sniff_delimiter(header: str) -> str:
    return ";" if header.count(";") > header.count(",") else ","


def parse_number(text: str) -> float:
    """'1 234,5', '1234.5', '12,5' → float; raises ValueError otherwise."""
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("−", "-")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    return float(cleaned)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "number", "integer"
    required: bool = True  # a value must be present in every row
    min_value: float | None = None
    max_value: float | None = None
    choices: tuple[str, ...] = ()
    hint: str = ""  # what the value means, for messages


def _range_text(col: Column) -> str:
    if col.min_value is not None and col.max_value is not None:
        return f"mellan {col.min_value:g} och {col.max_value:g}"
    if col.min_value is not None:
        return f"minst {col.min_value:g}"
    return f"högst {col.max_value:g}"


COUNT = dict(kind="number", min_value=0)
LAT = Column("lat", "number", min_value=LAT_RANGE[0], max_value=LAT_RANGE[1], hint="latitud i Sverige")
LON = Column("lon", "number", min_value=LON_RANGE[0], max_value=LON_RANGE[1], hint="longitud i Sverige")

TABLES: dict[str, tuple[Column, ...]] = {
    "areas.csv": (Column("area_id", "text"), Column("name", "text"), LAT, LON),
    "population.csv": (
        Column("area_id", "text"),
        Column("age", "integer", min_value=0, max_value=MAX_AGE),
        Column("persons", **COUNT),
    ),
    "demography.csv": (
        Column("age", "integer", min_value=0, max_value=MAX_AGE),
        Column("fertility_share", "number", min_value=0, max_value=1),
        Column("mortality", "number", min_value=0, max_value=1),
        Column("migration_profile", **COUNT),
    ),
    "units.csv": (
        Column("unit_id", "text"),
        Column("name", "text"),
        Column("service", "text", choices=SERVICES),
        Column("area_id", "text"),
        LAT,
        LON,
        Column("capacity", **COUNT),
        Column("grade_min", "integer", required=False, min_value=0, max_value=9),
        Column("grade_max", "integer", required=False, min_value=0, max_value=9),
        Column("floor_area_m2", required=False, **COUNT),
        Column("premises_cost_sek", required=False, **COUNT),
        Column("fixed_cost_sek", required=False, **COUNT),
    ),
    "enrollment.csv": (
        Column("unit_id", "text"),
        Column("grade", "integer", min_value=0, max_value=9),
        Column("pupils", **COUNT),
    ),
    "distances.csv": (
        Column("area_id", "text"),
        Column("unit_id", "text"),
        Column("km", **COUNT),
        Column("minutes", required=False, **COUNT),
    ),
}
TABLES["facility_usage.csv"] = (
    Column("unit_id", "text"),
    Column("bookable_hours", **COUNT),
    Column("booked_hours", **COUNT),
    Column("visits", **COUNT),
    Column("user_age_min", "integer", required=False, min_value=0, max_value=MAX_AGE),
    Column("user_age_max", "integer", required=False, min_value=0, max_value=MAX_AGE),
)
INVESTMENT_KINDS = ("new", "extension", "renovation")
TABLES["investments.csv"] = (
    Column("id", "text"),
    Column("name", "text"),
    Column("unit", "text"),
    Column("year", "integer", min_value=1990, max_value=2200),
    Column("amount", **COUNT),
    Column("kind", "text", choices=INVESTMENT_KINDS),
    Column("lifetime_years", "integer", min_value=1, max_value=100),
    Column("exit_strategy", "text", required=False),
    # For a new unit (kind = new) and for an extension's capacity after the investment:
    Column("service", "text", required=False, choices=SERVICES),
    Column("capacity", required=False, **COUNT),
    Column("area_id", "text", required=False),
    Column("lat", "number", required=False, min_value=LAT_RANGE[0], max_value=LAT_RANGE[1], hint="latitud i Sverige"),
    Column("lon", "number", required=False, min_value=LON_RANGE[0], max_value=LON_RANGE[1], hint="longitud i Sverige"),
    Column("premises_cost_sek", required=False, **COUNT),
    Column("fixed_cost_sek", required=False, **COUNT),
    Column("grade_min", "integer", required=False, min_value=0, max_value=9),
    Column("grade_max", "integer", required=False, min_value=0, max_value=9),
)
OPTIONAL_FILES = ("enrollment.csv", "distances.csv", "facility_usage.csv", "investments.csv")
OPTIONAL_COLUMNS = {
    "facility_usage.csv": ("user_age_min", "user_age_max"),
    "investments.csv": (
        "exit_strategy",
        "service",
        "capacity",
        "area_id",
        "lat",
        "lon",
        "premises_cost_sek",
        "fixed_cost_sek",
        "grade_min",
        "grade_max",
    ),
}


def read_table(path: Path, columns: tuple[Column, ...], problems: list[Problem]) -> pd.DataFrame | None:
    """Parse one CSV into typed columns plus ``_row`` (the spreadsheet line number)."""
    fname = path.name
    text = decode(path.read_bytes())
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        problems.append(Problem(fname, 1, None, "filen är tom; första raden ska vara kolumnnamnen"))
        return None
    reader = csv.reader(io.StringIO(text), delimiter=_sniff_delimiter(lines[0]))
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
            fail(f"{cell} ska vara {_range_text(col)}{what}")
        return None
    return int(value) if col.kind == "integer" else value


# --- TOML files --------------------------------------------------------------------


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any] | None:
    try:
        return tomllib.loads(decode(path.read_bytes()))
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        row = int(match.group(1)) if match else None
        problems.append(Problem(path.name, row, None, f"felaktig TOML: {exc}"))
        return None


def _header_lines(path: Path, header: str) -> list[int]:
    """Line numbers of every ``[[header]]``, to point messages at the right table."""
    pattern = re.compile(r"^\s*\[\[\s*" + re.escape(header) + r"\s*\]\]")
    return [n for n, line in enumerate(decode(path.read_bytes()).splitlines(), 1) if pattern.match(line)]


def _line(lines: list[int], i: int) -> int | None:
    return lines[i] if i < len(lines) else None


class _Fields:
    """Typed access to one TOML table, recording a problem per bad field."""

    def __init__(self, fname: str, row: int | None, table: dict[str, Any], problems: list[Problem]):
        self.fname, self.row, self.table, self.problems = fname, row, table, problems

    def fail(self, key: str | None, message: str) -> None:
        self.problems.append(Problem(self.fname, self.row, key, message))

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.table.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(key, "värde saknas")
            return None
        return str(value).strip()

    def number(
        self,
        key: str,
        required: bool = True,
        lo: float | None = None,
        hi: float | None = None,
        integer: bool = False,
    ) -> float | None:
        value = self.table.get(key)
        if value is None:
            if required:
                self.fail(key, "värde saknas")
            return None
        try:
            number = parse_number(value) if isinstance(value, str) else float(value)
        except (TypeError, ValueError):
            self.fail(key, f"'{value}' är inget tal")
            return None
        if isinstance(value, bool):
            self.fail(key, f"'{value}' är inget tal")
            return None
        if integer and number != int(number):
            self.fail(key, f"{value} ska vara ett heltal")
            return None
        if (lo is not None and number < lo) or (hi is not None and number > hi):
            self.fail(key, f"{value} ska vara {_range_text(Column(key, 'number', min_value=lo, max_value=hi))}")
            return None
        return int(number) if integer else number


def _read_municipality(folder: Path, problems: list[Problem]) -> tuple[str, str, int, dict[str, float]] | None:
    path = folder / "municipality.toml"
    doc = _read_toml(path, problems)
    if doc is None:
        return None
    f = _Fields(path.name, None, doc, problems)
    name = f.text("name")
    code = f.text("code")
    if code is not None and not re.fullmatch(r"\d{4}", code):
        f.fail("code", f"'{code}' ska vara en kommunkod med fyra siffror, t.ex. \"2021\"")
    base_year = f.number("base_year", lo=1990, hi=2100, integer=True)
    overrides = doc.get("parameters", {}) or {}
    if not isinstance(overrides, dict):
        f.fail("parameters", "ska vara en tabell [parameters] med rader namn = värde")
        overrides = {}
    for key, value in overrides.items():
        try:
            resolve({key: value})
        except ParameterError as exc:
            f.fail(f"parameters.{key}", str(exc).split(": ", 1)[-1])
    if None in (name, code, base_year):
        return None
    return str(name), str(code), int(base_year), dict(overrides)


def _read_scenarios(folder: Path, problems: list[Problem]) -> dict[str, Scenario]:
    path = folder / "scenarios.toml"
    doc = _read_toml(path, problems)
    if doc is None:
        return {}
    items = doc.get("scenario", [])
    if not isinstance(items, list) or not items:
        problems.append(Problem(path.name, None, None, "inga scenarier; lägg till minst ett [[scenario]]"))
        return {}
    lines = _header_lines(path, "scenario")
    scenarios: dict[str, Scenario] = {}
    for i, item in enumerate(items):
        f = _Fields(path.name, _line(lines, i), item, problems)
        sid = f.text("id")
        name = f.text("name")
        tfr = f.number("tfr", lo=0, hi=5)
        migration = f.number("net_migration_per_1000", lo=-100, hi=100)
        mortality = f.number("mortality_change", required=False, lo=-0.9, hi=3)
        if sid in scenarios:
            f.fail("id", f"scenariot '{sid}' finns redan; varje id får förekomma en gång")
            continue
        if sid and name and tfr is not None and migration is not None:
            scenarios[sid] = Scenario(
                id=sid,
                name=name,
                tfr=tfr,
                net_migration_per_1000=migration,
                mortality_change=mortality or 0.0,
                description=str(item.get("description", "")),
            )
    return scenarios


def _suggest(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value, list(known), n=1)
    return f" — menade du '{close[0]}'?" if close else ""


def _read_alternatives(
    folder: Path, units: pd.DataFrame | None, base_year: int | None, problems: list[Problem]
) -> dict[str, Alternative]:
    path = folder / "alternatives.toml"
    doc = _read_toml(path, problems)
    if doc is None:
        return {}
    items = doc.get("alternative", [])
    if not isinstance(items, list):
        problems.append(Problem(path.name, None, None, "ska innehålla [[alternative]]-tabeller"))
        return {}
    alt_lines = _header_lines(path, "alternative")
    action_lines = _header_lines(path, "alternative.action")
    known_units = set(units["unit_id"]) if units is not None else set()
    alternatives: dict[str, Alternative] = {}
    action_counter = 0
    for i, item in enumerate(items):
        f = _Fields(path.name, _line(alt_lines, i), item, problems)
        aid = f.text("id")
        name = f.text("name")
        raw_actions = item.get("action", [])
        actions: list[Action] = []
        for raw in raw_actions if isinstance(raw_actions, list) else []:
            af = _Fields(path.name, _line(action_lines, action_counter), raw, problems)
            action_counter += 1
            action = _read_action(af, base_year)
            if action is not None:
                actions.append(action)
        if aid in alternatives:
            f.fail("id", f"alternativet '{aid}' finns redan; varje id får förekomma en gång")
            continue
        if aid == KEEP_ALL and actions:
            f.fail("action", "'keep-all' är utgångsläget (om vi inte agerar) och får inte ha åtgärder")
        _check_action_sequence(f, actions, known_units, units)
        if aid and name:
            alternatives[aid] = Alternative(
                id=aid,
                name=name,
                description=str(item.get("description", "")),
                actions=_complete_conversions(actions, units),
            )
    if KEEP_ALL not in alternatives:
        alternatives = {
            KEEP_ALL: Alternative(
                id=KEEP_ALL,
                name="Behåll alla (om vi inte agerar)",
                description="Utgångsläget: alla enheter finns kvar som i dag.",
            ),
            **alternatives,
        }
    return alternatives


def _read_action(f: _Fields, base_year: int | None) -> Action | None:
    lo = base_year if base_year is not None else 1990
    year = f.number("year", lo=lo, hi=lo + 100, integer=True)
    kind = f.text("action")
    unit = f.text("unit")
    if kind is not None and kind not in ACTIONS:
        f.fail("action", f"okänd åtgärd '{kind}'; välj en av {', '.join(ACTIONS)}{_suggest(kind, ACTIONS)}")
        return None
    to = f.text("to", required=kind in ("merge", "convert"))
    capacity = f.number("capacity", required=kind in ("set_capacity", "build", "convert"), lo=0)
    one_off = f.number("one_off_cost_sek", required=False, lo=0)
    new_unit = None
    if kind == "build":
        service = f.text("service")
        if service is not None and service not in SERVICES:
            f.fail("service", f"'{service}' är inte tillåtet; välj en av {', '.join(SERVICES)}")
        lat = f.number("lat", lo=LAT_RANGE[0], hi=LAT_RANGE[1])
        lon = f.number("lon", lo=LON_RANGE[0], hi=LON_RANGE[1])
        name = f.text("name")
        area = f.text("area_id")
        school = service == "grundskola"
        gmin = f.number("grade_min", required=school, lo=0, hi=9, integer=True)
        gmax = f.number("grade_max", required=school, lo=0, hi=9, integer=True)
        if school and gmin is not None and gmax is not None and gmin > gmax:
            f.fail("grade_min", f"grade_min {gmin} är större än grade_max {gmax}")
        if None in (service, lat, lon, name, area, capacity) or (school and None in (gmin, gmax)):
            return None
        new_unit = NewUnit(
            name=str(name),
            service=str(service),
            area_id=str(area),
            lat=float(lat),  # type: ignore[arg-type]
            lon=float(lon),  # type: ignore[arg-type]
            capacity=float(capacity),  # type: ignore[arg-type]
            grade_min=int(gmin) if gmin is not None else None,
            grade_max=int(gmax) if gmax is not None else None,
            floor_area_m2=f.number("floor_area_m2", required=False, lo=0) or 0.0,
            premises_cost_sek=f.number("premises_cost_sek", required=False, lo=0) or 0.0,
            fixed_cost_sek=f.number("fixed_cost_sek", required=False, lo=0) or 0.0,
        )
    if kind == "convert":
        service = f.text("service")
        if service is not None and service not in SERVICES:
            f.fail("service", f"'{service}' är inte tillåtet; välj en av {', '.join(SERVICES)}")
            service = None
        if service is None or capacity is None:
            return None
        # Place and premises are the converted unit's; filled in by _complete_conversions.
        new_unit = NewUnit(
            name=f.text("name", required=False) or f"{to} ({service})",
            service=service,
            area_id="",
            lat=0.0,
            lon=0.0,
            capacity=float(capacity),
            fixed_cost_sek=f.number("fixed_cost_sek", required=False, lo=0) or 0.0,
        )
    if year is None or kind is None or unit is None or (kind in ("merge", "convert") and to is None):
        return None
    if kind in ("set_capacity",) and capacity is None:
        return None
    return Action(
        year=int(year),
        action=kind,
        unit=unit,
        to=to,
        capacity=capacity,
        new_unit=new_unit,
        one_off_cost_sek=one_off,
    )


def _complete_conversions(actions: list[Action], units: pd.DataFrame | None) -> tuple[Action, ...]:
    """A converted unit keeps its place and premises: copy them into the new unit."""
    if units is None:
        return tuple(actions)
    rows = units.set_index("unit_id")
    built = {a.unit: a.new_unit for a in actions if a.action == "build" and a.new_unit is not None}
    out = []
    for a in actions:
        if a.action == "convert" and a.new_unit is not None:
            source = rows.loc[a.unit] if a.unit in rows.index else built.get(a.unit)
            if source is not None:
                get = source.get if isinstance(source, pd.Series) else lambda k, s=source: getattr(s, k)
                a = replace(
                    a,
                    new_unit=replace(
                        a.new_unit,
                        area_id=str(get("area_id")),
                        lat=float(get("lat")),
                        lon=float(get("lon")),
                        floor_area_m2=float(get("floor_area_m2") or 0.0),
                        premises_cost_sek=float(get("premises_cost_sek") or 0.0),
                    ),
                )
        out.append(a)
    return tuple(out)


def _check_action_sequence(
    f: _Fields, actions: list[Action], known_units: set[str], units: pd.DataFrame | None
) -> None:
    """Replay the actions in year order and report impossible ones."""
    if units is None:
        return
    exists = set(known_units)
    closed_since: dict[str, int] = {}
    for a in sorted(actions, key=lambda a: a.year):
        where = f"år {a.year}, {a.action} {a.unit}"
        if a.action == "convert":
            if a.unit not in exists:
                f.fail("unit", f"{where}: okänd enhet '{a.unit}'{_suggest(a.unit, exists)}")
            elif a.to in exists:
                f.fail("to", f"{where}: enheten '{a.to}' finns redan; ge den nya enheten ett nytt id")
            closed_since.setdefault(a.unit, a.year)
            exists.add(str(a.to))
            continue
        if a.action == "build":
            if a.unit in exists:
                f.fail("unit", f"{where}: enheten '{a.unit}' finns redan; ge den nya enheten ett nytt id")
            exists.add(a.unit)
            continue
        if a.unit not in exists:
            f.fail("unit", f"{where}: okänd enhet '{a.unit}'{_suggest(a.unit, exists)}")
            continue
        if a.action in ("close", "merge"):
            if a.unit in closed_since:
                f.fail(
                    "unit",
                    f"{where}: '{a.unit}' stängs två gånger (redan stängd från {closed_since[a.unit]})",
                )
                continue
            if a.action == "merge":
                if a.to not in exists:
                    f.fail("to", f"{where}: slås samman med okänd enhet '{a.to}'{_suggest(str(a.to), exists)}")
                elif a.to == a.unit:
                    f.fail("to", f"{where}: en enhet kan inte slås samman med sig själv")
                elif a.to in closed_since:
                    f.fail(
                        "to",
                        f"{where}: slås samman med '{a.to}', som är stängd från {closed_since[a.to]}",
                    )
            closed_since[a.unit] = a.year
        elif a.action == "reopen":
            if a.unit not in closed_since:
                f.fail("unit", f"{where}: '{a.unit}' är inte stängd och kan inte öppnas igen")
            closed_since.pop(a.unit, None)
        elif a.action == "set_capacity" and a.unit in closed_since:
            f.fail("unit", f"{where}: '{a.unit}' är stängd från {closed_since[a.unit]}")


# --- the whole dataset -------------------------------------------------------------


def _require(folder: Path, fname: str, problems: list[Problem]) -> bool:
    if (folder / fname).is_file():
        return True
    problems.append(Problem(fname, None, None, f"filen saknas i {folder}"))
    return False


def _check_rows(
    frame: pd.DataFrame | None,
    fname: str,
    column: str,
    rule: Callable[[pd.DataFrame], pd.Series],
    message: Callable[[pd.Series], str],
    problems: list[Problem],
) -> None:
    if frame is None:
        return
    for _, row in frame[rule(frame)].iterrows():
        problems.append(Problem(fname, int(row["_row"]), column, message(row)))


def load_dataset(folder: str | Path) -> Dataset:
    """Read, validate and type a dataset folder (or .xlsx workbook); raise DatasetError with every problem."""
    folder = Path(folder)
    if folder.suffix.lower() == ".xlsx" and folder.is_file():
        from engine.workbook import read_workbook  # checked as the folder it stands for

        return read_workbook(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        raise DatasetError([Problem(str(folder), None, None, "mappen finns inte")])

    frames: dict[str, pd.DataFrame | None] = {}
    for fname, columns in TABLES.items():
        if fname in OPTIONAL_FILES and not (folder / fname).is_file():
            frames[fname] = None
        elif _require(folder, fname, problems):
            frames[fname] = read_table(folder / fname, columns, problems)
        else:
            frames[fname] = None
    municipality = _read_municipality(folder, problems) if _require(folder, "municipality.toml", problems) else None
    base_year = municipality[2] if municipality else None
    scenarios = _read_scenarios(folder, problems) if _require(folder, "scenarios.toml", problems) else {}
    units = frames["units.csv"]
    alternatives = (
        _read_alternatives(folder, units, base_year, problems)
        if _require(folder, "alternatives.toml", problems)
        else {}
    )

    _check_units(units, problems)
    _check_demography(frames["demography.csv"], problems)
    problems.extend(store.check_references(_without_bad_units(frames)))
    _check_enrollment(frames["enrollment.csv"], units, problems)
    _check_facility_usage(frames["facility_usage.csv"], units, problems)
    _check_investments(frames["investments.csv"], units, base_year, problems)

    if problems or municipality is None:
        raise DatasetError(problems)

    areas = frames["areas.csv"]
    population = frames["population.csv"]
    demography = frames["demography.csv"]
    assert areas is not None and population is not None and demography is not None and units is not None
    name, code, base_year, overrides = municipality
    area_index = {a: i for i, a in enumerate(areas["area_id"])}
    matrix = np.zeros((len(areas), MAX_AGE + 1))
    np.add.at(
        matrix,
        (population["area_id"].map(area_index).to_numpy(), population["age"].to_numpy(int)),
        population["persons"].to_numpy(float),
    )
    demography = demography.set_index("age").reindex(range(MAX_AGE + 1), fill_value=0.0).reset_index()
    demography["fertility_share"] = demography["fertility_share"] / demography["fertility_share"].sum()
    units = units.copy()
    for col in ("floor_area_m2", "premises_cost_sek", "fixed_cost_sek"):
        units[col] = units[col].astype(float).fillna(0.0)
    for col in ("grade_min", "grade_max"):
        units[col] = units[col].astype("Int64")
    drop = ["_row"]
    return Dataset(
        path=folder,
        name=name,
        code=code,
        base_year=base_year,
        parameter_overrides=overrides,
        areas=areas.drop(columns=drop).reset_index(drop=True),
        population=matrix,
        demography=demography[["age", "fertility_share", "mortality", "migration_profile"]],
        units=units.drop(columns=drop).reset_index(drop=True),
        enrollment=frames["enrollment.csv"].drop(columns=drop) if frames["enrollment.csv"] is not None else None,
        distances=frames["distances.csv"].drop(columns=drop) if frames["distances.csv"] is not None else None,
        facility_usage=_usage_defaults(frames["facility_usage.csv"]),
        investments=frames["investments.csv"].drop(columns=drop) if frames["investments.csv"] is not None else None,
        scenarios=scenarios,
        alternatives=alternatives,
    )


def _without_bad_units(frames: dict[str, pd.DataFrame | None]) -> dict[str, pd.DataFrame | None]:
    """Units with an unknown service are reported once, not again for every row that names them."""
    units = frames.get("units.csv")
    if units is None:
        return frames
    bad = set(units.loc[~units["service"].isin(SERVICES), "unit_id"])
    if not bad:
        return frames
    cleaned = dict(frames)
    for fname in ("enrollment.csv", "distances.csv"):
        if cleaned.get(fname) is not None:
            cleaned[fname] = cleaned[fname][~cleaned[fname]["unit_id"].isin(bad)]
    cleaned["units.csv"] = units[units["service"].isin(SERVICES)]
    return cleaned


def _check_units(units: pd.DataFrame | None, problems: list[Problem]) -> None:
    if units is None:
        return
    reported = {(p.row, p.column) for p in problems if p.file == "units.csv"}
    school = units["service"] == "grundskola"
    for col in ("grade_min", "grade_max", "premises_cost_sek", "fixed_cost_sek"):
        _check_rows(
            units,
            "units.csv",
            col,
            lambda u, col=col: school & u[col].isna() & ~u["_row"].map(lambda r, col=col: (r, col) in reported),
            lambda r, col=col: f"värde saknas; en grundskola behöver {col}",
            problems,
        )
    _check_rows(
        units,
        "units.csv",
        "grade_min",
        lambda u: school & (u["grade_min"].astype(float) > u["grade_max"].astype(float)),
        lambda r: f"grade_min {r['grade_min']} är större än grade_max {r['grade_max']}",
        problems,
    )
    known_service = units["service"].isin(SERVICES)
    for col in ("grade_min", "grade_max"):
        _check_rows(
            units,
            "units.csv",
            col,
            lambda u, col=col: known_service & ~school & u[col].notna(),
            lambda r: f"årskurser anges bara för grundskolor; lämna tomt för {r['service']}",
            problems,
        )


def _check_demography(demo: pd.DataFrame | None, problems: list[Problem]) -> None:
    if demo is None or demo.empty:
        return
    ages = set(demo["age"].dropna().astype(int))
    missing = sorted(set(range(MAX_AGE + 1)) - ages)
    if missing:
        shown = ", ".join(map(str, missing[:10])) + (" …" if len(missing) > 10 else "")
        problems.append(
            Problem("demography.csv", None, "age", f"rader saknas för åldrarna {shown}; alla åldrar 0–100 behövs")
        )
    total = pd.to_numeric(demo["fertility_share"], errors="coerce").sum()
    if not 0.98 <= total <= 1.02:
        problems.append(
            Problem(
                "demography.csv",
                None,
                "fertility_share",
                f"summan är {total:.3f} men ska vara 1 (andelen av en kvinnas barn som föds vid varje ålder)",
            )
        )


def _usage_defaults(usage: pd.DataFrame | None) -> pd.DataFrame | None:
    """Facilities used by every age unless the file says otherwise."""
    if usage is None:
        return None
    usage = usage.drop(columns=["_row"]).copy()
    usage["user_age_min"] = usage["user_age_min"].fillna(0).astype(int)
    usage["user_age_max"] = usage["user_age_max"].fillna(MAX_AGE).astype(int)
    return usage


def _check_facility_usage(usage: pd.DataFrame | None, units: pd.DataFrame | None, problems: list[Problem]) -> None:
    if usage is None or units is None:
        return
    facilities = set(units.loc[units["service"] == "fritid_kultur", "unit_id"])
    for _, row in usage.iterrows():
        where = ("facility_usage.csv", int(row["_row"]))
        unit, booked, bookable = row["unit_id"], row["booked_hours"], row["bookable_hours"]
        if unit is not None and unit not in facilities:
            problems.append(
                Problem(
                    *where,
                    "unit_id",
                    f"'{unit}' är ingen fritids- eller kulturlokal i units.csv{_suggest(unit, facilities)}",
                )
            )
        if pd.notna(booked) and pd.notna(bookable) and booked > bookable:
            problems.append(
                Problem(*where, "booked_hours", f"{booked:g} bokade timmar är fler än {bookable:g} bokningsbara")
            )
        lo, hi = row["user_age_min"], row["user_age_max"]
        if pd.notna(lo) and pd.notna(hi) and lo > hi:
            problems.append(Problem(*where, "user_age_min", f"user_age_min {lo:g} är större än user_age_max {hi:g}"))


def _check_investments(
    investments: pd.DataFrame | None, units: pd.DataFrame | None, base_year: int | None, problems: list[Problem]
) -> None:
    if investments is None or units is None:
        return
    known = set(units["unit_id"])
    seen: dict[str, int] = {}
    for _, row in investments.iterrows():
        fname, line = "investments.csv", int(row["_row"])
        if row["id"] in seen:
            problems.append(
                Problem(fname, line, "id", f"investeringen '{row['id']}' finns redan på rad {seen[row['id']]}")
            )
        seen.setdefault(row["id"], line)
        if base_year is not None and pd.notna(row["year"]) and row["year"] < base_year:
            problems.append(Problem(fname, line, "year", f"{row['year']:g} ligger före basåret {base_year}"))
        if row["kind"] == "new":
            if row["unit"] in known:
                problems.append(
                    Problem(
                        fname, line, "unit", f"'{row['unit']}' finns redan i units.csv; en ny enhet behöver ett nytt id"
                    )
                )
            needed = ["service", "capacity", "area_id", "lat", "lon"]
            if row["service"] == "grundskola":
                needed += ["grade_min", "grade_max"]
            for col in needed:
                if row[col] is None or pd.isna(row[col]):
                    problems.append(Problem(fname, line, col, "värde saknas; en ny enhet (kind = new) behöver det"))
        elif row["unit"] is not None and row["unit"] not in known:
            problems.append(Problem(fname, line, "unit", f"okänd enhet '{row['unit']}'{_suggest(row['unit'], known)}"))


def _check_enrollment(enrollment: pd.DataFrame | None, units: pd.DataFrame | None, problems: list[Problem]) -> None:
    if enrollment is None or units is None:
        return
    schools = units[units["service"] == "grundskola"].set_index("unit_id")
    for _, row in enrollment.iterrows():
        uid = row["unit_id"]
        if uid not in schools.index or pd.isna(row["grade"]):
            continue  # unknown ids are reported by the reference check
        lo, hi = schools.loc[uid, "grade_min"], schools.loc[uid, "grade_max"]
        if pd.notna(lo) and pd.notna(hi) and not lo <= row["grade"] <= hi:
            problems.append(
                Problem(
                    "enrollment.csv",
                    int(row["_row"]),
                    "grade",
                    f"skolan '{uid}' har årskurs {int(lo)}–{int(hi)}, inte {int(row['grade'])}",
                )
            )


# --- alternatives built in the dashboard -----------------------------------------


def alternative_to_dict(alternative: Alternative) -> dict[str, Any]:
    """The alternative as one ``[[alternative]]`` table of alternatives.toml."""
    actions = []
    for a in alternative.actions:
        item: dict[str, Any] = {"year": a.year, "action": a.action, "unit": a.unit}
        if a.to is not None:
            item["to"] = a.to
        if a.capacity is not None:
            item["capacity"] = a.capacity
        if a.one_off_cost_sek is not None:
            item["one_off_cost_sek"] = a.one_off_cost_sek
        if a.new_unit is not None:
            item.update({k: v for k, v in vars(a.new_unit).items() if v is not None})
        actions.append(item)
    return {"id": alternative.id, "name": alternative.name, "description": alternative.description, "action": actions}


def parse_alternative(document: dict[str, Any], dataset: Dataset, source: str = "alternativ") -> Alternative:
    """Check an alternative built outside alternatives.toml against the dataset's units.

    Raises DatasetError with the same messages a file would give.
    """
    problems: list[Problem] = []
    f = _Fields(source, None, document, problems)
    aid = f.text("id")
    name = f.text("name")
    raw_actions = document.get("action", [])
    actions = []
    for i, raw in enumerate(raw_actions if isinstance(raw_actions, list) else []):
        action = _read_action(_Fields(source, i + 1, raw, problems), dataset.base_year)
        if action is not None:
            actions.append(action)
    if aid == KEEP_ALL:
        f.fail("id", "'keep-all' är utgångsläget och kan inte ändras; välj ett annat id")
    _check_action_sequence(f, actions, set(dataset.units["unit_id"]), dataset.units)
    if problems or aid is None or name is None:
        raise DatasetError(problems)
    return Alternative(
        id=aid,
        name=name,
        description=str(document.get("description", "")),
        actions=_complete_conversions(actions, dataset.units),
    )
