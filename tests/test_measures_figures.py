"""The figures the pages used to compute themselves, now in engine.measures, on numbers worked out by hand."""

from __future__ import annotations

import dataclasses
import math
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from engine.core import formatting as fmt
from engine.measures.assumptions import participation_range
from engine.measures.change import change, over_years, relative_to_first, relative_to_first_value
from engine.measures.compare import (
    KEY_FIGURES,
    by_scenario,
    key_figures,
    result_by_scenario,
    scenarios_below_zero,
)
from engine.measures.effects import effect
from engine.measures.investments import investment_summary
from engine.measures.population import inhabitants, persons_change_by_area

# --- change ---------------------------------------------------------------------------------


def test_change_from_first_to_last() -> None:
    # 1 090 → 798: difference −292, relative 798 / 1 090 − 1 = −0.26789
    c = change(1090, 798)
    assert (c.first, c.last, c.difference) == (1090.0, 798.0, -292.0)
    assert c.relative == pytest.approx(-0.26789, abs=1e-5)
    assert math.isnan(change(0, 5).relative) and change(0, 5).difference == 5.0


def test_over_years_sums_the_columns_of_the_first_and_last_rows() -> None:
    # care = aldreboende + hemtjanst: 2025 10 + 5 = 15, 2027 14 + 7 = 21 → +6, +40 %
    costs = pd.DataFrame({"year": [2025, 2026, 2027], "aldreboende": [10, 11, 14], "hemtjanst": [5, 6, 7]})
    care = over_years(costs, "aldreboende", "hemtjanst")
    assert (care.first, care.last, care.difference) == (15.0, 21.0, 6.0)
    assert care.relative == pytest.approx(0.4)
    assert over_years(costs, "hemtjanst").relative == pytest.approx(0.4)  # 7 / 5 − 1


def test_relative_to_first_year() -> None:
    # 80 → 100 → 60: 0, +25 %, −25 %; a column starting at 0 has no relative change
    ages = pd.DataFrame({"year": [2025, 2026, 2027], "0–5": [80, 100, 60], "80+": [0, 3, 4]})
    out = relative_to_first(ages, ["0–5", "80+"])
    assert out["year"].tolist() == [2025, 2026, 2027]
    assert out["0–5"].tolist() == pytest.approx([0.0, 0.25, -0.25])
    assert out["80+"].isna().all()
    assert relative_to_first_value(np.array([])).size == 0


# --- compare: key figures and scenario tables -------------------------------------------------


def years_table(cost: list[float], one_off: list[float], **last: float) -> pd.DataFrame:
    """A result's yearly table: the given costs over 2025…, every other figure constant (``last``)."""
    n = len(cost)
    figures = {m: [last.get(m, 1.0)] * n for m in KEY_FIGURES if m not in ("cost_sek", "one_off_cost_sek")}
    return pd.DataFrame({"year": range(2025, 2025 + n), "cost_sek": cost, "one_off_cost_sek": one_off, **figures})


def test_key_figures_are_the_last_years_values_and_one_off_costs_the_periods() -> None:
    keep = SimpleNamespace(years=years_table([10, 12], [0, 0], pupils=100.0))
    merge = SimpleNamespace(years=years_table([10, 9], [4, 0], pupils=98.0))
    table = key_figures({"keep-all": keep, "merge": merge})
    assert list(table.index) == list(KEY_FIGURES) and list(table.columns) == ["keep-all", "merge"]
    # cost: the last year's 9; one-off: 4 + 0 over the period, not the last year's 0
    assert table.at["cost_sek", "merge"] == 9.0 and table.at["one_off_cost_sek", "merge"] == 4.0
    assert table.at["pupils", "keep-all"] == 100.0


def test_effect_totals_running_and_one_off_costs() -> None:
    # keep-all Σ = 10 + 12 = 22; merge Σ = (10 + 9) + (0 + 3) = 22 → total difference 0
    keep = SimpleNamespace(years=years_table([10, 12], [0, 0]))
    merge = SimpleNamespace(years=years_table([10, 9], [0, 3]))
    e = effect(merge, keep)  # type: ignore[arg-type]
    assert (e.total_cost_sek, e.total_diff_sek, e.cost_diff_sek) == (22.0, 0.0, -3.0)


COMPARED = pd.DataFrame(
    {
        "scenario": ["bas", "bas", "stress", "stress"],
        "alternative": ["keep-all", "merge", "keep-all", "merge"],
        "diff_total_cost_sek": [0.0, -5.0, 0.0, 2.0],
        "accumulated_result_sek": [-100.0, -80.0, -300.0, -290.0],
        "diff_accumulated_result_sek": [0.0, 20.0, 0.0, 10.0],
    }
)


def test_by_scenario_in_the_given_orders_and_where_an_alternative_saves() -> None:
    wide = by_scenario(COMPARED, "diff_total_cost_sek", ["keep-all", "merge"], ["stress", "bas"])
    assert wide.loc["merge"].tolist() == [2.0, -5.0] and list(wide.columns) == ["stress", "bas"]
    # merge saves (< 0) under bas only; keep-all's 0 is no saving
    assert scenarios_below_zero(wide).to_dict() == {"keep-all": 0, "merge": 1}


def test_result_by_scenario_keeps_keep_alls_own_result() -> None:
    table = result_by_scenario(COMPARED, ["keep-all", "merge"], ["bas", "stress"])
    assert table.loc["keep-all"].tolist() == [-100.0, -300.0]  # its own accumulated result
    assert table.loc["merge"].tolist() == [20.0, 10.0]  # against keep-all's


# --- population, assumptions, investments ------------------------------------------------------


def test_persons_change_by_area() -> None:
    # A: 40 → 30 (−25 %); B: 0 → 5 (no relative change from nobody)
    by_area = pd.DataFrame(
        {
            "year": [2025, 2025, 2035, 2035],
            "area_id": ["A", "B", "A", "B"],
            "name": ["Åsby", "Berga", "Åsby", "Berga"],
            "persons": [40.0, 0.0, 30.0, 5.0],
        }
    )
    out = persons_change_by_area(by_area, 2025, 2035)
    assert list(out.index) == ["A", "B"] and out["name"].tolist() == ["Åsby", "Berga"]
    assert out["persons_first"].tolist() == [40.0, 0.0] and out["persons_last"].tolist() == [30.0, 5.0]
    assert out.at["A", "change"] == pytest.approx(-0.25) and math.isnan(out.at["B", "change"])


def test_inhabitants_count_everybody() -> None:
    assert inhabitants(np.array([[1.0, 2.0], [3.0, 4.5]])) == 10.5


def test_participation_is_whole_without_enrollment(tiny) -> None:
    assert participation_range(dataclasses.replace(tiny, enrollment=None)) == (1.0, 1.0)


def test_investment_summary_by_hand() -> None:
    items = [
        {"id": "i1", "amount_sek": 30e6, "utilisation_today": 0.9, "utilisation_year_10": {"bas": 0.5, "stress": 1.3}},
        {"id": "i2", "amount_sek": 12e6, "utilisation_today": None, "utilisation_year_10": {"bas": None, "stress": 0.8}},
    ]  # fmt: skip
    flags = {"i1": {"no_exit_strategy": False, "red": True}, "i2": {"no_exit_strategy": True, "red": True}}
    per_scenario = pd.DataFrame(
        {"scenario": ["bas", "stress", "bas", "stress"], "oversized": [True, False, False, False]}
    )
    s = investment_summary(items, flags, per_scenario, "bas", threshold=0.7)
    # 2 investments, 30 + 12 = 42 mnkr; oversized in bas: i1; no exit strategy: i2; both red;
    # the chart's scale: max(1, 0.7, 0.5, 1.3, 0.8, 0.9) = 1.3
    assert (s.count, s.amount_sek, s.oversized, s.no_exit_strategy, s.red) == (2, 42e6, 1, 1, 2)
    assert s.highest_utilisation == 1.3


def test_display_units() -> None:
    assert fmt.in_mnkr(2_500_000) == 2.5 and fmt.in_percent(0.125) == 12.5
    assert fmt.in_mnkr(pd.Series([1e6, 3e6])).tolist() == [1.0, 3.0]
