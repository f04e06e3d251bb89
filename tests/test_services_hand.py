"""Preschool, elderly care, home care and leisure against numbers worked out by hand (DESIGN.md §6).

The municipality is "Lillby" from conftest.py extended with a few units of every
service (``municipality_spec_copy``). Everything sits on the parallel 60° N:

    areas            A lon 15.00        B lon 15.10        C lon 15.30
    road km          A–B 8.34, B–C 16.68, A–C 25.02 (great circle × detour 1.5)
    förskolor        F-A cap 30 (premises 200 000, fixed 100 000)
                     F-B cap 20 (150 000, 50 000)   F-C cap 10 (100 000, 50 000)
    äldreboenden     AB-A 20 places (300 000, 200 000)   AB-C 6 places (200 000, 100 000)
    fritid/kultur    L-A (400 000, 100 000)   L-B (200 000, 50 000)   L-C (100 000, 50 000)
    persons          A: age 1: 10, age 3: 10, age 70: 100, age 85: 20
                     B: age 2: 10, age 4: 10, age 79: 50
                     C: age 5: 10, age 95: 10        (+ TINY's school children and adults)

Nobody is born, dies or moves under "bas": year k is the base population aged k years,
and the total stays 393.

Parameters: enrolment 0.5 (age 1), 0.8 (age 2), 0.9 (ages 3–5); 5 children per FTE,
staff 500 000 per FTE, 10 000 per child, groups of 15; care-home rates 0.1 (65–79),
0.2 (80–89), 0.5 (90+); 1 000 000 per occupied place, 1 500 000 per purchased place;
home care 10 000 / 50 000 / 100 000 per inhabitant of the band; half of a closed
facility's visits kept; closed premises cost 0.5 for 2 years; a unit closure's
one-off 200 000.

Preschool and care tests use the municipality without facility_usage.csv (what they
compute does not depend on it); leisure tests use the whole folder.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from engine import Action, Alternative, evaluate, load_dataset
from engine.model.services import home_care_cost, places_needed


@pytest.fixture
def kommun(tmp_path, municipality_spec, municipality_writer):
    """The whole tiny municipality, without the optional facility_usage.csv."""
    municipality_spec.pop("facility_usage")
    return load_dataset(municipality_writer(tmp_path / "kommun", municipality_spec))


@pytest.fixture
def kommun_usage(municipality_path):
    """The whole tiny municipality with facility_usage.csv."""
    return load_dataset(municipality_path)


def unit(result, year, unit_id):
    su = result.service_units
    rows = su[(su["year"] == year) & (su["unit_id"] == unit_id)]
    assert len(rows) == 1, f"{unit_id} {year}: {len(rows)} rows"
    return rows.iloc[0]


def service(result, name, year):
    s = result.services
    rows = s[(s["service"] == name) & (s["year"] == year)]
    assert len(rows) == 1, f"{name} {year}: {len(rows)} rows"
    return rows.iloc[0]


def economy_row(result, year):
    return result.economy.set_index("year").loc[year]


# --- förskola ------------------------------------------------------------------------


def test_facility_usage_csv_loads(municipality_path):
    # A dataset with the optional facility_usage.csv must load (DESIGN.md §4, "later additions").
    ds = load_dataset(municipality_path)
    assert ds.facility_usage is not None
    usage = ds.facility_usage.set_index("unit_id")
    assert usage.loc["L-B", "visits"] == 3000
    # Empty user ages mean every age, 0–100.
    assert (usage.loc["L-A", "user_age_min"], usage.loc["L-A", "user_age_max"]) == (0, 100)


def test_preschool_base_year_by_hand(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    # Children = persons × enrolment rate of the age, each to the nearest preschool (0 km):
    #   A: 10 × 0.5 (age 1) + 10 × 0.9 (age 3) = 14 → F-A
    #   B: 10 × 0.8 (age 2) + 10 × 0.9 (age 4) = 17 → F-B
    #   C: 10 × 0.9 (age 5)                    =  9 → F-C
    # staff = children / 5; cost = premises + fixed + staff × 500 000 + children × 10 000:
    #   F-A: 200 000 + 100 000 + 2.8 × 500 000 + 140 000 = 1 840 000
    #   F-B: 150 000 +  50 000 + 3.4 × 500 000 + 170 000 = 2 070 000
    #   F-C: 100 000 +  50 000 + 1.8 × 500 000 +  90 000 = 1 140 000
    expected = {"F-A": (14, 30, 1_840_000), "F-B": (17, 20, 2_070_000), "F-C": (9, 10, 1_140_000)}
    for unit_id, (children, capacity, cost) in expected.items():
        row = unit(r, 2025, unit_id)
        assert row["open"]
        assert row["demand"] == pytest.approx(children), unit_id
        assert row["capacity"] == capacity
        assert row["utilisation"] == pytest.approx(children / capacity)
        assert row["cost_sek"] == pytest.approx(cost), unit_id
    s = service(r, "forskola", 2025)
    assert s["demand"] == pytest.approx(40)
    assert s["capacity"] == 60
    assert s["utilisation"] == pytest.approx(40 / 60)
    assert s["cost_sek"] == pytest.approx(1_840_000 + 2_070_000 + 1_140_000)
    assert s["staff_fte"] == pytest.approx(40 / 5)
    # groups: ceil(14/15) + ceil(17/15) + ceil(9/15) = 1 + 2 + 1
    assert s["groups"] == 4
    assert s["unplaced"] == 0
    assert s["empty_places"] == pytest.approx(20)


def test_preschool_children_grow_into_school(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    # 2026, everyone a year older:
    #   A: age 2: 10 × 0.8 + age 4: 10 × 0.9 = 17 → F-A: 300 000 + 3.4 × 500 000 + 170 000 = 2 170 000
    #   B: age 3: 9 + age 5: 9 = 18 → F-B: 200 000 + 3.6 × 500 000 + 180 000 = 2 180 000
    #   C: the five-year-olds are six: none. F-C is open and empty: 150 000.
    assert unit(r, 2026, "F-A")["demand"] == pytest.approx(17)
    assert unit(r, 2026, "F-B")["demand"] == pytest.approx(18)
    assert unit(r, 2026, "F-C")["demand"] == pytest.approx(0)
    assert unit(r, 2026, "F-C")["utilisation"] == pytest.approx(0)
    assert service(r, "forskola", 2026)["cost_sek"] == pytest.approx(2_170_000 + 2_180_000 + 150_000)
    # ... and C's ten children are in förskoleklass at S-C: 63 + 10 pupils.
    assert service(r, "grundskola", 2026)["demand"] == pytest.approx(73)


def test_closing_a_preschool_moves_children_to_the_nearest_within_capacity(kommun):
    r = evaluate(kommun, "bas", "close-fb", years=3)
    # 2026: F-B is closed. B's 18 children go to the nearest preschool, F-A (8.34 km),
    # which also has A's 17: 35 > 30 places. Five must go elsewhere: moving B's children
    # on to F-C (16.68 km) costs 5 × 8.34 km more, moving A's (25.02 km) 5 × 25.02: B's go.
    #   F-A: 30 → staff 6:   300 000 + 3 000 000 + 300 000 = 3 600 000
    #   F-C:  5 → staff 1:   150 000 +   500 000 +  50 000 =   700 000
    #   F-B closed: premises 0.5 × 150 000 = 75 000 in 2026 and 2027, then nothing.
    a, b, c = (unit(r, 2026, u) for u in ("F-A", "F-B", "F-C"))
    assert a["demand"] == pytest.approx(30)
    assert c["demand"] == pytest.approx(5)
    assert a["demand"] <= a["capacity"] + 1e-9
    assert not b["open"] and b["demand"] == 0 and b["capacity"] == 0
    assert a["cost_sek"] == pytest.approx(3_600_000)
    assert c["cost_sek"] == pytest.approx(700_000)
    assert b["cost_sek"] == pytest.approx(75_000)
    assert math.isnan(b["utilisation"])
    s = service(r, "forskola", 2026)
    assert s["demand"] == pytest.approx(35)  # every child has a place: none lost
    assert s["capacity"] == 40
    assert s["unplaced"] == 0
    assert s["cost_sek"] == pytest.approx(3_600_000 + 700_000 + 75_000)
    assert s["units_open"] == 2
    # 2027: A 9 + 9 = 18 and B 9 (age 4): 27 fit at F-A → 300 000 + 5.4 × 500 000 + 270 000.
    assert unit(r, 2027, "F-A")["demand"] == pytest.approx(27)
    assert unit(r, 2027, "F-A")["cost_sek"] == pytest.approx(3_270_000)
    assert [unit(r, y, "F-B")["cost_sek"] for y in (2026, 2027, 2028)] == pytest.approx([75_000, 75_000, 0])
    # The closure's one-off cost (unit_closure_one_off_cost_sek) in 2026 only.
    assert r.economy["one_off_cost_sek"].tolist() == pytest.approx([0, 200_000, 0, 0])
    assert r.years["one_off_cost_sek"].tolist() == pytest.approx([0, 0, 0, 0])  # not a school's


def test_preschool_parameters_change_the_numbers(kommun):
    r = evaluate(
        kommun,
        "bas",
        "keep-all",
        {"forskola_enrolment_age_3_5": 0.5, "children_per_preschool_fte": 4.0, "cost_per_preschool_child_sek": 0},
        years=1,
    )
    # F-A 2025: 10 × 0.5 + 10 × 0.5 = 10 children, staff 10 / 4 = 2.5:
    #   200 000 + 100 000 + 2.5 × 500 000 = 1 550 000
    a = unit(r, 2025, "F-A")
    assert a["demand"] == pytest.approx(10)
    assert a["cost_sek"] == pytest.approx(1_550_000)


def test_no_open_preschool_leaves_children_unplaced_not_lost(kommun):
    alt = Alternative(
        id="no-preschool",
        name="Inga förskolor",
        actions=tuple(Action(year=2026, action="close", unit=u) for u in ("F-A", "F-B", "F-C")),
    )
    r = evaluate(kommun, "bas", alt, years=1)
    s = service(r, "forskola", 2026)
    # 17 + 18 children have nowhere to go: reported as unplaced.
    assert s["demand"] == pytest.approx(0)
    assert s["unplaced"] == pytest.approx(35)
    # Only the vacated premises cost: 0.5 × (200 000 + 150 000 + 100 000).
    assert s["cost_sek"] == pytest.approx(225_000)
    assert economy_row(r, 2026)["one_off_cost_sek"] == pytest.approx(3 * 200_000)


# --- särskilt boende -------------------------------------------------------------------


def test_places_needed_by_age_band(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=10)
    need = places_needed(r.population, r.parameters)
    # 2025: 65–79: 100 (A, 70) + 50 (B, 79) = 150 × 0.1 = 15
    #       80–89: 20 (A, 85) × 0.2 = 4;  90+: 10 (C, 95) × 0.5 = 5   → 24
    # 2026: 65–79: 100 (71) × 0.1 = 10;  80–89: 50 (80) + 20 (86) = 70 × 0.2 = 14;  90+: 5 → 29
    # 2035: 80–89: 100 (80) + 50 (89) = 150 × 0.2 = 30;  90+: 20 (95) + 10 (100) = 30 × 0.5 = 15 → 45
    assert need[0] == pytest.approx(24)
    assert need[1] == pytest.approx(29)
    assert need[10] == pytest.approx(45)
    s = r.services[r.services["service"] == "aldreboende"]
    np.testing.assert_allclose(s["places_needed"], need)
    np.testing.assert_allclose(s["demand"], need)


def test_places_needed_with_in_migration(kommun):
    r = evaluate(kommun, "inflytt", "keep-all", years=1)
    # "inflytt": 20 per 1 000 a year, all at ages 65–100 (36 ages, equal weights).
    # 2026: 0.02 × 393 = 7.86 newcomers, 7.86 / 36 = 0.218333 at each age:
    #   65–79 (15 ages): 3.275 × 0.1;  80–89 (10 ages): 2.18333 × 0.2;  90–100 (11 ages): 2.40167 × 0.5
    #   → 29 + 0.3275 + 0.43667 + 1.20083 = 30.965 places needed.
    assert service(r, "aldreboende", 2026)["demand"] == pytest.approx(30.965)
    assert service(r, "aldreboende", 2026)["shortage_places"] == pytest.approx(30.965 - 26)


def test_care_homes_base_year_by_hand(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    # 24 places needed, 20 + 6 = 26 places: occupied 24, empty 2, no shortage.
    # cost = (300 000 + 200 000) + (200 000 + 100 000) + 24 × 1 000 000 = 24 800 000
    s = service(r, "aldreboende", 2025)
    assert (s["demand"], s["capacity"]) == (pytest.approx(24), 26)
    assert s["utilisation"] == pytest.approx(24 / 26)
    assert s["shortage_places"] == 0
    assert s["purchased_places_cost_sek"] == 0
    assert s["empty_places"] == pytest.approx(2)
    assert s["cost_sek"] == pytest.approx(24_800_000)
    # One pool: both homes are 24/26 full; AB-A holds 20 × 24/26 = 18.46 residents.
    a, c = unit(r, 2025, "AB-A"), unit(r, 2025, "AB-C")
    assert a["utilisation"] == pytest.approx(24 / 26) and c["utilisation"] == pytest.approx(24 / 26)
    assert a["demand"] + c["demand"] == pytest.approx(24)
    assert a["cost_sek"] == pytest.approx(500_000 + 20 * 24 / 26 * 1_000_000)
    assert c["cost_sek"] == pytest.approx(300_000 + 6 * 24 / 26 * 1_000_000)


def test_shortage_of_places_is_bought(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    # 2026: 29 needed, 26 places: occupied 26, shortage 3 bought at 1 500 000.
    # cost = 800 000 + 26 × 1 000 000 + 3 × 1 500 000 = 31 300 000
    s = service(r, "aldreboende", 2026)
    assert s["demand"] == pytest.approx(29)
    assert s["utilisation"] == pytest.approx(29 / 26)
    assert s["shortage_places"] == pytest.approx(3)
    assert s["purchased_places_cost_sek"] == pytest.approx(4_500_000)
    assert s["empty_places"] == 0
    assert s["cost_sek"] == pytest.approx(31_300_000)
    # The units are full, not over full: the shortage is bought elsewhere.
    assert unit(r, 2026, "AB-A")["demand"] == pytest.approx(20)
    assert unit(r, 2026, "AB-C")["demand"] == pytest.approx(6)


def test_closing_a_care_home(kommun):
    r = evaluate(kommun, "bas", "close-abc", years=3)
    # 2026: 20 places for 29 needed: occupied 20, shortage 9.
    # cost = 500 000 + 20 × 1 000 000 + 9 × 1 500 000 + AB-C's empty premises 0.5 × 200 000 = 34 100 000
    s = service(r, "aldreboende", 2026)
    assert s["capacity"] == 20
    assert s["shortage_places"] == pytest.approx(9)
    assert s["cost_sek"] == pytest.approx(34_100_000)
    assert unit(r, 2026, "AB-C")["cost_sek"] == pytest.approx(100_000)
    # 2028: the premises no longer cost: 34 000 000.
    assert service(r, "aldreboende", 2028)["cost_sek"] == pytest.approx(34_000_000)
    assert r.economy["one_off_cost_sek"].tolist() == pytest.approx([0, 200_000, 0, 0])


def test_home_care_cost_by_band(kommun):
    r = evaluate(kommun, "bas", "keep-all", years=1)
    # 2025: 150 × 10 000 + 20 × 50 000 + 10 × 100 000 = 3 500 000
    # 2026: 100 × 10 000 + 70 × 50 000 + 10 × 100 000 = 5 500 000
    np.testing.assert_allclose(home_care_cost(r.population, r.parameters), [3_500_000, 5_500_000])
    np.testing.assert_allclose(r.economy["hemtjanst_cost_sek"], [3_500_000, 5_500_000])
    # A slider on the home-care cost reaches the economy (nothing stale is reused).
    dearer = evaluate(kommun, "bas", "keep-all", {"home_care_cost_80_89_sek": 60_000}, years=1)
    np.testing.assert_allclose(dearer.economy["hemtjanst_cost_sek"], [3_700_000, 6_200_000])
    np.testing.assert_allclose(dearer.economy["cost_sek"] - r.economy["cost_sek"], [200_000, 700_000])


def test_care_rates_are_parameters(kommun):
    r = evaluate(kommun, "bas", "keep-all", {"care_home_rate_90_plus": 0.8}, years=1)
    # 2025: 15 + 4 + 10 × 0.8 = 27 > 26: one place bought.
    s = service(r, "aldreboende", 2025)
    assert s["demand"] == pytest.approx(27)
    assert s["shortage_places"] == pytest.approx(1)
    assert s["cost_sek"] == pytest.approx(800_000 + 26_000_000 + 1_500_000)


# --- convert: a school becomes a care home -------------------------------------------


def test_convert_school_into_care_home(kommun):
    r = evaluate(kommun, "bas", "convert-sb", years=3)
    keep = evaluate(kommun, "bas", "keep-all", years=3)
    # 2026: S-B stops; its pupils (grades 1, 4, 6: 13) go to S-A (8.34 km), the nearest
    # school offering their grades. Its premises are reused, so they cost nothing empty:
    # S-B's cost is 0, not 0.5 × 600 000 as after a plain closure.
    sb = r.units[(r.units["unit_id"] == "S-B") & (r.units["year"] == 2026)].iloc[0]
    assert not sb["open"]
    assert sb["cost_sek"] == 0
    assert sb["vacated_premises_cost_sek"] == 0
    closed = evaluate(kommun, "bas", "close-b", years=3)
    closed_sb = closed.units[(closed.units["unit_id"] == "S-B") & (closed.units["year"] == 2026)].iloc[0]
    assert closed_sb["cost_sek"] == pytest.approx(300_000)
    # S-A: 58 pupils as after closing S-B: 1 500 000 + 58/12 × 500 000 + 580 000 + 11 × 5 000.
    sa = r.units[(r.units["unit_id"] == "S-A") & (r.units["year"] == 2026)].iloc[0]
    assert sa["pupils"] == pytest.approx(58)
    school_2026 = 1_500_000 + 58 / 12 * 500_000 + 580_000 + 55_000 + 1_375_000  # + S-C
    assert service(r, "grundskola", 2026)["cost_sek"] == pytest.approx(school_2026)
    # A care home AB-B opens in S-B's premises (premises 600 000, the action's fixed 100 000)
    # with the action's 10 places: 36 places for 29 needed, nobody bought.
    # cost = 500 000 + 300 000 + 700 000 + 29 × 1 000 000 = 30 500 000
    ab = unit(r, 2026, "AB-B")
    assert ab["open"] and ab["capacity"] == 10
    assert ab["utilisation"] == pytest.approx(29 / 36)
    assert ab["cost_sek"] == pytest.approx(700_000 + 10 * 29 / 36 * 1_000_000)
    s = service(r, "aldreboende", 2026)
    assert s["capacity"] == 36
    assert s["shortage_places"] == 0
    assert s["cost_sek"] == pytest.approx(30_500_000)
    # Not there before the conversion.
    assert service(r, "aldreboende", 2025)["capacity"] == 26
    su = r.service_units
    assert su[(su["unit_id"] == "AB-B") & (su["year"] == 2025)]["cost_sek"].sum() == 0
    # The conversion's one-off 2 000 000 is counted once, in 2026, and no school closure cost.
    assert r.years["one_off_cost_sek"].tolist() == pytest.approx([0, 0, 0, 0])
    assert r.economy["one_off_cost_sek"].tolist() == pytest.approx([0, 2_000_000, 0, 0])
    # The economy: school −(6 855 000 − 5 926 667), care −(31 300 000 − 30 500 000), minus the one-off.
    diff = economy_row(r, 2026)["result_sek"] - economy_row(keep, 2026)["result_sek"]
    assert diff == pytest.approx((6_855_000 - school_2026) + 800_000 - 2_000_000)


# --- fritid och kultur -------------------------------------------------------------------


def test_leisure_base_year_by_hand(kommun_usage):
    r = evaluate(kommun_usage, "bas", "keep-all", years=1)
    # visits 10 000 + 3 000 + 1 000 = 14 000; booked 500 + 600 + 100 = 1 200 of 2 000 bookable.
    # cost = premises + fixed: 500 000 + 250 000 + 150 000 = 900 000 → 64.29 kr per visit.
    s = service(r, "fritid_kultur", 2025)
    assert s["demand"] == pytest.approx(14_000)
    assert s["booked_hours"] == pytest.approx(1_200)
    assert s["bookable_hours"] == pytest.approx(2_000)
    assert s["occupancy"] == pytest.approx(0.6)
    assert s["cost_sek"] == pytest.approx(900_000)
    assert s["cost_per_visit_sek"] == pytest.approx(900_000 / 14_000)
    b = unit(r, 2025, "L-B")
    assert b["demand"] == pytest.approx(3_000)
    assert b["occupancy"] == pytest.approx(600 / 800)
    assert b["cost_per_visit_sek"] == pytest.approx(250_000 / 3_000)
    assert b["utilisation"] == pytest.approx(3_000 / 4_000)


def test_leisure_visits_follow_the_user_age_population(kommun_usage):
    r = evaluate(kommun_usage, "bas", "keep-all", years=10)
    # V(t) = V0 × U(t) / U(0):
    #   L-A (every age): 393 inhabitants every year → 10 000.
    #   L-B (65–79): U(2025) = 100 + 50 = 150, U(2026) = 100 (the 79-year-olds are 80) → 3 000 × 2/3;
    #                U(2035) = 0 (the 70-year-olds are 80) → 0.
    #   L-C (90–100): 10 every year → 1 000.
    assert unit(r, 2026, "L-A")["demand"] == pytest.approx(10_000)
    assert unit(r, 2026, "L-B")["demand"] == pytest.approx(2_000)
    assert unit(r, 2026, "L-B")["booked_hours"] == pytest.approx(400)
    assert unit(r, 2026, "L-C")["demand"] == pytest.approx(1_000)
    assert unit(r, 2035, "L-B")["demand"] == pytest.approx(0)
    s = service(r, "fritid_kultur", 2026)
    assert s["demand"] == pytest.approx(13_000)
    assert s["occupancy"] == pytest.approx(1_000 / 2_000)
    assert s["cost_per_visit_sek"] == pytest.approx(900_000 / 13_000)


def test_leisure_merge_moves_every_visit(kommun_usage):
    r = evaluate(kommun_usage, "bas", "merge-lc-lb", years=3)
    # 2026: L-C merges into L-B: all its 1 000 visits and 100 booked hours go with it.
    #   L-B: 2 000 + 1 000 = 3 000 visits, 400 + 100 = 500 booked of 800.
    #   total 13 000 visits (none lost); booked 500 + 500 = 1 000 of 1 000 + 800 bookable.
    #   cost: 500 000 + 250 000 + L-C's empty premises 0.5 × 100 000 = 800 000
    b = unit(r, 2026, "L-B")
    assert b["demand"] == pytest.approx(3_000)
    assert b["booked_hours"] == pytest.approx(500)
    assert b["occupancy"] == pytest.approx(500 / 800)
    c = unit(r, 2026, "L-C")
    assert not c["open"] and c["demand"] == 0
    s = service(r, "fritid_kultur", 2026)
    assert s["demand"] == pytest.approx(13_000)
    assert s["bookable_hours"] == pytest.approx(1_800)
    assert s["occupancy"] == pytest.approx(1_000 / 1_800)
    assert s["cost_sek"] == pytest.approx(800_000)
    assert s["cost_per_visit_sek"] == pytest.approx(800_000 / 13_000)
    assert r.economy["one_off_cost_sek"].tolist() == pytest.approx([0, 200_000, 0, 0])


def test_leisure_close_keeps_a_share_at_the_nearest_open_facility(kommun_usage):
    r = evaluate(kommun_usage, "bas", "close-lb", years=1)
    # 2026: L-B closes; the nearest open facility is L-A (0.1° away; L-C is 0.2°).
    # Half its 2 000 visits and 400 booked hours move: L-A 10 000 + 1 000, 500 + 200.
    #   total visits 11 000 + 1 000 = 12 000; booked 700 + 100 = 800 of 1 000 + 200.
    #   cost: 500 000 + 150 000 + 0.5 × 200 000 = 750 000 → 62.50 kr per visit.
    a = unit(r, 2026, "L-A")
    assert a["demand"] == pytest.approx(11_000)
    assert a["booked_hours"] == pytest.approx(700)
    assert unit(r, 2026, "L-C")["demand"] == pytest.approx(1_000)  # not the nearest: unchanged
    s = service(r, "fritid_kultur", 2026)
    assert s["demand"] == pytest.approx(12_000)
    assert s["occupancy"] == pytest.approx(800 / 1_200)
    assert s["cost_sek"] == pytest.approx(750_000)
    assert s["cost_per_visit_sek"] == pytest.approx(62.5)
    # The share kept is a parameter: all of them, or none.
    every = evaluate(kommun_usage, "bas", "close-lb", {"leisure_visits_kept_on_close": 1.0}, years=1)
    assert unit(every, 2026, "L-A")["demand"] == pytest.approx(12_000)
    none = evaluate(kommun_usage, "bas", "close-lb", {"leisure_visits_kept_on_close": 0.0}, years=1)
    assert unit(none, 2026, "L-A")["demand"] == pytest.approx(10_000)


def test_leisure_occupancy_is_capped_at_one(tmp_path, municipality_spec, municipality_writer):
    # L-B's users are 80–89 instead: U(2025) = 20, U(2026) = 50 + 20 = 70 → × 3.5.
    # Booked hours 600 × 3.5 = 2 100 > 800 bookable: occupancy is 1, not 2.6.
    municipality_spec["facility_usage"][1].update(user_age_min=80, user_age_max=89)
    ds = load_dataset(municipality_writer(tmp_path / "k", municipality_spec))
    r = evaluate(ds, "bas", "keep-all", years=1)
    b = unit(r, 2026, "L-B")
    assert b["demand"] == pytest.approx(3_000 * 3.5)
    assert b["booked_hours"] == pytest.approx(2_100)
    assert b["occupancy"] == pytest.approx(1.0)
    # In all: (500 + 2 100 + 100) / 2 000 > 1 → 1.
    assert service(r, "fritid_kultur", 2026)["occupancy"] == pytest.approx(1.0)


def test_leisure_nearest_open_facility_is_nearest_in_km(tmp_path, municipality_spec, municipality_writer):
    # A fourth facility L-N north of A: lat 60.08, lon 15.00 → 0.08° of latitude = 8.90 km from L-A.
    # L-B is 0.1° of longitude east of L-A: at 60° N that is only 5.56 km.
    # Closing L-A, its visits must go to the nearest open facility in km, L-B — although
    # L-N is nearer in raw degrees (0.08 < 0.1).
    new = dict(municipality_spec["units"][-3], unit_id="L-N", name="Norra stugan", lat=60.08)
    municipality_spec["units"].append(new)
    municipality_spec["facility_usage"].append(
        {"unit_id": "L-N", "bookable_hours": 100, "booked_hours": 0, "visits": 500,
         "user_age_min": None, "user_age_max": None}
    )  # fmt: skip
    municipality_spec["alternatives"].append(
        {"id": "close-la", "name": "Stäng sporthallen", "action": [{"year": 2026, "action": "close", "unit": "L-A"}]}
    )
    ds = load_dataset(municipality_writer(tmp_path / "k", municipality_spec))
    r = evaluate(ds, "bas", "close-la", years=1)
    # L-B: its own 2 000 (2026) + half of L-A's 10 000; L-N keeps its 500.
    assert unit(r, 2026, "L-B")["demand"] == pytest.approx(2_000 + 5_000)
    assert unit(r, 2026, "L-N")["demand"] == pytest.approx(500)
