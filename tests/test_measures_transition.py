"""The transition's timeline (engine.measures.transition), worked by hand."""

from __future__ import annotations

from engine import evaluate
from engine.core.types import Action, Alternative
from engine.measures.effects import effect
from engine.measures.transition import outlook, timeline


def steps(alternative: Alternative, base_year: int = 2025, last_year: int = 2035) -> list[tuple[int, str, int]]:
    return [(m.year, m.kind, m.for_year) for m in timeline(alternative, base_year, last_year)]


def test_a_merge_is_consulted_decided_and_told_the_year_before_and_followed_up_after() -> None:
    merge = Alternative(id="m", name="M", actions=(Action(year=2027, action="merge", unit="S-A", to="S-B"),))
    assert steps(merge) == [
        (2026, "consultation", 2027),
        (2026, "decision", 2027),
        (2026, "communication", 2027),
        (2027, "action", 2027),
        (2028, "follow_up", 2027),
    ]


def test_two_years_of_actions_each_get_their_steps_in_order() -> None:
    alt = Alternative(
        id="two",
        name="Two",
        actions=(
            Action(year=2030, action="close", unit="S-C"),
            Action(year=2028, action="merge", unit="S-A", to="S-B"),
            Action(year=2028, action="close", unit="F-A"),
        ),
    )
    found = steps(alt)
    # 2027: the 2028 steps; 2028: both 2028 actions (in the alternative's order); 2029: first the
    # follow-up of 2028, then the steps before 2030; 2030: the closure; 2031: its follow-up.
    assert found == [
        (2027, "consultation", 2028),
        (2027, "decision", 2028),
        (2027, "communication", 2028),
        (2028, "action", 2028),
        (2028, "action", 2028),
        (2029, "follow_up", 2028),
        (2029, "consultation", 2030),
        (2029, "decision", 2030),
        (2029, "communication", 2030),
        (2030, "action", 2030),
        (2031, "follow_up", 2030),
    ]
    actions = [m.action.unit for m in timeline(alt, 2025, 2035) if m.action]
    assert actions == ["S-A", "F-A", "S-C"]


def test_nothing_is_decided_before_the_base_year_or_followed_up_after_the_horizon() -> None:
    now = Alternative(id="now", name="Now", actions=(Action(year=2025, action="close", unit="S-A"),))
    assert steps(now, last_year=2025) == [
        (2025, "consultation", 2025),
        (2025, "decision", 2025),
        (2025, "communication", 2025),
        (2025, "action", 2025),
    ]
    assert timeline(Alternative(id="keep-all", name="Keep all"), 2025, 2035) == ()


def test_the_outlook_is_the_last_year_against_keep_all(tiny) -> None:
    merged, kept = evaluate(tiny, "bas", "merge-b-c", years=2), evaluate(tiny, "bas", "keep-all", years=2)
    seen = outlook(merged, kept)
    # Two years ahead: 2025–2027. Lillby: 40 + 18 + 5 = 63 pupils in 2025; nobody is born, dies or
    # moves, and the oldest (grade 7 in 2025) are in grade 9 in 2027, so 63 then too.
    assert (seen.first_year, seen.last_year) == (2025, 2027)
    assert seen.pupils_first == 63 and seen.pupils_last == 63
    # The same last-year difference as Jämför's (engine.measures.effects).
    assert seen.cost_diff_sek == effect(merged, kept).cost_diff_sek
    assert seen.mean_class_size_base == kept.years["mean_class_size"].iloc[-1]
