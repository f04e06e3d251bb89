"""Rank alternatives only on the criteria a person has weighted (workshop input).

Measures (one row per alternative; every measure is "lower is better"):

    cost_diff_sek           Σ_t (cost + one-off cost)_a − the same for keep-all, over the
                            horizon (compare.accumulated_difference in the last year)
    combined_grade_share    share of pupils in combined-grade classes, last year
    fragile_teams           schools whose teacher team is fragile, last year
    mean_distance_km        mean distance to school, last year
    pupils_over_threshold   pupils entitled to school transport, last year
    pupils_changing_school  pupils at another school than under keep-all, last year

Criteria group them (:data:`CRITERIA`): economy = {cost_diff_sek}; quality =
{combined_grade_share, fragile_teams}; travel = {mean_distance_km,
pupils_over_threshold}; moves = {pupils_changing_school}. Mean class size is left out
on purpose: a larger class is not better or worse in itself (the class-size cap is
a parameter, not a criterion).

**Normalisation** across the compared alternatives A, per measure m::

    lo = min_A x,  hi = max_A x
    u(a, m) = (hi − x_a) / (hi − lo)      if hi − lo > 1e-9 × max(1, |lo|, |hi|)
    u(a, m) = 1                           otherwise (no alternative is worse)

so the best alternative on m scores 1 and the worst 0; a missing value counts as
the worst (0). The scale is relative to the compared set: a small difference counts
as much as a large one, which is why the page shows the measures beside the scores.
A criterion's value is the mean of its measures: q(a, c) = mean_{m ∈ c} u(a, m).

**Score** with weights w_c ≥ 0 (0–5 on the page) and W = Σ_c w_c > 0::

    s(a) = Σ_c w_c · q(a, c) / W            ∈ [0, 1]

Scaling every weight by k > 0 leaves s unchanged, and an alternative that is best on
every weighted criterion scores 1. **Ties**: rank(a) = 1 + #{b : s(b) > s(a) + 1e-9}
(competition ranking 1, 1, 3), so scores equal up to rounding share a rank. **All
weights zero**: nothing is weighted, so nothing is ranked: every score is NaN and
every rank missing.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from engine.measures.compare import accumulated_difference
from engine.model.evaluate import Result

CRITERIA: dict[str, tuple[str, ...]] = {
    "economy": ("cost_diff_sek",),
    "quality": ("combined_grade_share", "fragile_teams"),
    "travel": ("mean_distance_km", "pupils_over_threshold"),
    "moves": ("pupils_changing_school",),
}
MEASURES: tuple[str, ...] = tuple(m for ms in CRITERIA.values() for m in ms)
TIE = 1e-9  # scores closer than this share a rank; also the relative spread below which a measure does not separate
WEIGHT_LEVELS: tuple[float, ...] = (0, 1, 2, 3, 4, 5)  # the page's slider steps


def measures_from_results(results: Mapping[str, Result], baseline: Result) -> pd.DataFrame:
    """The tidy measure table: ``alternative`` then :data:`MEASURES`, one row per result."""
    rows = []
    for alt_id, result in results.items():
        last = result.years.iloc[-1]
        rows.append(
            {
                "alternative": alt_id,
                "cost_diff_sek": float(accumulated_difference(result, baseline)["diff_sek"].iloc[-1]),
                **{m: float(last[m]) for m in MEASURES if m != "cost_diff_sek"},
            }
        )
    return pd.DataFrame(rows, columns=["alternative", *MEASURES])


def quality(measures: pd.DataFrame) -> pd.DataFrame:
    """q(a, c) ∈ [0, 1] (1 = best among the compared): index alternative, one column per criterion."""
    table = measures.set_index("alternative")
    out = {}
    for criterion, members in CRITERIA.items():
        parts = []
        for m in members:
            x = table[m].to_numpy(float)
            finite = np.isfinite(x)
            if not finite.any():
                parts.append(np.ones_like(x))
                continue
            lo, hi = x[finite].min(), x[finite].max()
            separates = hi - lo > TIE * max(1.0, abs(lo), abs(hi))
            u = (hi - x) / (hi - lo) if separates else np.ones_like(x)
            parts.append(np.where(finite, u, 0.0))
        out[criterion] = np.mean(parts, axis=0)
    return pd.DataFrame(out, index=table.index)


def _vector(weights: Mapping[str, float]) -> np.ndarray:
    """The weights in :data:`CRITERIA` order (missing = 0); unknown criteria and negative weights refused."""
    unknown = set(weights) - set(CRITERIA)
    if unknown:
        raise ValueError(f"okänt kriterium: {', '.join(sorted(unknown))}")
    w = np.array([float(weights.get(c, 0.0)) for c in CRITERIA])
    if not np.isfinite(w).all() or (w < 0).any():
        raise ValueError("vikterna måste vara tal ≥ 0")
    return w


def _score_matrix(q: pd.DataFrame, w: np.ndarray) -> np.ndarray:
    """s for each alternative (rows) and weight set (columns of ``w``, criteria × sets); NaN where W = 0."""
    total = w.sum(axis=0)
    weighted = q[list(CRITERIA)].to_numpy(float) @ w
    return np.divide(weighted, total, out=np.full(weighted.shape, np.nan), where=total > 0)


def _firsts(s: np.ndarray) -> np.ndarray:
    """Rank 1 ⇔ nobody beats a by more than TIE ⇔ s(a) ≥ max s − TIE (False where nothing is weighted)."""
    top = np.max(s, axis=0, initial=-np.inf, where=~np.isnan(s))
    return s >= top - TIE


def scores(q: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """``score`` and ``rank`` per alternative (index as ``q``), best first; see the module docstring."""
    s = _score_matrix(q, _vector(weights))
    if np.isnan(s).all():
        return pd.DataFrame({"score": s, "rank": pd.array([pd.NA] * len(q), dtype="Int64")}, index=q.index)
    rank = 1 + (s[None, :] > s[:, None] + TIE).sum(axis=1)  # row a counts the b that beat it
    out = pd.DataFrame({"score": s, "rank": pd.array(rank, dtype="Int64")}, index=q.index)
    return out.sort_values("rank", kind="stable")


def rank(measures: pd.DataFrame, weights: Mapping[str, float]) -> pd.DataFrame:
    """Scores and ranks straight from the measure table."""
    return scores(quality(measures), weights)


def leaders(q: pd.DataFrame, weights: Mapping[str, float]) -> tuple[str, ...]:
    """The alternatives ranked first (several on a tie; none when nothing is weighted)."""
    return tuple(q.index[_firsts(_score_matrix(q, _vector(weights)))])


def first_choices(q: pd.DataFrame, weight_sets: Iterable[Mapping[str, float]]) -> pd.Series:
    """How many weight sets put each alternative first (a tie counts for each tied alternative).

    A set with every weight zero ranks nothing and counts for no alternative. All sets
    are scored in one matrix product: a room of thirty costs what one person does.
    """
    vectors = [_vector(w) for w in weight_sets]
    if not vectors:
        return pd.Series(0, index=q.index, dtype=int)
    return pd.Series(_firsts(_score_matrix(q, np.column_stack(vectors))).sum(axis=1), index=q.index, dtype=int)


@dataclass(frozen=True)
class LeaderChange:
    """Had ``criterion`` weighed one of ``levels`` (others unchanged), ``leaders`` would come first."""

    criterion: str
    levels: tuple[float, ...]
    leaders: tuple[str, ...]


def leader_changes(
    q: pd.DataFrame, weights: Mapping[str, float], levels: Sequence[float] = WEIGHT_LEVELS
) -> list[LeaderChange]:
    """When the first place would change: one criterion's weight moved to each of ``levels``.

    Neighbouring levels with the same new leaders are reported together, so the
    page can say "if economy weighed 0–1, B would come first".
    """
    w = _vector(weights)
    variants = [w]  # the weights as they are, then each criterion at each level, scored in one product
    for i in range(len(CRITERIA)):
        for level in levels:
            variant = w.copy()
            variant[i] = level
            variants.append(variant)
    firsts = _firsts(_score_matrix(q, np.column_stack(variants)))
    names = q.index.to_numpy()
    now = tuple(names[firsts[:, 0]])
    out: list[LeaderChange] = []
    for i, criterion in enumerate(CRITERIA):
        columns = range(1 + i * len(levels), 1 + (i + 1) * len(levels))
        outcomes = [(level, tuple(names[firsts[:, k]])) for level, k in zip(levels, columns, strict=True)]
        for first, group in itertools.groupby(outcomes, key=lambda o: o[1]):
            if first and first != now:  # () = nothing weighted: no statement to make
                out.append(LeaderChange(criterion, tuple(level for level, _ in group), first))
    return out
