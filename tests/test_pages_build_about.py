"""The pages "Bygg alternativ" and "Om modellen", driven through Streamlit's AppTest.

Every test gets its own store file (the app_store fixture in tests/conftest.py). ui.data
reads VAGVAL_STORE when it is first imported and keeps the Store in st.cache_resource,
so the fixture also points the module at the file and empties that cache; the
persistence test empties it again between sessions, so what a new session sees can
only come from the DuckDB file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pages_support import ABOUT, as_admin, metrics, open_page, texts
from streamlit.testing.v1 import AppTest

from engine import Dataset, evaluate
from engine.core import formatting as fmt
from engine.core.parameters import PARAMETER_NAMES, describe
from engine.core.types import KEEP_ALL
from engine.measures.effects import effect

BUILD = "pages/bygg.py"
DATA = "pages/data.py"
COMPARE = "pages/jamfor.py"


def add_action(at: AppTest, action: str, unit: str, year: int, *, to: str | None = None, capacity: int | None = None):
    at.selectbox(key="w.build.add.action").set_value(action)
    at.run()
    at.selectbox(key="w.build.add.unit").set_value(unit)
    at.run()
    if to is not None:
        at.selectbox(key="w.build.add.to").set_value(to)
    if capacity is not None:
        at.number_input(key=f"w.build.add.capacity.{unit}").set_value(capacity)
    at.select_slider(key="w.build.add.year").set_value(year)
    at.run()
    at.button(key="build.add").click()
    at.run()
    assert not at.exception, at.exception


def picker_options(at: AppTest) -> list[str]:
    return list(at.multiselect(key="w.alternatives").options)


# --- both pages render --------------------------------------------------------------------


@pytest.mark.parametrize("page", [BUILD, ABOUT])
@pytest.mark.parametrize("query", [{}, {"lang": "en"}, {"present": "1"}, {"lang": "en", "present": "1", "years": "20"}])
def test_pages_render_without_exception(app_store: Path, page: str, query: dict[str, str]) -> None:
    at = open_page(page, **query)
    assert not at.error
    english = query.get("lang") == "en"
    expected = {
        BUILD: "Build an alternative" if english else "Bygg ett alternativ",
        ABOUT: "About the model" if english else "Om modellen",
    }[page]
    assert at.title[0].value == expected


def test_presentation_mode_keeps_the_builder_but_drops_the_clutter(app_store: Path) -> None:
    at = open_page(BUILD, present="1")
    add_action(at, "merge", "S-ASBY", 2027, to="S-NORRBY")
    at.text_input(key="w.build.name").input("Samla byskolorna").run()
    assert len(at.metric) == 6
    assert not [e for e in at.expander if "TOML" in e.label]  # the analyst's TOML stays off the projector
    assert not at.caption or all("Sätt ihop" not in c.value for c in at.caption)


# --- Bygg alternativ -----------------------------------------------------------------------


def test_empty_draft_asks_for_an_action(app_store: Path) -> None:
    at = open_page(BUILD)
    assert not at.metric
    assert any("Lägg till en åtgärd" in i.value for i in at.info)
    assert at.button(key="build.save").disabled


def test_adding_a_merge_shows_its_effect_and_a_second_action_changes_it(app_store: Path, demo: Dataset) -> None:
    at = open_page(BUILD)
    add_action(at, "merge", "S-ASBY", 2027, to="S-NORRBY")
    assert "Åsby skola slås samman med Norrby skola" in texts(at)
    shown = metrics(at)
    assert len(shown) == 6
    # the same actions as the dataset's merge-a-b: the same numbers as the engine gives for it
    expected = effect(evaluate(demo, "bas", "merge-a-b"), evaluate(demo, "bas", KEEP_ALL))
    assert shown["Kostnad 2035"] == [fmt.mnkr(expected.cost_sek)]
    assert shown["Mot att behålla alla 2025–2035"] == [fmt.mnkr(-expected.total_diff_sek)]  # and "sparar" below
    assert shown["Elever som byter skola 2035"] == [fmt.number(expected.pupils_changing_school)]
    assert expected.total_diff_sek < 0

    add_action(at, "merge", "S-LOVNAS", 2028, to="S-NORRBY")
    changed = metrics(at)
    assert changed["Kostnad 2035"] != shown["Kostnad 2035"]
    assert changed["Elever som byter skola 2035"] != shown["Elever som byter skola 2035"]
    assert not at.error


def test_the_add_form_clears_after_adding(app_store: Path) -> None:
    at = open_page(BUILD)
    fresh = {
        "action": at.selectbox(key="w.build.add.action").value,
        "unit": at.selectbox(key="w.build.add.unit").value,
        "year": at.select_slider(key="w.build.add.year").value,
    }
    assert (fresh["action"], fresh["year"]) == ("merge", 2027)  # the first year + 2
    add_action(at, "set_capacity", "S-CENTRAL", 2030, capacity=300)
    assert "Vålbergaskolan får 300 platser" in texts(at)
    after = {
        "action": at.selectbox(key="w.build.add.action").value,
        "unit": at.selectbox(key="w.build.add.unit").value,
        "year": at.select_slider(key="w.build.add.year").value,
    }
    assert after == fresh  # not set_capacity, S-CENTRAL and 2030 again
    assert not [n for n in at.number_input if n.key and n.key.startswith("w.build.add.capacity")]
    at.selectbox(key="w.build.add.action").set_value("set_capacity").run()
    at.selectbox(key="w.build.add.unit").set_value("S-CENTRAL").run()
    # the capacity starts from the school's own again, not the 300 just added
    assert at.number_input(key="w.build.add.capacity.S-CENTRAL").value != 300


def test_set_capacity_and_remove_an_action(app_store: Path) -> None:
    at = open_page(BUILD)
    add_action(at, "set_capacity", "S-CENTRAL", 2026, capacity=300)
    assert "Vålbergaskolan får 300 platser" in texts(at)
    add_action(at, "close", "S-OSTANSJO", 2028)
    with_both = metrics(at)
    at.button(key="build.remove.0").click().run()  # actions are listed by year: the capacity change goes
    assert "300 platser" not in texts(at)
    assert "Östansjö skola stängs" in texts(at)
    assert metrics(at) != with_both


def test_an_impossible_sequence_gives_the_swedish_message_and_no_numbers(app_store: Path) -> None:
    at = open_page(BUILD)
    add_action(at, "close", "S-ASBY", 2027)
    add_action(at, "merge", "S-NORRBY", 2028, to="S-ASBY")
    assert not at.exception
    message = at.error[0].value
    assert "går inte att räkna på" in message
    assert "Norrby skola" in message and "Åsby skola" in message and "stängd från 2027" in message
    assert "S-ASBY" not in message  # ids are shown as the schools' names
    assert not at.metric
    assert at.button(key="build.save").disabled


def test_closing_twice_is_reported(app_store: Path) -> None:
    at = open_page(BUILD)
    add_action(at, "close", "S-ASBY", 2027)
    add_action(at, "close", "S-ASBY", 2029)
    assert "stängs två gånger" in at.error[0].value
    assert not at.exception


def test_an_action_on_another_service_is_listed_but_explained(app_store: Path) -> None:
    at = open_page(BUILD)
    at.selectbox(key="w.build.add.unit").set_value("F-HAGEN").run()
    assert any("gäller grundskolan" in c.value for c in at.caption)
    add_action(at, "merge", "F-HAGEN", 2027, to="F-CENTRUM")
    assert "Förskolan Hagen – förskola slås samman med Förskolan Solrosen – förskola" in texts(at)
    assert not at.error


def test_start_from_an_existing_alternative(app_store: Path) -> None:
    at = open_page(BUILD)
    at.selectbox(key="w.build.from").set_value("close-smallest-2028").run()
    assert at.text_input(key="w.build.name").value == "Stäng de två minsta byskolorna (2028) — ändrat"
    assert "Åsby skola stängs" in texts(at) and "Östansjö skola stängs" in texts(at)
    assert len(at.metric) == 6
    assert any("alternatives.toml" in c.value for c in at.caption)  # the original stays


def test_save_persists_across_sessions_and_delete_removes_it(app_store: Path, admin_code: str) -> None:
    from ui import data

    at = open_page(BUILD)
    add_action(at, "merge", "S-LOVNAS", 2027, to="S-NORRBY")
    at.text_input(key="w.build.name").input("Samla byskolorna").run()
    at.text_area(key="w.build.description").input("Större årskurser i Norrby; längre resor från Lövnäs.").run()
    assert not at.button(key="build.save").disabled
    at.button(key="build.save").click().run()
    assert not at.exception
    assert any("Sparat" in s.value for s in at.success)
    assert "samla-byskolorna" in at.session_state["view"].alternatives  # joins the comparison
    assert app_store.exists()

    data.store.clear()  # a new Store object: what follows comes from the file
    saved = data.alternatives()
    assert "samla-byskolorna" in saved
    assert saved["samla-byskolorna"].description.startswith("Större årskurser")
    compare_page = open_page(COMPARE)
    assert "Samla byskolorna" in picker_options(compare_page)

    data.store.clear()
    visitor = open_page(BUILD)
    visitor.selectbox(key="w.build.from").set_value("samla-byskolorna").run()
    assert not [b for b in visitor.button if b.key == "build.delete"]  # deleting is the administrator's
    again = as_admin(open_page(DATA))
    again.switch_page(BUILD).run()
    again.selectbox(key="w.build.from").set_value("samla-byskolorna").run()
    assert again.text_input(key="w.build.name").value == "Samla byskolorna"
    assert any("Ersätter" in c.value for c in again.caption)  # same name: saving replaces it
    again.button(key="build.delete").click().run()
    assert not again.exception
    assert any("borttaget" in i.value for i in again.info)
    assert again.selectbox(key="w.build.from").value == KEEP_ALL

    data.store.clear()
    assert "samla-byskolorna" not in data.alternatives()
    assert "Samla byskolorna" not in picker_options(open_page(COMPARE))


def test_saved_ids_never_take_keep_all_or_a_dataset_id(app_store: Path) -> None:
    from ui import data

    for name in ("Merge a b", "Keep all"):
        at = open_page(BUILD)
        add_action(at, "close", "S-OSTANSJO", 2030)
        at.text_input(key="w.build.name").input(name).run()
        at.button(key="build.save").click().run()
        assert not at.exception
    saved = data.alternatives()
    assert saved["merge-a-b"].name == "Slå samman Åsby och Norrby (2027)"  # the dataset's, untouched
    assert saved["merge-a-b-2"].name == "Merge a b"
    assert saved[KEEP_ALL].actions == ()
    assert saved["keep-all-2"].name == "Keep all"


def test_a_name_already_in_use_cannot_be_saved(app_store: Path) -> None:
    at = open_page(BUILD)
    add_action(at, "close", "S-OSTANSJO", 2030)
    at.text_input(key="w.build.name").input("Slå samman Åsby och Norrby (2027)").run()
    assert any("finns redan ett alternativ" in w.value for w in at.warning)
    assert at.button(key="build.save").disabled


def test_toml_text_is_offered(app_store: Path) -> None:
    import tomllib

    at = open_page(BUILD)
    add_action(at, "merge", "S-ASBY", 2027, to="S-NORRBY")
    at.text_input(key="w.build.name").input("Åsby till Norrby").run()
    code = at.code[0].value
    table = tomllib.loads(code)["alternative"][0]
    assert table["id"] == "asby-till-norrby"
    assert table["action"] == [{"year": 2027, "action": "merge", "unit": "S-ASBY", "to": "S-NORRBY"}]


# --- Om modellen ---------------------------------------------------------------------------


def test_about_lists_every_parameter_with_its_source(app_store: Path, demo: Dataset) -> None:
    at = open_page(ABOUT)
    text = texts(at)
    for row in describe():
        assert f"`{row['name']}`" in text
        assert row["source"] in text
        assert row["description_sv"] in text
    assert set(PARAMETER_NAMES) == {r["name"] for r in describe()}
    # Only the demo's own calibration (municipality.toml [parameters]) is marked as changed.
    marked = [line for line in text.splitlines() if "✎" in line]
    assert marked and all("i kommunens data" in line for line in marked)
    assert len(marked) == len(demo.parameter_overrides)


def test_about_marks_a_slider_override(app_store: Path) -> None:
    at = open_page(ABOUT, max_class_size="22")
    rows = [line for line in texts(at).splitlines() if "<br>`max_class_size`" in line]  # not the docs' own table
    assert len(rows) == 1
    assert "**22 elever** ✎ ändrat med reglage" in rows[0]
    assert "| 25 elever |" in rows[0]
    by_slider = [line for line in texts(at).splitlines() if "✎ ändrat med reglage" in line]
    assert by_slider == rows
    # the explanation uses the value in force
    assert "högst 22 elever" in texts(at)


def test_about_in_english(app_store: Path) -> None:
    at = open_page(ABOUT, lang="en", teacher_cost_sek="800000")
    text = texts(at)
    for row in describe():
        assert row["description_en"] in text
    assert "changed with a slider" in text
    assert "800\u00a0000\u00a0kr" in text


def test_about_explains_the_figures_scenarios_and_data(app_store: Path, demo: Dataset) -> None:
    at = open_page(ABOUT, scenario="stress")
    text = texts(at)
    anchors = {h.proto.anchor for h in [*at.header, *at.subheader]}
    for anchor in (
        "parametrar", "hur-raknas-det", "elever", "skolval", "klasser", "larare", "kostnad", "skolskjuts",
        "stangda-skolor", "kostnad-per-elev", "byter-skola", "kvalitet", "befolkning", "scenarier", "datakallor",
    ):  # fmt: skip
        assert anchor in anchors
    assert "klasser × 1,3 och elever ÷ 12,0" in text
    assert "× 1,30 barn per kvinna" in text  # the stress scenario's TFR
    for scenario in demo.scenarios.values():
        assert scenario.name in text
    assert "Stresstest: snabbare minskning** (visas nu)" in text
    assert (
        f"**{demo.name}** (kommunkod {demo.code}), basår {demo.base_year}: {len(demo.areas)} planeringsområden" in text
    )


def test_about_marks_a_changed_scenario_assumption(app_store: Path) -> None:
    at = open_page(ABOUT, **{"bas.tfr": "1.6"})
    assert "**1,60** ✎ ändrat på sidan Scenarier" in texts(at)
