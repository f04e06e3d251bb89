"""engine.views against numbers worked out by hand on the tiny municipality "Lillby" (conftest.py).

Lillby in the base year 2025 (nobody is born, dies or moves, so year k is everyone k years older):

    children 6–15: A 12 + 8 + 20 = 40, B 6 + 4 + 3 + 5 = 18, C 3 + 2 = 5 → 63; adults aged 40: 100
    schools under keep-all, 2025: S-A (grades 0–9, 100 places, 1 000 m², premises 1 000 000) takes
    A's 40 and B's 5 pupils in grade 7 (S-B only teaches 0–6) = 45; S-B (50 places, 600 000) 13;
    S-C (50 places, 400 000) 5. Every school has 1 000 m².
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from engine import evaluate
from engine.measures.change import relative_change
from engine.measures.population import AGE_GROUPS, age_group_label, persons_by_area, population_by_age_group
from engine.measures.schools import (
    CAPACITY_KEYS,
    CAPACITY_YEAR_KEYS,
    capacity_by_year,
    lowest_utilisation,
    school_capacity,
)


def test_age_group_labels():
    assert [age_group_label(g) for g in AGE_GROUPS] == ["0–5", "6–15", "16–19", "20–64", "65–79", "80+"]


def test_age_groups_cover_every_age_once():
    ages = [a for lo, hi in AGE_GROUPS for a in range(lo, hi + 1)]
    assert ages == list(range(101))


def test_population_by_age_group_by_hand(tiny):
    result = evaluate(tiny, "bas", "keep-all", years=10)
    groups = population_by_age_group(result.population, result.base_year)
    assert groups["year"].tolist() == list(range(2025, 2036))
    first = groups.iloc[0]
    assert (first["0–5"], first["6–15"], first["16–19"], first["20–64"], first["80+"]) == (0, 63, 0, 100, 0)
    # 2035: ages 16, 17, 23, 16, 19, 21, 23, 16, 18 → 16–19: 12 + 8 + 6 + 4 + 3 + 2 = 35; 20–64: 20 + 3 + 5 + 100
    last = groups.iloc[-1]
    assert last["6–15"] == pytest.approx(0)
    assert last["16–19"] == pytest.approx(35)
    assert last["20–64"] == pytest.approx(128)
    # the groups add up to everybody, every year
    totals = groups.drop(columns="year").sum(axis=1).to_numpy()
    assert np.allclose(totals, result.population.sum(axis=(1, 2)))


def test_persons_by_area_by_hand(tiny):
    result = evaluate(tiny, "bas", "keep-all", years=2)
    table = persons_by_area(result.population, tiny.areas, result.base_year)
    assert list(table.columns) == ["year", "area_id", "name", "persons"]
    base = table[table["year"] == 2025].set_index("area_id")["persons"]
    assert base.to_dict() == {"A": 40, "B": 18, "C": 5}
    assert table[table["area_id"] == "B"]["name"].unique().tolist() == ["Björkängen"]
    assert len(table) == 3 * 3  # three years × three areas


def test_persons_by_area_sums_to_the_age_band(demo):
    result = evaluate(demo, "stress", "keep-all")
    table = persons_by_area(result.population, demo.areas, result.base_year, ages=(6, 15))
    per_year = table.groupby("year")["persons"].sum().to_numpy()
    assert np.allclose(per_year, result.population[:, :, 6:16].sum(axis=(1, 2)))


def test_relative_change():
    assert relative_change(100, 112) == pytest.approx(0.12)
    assert relative_change(1090, 798) == pytest.approx(798 / 1090 - 1)
    assert math.isnan(relative_change(0, 5))
    assert math.isnan(relative_change(float("nan"), 5))


def test_school_capacity_by_hand_in_the_base_year(tiny):
    result = evaluate(tiny, "bas", "keep-all", years=2)
    table = school_capacity(result.units, result.schools)
    assert tuple(table.columns) == CAPACITY_KEYS
    row = table[table["year"] == 2025].set_index("unit_id")
    assert row.loc["S-A", "pupils"] == pytest.approx(45)
    assert row.loc["S-A", "utilisation"] == pytest.approx(0.45)
    assert row.loc["S-A", "empty_places"] == pytest.approx(55)
    assert row.loc["S-A", "unused_floor_m2"] == pytest.approx(550)  # 1 000 m² × (1 − 0.45)
    assert row.loc["S-A", "unused_premises_cost_sek"] == pytest.approx(550_000)  # 1 000 000 × 0.55
    assert row.loc["S-B", "empty_places"] == pytest.approx(37)
    assert row.loc["S-B", "unused_premises_cost_sek"] == pytest.approx(600_000 * 37 / 50)
    assert row.loc["S-C", "utilisation"] == pytest.approx(0.1)
    assert row.loc["S-C", "unused_floor_m2"] == pytest.approx(900)
    assert not row["over_capacity"].any()


def test_capacity_by_year_by_hand(tiny):
    result = evaluate(tiny, "bas", "keep-all", years=2)
    per_year = capacity_by_year(school_capacity(result.units, result.schools))
    assert tuple(per_year.columns) == CAPACITY_YEAR_KEYS
    first = per_year.iloc[0]
    assert first["year"] == 2025 and first["schools_open"] == 3
    assert first["capacity"] == 200 and first["pupils"] == pytest.approx(63)
    assert first["utilisation"] == pytest.approx(63 / 200)
    assert first["empty_places"] == pytest.approx(137)
    assert first["unused_floor_m2"] == pytest.approx(550 + 740 + 900)
    assert first["unused_premises_cost_sek"] == pytest.approx(550_000 + 444_000 + 360_000)


def test_a_closed_school_counts_its_vacated_premises_while_they_cost(tiny):
    # close-b: S-B closes 2026; its premises cost 50 % for 2 years (2026, 2027), then nothing.
    result = evaluate(tiny, "bas", "close-b", years=3)
    table = school_capacity(result.units, result.schools).set_index(["year", "unit_id"])
    for year in (2026, 2027):
        closed = table.loc[(year, "S-B")]
        assert not closed["open"]
        assert closed["capacity"] == 0 and closed["empty_places"] == 0
        assert np.isnan(closed["utilisation"])
        assert closed["unused_floor_m2"] == pytest.approx(1000)
        assert closed["unused_premises_cost_sek"] == pytest.approx(300_000)
    assert table.loc[(2028, "S-B"), "unused_premises_cost_sek"] == 0
    assert table.loc[(2028, "S-B"), "unused_floor_m2"] == 0
    per_year = capacity_by_year(school_capacity(result.units, result.schools)).set_index("year")
    assert per_year.loc[2026, "schools_open"] == 2
    assert per_year.loc[2026, "capacity"] == 150


def test_an_overcrowded_school_has_no_empty_places(tiny):
    # cap-a-20: S-A has 20 places but 25 pupils in grade 7 alone (only S-A teaches 7–9).
    result = evaluate(tiny, "bas", "cap-a-20", years=1)
    row = school_capacity(result.units, result.schools).set_index(["year", "unit_id"]).loc[(2025, "S-A")]
    assert row["utilisation"] > 1
    assert row["empty_places"] == 0
    assert row["over_capacity"] == pytest.approx(row["pupils"] - 20)
    assert row["unused_share"] == 0 and row["unused_floor_m2"] == 0


def test_an_open_school_without_places():
    units = pd.DataFrame(
        {
            "year": [2025, 2025],
            "unit_id": ["X", "Y"],
            "name": ["Tom", "Full"],
            "open": [True, True],
            "pupils": [0.0, 10.0],
            "capacity": [0.0, 0.0],
            "classes": [0, 1],
            "teachers_fte": [0.0, 1.0],
            "cost_sek": [1.0, 2.0],
            "cost_per_pupil_sek": [np.nan, 0.2],
            "fragile_team": [False, True],
            "vacated_premises_cost_sek": [0.0, 0.0],
        }
    )
    schools = pd.DataFrame({"unit_id": ["X", "Y"], "floor_area_m2": [500, 800], "premises_cost_sek": [100, 200]})
    table = school_capacity(units, schools).set_index("unit_id")
    assert table.loc["X", "unused_floor_m2"] == 500 and table.loc["X", "unused_premises_cost_sek"] == 100
    assert table.loc["Y", "unused_floor_m2"] == 0 and table.loc["Y", "over_capacity"] == 10
    assert np.isnan(table.loc["X", "utilisation"])
    assert lowest_utilisation(table.reset_index(), 2025) is None


def test_lowest_utilisation(tiny, demo):
    result = evaluate(tiny, "bas", "keep-all", years=1)
    table = school_capacity(result.units, result.schools)
    assert lowest_utilisation(table, 2025)["unit_id"] == "S-C"
    assert lowest_utilisation(table, 1999) is None
    # on the demo, the lowest is the open school with the smallest pupils / capacity
    result = evaluate(demo, "bas", "keep-all")
    table = school_capacity(result.units, result.schools)
    last = table[table["year"] == table["year"].max()]
    assert lowest_utilisation(table, int(last["year"].iloc[0]))["utilisation"] == last["utilisation"].min()


def test_demo_capacity_matches_the_engines_totals(demo):
    result = evaluate(demo, "bas", "keep-all")
    per_year = capacity_by_year(school_capacity(result.units, result.schools))
    assert np.allclose(per_year["capacity"], result.years["capacity"])
    assert np.allclose(per_year["pupils"], result.years["pupils"])  # nobody unplaced in the demo
    assert (per_year["empty_places"] >= 0).all()
    assert np.allclose(per_year["empty_places"] - per_year["over_capacity"], per_year["capacity"] - per_year["pupils"])
