"""Shared test data: the demo dataset and a tiny, hand-computable municipality.

The tiny municipality ("Lillby") lives here as plain Python dicts, so a test can
change one thing (a coordinate, a count, an action) and write the folder with
``write_dataset``. Its numbers are chosen so that every result can be worked out by
hand (see tests/test_model_hand.py):

* three areas on the parallel 60° N, at lon 15.00 (A), 15.10 (B) and 15.30 (C);
  0.1° of longitude at 60° N is 5.5597 km great-circle, × detour 1.5 = 8.3396 km;
* three schools, one at each area's point: S-A (grades 0–9, capacity 100),
  S-B (0–6, capacity 50), S-C (0–6, capacity 50);
* children only at a few ages, adults at age 40; mortality 0 and nobody at the only
  fertile age (30) and no net migration, so year k is the base population aged k
  years and nobody is born, dies or moves;
* round parameter overrides in municipality.toml (these also prove that a dataset's
  ``[parameters]`` apply).
"""

from __future__ import annotations

import copy
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from engine import Dataset, load_dataset

REPO_ROOT = Path(__file__).resolve().parents[1]
DEMO_PATH = REPO_ROOT / "data" / "demo"

CSV_TABLES = ("areas", "population", "demography", "units", "enrollment", "distances")


def demography_rows(
    fertility: dict[int, float] | None = None,
    mortality: dict[int, float] | None = None,
    migration: dict[int, float] | None = None,
) -> list[dict[str, Any]]:
    """101 rows (ages 0–100); values not given are 0."""
    fertility = fertility if fertility is not None else {30: 1.0}
    mortality = mortality or {}
    migration = migration or {}
    return [
        {
            "age": age,
            "fertility_share": fertility.get(age, 0.0),
            "mortality": mortality.get(age, 0.0),
            "migration_profile": migration.get(age, 0.0),
        }
        for age in range(101)
    ]


def _school(unit_id: str, name: str, area: str, lon: float, capacity: int, gmax: int, premises: int, fixed: int):
    return {
        "unit_id": unit_id,
        "name": name,
        "service": "grundskola",
        "area_id": area,
        "lat": 60.0,
        "lon": lon,
        "capacity": capacity,
        "grade_min": 0,
        "grade_max": gmax,
        "floor_area_m2": 1000,
        "premises_cost_sek": premises,
        "fixed_cost_sek": fixed,
    }


# Base year 2025. grade = age − 6.
TINY: dict[str, Any] = {
    "municipality": {
        "name": "Lillby kommun",
        "code": "9999",
        "base_year": 2025,
        "parameters": {
            "max_class_size": 25,
            "max_grades_per_class": 3,
            "teachers_per_class": 1.2,
            "pupils_per_teacher": 12.0,
            "teacher_cost_sek": 500_000,
            "other_teaching_cost_per_pupil_sek": 0,  # the hand cases count class teachers only
            "cost_per_pupil_sek": 10_000,
            "transport_threshold_km_f3": 2.0,
            "transport_threshold_km_46": 9.0,  # above the 8.34 km from B to S-A
            "transport_threshold_km_79": 8.0,  # below it
            "transport_cost_per_pupil_sek": 5_000,
            "detour_factor": 1.5,
            "closed_premises_share": 0.5,
            "closed_premises_years": 2,
            "closure_one_off_cost_sek": 1_000_000,
            "min_team_teachers": 2.0,
        },
    },
    "areas": [
        {"area_id": "A", "name": "Åby", "lat": 60.0, "lon": 15.00},
        {"area_id": "B", "name": "Björkängen", "lat": 60.0, "lon": 15.10},
        {"area_id": "C", "name": "Östra Cé", "lat": 60.0, "lon": 15.30},
    ],
    "population": [
        # A: grade 0: 12, grade 1: 8, grade 7: 20
        {"area_id": "A", "age": 6, "persons": 12},
        {"area_id": "A", "age": 7, "persons": 8},
        {"area_id": "A", "age": 13, "persons": 20},
        {"area_id": "A", "age": 40, "persons": 50},
        # B: grade 0: 6, grade 3: 4, grade 5: 3, grade 7: 5
        {"area_id": "B", "age": 6, "persons": 6},
        {"area_id": "B", "age": 9, "persons": 4},
        {"area_id": "B", "age": 11, "persons": 3},
        {"area_id": "B", "age": 13, "persons": 5},
        {"area_id": "B", "age": 40, "persons": 30},
        # C: grade 0: 3, grade 2: 2
        {"area_id": "C", "age": 6, "persons": 3},
        {"area_id": "C", "age": 8, "persons": 2},
        {"area_id": "C", "age": 40, "persons": 20},
    ],
    "demography": demography_rows(),
    "units": [
        _school("S-A", "Åby skola", "A", 15.00, 100, 9, 1_000_000, 500_000),
        _school("S-B", "Björkängens skola", "B", 15.10, 50, 6, 600_000, 300_000),
        _school("S-C", "Östra Cé skola", "C", 15.30, 50, 6, 400_000, 200_000),
        {
            "unit_id": "F-A",
            "name": "Förskolan Ängen",
            "service": "forskola",
            "area_id": "A",
            "lat": 60.0,
            "lon": 15.0,
            "capacity": 30,
            "grade_min": None,
            "grade_max": None,
            "floor_area_m2": 300,
            "premises_cost_sek": 200_000,
            "fixed_cost_sek": 100_000,
        },
    ],
    "scenarios": [
        {"id": "bas", "name": "Bas", "tfr": 1.5, "net_migration_per_1000": 0.0, "mortality_change": 0.0},
    ],
    "alternatives": [
        {"id": "keep-all", "name": "Behåll alla", "description": "Inga åtgärder."},
        {
            "id": "close-b",
            "name": "Stäng Björkängen 2026",
            "action": [{"year": 2026, "action": "close", "unit": "S-B"}],
        },
        {
            "id": "merge-b-c",
            "name": "Slå ihop Björkängen med Östra Cé 2026",
            "action": [{"year": 2026, "action": "merge", "unit": "S-B", "to": "S-C", "one_off_cost_sek": 250_000}],
        },
        {
            "id": "cap-a-40",
            "name": "Åby skola får 40 platser",
            "action": [{"year": 2025, "action": "set_capacity", "unit": "S-A", "capacity": 40}],
        },
        {
            "id": "cap-a-20",
            "name": "Åby skola får 20 platser",
            "action": [{"year": 2025, "action": "set_capacity", "unit": "S-A", "capacity": 20}],
        },
    ],
}


# --- writing a dataset folder ------------------------------------------------------


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a valid TOML basic string
    raise TypeError(f"cannot write {value!r} as TOML")


def toml_text(doc: dict[str, Any], prefix: str = "") -> str:
    """Scalars, [tables] and [[arrays of tables]] (nested ones too), in that order."""
    lines = [f"{k} = {_toml_value(v)}" for k, v in doc.items() if not isinstance(v, dict | list) and v is not None]
    for key, value in doc.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            lines += ["", f"[{name}]", toml_text(value, name + ".")]
        elif isinstance(value, list):
            for item in value:
                lines += ["", f"[[{name}]]", toml_text(item, name + ".")]
    return "\n".join(lines) + "\n"


def csv_text(rows: list[dict[str, Any]], *, delimiter: str = ",", decimal: str = ".") -> str:
    """Columns from the first row; None is an empty cell; floats with ``decimal``."""
    columns = list(rows[0]) if rows else []
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        cells = []
        for col in columns:
            value = row.get(col)
            if value is None:
                cells.append("")
            elif isinstance(value, float):
                cells.append(repr(value).replace(".", decimal))
            else:
                cells.append(str(value))
        writer.writerow(cells)
    return out.getvalue()


def write_dataset(
    folder: Path,
    spec: dict[str, Any],
    *,
    delimiter: str = ",",
    decimal: str = ".",
    encoding: str = "utf-8",
) -> Path:
    """Write ``spec`` as a dataset folder; a table set to None (or absent) is not written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for table in CSV_TABLES:
        rows = spec.get(table)
        if rows is not None:
            text = csv_text(rows, delimiter=delimiter, decimal=decimal)
            (folder / f"{table}.csv").write_bytes(text.encode(encoding))
    if spec.get("municipality") is not None:
        (folder / "municipality.toml").write_text(toml_text(spec["municipality"]), encoding="utf-8")
    if spec.get("scenarios") is not None:
        (folder / "scenarios.toml").write_text(toml_text({"scenario": spec["scenarios"]}), encoding="utf-8")
    if spec.get("alternatives") is not None:
        (folder / "alternatives.toml").write_text(toml_text({"alternative": spec["alternatives"]}), encoding="utf-8")
    return folder


def tiny_spec_copy() -> dict[str, Any]:
    return copy.deepcopy(TINY)


# --- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def demo_path() -> Path:
    return DEMO_PATH


@pytest.fixture(scope="session")
def demo() -> Dataset:
    """The built-in demo municipality, loaded once."""
    return load_dataset(DEMO_PATH)


@pytest.fixture
def tiny_spec() -> dict[str, Any]:
    """A fresh, freely editable copy of the tiny municipality's dicts."""
    return tiny_spec_copy()


@pytest.fixture(scope="session")
def dataset_writer() -> Callable[..., Path]:
    """``dataset_writer(folder, spec, delimiter=",", decimal=".", encoding="utf-8")``."""
    return write_dataset


@pytest.fixture
def tiny_path(tmp_path: Path, tiny_spec: dict[str, Any]) -> Path:
    return write_dataset(tmp_path / "tiny", tiny_spec)


@pytest.fixture
def tiny(tiny_path: Path) -> Dataset:
    return load_dataset(tiny_path)


# --- the whole municipality (DESIGN.md §6): Lillby with preschools, care homes, leisure --
#
# The tiny municipality plus, all on lat 60.0 at the areas' points:
#   förskolor      F-A (A, capacity 30, premises 200 000, fixed 100 000)  [from TINY]
#                  F-B (B, capacity 20, premises 150 000, fixed  50 000)
#                  F-C (C, capacity 10, premises 100 000, fixed  50 000)
#   äldreboenden   AB-A (A, 20 places, premises 300 000, fixed 200 000)
#                  AB-C (C,  6 places, premises 200 000, fixed 100 000)
#   fritid/kultur  L-A (A, capacity 20 000 visits, premises 400 000, fixed 100 000)
#                  L-B (B, capacity  4 000 visits, premises 200 000, fixed  50 000)
#                  L-C (C, capacity  2 000 visits, premises 100 000, fixed  50 000)
#   persons        A: age 1: 10, age 3: 10, age 70: 100, age 85: 20
#                  B: age 2: 10, age 4: 10, age 79: 50
#                  C: age 5: 10, age 95: 10            (393 inhabitants with TINY's 163)
#   facility_usage L-A: 1 000 bookable h, 500 booked, 10 000 visits, every age
#                  L-B:   800 bookable h, 600 booked,  3 000 visits, ages 65–79
#                  L-C:   200 bookable h, 100 booked,  1 000 visits, ages 90–100
#   a second scenario "inflytt" with net in-migration at ages 65–100 only (the
#   migration profile is zero elsewhere, so "bas", with no migration, is unchanged).
# Worked examples: tests/test_services_hand.py and tests/test_model_economy.py.

MUNICIPALITY_TABLES = ("facility_usage", "investments")

MUNICIPALITY_PARAMETERS: dict[str, Any] = {
    "forskola_enrolment_age_1": 0.5,
    "forskola_enrolment_age_2": 0.8,
    "forskola_enrolment_age_3_5": 0.9,
    "children_per_preschool_fte": 5.0,
    "preschool_group_size": 15.0,
    "preschool_staff_cost_sek": 500_000,
    "cost_per_preschool_child_sek": 10_000,
    "care_home_rate_65_79": 0.1,
    "care_home_rate_80_89": 0.2,
    "care_home_rate_90_plus": 0.5,
    "cost_per_occupied_place_sek": 1_000_000,
    "purchased_place_cost_sek": 1_500_000,
    "home_care_cost_65_79_sek": 10_000,
    "home_care_cost_80_89_sek": 50_000,
    "home_care_cost_90_plus_sek": 100_000,
    "leisure_visits_kept_on_close": 0.5,
    "unit_closure_one_off_cost_sek": 200_000,
    "tax_base_per_inhabitant_sek": 300_000,
    "tax_rate": 0.25,
    "grants_per_inhabitant_sek": 25_000,
    "other_costs_per_inhabitant_sek": 20_000,
    "discount_rate": 0.05,
    "investment_min_utilisation": 0.75,
}


def _unit(unit_id: str, name: str, service: str, area: str, lon: float, capacity: int, premises: int, fixed: int):
    return {
        "unit_id": unit_id,
        "name": name,
        "service": service,
        "area_id": area,
        "lat": 60.0,
        "lon": lon,
        "capacity": capacity,
        "grade_min": None,
        "grade_max": None,
        "floor_area_m2": 500,
        "premises_cost_sek": premises,
        "fixed_cost_sek": fixed,
    }


def municipality_spec_copy() -> dict[str, Any]:
    """TINY extended with preschools, care homes, leisure facilities and their usage."""
    spec = tiny_spec_copy()
    spec["municipality"]["parameters"].update(MUNICIPALITY_PARAMETERS)
    spec["population"] += [
        {"area_id": "A", "age": 1, "persons": 10},
        {"area_id": "A", "age": 3, "persons": 10},
        {"area_id": "A", "age": 70, "persons": 100},
        {"area_id": "A", "age": 85, "persons": 20},
        {"area_id": "B", "age": 2, "persons": 10},
        {"area_id": "B", "age": 4, "persons": 10},
        {"area_id": "B", "age": 79, "persons": 50},
        {"area_id": "C", "age": 5, "persons": 10},
        {"area_id": "C", "age": 95, "persons": 10},
    ]
    spec["demography"] = demography_rows(migration={age: 1.0 for age in range(65, 101)})
    spec["units"] += [
        _unit("F-B", "Förskolan Björken", "forskola", "B", 15.10, 20, 150_000, 50_000),
        _unit("F-C", "Förskolan Cé", "forskola", "C", 15.30, 10, 100_000, 50_000),
        _unit("AB-A", "Åbygården", "aldreboende", "A", 15.00, 20, 300_000, 200_000),
        _unit("AB-C", "Cégården", "aldreboende", "C", 15.30, 6, 200_000, 100_000),
        _unit("L-A", "Åby sporthall", "fritid_kultur", "A", 15.00, 20_000, 400_000, 100_000),
        _unit("L-B", "Björkängens träffpunkt", "fritid_kultur", "B", 15.10, 4_000, 200_000, 50_000),
        _unit("L-C", "Cé bibliotek", "fritid_kultur", "C", 15.30, 2_000, 100_000, 50_000),
    ]
    spec["facility_usage"] = [
        {"unit_id": "L-A", "bookable_hours": 1000, "booked_hours": 500, "visits": 10_000,
         "user_age_min": None, "user_age_max": None},
        {"unit_id": "L-B", "bookable_hours": 800, "booked_hours": 600, "visits": 3_000,
         "user_age_min": 65, "user_age_max": 79},
        {"unit_id": "L-C", "bookable_hours": 200, "booked_hours": 100, "visits": 1_000,
         "user_age_min": 90, "user_age_max": 100},
    ]  # fmt: skip
    spec["scenarios"].append(
        {"id": "inflytt", "name": "Inflyttning av äldre", "tfr": 1.5, "net_migration_per_1000": 20.0}
    )
    spec["alternatives"] += [
        {"id": "close-fb", "name": "Stäng Förskolan Björken 2026",
         "action": [{"year": 2026, "action": "close", "unit": "F-B"}]},
        {"id": "close-abc", "name": "Stäng Cégården 2026",
         "action": [{"year": 2026, "action": "close", "unit": "AB-C"}]},
        {"id": "close-lb", "name": "Stäng träffpunkten 2026",
         "action": [{"year": 2026, "action": "close", "unit": "L-B"}]},
        {"id": "merge-lc-lb", "name": "Biblioteket flyttar till träffpunkten 2026",
         "action": [{"year": 2026, "action": "merge", "unit": "L-C", "to": "L-B"}]},
        {"id": "convert-sb", "name": "Björkängens skola blir äldreboende 2026",
         "action": [{"year": 2026, "action": "convert", "unit": "S-B", "to": "AB-B", "service": "aldreboende",
                     "capacity": 10, "fixed_cost_sek": 100_000, "one_off_cost_sek": 2_000_000}]},
    ]  # fmt: skip
    return spec


def write_municipality(folder: Path, spec: dict[str, Any], **kwargs: Any) -> Path:
    """``write_dataset`` plus facility_usage.csv and investments.csv when the spec has them."""
    folder = write_dataset(folder, spec, **kwargs)
    for table in MUNICIPALITY_TABLES:
        rows = spec.get(table)
        if rows is not None:
            (folder / f"{table}.csv").write_text(csv_text(rows), encoding="utf-8")
    return folder


@pytest.fixture
def municipality_spec() -> dict[str, Any]:
    """A fresh, freely editable copy of the whole tiny municipality's dicts."""
    return municipality_spec_copy()


@pytest.fixture(scope="session")
def municipality_writer() -> Callable[..., Path]:
    """``municipality_writer(folder, spec)``: every table, facility_usage and investments too."""
    return write_municipality


@pytest.fixture
def municipality_path(tmp_path: Path, municipality_spec: dict[str, Any]) -> Path:
    return write_municipality(tmp_path / "kommun", municipality_spec)


@pytest.fixture
def municipality(municipality_path: Path) -> Dataset:
    return load_dataset(municipality_path)


# --- the Streamlit pages (AppTest; helpers in tests/pages_support.py) ----------------


@pytest.fixture(autouse=True)
def fresh_try_limits() -> None:
    """Every test starts with no tries at a code counted: the limits are per minute and per process."""
    roles = sys.modules.get("ui.roles")
    if roles is not None:
        roles._process_tries.clear()


@pytest.fixture
def admin_code(monkeypatch: pytest.MonkeyPatch) -> str:
    """The administrator's code for a test (tests/pages_support.py logs in with it)."""
    from pages_support import ADMIN_CODE

    monkeypatch.setenv("VAGVAL_ADMIN_CODE", ADMIN_CODE)
    return ADMIN_CODE


@pytest.fixture
def app_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A store file of the test's own.

    ui.data reads VAGVAL_STORE when it is first imported and keeps the Store in
    st.cache_resource, so the module is also pointed at the file and that cache is
    emptied before and after the test.
    """
    path = tmp_path / "vagval.duckdb"
    monkeypatch.setenv("VAGVAL_STORE", str(path))
    from ui import data

    monkeypatch.setattr(data, "STORE_PATH", path)
    data.store.clear()
    yield path
    data.store.clear()


# --- the store on both backends (tests/store_support.py) ------------------------------


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server's DSN: VAGVAL_TEST_POSTGRES, or a throwaway one from Debian's package."""
    from store_support import postgres_server

    yield from postgres_server()


@pytest.fixture(params=["duckdb", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where the test's own empty store lives: a DuckDB file, then a PostgreSQL schema."""
    from store_support import store_location

    yield from store_location(request.param, tmp_path, request)
