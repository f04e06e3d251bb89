"""Föreslå alternativ: the school structures worth discussing, found by search and scored by the engine.

Decisions. A proposal closes some of the dataset's schools, each from a year within the
horizon, each either closed (``close``: its pupils go to the nearest open school that has
room, the engine's exact assignment) or merged into a named receiving school (``merge``:
its catchment chooses the receiving school as if it stood where the closed one stood,
engine.model.assignment; pupils it cannot hold go elsewhere and it is flagged full). The
receiving schools tried for a school are its ``MERGE_TARGETS`` nearest (road km from its
area) that teach all its grades and stay open. Grade-band changes (an F–9 becoming F–6)
are not searched.

Constraints, in a politician's words (:class:`Constraints`), checked on the engine's full
evaluation of every year:

* no pupil further than ``max_km`` km (``max_minutes`` minutes where distances.csv gives
  minutes) — or no further than with keep-all, where keep-all already exceeds it (a
  remote hamlet is not the structure's fault): max journey(t) ≤ max(N, keep-all's(t));
* never close the schools in ``keep``; at most ``max_closures`` closures;
* no class above ``max_class_size`` pupils: the class model never forms a larger class
  than its cap (engine.model.classes), so the cap is the evaluation's ``max_class_size``;
* every school within capacity (``within_capacity``): overcrowded pupils(t) ≤ keep-all's(t) + ½
  (a municipality already over capacity is not made worse), and no merge's receiving school
  full in year t (Result.merge_targets: half a pupil or more had to go elsewhere);
* nothing closes before ``earliest_year``.

Objectives, all minimised, against keep-all in the same scenario (:class:`Scores`):

* cost: present value of Σ_t (school cost(t) + one-off cost(t) − keep-all's) / (1 + r)^(t − t₀)
  [SEK], r = ``discount_rate``; for a schools-only alternative this is minus Jämför's
  "nuvärde" (engine.model.economy.against_baseline);
* travel: mean journey in the last year [km] and pupils beyond the transport threshold in
  the last year [pupils];
* quality: pupils in combined-grade classes in the last year [pupils] and schools with a
  fragile teacher team in the last year [schools].

Search. When the sets of closures number at most ``ENUMERATION_LIMIT`` (the demo: 8
schools, at most 3 closures → 92 sets), every set is evaluated by the engine itself
(exact enumeration), and with it every way of merging one of its schools into one of its
receiving schools outside the set instead of closing it (at most ``MAX_MERGES`` per
structure; the demo: 92 sets, 324 structures). Each
year's assignment depends only on the schools open that year and the merges in force, so
one evaluation with the structure from the earliest year tells which years it meets the
constraints in; the whole structure takes effect from the year after the last one it fails
(acting later only adds cost, and the last year is the same), and those of its schools
that fit earlier go earlier (:meth:`_Judge._staggered`, from the evaluations of its
sub-structures). The result is the exact efficient set of that space; a merge whose
numbers equal those of another structure found before it (the closure whose pupils all go
to the receiving school anyway) is the same proposal and kept once (:func:`efficient`).
Larger municipalities are searched with a mixed-integer programme (:func:`programme`,
capacitated facility location over the years), solved by HiGHS for a range of weights
between money and travel; it decides closures only (a merge would tie each closed school's
whole catchment to one receiving school, which the aggregated pairs cannot say), and each
structure it finds is evaluated by the engine in full. Either way the frontier is the structures no other found structure beats
on every objective, and at most ``max_proposals`` of them are picked to be distinct
(:func:`distinct`). Each is then evaluated under every scenario: it is *framtidssäker*
when it meets the constraints and saves money in all of them.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp  # type: ignore[import-untyped]
from scipy.sparse import coo_matrix  # type: ignore[import-untyped]

from engine.core.memo import Memo
from engine.core.parameters import Parameters, resolve
from engine.core.types import DEFAULT_YEARS, KEEP_ALL, MAX_YEARS, Action, Alternative, Scenario
from engine.dataset.value import Dataset
from engine.model.evaluate import EvaluationError, Result, evaluate
from engine.model.placement import FIRST_SCHOOL_AGE, GRADES, participation, projection
from engine.model.travel import distance_matrix, threshold_by_grade

ENUMERATION_LIMIT = 400  # sets of closures the engine evaluates one by one
HALF_PUPIL = 0.5  # less is a trace of fractional projections (evaluate.MIN_PUPILS_SHOWN)
NEAR_COPY = 0.08  # two structures closer than this in normalised objectives are near-copies
OBJECTIVES = ("cost_pv_sek", "mean_km", "over_threshold", "combined_pupils", "fragile_teams")
# The programme's weights on travel, SEK per pupil-km of the last year's journeys (a day's
# return journey, ≈ 2 × 180 school days): from money alone to travel weighing heavily.
TRAVEL_WEIGHTS_SEK = (0.0, 500.0, 2_000.0, 8_000.0)
CANDIDATE_SCHOOLS = 4  # the programme offers each (area, grade band) its nearest schools
# The enumeration merges at most MAX_MERGES schools per structure, each into its MERGE_TARGETS
# nearest receiving schools: more multiplies the demo's evaluations past its 5 s budget.
MERGE_TARGETS = 1
MAX_MERGES = 1
PROGRAMME_SECONDS = 5.0  # per weighting; the best found so far is taken after it

Progress = Callable[[float, str], None]


class ProposeError(EvaluationError):
    """Constraints the dataset cannot take (an unknown school, a year outside the horizon)."""


@dataclass(frozen=True, kw_only=True)
class Constraints:
    """What a politician sets before the search (see the module's docstring)."""

    max_km: float | None = None
    max_minutes: float | None = None
    keep: frozenset[str] = frozenset()
    max_closures: int = 3
    max_class_size: int | None = None
    within_capacity: bool = True
    earliest_year: int | None = None  # default: two years after the base year


@dataclass(frozen=True, kw_only=True)
class Scores:
    """One structure's objectives against keep-all (see the module's docstring); all minimised."""

    cost_pv_sek: float  # present value of the cost difference to keep-all; < 0 saves
    mean_km: float  # last year
    over_threshold: float  # pupils beyond the transport threshold, last year
    combined_pupils: float  # pupils in combined-grade classes, last year
    fragile_teams: int  # last year

    def vector(self) -> np.ndarray:
        return np.array([getattr(self, name) for name in OBJECTIVES], dtype=float)


@dataclass(frozen=True, kw_only=True)
class Closure:
    """One school a proposal closes (or merges into ``merged_into``), from ``year``; ``destinations``:
    where its pupils go that year."""

    unit_id: str
    name: str
    year: int
    destinations: tuple[tuple[str, float], ...]  # (school name, pupils), most first
    merged_into: str | None = None  # the receiving school's unit id; None: closed
    merged_into_name: str | None = None


@dataclass(frozen=True, kw_only=True)
class Proposal:
    """A structure on the frontier, scored by the engine's full evaluation (what Jämför shows)."""

    alternative: Alternative
    closures: tuple[Closure, ...]
    scores: Scores  # in the chosen scenario
    acceptable: dict[str, bool]  # scenario id → meets the constraints and saves money
    cost_pv_by_scenario: dict[str, float]

    @property
    def future_proof(self) -> bool:
        """*Framtidssäker*: acceptable under every scenario."""
        return all(self.acceptable.values())


@dataclass(frozen=True, kw_only=True)
class Reference:
    """One of the dataset's own alternatives, scored the same way, to show beside the frontier."""

    alternative_id: str
    name: str
    scores: Scores
    feasible: bool  # meets the constraints
    dominated: bool  # some structure on the frontier is at least as good on every objective, better on one
    on_frontier: bool = False  # the search found an efficient structure with the same numbers


@dataclass(frozen=True, kw_only=True)
class Frontier:
    """The search's answer."""

    scenario: str
    years: int
    constraints: Constraints
    keep_all: Scores
    proposals: tuple[Proposal, ...]
    references: tuple[Reference, ...]
    method: str  # "enumeration" or "programme"
    space: int  # sets of closures in the searched space
    merges: bool  # merges into a named school were searched too (the enumeration), not closures only
    structures: int  # structures in the searched space: the sets, and for the enumeration their merges
    evaluated: int  # structures the engine evaluated
    efficient: int  # efficient structures found, before picking distinct ones
    proven: bool  # the efficient set is exact for the space (enumeration, or every programme solved to optimality)
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """The CLI's JSON object (a contract: keys are only ever added)."""

        def scores(s: Scores) -> dict[str, float]:
            return {name: float(getattr(s, name)) for name in OBJECTIVES}

        return {
            "scenario": self.scenario,
            "years": self.years,
            "method": self.method,
            "space": self.space,
            "merges_searched": self.merges,
            "structures": self.structures,
            "evaluated": self.evaluated,
            "efficient": self.efficient,
            "proven_optimal": self.proven,
            "seconds": round(self.seconds, 3),
            "constraints": {
                "max_km": self.constraints.max_km,
                "max_minutes": self.constraints.max_minutes,
                "keep": sorted(self.constraints.keep),
                "max_closures": self.constraints.max_closures,
                "max_class_size": self.constraints.max_class_size,
                "within_capacity": self.constraints.within_capacity,
                "earliest_year": self.constraints.earliest_year,
            },
            "keep_all": scores(self.keep_all),
            "proposals": [
                {
                    "alternative": p.alternative.id,
                    "name": p.alternative.name,
                    "actions": [
                        {"year": a.year, "action": a.action, "unit": a.unit, **({"to": a.to} if a.to else {})}
                        for a in p.alternative.actions
                    ],
                    "closures": [
                        {
                            "unit_id": c.unit_id,
                            "name": c.name,
                            "year": c.year,
                            "destinations": [{"name": n, "pupils": v} for n, v in c.destinations],
                            "merged_into": c.merged_into,
                            "merged_into_name": c.merged_into_name,
                        }
                        for c in p.closures
                    ],
                    **scores(p.scores),
                    "acceptable": p.acceptable,
                    "cost_pv_by_scenario": p.cost_pv_by_scenario,
                    "future_proof": p.future_proof,
                }
                for p in self.proposals
            ],
            "references": [
                {
                    "alternative": r.alternative_id,
                    "name": r.name,
                    **scores(r.scores),
                    "feasible": r.feasible,
                    "dominated": r.dominated,
                    "on_frontier": r.on_frontier,
                }
                for r in self.references
            ],
        }


@dataclass(frozen=True)
class _Scored:
    alternative: Alternative
    result: Result
    scores: Scores


class _Judge:
    """Evaluates structures in one scenario on a private memo (the dashboard's stays warm) and
    checks them against the constraints."""

    def __init__(self, dataset: Dataset, scenario: Scenario, constraints: Constraints, overrides: dict, years: int):
        self.dataset = replace(dataset, cache=Memo(max_entries=64))
        self.scenario, self.constraints, self.years = scenario, constraints, years
        self.overrides = dict(overrides)
        if constraints.max_class_size is not None:
            self.overrides["max_class_size"] = constraints.max_class_size
        self.params: Parameters = resolve(dataset.parameter_overrides, self.overrides)
        self.keep_all = self.evaluate(dataset.alternatives[KEEP_ALL])
        self.count = 0
        # A structure ({(unit, receiving school or None)}) from one year → bool [year] it breaks a constraint.
        self.failing: dict[frozenset[tuple[str, str | None]], np.ndarray] = {}

    def evaluate(self, alternative: Alternative) -> Result:
        return evaluate(self.dataset, self.scenario, alternative, self.overrides, years=self.years)

    def score(self, result: Result) -> Scores:
        return scores(result, self.keep_all, self.params.discount_rate)

    def failing_years(self, result: Result) -> np.ndarray:
        """bool [year]: the years in which ``result`` breaks a constraint."""
        c, y, k = self.constraints, result.years, self.keep_all.years
        bad = np.zeros(len(y), bool)
        if c.max_km is not None:
            bad |= y["max_distance_km"].to_numpy() > np.maximum(c.max_km, k["max_distance_km"].to_numpy()) + 1e-9
        if c.max_minutes is not None:
            bad |= (
                _max_minutes(self.dataset, result)
                > np.maximum(c.max_minutes, _max_minutes(self.dataset, self.keep_all)) + 1e-9
            )
        if c.within_capacity:
            bad |= y["overcrowded_pupils"].to_numpy() > k["overcrowded_pupils"].to_numpy() + HALF_PUPIL
            # Only a merge has a receiving school (and its table costs a few milliseconds to build).
            targets = result.merge_targets if any(a.action == "merge" for a in result.alternative.actions) else None
            if targets is not None and len(targets):
                bad |= np.isin(y["year"].to_numpy(), targets.loc[targets["full"], "year"].to_numpy())
        return bad

    def structure(self, closures: dict[str, int], merges: dict[str, str] | None = None) -> _Scored | None:
        """Evaluate closing ``closures`` (unit → year), merging those in ``merges`` (unit → receiving
        school) instead; None if it breaks a constraint."""
        scored = self.structure_or_result(closures, merges)
        return scored if isinstance(scored, _Scored) else None

    def structure_or_result(self, closures: dict[str, int], merges: dict[str, str] | None = None) -> _Scored | Result:
        """The structure scored, or its result where it breaks a constraint. A structure from one year
        tells, for every later year, whether it meets the constraints: kept in ``failing``."""
        merges = merges or {}
        alternative = structure_alternative(closures, merges=merges)
        result = self.evaluate(alternative)
        self.count += 1
        bad = self.failing_years(result)
        if len(set(closures.values())) == 1:
            self.failing[_key(closures, merges)] = bad
        if bad.any():
            return result
        return _Scored(alternative, result, self.score(result))

    def earliest(
        self, units: Sequence[str], earliest_year: int, merges: dict[str, str] | None = None
    ) -> _Scored | None:
        """Close (or merge) ``units`` from the first years they meet the constraints (module docstring)."""
        merges = merges or {}
        first = self.structure_or_result(dict.fromkeys(units, earliest_year), merges)
        if isinstance(first, _Scored):
            return first
        bad = self.failing[_key(units, merges)]
        calendar = first.years["year"].to_numpy()
        together = int(np.nonzero(bad)[0][-1]) + 1  # index of the first year from which the whole set fits
        if together >= len(calendar):
            return None
        staggered = self._staggered(units, merges, calendar, earliest_year - int(calendar[0]), together)
        if len(set(staggered.values())) > 1:
            scored = self.structure(staggered, merges)
            if scored is not None:
                return scored
        return self.structure(dict.fromkeys(units, int(calendar[together])), merges)

    def _staggered(
        self, units: Sequence[str], merges: dict[str, str], calendar: np.ndarray, start: int, together: int
    ) -> dict[str, int]:
        """Each unit's year when some close before the whole set fits (indices into ``calendar``).

        Year by year from ``start``, the closed set grows to the largest subset of ``units`` (most
        premises and fixed cost saved among equals; each merged as in ``merges``) that meets the
        constraints in every year until ``together``, from when the whole set does; a subset's years
        are known from its own evaluation (``failing``: the enumeration tries every subset, with the
        same merges, first; the programme's sets have none).
        """
        running = dict(
            zip(
                self.dataset.schools["unit_id"],
                self.dataset.schools["premises_cost_sek"] + self.dataset.schools["fixed_cost_sek"],
                strict=True,
            )
        )
        closed: frozenset[str] = frozenset()
        year_of: dict[str, int] = {}
        for t in range(start, together):
            options = [
                frozenset(c)
                for j in range(len(closed) + 1, len(units))
                for c in itertools.combinations(units, j)
                if closed <= frozenset(c)
            ]
            fits = [
                c
                for c in options
                if _key(c, merges) in self.failing and not self.failing[_key(c, merges)][t:together].any()
            ]
            if fits:
                best = max(fits, key=lambda c: (len(c), sum(running[u] for u in c)))
                year_of |= dict.fromkeys(best - closed, int(calendar[t]))
                closed = best
        return {u: year_of.get(u, int(calendar[together])) for u in units}


def _key(units: Iterable[str], merges: dict[str, str]) -> frozenset[tuple[str, str | None]]:
    """A structure's key in :attr:`_Judge.failing`: each unit with its receiving school (None: closed)."""
    return frozenset((u, merges.get(u)) for u in units)


def scores(result: Result, keep_all: Result, discount_rate: float) -> Scores:
    """A result's objectives against keep-all (module docstring), from its yearly table."""
    y, k = result.years, keep_all.years
    spent = (y["cost_sek"] + y["one_off_cost_sek"]).to_numpy() - (k["cost_sek"] + k["one_off_cost_sek"]).to_numpy()
    t = y["year"].to_numpy() - y["year"].iloc[0]
    last = y.iloc[-1]
    return Scores(
        cost_pv_sek=float((spent / (1 + discount_rate) ** t).sum()),
        mean_km=float(last["mean_distance_km"]),
        over_threshold=float(last["pupils_over_threshold"]),
        combined_pupils=float(last["combined_grade_share"] * last["pupils"]) if last["pupils"] > 0 else 0.0,
        fragile_teams=int(last["fragile_teams"]),
    )


def _max_minutes(dataset: Dataset, result: Result) -> np.ndarray:
    """Longest journey in minutes per year, over flows of at least half a pupil whose pair has minutes."""
    table = dataset.distances
    years = result.years["year"].to_numpy()
    if table is None or "minutes" not in table or table["minutes"].isna().all():
        return np.zeros(len(years))
    flows = result.flows[result.flows["pupils"] >= HALF_PUPIL]
    timed = flows.merge(table[["area_id", "unit_id", "minutes"]].dropna(), on=["area_id", "unit_id"], how="inner")
    worst = timed.groupby("year")["minutes"].max()
    return worst.reindex(years, fill_value=0.0).to_numpy(float)


def structure_alternative(
    closures: dict[str, int], name: str = "", merges: dict[str, str] | None = None
) -> Alternative:
    """The alternative that closes each unit from its year, or merges it into ``merges[unit]``; its id
    names the structure ("S-ASBY>S-NORRBY@2027" for a merge)."""
    merges = merges or {}
    ordered = sorted(closures.items(), key=lambda item: (item[1], item[0]))
    key = "-".join(f"{unit}>{merges[unit]}@{year}" if unit in merges else f"{unit}@{year}" for unit, year in ordered)
    return Alternative(
        id=f"forslag:{key}",
        name=name or key,
        actions=tuple(
            Action(year=year, action="merge", unit=unit, to=merges[unit])
            if unit in merges
            else Action(year=year, action="close", unit=unit)
            for unit, year in ordered
        ),
    )


def dominates(a: np.ndarray, b: np.ndarray, tolerance: np.ndarray | None = None) -> bool:
    """a is at least as good as b on every objective and better on one (minimising; ``tolerance`` per objective)."""
    tol = np.zeros_like(a) if tolerance is None else tolerance
    return bool(np.all(a <= b + tol) and np.any(a < b - tol))


def efficient(points: np.ndarray, tolerance: np.ndarray | None = None) -> np.ndarray:
    """bool [point]: no other point dominates it (among points equal within ``tolerance`` the first is kept:
    a merge with the numbers of the closure before it is one proposal)."""
    n = len(points)
    tol = np.zeros(points.shape[1:]) if tolerance is None else tolerance
    keep = np.ones(n, bool)
    for i in range(n):
        for j in range(n):
            if (
                i != j
                and keep[j]
                and (
                    dominates(points[j], points[i], tol)
                    or (j < i and bool(np.all(np.abs(points[j] - points[i]) <= tol)))
                )
            ):
                keep[i] = False
                break
    return keep


def distinct(points: np.ndarray, count: int, near: float = NEAR_COPY) -> list[int]:
    """Up to ``count`` indices of ``points`` (efficient ones) spread over the frontier, not near-copies.

    Each objective is scaled to [0, 1] over the points; the cheapest comes first, then
    repeatedly the point farthest (Euclidean) from those chosen, until ``count`` or until
    the farthest is nearer than ``near`` to one already chosen.
    """
    if not len(points):
        return []
    span = points.max(axis=0) - points.min(axis=0)
    scaled = (points - points.min(axis=0)) / np.where(span > 0, span, 1.0)
    chosen = [int(np.argmin(points[:, 0]))]
    while len(chosen) < count:
        gap = np.min(np.linalg.norm(scaled[:, None, :] - scaled[None, chosen, :], axis=2), axis=1)
        best = int(np.argmax(gap))
        if gap[best] < near:
            break
        chosen.append(best)
    return chosen


def propose(
    dataset: Dataset,
    scenario: str | Scenario,
    constraints: Constraints | None = None,
    overrides: dict[str, Any] | None = None,
    *,
    years: int = DEFAULT_YEARS,
    max_proposals: int = 5,
    progress: Progress | None = None,
    method: str = "auto",
    seconds_per_programme: float = PROGRAMME_SECONDS,
) -> Frontier:
    """The frontier of school structures for ``scenario`` (module docstring); ``method``: auto,
    enumeration or programme. A Scenario (with assumptions changed on a page) stands in for the
    dataset's scenario of its id, here and in the robustness check."""
    started = time.perf_counter()
    constraints = constraints or Constraints()
    report = progress or (lambda share, text: None)
    scenario_id = scenario if isinstance(scenario, str) else scenario.id
    if scenario_id not in dataset.scenarios:
        raise ProposeError(f"okänt scenario '{scenario_id}'; finns: {', '.join(dataset.scenarios)}")
    scenarios = dict(dataset.scenarios) | ({} if isinstance(scenario, str) else {scenario_id: scenario})
    if not 1 <= years <= MAX_YEARS:
        raise ProposeError(f"antal år ska vara mellan 1 och {MAX_YEARS}, inte {years}")
    first, last = dataset.base_year + 1, dataset.base_year + years
    earliest = constraints.earliest_year if constraints.earliest_year is not None else min(dataset.base_year + 2, last)
    if not first <= earliest <= last:
        raise ProposeError(f"tidigaste år ska vara mellan {first} och {last}, inte {earliest}")
    constraints = replace(constraints, earliest_year=earliest)
    schools = list(dataset.schools["unit_id"])
    unknown = sorted(constraints.keep - set(schools))
    if unknown:
        raise ProposeError(f"okänd skola att behålla: {', '.join(unknown)}; finns: {', '.join(schools)}")
    if constraints.max_closures < 0:
        raise ProposeError(f"högst antal nedläggningar kan inte vara negativt: {constraints.max_closures}")
    if constraints.max_minutes is not None and (
        dataset.distances is None or "minutes" not in dataset.distances or dataset.distances["minutes"].isna().all()
    ):
        raise ProposeError("restid i minuter finns inte i distances.csv; ange en gräns i km i stället")

    candidates = [s for s in schools if s not in constraints.keep]
    k = min(constraints.max_closures, len(candidates))
    space = search_space(dataset, constraints)
    chosen_method = method if method != "auto" else ("enumeration" if space <= ENUMERATION_LIMIT else "programme")
    judge = _Judge(dataset, scenarios[scenario_id], constraints, overrides or {}, years)
    found: list[_Scored] = []
    receivers = merge_targets(dataset, judge.params) if chosen_method == "enumeration" else {}
    structures = search_structures(dataset, constraints, receivers) if chosen_method == "enumeration" else space
    if chosen_method == "enumeration":
        # Smaller sets first: a structure's staggered years need its sub-structures' evaluations.
        tried = [
            (units, merges)
            for j in range(1, k + 1)
            for units in itertools.combinations(candidates, j)
            for merges in _merge_choices(units, receivers)
        ]
        for i, (units, merges) in enumerate(tried):
            if i % 16 == 0:
                report(0.8 * i / max(len(tried), 1), f"{i} av {len(tried)} strukturer prövade")
            scored = judge.earliest(units, earliest, merges)
            if scored is not None:
                found.append(scored)
        proven = True
    else:
        designs, proven = _programme_designs(dataset, judge, candidates, k, report, seconds_per_programme)
        for i, units in enumerate(designs):
            report(0.5 + 0.3 * i / max(len(designs), 1), f"{i} av {len(designs)} strukturer utvärderas")
            scored = judge.earliest(units, earliest)
            if scored is not None:
                found.append(scored)
    keep_scores = judge.score(judge.keep_all)
    points = np.array([s.scores.vector() for s in found]).reshape(-1, len(OBJECTIVES))
    tolerance = _tolerance(points)
    # Keep-all is on the frontier's edge: a structure it beats on every objective is no proposal.
    beaten = np.array([dominates(keep_scores.vector(), p, tolerance) for p in points], bool)
    good = efficient(points, tolerance) & ~beaten if len(points) else np.zeros(0, bool)
    front = [found[i] for i in np.nonzero(good)[0]]
    picked = [
        front[i]
        for i in distinct(np.array([f.scores.vector() for f in front]).reshape(-1, len(OBJECTIVES)), max_proposals)
    ]

    report(0.85, "förslagen prövas i alla scenarier")
    judges = (
        {
            sid: judge if sid == scenario else _Judge(dataset, sc, constraints, overrides or {}, years)
            for sid, sc in dataset.scenarios.items()
        }
        if picked
        else {}
    )
    proposals = [_robust(dataset, judges, judge, s) for s in picked]
    front_points = np.array([f.scores.vector() for f in front]).reshape(-1, len(OBJECTIVES))
    references = _references(dataset, judge, front_points, tolerance)
    report(1.0, "klart")
    return Frontier(
        scenario=scenario_id,
        years=years,
        constraints=constraints,
        keep_all=keep_scores,
        proposals=tuple(proposals),
        references=tuple(references),
        method=chosen_method,
        space=space,
        merges=chosen_method == "enumeration",
        structures=structures,
        evaluated=judge.count,
        efficient=len(front),
        proven=proven,
        seconds=time.perf_counter() - started,
    )


def search_space(dataset: Dataset, constraints: Constraints) -> int:
    """Sets of closures the constraints allow: Σ_{j=1..K} C(n, j), n schools not kept, K = max closures."""
    n = len(set(dataset.schools["unit_id"]) - constraints.keep)
    return sum(math.comb(n, j) for j in range(1, min(constraints.max_closures, n) + 1))


def merge_targets(dataset: Dataset, params: Parameters) -> dict[str, tuple[str, ...]]:
    """Each school's receiving schools to try: the ``MERGE_TARGETS`` nearest (road km from its area, the
    engine's distances) that teach every grade it teaches, nearest first."""
    schools = dataset.schools
    km = distance_matrix(dataset.areas, schools, dataset.distances, params.detour_factor)
    row = {a: i for i, a in enumerate(dataset.areas["area_id"])}
    ids = schools["unit_id"].to_numpy()
    lo, hi = schools["grade_min"].to_numpy(), schools["grade_max"].to_numpy()
    out: dict[str, tuple[str, ...]] = {}
    for s, (unit, area) in enumerate(zip(ids, schools["area_id"], strict=True)):
        teaches = (lo <= lo[s]) & (hi >= hi[s]) & (ids != unit)
        order = [int(j) for j in np.argsort(km[row[area]], kind="stable") if teaches[j]]
        out[str(unit)] = tuple(str(ids[j]) for j in order[:MERGE_TARGETS])
    return out


def _merge_choices(units: Sequence[str], receivers: dict[str, tuple[str, ...]]) -> list[dict[str, str]]:
    """Every way of closing ``units`` with at most ``MAX_MERGES`` of them merged instead (each into one of
    its receiving schools outside the set): the closures (an empty dict) first."""
    options = [[None, *(r for r in receivers.get(u, ()) if r not in units)] for u in units]
    choices = [
        {u: r for u, r in zip(units, choice, strict=True) if r is not None} for choice in itertools.product(*options)
    ]
    return [c for c in choices if len(c) <= MAX_MERGES]


def search_structures(dataset: Dataset, constraints: Constraints, receivers: dict[str, tuple[str, ...]]) -> int:
    """Structures the enumeration tries: each set of closures, and the set with one of its schools merged into
    each of its receiving schools outside the set (:func:`_merge_choices`)."""
    candidates = [s for s in dataset.schools["unit_id"] if s not in constraints.keep]
    k = min(constraints.max_closures, len(candidates))
    return sum(
        len(_merge_choices(units, receivers))
        for j in range(1, k + 1)
        for units in itertools.combinations(candidates, j)
    )


def _tolerance(points: np.ndarray) -> np.ndarray:
    """Differences too small to tell structures apart: 1 000 kr, 10 m, half a pupil, half a pupil, nothing."""
    return np.array([1_000.0, 0.01, HALF_PUPIL, HALF_PUPIL, 0.0])


def _destinations(result: Result, unit_id: str, year: int) -> tuple[tuple[str, float], ...]:
    """Where the pupils of ``unit_id`` in the year before it closes go in its first closed year: each
    (area, grade) cohort's pupils there, shared out as the cohort's flows a grade up are."""
    flows = result.flows
    before = flows[(flows["year"] == year - 1) & (flows["unit_id"] == unit_id)][["area_id", "grade", "pupils"]]
    before = before.assign(grade=before["grade"] + 1)  # a year on, the same children are a grade up
    now = flows[flows["year"] == year]
    if before.empty:
        return ()
    share = before.rename(columns={"pupils": "was"}).merge(now, on=["area_id", "grade"])
    total = share.groupby(["area_id", "grade"])["pupils"].transform("sum")
    share = share.assign(moved=share["was"] * share["pupils"] / total.where(total > 0, 1.0))
    names = dict(zip(result.schools["unit_id"], result.schools["name"], strict=True))
    moved = share.groupby("unit_id")["moved"].sum().sort_values(ascending=False)
    return tuple((str(names[u]), float(v)) for u, v in moved.items() if v >= HALF_PUPIL)


def proposal_name(closures: Sequence[Closure]) -> str:
    """'Stäng Åsby skola och Backa skola (2027), Sjöviks skola (2029)': the schools by the year they close;
    then each merge, 'Lövnäs skola går ihop med Norrby skola (2027)', parts joined by '; '."""
    by_year: dict[int, list[str]] = {}
    for c in closures:
        if c.merged_into is None:
            by_year.setdefault(c.year, []).append(c.name)
    parts = [
        f"{' och '.join([', '.join(n[:-1]), n[-1]] if len(n) > 1 else n)} ({y})" for y, n in sorted(by_year.items())
    ]
    merged = [f"{c.name} går ihop med {c.merged_into_name} ({c.year})" for c in closures if c.merged_into is not None]
    return "; ".join(([f"Stäng {', '.join(parts)}"] if parts else []) + merged)


def _robust(dataset: Dataset, judges: dict[str, _Judge], own: _Judge, scored: _Scored) -> Proposal:
    """The proposal with its closures in words and its verdict under every scenario."""
    names = dict(zip(dataset.schools["unit_id"], dataset.schools["name"], strict=True))
    closures = tuple(
        Closure(
            unit_id=a.unit,
            name=str(names[a.unit]),
            year=a.year,
            destinations=_destinations(scored.result, a.unit, a.year),
            merged_into=a.to,
            merged_into_name=str(names[a.to]) if a.to else None,
        )
        for a in scored.alternative.actions
    )
    alternative = replace(scored.alternative, name=proposal_name(closures))
    acceptable: dict[str, bool] = {}
    cost: dict[str, float] = {}
    for scenario_id, judge in judges.items():
        result = scored.result if judge is own else judge.evaluate(scored.alternative)
        s = judge.score(result)
        cost[scenario_id] = s.cost_pv_sek
        acceptable[scenario_id] = bool(not judge.failing_years(result).any() and s.cost_pv_sek < 0)
    return Proposal(
        alternative=alternative,
        closures=closures,
        scores=scored.scores,
        acceptable=acceptable,
        cost_pv_by_scenario=cost,
    )


def _references(dataset: Dataset, judge: _Judge, front: np.ndarray, tolerance: np.ndarray) -> list[Reference]:
    """The dataset's own alternatives that act on schools only, scored like the proposals."""
    schools = set(dataset.schools["unit_id"])
    out = []
    for alternative in dataset.alternatives.values():
        if alternative.id == KEEP_ALL or not alternative.actions:
            continue
        if not all(a.unit in schools and (a.to is None or a.to in schools) for a in alternative.actions):
            continue
        result = judge.evaluate(alternative)
        s = judge.score(result)
        out.append(
            Reference(
                alternative_id=alternative.id,
                name=alternative.name,
                scores=s,
                feasible=not judge.failing_years(result).any(),
                dominated=any(dominates(p, s.vector(), tolerance) for p in front),
                on_frontier=any(bool(np.all(np.abs(p - s.vector()) <= tolerance)) for p in front),
            )
        )
    return out


# --- the mixed-integer programme -------------------------------------------------------------


@dataclass(frozen=True)
class Instance:
    """The programme's data, over schools s and pairs p = (area, grade band) in the horizon's last year.

    demand [pair] pupils; km [pair, school] road km, inf where the pair may not go there (the
    school does not teach the band, is not among the pair's nearest, or is beyond the journey
    limit); capacity [school] pupils; saving [school] SEK: present value of closing the school
    from the earliest year (premises and fixed cost saved each year, less the one-off cost and
    the vacated premises); transport [pair, school] SEK: present value of one pupil's school
    transport from the earliest year on (0 within the band's threshold); closable [school];
    max_closures.
    """

    demand: np.ndarray
    km: np.ndarray
    capacity: np.ndarray
    saving: np.ndarray
    transport: np.ndarray
    closable: np.ndarray
    max_closures: int


@dataclass(frozen=True)
class Solution:
    closed: np.ndarray  # bool [school]
    objective: float  # SEK
    optimal: bool  # HiGHS proved it optimal (else: the best it found in the time)


# Pupils the programme cannot place cost this much each (a last resort, as in the assignment).
OVERFLOW_SEK = 1.0e8
MIP_GAP = 1e-3  # HiGHS stops when its solution is proven within 0.1 % of the optimum


def solve_programme(instance: Instance, travel_weight: float, *, seconds: float = PROGRAMME_SECONDS) -> Solution | None:
    """Capacitated facility location, solved by HiGHS (scipy.optimize.milp).

    Variables: c(s) ∈ {0,1} school s closes; x(p,s) ≥ 0 pupils of pair p at school s in the
    last year; o(p) ≥ 0 pupils of p no school can hold::

        minimise  −Σ_s saving(s) c(s) + Σ_p,s transport(p,s) x(p,s) + OVERFLOW_SEK Σ_p o(p)      [SEK]
                  + travel_weight Σ_p,s km(p,s) x(p,s)                     [SEK/pupil-km × pupil-km]
        subject to Σ_s x(p,s) + o(p) = demand(p)          every pupil placed                   [pupils]
                   Σ_p x(p,s) ≤ capacity(s) (1 − c(s))    capacity; a closed school takes none [pupils]
                   x(p,s) ≤ demand(p) (1 − c(s))          (the same, tighter for the relaxation)
                   Σ_s c(s) ≤ max_closures;  c(s) = 0 unless closable

    The last year stands for the years after the closures: pupils become fewer, so its
    capacity is the loosest; the engine then finds the first year each structure fits
    (:meth:`_Judge.earliest`). Teachers and classes are not linear and are left to the
    engine, which evaluates every structure found. None when HiGHS finds nothing in time.
    """
    n_pairs, n_schools = instance.km.shape
    pair_idx, school_idx = np.nonzero(np.isfinite(instance.km) & (instance.demand[:, None] > 0))
    n_arcs = len(pair_idx)
    x0, o0 = n_schools, n_schools + n_arcs
    n = o0 + n_pairs
    cost = np.concatenate(
        [
            -instance.saving,
            instance.transport[pair_idx, school_idx] + travel_weight * instance.km[pair_idx, school_idx],
            np.full(n_pairs, OVERFLOW_SEK),
        ]
    )
    arcs = np.arange(n_arcs)
    placed = LinearConstraint(
        coo_matrix(
            (np.ones(n_arcs + n_pairs), (np.concatenate([pair_idx, np.arange(n_pairs)]), np.arange(x0, n))),
            shape=(n_pairs, n),
        ),
        instance.demand,
        instance.demand,
    )
    room = LinearConstraint(
        coo_matrix(
            (
                np.concatenate([np.ones(n_arcs), instance.capacity]),
                (np.concatenate([school_idx, np.arange(n_schools)]), np.concatenate([x0 + arcs, np.arange(n_schools)])),
            ),
            shape=(n_schools, n),
        ),
        -np.inf,
        instance.capacity,
    )
    tight = LinearConstraint(
        coo_matrix(
            (
                np.concatenate([np.ones(n_arcs), instance.demand[pair_idx]]),
                (np.concatenate([arcs, arcs]), np.concatenate([x0 + arcs, school_idx])),
            ),
            shape=(n_arcs, n),
        ),
        -np.inf,
        instance.demand[pair_idx],
    )
    count = LinearConstraint(
        coo_matrix((np.ones(n_schools), (np.zeros(n_schools, int), np.arange(n_schools))), shape=(1, n)),
        -np.inf,
        float(instance.max_closures),
    )
    result = milp(
        cost,
        integrality=np.concatenate([np.ones(n_schools), np.zeros(n_arcs + n_pairs)]),
        bounds=Bounds(
            np.zeros(n), np.concatenate([instance.closable.astype(float), np.full(n_arcs + n_pairs, np.inf)])
        ),
        constraints=[placed, room, tight, count],
        options={"time_limit": seconds, "mip_rel_gap": MIP_GAP},
    )
    if result.x is None:
        return None
    return Solution(closed=result.x[:n_schools] > 0.5, objective=float(result.fun), optimal=result.status == 0)


def grade_bands(offers: np.ndarray, threshold: np.ndarray) -> list[list[int]]:
    """Grades that the same schools teach and that share a transport threshold form a band."""
    bands: dict[tuple, list[int]] = {}
    for g in range(offers.shape[1]):
        bands.setdefault((offers[:, g].tobytes(), float(threshold[g])), []).append(g)
    return list(bands.values())


def instance(
    dataset: Dataset,
    scenario: Scenario,
    constraints: Constraints,
    params: Parameters,
    years: int,
    candidates: Sequence[str],
    max_closures: int,
) -> Instance:
    """The programme's data for a dataset (see :class:`Instance`); closures from ``constraints.earliest_year``."""
    schools = dataset.schools
    earliest = constraints.earliest_year or dataset.base_year + 1
    t0 = earliest - dataset.base_year
    population = projection(dataset, scenario, years)
    demand = population[-1, :, FIRST_SCHOOL_AGE : FIRST_SCHOOL_AGE + GRADES] * participation(dataset)  # [area, grade]
    grades = np.arange(GRADES)
    lo, hi = schools["grade_min"].to_numpy(float), schools["grade_max"].to_numpy(float)
    offers = (grades >= lo[:, None]) & (grades <= hi[:, None])
    threshold = threshold_by_grade(params)
    bands = grade_bands(offers, threshold)
    km_area = distance_matrix(dataset.areas, schools, dataset.distances, params.detour_factor)
    n_areas = km_area.shape[0]
    pair_demand = np.stack([demand[:, band].sum(axis=1) for band in bands], axis=1).ravel()  # pairs (area, band)
    teaches = np.stack([offers[:, band[0]] for band in bands])  # [band, school]
    km = np.where(teaches[None, :, :], km_area[:, None, :], np.inf).reshape(n_areas * len(bands), -1)
    # Each pair's nearest schools are its arcs (the engine evaluates every school exactly afterwards).
    order = np.argsort(km, axis=1)[:, :CANDIDATE_SCHOOLS]
    near = np.full(km.shape, np.inf)
    np.put_along_axis(near, order, np.take_along_axis(km, order, axis=1), axis=1)
    if constraints.max_km is not None:
        nearest_km = np.min(km, axis=1)  # a pair already beyond the limit keeps its nearest school
        near[near > np.maximum(constraints.max_km, nearest_km)[:, None] + 1e-9] = np.inf
    discount = 1.0 / (1 + params.discount_rate) ** np.arange(t0, years + 1)  # the years from the earliest on
    pair_threshold = np.tile(np.array([threshold[band[0]] for band in bands]), n_areas)
    transport = np.where(near > pair_threshold[:, None], params.transport_cost_per_pupil_sek * discount.sum(), 0.0)
    premises = schools["premises_cost_sek"].to_numpy(float)
    running = premises + schools["fixed_cost_sek"].to_numpy(float)
    vacated = discount[: params.closed_premises_years].sum() * params.closed_premises_share * premises
    saving = discount.sum() * running - vacated - discount[0] * params.closure_one_off_cost_sek
    return Instance(
        demand=pair_demand,
        km=near,
        capacity=schools["capacity"].to_numpy(float),
        saving=saving,
        transport=transport,
        closable=schools["unit_id"].isin(list(candidates)).to_numpy(),
        max_closures=max_closures,
    )


def _programme_designs(
    dataset: Dataset,
    judge: _Judge,
    candidates: Sequence[str],
    max_closures: int,
    report: Progress,
    seconds: float,
) -> tuple[list[tuple[str, ...]], bool]:
    """Sets of schools the programme closes, one per travel weight (from money alone to travel weighing heavily)."""
    schools = list(dataset.schools["unit_id"])
    designs: list[tuple[str, ...]] = []
    proven = True
    data = instance(dataset, judge.scenario, judge.constraints, judge.params, judge.years, candidates, max_closures)
    for i, weight in enumerate(TRAVEL_WEIGHTS_SEK):
        report(0.5 * i / len(TRAVEL_WEIGHTS_SEK), f"programmet löses ({i + 1} av {len(TRAVEL_WEIGHTS_SEK)})")
        solution = solve_programme(data, weight, seconds=seconds)
        if solution is None:
            proven = False
            continue
        proven &= solution.optimal
        design = tuple(schools[s] for s in np.nonzero(solution.closed)[0])
        if design and design not in designs:
            designs.append(design)
    return designs, proven


def frontier_table(frontier: Frontier) -> pd.DataFrame:
    """One row per proposal and per reference alternative: the chart's points (``kind``: proposal,
    reference, keep-all), saving = −cost_pv_sek."""
    rows = [{"kind": "keep-all", "id": KEEP_ALL, **{n: float(getattr(frontier.keep_all, n)) for n in OBJECTIVES}}]
    rows += [
        {"kind": "proposal", "id": p.alternative.id, **{n: float(getattr(p.scores, n)) for n in OBJECTIVES}}
        for p in frontier.proposals
    ]
    rows += [
        {"kind": "reference", "id": r.alternative_id, **{n: float(getattr(r.scores, n)) for n in OBJECTIVES}}
        for r in frontier.references
    ]
    table = pd.DataFrame(rows)
    table["saving_sek"] = -table["cost_pv_sek"]
    return table


def against_keep_all(frontier: Frontier, s: Scores) -> dict[str, float]:
    """What a structure changes against keep-all, as the page shows it: saving_sek (the present value
    saved, −cost_pv_sek) and each other objective's difference (structure − keep-all)."""
    k = frontier.keep_all
    return {
        "saving_sek": -s.cost_pv_sek,
        "mean_km": s.mean_km - k.mean_km,
        "over_threshold": s.over_threshold - k.over_threshold,
        "combined_pupils": s.combined_pupils - k.combined_pupils,
        "fragile_teams": float(s.fragile_teams - k.fragile_teams),
    }
