"""Evaluate one scenario × one alternative: the engine's main entry.

``evaluate(dataset, scenario="bas", alternative="merge-a-b", overrides={...})``
projects the population, turns children aged 6–15 into pupils of grades 0–9
(grade = age − 6, times the share attending the municipality's schools from
``enrollment.csv``), assigns them to schools year by year, forms classes, counts
teachers, costs and quality indicators; then evaluates the other services
(engine.model.services) and the municipality's economy (engine.model.economy), and returns a
:class:`Result` whose tables have the CLI's keys.

Derived arrays that do not depend on the alternative (the projection, the
distance matrix, the keep-all assignment used for "pupils who change school") are
memoised on the dataset, and so is each alternative's :class:`Placement` (assignment
and travel), which depends only on the detour factor and the transport thresholds
among the parameters. A slider that moves a class, teacher, cost or premises
parameter therefore costs class formation, teachers, costs and the yearly table; the
unit, service and economy tables are built when first read.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from engine.core.parameters import Parameters, resolve
from engine.core.types import DEFAULT_YEARS, MAX_YEARS, Alternative, Scenario
from engine.dataset.value import Dataset
from engine.model import services
from engine.model.assignment import Flows
from engine.model.classes import form_classes, teachers_fte
from engine.model.costs import SchoolCosts, school_costs
from engine.model.economy import economy
from engine.model.placement import GRADES, MergeOverflow, Placement, placement
from engine.model.plan import SchoolPlan

# Ratios over less than this (a billionth of a pupil, a place, a visit) are undefined, not huge.
TINY = 1e-9
# Half a pupil: less is a trace of fractional projections, not a pupil anyone would name.
MIN_PUPILS_SHOWN = 0.5

YEAR_KEYS = (
    "year", "population", "pupils", "schools_open", "cost_sek", "cost_per_pupil_sek",
    "mean_class_size", "combined_grade_share", "mean_distance_km", "max_distance_km",
    "pupils_over_threshold", "pupils_changing_school", "overcrowded_pupils", "one_off_cost_sek",
)  # fmt: skip
UNIT_KEYS = ("year", "unit_id", "open", "pupils", "classes", "teachers_fte", "cost_sek", "utilisation")
SERVICE_KEYS = ("service", "year", "demand", "capacity", "utilisation", "cost_sek")


class EvaluationError(ValueError):
    """A scenario, alternative or horizon the dataset does not have."""


@dataclass(frozen=True, eq=False)
class Result:
    """The outcome of one scenario × alternative; tables are tidy DataFrames."""

    scenario: Scenario
    alternative: Alternative
    parameters: Parameters
    base_year: int
    years: pd.DataFrame  # one row per year: YEAR_KEYS plus extras
    population: np.ndarray  # persons [year, area, age]
    _flows: tuple[Flows, ...]
    _plan: SchoolPlan
    _area_ids: tuple[str, ...]
    _km: np.ndarray
    # The other tables are built on first use: a slider on Jämför needs only ``years``,
    # and building the rest cost half of each evaluation (DESIGN.md §7).
    _unit_table: Callable[[], pd.DataFrame]
    _municipality: Callable[[], tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]
    _merge_overflow: MergeOverflow | None = None

    @cached_property
    def units(self) -> pd.DataFrame:
        """One row per school and year: UNIT_KEYS plus extras."""
        return self._unit_table()

    @cached_property
    def _municipality_tables(self) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
        return self._municipality()

    @property
    def services(self) -> pd.DataFrame:
        """One row per service and year: SERVICE_KEYS plus extras."""
        return self._municipality_tables[0]

    @property
    def service_units(self) -> pd.DataFrame:
        """One row per non-school unit and year."""
        return self._municipality_tables[1]

    @property
    def economy(self) -> pd.DataFrame:
        """One row per year: ECONOMY_KEYS plus the cost of each service."""
        return self._municipality_tables[2]

    @property
    def schools(self) -> pd.DataFrame:
        """The schools this alternative has (the dataset's, then any it builds)."""
        return self._plan.units

    @cached_property
    def flows(self) -> pd.DataFrame:
        """Where pupils go: year, area_id, grade, unit_id, pupils, km."""
        frames = []
        unit_ids = self._plan.units["unit_id"].to_numpy()
        area_ids = np.asarray(self._area_ids)
        for year, f in zip(self._plan.calendar_years, self._flows, strict=True):
            frames.append(
                pd.DataFrame(
                    {
                        "year": year,
                        "area_id": area_ids[f.area],
                        "grade": f.grade,
                        "unit_id": unit_ids[f.school],
                        "pupils": f.pupils,
                        "km": self._km[f.area, f.school],
                    }
                )
            )
        return pd.concat(frames, ignore_index=True)

    def pupils_between(self, year: int) -> tuple[np.ndarray, np.ndarray]:
        """Pupils [area, school] in ``year`` summed over grades, and the road distance [area, school] (km).

        Areas in the dataset's order, schools in :attr:`schools`' order; zeros for a year outside
        the horizon. From the placement's own arrays rather than :attr:`flows`, whose text columns
        cost more to filter by year than the sum itself (the map's slider, DESIGN.md §7).
        """
        n_areas, n_schools = self._km.shape
        at = np.flatnonzero(self._plan.calendar_years == year)
        if not len(at):
            return np.zeros((n_areas, n_schools)), self._km
        f = self._flows[int(at[0])]
        pupils = np.bincount(f.area * n_schools + f.school, weights=f.pupils, minlength=n_areas * n_schools)
        return pupils.reshape(n_areas, n_schools), self._km

    @cached_property
    def merge_overflow(self) -> pd.DataFrame:
        """Pupils a merge's receiving school could not hold, and where they went instead.

        One row per year, receiving school (``unit_id``, ``name``: the merge's target, open
        that year) and school attended instead (``to_unit_id``, ``to_name``): ``pupils``. The
        receiving school is the first choice of the merged school's catchment and of its own
        (engine.model.placement.MergeOverflow).
        """
        m = self._merge_overflow
        columns = ["year", "unit_id", "name", "to_unit_id", "to_name", "pupils"]
        if m is None or not len(m.pupils):
            return pd.DataFrame({c: pd.Series(dtype=float if c == "pupils" else object) for c in columns})
        ids, names = self._plan.units["unit_id"].to_numpy(), self._plan.units["name"].to_numpy()
        frame = pd.DataFrame(
            {
                "year": self._plan.calendar_years[m.year],
                "unit_id": ids[m.receiving],
                "name": names[m.receiving],
                "to_unit_id": ids[m.school],
                "to_name": names[m.school],
                "pupils": m.pupils,
            }
        )
        return frame.sort_values(["year", "unit_id", "pupils"], ascending=[True, True, False], ignore_index=True)

    @cached_property
    def merge_targets(self) -> pd.DataFrame:
        """Every merge's receiving school, every year it receives: whether it holds the merged pupils.

        One row per year and open receiving school: ``unit_id``, ``name``, ``merged_from``
        (the unit ids merged into it), ``capacity``, ``pupils`` (at it), ``pupils_elsewhere``
        (its first-choice pupils placed at other schools, :attr:`merge_overflow`) and ``full``:
        at least half a pupil had to go elsewhere, or it holds more than its capacity.
        """
        plan = self._plan
        ids, names = plan.units["unit_id"].to_numpy(), plan.units["name"].to_numpy()
        # Summed from the placement's arrays, not merge_overflow's frame: this runs on every slider move.
        elsewhere: dict[tuple[int, int], float] = {}
        m = self._merge_overflow
        if m is not None:
            for t, target, pupils in zip(m.year.tolist(), m.receiving.tolist(), m.pupils.tolist(), strict=True):
                elsewhere[(t, target)] = elsewhere.get((t, target), 0.0) + pupils
        rows = []
        for t, year in enumerate(plan.calendar_years):
            sources: dict[int, list[str]] = {}
            for source, target in plan.merges[t]:
                if plan.open[t, target]:
                    sources.setdefault(target, []).append(str(ids[source]))
            if not sources:
                continue
            f = self._flows[t]
            load = np.bincount(f.school, weights=f.pupils, minlength=len(ids))
            for target, merged in sources.items():
                away = elsewhere.get((t, target), 0.0)
                capacity = float(plan.capacity[t, target])
                rows.append(
                    {
                        "year": int(year),
                        "unit_id": ids[target],
                        "name": names[target],
                        "merged_from": merged,
                        "capacity": capacity,
                        "pupils": float(load[target]),
                        "pupils_elsewhere": away,
                        "full": bool(away >= MIN_PUPILS_SHOWN or load[target] - capacity >= MIN_PUPILS_SHOWN),
                    }
                )
        columns = ["year", "unit_id", "name", "merged_from", "capacity", "pupils", "pupils_elsewhere", "full"]
        return pd.DataFrame(rows, columns=columns)

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object (a contract: keys are only ever added)."""
        return {
            "scenario": self.scenario.id,
            "alternative": self.alternative.id,
            "base_year": self.base_year,
            "years": _records(self.years),
            "units": _records(self.units),
            "services": _records(self.services[list(SERVICE_KEYS)]),
            "economy": _records(self.economy),
            # extensions
            "merge_targets": _records(self.merge_targets),
            "merge_overflow": _records(self.merge_overflow),
        }


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    def clean(value: Any) -> Any:
        if isinstance(value, np.generic):
            value = value.item()
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return value

    return [{k: clean(v) for k, v in row.items()} for row in frame.to_dict(orient="records")]


_T = TypeVar("_T")


def _lookup(kind: str, value: str | _T, known: dict[str, _T]) -> _T:
    if not isinstance(value, str):
        return value
    if value not in known:
        raise EvaluationError(f"okänt {kind} '{value}'; finns: {', '.join(known)}")
    return known[value]


def evaluate(
    dataset: Dataset,
    scenario: str | Scenario,
    alternative: str | Alternative,
    overrides: dict[str, Any] | None = None,
    *,
    years: int = DEFAULT_YEARS,
) -> Result:
    """Evaluate the schools for base_year..base_year+years under one scenario and alternative."""
    scenario = _lookup("scenario", scenario, dataset.scenarios)
    alternative = _lookup("alternativ", alternative, dataset.alternatives)
    if not 1 <= years <= MAX_YEARS:
        raise EvaluationError(f"antal år ska vara mellan 1 och {MAX_YEARS}, inte {years}")
    params = resolve(dataset.parameter_overrides, overrides)

    placed = placement(dataset, scenario, alternative, years, params)
    return _measure(dataset, scenario, alternative, params, placed)


def _measure(
    dataset: Dataset, scenario: Scenario, alternative: Alternative, params: Parameters, placed: Placement
) -> Result:
    population, demand, plan, km, flows, unplaced = (
        placed.population, placed.demand, placed.plan, placed.km, placed.flows, placed.unplaced
    )  # fmt: skip
    by_grade, transported, pupil_km, mean_km, max_km, changing = (
        placed.by_grade, placed.transported, placed.pupil_km, placed.mean_km, placed.max_km, placed.changing
    )  # fmt: skip
    n_years, n_schools = plan.open.shape
    pupils = by_grade.sum(axis=2)
    formed = form_classes(
        by_grade.reshape(-1, GRADES),
        max_class_size=params.max_class_size,
        max_grades_per_class=params.max_grades_per_class,
    )
    classes = formed.classes.reshape(n_years, n_schools)
    combined = formed.combined_pupils.reshape(n_years, n_schools)
    fte = teachers_fte(
        classes, pupils, teachers_per_class=params.teachers_per_class, pupils_per_teacher=params.pupils_per_teacher
    )
    costs: SchoolCosts = school_costs(plan, pupils, fte, transported, params)
    cost = costs.total
    capacity = plan.capacity
    is_open = plan.open
    overcrowded = np.where(is_open, np.maximum(pupils - capacity, 0.0), 0.0)
    fragile = is_open & (fte < params.min_team_teachers)

    total_pupils = demand.sum(axis=(1, 2))
    total_cost = cost.sum(axis=1)
    total_classes = classes.sum(axis=1)
    total_capacity = np.where(is_open, capacity, 0.0).sum(axis=1)
    years_frame = pd.DataFrame(
        {
            "year": plan.calendar_years,
            "population": population.sum(axis=(1, 2)),
            "pupils": total_pupils,
            "schools_open": is_open.sum(axis=1),
            "cost_sek": total_cost,
            "cost_per_pupil_sek": _ratio(total_cost, total_pupils),
            "mean_class_size": _ratio(pupils.sum(axis=1), total_classes),
            "combined_grade_share": _ratio(combined.sum(axis=1), np.rint(by_grade).sum(axis=(1, 2))),
            "mean_distance_km": mean_km,
            "max_distance_km": max_km,
            "pupils_over_threshold": transported.sum(axis=1),
            "pupils_changing_school": changing,
            "overcrowded_pupils": overcrowded.sum(axis=1) + unplaced,
            "one_off_cost_sek": plan.one_off_cost_sek(params.closure_one_off_cost_sek),
            # extensions beyond the contract's keys
            "classes": total_classes,
            "teachers_fte": fte.sum(axis=1),
            "capacity": total_capacity,
            "transport_cost_sek": costs.transport.sum(axis=1),
            "vacated_premises_cost_sek": costs.vacated_premises.sum(axis=1),
            # Skolverket's components teaching and premises, for engine/measures/calibration.py
            "teaching_cost_sek": (costs.teachers + costs.other_teaching).sum(axis=1),
            "premises_cost_sek": costs.premises.sum(axis=1),
            "fragile_teams": fragile.sum(axis=1),
            "unplaced_pupils": unplaced,
            "utilisation": _ratio(total_pupils, total_capacity),
        }
    )

    def unit_table() -> pd.DataFrame:
        unit_ids = plan.units["unit_id"].to_numpy()
        units_frame = pd.DataFrame(
            {
                "year": np.repeat(plan.calendar_years, n_schools),
                "unit_id": np.tile(unit_ids, n_years),
                "open": is_open.ravel(),
                "pupils": pupils.ravel(),
                "classes": classes.ravel(),
                "teachers_fte": fte.ravel(),
                "cost_sek": cost.ravel(),
                "utilisation": np.where(is_open, _ratio(pupils, capacity), np.nan).ravel(),
                # extensions
                "name": np.tile(plan.units["name"].to_numpy(), n_years),
                "capacity": np.where(is_open, capacity, 0.0).ravel(),
                "cost_per_pupil_sek": _ratio(cost, pupils).ravel(),
                "combined_grade_pupils": combined.ravel(),
                "overcrowded_pupils": overcrowded.ravel(),
                "transported_pupils": transported.ravel(),
                "mean_distance_km": _ratio(pupil_km, pupils).ravel(),
                "fragile_team": fragile.ravel(),
                "vacated_premises_cost_sek": costs.vacated_premises.ravel(),
            }
        )
        return units_frame[plan.exists.ravel() | (units_frame["cost_sek"] > 0).to_numpy()].reset_index(drop=True)

    return Result(
        scenario=scenario,
        alternative=alternative,
        parameters=params,
        base_year=dataset.base_year,
        years=years_frame,
        population=population,
        _flows=tuple(flows),
        _plan=plan,
        _area_ids=dataset.cache.get_or_compute(("area_ids",), lambda: tuple(dataset.areas["area_id"])),
        _km=km,
        _unit_table=unit_table,
        _merge_overflow=placed.merge_overflow,
        _municipality=lambda: _whole_municipality(dataset, scenario, alternative, params, population, years_frame),
    )


def _whole_municipality(
    dataset: Dataset,
    scenario: Scenario,
    alternative: Alternative,
    params: Parameters,
    population: np.ndarray,
    schools: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The other services beside the schools (one row per service and year), their units, and the economy.

    The other services are memoised on what they depend on (scenario, alternative and
    their own parameters), so a school slider does not re-run the preschools' assignment.
    """
    years_ahead = len(schools) - 1
    models = {"forskola": services.preschool, "aldreboende": services.elderly_care, "fritid_kultur": services.leisure}
    depends_on = tuple(services.relevant_parameters(name, params) for name in models)
    others = dataset.cache.get_or_compute(
        ("services", scenario, alternative, years_ahead, depends_on),
        lambda: _other_services(dataset, population, alternative, params, years_ahead, models),
    )
    # One table built from columns (a pandas concat per slider move costs more than the model).
    year = schools["year"].to_numpy()
    pupils, capacity = schools["pupils"].to_numpy(), schools["capacity"].to_numpy()
    school_columns = {
        "service": np.full(len(year), "grundskola", dtype=object),
        "year": year,
        "demand": pupils,
        "capacity": capacity,
        "utilisation": schools["utilisation"].to_numpy(),
        "cost_sek": schools["cost_sek"].to_numpy(),
        "units_open": schools["schools_open"].to_numpy(),
        "empty_places": np.maximum(capacity - pupils, 0.0),
    }
    blank = np.full(len(year), np.nan)
    table = pd.DataFrame(
        {name: np.concatenate([school_columns.get(name, blank), column]) for name, column in others.columns.items()}
    )
    costs = {"grundskola": school_columns["cost_sek"], **others.costs}
    one_off = schools["one_off_cost_sek"].to_numpy() + others.one_off_cost_sek
    money = economy(year, schools["population"].to_numpy(), costs, one_off, params)
    return table, others.units, money


@dataclass(frozen=True)
class _OtherServices:
    columns: dict[str, np.ndarray]  # the services table's columns (contract keys first), one row per service and year
    units: pd.DataFrame  # one row per unit and year
    costs: dict[str, np.ndarray]  # service → SEK per year, home care included
    one_off_cost_sek: np.ndarray


def _other_services(
    dataset: Dataset,
    population: np.ndarray,
    alternative: Alternative,
    params: Parameters,
    years_ahead: int,
    models: dict[str, Any],
) -> _OtherServices:
    results = [model(dataset, population, alternative, params, years_ahead) for model in models.values()]
    table = pd.concat([r.years.assign(service=r.service) for r in results], ignore_index=True)
    order = list(SERVICE_KEYS) + [c for c in table.columns if c not in SERVICE_KEYS]
    kinds = {"service": object, "year": int}
    columns = {name: table[name].to_numpy(dtype=kinds.get(name, float)) for name in order}
    return _OtherServices(
        columns=columns,
        units=pd.concat([r.units.assign(service=r.service) for r in results], ignore_index=True),
        costs={r.service: r.years["cost_sek"].to_numpy() for r in results}
        | {"hemtjanst": services.home_care_cost(population, params)},
        one_off_cost_sek=sum(r.one_off_cost_sek for r in results),
    )


def _ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    numerator = np.asarray(numerator, float)
    denominator = np.asarray(denominator, float)
    return np.divide(
        numerator,
        denominator,
        out=np.full(np.broadcast(numerator, denominator).shape, np.nan),
        where=denominator > TINY,
    )
