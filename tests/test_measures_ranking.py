"""engine/ranking.py: scores and ranks worked out by hand, then properties that must always hold."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.measures import ranking
from engine.measures.ranking import (
    CRITERIA,
    MEASURES,
    LeaderChange,
    first_choices,
    leader_changes,
    quality,
    rank,
    scores,
)

# Three alternatives, every measure "lower is better":
#                cost_diff  cgs  fragile  dist  over  moves
#   A (keep-all)      0    0.4     2       4    100     0
#   B            −10 mnkr  0.2     0       6    140    30
#   C             −5 mnkr  0.3     1       5    120    10
HAND = pd.DataFrame(
    {
        "alternative": ["A", "B", "C"],
        "cost_diff_sek": [0.0, -10e6, -5e6],
        "combined_grade_share": [0.4, 0.2, 0.3],
        "fragile_teams": [2.0, 0.0, 1.0],
        "mean_distance_km": [4.0, 6.0, 5.0],
        "pupils_over_threshold": [100.0, 140.0, 120.0],
        "pupils_changing_school": [0.0, 30.0, 10.0],
    }
)


def test_quality_is_min_max_scaled_with_lower_better() -> None:
    q = quality(HAND)
    # economy: lo = −10e6, hi = 0 → A (0 − 0)/10e6 = 0, B 1, C (0 + 5e6)/10e6 = 0.5
    assert q["economy"].tolist() == pytest.approx([0.0, 1.0, 0.5])
    # quality: mean of cgs (A 0, B 1, C 0.5) and fragile (A 0, B 1, C 0.5)
    assert q["quality"].tolist() == pytest.approx([0.0, 1.0, 0.5])
    # travel: distance (A 1, B 0, C 0.5) and over threshold (A 1, B 0, C (140 − 120)/40 = 0.5)
    assert q["travel"].tolist() == pytest.approx([1.0, 0.0, 0.5])
    # moves: A 1, B 0, C (30 − 10)/30 = 2/3
    assert q["moves"].tolist() == pytest.approx([1.0, 0.0, 2 / 3])


def test_weighted_sum_divided_by_the_sum_of_weights() -> None:
    # economy 2, travel 1: W = 3; A (2·0 + 1·1)/3 = 1/3, B (2·1 + 0)/3 = 2/3, C (2·0.5 + 0.5)/3 = 1/2
    out = rank(HAND, {"economy": 2, "travel": 1})
    assert out.index.tolist() == ["B", "C", "A"]
    assert out["score"].tolist() == pytest.approx([2 / 3, 1 / 2, 1 / 3])
    assert out["rank"].tolist() == [1, 2, 3]


def test_ties_share_a_rank() -> None:
    # All four weighted 1: A (0 + 0 + 1 + 1)/4 = 0.5, B (1 + 1 + 0 + 0)/4 = 0.5,
    # C (0.5 + 0.5 + 0.5 + 2/3)/4 = 0.5417 → C first, A and B share second place (1, 2, 2).
    out = rank(HAND, dict.fromkeys(CRITERIA, 1))
    assert out.loc["C", "rank"] == 1
    assert out.loc["A", "rank"] == out.loc["B", "rank"] == 2
    assert out.index.tolist() == ["C", "A", "B"]  # ties keep the compared order


def test_all_zero_weights_rank_nothing() -> None:
    out = rank(HAND, {})
    assert out["score"].isna().all() and out["rank"].isna().all()
    assert ranking.leaders(quality(HAND), dict.fromkeys(CRITERIA, 0)) == ()


def test_a_measure_that_does_not_differ_counts_as_best_for_all_and_missing_as_worst() -> None:
    same = HAND.assign(fragile_teams=3.0, combined_grade_share=[0.4, np.nan, 0.3])
    q = quality(same)
    # cgs: lo 0.3, hi 0.4 → A 0, B missing → 0, C 1; fragile all equal → 1 each
    assert q["quality"].tolist() == pytest.approx([0.5, 0.5, 1.0])


def test_bad_weights_are_refused() -> None:
    with pytest.raises(ValueError, match="kriterium"):
        rank(HAND, {"beauty": 1})
    with pytest.raises(ValueError, match="≥ 0"):
        rank(HAND, {"economy": -1})


def test_first_choices_count_each_weight_set_once_and_ties_for_each() -> None:
    q = quality(HAND)
    sets = [
        {"economy": 1},  # B first
        {"travel": 1},  # A first (A 1, C 0.5, B 0)
        dict.fromkeys(CRITERIA, 1),  # C first
        {"economy": 1, "travel": 1},  # A 0.5, B 0.5, C 0.5: a three-way tie counts for all
        {},  # nothing weighted: counts for nobody
    ]
    assert first_choices(q, sets).to_dict() == {"A": 2, "B": 2, "C": 2}


def test_leader_changes_name_the_weights_that_change_first_place() -> None:
    # Now economy 2, travel 1 → B first (above).
    changes = leader_changes(quality(HAND), {"economy": 2, "travel": 1})
    assert changes == [
        # economy 0: travel alone → A; economy 1: A, B, C all (0 + 1)/2 = (1 + 0)/2 = (0.5 + 0.5)/2
        LeaderChange("economy", (0,), ("A",)),
        LeaderChange("economy", (1,), ("A", "B", "C")),
        # travel 2: A 2/4, B 2/4, C (1 + 1)/4 → tie; travel 3: A 3/5 > C 2.5/5 > B 2/5 → A
        LeaderChange("travel", (2,), ("A", "B", "C")),
        LeaderChange("travel", (3, 4, 5), ("A",)),
        # quality only helps B. moves m: A (1 + m)/(3 + m), B 2/(3 + m), C (1.5 + 2m/3)/(3 + m):
        # m = 1 → C (2.17 > 2 = 2); m ≥ 2 → A
        LeaderChange("moves", (1,), ("C",)),
        LeaderChange("moves", (2, 3, 4, 5), ("A",)),
    ]


def test_measures_from_results_uses_the_accumulated_difference_and_the_last_year(demo) -> None:
    from engine import evaluate
    from engine.measures.compare import accumulated_difference

    results = {a: evaluate(demo, "bas", a) for a in ("keep-all", "merge-a-b")}
    table = ranking.measures_from_results(results, results["keep-all"])
    assert table.columns.tolist() == ["alternative", *MEASURES]
    row = table.set_index("alternative").loc["merge-a-b"]
    expected = accumulated_difference(results["merge-a-b"], results["keep-all"])["diff_sek"].iloc[-1]
    assert row["cost_diff_sek"] == pytest.approx(expected)
    assert row["fragile_teams"] == results["merge-a-b"].years["fragile_teams"].iloc[-1]
    assert table.set_index("alternative").loc["keep-all", "cost_diff_sek"] == 0


# --- properties --------------------------------------------------------------------------

values = st.floats(min_value=-1e8, max_value=1e8, allow_nan=False)
weights_st = st.fixed_dictionaries({c: st.integers(0, 5) for c in CRITERIA})


@st.composite
def tables(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(2, 6))
    data = {m: [draw(values) for _ in range(n)] for m in MEASURES}
    return pd.DataFrame({"alternative": [f"alt{i}" for i in range(n)], **data})


@settings(max_examples=150, deadline=None)
@given(tables(), weights_st)
def test_scores_lie_in_zero_one_and_ranks_start_at_one(table: pd.DataFrame, weights: dict[str, int]) -> None:
    out = rank(table, weights)
    if sum(weights.values()) == 0:
        assert out["rank"].isna().all()
        return
    assert ((out["score"] >= -1e-12) & (out["score"] <= 1 + 1e-12)).all()
    assert out["rank"].min() == 1
    assert out["rank"].is_monotonic_increasing


@settings(max_examples=150, deadline=None)
@given(tables(), weights_st, st.floats(min_value=0.01, max_value=1000))
def test_scaling_every_weight_leaves_the_ranks_unchanged(table: pd.DataFrame, weights: dict, k: float) -> None:
    before = rank(table, weights)["rank"].sort_index()
    after = rank(table, {c: w * k for c, w in weights.items()})["rank"].sort_index()
    assert before.equals(after)


@settings(max_examples=150, deadline=None)
@given(tables(), weights_st)
def test_an_alternative_best_on_every_measure_ranks_first_with_score_one(table: pd.DataFrame, weights: dict) -> None:
    best = {m: table[m].min() - 1.0 for m in MEASURES}  # strictly lower = better on everything
    table = pd.concat([table, pd.DataFrame([{"alternative": "best", **best}])], ignore_index=True)
    out = rank(table, weights)
    if sum(weights.values()) == 0:
        return
    assert out.index[0] == "best" and out.loc["best", "rank"] == 1
    assert math.isclose(out.loc["best", "score"], 1.0)


@settings(max_examples=100, deadline=None)
@given(tables(), weights_st, st.randoms())
def test_the_order_of_the_rows_does_not_matter(table: pd.DataFrame, weights: dict, rnd) -> None:
    order = list(range(len(table)))
    rnd.shuffle(order)
    shuffled = table.iloc[order].reset_index(drop=True)
    assert rank(table, weights)["rank"].sort_index().equals(rank(shuffled, weights)["rank"].sort_index())


@settings(max_examples=100, deadline=None)
@given(tables(), weights_st)
def test_raising_a_criterion_never_hurts_its_best_alternative(table: pd.DataFrame, weights: dict) -> None:
    q = quality(table)
    for criterion in CRITERIA:
        top = q[criterion].idxmax()
        before = scores(q, weights)
        after = scores(q, {**weights, criterion: weights[criterion] + 1})
        if before["rank"].notna().all():
            assert after.loc[top, "rank"] <= before.loc[top, "rank"]


@settings(max_examples=100, deadline=None)
@given(tables(), st.lists(weights_st, max_size=8))
def test_leaders_and_first_choices_agree_with_the_ranks(table: pd.DataFrame, sets: list[dict]) -> None:
    q = quality(table)
    counts = dict.fromkeys(q.index, 0)
    for weights in sets:
        ranked = scores(q, weights)
        top = tuple(a for a in q.index if ranked.loc[a, "rank"] == 1) if ranked["rank"].notna().all() else ()
        assert ranking.leaders(q, weights) == top
        for a in top:
            counts[a] += 1
    assert first_choices(q, sets).to_dict() == counts
