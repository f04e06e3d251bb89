"""An alternative's actions replayed into the state of every school in every year.

Each action takes effect from the start of its year. A merge stays in force until
the unit is reopened; merges are kept in the order they were decided, so a chain
(A into B, later B into C) carries A's catchment on to C.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from engine.core.types import Alternative

SCHOOL_COLUMNS = [
    "unit_id", "name", "area_id", "lat", "lon", "capacity", "grade_min", "grade_max",
    "floor_area_m2", "premises_cost_sek", "fixed_cost_sek",
]  # fmt: skip


@dataclass(frozen=True)
class SchoolPlan:
    units: pd.DataFrame  # the dataset's schools, then schools the alternative builds
    calendar_years: np.ndarray  # [year]
    exists: np.ndarray  # bool [year, school]: built (or always there)
    open: np.ndarray  # bool [year, school]
    capacity: np.ndarray  # float [year, school]
    years_closed: np.ndarray  # int [year, school]: years since closure, −1 if open or never built
    merges: tuple[tuple[tuple[int, int], ...], ...]  # per year: active (from, to) in decision order
    closures: np.ndarray  # int [year]: closures and merges decided for that year, without a cost of their own
    stated_one_off_sek: np.ndarray  # float [year]: one-off costs stated on the actions

    def one_off_cost_sek(self, closure_cost_sek: float) -> np.ndarray:
        """One-off cost per year: stated costs, and ``closure_cost_sek`` for each other closure."""
        return self.stated_one_off_sek + self.closures * closure_cost_sek

    @cached_property
    def place_key(self) -> tuple:
        """Which units stand where: a key for memoising their distances."""
        return tuple(zip(self.units["unit_id"], self.units["lat"], self.units["lon"], strict=True))

    @cached_property
    def offers(self) -> np.ndarray:
        """bool [school, grade]: the school teaches the grade."""
        grades = np.arange(10)
        lo = self.units["grade_min"].to_numpy(float)[:, None]
        hi = self.units["grade_max"].to_numpy(float)[:, None]
        return (grades >= lo) & (grades <= hi)


def build_plan(
    schools: pd.DataFrame, alternative: Alternative, base_year: int, years: int, service: str = "grundskola"
) -> SchoolPlan:
    """Replay ``alternative`` over the units of one ``service`` for base_year..base_year+years.

    ``schools`` are the dataset's units of that service; units the alternative builds
    (or converts into) for the service are appended.
    """
    school_ids = set(schools["unit_id"])
    built = [
        {
            "unit_id": a.to if a.action == "convert" else a.unit,
            **{k: getattr(a.new_unit, k) for k in SCHOOL_COLUMNS[1:]},
        }
        for a in alternative.actions
        if a.action in ("build", "convert") and a.new_unit is not None and a.new_unit.service == service
    ]
    # Without built units, neither a concat nor a copy: they cost most of a plan, and the optimiser
    # (engine.measures.propose) builds hundreds.
    units = schools[SCHOOL_COLUMNS].reset_index(drop=True)
    if built:
        units = pd.concat([units, pd.DataFrame(built, columns=SCHOOL_COLUMNS)], ignore_index=True)
    money = [c for c in ("capacity", "premises_cost_sek", "fixed_cost_sek") if units[c].dtype != np.float64]
    if money:
        units = units.astype(dict.fromkeys(money, float))
    index = {u: i for i, u in enumerate(units["unit_id"])}
    n_years, n_schools = years + 1, len(units)
    calendar = np.arange(base_year, base_year + n_years)

    exists = np.array([u in school_ids for u in units["unit_id"]])
    is_open = exists.copy()
    capacity = units["capacity"].to_numpy(float).copy()
    closed_since = np.full(n_schools, -1)
    active_merges: list[tuple[int, int]] = []

    out_exists = np.zeros((n_years, n_schools), bool)
    out_open = np.zeros((n_years, n_schools), bool)
    out_capacity = np.zeros((n_years, n_schools))
    out_closed = np.full((n_years, n_schools), -1)
    out_merges: list[tuple[tuple[int, int], ...]] = []
    closures = np.zeros(n_years, dtype=np.int64)
    stated = np.zeros(n_years)

    actions = sorted((a for a in alternative.actions if a.unit in index or a.to in index), key=lambda a: a.year)
    for t, year in enumerate(calendar):
        for a in (a for a in actions if a.year == year):
            if a.action == "convert":
                # The source stops (its premises are reused, so nothing stands empty); the
                # new unit opens. Its one-off cost belongs to the new unit's service.
                if a.unit in index:
                    is_open[index[a.unit]] = False
                    closed_since[index[a.unit]] = -1
                    active_merges = [m for m in active_merges if m[0] != index[a.unit]]
                if a.to in index:
                    exists[index[a.to]] = is_open[index[a.to]] = True
                    stated[t] += a.one_off_cost_sek or 0.0
                continue
            if a.unit not in index:
                continue  # a merge into this service's unit from another service: not ours
            s = index[a.unit]
            if a.action in ("close", "merge"):
                is_open[s] = False
                closed_since[s] = year
                if a.action == "merge" and a.to in index:
                    active_merges.append((s, index[a.to]))
            elif a.action == "reopen":
                is_open[s] = True
                closed_since[s] = -1
                active_merges = [m for m in active_merges if m[0] != s]
            elif a.action == "build":
                exists[s] = is_open[s] = True
            else:  # set_capacity
                capacity[s] = float(a.capacity or 0.0)
            if a.one_off_cost_sek is not None:
                stated[t] += a.one_off_cost_sek
            elif a.action in ("close", "merge"):
                closures[t] += 1
        out_exists[t], out_open[t], out_capacity[t] = exists, is_open, capacity
        out_closed[t] = np.where(closed_since >= 0, year - closed_since, -1)
        out_merges.append(tuple(active_merges))
    return SchoolPlan(
        units=units,
        calendar_years=calendar,
        exists=out_exists,
        open=out_open,
        capacity=out_capacity,
        years_closed=out_closed,
        merges=tuple(out_merges),
        closures=closures,
        stated_one_off_sek=stated,
    )
