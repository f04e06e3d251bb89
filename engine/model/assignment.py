"""Assigning pupils to schools: a min-cost transportation problem, solved exactly.

For one year, with demand d(p) ≥ 0 pupils for each pair p = (a, g) (pupils of grade g
living in area a), schools s with capacity c(s) pupils, eligibility e(s, g) (open and
offering grade g) and choice distance r(p, s) km::

    minimise    Σ_p,s r(p,s) x(p,s)  +  Σ_p (R + r*(p)) y(p)                      [pupil·km]
    subject to  Σ_s x(p,s) + y(p) = d(p)          every pupil assigned once       [pupils]
                Σ_p x(p,s)        ≤ c(s)          capacity                        [pupils]
                x, y ≥ 0,  x(p,s) = 0 unless e(s, g)

y(p) is overflow: pupils no school can take within capacity. They are not dropped:
they go to the nearest eligible school s*(p), at r*(p) = min_s r(p,s), and are
reported as overcrowding there. R (``OVERFLOW_PENALTY_KM``) is larger than any
journey, so overflow is a last resort: the programme first places as many pupils as
capacity allows, then, among those placements, minimises the pupil-km.

The choice distance equals the travel distance except after a merge: when unit U
merges into T, T is chosen for grade g as if it stood where U stood,
r(p,T) = min(r(p,T), r(p,U)) for the grades U offered, so U's catchment follows it to
T while pupils still travel the real distance to T.

Solving. Whenever everyone fits at the nearest eligible school, that assignment is
already optimal (a vectorised argmin). A year where capacity binds is solved as a
min-cost flow by OR-Tools' ``SimpleMinCostFlow`` (``solve_max_flow_with_min_cost``):
pairs supply d(p), schools absorb at most c(s), and arc p → s costs
r(p,s) − r*(p) ≥ 0. The largest flow is the fewest overflow pupils (R → ∞), and since
Σ_p r*(p) y(p) = Σ_p r*(p) d(p) − Σ_p,s r*(p) x(p,s), its least cost is the
programme's optimum less a constant. The solver works in whole numbers: pupils in
millionths (``PUPIL_UNITS``, demand rounded up, capacity down), distances in metres
(``COST_UNITS``); the rounding is taken back afterwards, so that every pair's flows sum
to d(p) and no school holds more than c(s). The pupil-km are those of distances rounded
to the metre, and a year with overflow may report up to a millionth of a pupil more
per pair than the real-valued optimum.

Grades with the same eligible schools and the same choice distances (no merge between
them) form a class: in one area their pupils are interchangeable, so the flow has one
node per (area, class), and a node's flows are shared among its grades in proportion to
their pupils. When several assignments reach the same optimum this is the one chosen:
grades of a class are split between schools alike.

Exact, and fast in a large city where every school is full: the flow is solved over
each pair's ``CANDIDATES`` nearest eligible schools first, then *priced*: the school
prices v(s) ≥ 0 (pupil·km saved by one more place at s; 0 where there is room) are
the shortest paths in the graph of moves s → s′ of a pupil now at s (weight
r(p,s′) − r(p,s), overflow as a school Ω with v = 0 at r(p,Ω) = R + r*(p)), and a pair
p pays u(p) = min over its candidates of r(p,s) + v(s). If every other eligible school
has r(p,s) + v(s) ≥ u(p), (x, u, v) satisfy the optimality conditions of the whole
programme (dual feasibility and complementary slackness) and the flow is optimal;
otherwise those arcs are added and the flow solved again (column generation). At most
``MAX_ROUNDS`` rounds, then every eligible arc at once. The arcs a year needed are
offered from the first round in the next year with the same schools (``warm``), so a
horizon usually costs one flow per binding year.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow  # type: ignore[import-untyped]

OVERFLOW_PENALTY_KM = 1.0e5
PUPIL_UNITS = 1_000_000  # the solver's flows are whole millionths of a pupil
COST_UNITS = 1_000  # the solver's costs are whole metres
CANDIDATES = 4  # nearest eligible schools per pair in the first round
MAX_ROUNDS = 8
_UNBOUNDED = 1 << 50  # an arc's capacity: more pupils than any municipality has, in PUPIL_UNITS


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

    def without_zeros(self) -> Flows:
        keep = self.pupils > 0
        return Flows(self.area[keep], self.grade[keep], self.school[keep], self.pupils[keep])


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
    warm: dict[str, np.ndarray] | None = None,
) -> tuple[Flows, np.ndarray]:
    """Assign ``demand`` [area, grade]; return the flows and unplaced pupils per grade.

    ``best`` is :func:`nearest` for this rank and eligibility, when the caller has it.
    ``warm`` (optional, one dict per set of open schools, empty at first) keeps under
    "arcs" the arcs (bool [area, grade, school]) to offer the solver in its first round:
    each (area, grade)'s nearest schools (:func:`nearest_arcs`, made the first time
    capacity binds) and then the arcs the last year's optimum needed, so the next year
    with the same schools starts from them (a warm start; the optimum does not depend on it). Unplaced pupils (a grade no open school offers) are returned, never
    silently dropped, so the caller can report them.
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
    if not (load > capacity + 1e-9).any():
        return flows, unplaced
    # Grades with the same eligible schools and choice distances form one class: in an area,
    # their pupils are interchangeable, so the programme has one node per (area, class) and
    # a node's flows are shared among its grades in proportion to their pupils.
    same = _grade_classes(rank, eligible)
    node_key = area_idx * len(same) + same[grade_idx]
    keys, node = np.unique(node_key, return_inverse=True)
    node_pupils = np.bincount(node, weights=pupils)
    node_area, node_grade = keys // len(same), keys % len(same)
    nearest_school = best[node_area, node_grade]
    # Whole metres, relative to the nearest eligible school: r(p,s) − r*(p) ≥ 0; −1 where not eligible.
    km = np.where(eligible.T[node_grade, :], rank[node_grade, node_area, :], np.inf)  # [node, school]
    metres = np.rint(np.where(np.isfinite(km), km, 0.0) * COST_UNITS)
    cost = np.where(np.isfinite(km), metres - metres[np.arange(len(keys)), nearest_school][:, None], -1.0)
    if warm is not None and "arcs" not in warm:
        warm["arcs"] = nearest_arcs(rank, eligible)
    arcs = None if warm is None else warm["arcs"]
    x, y, used = solve_transport(node_pupils, cost, capacity, None if arcs is None else arcs[node_area, node_grade])
    if arcs is not None:
        arcs[node_area, node_grade] = used
    share = pupils / node_pupils[node]
    # Every (node, school) flow, once per pair of the node.
    by_node = np.argsort(node, kind="stable")
    first = np.searchsorted(node[by_node], np.arange(len(keys)))
    size = np.bincount(node, minlength=len(keys))
    flow_node, school = np.nonzero(x)
    repeat = size[flow_node]
    offset = np.arange(repeat.sum()) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    pair = by_node[np.repeat(first[flow_node], repeat) + offset]
    school = np.repeat(school, repeat)
    return (
        Flows(
            np.concatenate([area_idx[pair], area_idx]),
            np.concatenate([grade_idx[pair], grade_idx]),
            np.concatenate([school, school_idx]),  # overflow goes to the nearest eligible school
            np.concatenate([x[node[pair], school] * share[pair], y[node] * share]),
        ).without_zeros(),
        unplaced,
    )


def _grade_classes(rank: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """int [grade]: the lowest grade with the same eligible schools and choice distances."""
    n_grades = eligible.shape[1]
    same = np.arange(n_grades)
    shared = rank.strides[0] == 0  # one distance matrix for every grade (no merge)
    for g in range(1, n_grades):
        for h in range(g):
            if (
                same[h] == h
                and np.array_equal(eligible[:, g], eligible[:, h])
                and (shared or np.array_equal(rank[g], rank[h]))
            ):
                same[g] = h
                break
    return same


def solve_transport(
    demand: np.ndarray, cost: np.ndarray, capacity: np.ndarray, first: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The programme above for pairs p and schools s: placed pupils x [pair, school], overflow y [pair].

    demand d(p) pupils; cost [pair, school] whole metres r(p,s) − r*(p) ≥ 0, −1 where
    the school is not eligible; capacity c(s) pupils; first: bool [pair, school], the arcs
    of the first round (default each pair's ``CANDIDATES`` cheapest). Every row of x plus y
    sums to d(p). Also returns the arcs of the last round.
    """
    n_pairs = len(demand)
    eligible = cost >= 0
    supply = np.ceil(demand * PUPIL_UNITS - 1e-6).astype(np.int64)
    room = np.floor(np.maximum(capacity, 0.0) * PUPIL_UNITS).astype(np.int64)
    overflow_cost = OVERFLOW_PENALTY_KM * COST_UNITS  # R, relative to r*(p)
    chosen = _nearest_candidates(cost, eligible, CANDIDATES) if first is None else first & eligible
    for _ in range(MAX_ROUNDS):
        flow = _min_cost_flow(supply, cost, room, chosen)
        add = _priced_out(flow, supply, cost, eligible, chosen, room, overflow_cost)
        if not add.any():
            break
        chosen |= add
    else:
        chosen = eligible
        flow = _min_cost_flow(supply, cost, room, chosen)
    # Back to pupils. d(p) was rounded up to whole units, so the flows never exceed a capacity;
    # the excess e(p) < 1 unit is taken from the pair's overflow first, then its largest flow,
    # so that every row sums to d(p).
    x = flow / PUPIL_UNITS
    y = (supply - flow.sum(axis=1)) / PUPIL_UNITS
    excess = supply / PUPIL_UNITS - demand
    from_y = np.minimum(excess, y)  # negative (demand below one unit) adds it to the overflow
    y -= from_y
    rows = np.arange(n_pairs)
    x[rows, flow.argmax(axis=1)] -= excess - from_y  # > 0 only where the pair has flow
    return np.maximum(x, 0.0), np.maximum(y, 0.0), chosen


def nearest_arcs(rank: np.ndarray, eligible: np.ndarray, k: int = CANDIDATES) -> np.ndarray:
    """bool [area, grade, school]: each (area, grade)'s k nearest eligible schools by choice distance."""
    n_grades, n_areas, n_schools = rank.shape
    masked = np.where(eligible.T[:, None, :], rank, np.inf).reshape(n_grades * n_areas, n_schools)
    chosen = np.zeros(masked.shape, dtype=bool)
    rows = np.arange(len(masked))
    for _ in range(min(k, n_schools)):  # k argmins: faster than a partition for small k
        pick = masked.argmin(axis=1)
        chosen[rows, pick] = np.isfinite(masked[rows, pick])
        masked[rows, pick] = np.inf
    return chosen.reshape(n_grades, n_areas, n_schools).transpose(1, 0, 2)


def _nearest_candidates(cost: np.ndarray, eligible: np.ndarray, k: int) -> np.ndarray:
    """bool [pair, school]: each pair's k cheapest eligible schools."""
    if k >= cost.shape[1]:
        return eligible.copy()
    order = np.argpartition(np.where(eligible, cost, np.inf), k - 1, axis=1)[:, :k]
    chosen = np.zeros_like(eligible)
    np.put_along_axis(chosen, order, True, axis=1)
    return chosen & eligible


def _min_cost_flow(supply: np.ndarray, cost: np.ndarray, room: np.ndarray, arcs: np.ndarray) -> np.ndarray:
    """Flow [pair, school] in PUPIL_UNITS: the largest flow within ``room`` over ``arcs``, at least cost."""
    n_pairs, n_schools = cost.shape
    pair, school = np.nonzero(arcs)
    solver = min_cost_flow.SimpleMinCostFlow()
    solver.add_arcs_with_capacity_and_unit_cost(
        pair, n_pairs + school, np.full(len(pair), _UNBOUNDED, dtype=np.int64), cost[pair, school].astype(np.int64)
    )
    solver.set_nodes_supplies(np.arange(n_pairs + n_schools), np.concatenate([supply, -room]))
    status = solver.solve_max_flow_with_min_cost()
    if status != solver.OPTIMAL:  # cannot happen: every flow within room is feasible; fail loudly if it does
        raise RuntimeError(f"assignment flow failed: {status}")
    flow = np.zeros((n_pairs, n_schools), dtype=np.int64)
    flow[pair, school] = solver.flows(np.arange(len(pair)))
    return flow


def _priced_out(
    flow: np.ndarray,
    supply: np.ndarray,
    cost: np.ndarray,
    eligible: np.ndarray,
    chosen: np.ndarray,
    room: np.ndarray,
    overflow_cost: float,
) -> np.ndarray:
    """bool [pair, school]: eligible arcs left out of ``chosen`` that would lower the cost.

    Prices v(s) are shortest paths (Bellman–Ford) over moves s → s′ of a pupil now at s,
    to a school with room or to overflow Ω (v = 0); see the module's docstring.
    """
    n_pairs, n_schools = cost.shape
    # The programme's arcs, Ω (overflow) as school n_schools: pair, school, cost.
    arc_pair, arc_school = np.nonzero(chosen)
    arc_pair = np.r_[arc_pair, np.arange(n_pairs)]
    arc_school = np.r_[arc_school, np.full(n_pairs, n_schools)]
    arc_cost = np.r_[cost[chosen], np.full(n_pairs, overflow_cost)]
    order = np.argsort(arc_pair, kind="stable")
    arc_pair, arc_school, arc_cost = arc_pair[order], arc_school[order], arc_cost[order]
    first = np.searchsorted(arc_pair, np.arange(n_pairs))
    size = np.bincount(arc_pair, minlength=n_pairs)
    # Where pupils are: every arc with flow, and Ω where a pair overflows.
    on = np.zeros(len(arc_pair), dtype=bool)
    placed = arc_school < n_schools
    on[placed] = flow[arc_pair[placed], arc_school[placed]] > 0
    on[~placed] = (supply - flow.sum(axis=1))[arc_pair[~placed]] > 0
    # Moves: a pupil on arc i (pair p, school s) to any arc j of p; W[s, s′] = min c(j) − c(i).
    i = np.flatnonzero(on)
    repeat = size[arc_pair[i]]
    offset = np.arange(repeat.sum()) - np.repeat(np.cumsum(repeat) - repeat, repeat)
    j = np.repeat(first[arc_pair[i]], repeat) + offset
    i = np.repeat(i, repeat)
    weight = np.full((n_schools + 1) * (n_schools + 1), np.inf)
    np.minimum.at(weight, arc_school[i] * (n_schools + 1) + arc_school[j], arc_cost[j] - arc_cost[i])
    weight = weight.reshape(n_schools + 1, n_schools + 1)
    full = np.r_[flow.sum(axis=0) >= room, False]
    v = np.where(full, np.inf, 0.0)
    for _ in range(n_schools + 2):
        nxt = np.minimum(v, (weight + v[None, :]).min(axis=1))
        if np.array_equal(nxt, v):
            break
        v = nxt
    else:
        return eligible & ~chosen  # no fixed point (cannot happen at an optimum): take every arc
    u = np.full(n_pairs, np.inf)
    np.minimum.at(u, arc_pair, arc_cost + v[arc_school])
    return eligible & ~chosen & (cost + v[None, :n_schools] < u[:, None])
