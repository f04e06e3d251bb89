"""The demo municipality tells the story the product is built for, under every scenario.

* Keeping every school ("if we do not act"): cost per pupil rises and more pupils end
  up in combined-grade classes as the children get fewer.
* Every merge saves money over the horizon but makes journeys longer.
* The two merges are genuinely different choices.

Then explicit-tolerance regression checks on headline numbers.
"""

from __future__ import annotations

import pandas as pd
import pytest

from engine import compare, evaluate


@pytest.fixture(scope="module")
def table(demo) -> pd.DataFrame:
    return compare(demo)


def merge_alternatives(demo) -> list[str]:
    return [a.id for a in demo.alternatives.values() if any(x.action == "merge" for x in a.actions)]


def test_demo_has_the_alternatives_the_story_needs(demo):
    assert "keep-all" in demo.alternatives
    assert {"merge-a-b", "merge-b-c"} <= set(merge_alternatives(demo))
    assert len(demo.scenarios) == 3


@pytest.mark.parametrize("scenario", ["bas", "stress", "stabilisering"])
def test_keep_all_gets_dearer_per_pupil_and_more_combined(demo, scenario):
    years = evaluate(demo, scenario, "keep-all").years
    first, last = years.iloc[0], years.iloc[-1]
    assert last["cost_per_pupil_sek"] > first["cost_per_pupil_sek"]
    assert last["combined_grade_share"] > first["combined_grade_share"]


@pytest.mark.parametrize("scenario", ["bas", "stress", "stabilisering"])
def test_every_merge_is_cheaper_but_farther(demo, table, scenario):
    part = table[table["scenario"] == scenario].set_index("alternative")
    keep = part.loc["keep-all"]
    for alt in merge_alternatives(demo):
        row = part.loc[alt]
        # Total over the horizon, one-off costs included.
        assert row["total_cost_sek"] < keep["total_cost_sek"], alt
        assert row["diff_total_cost_sek"] < 0, alt
        assert row["mean_distance_km_last_year"] > keep["mean_distance_km_last_year"], alt


@pytest.mark.parametrize("scenario", ["bas", "stress", "stabilisering"])
def test_the_two_merges_differ(table, scenario):
    part = table[table["scenario"] == scenario].set_index("alternative")
    ab, bc = part.loc["merge-a-b"], part.loc["merge-b-c"]
    differs_in_transport = abs(ab["pupils_over_threshold_last_year"] - bc["pupils_over_threshold_last_year"]) >= 1
    differs_in_distance = abs(ab["mean_distance_km_last_year"] - bc["mean_distance_km_last_year"]) >= 0.05
    assert differs_in_transport or differs_in_distance


# --- regression checks -----------------------------------------------------------------
# Recorded on 2026-12-07 after the cost defaults were set against Skolverket's components
# (other teaching 21 000 kr per pupil, what follows the pupil 31 000 kr; issue 11 §4)
# (scenario "bas", keep-all, 2025–2035). They MUST be updated deliberately, with the
# reason in the commit message, whenever the model or data/demo changes: a failure here
# means the headline numbers a user sees have moved by more than 2 %.

BAS_KEEP_ALL_TOTAL_COST_SEK = 1_647_848_329  # Σ 2025–2035 running cost (+ one-off, which is 0)
BAS_KEEP_ALL_COST_PER_PUPIL_LAST_YEAR_SEK = 167_764  # 2035
TOLERANCE = 0.02  # ±2 %


def test_bas_keep_all_total_cost_regression(table):
    row = table[(table["scenario"] == "bas") & (table["alternative"] == "keep-all")].iloc[0]
    assert row["total_cost_sek"] == pytest.approx(BAS_KEEP_ALL_TOTAL_COST_SEK, rel=TOLERANCE)


def test_bas_keep_all_cost_per_pupil_regression(demo):
    last = evaluate(demo, "bas", "keep-all").years.iloc[-1]
    assert last["cost_per_pupil_sek"] == pytest.approx(BAS_KEEP_ALL_COST_PER_PUPIL_LAST_YEAR_SEK, rel=TOLERANCE)
