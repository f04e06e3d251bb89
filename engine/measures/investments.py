"""Investments judged against every scenario: "ingen investering utan scenariobedömning".

Each row of ``investments.csv`` is evaluated as if decided on its own (keep-all plus
the investment): a new unit (kind ``new``) is built in its year; an extension sets
the unit's capacity to ``capacity``; a renovation keeps the unit as it is. For
every scenario we read the utilisation of what it builds in year 10 of the horizon
(base year + 10; for an investment decided later, its own year) — demand assigned to the unit / its capacity; for care homes the
municipality's places needed / places, since residents are one pool.

Flags:
* ``oversized``: utilisation in year 10 below ``investment_min_utilisation`` in a
  scenario (the scenarios are named in ``oversized_in``);
* ``no_exit_strategy``: the row names no exit strategy (what happens when needs fall).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from engine.core.parameters import resolve
from engine.core.types import KEEP_ALL, MAX_YEARS, Action, Alternative, NewUnit
from engine.dataset import Dataset
from engine.model.evaluate import evaluate

YEARS_AHEAD = 10


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == ""


def investment_alternative(row: pd.Series) -> Alternative:
    """keep-all plus this one investment."""
    actions: tuple[Action, ...] = ()
    if row["kind"] == "new":
        actions = (
            Action(
                year=int(row["year"]),
                action="build",
                unit=str(row["unit"]),
                new_unit=NewUnit(
                    name=str(row["name"]),
                    service=str(row["service"]),
                    area_id=str(row["area_id"]),
                    lat=float(row["lat"]),
                    lon=float(row["lon"]),
                    capacity=float(row["capacity"]),
                    grade_min=None if _blank(row.get("grade_min")) else int(row["grade_min"]),
                    grade_max=None if _blank(row.get("grade_max")) else int(row["grade_max"]),
                    premises_cost_sek=0.0 if _blank(row.get("premises_cost_sek")) else float(row["premises_cost_sek"]),
                    fixed_cost_sek=0.0 if _blank(row.get("fixed_cost_sek")) else float(row["fixed_cost_sek"]),
                ),
                one_off_cost_sek=0.0,  # the investment's amount is capital, reported apart
            ),
        )
    elif row["kind"] == "extension" and not _blank(row.get("capacity")):
        actions = (
            Action(
                year=int(row["year"]), action="set_capacity", unit=str(row["unit"]), capacity=float(row["capacity"])
            ),
        )
    return Alternative(id=f"investering:{row['id']}", name=str(row["name"]), actions=actions)


def _utilisation(dataset: Dataset, result: Any, unit: str, service: str, year: int) -> float | None:
    if service == "aldreboende":
        s = result.services
        row = s[(s["service"] == "aldreboende") & (s["year"] == year)]
    elif service == "grundskola":
        u = result.units
        row = u[(u["unit_id"] == unit) & (u["year"] == year)]
    else:
        u = result.service_units
        row = u[(u["unit_id"] == unit) & (u["year"] == year)]
    if row.empty or pd.isna(row["utilisation"].iloc[0]):
        return None
    return float(row["utilisation"].iloc[0])


def check_investments(dataset: Dataset, overrides: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """One item per investment: utilisation today and in year 10 per scenario, and flags."""
    if dataset.investments is None:
        return []
    params = resolve(dataset.parameter_overrides, overrides)
    services = dataset.units.set_index("unit_id")["service"]
    out = []
    for _, row in dataset.investments.iterrows():
        service = str(row["service"]) if row["kind"] == "new" else str(services.get(row["unit"], ""))
        alternative = investment_alternative(row)
        # Year 10 of the horizon, but never before the investment exists (at most the last modelled year).
        year_10 = min(max(dataset.base_year + YEARS_AHEAD, int(row["year"])), dataset.base_year + MAX_YEARS)
        utilisation: dict[str, float | None] = {}
        for scenario_id in dataset.scenarios:
            result = evaluate(dataset, scenario_id, alternative, overrides, years=year_10 - dataset.base_year)
            utilisation[scenario_id] = _utilisation(dataset, result, str(row["unit"]), service, year_10)
        first = next(iter(dataset.scenarios))
        today = evaluate(dataset, first, dataset.alternatives[KEEP_ALL], overrides, years=YEARS_AHEAD)
        oversized = [s for s, u in utilisation.items() if u is not None and u < params.investment_min_utilisation]
        exit_strategy = "" if _blank(row.get("exit_strategy")) else str(row["exit_strategy"])
        flags = (["oversized"] if oversized else []) + ([] if exit_strategy else ["no_exit_strategy"])
        out.append(
            {
                "id": str(row["id"]),
                "name": str(row["name"]),
                "unit": str(row["unit"]),
                "service": service,
                "kind": str(row["kind"]),
                "year": int(row["year"]),
                "amount_sek": float(row["amount"]),
                "lifetime_years": int(row["lifetime_years"]),
                "exit_strategy": exit_strategy,
                "utilisation_today": None
                if row["kind"] == "new"
                else _utilisation(dataset, today, str(row["unit"]), service, dataset.base_year),
                "utilisation_year_10": utilisation,
                "year_10": year_10,
                "oversized_in": oversized,
                "flags": flags,
            }
        )
    return out


@dataclass(frozen=True, kw_only=True)
class InvestmentSummary:
    """The Investeringar page's big numbers, over every investment."""

    count: int
    amount_sek: float  # Σ amount
    oversized: int  # investments used less than the threshold in year 10 of the chosen scenario
    no_exit_strategy: int
    red: int  # red-flagged (oversized in a critical scenario, or no exit strategy)
    highest_utilisation: float  # max of 1, the threshold and every utilisation today or in year 10: the chart's scale


def investment_summary(
    items: Sequence[Mapping[str, Any]],
    flags: Mapping[str, Mapping[str, Any]],
    per_scenario: pd.DataFrame,
    scenario: str,
    threshold: float,
) -> InvestmentSummary:
    """Sum up :func:`check_investments`'s items, their flags
    (:func:`engine.measures.municipality.investment_flags`, by id) and
    :func:`engine.measures.municipality.investment_scenarios`'s table, for ``scenario``."""
    here = per_scenario[per_scenario["scenario"] == scenario]
    used = [u for i in items for u in i["utilisation_year_10"].values() if u is not None]
    used += [i["utilisation_today"] for i in items if i["utilisation_today"] is not None]
    return InvestmentSummary(
        count=len(items),
        amount_sek=float(sum(i["amount_sek"] for i in items)),
        oversized=int(here["oversized"].sum()),
        no_exit_strategy=sum(bool(f["no_exit_strategy"]) for f in flags.values()),
        red=sum(bool(f["red"]) for f in flags.values()),
        highest_utilisation=float(max([1.0, threshold, *used])),
    )
