"""Reading and validating a dataset folder (DESIGN.md §4).

Files are read as Swedish spreadsheets export them: comma or semicolon separated,
decimal comma or point, UTF-8 with or without BOM, or Windows-1252. Every problem is
collected as ``file:row:column: message`` (row = the line number a spreadsheet
shows, header = 1) and :func:`load_folder` raises :class:`DatasetError` with all of
them, so nothing is half-loaded. Cross-table checks (unknown and duplicate ids) run
in DuckDB (engine.dataset.references).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from engine.core.problems import DatasetError, Problem
from engine.core.types import SERVICES
from engine.dataset.alternatives import read_alternatives
from engine.dataset.csv_tables import read_table
from engine.dataset.geojson import FILE as SHAPES_FILE
from engine.dataset.geojson import read_shapes
from engine.dataset.references import check_references
from engine.dataset.schema import (
    MAX_AGE,
    OPTIONAL_FILES,
    TABLES,
)
from engine.dataset.text import suggest
from engine.dataset.toml_files import read_calibration, read_municipality, read_scenarios
from engine.dataset.value import Dataset


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


def load_folder(folder: str | Path) -> Dataset:
    """Read, validate and type a dataset folder; raise DatasetError with every problem."""
    folder = Path(folder)
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
    municipality = read_municipality(folder, problems) if _require(folder, "municipality.toml", problems) else None
    base_year = municipality[2] if municipality else None
    calibration = read_calibration(folder, municipality[3], problems) if municipality else {}
    scenarios = read_scenarios(folder, problems) if _require(folder, "scenarios.toml", problems) else {}
    units = frames["units.csv"]
    alternatives = (
        read_alternatives(folder, units, base_year, problems) if _require(folder, "alternatives.toml", problems) else {}
    )

    _check_units(units, problems)
    _check_demography(frames["demography.csv"], problems)
    problems.extend(check_references(_without_bad_units(frames)))
    _check_enrollment(frames["enrollment.csv"], units, problems)
    _check_facility_usage(frames["facility_usage.csv"], units, problems)
    _check_investments(frames["investments.csv"], units, base_year, problems)
    areas = frames["areas.csv"]
    shapes = (
        read_shapes(folder / SHAPES_FILE, areas["area_id"].dropna().astype(str), problems)
        if (folder / SHAPES_FILE).is_file() and areas is not None
        else None
    )

    if problems or municipality is None:
        raise DatasetError(_bounded(problems))

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
        calibration=calibration,
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
        area_shapes=shapes,
    )


MAX_PROBLEMS_PER_FILE = 100  # a file wrong in every row says so in 101 lines, not 100 000


def _bounded(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PROBLEMS_PER_FILE problems per file, then one saying how many more there are."""
    kept: list[Problem] = []
    extra: dict[str, int] = {}
    count: dict[str, int] = {}
    for problem in problems:
        count[problem.file] = count.get(problem.file, 0) + 1
        if count[problem.file] <= MAX_PROBLEMS_PER_FILE:
            kept.append(problem)
        else:
            extra[problem.file] = extra.get(problem.file, 0) + 1
    for fname, more in extra.items():
        kept.append(Problem(fname, None, None, f"… och {more} fel till i filen; rätta de första och kontrollera igen"))
    return kept


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
        frame = cleaned.get(fname)
        if frame is not None:
            cleaned[fname] = frame[~frame["unit_id"].isin(bad)]
    cleaned["units.csv"] = units[units["service"].isin(SERVICES)]
    return cleaned


def _check_units(units: pd.DataFrame | None, problems: list[Problem]) -> None:
    if units is None:
        return
    reported = {(p.row, p.column) for p in problems if p.file == "units.csv"}
    school = units["service"] == "grundskola"
    for col in ("grade_min", "grade_max", "premises_cost_sek", "fixed_cost_sek"):

        def missing(u: pd.DataFrame, col: str = col) -> pd.Series:
            return school & u[col].isna() & ~u["_row"].map(lambda r: (r, col) in reported)

        def needed(r: pd.Series, col: str = col) -> str:
            return f"värde saknas; en grundskola behöver {col}"

        _check_rows(units, "units.csv", col, missing, needed, problems)
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

        def given(u: pd.DataFrame, col: str = col) -> pd.Series:
            return known_service & ~school & u[col].notna()

        _check_rows(
            units,
            "units.csv",
            col,
            given,
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
                    f"'{unit}' är ingen fritids- eller kulturlokal i units.csv{suggest(unit, facilities)}",
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
            problems.append(Problem(fname, line, "unit", f"okänd enhet '{row['unit']}'{suggest(row['unit'], known)}"))


def _check_enrollment(enrollment: pd.DataFrame | None, units: pd.DataFrame | None, problems: list[Problem]) -> None:
    if enrollment is None or units is None:
        return
    schools = units[units["service"] == "grundskola"].drop_duplicates("unit_id").set_index("unit_id")  # dupes: reported
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
