"""The school model against numbers worked out by hand (DESIGN.md §5, §6).

The tiny municipality "Lillby" is defined in conftest.py. Its geometry and base year:

    areas (all at lat 60.0)   A lon 15.00   B lon 15.10   C lon 15.30
    schools                   S-A at A, grades 0–9, capacity 100, premises 1 000 000, fixed 500 000
                              S-B at B, grades 0–6, capacity  50, premises   600 000, fixed 300 000
                              S-C at C, grades 0–6, capacity  50, premises   400 000, fixed 200 000

    road km = great-circle km × detour 1.5; at 60° N, 0.1° of longitude is
    2 × 6371 × asin(cos 60° × sin 0.05°) = 5.5597 km, so
    A–B = 8.3396 km, B–C = 16.679 km, A–C = 25.019 km (area and school share a point: 0 km)

    children (grade = age − 6), base year 2025:
      A: grade 0: 12, grade 1: 8, grade 7: 20
      B: grade 0: 6, grade 3: 4, grade 5: 3, grade 7: 5
      C: grade 0: 3, grade 2: 2                           → 63 pupils
    nobody dies, is born or moves, so in 2026 everyone is one grade up.

    parameters: max_class_size 25, max_grades_per_class 3, teachers_per_class 1.2,
    pupils_per_teacher 12, teacher_cost 500 000, cost_per_pupil 10 000,
    transport thresholds F–3 2 km, 4–6 9 km, 7–9 8 km, transport 5 000 per pupil,
    closed_premises_share 0.5 for 2 years, closure one-off 1 000 000.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from engine import (
    Action,
    Alternative,
    DatasetError,
    ParameterError,
    Parameters,
    Scenario,
    describe,
    evaluate,
    load_dataset,
    resolve,
)
from engine.core.parameters import PARAMETER_NAMES
from engine.model.classes import form_classes, teachers_fte
from engine.model.demography import project
from engine.model.travel import distance_matrix, great_circle_km

R = 6371.0
DETOUR = 1.5
KM_01 = 2 * R * math.asin(math.cos(math.radians(60.0)) * math.sin(math.radians(0.05)))  # 0.1° lon at 60° N
KM_AB = DETOUR * KM_01  # 8.3396
KM_BC = DETOUR * 2 * R * math.asin(math.cos(math.radians(60.0)) * math.sin(math.radians(0.10)))  # 16.679
KM_AC = DETOUR * 2 * R * math.asin(math.cos(math.radians(60.0)) * math.sin(math.radians(0.15)))  # 25.019


def test_hand_distances_are_what_the_comments_say():
    # Guard for the constants below: if this fails, the comments' numbers are wrong.
    assert pytest.approx(5.5597, abs=1e-4) == KM_01
    assert pytest.approx(8.3396, abs=1e-4) == KM_AB
    assert pytest.approx(16.679, abs=1e-3) == KM_BC
    assert pytest.approx(25.019, abs=1e-3) == KM_AC


# --- class formation -----------------------------------------------------------------


def classes_of(grades, k=25, span=3):
    r = form_classes(np.array([grades], dtype=float), max_class_size=k, max_grades_per_class=span)
    return int(r.classes[0]), int(r.combined_pupils[0])


@pytest.mark.parametrize(
    ("grades", "k", "span", "classes", "combined"),
    [
        # The module's own example: [8+9] = 17 combined; 17 + 12 > 25 so [12] alone;
        # 30 > 25 → ceil(30/25) = 2 classes of its own. 4 classes, 17 combined.
        ([8, 9, 0, 12, 30], 25, 3, 4, 17),
        # Combining up to the span: [5+5+5] then [5] starts anew (span 3 reached).
        ([5, 5, 5, 5], 25, 3, 2, 15),
        # Span 1 forbids combining: three single-grade classes, nobody combined.
        ([5, 5, 5], 25, 1, 3, 0),
        # Span 2: [5+5], [5+5].
        ([5, 5, 5, 5], 25, 2, 2, 20),
        # Size limit is inclusive: 20 + 5 = 25 fits in one class ...
        ([20, 5], 25, 3, 1, 25),
        # ... 20 + 6 = 26 does not: two single-grade classes.
        ([20, 6], 25, 3, 2, 0),
        # A grade > max_class_size splits with ceil: 26 → 2, 50 → 2, 51 → 3.
        ([26], 25, 3, 2, 0),
        ([50], 25, 3, 2, 0),
        ([51], 25, 3, 3, 0),
        # Exactly max_class_size is not "more than": one class.
        ([25], 25, 3, 1, 0),
        # A big grade closes the class before it and the next grade starts a new one:
        # [3] alone, 60 → 3 classes, [4] alone: 5 classes, nobody combined.
        ([3, 60, 4], 25, 3, 5, 0),
        # Empty grades form no class.
        ([0] * 10, 25, 3, 0, 0),
        ([0, 0, 7, 0, 0], 25, 3, 1, 0),
        # ... and do not count towards the span: with span 2, [4, _, 4] is one class of 2 grades.
        ([4, 0, 4], 25, 2, 1, 8),
        # Smaller class size, K = 10: [6+4] = 10 is full, so 7 starts anew and [7+3] = 10:
        # 2 classes, 20 combined.
        ([6, 4, 7, 3], 10, 3, 2, 20),
    ],
)
def test_form_classes_by_hand(grades, k, span, classes, combined):
    assert classes_of(grades, k, span) == (classes, combined)


def test_form_classes_rows_are_independent():
    # Vectorised over rows: each row gives exactly what it gives alone.
    rows = [[8, 9, 0, 12, 30], [0] * 5, [51, 0, 0, 0, 0], [5, 5, 5, 5, 0], [1, 1, 1, 1, 1]]
    r = form_classes(np.array(rows, dtype=float), max_class_size=25, max_grades_per_class=3)
    alone = [classes_of(row) for row in rows]
    assert list(zip(r.classes.tolist(), r.combined_pupils.tolist(), strict=True)) == alone
    # [1+1+1], [1+1]: 2 classes, all 5 pupils combined.
    assert alone[4] == (2, 5)


def test_form_classes_rounds_fractional_pupils_per_grade():
    # Projected cohorts are fractional; classes are formed from whole pupils:
    # 0.3 → 0 (no class), 25.4 → 25 (one class), 25.6 → 26 (two classes).
    assert classes_of([0.3]) == (0, 0)
    assert classes_of([25.4]) == (1, 0)
    assert classes_of([25.6]) == (2, 0)


def test_teachers_fte_takes_the_larger_need():
    # Class branch: 3 classes × 1.2 = 3.6 > 20 pupils / 12 = 1.67 → 3.6.
    # Pupil branch: 2 classes × 1.2 = 2.4 < 45 pupils / 12 = 3.75 → 3.75.
    fte = teachers_fte(np.array([3, 2]), np.array([20.0, 45.0]), teachers_per_class=1.2, pupils_per_teacher=12.0)
    assert fte.tolist() == pytest.approx([3.6, 3.75])
    # No classes, no pupils: no teachers.
    assert teachers_fte(np.array([0]), np.array([0.0]), teachers_per_class=1.3, pupils_per_teacher=12.0)[0] == 0


# --- distance ----------------------------------------------------------------------


def test_one_degree_of_latitude_is_111_km():
    # Along a meridian: 2π × 6371 / 360 = 111.195 km per degree.
    km = great_circle_km(np.array([60.0]), np.array([15.0]), np.array([61.0]), np.array([15.0]))
    assert km[0, 0] == pytest.approx(111.195, abs=0.01)


def test_distance_matrix_applies_detour_and_road_distances():
    areas = pd.DataFrame({"area_id": ["X", "Y"], "lat": [60.0, 61.0], "lon": [15.0, 15.0]})
    units = pd.DataFrame({"unit_id": ["U"], "lat": [61.0], "lon": [15.0]})
    km = distance_matrix(areas, units, None, 1.3)
    # X is 1° south of U: 111.195 × 1.3 = 144.55 km; Y is at U: 0.
    assert km[:, 0] == pytest.approx([111.195 * 1.3, 0.0], abs=0.02)
    # A road distance replaces the estimate for its pair only.
    road = pd.DataFrame({"area_id": ["X"], "unit_id": ["U"], "km": [130.0]})
    km = distance_matrix(areas, units, road, 1.3)
    assert km[:, 0] == pytest.approx([130.0, 0.0], abs=1e-9)


def test_distances_csv_overrides_straight_line(tmp_path, tiny_spec, dataset_writer):
    # Road km from B to S-A given as 20 km instead of 8.34: B's grade 7 pupils travel 20 km.
    tiny_spec["distances"] = [{"area_id": "B", "unit_id": "S-A", "km": 20.0, "minutes": 25}]
    ds = load_dataset(dataset_writer(tmp_path / "d", tiny_spec))
    f = evaluate(ds, "bas", "keep-all", years=1).flows
    row = f[(f.year == 2025) & (f.area_id == "B") & (f.grade == 7)]
    assert row["unit_id"].tolist() == ["S-A"]
    assert row["km"].tolist() == pytest.approx([20.0])
    # A pair without a road distance keeps straight line × detour.
    row = f[(f.year == 2025) & (f.area_id == "A") & (f.grade == 0)]
    assert row["km"].tolist() == pytest.approx([0.0])


# --- the tiny municipality: assignment -----------------------------------------------


def flows_of(result, year):
    f = result.flows
    f = f[f.year == year]
    return {
        (a, int(g), u): p for (a, g, u), p in f.groupby(["area_id", "grade", "unit_id"])["pupils"].sum().items() if p
    }


def unit_row(result, year, unit_id):
    u = result.units
    rows = u[(u.year == year) & (u.unit_id == unit_id)]
    assert len(rows) == 1, f"{unit_id} {year}: {len(rows)} rows"
    return rows.iloc[0]


def year_row(result, year):
    return result.years.set_index("year").loc[year]


def test_base_year_is_the_population_as_given_and_years_counts_projected_years(tiny):
    r = evaluate(tiny, "bas", "keep-all", years=1)
    assert r.years["year"].tolist() == [2025, 2026]
    # 12+8+20+50 + 6+4+3+5+30 + 3+2+20 persons
    assert r.years["population"].tolist() == pytest.approx([163, 163])
    assert r.population[0].sum(axis=0)[6] == 21  # aged 6 in 2025: 12 + 6 + 3
    assert r.population[1].sum(axis=0)[7] == 21  # one year older in 2026, nobody lost


def test_tables_beyond_the_years_are_built_on_first_use_and_then_kept(tiny):
    # A slider on Jämför reads only the yearly table; building the unit, service and
    # economy tables was half of each evaluation, so evaluate() leaves them for later.
    r = evaluate(tiny, "bas", "keep-all", years=1)
    assert "units" not in vars(r) and "_municipality_tables" not in vars(r)
    assert r.units is r.units and r.economy is r.economy  # built once
    assert r.services["year"].nunique() == 2 and set(r.economy["year"]) == {2025, 2026}


@pytest.mark.parametrize("name", PARAMETER_NAMES)
def test_a_moved_parameter_gives_what_a_fresh_dataset_gives(name, tiny, tiny_path):
    # The placement (assignment and travel) is memoised on the detour factor and the
    # transport thresholds only: a parameter it depends on but that is missing from
    # that key would reuse a stale placement and differ here from a dataset with no memo.
    meta = next(r for r in describe() if r["name"] == name)
    moved = meta["max"] if meta["default"] != meta["max"] else meta["min"]
    for alternative in ("keep-all", "merge-b-c"):
        evaluate(tiny, "bas", alternative, years=3)  # warm the memo at the defaults
        cached = evaluate(tiny, "bas", alternative, {name: moved}, years=3)
        fresh = evaluate(load_dataset(tiny_path), "bas", alternative, {name: moved}, years=3)
        pd.testing.assert_frame_equal(cached.years, fresh.years)
        pd.testing.assert_frame_equal(cached.units, fresh.units)


def test_keep_all_base_year_flows(tiny):
    r = evaluate(tiny, "bas", "keep-all", years=1)
    # Everyone goes to the nearest school offering the grade; only S-A offers grade 7.
    assert flows_of(r, 2025) == {
        ("A", 0, "S-A"): 12,
        ("A", 1, "S-A"): 8,
        ("A", 7, "S-A"): 20,
        ("B", 0, "S-B"): 6,
        ("B", 3, "S-B"): 4,
        ("B", 5, "S-B"): 3,
        ("B", 7, "S-A"): 5,
        ("C", 0, "S-C"): 3,
        ("C", 2, "S-C"): 2,
    }
    f = r.flows[(r.flows.year == 2025) & (r.flows.area_id == "B") & (r.flows.grade == 7)]
    assert f["km"].iloc[0] == pytest.approx(KM_AB)


def test_keep_all_base_year_schools(tiny):
    r = evaluate(tiny, "bas", "keep-all", years=1)
    a, b, c = (unit_row(r, 2025, u) for u in ("S-A", "S-B", "S-C"))
    # S-A: grade 0: 12, grade 1: 8, grade 7: 20 + 5 = 25 → 45 pupils.
    #   classes: [12+8] = 20 (combined); 20 + 25 > 25 → [25]. 2 classes.
    #   FTE = max(2 × 1.2 = 2.4, 45 / 12 = 3.75) = 3.75 (pupil branch).
    #   transport: B's 5 grade-7 pupils at 8.34 km > 8 km → 5 pupils.
    #   cost = 1 000 000 + 500 000 + 3.75 × 500 000 + 45 × 10 000 + 5 × 5 000 = 3 850 000.
    assert (a.pupils, a.classes, a.teachers_fte) == (45, 2, pytest.approx(3.75))
    assert a.cost_sek == pytest.approx(1_000_000 + 500_000 + 3.75 * 500_000 + 45 * 10_000 + 5 * 5_000)
    assert a.utilisation == pytest.approx(45 / 100)
    # S-B: grade 0: 6, grade 3: 4, grade 5: 3 → 13 pupils, one class [6+4+3] (3 grades, 13 ≤ 25).
    #   FTE = max(1 × 1.2, 13 / 12 = 1.083) = 1.2 (class branch).
    #   cost = 600 000 + 300 000 + 1.2 × 500 000 + 13 × 10 000 = 1 630 000.
    assert (b.pupils, b.classes, b.teachers_fte) == (13, 1, pytest.approx(1.2))
    assert b.cost_sek == pytest.approx(600_000 + 300_000 + 1.2 * 500_000 + 13 * 10_000)
    # S-C: grade 0: 3, grade 2: 2 → 5 pupils, one class [3+2]; FTE 1.2.
    #   cost = 400 000 + 200 000 + 600 000 + 50 000 = 1 250 000.
    assert (c.pupils, c.classes, c.teachers_fte) == (5, 1, pytest.approx(1.2))
    assert c.cost_sek == pytest.approx(400_000 + 200_000 + 1.2 * 500_000 + 5 * 10_000)
    # The preschool is not a school: no row for it.
    assert set(r.units["unit_id"]) == {"S-A", "S-B", "S-C"}

    y = year_row(r, 2025)
    total = 3_850_000 + 1_630_000 + 1_250_000
    assert y.pupils == 63
    assert y.schools_open == 3
    assert y.cost_sek == pytest.approx(total)
    assert y.cost_per_pupil_sek == pytest.approx(total / 63)  # 106 825 kr
    assert y.mean_class_size == pytest.approx(63 / 4)
    # Combined-grade pupils: 20 at S-A, 13 at S-B, 5 at S-C = 38 of 63.
    assert y.combined_grade_share == pytest.approx(38 / 63)
    assert y.mean_distance_km == pytest.approx(5 * KM_AB / 63)
    assert y.max_distance_km == pytest.approx(KM_AB)
    assert y.pupils_over_threshold == pytest.approx(5)
    assert y.pupils_changing_school == 0
    assert y.overcrowded_pupils == 0
    assert y.one_off_cost_sek == 0


def test_other_teaching_follows_each_pupil(tiny):
    # Other teaching (special-needs teachers, assistants) is 2 000 kr per pupil in every open school:
    #   S-A 45 pupils → 3 850 000 + 45 × 2 000 = 3 940 000; S-B 13 → 1 630 000 + 26 000 = 1 656 000;
    #   S-C 5 → 1 250 000 + 10 000 = 1 260 000; the year 6 730 000 + 63 × 2 000 = 6 856 000.
    r = evaluate(tiny, "bas", "keep-all", {"other_teaching_cost_per_pupil_sek": 2_000}, years=1)
    a, b, c = (unit_row(r, 2025, u) for u in ("S-A", "S-B", "S-C"))
    assert (a.cost_sek, b.cost_sek, c.cost_sek) == (
        pytest.approx(3_940_000),
        pytest.approx(1_656_000),
        pytest.approx(1_260_000),
    )
    assert year_row(r, 2025).cost_sek == pytest.approx(6_856_000)


def test_transport_thresholds_are_per_grade_band(tiny):
    # Base year: only B's grade-7 pupils travel (8.34 km). 7–9 threshold 8 km → entitled.
    base = evaluate(tiny, "bas", "keep-all", years=1)
    assert year_row(base, 2025).pupils_over_threshold == pytest.approx(5)
    # Raising the 7–9 threshold above 8.34 km removes them; the F–3 and 4–6 ones do not matter here.
    higher = evaluate(tiny, "bas", "keep-all", {"transport_threshold_km_79": 8.5}, years=1)
    assert year_row(higher, 2025).pupils_over_threshold == 0
    other_bands = evaluate(
        tiny, "bas", "keep-all", {"transport_threshold_km_f3": 10.0, "transport_threshold_km_46": 10.0}, years=1
    )
    assert year_row(other_bands, 2025).pupils_over_threshold == pytest.approx(5)
    # The transport cost is part of S-A's cost: 5 × 5 000.
    assert unit_row(base, 2025, "S-A").cost_sek - unit_row(higher, 2025, "S-A").cost_sek == pytest.approx(25_000)


def test_close_sends_pupils_to_the_nearest_school(tiny):
    r = evaluate(tiny, "bas", "close-b", years=3)
    # 2026, everyone one grade up. S-B is closed; B's grades 1, 4, 6 go to the nearest
    # school offering them: S-A at 8.34 km (S-C is 16.68 km away). Grade 8 goes to S-A anyway.
    assert flows_of(r, 2026) == {
        ("A", 1, "S-A"): 12,
        ("A", 2, "S-A"): 8,
        ("A", 8, "S-A"): 20,
        ("B", 1, "S-A"): 6,
        ("B", 4, "S-A"): 4,
        ("B", 6, "S-A"): 3,
        ("B", 8, "S-A"): 5,
        ("C", 1, "S-C"): 3,
        ("C", 3, "S-C"): 2,
    }
    a = unit_row(r, 2026, "S-A")
    # S-A: grade 1: 18, grade 2: 8, grade 4: 4, grade 6: 3, grade 8: 25 → 58 pupils.
    #   classes: [18]; 18 + 8 > 25 → [8+4+3] = 15 (3 grades, combined); [25] → 3 classes.
    #   FTE = max(3 × 1.2 = 3.6, 58 / 12 = 4.833) = 4.833.
    #   transport: B grade 1 (6, F–3: 8.34 > 2) + B grade 8 (5, 7–9: 8.34 > 8) = 11;
    #   B grades 4 and 6 (4–6: 8.34 < 9) are not entitled.
    #   cost = 1 500 000 + 4.833 × 500 000 + 58 × 10 000 + 11 × 5 000 = 4 551 667.
    assert (a.pupils, a.classes) == (58, 3)
    assert a.teachers_fte == pytest.approx(58 / 12)
    assert a.cost_sek == pytest.approx(1_500_000 + 58 / 12 * 500_000 + 58 * 10_000 + 11 * 5_000)
    assert a.combined_grade_pupils == 15
    y = year_row(r, 2026)
    assert y.pupils_over_threshold == pytest.approx(11)
    assert y.schools_open == 2
    # The 13 who were at S-B under keep-all change school.
    assert y.pupils_changing_school == pytest.approx(13)
    # Closed schools teach nobody.
    b = unit_row(r, 2026, "S-B")
    assert not b.open
    assert b.pupils == 0 and b.classes == 0 and b.teachers_fte == 0
    assert pd.isna(b.utilisation)


def test_closed_premises_and_one_off_cost(tiny):
    r = evaluate(tiny, "bas", "close-b", years=3)
    # S-B (premises 600 000) closes 2026: 0.5 × 600 000 for 2 years (2026, 2027), then 0.
    assert [unit_row(r, y, "S-B").cost_sek for y in (2025, 2026, 2027, 2028)] == pytest.approx(
        [1_630_000, 300_000, 300_000, 0]
    )
    # The closure's one-off cost (closure_one_off_cost_sek = 1 000 000) falls in 2026 only,
    # and is not part of the running cost.
    assert r.years["one_off_cost_sek"].tolist() == pytest.approx([0, 1_000_000, 0, 0])
    # 2026 total: S-A 4 551 667 + S-B 300 000 + S-C 1 250 000.
    assert year_row(r, 2026).cost_sek == pytest.approx(
        1_500_000 + 58 / 12 * 500_000 + 580_000 + 55_000 + 300_000 + 1_250_000
    )
    # A shorter vacancy: closed_premises_years = 1 → only 2026 costs.
    short = evaluate(tiny, "bas", "close-b", {"closed_premises_years": 1, "closed_premises_share": 0.25}, years=3)
    assert [unit_row(short, y, "S-B").cost_sek for y in (2026, 2027, 2028)] == pytest.approx([150_000, 0, 0])


def test_merge_sends_pupils_to_the_named_school(tiny):
    r = evaluate(tiny, "bas", "merge-b-c", years=2)
    # S-B merges into S-C (16.68 km from B) although S-A is nearer (8.34 km).
    f = flows_of(r, 2026)
    assert {k: v for k, v in f.items() if k[0] == "B"} == {
        ("B", 1, "S-C"): 6,
        ("B", 4, "S-C"): 4,
        ("B", 6, "S-C"): 3,
        ("B", 8, "S-A"): 5,  # S-C does not teach grade 8: nearest school offering it
    }
    # A's and C's pupils are unaffected.
    assert f[("A", 1, "S-A")] == 12 and f[("C", 1, "S-C")] == 3
    c = unit_row(r, 2026, "S-C")
    # S-C: grade 1: 3 + 6 = 9, grade 3: 2, grade 4: 4, grade 6: 3 → 18 pupils.
    #   classes: [9+2+4] = 15 spans 3 grades, so grade 6 starts a new class [3] → 2 classes.
    #   FTE = max(2 × 1.2 = 2.4, 18 / 12 = 1.5) = 2.4.
    #   transport: B's 13 at 16.68 km (> 2 for F–3, > 9 for 4–6) = 13.
    #   cost = 400 000 + 200 000 + 2.4 × 500 000 + 18 × 10 000 + 13 × 5 000 = 2 045 000.
    assert (c.pupils, c.classes, c.combined_grade_pupils) == (18, 2, 15)
    assert c.teachers_fte == pytest.approx(2.4)
    assert c.cost_sek == pytest.approx(400_000 + 200_000 + 2.4 * 500_000 + 18 * 10_000 + 13 * 5_000)
    y = year_row(r, 2026)
    # 13 to S-C plus B's 5 grade-8 pupils at S-A (8.34 > 8).
    assert y.pupils_over_threshold == pytest.approx(18)
    # The action's own one-off cost (250 000) replaces the default.
    assert r.years["one_off_cost_sek"].tolist() == pytest.approx([0, 250_000, 0])


def test_pupils_changing_school_equal_the_merged_schools_pupils(tiny):
    keep = evaluate(tiny, "bas", "keep-all", years=3)
    merged = evaluate(tiny, "bas", "merge-b-c", years=3)
    for year in (2026, 2027, 2028):
        at_b = unit_row(keep, year, "S-B").pupils
        assert at_b > 0
        assert year_row(merged, year).pupils_changing_school == pytest.approx(at_b)
    # Before the merge, nobody moves.
    assert year_row(merged, 2025).pupils_changing_school == 0


def test_reopen_restores_the_school(tiny):
    alt = Alternative(
        id="close-reopen",
        name="Stäng och öppna igen",
        actions=(Action(year=2026, action="close", unit="S-B"), Action(year=2027, action="reopen", unit="S-B")),
    )
    r = evaluate(tiny, "bas", alt, years=3)
    keep = evaluate(tiny, "bas", "keep-all", years=3)
    # 2026 closed: vacancy 0.5 × 600 000; from 2027 open again, exactly as under keep-all.
    assert unit_row(r, 2026, "S-B").cost_sek == pytest.approx(300_000)
    for year in (2027, 2028):
        assert unit_row(r, year, "S-B").open
        assert unit_row(r, year, "S-B").cost_sek == pytest.approx(unit_row(keep, year, "S-B").cost_sek)
        assert year_row(r, year).pupils_changing_school == pytest.approx(0)
        assert year_row(r, year).cost_sek == pytest.approx(year_row(keep, year).cost_sek)
    # Only the closure has a one-off cost.
    assert r.years["one_off_cost_sek"].tolist() == pytest.approx([0, 1_000_000, 0, 0])


def test_capacity_binding_sends_overflow_to_the_next_nearest_school(tiny):
    r = evaluate(tiny, "bas", "cap-a-40", years=1)
    # S-A holds 40. Grade 7 (A 20, B 5) can only go to S-A: 25. That leaves 15 places
    # for A's grades 0 and 1 (20 pupils): 5 go to the next nearest school offering
    # them, S-B at 8.34 km (S-C is 25 km away).
    f = flows_of(r, 2025)
    assert unit_row(r, 2025, "S-A").pupils == pytest.approx(40)
    assert f[("A", 7, "S-A")] + f[("B", 7, "S-A")] == pytest.approx(25)
    assert sum(v for (a, _, u), v in f.items() if a == "A" and u == "S-B") == pytest.approx(5)
    assert not any(a == "A" and u == "S-C" for (a, _, u) in f)
    assert unit_row(r, 2025, "S-B").pupils == pytest.approx(13 + 5)
    y = year_row(r, 2025)
    assert y.overcrowded_pupils == 0
    assert y.pupils_changing_school == pytest.approx(5)
    assert sum(f.values()) == pytest.approx(63)


def test_overcrowding_reported_when_total_capacity_is_short(tiny):
    r = evaluate(tiny, "bas", "cap-a-20", years=1)
    # S-A holds 20 but is the only school with grade 7 (25 pupils): 5 cannot get a place.
    # They are not dropped: they stay at S-A and show as overcrowding. A's grades 0 and 1
    # (20) move to S-B, which has room (13 + 20 = 33 ≤ 50).
    f = flows_of(r, 2025)
    a = unit_row(r, 2025, "S-A")
    assert a.pupils == pytest.approx(25)
    assert a.utilisation == pytest.approx(25 / 20)
    assert a.overcrowded_pupils == pytest.approx(5)
    assert f[("A", 0, "S-B")] == pytest.approx(12) and f[("A", 1, "S-B")] == pytest.approx(8)
    y = year_row(r, 2025)
    assert y.overcrowded_pupils == pytest.approx(5)
    assert sum(f.values()) == pytest.approx(63)


def test_room_taken_by_another_grade_is_freed_when_it_can_go_elsewhere(tmp_path, tiny_spec, dataset_writer):
    # Only area A has children: grade 0: 20, grade 1: 10.
    #   S-A at A (0 km):     grade 0 only,  capacity 10
    #   S-B at B (8.34 km):  grades 0–1,    capacity 10
    #   S-C at C (25.02 km): grades 1–9,    capacity 100
    # Nearest: grade 0 → S-A (20 > 10, full); grade 1 → S-B (fills its 10 places).
    # The min-cost transportation problem (DESIGN.md §5) places everyone within capacity:
    # grade 0: 10 at S-A + 10 at S-B; grade 1: 10 at S-C (the next nearest with room).
    # 10 × 8.34 + 10 × 25.02 km is far cheaper than leaving 10 pupils without a place,
    # and total capacity (120) is well above demand (30): nobody is overcrowded.
    tiny_spec["population"] = [
        {"area_id": "A", "age": 6, "persons": 20},
        {"area_id": "A", "age": 7, "persons": 10},
    ]
    a, b, c = tiny_spec["units"][:3]
    a.update(grade_min=0, grade_max=0, capacity=10)
    b.update(grade_min=0, grade_max=1, capacity=10)
    c.update(grade_min=1, grade_max=9, capacity=100)
    tiny_spec["alternatives"] = tiny_spec["alternatives"][:1]
    ds = load_dataset(dataset_writer(tmp_path / "cap", tiny_spec))
    r = evaluate(ds, "bas", "keep-all", years=1)
    assert flows_of(r, 2025) == pytest.approx({("A", 0, "S-A"): 10, ("A", 0, "S-B"): 10, ("A", 1, "S-C"): 10})
    assert year_row(r, 2025).overcrowded_pupils == pytest.approx(0)
    for unit in ("S-A", "S-B", "S-C"):
        row = unit_row(r, 2025, unit)
        assert row.pupils <= row.capacity + 1e-9, unit


@pytest.mark.parametrize("fillers", [0, 38])
def test_assign_frees_room_taken_by_another_grade(fillers):
    # The case above, straight through engine.model.assignment.assign, with and without 38
    # far-away filler schools (grade 9 only, no grade-9 pupils): 41 schools used to be past
    # the exact programme's limit, where a restricted programme missed this. The fillers
    # change nothing: the right answer is the same.
    from engine.model.assignment import assign

    demand = np.zeros((1, 10))
    demand[0, 0], demand[0, 1] = 20, 10
    n = 3 + fillers
    km = np.array([[0.0, 8.0, 25.0] + [500.0] * fillers])
    eligible = np.zeros((n, 10), dtype=bool)
    eligible[0, 0] = True  # S0: grade 0
    eligible[1, 0:2] = True  # S1: grades 0–1
    eligible[2, 1:10] = True  # S2: grades 1–9
    eligible[3:, 9] = True  # fillers: grade 9
    capacity = np.array([10.0, 10.0, 100.0] + [10.0] * fillers)
    rank = np.broadcast_to(km, (10, *km.shape))
    flows, unplaced = assign(demand, rank, eligible, capacity)
    assert unplaced.sum() == 0
    load = np.bincount(flows.school, weights=flows.pupils, minlength=n)
    assert flows.pupils.sum() == pytest.approx(30)
    assert load[:3] == pytest.approx([10, 10, 10])  # grade 1 moves to S2 so grade 0 fits at S1
    assert (load <= capacity + 1e-9).all()


def test_grade_no_open_school_offers_is_reported_not_dropped(tiny):
    # Closing S-A leaves nobody teaching grades 7–9: those 25 pupils cannot be placed
    # anywhere; they must show up as overcrowding, and still count as pupils.
    alt = Alternative(id="close-a", name="Stäng Åby", actions=(Action(year=2025, action="close", unit="S-A"),))
    r = evaluate(tiny, "bas", alt, years=1)
    y = year_row(r, 2025)
    assert y.pupils == 63
    assert y.overcrowded_pupils == pytest.approx(25)
    assert r.flows[r.flows.year == 2025]["pupils"].sum() == pytest.approx(63 - 25)


def test_enrollment_gives_the_share_attending_per_grade(tmp_path, tiny_spec, dataset_writer):
    # Grade 0: 21 children (12 + 6 + 3) but 14 enrolled → share 2/3 in every area.
    # Grade 7: 25 children, 30 enrolled → share capped at 1. Others enrolled in full.
    tiny_spec["enrollment"] = [
        {"unit_id": "S-A", "grade": 0, "pupils": 8},
        {"unit_id": "S-B", "grade": 0, "pupils": 4},
        {"unit_id": "S-C", "grade": 0, "pupils": 2},
        {"unit_id": "S-A", "grade": 1, "pupils": 8},
        {"unit_id": "S-C", "grade": 2, "pupils": 2},
        {"unit_id": "S-B", "grade": 3, "pupils": 4},
        {"unit_id": "S-B", "grade": 5, "pupils": 3},
        {"unit_id": "S-A", "grade": 7, "pupils": 30},
    ]
    ds = load_dataset(dataset_writer(tmp_path / "e", tiny_spec))
    r = evaluate(ds, "bas", "keep-all", years=1)
    f = flows_of(r, 2025)
    assert f[("A", 0, "S-A")] == pytest.approx(8)  # 12 × 2/3
    assert f[("B", 0, "S-B")] == pytest.approx(4)  # 6 × 2/3
    assert f[("A", 7, "S-A")] == pytest.approx(20)  # capped at 1
    # 21 × 2/3 + 8 + 2 + 4 + 3 + 25 = 56
    assert year_row(r, 2025).pupils == pytest.approx(56)


# --- demography ----------------------------------------------------------------------


def test_one_projection_step_by_hand():
    ages = 101
    pop = np.zeros((2, ages))
    pop[0, 0], pop[0, 30], pop[0, 100] = 10, 100, 5  # area 0: 115 persons
    pop[1, 30], pop[1, 50], pop[1, 99] = 50, 50, 10  # area 1: 110 persons
    mortality = np.zeros(ages)
    mortality[30], mortality[50], mortality[99], mortality[100] = 0.01, 0.02, 0.10, 0.20
    fertility = np.zeros(ages)
    fertility[30], fertility[25] = 0.6, 0.4
    profile = np.zeros(ages)
    profile[0], profile[31] = 1.0, 3.0  # weights 1/4 and 3/4
    scenario = Scenario(id="s", name="s", tfr=1.5, net_migration_per_1000=10.0, mortality_change=0.5)
    out = project(
        pop, fertility_share=fertility, mortality=mortality, migration_profile=profile, scenario=scenario, years=1
    )
    assert out.shape == (2, 2, ages)
    np.testing.assert_array_equal(out[0], pop)  # the base year is the population as given
    nxt = out[1]
    # Death risks × (1 + 0.5): q30 = 0.015, q50 = 0.03, q99 = 0.15, q100 = 0.30.
    # Births = ½ × persons × fertility_share × TFR: area 0: ½ × 100 × 0.6 × 1.5 = 45;
    # area 1: ½ × 50 × 0.6 × 1.5 = 22.5 (nobody is 25).
    # Net migration M = 10/1000 × 225 = 2.25, spread by area size (115/225, 110/225)
    # and profile (¼ at age 0, ¾ at age 31): area 0: 0.2875 and 0.8625; area 1: 0.275 and 0.825.
    expected = np.zeros((2, ages))
    expected[0, 0] = 45 + 0.2875
    expected[0, 1] = 10  # mortality at 0 is 0
    expected[0, 31] = 100 * (1 - 0.015) + 0.8625
    expected[0, 100] = 5 * (1 - 0.30)  # the open age group stays
    expected[1, 0] = 22.5 + 0.275
    expected[1, 31] = 50 * (1 - 0.015) + 0.825
    expected[1, 51] = 50 * (1 - 0.03)
    expected[1, 100] = 10 * (1 - 0.15)  # 99-year-olds join the open age group
    np.testing.assert_allclose(nxt, expected, atol=1e-12)


def test_projection_floors_at_zero():
    # Net out-migration larger than an age group leaves 0, never a negative count.
    pop = np.zeros((1, 101))
    pop[0, 40] = 10
    profile = np.zeros(101)
    profile[20] = 1.0  # all migrants are 20, where nobody lives
    scenario = Scenario(id="s", name="s", tfr=0.0, net_migration_per_1000=-100.0)
    out = project(
        pop,
        fertility_share=np.full(101, 1 / 101),
        mortality=np.zeros(101),
        migration_profile=profile,
        scenario=scenario,
        years=1,
    )
    assert out[1, 0, 20] == 0.0  # 0 − 1 floored
    assert out[1, 0, 41] == 10.0
    assert (out >= 0).all()


def test_dataset_fertility_share_drives_births(tmp_path, tiny_spec, dataset_writer):
    # Put 40 women-and-men at age 30, the only fertile age: births = ½ × 40 × 1.0 × TFR 1.5 = 30.
    tiny_spec["population"].append({"area_id": "C", "age": 30, "persons": 40})
    ds = load_dataset(dataset_writer(tmp_path / "b", tiny_spec))
    r = evaluate(ds, "bas", "keep-all", years=1)
    assert r.population[1, 2, 0] == pytest.approx(30)  # area C, age 0, 2026
    assert r.population[1, :2, 0].sum() == 0  # no fertile persons in A and B


# --- parameters ----------------------------------------------------------------------

REQUIRED_META = ("unit", "description_sv", "description_en", "source", "group", "min", "max")
SCHOOL_MODEL_PARAMETERS = (
    "max_class_size", "max_grades_per_class", "teachers_per_class", "pupils_per_teacher", "teacher_cost_sek",
    "cost_per_pupil_sek", "transport_threshold_km_f3", "transport_threshold_km_46", "transport_threshold_km_79",
    "transport_cost_per_pupil_sek", "detour_factor", "closed_premises_share", "closed_premises_years",
    "min_team_teachers",
)  # fmt: skip


def test_design_parameters_exist():
    assert set(SCHOOL_MODEL_PARAMETERS) <= set(PARAMETER_NAMES)


@pytest.mark.parametrize("name", PARAMETER_NAMES)
def test_every_parameter_is_documented(name):
    import dataclasses

    field = next(f for f in dataclasses.fields(Parameters) if f.name == name)
    for key in REQUIRED_META:
        assert key in field.metadata, f"{name} lacks {key}"
        value = field.metadata[key]
        assert value is not None and str(value).strip(), f"{name}.{key} is empty"
    assert field.metadata["min"] <= field.default <= field.metadata["max"], name


def test_describe_lists_every_parameter_with_its_value():
    rows = describe(resolve({"max_class_size": 22}))
    assert [r["name"] for r in rows] == list(PARAMETER_NAMES)
    row = next(r for r in rows if r["name"] == "max_class_size")
    assert (row["value"], row["default"]) == (22, 25)


def test_resolve_overrides_by_name_in_layers():
    p = resolve({"max_class_size": 22, "detour_factor": 1.2}, {"detour_factor": "1,4"})
    assert p.max_class_size == 22
    assert p.detour_factor == pytest.approx(1.4)  # the later layer wins; decimal comma accepted
    assert p.teacher_cost_sek == Parameters().teacher_cost_sek  # untouched: default
    assert resolve() == Parameters()


@pytest.mark.parametrize(
    ("overrides", "name"),
    [
        ({"max_klass": 22}, "max_klass"),  # unknown name
        ({"max_class_size": 500}, "max_class_size"),  # above max
        ({"detour_factor": 0.5}, "detour_factor"),  # below min
        ({"closed_premises_share": "mycket"}, "closed_premises_share"),  # not a number
        ({"max_class_size": 22.5}, "max_class_size"),  # must be an integer
        ({"teacher_cost_sek": True}, "teacher_cost_sek"),  # a bool is not a number
    ],
)
def test_resolve_rejects_with_the_parameters_name(overrides, name):
    with pytest.raises(ParameterError) as info:
        resolve(overrides)
    assert name in str(info.value)


def test_dataset_parameters_apply_and_evaluate_overrides_win(tiny):
    assert tiny.parameter_overrides["detour_factor"] == 1.5
    r = evaluate(tiny, "bas", "keep-all", years=1)
    assert r.parameters.detour_factor == 1.5
    assert r.parameters.teacher_cost_sek == 500_000
    f = r.flows
    assert f[(f.area_id == "B") & (f.grade == 7)]["km"].iloc[0] == pytest.approx(KM_AB)
    # An evaluation override beats the dataset: detour 1.0 → 5.56 km.
    r = evaluate(tiny, "bas", "keep-all", {"detour_factor": 1.0}, years=1)
    f = r.flows
    assert f[(f.area_id == "B") & (f.grade == 7)]["km"].iloc[0] == pytest.approx(KM_01)
    # ... and the transport entitlement follows (5.56 < 8 km).
    assert year_row(r, 2025).pupils_over_threshold == 0


@pytest.mark.parametrize(("key", "value"), [("max_klass", 22), ("max_class_size", 99)])
def test_dataset_parameter_errors_name_the_parameter(tmp_path, tiny_spec, dataset_writer, key, value):
    tiny_spec["municipality"]["parameters"][key] = value
    with pytest.raises(DatasetError) as info:
        load_dataset(dataset_writer(tmp_path / "p", tiny_spec))
    text = str(info.value)
    assert "municipality.toml" in text and key in text
