"""Cohort-component projection per planning area and single year of age.

For area *a*, age *x* (0–100, 100 = 100 and older) and year *t* → *t*+1::

    q(x)        = min(1, mortality(x) × (1 + mortality_change))      death risk
    S(a,x+1)    = P(a,x,t) × (1 − q(x))                              survivors age
    S(a,100)   += P(a,100,t) × (1 − q(100))                          the open age group stays
    B(a)        = Σ_x ½ P(a,x,t) × fertility_share(x) × TFR          births (women = ½ of each age)
    M           = net_migration_per_1000 / 1000 × Σ_a,x P(a,x,t)      net migrants in the year
    m(a,x)      = M × P(a,t)/P(t) × w(x)/Σw                           by area size and age profile w
    P(a,0,t+1)  = B(a) + m(a,0);  P(a,x,t+1) = S(a,x) + m(a,x), floored at 0.

The base year is the population as given; year *k* is the *k*-th step.
"""

from __future__ import annotations

import numpy as np

from engine.core.types import Scenario


def project(
    population: np.ndarray,
    *,
    fertility_share: np.ndarray,
    mortality: np.ndarray,
    migration_profile: np.ndarray,
    scenario: Scenario,
    years: int,
) -> np.ndarray:
    """Persons [year 0..years, area, age] starting from ``population`` [area, age]."""
    n_areas, n_ages = population.shape
    out = np.empty((years + 1, n_areas, n_ages))
    out[0] = population
    death_risk = np.clip(mortality * (1.0 + scenario.mortality_change), 0.0, 1.0)
    birth_rate = 0.5 * fertility_share * scenario.tfr  # births per person of each age
    profile_total = migration_profile.sum()
    age_weights = migration_profile / profile_total if profile_total > 0 else np.zeros(n_ages)
    for t in range(years):
        current = out[t]
        survivors = current * (1.0 - death_risk)
        nxt = np.empty_like(current)
        nxt[:, 1:] = survivors[:, :-1]
        nxt[:, -1] += survivors[:, -1]
        nxt[:, 0] = current @ birth_rate
        area_totals = current.sum(axis=1)
        total = area_totals.sum()
        if total > 0:
            migrants = scenario.net_migration_per_1000 / 1000.0 * total
            nxt += migrants * np.outer(area_totals / total, age_weights)
        np.maximum(nxt, 0.0, out=nxt)
        out[t + 1] = nxt
    return out
