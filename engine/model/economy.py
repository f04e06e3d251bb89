"""The municipality's economy: "what happens if we do not act?" (DESIGN.md §6).

Per year t, with P(t) inhabitants::

    revenue(t)  = P(t) × (tax_base_per_inhabitant_sek × tax_rate + grants_per_inhabitant_sek)
    cost(t)     = Σ modelled services (schools, preschool, care homes, home care, leisure)
                  + P(t) × other_costs_per_inhabitant_sek
    result(t)   = revenue(t) − cost(t) − one_off(t)
    accumulated = Σ_{τ ≤ t} result(τ)

Revenue is proportional to the population (income equalisation makes this close to
true in low-income municipalities); money is at base-year prices.

Against keep-all, for an alternative: Δresult(t) = result_alt(t) − result_keep(t);
the payback year is the first year from which Σ_{τ ≤ t} Δresult(τ) ≥ 0 stays so after
having paid any one-off costs; the present value is Σ_t Δresult(t) / (1 + r)^(t − t₀).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from engine.core.parameters import Parameters

ECONOMY_KEYS = ("year", "revenue_sek", "cost_sek", "result_sek", "accumulated_result_sek", "one_off_cost_sek")


def economy(
    calendar_years: np.ndarray,
    inhabitants: np.ndarray,
    service_costs: dict[str, np.ndarray],
    one_off_cost_sek: np.ndarray,
    params: Parameters,
) -> pd.DataFrame:
    """One row per year: ECONOMY_KEYS, then the cost of each service and the revenue parts."""
    tax = inhabitants * params.tax_base_per_inhabitant_sek * params.tax_rate
    grants = inhabitants * params.grants_per_inhabitant_sek
    other = inhabitants * params.other_costs_per_inhabitant_sek
    cost = other + sum(service_costs.values())
    result = tax + grants - cost - one_off_cost_sek
    frame = pd.DataFrame(
        {
            "year": calendar_years,
            "revenue_sek": tax + grants,
            "cost_sek": cost,
            "result_sek": result,
            "accumulated_result_sek": np.cumsum(result),
            "one_off_cost_sek": one_off_cost_sek,
            "tax_revenue_sek": tax,
            "grants_sek": grants,
            "other_costs_sek": other,
            **{f"{name}_cost_sek": values for name, values in service_costs.items()},
        }
    )
    return frame


def against_baseline(
    alternative: pd.DataFrame, baseline: pd.DataFrame, discount_rate: float
) -> dict[str, float | None]:
    """Effect of an alternative on the result: totals, payback year and present value."""
    diff = alternative["result_sek"].to_numpy() - baseline["result_sek"].to_numpy()
    accumulated = np.cumsum(diff)
    years = alternative["year"].to_numpy()
    t = years - years[0]
    payback = None
    one_off = float(alternative["one_off_cost_sek"].sum())
    paid = np.nonzero(alternative["one_off_cost_sek"].to_numpy() > 0)[0]
    if len(paid):
        # From the first one-off cost on: the first year after which the accumulated
        # gain never falls below zero again.
        start = paid[0]
        negative = np.nonzero(accumulated[start:] < 0)[0]
        first_ok = start + (negative[-1] + 1 if len(negative) else 0)
        if first_ok < len(years):
            payback = int(years[first_ok])
    return {
        "result_change_last_year_sek": float(diff[-1]),
        "accumulated_change_sek": float(accumulated[-1]),
        "one_off_cost_sek": one_off,
        "payback_year": payback,
        "present_value_sek": float((diff / (1 + discount_rate) ** t).sum()),
    }
