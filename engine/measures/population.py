"""The population the pages show: age groups and planning areas, year by year."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

MAX_AGE = 100  # the dataset's open age group: 100 = 100 and older
AGE_GROUPS: tuple[tuple[int, int], ...] = ((0, 5), (6, 15), (16, 19), (20, 64), (65, 79), (80, MAX_AGE))
SCHOOL_AGES: tuple[int, int] = (6, 15)  # förskoleklass (age 6) to grade 9 (age 15)


def age_group_label(group: tuple[int, int]) -> str:
    """(0, 5) → '0–5'; the open group (80, 100) → '80+'."""
    lo, hi = group
    return f"{lo}+" if hi >= MAX_AGE else f"{lo}–{hi}"


def population_by_age_group(
    population: np.ndarray, base_year: int, groups: Sequence[tuple[int, int]] = AGE_GROUPS
) -> pd.DataFrame:
    """Persons per age group and year: ``year``, then one column per group label ('0–5' … '80+').

    persons(t, g) = Σ_area Σ_{age = lo(g) … hi(g)} P(t, area, age), with ``population``
    the projection P [year, area, age] and year t = base_year + index.
    """
    by_age = np.asarray(population, float).sum(axis=1)  # [year, age]
    out = {"year": np.arange(base_year, base_year + by_age.shape[0])}
    for group in groups:
        lo, hi = group
        out[age_group_label(group)] = by_age[:, lo : hi + 1].sum(axis=1)
    return pd.DataFrame(out)


def persons_by_area(
    population: np.ndarray, areas: pd.DataFrame, base_year: int, ages: tuple[int, int] = SCHOOL_AGES
) -> pd.DataFrame:
    """Persons aged ``ages`` (inclusive) per planning area and year, tidy.

    Columns: year, area_id, name, persons = Σ_{age = lo … hi} P(t, area, age).
    ``areas`` is the dataset's area table in the projection's area order.
    """
    lo, hi = ages
    persons = np.asarray(population, float)[:, :, lo : hi + 1].sum(axis=2)  # [year, area]
    n_years, n_areas = persons.shape
    return pd.DataFrame(
        {
            "year": np.repeat(np.arange(base_year, base_year + n_years), n_areas),
            "area_id": np.tile(areas["area_id"].to_numpy(), n_years),
            "name": np.tile(areas["name"].to_numpy(), n_years),
            "persons": persons.ravel(),
        }
    )
