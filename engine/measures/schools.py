"""School capacity: places, empty places and unused premises per school and year."""

from __future__ import annotations

import numpy as np
import pandas as pd

CAPACITY_KEYS = (
    "year", "unit_id", "name", "open", "pupils", "capacity", "utilisation", "empty_places", "over_capacity",
    "floor_area_m2", "unused_share", "unused_floor_m2", "premises_cost_sek", "unused_premises_cost_sek",
    "cost_sek", "cost_per_pupil_sek", "teachers_fte", "classes", "fragile_team",
)  # fmt: skip
CAPACITY_YEAR_KEYS = (
    "year", "schools_open", "capacity", "pupils", "utilisation", "empty_places", "over_capacity",
    "floor_area_m2", "unused_floor_m2", "unused_premises_cost_sek",
)  # fmt: skip


def school_capacity(units: pd.DataFrame, schools: pd.DataFrame) -> pd.DataFrame:
    """Places and premises per school and year (columns :data:`CAPACITY_KEYS`).

    ``units`` is a result's per-school table (``Result.units``), ``schools`` the
    schools' descriptions (``Result.schools``: floor_area_m2, premises_cost_sek).
    For an open school with capacity C > 0 and pupils n::

        utilisation       = n / C                      (above 1 = overcrowded)
        empty_places      = max(C − n, 0)
        over_capacity     = max(n − C, 0)
        unused_share      = max(0, 1 − n / C)
        unused_floor_m2   = floor_area_m2 × unused_share
        unused_premises   = premises_cost_sek × unused_share   (kr a year)

    An open school with no places (C = 0) counts as wholly unused if it has no
    pupils. A closed school has no places; while its premises still cost (vacated
    premises) its whole floor area is unused and the unused premises cost is what it
    still costs; afterwards both are 0.
    """
    described = schools[["unit_id", "floor_area_m2", "premises_cost_sek"]].astype(
        {"floor_area_m2": float, "premises_cost_sek": float}
    )
    table = units.merge(described, on="unit_id", how="left")
    is_open = table["open"].to_numpy(bool)
    pupils = table["pupils"].to_numpy(float)
    capacity = np.where(is_open, table["capacity"].to_numpy(float), 0.0)
    floor = np.nan_to_num(table["floor_area_m2"].to_numpy(float))
    premises = np.nan_to_num(table["premises_cost_sek"].to_numpy(float))
    vacated_cost = table["vacated_premises_cost_sek"].to_numpy(float)

    has_places = capacity > 0
    ratio = np.divide(pupils, capacity, out=np.zeros_like(pupils), where=has_places)
    open_share = np.where(has_places, np.clip(1.0 - ratio, 0.0, 1.0), np.where(pupils > 0, 0.0, 1.0))
    unused_share = np.where(is_open, open_share, np.where(vacated_cost > 0, 1.0, 0.0))
    table["pupils"] = pupils
    table["capacity"] = capacity
    table["utilisation"] = np.where(is_open & has_places, ratio, np.nan)
    table["empty_places"] = np.where(is_open, np.maximum(capacity - pupils, 0.0), 0.0)
    table["over_capacity"] = np.where(is_open, np.maximum(pupils - capacity, 0.0), 0.0)
    table["floor_area_m2"] = floor
    table["premises_cost_sek"] = premises
    table["unused_share"] = unused_share
    table["unused_floor_m2"] = floor * unused_share
    table["unused_premises_cost_sek"] = np.where(is_open, premises * unused_share, vacated_cost)
    table["fragile_team"] = table["fragile_team"].astype(bool)
    return table[list(CAPACITY_KEYS)]


def capacity_by_year(table: pd.DataFrame) -> pd.DataFrame:
    """The municipality's schools summed per year (columns :data:`CAPACITY_YEAR_KEYS`).

    capacity, pupils, empty places, places over capacity and floor area count open
    schools; utilisation = Σ pupils / Σ capacity over open schools; unused floor area
    and unused premises cost include closed schools' vacated premises.
    ``table`` is the output of :func:`school_capacity`.
    """
    open_rows = table[table["open"]]
    sums = open_rows.groupby("year").agg(
        schools_open=("unit_id", "size"),
        capacity=("capacity", "sum"),
        pupils=("pupils", "sum"),
        empty_places=("empty_places", "sum"),
        over_capacity=("over_capacity", "sum"),
        floor_area_m2=("floor_area_m2", "sum"),
    )
    unused = table.groupby("year")[["unused_floor_m2", "unused_premises_cost_sek"]].sum()
    years = pd.Index(sorted(table["year"].unique()), name="year")
    out = sums.reindex(years, fill_value=0).join(unused.reindex(years, fill_value=0.0))
    capacity = out["capacity"].to_numpy(float)
    out["utilisation"] = np.divide(
        out["pupils"].to_numpy(float), capacity, out=np.full(len(out), np.nan), where=capacity > 0
    )
    return out.reset_index()[list(CAPACITY_YEAR_KEYS)]


def lowest_utilisation(table: pd.DataFrame, year: int) -> pd.Series | None:
    """The open school with the lowest utilisation in ``year`` (a row of ``table``); None if none."""
    rows = table[(table["year"] == year) & table["open"] & table["utilisation"].notna()]
    if rows.empty:
        return None
    return rows.loc[rows["utilisation"].idxmin()]
