"""The column schema of every dataset table (DESIGN.md §4): one definition drives the
validator, the template workbook and the dataset documentation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypedDict

from engine.core.types import SERVICES

MAX_AGE = 100
LAT_RANGE = (55.0, 69.1)  # Sweden's extent in WGS84 degrees
LON_RANGE = (10.9, 24.2)


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "number", "integer"
    required: bool = True  # a value must be present in every row
    min_value: float | None = None
    max_value: float | None = None
    choices: tuple[str, ...] = ()
    hint: str = ""  # what the value means, for messages


def range_text(col: Column) -> str:
    if col.min_value is not None and col.max_value is not None:
        return f"mellan {col.min_value:g} och {col.max_value:g}"
    if col.min_value is not None:
        return f"minst {col.min_value:g}"
    return f"högst {col.max_value:g}"


class _Count(TypedDict):
    kind: str
    min_value: float


COUNT: _Count = {"kind": "number", "min_value": 0}
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
