"""Hostile and careless input (issue 12, point 5): every bad value is a located Swedish problem.

Each kind below changes one thing in a valid dataset (the whole tiny municipality of
tests/conftest.py, with enrollment, distances and an investment added) and expects

* ``python -m engine validate`` to exit with 2, print nothing on stdout and no traceback,
* a line ``file:row:column: message`` (row and column as the kind names them; a few
  structural kinds concern a whole row or file and name no column), the message in
  Swedish, with no internal text (exception names, SQL, temporary paths, English parser
  messages) and no control characters repeated back.

A sample goes through the upload as the Data page calls it (engine.dataset.upload
.check_upload) and gives the same problems, named inside the zip; one goes through the
page itself. The links' parser (ui/state.py) and the server's limits are checked at the end.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from cli_support import call, run

from engine.dataset import upload as upload_module
from engine.dataset.schema import LIMITS, MAX_ID_CHARS, MAX_NAME_CHARS, MAX_TEXT_CHARS
from engine.dataset.upload import MAX_UPLOAD_BYTES, MAX_UPLOAD_MB, Upload, check_upload

Change = Callable[[Path], None]

# What must never reach a user: Python's and the libraries' own words, paths, SQL.
INTERNAL = re.compile(
    r"Traceback|Error\b|Exception|/tmp|vagval-upload|SELECT|duckdb|tomllib|line \d+|column \d+|Unclosed|Illegal|"
    r"Invalid|Expected|Cannot|\bnan\b.*float|object has no|not supported"
)
SWEDISH = re.compile(r"[åäöÅÄÖ]|\b(är|ska|saknas|inget|för|högst|finns|filen|värde|tecken|inte)\b")


@dataclass(frozen=True)
class Kind:
    change: Change
    file: str
    row: int | str | None  # a line number; "line:TEXT" = the first line of the changed file holding TEXT
    column: str | None
    words: tuple[str, ...] = ()


# --- changing one thing in a dataset folder ------------------------------------------------


def _read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _write_csv(path: Path, rows: list[list[str]]) -> None:
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")


def cell(file: str, row: int, column: str, value: str) -> Change:
    """Set the cell at spreadsheet row ``row`` (the header is row 1) to the raw text ``value``."""

    def change(folder: Path) -> None:
        rows = _read_csv(folder / file)
        rows[row - 1][rows[0].index(column)] = value
        _write_csv(folder / file, rows)

    return change


def header(file: str, names: list[str]) -> Change:
    def change(folder: Path) -> None:
        rows = _read_csv(folder / file)
        rows[0] = names
        _write_csv(folder / file, [r + [""] * (len(names) - len(r)) for r in rows])

    return change


def header_only(file: str) -> Change:
    def change(folder: Path) -> None:
        _write_csv(folder / file, _read_csv(folder / file)[:1])

    return change


def raw(file: str, content: bytes) -> Change:
    def change(folder: Path) -> None:
        (folder / file).write_bytes(content)

    return change


def rows_of(file: str, count: int, make: Callable[[int], list[str]]) -> Change:
    """Replace the file's rows with ``count`` rows made by ``make(i)``."""

    def change(folder: Path) -> None:
        _write_csv(folder / file, [_read_csv(folder / file)[0], *(make(i) for i in range(count))])

    return change


def text_replace(file: str, old: str, new: str) -> Change:
    """Replace the first ``old`` in a file's raw text (no CSV quoting)."""

    def change(folder: Path) -> None:
        text = (folder / file).read_text(encoding="utf-8")
        assert old in text, (file, old)
        (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8", newline="")

    return change


def toml(file: str, old: str, new: str) -> Change:
    """Replace the first ``old`` in a TOML file with ``new`` (raw TOML text)."""

    def change(folder: Path) -> None:
        text = (folder / file).read_text(encoding="utf-8")
        assert old in text, (file, old)
        (folder / file).write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def toml_text(file: str, text: str) -> Change:
    def change(folder: Path) -> None:
        (folder / file).write_text(text, encoding="utf-8")

    return change


def toml_append(file: str, text: str) -> Change:
    def change(folder: Path) -> None:
        with (folder / file).open("a", encoding="utf-8") as f:
            f.write(text)

    return change


def areas(i: int) -> list[str]:
    return [f"X{i}", f"Område {i}", "60.0", "15.0"]


def units(i: int) -> list[str]:
    return [f"F{i}", f"Förskola {i}", "forskola", "A", "60.0", "15.0", "30", "", "", "100", "1000", "1000"]


def investment(i: int) -> list[str]:
    return [f"INV-{i}", "Tillbyggnad", "S-A", "2027", "1000000", "extension", "40", "Hyrs ut", "", "120"]


def scenarios(n: int) -> str:
    return "".join(
        f'[[scenario]]\nid = "s{i}"\nname = "S {i}"\ntfr = 1.5\nnet_migration_per_1000 = 0\n\n' for i in range(n)
    )


def alternatives(n: int) -> str:
    return "".join(f'[[alternative]]\nid = "a{i}"\nname = "A {i}"\n\n' for i in range(n))


def actions(n: int) -> str:
    one = '[[alternative.action]]\nyear = 2026\naction = "set_capacity"\nunit = "S-A"\ncapacity = {c}\n\n'
    return '[[alternative]]\nid = "many"\nname = "Många"\n\n' + "".join(one.format(c=100 + i) for i in range(n))


NESTED = "x = " + "[" * 5000 + "]" * 5000 + "\n"
LONG = 131_073  # one more than the csv module's own field limit
S = "scenarios.toml"
A = "alternatives.toml"
M = "municipality.toml"
U = "units.csv"

KINDS: dict[str, Kind] = {
    # --- numbers that are no numbers, or absurd ones, in CSV cells
    "nan in a count": Kind(cell("population.csv", 2, "persons", "nan"), "population.csv", 2, "persons", ("inget tal",)),
    "NaN in a coordinate": Kind(cell("areas.csv", 2, "lat", "NaN"), "areas.csv", 2, "lat", ("inget tal",)),
    "inf in a capacity": Kind(cell(U, 2, "capacity", "inf"), U, 2, "capacity", ("inget tal",)),
    "-inf in a coordinate": Kind(cell(U, 3, "lon", "-inf"), U, 3, "lon", ("inget tal",)),
    "Infinity in a cost": Kind(cell(U, 2, "premises_cost_sek", "Infinity"), U, 2, "premises_cost_sek", ("inget tal",)),
    "1e300 persons": Kind(cell("population.csv", 3, "persons", "1e300"), "population.csv", 3, "persons", ("mellan",)),
    "1e300 capacity": Kind(cell(U, 4, "capacity", "1e300"), U, 4, "capacity", ("mellan",)),
    "1e300 latitude": Kind(cell("areas.csv", 3, "lat", "1e300"), "areas.csv", 3, "lat", ("latitud",)),
    "1e309 overflows to inf": Kind(cell(U, 2, "fixed_cost_sek", "1e309"), U, 2, "fixed_cost_sek", ("inget tal",)),
    "a number of 400 digits": Kind(cell(U, 2, "floor_area_m2", "1" * 400), U, 2, "floor_area_m2", ("inget tal",)),
    "nan in an integer column": Kind(cell("population.csv", 2, "age", "nan"), "population.csv", 2, "age", ("inget tal",)),
    "nan in a grade": Kind(cell(U, 2, "grade_min", "nan"), U, 2, "grade_min", ("inget tal",)),
    "nan mortality": Kind(cell("demography.csv", 2, "mortality", "nan"), "demography.csv", 2, "mortality", ("tal",)),
    "inf fertility": Kind(
        cell("demography.csv", 32, "fertility_share", "inf"), "demography.csv", 32, "fertility_share", ("inget tal",)
    ),
    "1e300 migration weight": Kind(
        cell("demography.csv", 2, "migration_profile", "1e300"), "demography.csv", 2, "migration_profile", ("mellan",)
    ),
    "nan pupils": Kind(cell("enrollment.csv", 2, "pupils", "nan"), "enrollment.csv", 2, "pupils", ("inget tal",)),
    "nan grade in enrollment": Kind(cell("enrollment.csv", 2, "grade", "nan"), "enrollment.csv", 2, "grade", ("tal",)),
    "1e300 km": Kind(cell("distances.csv", 2, "km", "1e300"), "distances.csv", 2, "km", ("mellan",)),
    "nan minutes": Kind(cell("distances.csv", 2, "minutes", "nan"), "distances.csv", 2, "minutes", ("inget tal",)),
    "nan visits": Kind(cell("facility_usage.csv", 2, "visits", "nan"), "facility_usage.csv", 2, "visits", ("tal",)),
    "1e300 bookable hours": Kind(
        cell("facility_usage.csv", 2, "bookable_hours", "1e300"), "facility_usage.csv", 2, "bookable_hours", ("mellan",)
    ),
    "nan user age": Kind(
        cell("facility_usage.csv", 3, "user_age_min", "nan"), "facility_usage.csv", 3, "user_age_min", ("tal",)
    ),
    "nan investment year": Kind(cell("investments.csv", 2, "year", "nan"), "investments.csv", 2, "year", ("tal",)),
    "1e300 investment amount": Kind(
        cell("investments.csv", 2, "amount", "1e300"), "investments.csv", 2, "amount", ("mellan",)
    ),
    "inf lifetime": Kind(
        cell("investments.csv", 2, "lifetime_years", "inf"), "investments.csv", 2, "lifetime_years", ("tal",)
    ),
    # --- text that would break a page, an export or a terminal
    "NUL in a name": Kind(cell("areas.csv", 2, "name", "Å\x00by"), "areas.csv", 2, "name", ("U+0000",)),
    "NUL in an id": Kind(cell(U, 5, "unit_id", "F-\x00A"), U, 5, "unit_id", ("U+0000",)),
    "terminal escape in a name": Kind(cell(U, 2, "name", "\x1b[31mRöd"), U, 2, "name", ("U+001B",)),
    "line break in a quoted cell": Kind(cell(U, 3, "name", "Rad ett\nRad två"), U, 3, "name", ("U+000A",)),
    "tab in a name": Kind(cell("areas.csv", 3, "name", "Björk\tängen"), "areas.csv", 3, "name", ("U+0009",)),
    "bidi override in a name": Kind(cell(U, 4, "name", "skola\u202egnalf"), U, 4, "name", ("U+202E",)),
    "line separator in a name": Kind(cell(U, 4, "name", "a\u2028b"), U, 4, "name", ("U+2028",)),
    "a name too long": Kind(cell(U, 2, "name", "x" * (MAX_NAME_CHARS + 1)), U, 2, "name", ("högst", "tecken")),
    "an id too long": Kind(
        cell("areas.csv", 4, "area_id", "C" * (MAX_ID_CHARS + 1)), "areas.csv", 4, "area_id", ("högst",)
    ),
    "a field over 131 072 characters": Kind(cell(U, 2, "name", "x" * LONG), U, 2, "name", (str(LONG),)),
    "an exit strategy too long": Kind(
        cell("investments.csv", 2, "exit_strategy", "y" * (MAX_TEXT_CHARS + 1)),
        "investments.csv", 2, "exit_strategy", ("högst",),
    ),
    "NUL in an exit strategy": Kind(
        cell("investments.csv", 2, "exit_strategy", "Hyrs\x00ut"), "investments.csv", 2, "exit_strategy", ("U+0000",)
    ),
    "bidi override in an exit strategy": Kind(
        cell("investments.csv", 2, "exit_strategy", "Säljs\u2066x"), "investments.csv", 2, "exit_strategy", ("U+2066",)
    ),
    "NUL in a description": Kind(
        toml(A, 'description = "Inga åtgärder."', 'description = "Inga\\u0000åtgärder."'), A, "line:Inga\\u0000",
        "description", ("U+0000",),
    ),
    "a choice of 5 000 characters": Kind(cell(U, 2, "service", "z" * 5000), U, 2, "service", ("högst",)),
    "a choice repeated back short": Kind(cell(U, 2, "service", "skola" * 30), U, 2, "service", ("skolaskola…'",)),
    # --- the shape of a table
    "a duplicated column header": Kind(
        header("areas.csv", ["area_id", "name", "lat", "lon", "name"]), "areas.csv", 1, "name", ("2 gånger",)
    ),
    "a duplicated header in other case": Kind(
        header("areas.csv", ["area_id", "name", "lat", "lon", "LAT"]), "areas.csv", 1, "lat", ("2 gånger",)
    ),
    "a header-only population.csv": Kind(header_only("population.csv"), "population.csv", 2, "area_id", ("inga rader",)),
    "a header-only units.csv": Kind(header_only(U), U, 2, "unit_id", ("inga rader",)),
    "a header-only areas.csv": Kind(header_only("areas.csv"), "areas.csv", 2, "area_id", ("inga rader",)),
    "a header-only demography.csv": Kind(header_only("demography.csv"), "demography.csv", 2, "age", ("inga rader",)),
    "an empty file": Kind(raw(U, b""), U, 1, None, ("tom",)),
    "a duplicated school in units with enrollment": Kind(
        cell(U, 3, "unit_id", "S-A"), U, 3, "unit_id", ("finns redan",)
    ),
    "a duplicated school and grade in enrollment": Kind(
        cell("enrollment.csv", 3, "grade", "0"), "enrollment.csv", 3, "grade", ("finns redan",)
    ),
    "a UTF-16 file": Kind(
        raw("areas.csv", "area_id,name,lat,lon\r\nA,Åby,60,15\r\n".encode("utf-16")), "areas.csv", 1, None,
        ("kan inte läsas",),
    ),
    "binary garbage": Kind(raw(U, bytes(range(256)) * 40), U, 1, "unit_id", ("saknas",)),
    "a quote that never closes": Kind(text_replace(U, "Åby skola", '"Åby skola'), U, 2, "name", ("tecken",)),
    "too many areas": Kind(
        rows_of("areas.csv", LIMITS["areas"].value + 1, areas), "areas.csv", LIMITS["areas"].value + 2, "area_id",
        ("högst 1000 områden",),
    ),
    "too many units": Kind(
        rows_of(U, LIMITS["units"].value + 1, units), U, LIMITS["units"].value + 2, "unit_id", ("högst 400 enheter",)
    ),
    "too many investments": Kind(
        rows_of("investments.csv", LIMITS["investments"].value + 1, investment),
        "investments.csv", LIMITS["investments"].value + 2, "id", ("högst 50",),
    ),
    # --- TOML values of the wrong kind
    "tfr = nan": Kind(toml(S, "tfr = 1.5", "tfr = nan"), S, "line:tfr = nan", "tfr", ("inget tal",)),
    "tfr = inf": Kind(toml(S, "tfr = 1.5", "tfr = inf"), S, "line:tfr = inf", "tfr", ("inget tal",)),
    "net migration = -inf": Kind(
        toml(S, "net_migration_per_1000 = 0.0", "net_migration_per_1000 = -inf"), S, "line:-inf",
        "net_migration_per_1000", ("inget tal",),
    ),
    "mortality change = nan": Kind(
        toml(S, "mortality_change = 0.0", "mortality_change = nan"), S, "line:= nan", "mortality_change", ("tal",)
    ),
    "base_year = nan": Kind(toml(M, "base_year = 2025", "base_year = nan"), M, 3, "base_year", ("inget tal",)),
    "base_year = inf": Kind(toml(M, "base_year = 2025", "base_year = inf"), M, 3, "base_year", ("inget tal",)),
    "base_year = 1e300": Kind(toml(M, "base_year = 2025", "base_year = 1e300"), M, 3, "base_year", ("mellan",)),
    "base_year as text": Kind(toml(M, "base_year = 2025", 'base_year = "i år"'), M, 3, "base_year", ("inget tal",)),
    "scenario = [1, 2]": Kind(toml_text(S, "scenario = [1, 2]\n"), S, 1, "scenario", ("tal",)),
    "scenario = 5": Kind(toml_text(S, "# scenarier\nscenario = 5\n"), S, 2, "scenario", ("tal",)),
    'scenario = "bas"': Kind(toml_text(S, 'scenario = "bas"\n'), S, 1, "scenario", ("text",)),
    "an inline table as a name": Kind(toml(M, 'name = "Lillby kommun"', "name = {a = 1}"), M, 1, "name", ("tabell",)),
    "an inline table as a scenario name": Kind(
        toml(S, 'name = "Bas"', 'name = {evil = "x"}'), S, "line:{evil", "name", ("citattecken",)
    ),
    "a list as an alternative name": Kind(
        toml(A, 'name = "Behåll alla"', "name = [1, 2]"), A, "line:[1, 2]", "name", ("lista",)
    ),
    "true as a scenario name": Kind(toml(S, 'name = "Bas"', "name = true"), S, "line:true", "name", ("sant",)),
    "a number as a municipality name": Kind(toml(M, 'name = "Lillby kommun"', "name = 42"), M, 1, "name", ("tal",)),
    "a date as a name": Kind(toml(M, 'name = "Lillby kommun"', "name = 1979-05-27"), M, 1, "name", ("datum",)),
    "a number as a description": Kind(
        toml(A, 'description = "Inga åtgärder."', "description = 5"), A, "line:description = 5", "description",
        ("citattecken",),
    ),
    "NUL in a TOML name": Kind(
        toml(M, 'name = "Lillby kommun"', 'name = "Lill\\u0000by"'), M, 1, "name", ("U+0000",)
    ),
    "escape in a scenario name": Kind(
        toml(S, 'name = "Bas"', 'name = "\\u001b[2J"'), S, "line:\\u001b", "name", ("U+001B",)
    ),
    "a scenario name of 10 000 characters": Kind(
        toml(S, 'name = "Bas"', f'name = "{"x" * 10_000}"'), S, "line:xxxx", "name", ("högst",)
    ),
    "a description too long": Kind(
        toml(A, 'description = "Inga åtgärder."', f'description = "{"y" * (MAX_TEXT_CHARS + 1)}"'), A, "line:yyyy",
        "description", ("högst",),
    ),
    "a parameter = nan": Kind(
        toml(M, "max_class_size = 25", "max_class_size = nan"), M, "line:= nan", "parameters.max_class_size",
        ("inget tal",),
    ),
    "a parameter = inf": Kind(
        toml(M, "max_class_size = 25", "max_class_size = inf"), M, "line:= inf", "parameters.max_class_size",
        ("inget tal",),
    ),
    "a parameter as an inline table": Kind(
        toml(M, "max_class_size = 25", "max_class_size = {a = 1}"), M, "line:{a = 1}", "parameters.max_class_size",
        ("tabell",),
    ),
    "a parameter as a list": Kind(
        toml(M, "max_class_size = 25", "max_class_size = [25]"), M, "line:[25]", "parameters.max_class_size",
        ("lista",),
    ),
    "an action year = nan": Kind(
        toml(A, "year = 2026", "year = nan"), A, "line:year = nan", "year", ("inget tal",)
    ),
    "an action capacity = inf": Kind(
        toml(A, "capacity = 40", "capacity = inf"), A, "line:capacity = inf", "capacity", ("inget tal",)
    ),
    "an action capacity = 1e300": Kind(
        toml(A, "capacity = 40", "capacity = 1e300"), A, "line:1e300", "capacity", ("mellan",)
    ),
    "a one-off cost = nan": Kind(
        toml(A, "one_off_cost_sek = 250000", "one_off_cost_sek = nan"), A, "line:= nan", "one_off_cost_sek",
        ("inget tal",),
    ),
    "alternative = [1]": Kind(toml_text(A, "alternative = [1]\n"), A, 1, "alternative", ("tal",)),
    "actions that are numbers": Kind(
        toml_append(A, '\n[[alternative]]\nid = "x"\nname = "X"\naction = [1, 2]\n'), A, "line:action = [1, 2]",
        "action", ("tal",),
    ),
    "an action that is text": Kind(
        toml_append(A, '\n[[alternative]]\nid = "x"\nname = "X"\naction = "stäng"\n'), A, 'line:action = "stäng"',
        "action", ("text",),
    ),
    "an inline table as a unit": Kind(
        toml(A, 'unit = "S-B"', "unit = {x = 1}"), A, "line:unit = {x", "unit", ("tabell",)
    ),
    "a comma in an alternative id": Kind(
        toml(A, 'id = "close-b"', 'id = "close,b"'), A, "line:close,b", "id", ("giltigt id",)
    ),
    "NUL in an alternative id": Kind(
        toml(A, 'id = "close-b"', 'id = "close\\u0000b"'), A, "line:close\\u0000b", "id", ("U+0000",)
    ),
    "a scenario id too long": Kind(
        toml(S, 'id = "bas"', f'id = "{"b" * (MAX_ID_CHARS + 1)}"'), S, "line:bbbb", "id", ("högst",)
    ),
    "a build at lat nan": Kind(
        toml_append(
            A,
            '\n[[alternative]]\nid = "ny"\nname = "Ny"\n\n[[alternative.action]]\nyear = 2027\naction = "build"\n'
            'unit = "S-NY"\nname = "Ny skola"\nservice = "forskola"\narea_id = "A"\nlat = nan\nlon = 15.0\n'
            "capacity = 30\n",
        ),
        A, "line:lat = nan", "lat", ("inget tal",),
    ),
    "a duplicated TOML key": Kind(toml(S, "tfr = 1.5", "tfr = 1.5\ntfr = 1.6"), S, "line:tfr = 1.6", None, ("finns redan",)),
    "a string that never closes": Kind(toml(S, 'name = "Bas"', 'name = "Bas'), S, "line:\"Bas", None, ("citattecken",)),
    "too many scenarios": Kind(
        toml_text(S, scenarios(LIMITS["scenarios"].value + 1)), S, 6 * LIMITS["scenarios"].value + 1, None,
        ("högst 10",),
    ),
    "too many alternatives": Kind(
        toml_text(A, alternatives(LIMITS["alternatives"].value + 1)), A, 4 * LIMITS["alternatives"].value + 1, None,
        ("högst 50",),
    ),
    "too many actions": Kind(
        toml_text(A, actions(LIMITS["actions"].value + 1)), A, "line:[[alternative]]", "action", ("högst 200",)
    ),
    # Whole-file problems: tomllib stops without a line for these; the file is named.
    "lists nested 5 000 deep": Kind(toml_text(S, NESTED), S, None, None, ("nästlade",)),
    "an integer of 5 000 digits": Kind(toml(M, "base_year = 2025", "base_year = " + "9" * 5000), M, None, None, ("siffror",)),
}  # fmt: skip


def kind_ids() -> list[str]:
    return list(KINDS)


def base_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """The whole tiny municipality plus an enrollment, a distance and an investment row (every file present)."""
    spec["enrollment"] = [
        {"unit_id": "S-A", "grade": 0, "pupils": 10},
        {"unit_id": "S-A", "grade": 1, "pupils": 8},
    ]
    spec["distances"] = [{"area_id": "A", "unit_id": "S-A", "km": 1.0, "minutes": 2}]
    spec["investments"] = [
        {"id": "INV-1", "name": "Tillbyggnad", "unit": "S-A", "year": 2027, "amount": 1_000_000,
         "kind": "extension", "lifetime_years": 40, "exit_strategy": "Hyrs ut", "service": None, "capacity": 120},
    ]  # fmt: skip
    return spec


@pytest.fixture
def hostile(tmp_path: Path, municipality_spec: dict[str, Any], municipality_writer) -> Callable[[str], Path]:
    """``hostile(kind)``: a dataset folder with that one kind of bad input."""

    def make(kind: str) -> Path:
        folder = municipality_writer(tmp_path / "kommun", base_spec(municipality_spec))
        KINDS[kind].change(folder)
        return folder

    return make


def expected_row(kind: Kind, folder: Path) -> int | None:
    if not isinstance(kind.row, str):
        return kind.row
    needle = kind.row.removeprefix("line:")
    text = (folder / kind.file).read_text(encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def location(file: str, row: int | None, column: str | None) -> str:
    return ":".join([file, *([str(row)] if row is not None else []), *([column] if column else [])]) + ": "


def assert_user_facing(lines: list[str]) -> None:
    """Swedish, no internal text, nothing that is not printable, no line of absurd length."""
    for line in lines:
        assert not INTERNAL.search(line), line
        assert line.isprintable(), repr(line[:200])
        assert len(line) < 600, line[:200]


# --- the command line ------------------------------------------------------------------------


def test_the_base_dataset_is_valid(tmp_path: Path, municipality_spec, municipality_writer, capsys) -> None:
    folder = municipality_writer(tmp_path / "kommun", base_spec(municipality_spec))
    code, out, err = call(capsys, "validate", folder)
    assert code == 0, err
    assert out.startswith("OK")


def test_at_least_sixty_kinds() -> None:
    assert len(KINDS) >= 60


@pytest.mark.parametrize("kind", kind_ids())
def test_every_kind_is_a_located_swedish_problem(kind: str, hostile, capsys) -> None:
    folder = hostile(kind)
    spec = KINDS[kind]
    code, out, err = call(capsys, "validate", folder)
    assert code == 2, (kind, out, err[:2000])
    assert out == ""
    lines = err.splitlines()
    assert lines[-1].endswith("rätta dem och försök igen.")  # it names the folder the user gave
    assert_user_facing(lines[:-1])
    prefix = location(spec.file, expected_row(spec, folder), spec.column)
    hits = [line for line in lines if line.startswith(prefix)]
    assert hits, f"{kind}: no line starting {prefix!r} in\n{err[:3000]}"
    message = hits[0].removeprefix(prefix)
    assert all(word in message for word in spec.words), (kind, hits[0])
    assert SWEDISH.search(message), hits[0]


@pytest.mark.parametrize(
    "kind",
    ["nan in a count", "a field over 131 072 characters", "scenario = [1, 2]", "base_year = nan", "NUL in a name"],
)
def test_no_traceback_in_a_real_process(kind: str, hostile, repo_root: Path) -> None:
    """As a user's script sees it: exit code 2, no traceback, the located line."""
    folder = hostile(kind)
    p = run(repo_root, "validate", folder)
    assert p.returncode == 2, p.stderr[:2000]
    assert "Traceback" not in p.stderr
    assert location(KINDS[kind].file, expected_row(KINDS[kind], folder), KINDS[kind].column) in p.stderr


@pytest.mark.parametrize("command", [["evaluate", "--scenario", "bas", "--alternative", "keep-all"], ["compare"]])
def test_the_other_commands_refuse_the_same_way(command: list[str], hostile, capsys) -> None:
    folder = hostile("tfr = nan")
    code, out, err = call(capsys, command[0], folder, *command[1:])
    assert code == 2 and out == ""
    assert "scenarios.toml:" in err and ":tfr: " in err


def test_an_unforeseen_exception_is_one_generic_problem_and_logged(hostile, capsys, monkeypatch, caplog) -> None:
    """Should a check still meet input it did not foresee: a Swedish message, the details in the log only."""
    from engine.dataset import load as load_module

    def broken(folder: Any) -> Any:
        raise ValueError("Binder Error: SELECT * FROM /tmp/vagval-upload-x/areas.csv")

    monkeypatch.setattr(load_module, "load_folder", broken)
    code, out, err = call(capsys, "validate", hostile("nan in a count"))
    assert code == 2 and out == ""
    assert "oväntat fel" in err
    assert_user_facing(err.splitlines()[:-1])
    assert "Binder Error" in caplog.text  # logged for whoever runs the server


# --- the upload, as the Data page calls it ------------------------------------------------------

UPLOAD_SAMPLE = [
    "nan in a count",
    "1e300 capacity",
    "nan in an integer column",
    "NUL in a name",
    "a field over 131 072 characters",
    "a duplicated column header",
    "a header-only units.csv",
    "a duplicated school in units with enrollment",
    "tfr = nan",
    "base_year = nan",
    "scenario = [1, 2]",
    "an inline table as a name",
    "a parameter = inf",
    "too many areas",
    "a duplicated TOML key",
]


def zip_of(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.iterdir()):
            archive.write(path, f"kommun/{path.name}")
    return buffer.getvalue()


@pytest.mark.parametrize("kind", UPLOAD_SAMPLE)
def test_an_upload_gives_the_same_problem_inside_the_zip(kind: str, hostile, capsys) -> None:
    folder = hostile(kind)
    content = zip_of(folder)
    outcome = check_upload("kommun.zip", len(content), lambda: content)
    assert not isinstance(outcome, Upload), kind
    shown = [str(p) for p in outcome]
    assert_user_facing(shown)
    spec = KINDS[kind]
    prefix = "kommun.zip/kommun/" + location(spec.file, expected_row(spec, folder), spec.column)
    assert any(line.startswith(prefix) for line in shown), (prefix, shown)
    # The same message as the command line's, only the file named inside the zip.
    _, _, err = call(capsys, "validate", folder)
    assert {line.removeprefix("kommun.zip/kommun/") for line in shown} <= set(err.splitlines())


def test_an_upload_over_the_limit_is_refused_by_its_size_before_it_is_read() -> None:
    def never() -> bytes:
        raise AssertionError("the bytes were read")

    [problem] = check_upload("stor.zip", 150 * 1024 * 1024, never)
    assert problem.file == "stor.zip" and f"högst {MAX_UPLOAD_MB} MB" in problem.message


def test_an_unreadable_upload_says_so_without_internal_text(monkeypatch, hostile, caplog) -> None:
    def broken(*args: Any) -> Any:
        raise ValueError("Conversion Error: SELECT _row FROM population WHERE /tmp/vagval-upload-abc")

    monkeypatch.setattr(upload_module, "_load_zip", broken)
    content = zip_of(hostile("nan in a count"))
    [problem] = check_upload("kommun.zip", len(content), lambda: content)
    assert_user_facing([str(problem)])
    assert "kunde inte läsas" in problem.message
    assert "Conversion Error" in caplog.text


def test_a_hostile_file_name_is_shown_short_and_printable() -> None:
    [problem] = check_upload("a\x00b" + "x" * 500 + ".png", 10, lambda: b"0123456789")
    assert problem.file.isprintable() and len(problem.file) < 60


def test_the_data_page_shows_the_problem_without_internal_text(app_store: Path, admin_code: str, hostile) -> None:
    from pages_support import as_admin, open_page

    from ui import data

    data.clear()
    try:
        at = as_admin(open_page("pages/data.py"))  # only the administrator uploads
        content = zip_of(hostile("nan in an integer column"))
        at.file_uploader[0].set_value(("kommun.zip", content, "application/zip")).run()
        assert not at.exception
        [error] = at.error
        assert "kommun.zip" in error.value and "kan inte användas" in error.value
        problems = at.dataframe[-1].value
        rows = list(problems.itertuples(index=False, name=None))
        assert (
            "kommun.zip/kommun/population.csv",
            "2",
            "age",
            "'nan' är inget tal; skriv ett vanligt tal, inte NaN eller oändligt",
        ) in rows
        page = " ".join(str(v) for row in rows for v in row) + error.value
        assert not INTERNAL.search(page), page
    finally:
        data.clear()


# --- the server: upload limit and error details ---------------------------------------------------


def test_the_server_refuses_big_uploads_and_hides_error_details(repo_root: Path) -> None:
    import tomllib

    from ui import launch

    config = tomllib.loads((repo_root / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] == MAX_UPLOAD_MB == launch.MAX_UPLOAD_MB
    assert MAX_UPLOAD_BYTES == MAX_UPLOAD_MB * 1024 * 1024
    assert config["client"]["showErrorDetails"] == "none"
    joined = " ".join(launch.streamlit_argv(repo_root / "app.py", None, dev=False, extra=[]))
    assert f"--server.maxUploadSize {MAX_UPLOAD_MB}" in joined
    assert "--client.showErrorDetails none" in joined


# --- links that name too much or nonsense ----------------------------------------------------------

SCENARIOS = ["bas", "stress", "stabilisering"]
ALTERNATIVES = ["keep-all", "merge-a-b", "merge-b-c", "close-c", "build-d", "convert-e"]


@pytest.mark.parametrize(
    ("alt", "expected"),
    [
        ("merge-a-b,merge-b-c,close-c,build-d", "default"),  # more than three
        ("merge-a-b,merge-a-b", "default"),  # repeated
        ("merge-a-b,merge-b-c,merge-a-b,merge-b-c", "default"),
        (",".join(["merge-a-b"] * 10_000), "default"),  # a link of 100 000 characters
        ("merge-x,merge-y", ()),  # unknown ids: what is known of them (none)
        ("keep-all", ()),  # keep-all is always shown, never chosen
        ("\x00,<script>", ()),
    ],
)
def test_alt_naming_too_much_or_nonsense_gives_the_default_view_and_a_message(alt: str, expected: Any) -> None:
    from ui.state import default_view, from_query

    default = default_view(SCENARIOS, ALTERNATIVES)
    view, ignored = from_query({"alt": alt}, default, SCENARIOS, ALTERNATIVES)
    assert view.alternatives == (default.alternatives if expected == "default" else expected)
    assert ignored == ["alt"]


def test_the_parser_allows_what_the_picker_allows() -> None:
    from ui.state import MAX_ALTERNATIVES
    from ui.widgets import MAX_COMPARED

    assert MAX_ALTERNATIVES == MAX_COMPARED


@pytest.mark.parametrize(
    "query",
    [
        {"max_class_size": "nan"},
        {"max_class_size": "inf"},
        {"max_class_size": "1e309"},
        {"bas.tfr": "nan"},
        {"bas.tfr": "-inf"},
        {"years": "1e9"},
        {"years": "nan"},
        {"lang": "\x00"},
        {"scenario": "x" * 100_000},
        {"data": "../../etc/passwd\x00"},
    ],
)
def test_nonsense_values_give_the_default_view_and_a_message(query: dict[str, str]) -> None:
    from ui.state import default_view, from_query

    default = default_view(SCENARIOS, ALTERNATIVES)
    view, ignored = from_query(query, default, SCENARIOS, ALTERNATIVES)
    assert view == default
    assert ignored == list(query)


def test_a_link_with_thousands_of_unknown_keys_lists_ten_short_ones() -> None:
    from ui.state import default_view, from_query

    default = default_view(SCENARIOS, ALTERNATIVES)
    query = {f"k{i}\x00" + "x" * 100: "1" for i in range(5000)}
    view, ignored = from_query(query, default, SCENARIOS, ALTERNATIVES)
    assert view == default
    assert len(ignored) == 11 and ignored[-1] == "…"
    assert all(k.isprintable() and len(k) <= 41 for k in ignored)


def test_an_unforeseen_exception_in_a_zip_names_the_zip_not_the_temporary_folder(hostile, monkeypatch, caplog) -> None:
    from engine.dataset import load as load_module

    def broken(folder: Any) -> Any:
        raise KeyError("_row")

    monkeypatch.setattr(load_module, "load_folder", broken)
    content = zip_of(hostile("nan in a count"))
    [problem] = check_upload("kommun.zip", len(content), lambda: content)
    assert problem.file == "kommun.zip"
    assert "oväntat fel" in problem.message
    assert_user_facing([str(problem)])
    assert "KeyError" in caplog.text


# --- the limits leave the benchmark city allowed ---------------------------------------------------


def test_the_benchmark_city_lies_within_the_limits(tmp_path: Path) -> None:
    """benchmarks/engine_speed.py's city of a million (600 areas, 150 schools) must stay allowed."""
    from benchmarks.synthetic import write_synthetic
    from engine import load_dataset

    dataset = load_dataset(write_synthetic(tmp_path / "stad", areas=600, schools=150, inhabitants=1_000_000))
    assert len(dataset.areas) == 600 <= LIMITS["areas"].value
    assert len(dataset.units) == 150 <= LIMITS["units"].value


# --- the pages that crashed on ?alt= naming too much ----------------------------------------------


@pytest.mark.parametrize("page", ["pages/jamfor.py", "pages/ekonomi.py", "pages/workshop.py"])
@pytest.mark.parametrize(
    "alt",
    [
        "merge-a-b,merge-b-c,close-smallest-2028,omstallning-2030",
        "merge-a-b,merge-a-b,merge-a-b",
    ],
)
def test_a_link_naming_too_many_alternatives_opens_the_default_view_with_a_message(
    app_store: Path, page: str, alt: str
) -> None:
    from pages_support import open_page

    from ui import data

    data.clear()
    try:
        at = open_page(page, alt=alt)  # asserts no exception
        warnings = " ".join(w.value for w in at.sidebar.warning)
        assert "alt" in warnings
        assert at.session_state["view"].alternatives == ("merge-a-b", "merge-b-c")
    finally:
        data.clear()


# --- the same through a workbook (CLI and upload read it as the folder it stands for) ------------

WORKBOOK_KINDS = {
    # name: (sheet, cell, value, problem's location, words)
    "nan as text in a count": ("population", "C2", "nan", "[population]:2:persons", "inget tal"),
    "inf as text in a coordinate": ("areas", "C3", "inf", "[areas]:3:lat", "inget tal"),
    "1e300 as a number": ("units", "G2", 1e300, "[units]:2:capacity", "mellan"),
    "a name of 300 characters": ("units", "B3", "x" * 300, "[units]:3:name", "högst 200"),
    "a duplicated header": ("areas", "E1", "lat", "[areas]:1:lat", "2 gånger"),
    "tfr nan in the scenarios sheet": ("scenarios", "D2", "nan", "[scenarios]:2:tfr", "inget tal"),
    "nan base year in the municipality sheet": ("municipality", "B4", "nan", "[municipality]:4:base_year", "inget tal"),
    "an action year nan": ("actions", "year:2", "nan", "[actions]:2:year", "inget tal"),
    "an inline table as text in the alternatives sheet": ("alternatives", "name:3", "{a = 1}", None, None),
    "a header that would write TOML": ("scenarios", "H1", 'x = 1\n[[scenario]]\nid = "evil"', None, None),
}


@pytest.fixture(scope="module")
def demo_workbook(
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    from engine.dataset.workbook import write_workbook

    return write_workbook(
        Path(__file__).resolve().parents[1] / "data" / "demo", tmp_path_factory.mktemp("wb") / "kommun.xlsx"
    )


@pytest.mark.parametrize("kind", list(WORKBOOK_KINDS))
def test_a_workbook_gives_the_same_located_problems(kind: str, demo_workbook: Path, tmp_path: Path, capsys) -> None:
    from openpyxl import load_workbook

    sheet, where, value, located, words = WORKBOOK_KINDS[kind]
    book = load_workbook(demo_workbook)
    assert sheet != "scenarios" or book["scenarios"]["D1"].value == "tfr"
    if ":" in where:  # header:row
        name, row = where.split(":")
        column = next(c.column_letter for c in book[sheet][1] if c.value == name)
        where = f"{column}{row}"
    book[sheet][where] = value
    bad = tmp_path / "kommun.xlsx"
    book.save(bad)
    code, out, err = call(capsys, "validate", bad)
    if located is None:  # text stays text: a header is a quoted key, a cell a quoted string; no scenario "evil"
        assert code == 0, err
        assert "3 scenarier" in out and "6 alternativ" in out
        return
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert_user_facing(lines[:-1])
    assert any(line.startswith(f"kommun.xlsx{located}: ") and words in line for line in lines), lines
    content = bad.read_bytes()
    problems = [str(p) for p in check_upload("kommun.xlsx", len(content), lambda: content)]  # type: ignore[union-attr]
    assert set(problems) <= set(lines)


# --- bounded work: a file wrong in every row ----------------------------------------------------------


def test_a_file_wrong_in_every_row_is_answered_quickly_and_briefly(hostile, capsys) -> None:
    """100 000 population rows naming unknown areas: at most 100 listed and a count, within seconds."""
    import time

    folder = hostile("nan in a count")
    rows = [["area_id", "age", "persons"]] + [[f"Okänt-{i}", str(i % 101), "1"] for i in range(100_000)]
    _write_csv(folder / "population.csv", rows)
    start = time.perf_counter()
    code, out, err = call(capsys, "validate", folder)
    assert time.perf_counter() - start < 30
    assert code == 2 and out == ""
    lines = [line for line in err.splitlines() if line.startswith("population.csv")]
    assert len(lines) == 101, len(lines)
    assert lines[-1].startswith("population.csv: … och ") and "fel till" in lines[-1]


def test_a_toml_file_over_its_limit_is_refused_before_it_is_parsed(hostile, capsys) -> None:
    folder = hostile("nan in a count")
    with (folder / "alternatives.toml").open("a", encoding="utf-8") as f:
        f.write("# " + "x" * (LIMITS["toml_mb"].value * 1024 * 1024) + "\n")
    code, out, err = call(capsys, "validate", folder)
    assert code == 2 and out == ""
    assert any(line.startswith("alternatives.toml: ") and "högst 5 MB" in line for line in err.splitlines()), err


def test_a_description_may_run_over_lines(hostile, capsys) -> None:
    """A text box's line breaks and tabs are a description's own; only NUL and bidi overrides are refused."""
    folder = hostile("nan in a count")
    cell("population.csv", 2, "persons", "12")(folder)
    toml(A, 'description = "Inga åtgärder."', 'description = "Rad ett\\nRad två\\ttabb"')(folder)
    cell("investments.csv", 2, "exit_strategy", "Rad ett\nRad två")(folder)
    code, out, err = call(capsys, "validate", folder)
    assert code == 0, err
    assert out.startswith("OK")


def test_read_upload_lets_no_other_exception_out(monkeypatch, caplog) -> None:
    """The store reads uploads again with read_upload: an unforeseen failure is a problem there too."""
    import zipfile as zipfile_module

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise OSError("[Errno 5] /tmp/vagval-upload-x: Input/output error")

    monkeypatch.setattr(zipfile_module, "ZipFile", broken)
    with pytest.raises(upload_module.DatasetError) as caught:
        upload_module.read_upload("kommun.zip", b"PK\x03\x04 whatever")
    [problem] = caught.value.problems
    assert problem.file == "kommun.zip" and "kunde inte läsas" in problem.message
    assert_user_facing([str(problem)])
    assert "Input/output error" in caplog.text
