"""Assigning pupils to schools: a min-cost transportation problem.

For one year, with demand d(a,g) ≥ 0 (pupils of grade g living in area a), schools s
with capacity c(s), eligibility e(s,g) (open and offering grade g) and choice
distance r(a,s,g) in km::

    minimise    Σ r(a,s,g) x(a,g,s)  +  Σ (R + r*(a,g)) y(a,g)
    subject to  Σ_s x(a,g,s) + y(a,g) = d(a,g)          every pupil assigned once
                Σ_a,g x(a,g,s)        ≤ c(s)            capacity
                x, y ≥ 0,  x(a,g,s) = 0 unless e(s,g)

y(a,g) is overflow: pupils no school can take within capacity. They are not
dropped: they go to the nearest eligible school r*(a,g) and are reported as
overcrowding. R is larger than any distance, so overflow is a last resort.

The choice distance equals the travel distance except after a merge: when unit U
merges into T, T is chosen for grade g as if it stood where U stood,
r(a,T,g) = min(r(a,T,g), r(a,U,g)) for the grades U offered, so U's catchment
follows it to T while pupils still travel the real distance to T.

Solving: whenever everyone fits at the nearest eligible school, that assignment is
already optimal (a vectorised argmin). Only years where capacity binds go to scipy's
HiGHS: exactly, over every pair and school, for up to ``FULL_PROGRAMME_MAX_SCHOOLS``
schools; for larger municipalities only the pairs (a,g) that have an overloaded
school among their ``candidates`` nearest eligible schools are re-optimised among
those candidates, while every other pair keeps its nearest school and uses up its
room. In words: a full school's overflow goes to the next nearest school with room.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

OVERFLOW_PENALTY_KM = 1.0e5
# Up to this many schools the programme is solved over all pairs and schools (exact);
# beyond it, the restricted programme below keeps a large city within its time budget.
FULL_PROGRAMME_MAX_SCHOOLS = 40


@dataclass(frozen=True)
class Flows:
    """Where pupils go in one year, as parallel arrays (one entry per flow)."""

    area: np.ndarray  # int, index into areas
    grade: np.ndarray  # int, 0..9
    school: np.ndarray  # int, index into schools
    pupils: np.ndarray  # float ≥ 0

    def per_school_grade(self, n_schools: int, n_grades: int = 10) -> np.ndarray:
        counts = np.bincount(self.school * n_grades + self.grade, weights=self.pupils, minlength=n_schools * n_grades)
        return counts.reshape(n_schools, n_grades)


def nearest(rank: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """Index of the nearest eligible school per (area, grade); −1 where none is.

    rank: choice km [grade, area, school]; eligible: [school, grade] bool.
    """
    masked = np.where(eligible.T[:, None, :], rank, np.inf)  # [grade, area, school]
    best = masked.argmin(axis=2)
    none = ~eligible.any(axis=0)  # grades no school offers
    best[none, :] = -1
    return best.T  # [area, grade]


def assign(
    demand: np.ndarray,
    rank: np.ndarray,
    eligible: np.ndarray,
    capacity: np.ndarray,
    *,
    best: np.ndarray | None = None,
    candidates: int = 8,
) -> tuple[Flows, np.ndarray]:
    """Assign ``demand`` [area, grade]; return the flows and unplaced pupils per grade.

    ``best`` is :func:`nearest` for this rank and eligibility, when the caller has it.
    Unplaced pupils (a grade no open school offers) are returned, never silently
    dropped, so the caller can report them.
    """
    if best is None:
        best = nearest(rank, eligible)
    has_school = best >= 0
    area_idx, grade_idx = np.nonzero((demand > 0) & has_school)
    school_idx = best[area_idx, grade_idx]
    pupils = demand[area_idx, grade_idx]
    load = np.bincount(school_idx, weights=pupils, minlength=len(capacity))
    unplaced = np.where(has_school, 0.0, demand).sum(axis=0)
    flows = Flows(area_idx, grade_idx, school_idx, pupils)
    overloaded = load > capacity + 1e-9
    if not overloaded.any():
        return flows, unplaced
    masked = np.where(eligible.T[grade_idx, :], rank[grade_idx, area_idx, :], np.inf)  # [pair, school]
    if len(capacity) <= FULL_PROGRAMME_MAX_SCHOOLS:
        # Small enough to solve exactly: every pair may use every eligible school.
        order = np.broadcast_to(np.arange(len(capacity)), masked.shape)
        cand_cost = masked
        free = np.ones(len(pupils), dtype=bool)
    else:
        # Re-optimise only the pairs that have an overloaded school among their candidates;
        # every other pair keeps its nearest school, which has room, and uses up that room.
        k = min(candidates, len(capacity))
        order = np.argpartition(masked, k - 1, axis=1)[:, :k]
        cand_cost = np.take_along_axis(masked, order, axis=1)
        free = np.asarray((overloaded[order] & np.isfinite(cand_cost)).any(axis=1))
    fixed_load = np.bincount(school_idx[~free], weights=pupils[~free], minlength=len(capacity))
    moved = _solve_lp(
        area_idx[free], grade_idx[free], pupils[free], school_idx[free],
        order[free], cand_cost[free], capacity - fixed_load,
    )  # fmt: skip
    kept = Flows(area_idx[~free], grade_idx[~free], school_idx[~free], pupils[~free])
    return Flows(*(np.concatenate([a, b]) for a, b in zip(_fields(kept), _fields(moved), strict=True))), unplaced


def _fields(f: Flows) -> tuple[np.ndarray, ...]:
    return f.area, f.grade, f.school, f.pupils


def _solve_lp(
    area_idx: np.ndarray,
    grade_idx: np.ndarray,
    demand: np.ndarray,
    nearest_school: np.ndarray,
    order: np.ndarray,
    cand_cost: np.ndarray,
    capacity: np.ndarray,
) -> Flows:
    """The transportation programme over the given pairs and their candidate schools."""
    n_pairs, k = order.shape
    n_schools = len(capacity)
    valid = np.isfinite(cand_cost)
    pair_of_x = np.repeat(np.arange(n_pairs), k)[valid.ravel()]
    school_of_x = order.ravel()[valid.ravel()]
    cost_x = cand_cost.ravel()[valid.ravel()]
    n_x = len(cost_x)
    nearest_cost = cand_cost.min(axis=1)
    c = np.concatenate([cost_x, OVERFLOW_PENALTY_KM + nearest_cost])
    # Equalities: for each pair, its x's plus its overflow y equal its demand.
    eq_rows = np.concatenate([pair_of_x, np.arange(n_pairs)])
    eq_cols = np.arange(n_x + n_pairs)
    a_eq = coo_matrix((np.ones(n_x + n_pairs), (eq_rows, eq_cols)), shape=(n_pairs, n_x + n_pairs)).tocsr()
    b_eq = demand
    a_ub = coo_matrix((np.ones(n_x), (school_of_x, np.arange(n_x))), shape=(n_schools, n_x + n_pairs)).tocsr()
    solution = linprog(
        c, A_ub=a_ub, b_ub=np.maximum(capacity, 0.0), A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs"
    )
    if solution.status != 0:  # cannot happen with overflow variables; fail loudly if it does
        raise RuntimeError(f"assignment programme failed: {solution.message}")
    x = np.maximum(solution.x[:n_x], 0.0)
    y = np.maximum(solution.x[n_x:], 0.0)
    # Overflow goes to the nearest eligible school, where it shows as overcrowding.
    area = np.concatenate([area_idx[pair_of_x], area_idx])
    grade = np.concatenate([grade_idx[pair_of_x], grade_idx])
    school = np.concatenate([school_of_x, nearest_school])
    pupils = np.concatenate([x, y])
    keep = pupils > 1e-9
    return Flows(area[keep], grade[keep], school[keep], pupils[keep])
