"""The min-cost-flow assignment (engine/model/assignment.py) against HiGHS's optimum of the same programme.

HiGHS solves the transportation programme of the module's docstring over every pair and
every eligible school (the reference); the engine's solver must reach the same optimum:
the same least overflow, the same pupil-km (up to the solver's whole metres), and every
conservation law: each pupil of an offered grade assigned exactly once, nobody at a
school that does not teach the grade, no school above capacity unless no eligible school
had room, pupils of a grade no school offers reported as unplaced.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.sparse import coo_matrix

from engine.model.assignment import CANDIDATES, COST_UNITS, OVERFLOW_PENALTY_KM, assign, nearest, nearest_arcs

GRADES = 10


def highs_optimum(demand: np.ndarray, rank: np.ndarray, eligible: np.ndarray, capacity: np.ndarray):
    """(overflow pupils, pupil-km including overflow at the nearest school) of the full programme."""
    area, grade = np.nonzero((demand > 0) & eligible.any(axis=0)[None, :])
    d = demand[area, grade]
    if len(d) == 0:
        return 0.0, 0.0
    km = np.where(eligible.T[grade], rank[grade, area], np.inf)  # [pair, school]
    pair, school = np.nonzero(np.isfinite(km))
    n_pairs, n_x = len(d), len(pair)
    nearest_km = km.min(axis=1)
    c = np.r_[km[pair, school], OVERFLOW_PENALTY_KM + nearest_km]
    a_eq = coo_matrix(
        (np.ones(n_x + n_pairs), (np.r_[pair, np.arange(n_pairs)], np.arange(n_x + n_pairs))),
        shape=(n_pairs, n_x + n_pairs),
    )
    a_ub = coo_matrix((np.ones(n_x), (school, np.arange(n_x))), shape=(len(capacity), n_x + n_pairs))
    res = linprog(c, A_ub=a_ub, b_ub=capacity, A_eq=a_eq, b_eq=d, bounds=(0, None), method="highs")
    assert res.status == 0, res.message
    y = res.x[n_x:]
    return y.sum(), float(c @ res.x - OVERFLOW_PENALTY_KM * y.sum())


@st.composite
def cases(draw):
    n_areas = draw(st.integers(1, 6))
    n_schools = draw(st.integers(1, 3 * CANDIDATES))  # beyond CANDIDATES: the pricing rounds run
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    lo = rng.integers(0, GRADES, n_schools)
    hi = np.minimum(lo + rng.integers(0, GRADES, n_schools), GRADES - 1)
    offers = (np.arange(GRADES) >= lo[:, None]) & (np.arange(GRADES) <= hi[:, None])
    is_open = rng.random(n_schools) < draw(st.sampled_from([1.0, 0.8]))
    eligible = offers & is_open[:, None]
    xy_area, xy_school = rng.random((n_areas, 2)) * 20, rng.random((n_schools, 2)) * 20
    km = np.hypot(*(xy_area[:, None, :] - xy_school[None, :, :]).transpose(2, 0, 1))
    if draw(st.booleans()):
        rank = np.broadcast_to(km, (GRADES, n_areas, n_schools))
    else:  # a merge: the target is chosen for some grades as if it stood where the source stood
        rank = np.broadcast_to(km, (GRADES, n_areas, n_schools)).copy()
        source, target = rng.integers(0, n_schools, 2)
        for g in np.nonzero(offers[source] & offers[target])[0]:
            np.minimum(rank[g, :, target], rank[g, :, source], out=rank[g, :, target])
    whole = draw(st.booleans())
    demand = rng.integers(0, 30, (n_areas, GRADES)).astype(float)
    if not whole:
        demand *= rng.random((n_areas, GRADES))
    demand[rng.random((n_areas, GRADES)) < 0.3] = 0.0
    tightness = draw(st.sampled_from([0.3, 0.7, 1.0, 1.5]))  # total capacity / pupils
    share = rng.random(n_schools) + 0.05
    capacity = np.floor(share / share.sum() * demand.sum() * tightness)
    return demand, rank, eligible, capacity


def check(demand, rank, eligible, capacity, warm=None):
    flows, unplaced = assign(demand, rank, eligible, capacity, warm=warm)
    n_schools = len(capacity)
    eps = 1e-6 * max(1.0, demand.sum())
    # Only to schools that are open and teach the grade.
    assert eligible[flows.school, flows.grade].all()
    assert (flows.pupils > 0).all()
    # Every pupil of an offered grade exactly once; the others reported as unplaced.
    offered = eligible.any(axis=0)
    assigned = np.zeros_like(demand)
    np.add.at(assigned, (flows.area, flows.grade), flows.pupils)
    np.testing.assert_allclose(assigned[:, offered], demand[:, offered], atol=1e-9)
    assert (assigned[:, ~offered] == 0).all()
    np.testing.assert_allclose(unplaced, np.where(offered, 0.0, demand).sum(axis=0), atol=1e-9)
    # Overcrowding is the least overflow; the pupil-km the least for it.
    load = np.bincount(flows.school, weights=flows.pupils, minlength=n_schools)
    overcrowded = np.maximum(load - capacity, 0.0).sum()
    overflow, pupil_km = highs_optimum(demand, rank, eligible, capacity)
    n_pairs = int(((demand > 0) & offered[None, :]).sum())
    assert overcrowded == pytest.approx(overflow, abs=eps + n_pairs / 1e6)
    ours = float((rank[flows.grade, flows.area, flows.school] * flows.pupils).sum())
    # The solver rounds each distance to whole metres: at most half a metre either way per pupil-trip.
    assert ours == pytest.approx(pupil_km, abs=demand.sum() / COST_UNITS + 1e-6 * pupil_km + 1e-6)
    # A school above capacity is a pair's nearest eligible school, and that pair had nowhere else to go.
    best = nearest(rank, eligible)
    for s in np.nonzero(load > capacity + eps)[0]:
        at_s = flows.school == s
        assert (best[flows.area[at_s], flows.grade[at_s]] == s).any()
    return flows


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_the_flow_solver_reaches_highs_optimum(case):
    check(*case)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases())
def test_a_warm_start_changes_nothing_but_the_rounds(case):
    demand, rank, eligible, capacity = case
    warm = {"arcs": nearest_arcs(rank, eligible, 1)}  # one candidate each: the pricing rounds do the rest
    check(demand, rank, eligible, capacity, warm=warm)
    check(demand * 0.9, rank, eligible, capacity, warm=warm)  # the next year, from last year's arcs
    check(demand * 1.1, rank, eligible, capacity, warm={})  # the nearest arcs made when capacity first binds


def test_a_full_city_with_more_schools_than_candidates_is_exact():
    # 40 areas × 10 grades, 30 schools with mixed bands, pupils 20 % above capacity:
    # many schools full, overflow every grade band, pricing rounds needed.
    rng = np.random.default_rng(3)
    n_areas, n_schools = 40, 30
    bands = np.array([[0, 6], [7, 9], [0, 9], [0, 3], [4, 9]])[rng.integers(0, 5, n_schools)]
    offers = (np.arange(GRADES) >= bands[:, :1]) & (np.arange(GRADES) <= bands[:, 1:])
    km = rng.random((n_areas, n_schools)) * 15
    demand = rng.random((n_areas, GRADES)) * 20
    capacity = np.floor(rng.random(n_schools) * demand.sum() / n_schools * 2 / 1.2)
    rank = np.broadcast_to(km, (GRADES, n_areas, n_schools))
    check(demand, rank, offers, capacity)


def test_the_benchmark_city_with_full_schools_is_full_and_evaluates(tmp_path):
    # benchmarks/synthetic.py --full: the case of the budget (DESIGN.md §7): pupils above the
    # schools' total capacity in the base year, many schools full every year, mixed bands.
    from benchmarks.synthetic import write_synthetic
    from engine import evaluate, load_dataset

    city = load_dataset(write_synthetic(tmp_path / "full", full=True))
    bands = set(zip(city.schools["grade_min"], city.schools["grade_max"], strict=True))
    assert bands == {(0, 9), (0, 6), (7, 9), (0, 3), (4, 9)}
    r = evaluate(city, "bas", "close-10")
    first = r.years.iloc[0]
    assert first["pupils"] > 1.1 * first["capacity"]
    full = r.units.query("open and utilisation >= 0.999").groupby("year").size()
    assert (full.reindex(r.years["year"], fill_value=0) >= 30).all()
    assert r.years["schools_open"].iloc[-1] == len(city.schools) - 10
    # Every pupil counted once; overcrowding only where no school offering the grade had room.
    placed = r.flows.groupby("year")["pupils"].sum().to_numpy()
    np.testing.assert_allclose(placed, r.years["pupils"].to_numpy(), rtol=1e-9)
