"""Annual school costs in SEK at base-year prices (DESIGN.md §5).

For school s in year t::

    open:    cost = premises_cost_sek + fixed_cost_sek
                    + FTE × teacher_cost_sek
                    + pupils × other_teaching_cost_per_pupil_sek
                    + pupils × cost_per_pupil_sek
                    + transported pupils × transport_cost_per_pupil_sek
    closed:  cost = closed_premises_share × premises_cost_sek
                    while years since closure < closed_premises_years, then 0
    not yet built: 0

An open school with no pupils still carries its premises and fixed cost. The
municipality's school cost in a year is the sum over its schools; one-off costs
(closures, builds) are reported apart, in the year of the decision.

The parts follow Skolverket's cost components (Kostnader per kommun), so that a
base year can be set beside the official figures (engine/measures/calibration.py)::

    undervisning (teaching)   = teachers + other_teaching      [kr]
    lokaler (premises)        = premises (+ vacated premises)  [kr]
    måltider, lärverktyg, elevhälsa, övrigt = per_pupil + fixed [kr]
    skolskjuts                = transport: not in Skolverket's figures, in Kolada N15027's
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from engine.core.parameters import Parameters
from engine.model.plan import SchoolPlan


@dataclass(frozen=True)
class SchoolCosts:
    """Cost components, each float SEK [year, school]."""

    premises: np.ndarray
    fixed: np.ndarray
    teachers: np.ndarray
    other_teaching: np.ndarray
    per_pupil: np.ndarray
    transport: np.ndarray
    vacated_premises: np.ndarray

    @property
    def total(self) -> np.ndarray:
        return (
            self.premises
            + self.fixed
            + self.teachers
            + self.other_teaching
            + self.per_pupil
            + self.transport
            + self.vacated_premises
        )


def school_costs(
    plan: SchoolPlan, pupils: np.ndarray, fte: np.ndarray, transported: np.ndarray, params: Parameters
) -> SchoolCosts:
    is_open = plan.open
    premises = plan.units["premises_cost_sek"].to_numpy(float)[None, :]
    fixed = plan.units["fixed_cost_sek"].to_numpy(float)[None, :]
    vacated = (plan.years_closed >= 0) & (plan.years_closed < params.closed_premises_years)
    return SchoolCosts(
        premises=np.where(is_open, premises, 0.0),
        fixed=np.where(is_open, fixed, 0.0),
        teachers=np.where(is_open, fte * params.teacher_cost_sek, 0.0),
        other_teaching=np.where(is_open, pupils * params.other_teaching_cost_per_pupil_sek, 0.0),
        per_pupil=np.where(is_open, pupils * params.cost_per_pupil_sek, 0.0),
        transport=np.where(is_open, transported * params.transport_cost_per_pupil_sek, 0.0),
        vacated_premises=np.where(vacated, premises * params.closed_premises_share, 0.0),
    )
