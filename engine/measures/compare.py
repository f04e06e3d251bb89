"""Every alternative under every scenario, with totals and the difference to keep-all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from engine.core.types import DEFAULT_YEARS, KEEP_ALL, Alternative, Scenario
from engine.dataset import Dataset
from engine.model.economy import against_baseline
from engine.model.evaluate import Result, evaluate

# Totals over the horizon (base year included) and values in the last year.
COMPARE_KEYS = (
    "scenario", "alternative", "name", "total_cost_sek", "total_one_off_cost_sek",
    "cost_last_year_sek", "cost_per_pupil_last_year_sek", "pupils_last_year", "schools_open_last_year",
    "mean_class_size_last_year", "combined_grade_share_last_year", "mean_distance_km_last_year",
    "max_distance_km_last_year", "pupils_over_threshold_last_year", "pupils_changing_school_last_year",
    "max_overcrowded_pupils", "diff_total_cost_sek", "diff_cost_last_year_sek",
    # the whole municipality (extensions): effect on the result against keep-all
    "result_last_year_sek", "accumulated_result_sek", "diff_accumulated_result_sek", "payback_year",
    "present_value_sek",
)  # fmt: skip


def compare(
    dataset: Dataset,
    scenarios: Sequence[str | Scenario] | None = None,
    overrides: dict[str, Any] | None = None,
    *,
    years: int = DEFAULT_YEARS,
    alternatives: Sequence[str | Alternative] | None = None,
) -> pd.DataFrame:
    """One row per scenario × alternative; ``diff_*`` = alternative − keep-all.

    total_cost_sek = Σ over years of (running cost + one-off costs), base year included.
    keep-all is always evaluated, as the reference.
    """
    chosen = [dataset.alternatives[a] if isinstance(a, str) else a for a in (alternatives or dataset.alternatives)]
    if all(a.id != KEEP_ALL for a in chosen):
        chosen.insert(0, dataset.alternatives[KEEP_ALL])
    rows = []
    for scenario in scenarios or list(dataset.scenarios):
        scenario_id = scenario if isinstance(scenario, str) else scenario.id
        baseline = evaluate(dataset, scenario, dataset.alternatives[KEEP_ALL], overrides, years=years)
        for alternative in chosen:
            alt_id = alternative.id
            result = evaluate(dataset, scenario, alternative, overrides, years=years)
            effect = against_baseline(result.economy, baseline.economy, result.parameters.discount_rate)
            y = result.years
            last = y.iloc[-1]
            rows.append(
                {
                    "scenario": scenario_id,
                    "alternative": alt_id,
                    "name": alternative.name,
                    "total_cost_sek": y["cost_sek"].sum() + y["one_off_cost_sek"].sum(),
                    "total_one_off_cost_sek": y["one_off_cost_sek"].sum(),
                    "cost_last_year_sek": last["cost_sek"],
                    "cost_per_pupil_last_year_sek": last["cost_per_pupil_sek"],
                    "pupils_last_year": last["pupils"],
                    "schools_open_last_year": int(last["schools_open"]),
                    "mean_class_size_last_year": last["mean_class_size"],
                    "combined_grade_share_last_year": last["combined_grade_share"],
                    "mean_distance_km_last_year": last["mean_distance_km"],
                    "max_distance_km_last_year": last["max_distance_km"],
                    "pupils_over_threshold_last_year": last["pupils_over_threshold"],
                    "pupils_changing_school_last_year": last["pupils_changing_school"],
                    "max_overcrowded_pupils": y["overcrowded_pupils"].max(),
                    "result_last_year_sek": result.economy["result_sek"].iloc[-1],
                    "accumulated_result_sek": result.economy["accumulated_result_sek"].iloc[-1],
                    "diff_accumulated_result_sek": effect["accumulated_change_sek"],
                    "payback_year": effect["payback_year"],
                    "present_value_sek": effect["present_value_sek"],
                }
            )
    frame = pd.DataFrame(rows)
    frame["payback_year"] = frame["payback_year"].astype("Int64")
    baseline = frame[frame["alternative"] == KEEP_ALL].set_index("scenario")
    frame["diff_total_cost_sek"] = frame["total_cost_sek"] - frame["scenario"].map(baseline["total_cost_sek"])
    frame["diff_cost_last_year_sek"] = frame["cost_last_year_sek"] - frame["scenario"].map(
        baseline["cost_last_year_sek"]
    )
    return frame[list(COMPARE_KEYS)]


def accumulated_difference(result: Result, baseline: Result) -> pd.DataFrame:
    """year, diff_sek: Σ up to each year of (cost + one-off) − the same for keep-all."""
    own = result.years["cost_sek"].to_numpy() + result.years["one_off_cost_sek"].to_numpy()
    ref = baseline.years["cost_sek"].to_numpy() + baseline.years["one_off_cost_sek"].to_numpy()
    return pd.DataFrame({"year": result.years["year"].to_numpy(), "diff_sek": np.cumsum(own - ref)})


def distance_distribution(result: Result, year: int, bands_km: Sequence[float]) -> pd.Series:
    """Pupils per distance band [lo, hi) in ``year``; the index is the band's lower edge in km."""
    flows = result.flows[result.flows["year"] == year]
    edges = list(bands_km)
    binned = pd.cut(flows["km"], edges, right=False, labels=edges[:-1])
    return flows.groupby(binned, observed=False)["pupils"].sum().reindex(edges[:-1]).fillna(0.0)


# The key figures of the last year that the Jämför table and the memo show, in their order.
KEY_FIGURES: tuple[str, ...] = (
    "pupils", "schools_open", "cost_sek", "cost_per_pupil_sek", "one_off_cost_sek", "mean_class_size",
    "combined_grade_share", "teachers_fte", "fragile_teams", "mean_distance_km", "max_distance_km",
    "pupils_over_threshold", "pupils_changing_school", "overcrowded_pupils",
)  # fmt: skip


# Key figures summed over the horizon rather than read in its last year: a one-off cost falls in the year of
# the change, so the last year's value would read 0.
SUMMED_KEY_FIGURES: frozenset[str] = frozenset({"one_off_cost_sek"})


def key_figures(results: Mapping[str, Result], measures: Sequence[str] = KEY_FIGURES) -> pd.DataFrame:
    """The last year's value of each measure (rows, in ``measures``' order) for each result (columns);
    for :data:`SUMMED_KEY_FIGURES` the sum over every year instead."""
    return pd.DataFrame(
        {
            alt: [float(r.years[m].sum() if m in SUMMED_KEY_FIGURES else r.years[m].iloc[-1]) for m in measures]
            for alt, r in results.items()
        },
        index=pd.Index(list(measures), name="measure"),
    )


def by_scenario(
    table: pd.DataFrame, column: str, alternatives: Sequence[str], scenarios: Sequence[str]
) -> pd.DataFrame:
    """One column of :func:`compare`'s table as alternatives (rows) × scenarios (columns), in the given orders."""
    wide = table.pivot(index="alternative", columns="scenario", values=column)
    return wide.reindex(index=list(alternatives), columns=list(scenarios))


def scenarios_below_zero(differences: pd.DataFrame) -> pd.Series:
    """Per alternative (row of :func:`by_scenario`), in how many scenarios the value is below 0 (saves)."""
    return (differences < 0).sum(axis=1).astype(int)


def result_by_scenario(table: pd.DataFrame, alternatives: Sequence[str], scenarios: Sequence[str]) -> pd.DataFrame:
    """The accumulated result under every scenario: keep-all's own, and for each other alternative
    its difference to keep-all's (alternatives × scenarios, from :func:`compare`'s table)."""
    out = by_scenario(table, "diff_accumulated_result_sek", alternatives, scenarios)
    out.loc[KEEP_ALL] = by_scenario(table, "accumulated_result_sek", [KEEP_ALL], scenarios).loc[KEEP_ALL]
    return out
