"""Jämför alternativ (AppTest): renders, sliders move the figures, the URL carries the view."""

from __future__ import annotations

import re

import pytest
from pages_support import metrics, open_page, texts

COMPARE = "pages/jamfor.py"
SECTIONS = ("cost", "quality", "geography", "robust", "table")


def test_renders_keep_all_and_two_alternatives_with_big_numbers(app_store) -> None:
    app = open_page(COMPARE)
    assert not app.exception
    assert app.title[0].value == "Jämför alternativ"
    values = metrics(app)
    # keep-all plus merge-a-b and merge-b-c, each with cost per pupil in the last year.
    assert len(values["Kostnad per elev 2035"]) == 3
    assert all(v.endswith("kr") for v in values["Kostnad per elev 2035"])
    # Both merges save money over the horizon against keeping all: the amount, and "sparar" in green (as on Ekonomi).
    assert all(re.fullmatch(r"\d+,\d\xa0mnkr", v) for v in values["Mot att behålla alla 2025–2035"])
    board = next(h.proto.body for h in app.get("html") if "vv-board" in h.proto.body)
    assert board.count('<span class="vv-change vv-good">sparar</span>') == 2
    # The plain-language summary names each alternative.
    text = texts(app)
    assert "Slå samman Åsby och Norrby (2027)" in text and "sparar" in text


def test_class_size_slider_changes_figures_and_url(app_store) -> None:
    app = open_page(COMPARE)
    before = metrics(app)
    app.select_slider(key="w.max_class_size").set_value(18).run()
    assert not app.exception
    after = metrics(app)
    assert after["Kostnad per elev 2035"] != before["Kostnad per elev 2035"]
    assert after["Klasstorlek 2035"] != before["Klasstorlek 2035"]
    assert app.query_params["max_class_size"] == "18"


def test_reset_button_restores_the_default(app_store) -> None:
    app = open_page(COMPARE)
    app.select_slider(key="w.max_class_size").set_value(18).run()
    app.button(key="reset.classes").click().run()
    assert app.select_slider(key="w.max_class_size").value == 25
    assert "max_class_size" not in app.query_params


def test_a_link_reopens_the_same_view(app_store) -> None:
    app = open_page(COMPARE)
    app.select_slider(key="w.max_class_size").set_value(20).run()
    app.selectbox(key="w.scenario").set_value("stress").run()
    shown = metrics(app)
    link = dict(app.query_params)
    assert link == {"max_class_size": "20", "scenario": "stress"}

    fresh = open_page(COMPARE, **link)
    assert not fresh.exception
    assert fresh.select_slider(key="w.max_class_size").value == 20
    assert metrics(fresh) == shown


def test_choosing_one_alternative_shows_two_columns(app_store) -> None:
    app = open_page(COMPARE)
    app.multiselect(key="w.alternatives").set_value(["close-smallest-2028"]).run()
    assert len(metrics(app)["Kostnad per elev 2035"]) == 2
    assert app.query_params["alt"] == "close-smallest-2028"


@pytest.mark.parametrize("section", SECTIONS)
def test_every_section_renders(app_store, section: str) -> None:
    app = open_page(COMPARE)
    app.segmented_control(key="w.section").set_value(section).run()
    assert not app.exception


def test_robustness_table_has_every_scenario(app_store) -> None:
    app = open_page(COMPARE)
    app.segmented_control(key="w.section").set_value("robust").run()
    table = app.dataframe[0].value
    assert list(table.columns) == ["Bas: fortsatt minskning", "Stresstest: snabbare minskning", "Stabilisering"]
    assert len(table) == 3  # keep-all and the two merges


@pytest.mark.parametrize("query", [{"lang": "en"}, {"present": "1"}, {"lang": "en", "present": "1"}])
def test_english_and_presentation_mode_render(app_store, query: dict[str, str]) -> None:
    app = open_page(COMPARE, **query)
    assert not app.exception
    if query.get("lang") == "en":
        assert app.title[0].value == "Compare alternatives"
        assert "Cost per pupil 2035" in metrics(app)


def test_a_bad_link_is_reported_not_fatal(app_store) -> None:
    app = open_page(COMPARE, max_class_size="9999", scenario="nope")
    assert not app.exception
    assert any("max_class_size" in w.value for w in app.warning)


def test_one_chart_at_a_time_chosen_in_words(app_store) -> None:
    app = open_page(COMPARE)
    # Cost opens on one chart (the accumulated difference against keep-all); the choice swaps it for cost per year.
    assert len(app.get("plotly_chart")) == 1
    assert app.radio(key="w.cost_chart").value == "accumulated"
    app.radio(key="w.cost_chart").set_value("per_year").run()
    assert not app.exception
    assert len(app.get("plotly_chart")) == 1
    app.segmented_control(key="w.section").set_value("geography").run()
    app.radio(key="w.geo_chart").set_value("map").run()
    assert len(app.get("plotly_chart")) == 1  # one map, for the alternative chosen above it


def test_the_list_of_changes_beside_the_sliders_follows_a_move(app_store) -> None:
    app = open_page(COMPARE)
    app.button(key="state.undo").click().run()  # nothing to undo yet: said, not an error
    assert not app.exception and app.toast[0].value == "Det finns inget att ångra."
    app.select_slider(key="w.max_class_size").set_value(20).run()
    assert any("- Största klass: 20" in m.value for m in app.main.markdown)
    assert not any("Största klass: 20" in m.value for m in app.sidebar.markdown)  # not twice
    app.button(key="state.share").click().run()  # in the sidebar, made when pressed
    assert any("max_class_size=20" in c.value for c in app.code)
    app.button(key="state.undo").click().run()
    assert app.select_slider(key="w.max_class_size").value == 25
    assert "max_class_size" not in app.query_params


def test_the_scoreboard_escapes_names_and_draws_arrows_in_words() -> None:
    from ui.frame import Number, scoreboard_html

    html = scoreboard_html(
        [
            ("Skola <b>A</b> & B", "#0072B2", [Number(label="Kostnad", value="1 kr", change="-3 912 kr", tone="good")]),
            ("Behåll alla", "#6E6E6E", [Number(label="Klass", value="14,2", change="±0,0")]),
        ]
    )
    # A name from an uploaded file is text, never markup.
    assert "Skola &lt;b&gt;A&lt;/b&gt; &amp; B" in html and "<b>A</b>" not in html
    # A fall is an arrow and a true minus, not colour alone; no change has neither arrow nor tone.
    assert '<span class="vv-change vv-good">↓ −3 912 kr</span>' in html
    assert '<span class="vv-change vv-off">±0,0</span>' in html


def test_one_group_of_sliders_at_a_time_keeps_the_others_values(app_store) -> None:
    app = open_page(COMPARE)
    assert [s.key for s in app.main.select_slider] == ["w.max_class_size", "w.max_grades_per_class"]
    app.select_slider(key="w.max_class_size").set_value(20).run()
    before = metrics(app)
    app.radio(key="w.slider_group").set_value("transport").run()
    assert not app.exception
    assert "w.transport_threshold_km_f3" in [s.key for s in app.select_slider]
    # The class-size cap is not drawn now but still in force: same figures, same link.
    assert metrics(app) == before and app.query_params["max_class_size"] == "20"
    app.radio(key="w.slider_group").set_value("classes").run()
    assert app.select_slider(key="w.max_class_size").value == 20
