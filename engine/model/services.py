"""Preschool, elderly care, and leisure and culture (DESIGN.md §6).

Each service returns a :class:`ServiceResult` of the same shape: per year
(``demand``, ``capacity``, ``utilisation``, ``cost_sek``) and per unit and year.

**Förskola.** Children c(a,x,t) = persons(a,x,t) × enrolment(x) for ages x = 1–5
go to the nearest open preschool with room (the schools' assignment, every unit
taking every age). Per unit: staff FTE = children / ``children_per_preschool_fte``;
groups = ceil(children / ``preschool_group_size``); cost = premises + fixed
+ FTE × ``preschool_staff_cost_sek`` + children × ``cost_per_preschool_child_sek``;
a closed unit's premises cost ``closed_premises_share`` for ``closed_premises_years``.

**Särskilt boende.** Places needed N(t) = Σ_x persons(x,t) × rate(x) with rates by
band 65–79, 80–89, 90+. Places P(t) = Σ capacity of open units. Occupied
O = min(N, P); shortage = max(0, N − P) places bought at ``purchased_place_cost_sek``;
empty places = max(0, P − N). Cost = Σ (premises + fixed) of open units
+ O × ``cost_per_occupied_place_sek`` + shortage × ``purchased_place_cost_sek``.
Residents are one pool: every unit has the same occupancy O / P.
Hemtjänst (home care) = Σ_band persons × cost per inhabitant of the band.

**Fritid och kultur.** From ``facility_usage.csv``: visits V₀ and booked hours H₀ in
the base year. Documented assumption: both follow the municipality's population in
the facility's user ages [user_age_min, user_age_max], V(t) = V₀ × U(t) / U(0).
A closed facility's visits move to the nearest open one × ``leisure_visits_kept_on_close``
(all of them when it merges into a named one). Occupancy = booked / bookable hours
(capped at 1); cost = premises + fixed of open units; cost per visit = cost / visits.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engine.core.parameters import Parameters, describe
from engine.core.types import Alternative
from engine.dataset import Dataset
from engine.model.placement import assign_years
from engine.model.plan import SchoolPlan, build_plan
from engine.model.travel import distance_matrix, great_circle_km

PRESCHOOL_AGES = np.arange(1, 6)
# Ratios over less than this (a billionth of a pupil, a place, a visit) are undefined, not huge.
TINY = 1e-9
CARE_BANDS = ((65, 80), (80, 90), (90, 101))  # [lo, hi) ages


# Parameters every unit-based service uses besides those of its own group.
SHARED_PARAMETERS = ("detour_factor", "closed_premises_share", "closed_premises_years", "unit_closure_one_off_cost_sek")


@functools.lru_cache(maxsize=1024)
def relevant_parameters(service: str, params: Parameters) -> tuple[tuple[str, float], ...]:
    """The (name, value) pairs a service's result depends on: its own group and the shared ones."""
    names = [r["name"] for r in describe(params) if r["group"] == service] + list(SHARED_PARAMETERS)
    return tuple((name, getattr(params, name)) for name in names)


@dataclass(frozen=True)
class ServiceResult:
    service: str
    years: pd.DataFrame  # year, demand, capacity, utilisation, cost_sek, + extras
    units: pd.DataFrame  # year, unit_id, name, open, demand, capacity, utilisation, cost_sek
    one_off_cost_sek: np.ndarray  # [year]


def _plan(dataset: Dataset, alternative: Alternative, years: int, service: str) -> SchoolPlan:
    units = dataset.units[dataset.units["service"] == service].reset_index(drop=True)
    return dataset.cache.get_or_compute(
        ("service plan", service, alternative, years),
        lambda: build_plan(units, alternative, dataset.base_year, years, service=service),
    )


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num, den = np.asarray(num, float), np.asarray(den, float)
    return np.divide(num, den, out=np.full(np.broadcast(num, den).shape, np.nan), where=den > TINY)


def _vacated(plan: SchoolPlan, params: Parameters) -> np.ndarray:
    premises = plan.units["premises_cost_sek"].to_numpy(float)[None, :]
    tail = (plan.years_closed >= 0) & (plan.years_closed < params.closed_premises_years)
    return np.where(tail, premises * params.closed_premises_share, 0.0)


def _frames(
    service: str,
    plan: SchoolPlan,
    demand: np.ndarray,
    cost: np.ndarray,
    extra_years: dict[str, np.ndarray],
    params: Parameters,
    extra_units: dict[str, np.ndarray] | None = None,
) -> ServiceResult:
    """Assemble the per-year and per-unit tables from [year, unit] arrays."""
    n_years, n_units = plan.open.shape
    capacity = np.where(plan.open, plan.capacity, 0.0)
    total_demand = demand.sum(axis=1)
    total_capacity = capacity.sum(axis=1)
    years = pd.DataFrame(
        {
            "year": plan.calendar_years,
            "demand": total_demand,
            "capacity": total_capacity,
            "utilisation": _ratio(total_demand, total_capacity),
            "cost_sek": cost.sum(axis=1),
            "units_open": plan.open.sum(axis=1),
            "empty_places": np.maximum(total_capacity - total_demand, 0.0),
            **extra_years,
        }
    )
    units = pd.DataFrame(
        {
            "year": np.repeat(plan.calendar_years, n_units),
            "unit_id": np.tile(plan.units["unit_id"].to_numpy(), n_years),
            "name": np.tile(plan.units["name"].to_numpy(), n_years),
            "open": plan.open.ravel(),
            "demand": demand.ravel(),
            "capacity": capacity.ravel(),
            "utilisation": np.where(plan.open, _ratio(demand, capacity), np.nan).ravel(),
            "cost_sek": cost.ravel(),
            **{k: v.ravel() for k, v in (extra_units or {}).items()},
        }
    )
    units = units[plan.exists.ravel() | (units["cost_sek"] > 0).to_numpy()].reset_index(drop=True)
    return ServiceResult(service, years, units, plan.one_off_cost_sek(params.unit_closure_one_off_cost_sek))


def preschool(
    dataset: Dataset, population: np.ndarray, alternative: Alternative, params: Parameters, years: int
) -> ServiceResult:
    plan = _plan(dataset, alternative, years, "forskola")
    rates = np.array(
        [params.forskola_enrolment_age_1, params.forskola_enrolment_age_2] + [params.forskola_enrolment_age_3_5] * 3
    )
    demand = population[:, :, PRESCHOOL_AGES] * rates  # [year, area, age]
    n_years, n_units = plan.open.shape
    children: np.ndarray  # [year, unit]
    if n_units:
        km = dataset.cache.get_or_compute(
            ("km", "forskola", tuple(plan.units["unit_id"]), params.detour_factor),
            lambda: distance_matrix(dataset.areas, plan.units, dataset.distances, params.detour_factor),
        )
        offers = np.ones((n_units, len(PRESCHOOL_AGES)), dtype=bool)
        flows, unplaced = assign_years(plan, demand, km, offers=offers)
        children = np.stack([np.bincount(f.school, weights=f.pupils, minlength=n_units) for f in flows])
    else:  # no preschools: every child is unplaced
        unplaced, children = demand.sum(axis=(1, 2)), np.zeros((n_years, 0))
    fte = children / params.children_per_preschool_fte
    premises = plan.units["premises_cost_sek"].to_numpy(float)[None, :]
    fixed = plan.units["fixed_cost_sek"].to_numpy(float)[None, :]
    cost = np.where(
        plan.open,
        premises + fixed + fte * params.preschool_staff_cost_sek + children * params.cost_per_preschool_child_sek,
        0.0,
    ) + _vacated(plan, params)
    extra = {
        "staff_fte": fte.sum(axis=1),
        "groups": np.ceil(children / params.preschool_group_size).sum(axis=1),
        "unplaced": np.asarray(unplaced, float),
    }
    return _frames("forskola", plan, children, cost, extra, params)


def places_needed(population: np.ndarray, params: Parameters) -> np.ndarray:
    """Places in särskilt boende needed per year: Σ persons by age band × the band's rate."""
    by_age = population.sum(axis=1)  # [year, age]
    rates = (params.care_home_rate_65_79, params.care_home_rate_80_89, params.care_home_rate_90_plus)
    return sum(by_age[:, lo:hi].sum(axis=1) * rate for (lo, hi), rate in zip(CARE_BANDS, rates, strict=True))


def home_care_cost(population: np.ndarray, params: Parameters) -> np.ndarray:
    """Hemtjänst in SEK per year: Σ persons by age band × cost per inhabitant of the band."""
    by_age = population.sum(axis=1)
    costs = (params.home_care_cost_65_79_sek, params.home_care_cost_80_89_sek, params.home_care_cost_90_plus_sek)
    return sum(by_age[:, lo:hi].sum(axis=1) * cost for (lo, hi), cost in zip(CARE_BANDS, costs, strict=True))


def elderly_care(
    dataset: Dataset, population: np.ndarray, alternative: Alternative, params: Parameters, years: int
) -> ServiceResult:
    plan = _plan(dataset, alternative, years, "aldreboende")
    need = places_needed(population, params)
    places = np.where(plan.open, plan.capacity, 0.0)
    total_places = places.sum(axis=1)
    occupied = np.minimum(need, total_places)
    shortage = np.maximum(need - total_places, 0.0)
    occupancy = _ratio(occupied, total_places)
    per_unit = places * np.nan_to_num(occupancy)[:, None]  # one pool: same occupancy everywhere
    premises = plan.units["premises_cost_sek"].to_numpy(float)[None, :]
    fixed = plan.units["fixed_cost_sek"].to_numpy(float)[None, :]
    cost = (
        np.where(plan.open, premises + fixed, 0.0)
        + per_unit * params.cost_per_occupied_place_sek
        + _vacated(plan, params)
    )
    purchased = shortage * params.purchased_place_cost_sek
    result = _frames(
        "aldreboende",
        plan,
        per_unit,
        cost,
        {"places_needed": need, "shortage_places": shortage, "purchased_places_cost_sek": purchased},
        params,
    )
    # Demand is what is needed, not what fits; the purchase of missing places is a cost too.
    years_frame = result.years.assign(
        demand=need,
        utilisation=_ratio(need, total_places),
        cost_sek=result.years["cost_sek"] + purchased,
        empty_places=np.maximum(total_places - need, 0.0),
    )
    return ServiceResult("aldreboende", years_frame, result.units, result.one_off_cost_sek)


def leisure(
    dataset: Dataset, population: np.ndarray, alternative: Alternative, params: Parameters, years: int
) -> ServiceResult:
    plan = _plan(dataset, alternative, years, "fritid_kultur")
    n_years, n_units = plan.open.shape
    usage = dataset.facility_usage
    index = {u: i for i, u in enumerate(plan.units["unit_id"])}
    visits0 = np.zeros(n_units)
    booked0 = np.zeros(n_units)
    bookable = np.zeros(n_units)
    growth = np.ones((n_years, n_units))
    if usage is not None:
        by_age = population.sum(axis=1)  # [year, age]
        for row in usage.itertuples(index=False):
            i = index.get(row.unit_id)
            if i is None:
                continue
            visits0[i], booked0[i], bookable[i] = row.visits, row.booked_hours, row.bookable_hours
            lo, hi = int(row.user_age_min), int(row.user_age_max)
            users = by_age[:, lo : hi + 1].sum(axis=1)
            growth[:, i] = users / users[0] if users[0] > 0 else 1.0
    visits = visits0[None, :] * growth
    booked = booked0[None, :] * growth
    # Visits of closed facilities move to the nearest open one (all of them on a merge).
    lat, lon = plan.units["lat"].to_numpy(float), plan.units["lon"].to_numpy(float)
    merged_into = {source: target for year_merges in plan.merges for source, target in year_merges}
    for t in range(n_years):
        closed = np.nonzero(~plan.open[t] & plan.exists[t])[0]
        open_idx = np.nonzero(plan.open[t])[0]
        for c in closed:
            if not len(open_idx):
                break
            target = merged_into.get(int(c))
            share = 1.0
            if target is None or not plan.open[t, target]:
                target = open_idx[
                    np.argmin(great_circle_km(lat[c : c + 1], lon[c : c + 1], lat[open_idx], lon[open_idx])[0])
                ]
                share = params.leisure_visits_kept_on_close
            visits[t, target] += visits[t, c] * share
            booked[t, target] += booked[t, c] * share
        visits[t, closed] = 0.0
        booked[t, closed] = 0.0
    premises = plan.units["premises_cost_sek"].to_numpy(float)[None, :]
    fixed = plan.units["fixed_cost_sek"].to_numpy(float)[None, :]
    cost = np.where(plan.open, premises + fixed, 0.0) + _vacated(plan, params)
    hours = np.where(plan.open, bookable[None, :], 0.0)
    occupancy = np.minimum(_ratio(booked.sum(axis=1), hours.sum(axis=1)), 1.0)
    result = _frames(
        "fritid_kultur",
        plan,
        visits,
        cost,
        {
            "booked_hours": booked.sum(axis=1),
            "bookable_hours": hours.sum(axis=1),
            "occupancy": occupancy,
            "cost_per_visit_sek": _ratio(cost.sum(axis=1), visits.sum(axis=1)),
        },
        params,
        extra_units={
            "booked_hours": booked,
            "occupancy": np.where(plan.open, np.minimum(_ratio(booked, hours), 1.0), np.nan),
            "cost_per_visit_sek": _ratio(cost, visits),
        },
    )
    return result
