"""Child impact facts (engine.measures.child_impact): a hand-computed merge in Lillby, and
conservation laws on every demo alternative."""

from __future__ import annotations

import pandas as pd
import pytest

from engine import Dataset, evaluate
from engine.measures.child_impact import band_of, child_impact

# Lillby (tests/conftest.py): S-B merges into S-C in 2026. B lies 0.1° of longitude from A
# and 0.2° from C on the parallel 60° N: 0.2° = 11.1194 km great-circle × detour 1.5 = 16.679 km.
B_TO_C_KM = 16.679


def one(frame, **where):
    for column, value in where.items():
        frame = frame[frame[column] == value]
    assert len(frame) == 1, where
    return frame.iloc[0]


def test_a_merge_moves_the_merged_schools_pupils_further_in_lillby(tiny: Dataset) -> None:
    merged = evaluate(tiny, "bas", "merge-b-c", years=2)
    kept = evaluate(tiny, "bas", "keep-all", years=2)
    facts = child_impact(merged, kept, tiny)
    assert facts.touched_units == ("S-B", "S-C")
    # 2026: B's children are one year older: 6 in grade 1 (F–3), 4 in grade 4 and 3 in grade 6
    # (4–6) go to S-B if we keep all (0 km) and to S-C under the merge (16.68 km). B's 5 in
    # grade 8 go to S-A either way (S-B has grades 0–6).
    f3 = one(facts.by_year, year=2026, band="F–3")
    mid = one(facts.by_year, year=2026, band="4–6")
    upper = one(facts.by_year, year=2026, band="7–9")
    assert f3.moved == pytest.approx(6) and mid.moved == pytest.approx(7) and upper.moved == pytest.approx(0)
    assert f3.longer == pytest.approx(6) and mid.longer == pytest.approx(7)
    # 6 pupils × 16.68 km more each (pupil-km).
    assert f3.extra_km == pytest.approx(6 * B_TO_C_KM, rel=1e-3)
    # Thresholds in Lillby: 2 km for F–3, 9 km for 4–6; 16.68 km is beyond both, 0 km is not.
    assert f3.newly_over == pytest.approx(6) and mid.newly_over == pytest.approx(7)
    # At S-B or S-C under the merge: B's 6 + C's own 3 (grade 1) and 2 (grade 3) in F–3; B's 7 in 4–6.
    assert f3.at_touched == pytest.approx(11) and mid.at_touched == pytest.approx(7)
    # Nobody moves in 2025, before the merge.
    assert facts.by_year[facts.by_year["year"] == 2025]["moved"].sum() == pytest.approx(0)
    assert facts.first_year_moved() == 2026
    # Area B's F–3 pupils: 0 km to S-B, 16.68 km to S-C.
    area = one(facts.by_area, year=2026, area_id="B", band="F–3")
    assert area.km_base == pytest.approx(0, abs=1e-9) and area.km_alt == pytest.approx(B_TO_C_KM, rel=1e-3)
    # By road distance in 2026: B's 13 move from the 0–2 km band to 10–20 km.
    band = facts.distances[facts.distances["year"] == 2026].set_index("distance")
    assert band.loc["10–20", "pupils_alt"] - band.loc["10–20", "pupils_base"] == pytest.approx(13)
    assert band.loc["0–2", "pupils_base"] - band.loc["0–2", "pupils_alt"] == pytest.approx(13)
    # The merge touches no preschool.
    assert facts.preschools.empty and facts.minutes is None


def test_grades_fall_in_the_thresholds_age_bands() -> None:
    assert band_of(pd.Series([0, 3, 4, 6, 7, 9])).tolist() == ["F–3", "F–3", "4–6", "4–6", "7–9", "7–9"]


@pytest.mark.parametrize("alternative", ["merge-a-b", "merge-b-c", "close-smallest-2028", "omstallning-och-byskolor"])
def test_child_impact_conserves_pupils_and_agrees_with_the_model(demo: Dataset, alternative: str) -> None:
    result = evaluate(demo, "bas", alternative)
    kept = evaluate(demo, "bas", "keep-all")
    facts = child_impact(result, kept, demo)
    years = result.years.set_index("year")
    per_year = facts.by_year.groupby("year").sum(numeric_only=True)
    # Every pupil is counted once by band, and the moved pupils are the model's own count.
    assert per_year["pupils"].to_numpy() == pytest.approx(years["pupils"].to_numpy(), rel=1e-9)
    assert per_year["moved"].to_numpy() == pytest.approx(years["pupils_changing_school"].to_numpy(), abs=1e-6)
    assert per_year["over_alt"].to_numpy() == pytest.approx(years["pupils_over_threshold"].to_numpy(), abs=1e-6)
    # Distance bands hold every pupil, both ways.
    bands = facts.distances.groupby("year")[["pupils_base", "pupils_alt"]].sum()
    assert bands["pupils_alt"].to_numpy() == pytest.approx(years["pupils"].to_numpy(), rel=1e-9)
    assert bands["pupils_base"].to_numpy() == pytest.approx(kept.years["pupils"].to_numpy(), rel=1e-9)
    # Never more pupils moved, travelling longer or newly over the threshold than there are.
    assert (facts.by_year["longer"] <= facts.by_year["moved"] + 1e-9).all()
    assert (facts.by_year["moved"] <= facts.by_year["pupils"] + 1e-9).all()


def test_keep_all_against_itself_moves_nobody(demo: Dataset) -> None:
    kept = evaluate(demo, "bas", "keep-all")
    facts = child_impact(kept, kept, demo)
    assert facts.changing_school == pytest.approx(0)
    assert facts.first_year_moved() is None
    assert facts.by_year["newly_over"].sum() == pytest.approx(0)


def test_one_year_of_lillby_s_merge_in_sum(tiny: Dataset) -> None:
    facts = child_impact(evaluate(tiny, "bas", "merge-b-c", years=2), evaluate(tiny, "bas", "keep-all", years=2), tiny)
    year = facts.in_year(2026)
    # 6 + 7 pupils change school, each 16.68 km further; with C's own 5, 18 pupils at S-B/S-C.
    assert year.moved == pytest.approx(13) and year.longer == pytest.approx(13)
    assert year.extra_km_per_moved == pytest.approx(B_TO_C_KM, rel=1e-3)
    assert year.newly_over == pytest.approx(13) and year.at_touched == pytest.approx(18)
    bands = facts.bands_in(2026)
    assert bands["band"].tolist() == ["F–3", "4–6", "7–9"]
    assert bands["extra_km_per_moved"].tolist() == pytest.approx([B_TO_C_KM, B_TO_C_KM, 0.0], rel=1e-3)
    # Only area B's pupils change school or cross the threshold, most moved first: 4–6 (7), then F–3 (6).
    areas = facts.areas_in(2026)
    assert areas["area_id"].tolist() == ["B", "B"] and areas["moved"].tolist() == pytest.approx([7, 6])


def test_a_preschool_merge_shows_where_the_children_go(demo: Dataset) -> None:
    facts = child_impact(evaluate(demo, "bas", "omstallning-2030"), evaluate(demo, "bas", "keep-all"), demo)
    pre = facts.preschools_in(2028).set_index("unit_id")
    # Förskolan Hagen merges into Solrosen in 2027: closed, its children at Solrosen, none lost.
    assert not pre.loc["F-HAGEN", "open_alt"] and pre.loc["F-HAGEN", "children_alt"] == 0
    assert pre["children_alt"].sum() == pytest.approx(pre["children_base"].sum())
    assert pre.loc["F-CENTRUM", "children_alt"] == pytest.approx(pre["children_base"].sum())
    assert facts.preschools_in(2026).set_index("unit_id").loc["F-HAGEN", "open_alt"]  # before the merge
