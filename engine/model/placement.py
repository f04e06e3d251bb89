"""Where pupils go: each alternative's assignment of pupils to schools, year by year, and their journeys.

Memoised on the dataset: a Placement depends only on the scenario, the alternative, the
horizon, the detour factor and the transport thresholds, so a slider that moves a class,
teacher, cost or premises parameter reuses it. The assignment inside it (the flows) is
memoised without the thresholds, so a threshold slider recounts only the journeys; and
an alternative's years whose schools are those of keep-all take keep-all's flows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from engine.core.parameters import Parameters
from engine.core.types import KEEP_ALL, Alternative, Scenario
from engine.dataset.value import Dataset
from engine.model.assignment import Flows, assign, nearest
from engine.model.demography import project
from engine.model.plan import SchoolPlan, build_plan
from engine.model.travel import distance_matrix, threshold_by_grade

GRADES = 10
FIRST_SCHOOL_AGE = 6  # grade = age − 6; förskoleklass is grade 0
# A flow counts towards the longest journey only if it carries at least half a pupil:
# projected cohorts are fractional and a trace of 0.01 pupil is nobody's journey.
MIN_PUPILS_FOR_MAX_DISTANCE = 0.5


@dataclass(frozen=True, eq=False)
class Placement:
    """Where pupils go, and what follows from that alone: arrays [year, school] unless noted.

    Nothing here depends on a class, teacher, cost or premises parameter, so a slider
    that moves one of those reuses the placement (memoised on the dataset) and pays
    only for classes, teachers and costs.
    """

    population: np.ndarray  # persons [year, area, age]
    demand: np.ndarray  # pupils [year, area, grade]
    plan: SchoolPlan
    km: np.ndarray  # road km [area, school]
    flows: list[Flows]  # per year
    unplaced: np.ndarray  # pupils no open school offers a place for [year]
    by_grade: np.ndarray  # pupils [year, school, grade]
    transported: np.ndarray  # pupils beyond their grade's transport threshold
    pupil_km: np.ndarray  # Σ pupils × km
    mean_km: np.ndarray  # [year]
    max_km: np.ndarray  # [year], over flows of at least MIN_PUPILS_FOR_MAX_DISTANCE pupils
    changing: np.ndarray  # pupils whose school differs from keep-all [year]
    merge_overflow: MergeOverflow


@dataclass(frozen=True)
class MergeOverflow:
    """Pupils a merge's receiving school could not hold, and where they went (one entry per year,
    receiving school and school attended).

    After U merges into T, T is the first choice (the nearest by choice distance) of U's
    catchment and its own. Those of them placed at another school — because T was full —
    are counted here: receiving = T, school = where they went. Overflow that no school had
    room for stays at T (as overcrowding) and is not counted.
    """

    year: np.ndarray  # int, index into the plan's years
    receiving: np.ndarray  # int, index into schools: the merge's target, open that year
    school: np.ndarray  # int, index into schools: where the pupils went instead
    pupils: np.ndarray  # float > 0


def placement(
    dataset: Dataset, scenario: Scenario, alternative: Alternative, years: int, params: Parameters
) -> Placement:
    """The assignment and travel of one scenario × alternative; depends on the detour factor and the
    transport thresholds among the parameters."""
    threshold = threshold_by_grade(params)
    key = ("placement", scenario, alternative, years, params.detour_factor, tuple(threshold.tolist()))
    return dataset.cache.get_or_compute(key, lambda: _place(dataset, scenario, alternative, years, params, threshold))


def _place(
    dataset: Dataset,
    scenario: Scenario,
    alternative: Alternative,
    years: int,
    params: Parameters,
    threshold: np.ndarray,
) -> Placement:
    population = projection(dataset, scenario, years)
    demand = population[:, :, FIRST_SCHOOL_AGE : FIRST_SCHOOL_AGE + GRADES] * participation(dataset)
    plan = school_plan(dataset, alternative, years)
    km = _distances(dataset, plan, params.detour_factor)
    baseline = _baseline_flows(dataset, scenario, years, params.detour_factor, demand)

    def compute() -> tuple[list[Flows], np.ndarray]:
        keep_all = school_plan(dataset, dataset.alternatives[KEEP_ALL], years)
        same = _same_years(plan, keep_all) if plan.place_key == keep_all.place_key else np.zeros(len(baseline), bool)
        return assign_years(plan, demand, km, reuse=(same, baseline))

    # The assignment does not depend on the transport thresholds: a threshold slider reuses it.
    flows, unplaced = dataset.cache.get_or_compute(
        ("flows", scenario, alternative, years, params.detour_factor), compute
    )
    n_years, n_schools = plan.open.shape
    by_grade = np.stack([f.per_school_grade(n_schools, GRADES) for f in flows])
    transported = np.zeros((n_years, n_schools))
    pupil_km = np.zeros((n_years, n_schools))
    mean_km = np.zeros(n_years)
    max_km = np.zeros(n_years)
    changing = np.zeros(n_years)
    for t, f in enumerate(flows):
        dist = km[f.area, f.school]
        transported[t] = np.bincount(f.school, weights=f.pupils * (dist > threshold[f.grade]), minlength=n_schools)
        pupil_km[t] = np.bincount(f.school, weights=f.pupils * dist, minlength=n_schools)
        assigned = f.pupils.sum()
        mean_km[t] = pupil_km[t].sum() / assigned if assigned > 0 else 0.0
        real = f.pupils >= MIN_PUPILS_FOR_MAX_DISTANCE
        max_km[t] = dist[real].max() if real.any() else 0.0
        changing[t] = changing_school(f, baseline[t], n_schools) if alternative.id != KEEP_ALL else 0.0
    return Placement(
        merge_overflow=merge_overflow(plan, km, flows),
        population=population,
        demand=demand,
        plan=plan,
        km=km,
        flows=flows,
        unplaced=unplaced,
        by_grade=by_grade,
        transported=transported,
        pupil_km=pupil_km,
        mean_km=mean_km,
        max_km=max_km,
        changing=changing,
    )


def merge_overflow(plan: SchoolPlan, km: np.ndarray, flows: list[Flows]) -> MergeOverflow:
    """Who could not go to the school their catchment was merged into: see :class:`MergeOverflow`."""
    parts: list[tuple[np.ndarray, ...]] = []
    firsts: dict[Any, np.ndarray] = {}
    n_schools = plan.open.shape[1]
    for t, f in enumerate(flows):
        targets = sorted({target for _, target in plan.merges[t] if plan.open[t, target]})
        if not targets:
            continue
        state = (plan.open[t].tobytes(), plan.merges[t])
        if state not in firsts:
            eligible = plan.offers & plan.open[t][:, None]
            firsts[state] = nearest(_choice_km(km, plan.offers, plan.merges[t]), eligible)
        first = firsts[state][f.area, f.grade]
        away = np.isin(first, targets) & (f.school != first)
        if not away.any():
            continue
        key = first[away] * n_schools + f.school[away]
        keys, inverse = np.unique(key, return_inverse=True)
        pupils = np.bincount(inverse, weights=f.pupils[away])
        parts.append((np.full(len(keys), t), keys // n_schools, keys % n_schools, pupils))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return MergeOverflow(empty, empty, empty, np.zeros(0))
    year, receiving, school, pupils = (np.concatenate(column) for column in zip(*parts, strict=True))
    return MergeOverflow(year, receiving, school, pupils)


def projection(dataset: Dataset, scenario: Scenario, years: int) -> np.ndarray:
    demo = dataset.demography
    return dataset.cache.get_or_compute(
        ("projection", scenario, years),
        lambda: project(
            dataset.population,
            fertility_share=demo["fertility_share"].to_numpy(float),
            mortality=demo["mortality"].to_numpy(float),
            migration_profile=demo["migration_profile"].to_numpy(float),
            scenario=scenario,
            years=years,
        ),
    )


def _enrolled_and_children(dataset: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """Per grade g = 0–9: Σ pupils of grade g in enrollment.csv (0 without it), and persons aged g+6 in the
    base year."""
    children = np.asarray(dataset.population.sum(axis=0)[FIRST_SCHOOL_AGE : FIRST_SCHOOL_AGE + GRADES], float)
    if dataset.enrollment is None:
        return np.zeros(GRADES), children
    enrolled = dataset.enrollment.groupby("grade")["pupils"].sum().reindex(range(GRADES), fill_value=0.0)
    return enrolled.to_numpy(float), children


def participation(dataset: Dataset) -> np.ndarray:
    """Share of children of each grade's age who attend the municipality's schools.

    share(g) = Σ pupils of grade g in enrollment.csv / persons aged g+6 in the base
    year, capped at 1 (:func:`capped_grades` names the grades where the cap applies);
    1 when enrollment.csv is not given.
    """
    if dataset.enrollment is None:
        return np.ones(GRADES)

    def compute() -> np.ndarray:
        enrolled, children = _enrolled_and_children(dataset)
        share = np.divide(enrolled, children, out=np.ones(GRADES), where=children > 0)
        return np.clip(share, 0.0, 1.0)

    return dataset.cache.get_or_compute(("participation",), compute)


@dataclass(frozen=True, kw_only=True)
class CappedGrade:
    """A grade with more pupils in enrollment.csv than children of its age in population.csv.

    :func:`participation` caps its share at 1, so the model counts ``children`` pupils
    (everyone of that age attends) where the file says ``pupils``: ``pupils − children``
    pupils are left out, for example pupils from other municipalities.
    """

    grade: int  # 0 = förskoleklass
    age: int  # grade + 6
    pupils: float  # Σ pupils of the grade in enrollment.csv
    children: float  # persons aged ``age`` in population.csv, base year
    share: float  # pupils / children, > 1 (inf when there are no children of that age)
    left_out: float  # pupils − children: in the file, not in the model


def capped_grades(dataset: Dataset) -> list[CappedGrade]:
    """The grades whose share :func:`participation` caps at 1 (none without enrollment.csv)."""
    if dataset.enrollment is None:
        return []
    enrolled, children = _enrolled_and_children(dataset)
    return [
        CappedGrade(
            grade=g,
            age=g + FIRST_SCHOOL_AGE,
            pupils=float(enrolled[g]),
            children=float(children[g]),
            share=float(enrolled[g] / children[g]) if children[g] > 0 else float("inf"),
            left_out=float(enrolled[g] - children[g]),
        )
        for g in range(GRADES)
        if enrolled[g] > children[g]  # with no children of the age, the model counts none of its pupils
    ]


def school_plan(dataset: Dataset, alternative: Alternative, years: int) -> SchoolPlan:
    return dataset.cache.get_or_compute(
        ("plan", alternative, years), lambda: build_plan(dataset.schools, alternative, dataset.base_year, years)
    )


def _distances(dataset: Dataset, plan: SchoolPlan, detour_factor: float) -> np.ndarray:
    key = ("km", plan.place_key, detour_factor)
    return dataset.cache.get_or_compute(
        key, lambda: distance_matrix(dataset.areas, plan.units, dataset.distances, detour_factor)
    )


def _choice_km(
    km: np.ndarray, offers: np.ndarray, merges: tuple[tuple[int, int], ...], n_grades: int = GRADES
) -> np.ndarray:
    """Choice distance [grade, area, school]: a merged unit's catchment follows it."""
    rank = np.broadcast_to(km, (n_grades, *km.shape))
    if not merges:
        return rank
    rank = rank.copy()
    for source, target in merges:
        for g in np.nonzero(offers[source] & offers[target])[0]:
            np.minimum(rank[g, :, target], rank[g, :, source], out=rank[g, :, target])
    return rank


def _same_years(plan: SchoolPlan, other: SchoolPlan) -> np.ndarray:
    """bool [year]: the same units are open, with the same capacities and merges, in both plans."""
    return np.array(
        [
            np.array_equal(plan.open[t], other.open[t])
            and np.array_equal(plan.capacity[t], other.capacity[t])
            and plan.merges[t] == other.merges[t]
            for t in range(len(plan.calendar_years))
        ]
    )


def assign_years(
    plan: SchoolPlan,
    demand: np.ndarray,
    km: np.ndarray,
    offers: np.ndarray | None = None,
    reuse: tuple[np.ndarray, list[Flows]] | None = None,
) -> tuple[list[Flows], np.ndarray]:
    """Flows per year and pupils no open unit offers a place for [year].

    demand: [year, area, grade]; offers: [unit, grade] (default: the schools' grade ranges);
    reuse: (bool [year], flows per year) of another plan over the same units, demand and
    distances, to take for the years marked (the same schools open: the same assignment).
    """
    offers = plan.offers if offers is None else offers
    n_grades = offers.shape[1]
    memo: dict[Any, tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]] = {}
    flows: list[Flows] = []
    unplaced = np.zeros(len(plan.calendar_years))
    for t in range(len(plan.calendar_years)):
        if reuse is not None and reuse[0][t]:
            flows.append(reuse[1][t])
            unplaced[t] = demand[t].sum() - reuse[1][t].pupils.sum()
            continue
        state = (plan.open[t].tobytes(), plan.merges[t])
        if state not in memo:
            eligible = offers & plan.open[t][:, None]
            rank = _choice_km(km, offers, plan.merges[t], n_grades)
            memo[state] = (rank, eligible, nearest(rank, eligible), {})  # {}: the solver's warm start, see assign()
        rank, eligible, best, warm = memo[state]
        year_flows, year_unplaced = assign(demand[t], rank, eligible, plan.capacity[t], best=best, warm=warm)
        flows.append(year_flows)
        unplaced[t] = year_unplaced.sum()
    return flows, unplaced


def _baseline_flows(
    dataset: Dataset, scenario: Scenario, years: int, detour_factor: float, demand: np.ndarray
) -> list[Flows]:
    def compute() -> list[Flows]:
        plan = school_plan(dataset, dataset.alternatives[KEEP_ALL], years)
        return assign_years(plan, demand, _distances(dataset, plan, detour_factor))[0]

    return dataset.cache.get_or_compute(("baseline", scenario, years, detour_factor), compute)


def changing_school(flows: Flows, baseline: Flows, n_schools: int) -> float:
    """Pupils whose school differs from keep-all: Σ pupils − Σ min(x_alt, x_keep) per (area, grade, school)."""

    def keyed(f: Flows) -> tuple[np.ndarray, np.ndarray]:
        keys = (f.area.astype(np.int64) * GRADES + f.grade) * n_schools + f.school
        if len(keys) < 2 or (np.diff(keys) > 0).all():
            return keys, f.pupils  # the nearest-school assignment: one flow per (area, grade), in order
        unique, inverse = np.unique(keys, return_inverse=True)
        return unique, np.bincount(inverse, weights=f.pupils)

    k_alt, w_alt = keyed(flows)
    k_base, w_base = keyed(baseline)
    _, i_alt, i_base = np.intersect1d(k_alt, k_base, assume_unique=True, return_indices=True)
    return float(w_alt.sum() - np.minimum(w_alt[i_alt], w_base[i_base]).sum())
