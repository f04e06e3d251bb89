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


def persons_change_by_area(by_area: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """How many lived in each planning area in ``first`` and in ``last``, and the change.

    ``by_area`` is :func:`persons_by_area`'s table. Index area_id (in the table's order);
    columns name, persons_first, persons_last and change = persons_last / persons_first − 1
    (NaN where persons_first is 0).
    """
    start = by_area[by_area["year"] == first].set_index("area_id")
    end = by_area[by_area["year"] == last].set_index("area_id")["persons"]
    out = pd.DataFrame({"name": start["name"], "persons_first": start["persons"], "persons_last": end})
    out["change"] = out["persons_last"] / out["persons_first"].where(out["persons_first"] > 0) - 1
    return out


def inhabitants(population: np.ndarray) -> float:
    """Everybody in a population table (persons [area, age], or a projection [year, area, age] summed whole)."""
    return float(np.asarray(population, float).sum())
