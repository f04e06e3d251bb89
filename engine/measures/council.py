"""The council paper's figures (tjänsteskrivelse): what a decision needs beside the memo's.

For the proposed alternative *a* against keeping all schools (*k*), over the horizon's
years *t* (kr unless said otherwise):

* background, per scenario *s* (keep-all): pupils and inhabitants in the first and the
  last year — the uncertainty is the spread between the scenarios;
* the schools *a* closes: open in *k* and closed in *a* in the last year (units table);
* premises left empty = Σ_t vacated_premises_cost(a, t) — what closed buildings still
  cost until they are sold, converted or pulled down;
* transport = transport_cost(a, T) − transport_cost(k, T) in the last year *T*;
* staff = teachers_fte(a, T) − teachers_fte(k, T) (full-time posts);
* total = Σ_t (cost + one-off)(a, t) − Σ_t (cost + one-off)(k, t);
* risk: in how many scenarios the total is below zero (the alternative costs less in all
  of them: robust).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from engine.model.evaluate import Result


@dataclass(frozen=True, kw_only=True)
class ScenarioOutlook:
    """One scenario's keep-all, first and last year."""

    scenario_id: str
    first_year: int
    last_year: int
    pupils_first: float
    pupils_last: float
    population_first: float
    population_last: float


def scenario_outlooks(keep_all: Mapping[str, Result]) -> list[ScenarioOutlook]:
    """Keep-all under each scenario (scenario id → result), in the mapping's order."""
    out = []
    for sid, r in keep_all.items():
        y = r.years
        out.append(
            ScenarioOutlook(
                scenario_id=sid,
                first_year=int(y["year"].iloc[0]),
                last_year=int(y["year"].iloc[-1]),
                pupils_first=float(y["pupils"].iloc[0]),
                pupils_last=float(y["pupils"].iloc[-1]),
                population_first=float(y["population"].iloc[0]),
                population_last=float(y["population"].iloc[-1]),
            )
        )
    return out


@dataclass(frozen=True, kw_only=True)
class Consequences:
    """The proposed alternative against keep-all, in the scenario shown, with its risk across scenarios."""

    closed_schools: tuple[str, ...]  # unit ids: open if we keep all, closed under the alternative, last year
    vacated_premises_sek: float  # Σ over the horizon: closed buildings' premises costs still paid
    transport_diff_sek: float  # last year, against keep-all
    teachers_diff_fte: float  # last year, against keep-all
    total_diff_sek: float  # Σ (cost + one-off) over the horizon − keep-all's
    scenarios_saving: int  # scenarios in which the total is below keep-all's
    scenarios: int


def consequences(
    result: Result, baseline: Result, totals_by_scenario: Mapping[str, tuple[Result, Result]]
) -> Consequences:
    """``result`` against ``baseline`` (keep-all, same scenario); ``totals_by_scenario`` maps each scenario to
    (the alternative's result, keep-all's) for the risk count."""
    y, b = result.years, baseline.years
    units, base_units = result.units, baseline.units
    last = int(y["year"].iloc[-1])
    open_alt = set(units[(units["year"] == last) & units["open"]]["unit_id"])
    open_base = set(base_units[(base_units["year"] == last) & base_units["open"]]["unit_id"])
    closed = tuple(u for u in base_units[base_units["year"] == last]["unit_id"] if u in open_base - open_alt)

    def total(r: Result) -> float:
        return float(r.years["cost_sek"].sum() + r.years["one_off_cost_sek"].sum())

    saving = sum(1 for alt, keep in totals_by_scenario.values() if total(alt) < total(keep))
    return Consequences(
        closed_schools=closed,
        vacated_premises_sek=float(y["vacated_premises_cost_sek"].sum()),
        transport_diff_sek=float(y["transport_cost_sek"].iloc[-1] - b["transport_cost_sek"].iloc[-1]),
        teachers_diff_fte=float(y["teachers_fte"].iloc[-1] - b["teachers_fte"].iloc[-1]),
        total_diff_sek=total(result) - total(baseline),
        scenarios_saving=saving,
        scenarios=len(totals_by_scenario),
    )
