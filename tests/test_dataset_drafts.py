"""engine.build: ids from names, drafts, TOML text that reads back, the effect against keep-all."""

from __future__ import annotations

import tomllib

import pytest

from engine import Dataset, evaluate
from engine.core.parameters import PARAMETER_NAMES
from engine.core.types import KEEP_ALL, Action, Alternative, NewUnit
from engine.dataset import DatasetError
from engine.dataset.alternatives import parse_alternative
from engine.dataset.drafts import alternative_id, draft_document, slugify, sorted_actions, to_toml
from engine.measures.assumptions import parameter_origin, parameter_rows
from engine.measures.compare import compare
from engine.measures.effects import effect


def read_back(text: str, dataset: Dataset) -> Alternative:
    tables = tomllib.loads(text)["alternative"]
    assert len(tables) == 1
    return parse_alternative(tables[0], dataset)


# --- ids -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Slå samman Åsby & Norrby (2027)", "sla-samman-asby-norrby-2027"),
        ("  Östansjö   skola  ", "ostansjo-skola"),
        ("ÄNGSSKOLAN 2030!", "angsskolan-2030"),
        ("!!!", ""),
        ("", ""),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_slug_is_bounded() -> None:
    assert len(slugify("a" * 500)) <= 60
    assert not slugify("ab " * 100).endswith("-")


def test_id_is_unique_and_never_keep_all() -> None:
    taken = {KEEP_ALL, "merge-a-b", "min-plan"}
    assert alternative_id("Min plan", taken) == "min-plan-2"
    assert alternative_id("Min plan", taken | {"min-plan-2"}) == "min-plan-3"
    assert alternative_id("Merge A B", taken) == "merge-a-b-2"
    assert alternative_id("Keep all", set()) == "keep-all-2"
    assert alternative_id("Ny plan", taken) == "ny-plan"
    assert alternative_id("???", {"alternativ"}) == "alternativ-2"


def test_editing_a_saved_alternative_keeps_its_id() -> None:
    taken = {KEEP_ALL, "min-plan"}
    assert alternative_id("Min plan", taken, own="min-plan") == "min-plan"
    # renamed: a new id, and the old one is still not reused by another name
    assert alternative_id("Annan plan", taken, own="min-plan") == "annan-plan"
    # keep-all can never be "own"
    assert alternative_id("Keep all", taken, own=KEEP_ALL) == "keep-all-2"


# --- drafts ------------------------------------------------------------------------------


def test_draft_document_drops_empty_fields_and_orders_them() -> None:
    doc = draft_document(
        "x",
        " Namn ",
        " Text ",
        [{"unit": "S-ASBY", "to": None, "action": "close", "year": 2027, "capacity": ""}],
    )
    assert doc == {
        "id": "x",
        "name": "Namn",
        "description": "Text",
        "action": [{"year": 2027, "action": "close", "unit": "S-ASBY"}],
    }
    assert list(doc["action"][0]) == ["year", "action", "unit"]


def test_sorted_actions_is_stable_within_a_year() -> None:
    actions = [
        {"year": 2030, "action": "reopen", "unit": "A"},
        {"year": 2027, "action": "close", "unit": "A"},
        {"year": 2027, "action": "close", "unit": "B"},
    ]
    assert [(a["year"], a["unit"]) for a in sorted_actions(actions)] == [(2027, "A"), (2027, "B"), (2030, "A")]


def test_draft_is_validated_with_the_engines_swedish_messages(demo: Dataset) -> None:
    doc = draft_document(
        "x",
        "Dubbel",
        "",
        [
            {"year": 2027, "action": "close", "unit": "S-ASBY"},
            {"year": 2028, "action": "merge", "unit": "S-NORRBY", "to": "S-ASBY"},
        ],
    )
    with pytest.raises(DatasetError) as exc:
        parse_alternative(doc, demo)
    assert "stängd från 2027" in str(exc.value)


# --- TOML --------------------------------------------------------------------------------


def test_every_demo_alternative_reads_back_from_toml(demo: Dataset) -> None:
    for alt in demo.alternatives.values():
        if alt.id == KEEP_ALL:
            continue
        assert read_back(to_toml(alt), demo) == alt


def test_awkward_text_and_numbers_read_back(demo: Dataset) -> None:
    alt = Alternative(
        id="svar-text",
        name='Citat "så här" och \\ snedstreck',
        description="Rad ett\nRad två\ttabb \x7f DEL \x01 styrtecken — åäö ÅÄÖ ✓",
        actions=(
            Action(year=2026, action="set_capacity", unit="S-CENTRAL", capacity=480.0),
            Action(year=2027, action="set_capacity", unit="S-ANGEN", capacity=97.5),
            Action(year=2027, action="merge", unit="S-ASBY", to="S-NORRBY", one_off_cost_sek=2_500_000.0),
            Action(year=2030, action="reopen", unit="S-ASBY"),
        ),
    )
    text = to_toml(alt, comment="Byggt i Vägval\nför ett test")
    assert text.startswith("# Byggt i Vägval\n# för ett test\n[[alternative]]\n")
    assert "capacity = 480\n" in text
    assert read_back(text, demo) == alt


def test_build_action_reads_back(demo: Dataset) -> None:
    new = NewUnit(
        name="Nya skolan",
        service="grundskola",
        area_id="A01",
        lat=60.95,
        lon=15.40,
        capacity=300.0,
        grade_min=0,
        grade_max=6,
        floor_area_m2=2500.0,
        premises_cost_sek=3_000_000.0,
        fixed_cost_sek=1_200_000.0,
    )
    alt = Alternative(
        id="ny-skola",
        name="Bygg en ny skola",
        actions=(Action(year=2029, action="build", unit="S-NY", capacity=300.0, new_unit=new),),
    )
    assert read_back(to_toml(alt), demo) == alt


def test_toml_refuses_values_it_cannot_write() -> None:
    bad = Alternative(
        id="x", name="x", actions=(Action(year=2027, action="set_capacity", unit="S-A", capacity=float("inf")),)
    )
    with pytest.raises(ValueError):
        to_toml(bad)


# --- the effect ----------------------------------------------------------------------------


def test_keep_all_against_itself_changes_nothing(demo: Dataset) -> None:
    base = evaluate(demo, "bas", KEEP_ALL)
    e = effect(base, base)
    assert (e.first_year, e.last_year) == (demo.base_year, demo.base_year + 10)
    assert e.cost_diff_sek == e.total_diff_sek == e.cost_per_pupil_diff_sek == 0
    assert e.mean_class_size_diff == e.mean_distance_diff_km == e.schools_open_diff == 0
    assert e.pupils_changing_school == 0
    assert e.cost_sek == pytest.approx(float(base.years["cost_sek"].iloc[-1]))


def test_effect_matches_the_comparison_table(demo: Dataset) -> None:
    table = compare(demo, ["stress"], alternatives=["merge-a-b"]).set_index("alternative")
    row = table.loc["merge-a-b"]
    e = effect(evaluate(demo, "stress", "merge-a-b"), evaluate(demo, "stress", KEEP_ALL))
    assert e.total_diff_sek == pytest.approx(row["diff_total_cost_sek"])
    assert e.cost_diff_sek == pytest.approx(row["diff_cost_last_year_sek"])
    assert e.cost_per_pupil_sek == pytest.approx(row["cost_per_pupil_last_year_sek"])
    assert e.mean_distance_km == pytest.approx(row["mean_distance_km_last_year"])
    assert e.pupils_changing_school == pytest.approx(row["pupils_changing_school_last_year"])
    assert e.schools_open_diff == -1
    assert e.one_off_cost_sek > 0
    assert e.pupils_changing_school > 0


def test_an_unsaved_alternative_is_evaluated_like_the_same_saved_one(demo: Dataset) -> None:
    doc = draft_document(
        "utkast", "Utkast", "", [{"year": 2027, "action": "merge", "unit": "S-ASBY", "to": "S-NORRBY"}]
    )
    draft = parse_alternative(doc, demo)
    base = evaluate(demo, "bas", KEEP_ALL)
    mine = effect(evaluate(demo, "bas", draft), base)
    theirs = effect(evaluate(demo, "bas", "merge-a-b"), base)
    assert mine == theirs


# --- parameters with their origin ------------------------------------------------------------


def test_parameter_rows_mark_origin_and_change() -> None:
    rows = {
        r["name"]: r for r in parameter_rows({"detour_factor": 1.5, "max_grades_per_class": 3}, {"max_class_size": 22})
    }
    assert set(rows) == set(PARAMETER_NAMES)
    assert rows["max_class_size"]["value"] == 22 and rows["max_class_size"]["origin"] == "view"
    assert rows["max_class_size"]["changed"]
    assert rows["detour_factor"]["origin"] == "dataset" and rows["detour_factor"]["changed"]
    # overridden in the data, but to the default value: its origin shows, it is not "changed"
    assert rows["max_grades_per_class"]["origin"] == "dataset" and not rows["max_grades_per_class"]["changed"]
    assert rows["teacher_cost_sek"]["origin"] == "default" and not rows["teacher_cost_sek"]["changed"]
    assert all(r["source"] for r in rows.values())


def test_a_slider_wins_over_the_data() -> None:
    assert parameter_origin("x", {"x": 1}, {"x": 2}) == "view"
    rows = {r["name"]: r for r in parameter_rows({"max_class_size": 20}, {"max_class_size": 28})}
    assert rows["max_class_size"]["value"] == 28
