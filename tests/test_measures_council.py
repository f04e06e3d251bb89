"""The council paper's figures (engine.measures.council), worked by hand on Lillby and checked on the demo."""

from __future__ import annotations

import pytest

from engine import Dataset, evaluate
from engine.measures.council import consequences, scenario_outlooks


def test_lillby_s_merge_closes_one_school_and_counts_its_empty_premises(tiny: Dataset) -> None:
    merged, kept = evaluate(tiny, "bas", "merge-b-c", years=3), evaluate(tiny, "bas", "keep-all", years=3)
    found = consequences(merged, kept, {"bas": (merged, kept)})
    assert found.closed_schools == ("S-B",)
    # S-B's premises cost 600 000 kr a year; a closed school costs 50 % of it for 2 years
    # (closed_premises_share, closed_premises_years): 2026 and 2027, then nothing in 2028.
    assert found.vacated_premises_sek == pytest.approx(2 * 0.5 * 600_000)
    assert found.scenarios == 1


def test_the_outlook_is_keep_all_under_each_scenario(demo: Dataset) -> None:
    keep = {sid: evaluate(demo, sid, "keep-all") for sid in demo.scenarios}
    found = scenario_outlooks(keep)
    assert [o.scenario_id for o in found] == ["bas", "stress", "stabilisering"]
    # The same base year under every scenario; the scenarios part from there.
    assert len({o.pupils_first for o in found}) == 1
    assert len({round(o.pupils_last) for o in found}) == 3


def test_the_demo_merge_saves_in_every_scenario(demo: Dataset) -> None:
    pairs = {sid: (evaluate(demo, sid, "merge-a-b"), evaluate(demo, sid, "keep-all")) for sid in demo.scenarios}
    found = consequences(*pairs["bas"], pairs)
    assert found.closed_schools == ("S-ASBY",)
    assert found.scenarios_saving == 3 and found.total_diff_sek < 0
    assert found.teachers_diff_fte < 0  # fewer, larger classes
