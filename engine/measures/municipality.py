"""Derived views for the whole municipality: economy, services side by side, investments.

Pure functions of an evaluation's tables (``Result.economy``, ``Result.years``,
``Result.services``, ``Result.service_units``) and of
:func:`engine.measures.investments.check_investments`'s items, so every number the Ekonomi,
Investeringar and Kapacitet pages show can be reproduced and tested:

* :func:`cost_by_service` — the year's costs split into the six parts of the budget;
* :func:`first_deficit_year` — the first year the result is negative;
* :func:`revenue_and_population` — revenue next to the population it follows;
* :func:`result_change` — an alternative's result minus keep-all's, per year and accumulated;
* :func:`service_utilisation` — utilisation of every service per year (the opposite directions);
* :func:`unit_places` — places, users and empty places per unit and year;
* :func:`care_home_balance` — places needed against places, and what the gap costs;
* :func:`investment_scenarios` — one row per investment and scenario with its utilisation in year 10;
* :func:`investment_flags` — which investments get a red flag, and why;
* :func:`with_scenarios` — a dataset whose scenarios carry the user's changed assumptions.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from engine.core.types import SERVICES, Scenario
from engine.dataset import Dataset
from engine.measures.change import relative_to_first_value

# The parts of the budget in the order the dashboard stacks them; "other" is everything not modelled.
COST_PARTS: tuple[str, ...] = ("grundskola", "forskola", "aldreboende", "hemtjanst", "fritid_kultur", "other")
COST_COLUMNS: dict[str, str] = {part: f"{part}_cost_sek" for part in COST_PARTS[:-1]} | {"other": "other_costs_sek"}
# An investment oversized in one of these scenarios gets a red flag (DESIGN §1.5: judge by the need in 10 years).
RED_FLAG_SCENARIOS: tuple[str, ...] = ("bas", "stress")


def cost_by_service(economy: pd.DataFrame) -> pd.DataFrame:
    """``year`` and one column per part of :data:`COST_PARTS`, in kr a year.

    cost(t) = Σ_parts part(t) = economy.cost_sek(t); one-off costs are not included
    (they are reported apart, ``one_off_cost_sek``). A part the economy table lacks is 0.
    """
    out = pd.DataFrame({"year": economy["year"].to_numpy()})
    for part in COST_PARTS:
        column = COST_COLUMNS[part]
        out[part] = economy[column].to_numpy(float) if column in economy else np.zeros(len(economy))
    return out


def first_deficit_year(economy: pd.DataFrame) -> int | None:
    """The first calendar year with result_sek < 0, or None if the result never turns negative."""
    negative = economy.loc[economy["result_sek"] < 0, "year"]
    return None if negative.empty else int(negative.iloc[0])


def revenue_and_population(economy: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """Revenue next to the population it follows, per year.

    Columns: year, population P(t), revenue_sek R(t), revenue_per_inhabitant_sek = R(t) / P(t),
    population_change = P(t) / P(t₀) − 1 and revenue_change = R(t) / R(t₀) − 1. Revenue is
    P(t) × (tax_base × tax_rate + grants), so the two changes are equal: revenue follows
    the population.
    """
    frame = economy[["year", "revenue_sek"]].merge(years[["year", "population"]], on="year", how="left")
    population = frame["population"].to_numpy(float)
    revenue = frame["revenue_sek"].to_numpy(float)
    out = pd.DataFrame({"year": frame["year"].to_numpy(), "population": population, "revenue_sek": revenue})
    out["revenue_per_inhabitant_sek"] = np.divide(
        revenue, population, out=np.full(len(out), np.nan), where=population > 0
    )
    out["population_change"] = relative_to_first_value(population)
    out["revenue_change"] = relative_to_first_value(revenue)
    return out


def result_change(alternative: pd.DataFrame, baseline: pd.DataFrame) -> pd.DataFrame:
    """An alternative's economy against keep-all's (both ``Result.economy`` of the same scenario).

    Columns: year, result_change_sek Δ(t) = result_alt(t) − result_keep(t) (one-off costs
    included, since result = revenue − costs − one-off), accumulated_change_sek = Σ_{τ ≤ t} Δ(τ),
    and one_off_cost_sek of the alternative. Positive = the alternative improves the result.
    """
    merged = alternative[["year", "result_sek", "one_off_cost_sek"]].merge(
        baseline[["year", "result_sek"]], on="year", suffixes=("", "_keep")
    )
    diff = merged["result_sek"].to_numpy(float) - merged["result_sek_keep"].to_numpy(float)
    return pd.DataFrame(
        {
            "year": merged["year"].to_numpy(),
            "result_change_sek": diff,
            "accumulated_change_sek": np.cumsum(diff),
            "one_off_cost_sek": merged["one_off_cost_sek"].to_numpy(float),
        }
    )


def service_utilisation(services: pd.DataFrame, skip: Iterable[str] = ()) -> pd.DataFrame:
    """Utilisation of each service per year, in the order of :data:`SERVICES`.

    Columns: service, year, demand, capacity, utilisation = demand / capacity. For schools
    and preschools demand is the children; for care homes the places *needed* (so above 1
    = a shortage of places); for leisure and culture the visits, with capacity the visits a
    year the facilities can take. Services in ``skip`` (e.g. one without usage data) are left out.
    """
    skipped = set(skip)
    order = [s for s in SERVICES if s not in skipped]
    rows = services[services["service"].isin(order)][["service", "year", "demand", "capacity", "utilisation"]]
    rank = {s: i for i, s in enumerate(order)}
    return (
        rows.assign(_rank=rows["service"].map(rank)).sort_values(["_rank", "year"]).drop(columns="_rank")
    ).reset_index(drop=True)


def unit_places(service_units: pd.DataFrame, service: str) -> pd.DataFrame:
    """Places per unit and year for one service (open units only).

    Columns: year, unit_id, name, demand, capacity, utilisation = demand / capacity,
    empty_places = max(capacity − demand, 0), over_capacity = max(demand − capacity, 0),
    cost_sek, and any extra columns of the service (occupancy, cost_per_visit_sek …).
    """
    rows = service_units[(service_units["service"] == service) & service_units["open"].astype(bool)].copy()
    demand = rows["demand"].to_numpy(float)
    capacity = rows["capacity"].to_numpy(float)
    rows["empty_places"] = np.maximum(capacity - demand, 0.0)
    rows["over_capacity"] = np.maximum(demand - capacity, 0.0)
    return rows.dropna(axis=1, how="all").reset_index(drop=True)


def care_home_balance(
    services: pd.DataFrame, service_units: pd.DataFrame, cost_per_occupied_place_sek: float
) -> pd.DataFrame:
    """Särskilt boende: places needed N(t) against places P(t), and what the gap costs.

    Columns: year, places_needed N, places P, shortage_places = max(N − P, 0),
    empty_places = max(P − N, 0), purchased_places_cost_sek (shortage × the cost of a
    purchased place, from the engine), fixed_cost_per_place_sek = Σ_open (cost − occupied ×
    cost_per_occupied_place_sek) / P — the premises and fixed cost a place carries whether
    it is used or not — and empty_places_cost_sek = empty_places × fixed_cost_per_place_sek.
    """
    years = services[services["service"] == "aldreboende"].sort_values("year")
    units = service_units[(service_units["service"] == "aldreboende") & service_units["open"].astype(bool)]
    fixed = (units["cost_sek"] - units["demand"] * cost_per_occupied_place_sek).groupby(units["year"]).sum()
    needed = years["places_needed"].to_numpy(float) if "places_needed" in years else years["demand"].to_numpy(float)
    places = years["capacity"].to_numpy(float)
    fixed_total = fixed.reindex(years["year"].to_numpy(), fill_value=0.0).to_numpy(float)
    per_place = np.divide(fixed_total, places, out=np.zeros(len(places)), where=places > 0)
    empty = np.maximum(places - needed, 0.0)
    purchased = (
        years["purchased_places_cost_sek"].fillna(0.0).to_numpy(float)
        if "purchased_places_cost_sek" in years
        else np.zeros(len(years))
    )
    return pd.DataFrame(
        {
            "year": years["year"].to_numpy(),
            "places_needed": needed,
            "places": places,
            "shortage_places": np.maximum(needed - places, 0.0),
            "empty_places": empty,
            "purchased_places_cost_sek": purchased,
            "fixed_cost_per_place_sek": per_place,
            "empty_places_cost_sek": empty * per_place,
        }
    )


def investment_scenarios(items: Sequence[Mapping[str, Any]], min_utilisation: float) -> pd.DataFrame:
    """One row per investment and scenario (items from :func:`engine.measures.investments.check_investments`).

    Columns: id, name, scenario, utilisation (what the investment builds, year 10; NaN if
    unknown), oversized = utilisation < ``min_utilisation``.
    """
    rows = [
        {
            "id": item["id"],
            "name": item["name"],
            "scenario": scenario,
            "utilisation": math.nan if value is None else float(value),
        }
        for item in items
        for scenario, value in item["utilisation_year_10"].items()
    ]
    frame = pd.DataFrame(rows, columns=["id", "name", "scenario", "utilisation"])
    frame["oversized"] = frame["utilisation"] < min_utilisation  # NaN compares False: unknown is not oversized
    return frame


def investment_flags(item: Mapping[str, Any], scenario_ids: Sequence[str], min_utilisation: float) -> dict[str, Any]:
    """The red flags of one investment (an item of :func:`engine.measures.investments.check_investments`).

    ``oversized``: every scenario in which what it builds is used less than ``min_utilisation``
    in year 10 (as the engine's flag); ``oversized_critical``: those among
    :data:`RED_FLAG_SCENARIOS` (or, if the dataset has none of them, among all its scenarios);
    ``no_exit_strategy``: it names no exit strategy; ``red`` = oversized_critical or no exit strategy.
    """
    oversized = [
        s for s, u in item["utilisation_year_10"].items() if u is not None and not math.isnan(u) and u < min_utilisation
    ]
    critical = [s for s in RED_FLAG_SCENARIOS if s in scenario_ids] or list(scenario_ids)
    oversized_critical = [s for s in oversized if s in critical]
    no_exit = not str(item.get("exit_strategy") or "").strip()
    return {
        "oversized": oversized,
        "oversized_critical": oversized_critical,
        "no_exit_strategy": no_exit,
        "red": bool(oversized_critical) or no_exit,
    }


def with_scenarios(dataset: Dataset, scenarios: Iterable[Scenario]) -> Dataset:
    """The same dataset with its scenarios replaced (e.g. by the user's changed assumptions).

    The memo of derived arrays is shared: its keys carry the scenario's values, so a changed
    scenario never reuses the unchanged one's projection.
    """
    replaced = {s.id: s for s in scenarios}
    if all(dataset.scenarios.get(sid) == s for sid, s in replaced.items()) and set(replaced) == set(dataset.scenarios):
        return dataset
    return dataclasses.replace(dataset, scenarios={**dataset.scenarios, **replaced})
