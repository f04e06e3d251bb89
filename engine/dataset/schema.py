"""The column schema of every dataset table (DESIGN.md §4): one definition drives the
validator, the template workbook and the dataset documentation (the column tables in
docs/dataset.md are generated from it by tools/make_docs.py)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TypedDict

from engine.core.types import SERVICES

MAX_AGE = 100
LAT_RANGE = (55.0, 69.1)  # Sweden's extent in WGS84 degrees
LON_RANGE = (10.9, 24.2)

# Text values: how long they may be (a longer one is refused, with a message naming the cell).
MAX_ID_CHARS = 64  # ids travel in links and command lines
MAX_NAME_CHARS = 200  # names are shown in charts, legends and on the map
MAX_TEXT_CHARS = 2000  # descriptions and exit strategies: a paragraph


@dataclass(frozen=True)
class Limit:
    """What one dataset may ask of the engine and the pages (docs/dataset.md, "Limits")."""

    value: int
    what: str  # what is counted, in the docs' words
    why: str  # why the limit lies where it does
    noun: str  # the Swedish word for what is counted, in messages


# The pages must answer within DESIGN.md §7's budgets (one scenario × one alternative < 1 s for
# a city of a million: benchmarks/engine_speed.py's 600 areas and 150 schools). Measured on the
# 2-core reference machine: 1 000 areas × 400 schools ≈ 0.8 s per evaluation (even at load 7),
# 2 000 × 400 ≈ 3 s.
LIMITS: dict[str, Limit] = {
    "areas": Limit(
        1000,
        "planning areas (rows of `areas.csv`)",
        "travel and assignment grow with areas × units; 1 000 areas × 400 schools still take ≈ 0.8 s per evaluation, 2 000 × 400 ≈ 3 s",
        "områden",
    ),
    "units": Limit(
        400,
        "service units of all services (rows of `units.csv`)",
        "as for areas; covers every school, preschool, care home and facility of a municipality of ≈ 250 000",
        "enheter",
    ),
    "scenarios": Limit(
        10,
        "scenarios in `scenarios.toml`",
        "pages draw and compute every scenario side by side; the method uses 3",
        "scenarier",
    ),
    "alternatives": Limit(
        50,
        "alternatives in `alternatives.toml`, keep-all included",
        "Jämför and the memo compare up to 3 at a time; more than 50 cannot be chosen between in a meeting",
        "alternativ",
    ),
    "actions": Limit(
        200, "actions in one alternative", "one action per unit and year is far more than any real plan", "åtgärder"
    ),
    "investments": Limit(
        50,
        "planned investments (rows of `investments.csv`)",
        "each is evaluated against every scenario on Investeringar",
        "investeringar",
    ),
    "file_mb": Limit(
        50,
        "megabytes in one file of the folder",
        "the largest table allowed (distances for 1 000 areas × 400 units) is ≈ 15 MB",
        "MB",
    ),
    "toml_mb": Limit(
        5,
        "megabytes in one TOML file",
        "50 alternatives of 200 actions each, with their descriptions, are ≈ 1 MB; a larger file is read whole first",
        "MB",
    ),
    "geojson_mb": Limit(
        10,
        "megabytes in `areas.geojson`",
        "the shapes are read whole and drawn in the browser; 1 000 areas simplified to ≈ 100 corners each are ≈ 3 MB",
        "MB",
    ),
    "shape_points": Limit(
        100_000,
        "corners of all polygons in `areas.geojson`",
        "every corner is sent to the browser and redrawn on each change of the map",
        "hörn",
    ),
}
MAX_ACTION_YEARS = 100  # an action or investment at most this many years after the base year
MAX_AREAS = LIMITS["areas"].value
MAX_UNITS = LIMITS["units"].value
MAX_FILE_BYTES = LIMITS["file_mb"].value * 1024 * 1024
MAX_TOML_BYTES = LIMITS["toml_mb"].value * 1024 * 1024
MAX_GEOJSON_BYTES = LIMITS["geojson_mb"].value * 1024 * 1024
# Rows a table may have: what the limits above allow (a duplicate beyond them is an error anyway).
MAX_ROWS: dict[str, tuple[int, str]] = {
    "areas.csv": (MAX_AREAS, LIMITS["areas"].noun),
    "population.csv": (MAX_AREAS * (MAX_AGE + 1), "rader (områden × åldrar)"),
    "demography.csv": (10 * (MAX_AGE + 1), "rader"),
    "units.csv": (MAX_UNITS, LIMITS["units"].noun),
    "enrollment.csv": (MAX_UNITS * 10, "rader (skolor × årskurser)"),
    "distances.csv": (MAX_AREAS * MAX_UNITS, "rader (områden × enheter)"),
    "facility_usage.csv": (MAX_UNITS, "rader"),
    "investments.csv": (LIMITS["investments"].value, LIMITS["investments"].noun),
}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # "text", "number", "integer"
    required: bool = True  # a value must be present in every row
    min_value: float | None = None
    max_value: float | None = None
    choices: tuple[str, ...] = ()
    hint: str = ""  # what the value means, for messages
    # For the dataset documentation: docs/dataset.md's column tables are generated from these
    # (tools/make_docs.py), so the validator and the docs read one definition.
    unit: str = "—"
    term: str = ""  # the Swedish word, shown after the column's name
    needed: str = ""  # when a value is needed, if not simply "yes" (required) or "optional"
    doc: str = ""  # what the value means, after its range or choices
    example: str = ""
    max_length: int = MAX_NAME_CHARS  # text columns: the longest value allowed


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
# Plausible magnitudes: far above any Swedish municipality, far below what breaks the arithmetic
# (1e300 persons, or a capacity that overflows a sum, is refused rather than computed with).
MAX_PERSONS = 100_000  # in one area at one age (Stockholm's largest one-year cohort ≈ 15 000)
MAX_WEIGHT = 1_000_000  # a relative weight
MAX_CAPACITY = 10_000_000  # places, or visits per year for a leisure facility
MAX_FLOOR_M2 = 1_000_000
MAX_SEK_PER_YEAR = 10_000_000_000  # 10 000 mnkr a year for one unit
MAX_AMOUNT_SEK = 100_000_000_000  # one investment
MAX_PUPILS = 10_000  # in one school and grade
MAX_KM = 2_000  # Sweden is 1 600 km long
MAX_MINUTES = 3_000
MAX_HOURS = 1_000_000  # bookable hours a year, all rooms together
MAX_VISITS = 10_000_000


def _coordinate(name: str, bounds: tuple[float, float], word: str) -> Column:
    """A coordinate column (WGS84 degrees) whose value must lie inside Sweden."""
    lo, hi = bounds
    return Column(
        name, "number", min_value=lo, max_value=hi, hint=f"{word} i Sverige", unit="degrees WGS84", doc="inside Sweden"
    )


def _grade(name: str, *, needed: str, doc: str, example: str) -> Column:
    """A school's lowest or highest grade (0 = förskoleklass … 9), left empty for other services."""
    return Column(
        name, "integer", required=False, min_value=0, max_value=9, unit="grade", needed=needed, doc=doc, example=example
    )


LAT = _coordinate("lat", LAT_RANGE, "latitud")
LON = _coordinate("lon", LON_RANGE, "longitud")
SCHOOLS_ONLY = "schools: yes; others: leave empty"
SCHOOLS_REQUIRED = "schools: yes; others: optional"

TABLES: dict[str, tuple[Column, ...]] = {
    "areas.csv": (
        Column("area_id", "text", doc="unique", example="`A01`, `2099C1010`"),
        Column("name", "text", doc="shown in charts and on the map", example="`Norra Åsen`"),
        replace(LAT, example="`60.96259`"),
        replace(LON, example="`15.40741`"),
    ),
    "population.csv": (
        Column("area_id", "text", doc="an `area_id` in `areas.csv`", example="`A01`"),
        Column(
            "age",
            "integer",
            min_value=0,
            max_value=MAX_AGE,
            unit="years",
            doc="**100 means 100 and older**",
            example="`7`",
        ),
        Column(
            "persons",
            **COUNT,
            max_value=MAX_PERSONS,
            unit="persons",
            doc="decimals allowed, e.g. from an estimate",
            example="`19`",
        ),
    ),
    "demography.csv": (
        Column("age", "integer", min_value=0, max_value=MAX_AGE, unit="years", doc="each exactly once", example="`30`"),
        Column(
            "fertility_share",
            "number",
            min_value=0,
            max_value=1,
            term="fruktsamhetsfördelning",
            unit="share",
            doc="the share of a woman's lifetime births that happen at this age. Non-zero only at fertile ages "
            "(normally 15–49). **The column must sum to 1** (0.98–1.02 is accepted and rescaled).",
            example="`0.079355`",
        ),
        Column(
            "mortality",
            "number",
            min_value=0,
            max_value=1,
            term="dödsrisk",
            unit="probability per year",
            doc="the probability that a person of this age dies within the year (SCB life table *q(x)*)",
            example="`0.010300` at age 67",
        ),
        Column(
            "migration_profile",
            **COUNT,
            max_value=MAX_WEIGHT,
            term="flyttprofil",
            unit="relative weight",
            doc="how a scenario's net migration is spread over ages. Only the relative size matters.",
            example="`0.88` at age 20",
        ),
    ),
    "units.csv": (
        Column("unit_id", "text", doc="unique", example="`S-NORRBY`"),
        Column("name", "text", doc="shown in charts and on the map", example="`Norrby skola`"),
        Column("service", "text", choices=SERVICES, example="`grundskola`"),
        Column("area_id", "text", doc="the area the unit lies in (an `area_id` in `areas.csv`)", example="`B01`"),
        replace(LAT, example="`61.10108`"),
        replace(LON, example="`15.44260`"),
        Column("capacity", **COUNT, max_value=MAX_CAPACITY, term="kapacitet", unit="see below", example="`140`"),
        _grade("grade_min", needed=SCHOOLS_ONLY, doc="0 = förskoleklass", example="`0`"),
        _grade("grade_max", needed=SCHOOLS_ONLY, doc="≥ `grade_min`", example="`6`"),
        Column(
            "floor_area_m2",
            required=False,
            **COUNT,
            max_value=MAX_FLOOR_M2,
            term="lokalyta",
            unit="m²",
            needed="optional (empty = 0)",
            doc="gross floor area (BRA)",
            example="`2100`",
        ),
        Column(
            "premises_cost_sek",
            required=False,
            **COUNT,
            max_value=MAX_SEK_PER_YEAR,
            term="lokalkostnad",
            unit="SEK per year",
            needed=SCHOOLS_REQUIRED,
            doc="rent or internal rent including running costs",
            example="`2940000`",
        ),
        Column(
            "fixed_cost_sek",
            required=False,
            **COUNT,
            max_value=MAX_SEK_PER_YEAR,
            term="fasta kostnader",
            unit="SEK per year",
            needed=SCHOOLS_REQUIRED,
            doc="costs that do not depend on the number of users: head teacher / manager, administration, kitchen, "
            "caretaker",
            example="`1100000`",
        ),
    ),
    "enrollment.csv": (
        Column("unit_id", "text", doc="a unit with `service = grundskola`", example="`S-NORRBY`"),
        Column(
            "grade",
            "integer",
            min_value=0,
            max_value=9,
            unit="grade",
            doc="within the school's `grade_min`–`grade_max`",
            example="`3`",
        ),
        Column("pupils", **COUNT, max_value=MAX_PUPILS, unit="pupils", example="`13`"),
    ),
    "distances.csv": (
        Column("area_id", "text", doc="an `area_id` in `areas.csv`", example="`B02`"),
        Column("unit_id", "text", doc="a `unit_id` in `units.csv`", example="`S-NORRBY`"),
        Column(
            "km",
            **COUNT,
            max_value=MAX_KM,
            unit="km",
            doc="road distance from the area's point to the unit",
            example="`11.4`",
        ),
        Column(
            "minutes",
            required=False,
            **COUNT,
            max_value=MAX_MINUTES,
            unit="minutes",
            doc="travel time by car or school bus",
            example="`14`",
        ),
    ),
}
TABLES["facility_usage.csv"] = (
    Column("unit_id", "text", doc="a unit with `service = fritid_kultur`; each at most once", example="`FK-HALLEN`"),
    Column(
        "bookable_hours",
        **COUNT,
        max_value=MAX_HOURS,
        term="bokningsbara timmar",
        unit="hours per year",
        doc="the hours the facility can be booked with its current opening hours (all bookable rooms together)",
        example="`3900`",
    ),
    Column(
        "booked_hours",
        **COUNT,
        max_value=MAX_HOURS,
        term="bokade timmar",
        unit="hours per year",
        doc="at most `bookable_hours`",
        example="`3250`",
    ),
    Column(
        "visits",
        **COUNT,
        max_value=MAX_VISITS,
        term="besök",
        unit="visits per year",
        doc="visitor counts, or participants × sessions for a sports hall",
        example="`51000`",
    ),
    Column(
        "user_age_min",
        "integer",
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        unit="years",
        needed="optional (empty = 0)",
        doc="the youngest users",
        example="`6`",
    ),
    Column(
        "user_age_max",
        "integer",
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        unit="years",
        needed="optional (empty = 100)",
        doc="≥ `user_age_min`; the oldest users",
        example="`45`",
    ),
)
INVESTMENT_KINDS = ("new", "extension", "renovation")
NEW_ONLY = "`new`: yes"
TABLES["investments.csv"] = (
    Column("id", "text", doc="unique", example="`INV-1`"),
    Column(
        "name",
        "text",
        doc="shown to users; say what and how big",
        example="`Tillbyggnad Vålbergaskolan (+110 platser)`",
    ),
    Column(
        "unit",
        "text",
        doc="`new`: a **new** unit id, not in `units.csv`; `extension` and `renovation`: an existing `unit_id`",
        example="`S-CENTRAL`",
    ),
    Column(
        "year",
        "integer",
        min_value=1990,
        max_value=2200,
        unit="year",
        doc="from `base_year`; the year it is ready for use",
        example="`2027`",
    ),
    Column(
        "amount",
        **COUNT,
        max_value=MAX_AMOUNT_SEK,
        term="belopp",
        unit="SEK",
        doc="the investment expenditure (utgift), at base-year prices",
        example="`46000000`",
    ),
    Column(
        "kind",
        "text",
        choices=INVESTMENT_KINDS,
        doc="`new` = a new unit, `extension` = tillbyggnad: more capacity, `renovation` = the unit stays as it is",
        example="`extension`",
    ),
    Column(
        "lifetime_years",
        "integer",
        min_value=1,
        max_value=100,
        term="avskrivningstid",
        unit="years",
        example="`40`",
    ),
    Column(
        "exit_strategy",
        "text",
        required=False,
        term="exitstrategi",
        needed="optional, **but an empty one is flagged**",
        doc="what happens to the building if the need falls: other use, sale, letting",
        example="`Flygeln kan hyras ut till vuxenutbildningen.`",
    ),
    # For a new unit (kind = new) and for an extension's capacity after the investment:
    Column(
        "service",
        "text",
        required=False,
        choices=SERVICES,
        needed="`new`: yes; others: leave empty (taken from the unit)",
        example="`aldreboende`",
    ),
    Column(
        "capacity",
        required=False,
        **COUNT,
        max_value=MAX_CAPACITY,
        unit="as in `units.csv`",
        needed="`new`: yes; `extension`: the unit's capacity **after** the extension",
        example="`760`",
    ),
    Column("area_id", "text", required=False, needed=NEW_ONLY, doc="an `area_id` in `areas.csv`", example="`A02`"),
    replace(LAT, required=False, needed=NEW_ONLY, example="`60.96529`"),
    replace(LON, required=False, needed=NEW_ONLY, example="`15.40093`"),
    Column(
        "premises_cost_sek",
        required=False,
        **COUNT,
        max_value=MAX_SEK_PER_YEAR,
        unit="SEK per year",
        needed="optional (new units)",
        doc="the new unit's rent or internal rent, capital costs included",
        example="`6700000`",
    ),
    Column(
        "fixed_cost_sek",
        required=False,
        **COUNT,
        max_value=MAX_SEK_PER_YEAR,
        unit="SEK per year",
        needed="optional (new units)",
        doc="as in `units.csv`",
        example="`2400000`",
    ),
    _grade("grade_min", needed="`new` school: yes; others: leave empty", doc="as in `units.csv`", example="`7`"),
    _grade("grade_max", needed="`new` school: yes; others: leave empty", doc="as in `units.csv`", example="`9`"),
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
# Ids are short (they travel in links and messages); free text is a paragraph at most.
ID_COLUMNS = ("area_id", "unit_id", "id", "unit")
LONG_TEXT_COLUMNS = ("exit_strategy",)
TABLES = {
    fname: tuple(
        replace(c, max_length=MAX_ID_CHARS)
        if c.name in ID_COLUMNS
        else replace(c, max_length=MAX_TEXT_CHARS)
        if c.name in LONG_TEXT_COLUMNS
        else c
        for c in columns
    )
    for fname, columns in TABLES.items()
}
