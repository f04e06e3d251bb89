"""Översikt, Scenarier and Kapacitet (AppTest): they render, widgets move the figures, the URL carries the view.

Expected numbers come from the engine itself (engine.model.evaluate, engine.views), so the tests check
that each page shows what the model computes, not a copy of today's demo numbers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pages_support import figures, metrics, open_page, swedish_numbers, texts

from engine import evaluate, load_dataset
from engine.core import formatting as fmt
from engine.measures.schools import capacity_by_year, lowest_utilisation, school_capacity

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("pages/oversikt.py", "pages/scenarier.py", "pages/kapacitet.py")
TITLES_EN = {
    "pages/oversikt.py": "What happens if we do not act?",
    "pages/scenarier.py": "Scenarios: possible futures for the population",
    "pages/kapacitet.py": "Capacity: how much room do we have – and where?",
}


@pytest.fixture(scope="module")
def demo_data():
    return load_dataset(ROOT / "data" / "demo")


# --- Översikt ---------------------------------------------------------------------------------


def test_overview_answers_first_with_the_models_numbers(app_store, demo_data):
    at = open_page("pages/oversikt.py")
    assert at.title[0].value == "Vad händer om vi inte agerar?"
    years = evaluate(demo_data, "bas", "keep-all").years
    shown = metrics(at)
    assert shown["Elever 2035"] == [fmt.number(years["pupils"].iloc[-1])]
    assert shown["Kostnad per elev 2035"] == [fmt.kr(years["cost_per_pupil_sek"].iloc[-1])]
    assert "Invånare 80 år och äldre 2035" in shown
    assert "Elever i åldersblandade klasser 2035" in shown
    pupils_metric = next(m for m in at.metric if m.label == "Elever 2035")
    assert pupils_metric.delta.startswith("−") and "sedan 2025" in pupils_metric.delta
    # a plain-language summary built from the same numbers
    summary = texts(at)
    assert "Om vi behåller alla skolor minskar antalet elever" in summary
    assert fmt.number(years["pupils"].iloc[0]) in summary
    # One part at a time (the schools first); every figure has its "Hur räknas detta?"
    charts = {}
    for part, keys in (
        ("schools", {"ov.pupils", "ov.cpp"}),
        ("population", {"ov.ages", "ov.age_change"}),
        ("quality", {"ov.size", "ov.combined", "ov.fragile"}),
    ):
        at.segmented_control(key="w.ov_section").set_value(part).run()
        shown_charts = figures(at)
        assert set(shown_charts) == keys
        assert len([e for e in at.expander if e.label == "Hur räknas detta?"]) == len(keys)
        charts.update(shown_charts)
    # six age groups in the population chart, keep-all in grey in the school charts
    assert [tr["name"] for tr in charts["ov.ages"]["data"]] == [
        "0–5 år", "6–15 år", "16–19 år", "20–64 år", "65–79 år", "80+ år",
    ]  # fmt: skip
    assert charts["ov.cpp"]["data"][0]["line"]["color"] == "#6E6E6E"
    # the year-by-year table is a part of its own (it is the first page's heaviest element)
    assert not at.dataframe
    at.segmented_control(key="w.ov_section").set_value("table").run()
    table = at.dataframe[0].value
    assert len(table) == 11 and "Elever" in table.columns


def test_overview_follows_the_sidebar_scenario_and_the_link_reopens_it(app_store, demo_data):
    at = open_page("pages/oversikt.py")
    before = metrics(at)
    at.selectbox(key="w.scenario").set_value("stress").run()
    assert not at.exception
    after = metrics(at)
    stress = evaluate(demo_data, "stress", "keep-all").years
    assert after["Elever 2035"] == [fmt.number(stress["pupils"].iloc[-1])]
    assert after["Elever 2035"] != before["Elever 2035"]
    assert "Stresstest: snabbare minskning" in texts(at)
    link = dict(at.query_params)
    assert link == {"scenario": "stress"}

    fresh = open_page("pages/oversikt.py", **link)
    assert metrics(fresh) == after


def test_overview_horizon_changes_the_last_year(app_store):
    at = open_page("pages/oversikt.py")
    at.slider(key="w.years").set_value(15).run()
    assert not at.exception
    assert "Elever 2040" in metrics(at)
    assert at.query_params["years"] == "15"
    assert figures(at)["ov.pupils"]["data"][0]["x"][-1] == 2040


# --- Scenarier --------------------------------------------------------------------------------


def test_scenarios_side_by_side_say_they_are_not_forecasts(app_store):
    at = open_page("pages/scenarier.py")
    assert "inte prognoser" in at.info[0].value
    assert len(metrics(at)["Invånare 2035"]) == 3
    for sid in ("bas", "stress", "stabilisering"):
        for field in ("tfr", "net_migration_per_1000", "mortality_change"):
            assert at.select_slider(key=f"w.{sid}.{field}")
    assert at.select_slider(key="w.bas.tfr").value == pytest.approx(1.45)
    assert at.select_slider(key="w.stabilisering.mortality_change").value == pytest.approx(-5)  # shown in per cent
    trend = figures(at)["sc.trend"]
    assert len(trend["data"]) == 6  # inhabitants and children 6–15 for each scenario
    areas = figures(at)["sc.areas"]
    assert "Centrum" in areas["data"][0]["y"]  # planning areas by name
    assert not dict(at.query_params)


def test_tfr_slider_changes_that_scenarios_population_and_the_url(app_store):
    at = open_page("pages/scenarier.py")
    before = metrics(at)
    trend_before = figures(at)["sc.trend"]["data"][0]["y"]
    at.select_slider(key="w.bas.tfr").set_value(2.0).run()
    assert not at.exception
    after = metrics(at)
    # bas (first block) gets more inhabitants and children; the other scenarios stay as they were
    assert after["Invånare 2035"][0] != before["Invånare 2035"][0]
    assert after["Barn 6–15 år 2035"][0] != before["Barn 6–15 år 2035"][0]
    assert after["Invånare 2035"][1:] == before["Invånare 2035"][1:]
    assert figures(at)["sc.trend"]["data"][0]["y"] != trend_before
    assert at.query_params["bas.tfr"] == "2"
    assert any("barnafödande 1,45 → 2,00" in c.value for c in at.caption)

    fresh = open_page("pages/scenarier.py", **dict(at.query_params))
    assert fresh.select_slider(key="w.bas.tfr").value == pytest.approx(2.0)
    assert metrics(fresh) == after


def test_mortality_is_shown_in_per_cent_and_stored_as_a_share(app_store):
    at = open_page("pages/scenarier.py")
    at.select_slider(key="w.stress.mortality_change").set_value(-20.0).run()
    assert not at.exception
    assert at.query_params["stress.mortality_change"] == "-0.2"
    at.select_slider(key="w.stress.net_migration_per_1000").set_value(5.0).run()
    assert at.query_params["stress.net_migration_per_1000"] == "5"
    fresh = open_page("pages/scenarier.py", **dict(at.query_params))
    assert fresh.select_slider(key="w.stress.mortality_change").value == pytest.approx(-20)


def test_reset_puts_the_scenario_back(app_store):
    at = open_page("pages/scenarier.py")
    at.select_slider(key="w.bas.tfr").set_value(2.0).run()
    at.select_slider(key="w.bas.net_migration_per_1000").set_value(10.0).run()
    at.button(key="reset.bas").click().run()
    assert not at.exception
    assert at.select_slider(key="w.bas.tfr").value == pytest.approx(1.45)
    assert at.select_slider(key="w.bas.net_migration_per_1000").value == pytest.approx(-4.0)
    assert not any(k.startswith("bas.") for k in at.query_params)


def test_scenario_changes_reach_the_overview(app_store):
    at = open_page("pages/scenarier.py")
    at.select_slider(key="w.bas.tfr").set_value(2.5).run()
    link = dict(at.query_params)
    plain = metrics(open_page("pages/oversikt.py"))
    changed = metrics(open_page("pages/oversikt.py", **link))
    assert changed["Elever 2035"] != plain["Elever 2035"]


def test_use_button_chooses_the_scenario_for_every_page(app_store):
    at = open_page("pages/scenarier.py")
    at.button(key="use.stress").click().run()
    assert not at.exception
    assert at.selectbox(key="w.scenario").value == "stress"
    assert at.query_params["scenario"] == "stress"


# --- Kapacitet --------------------------------------------------------------------------------


def test_capacity_big_numbers_are_the_models(app_store, demo_data):
    at = open_page("pages/kapacitet.py")
    result = evaluate(demo_data, "bas", "keep-all")
    table = school_capacity(result.units, result.schools)
    last = capacity_by_year(table).iloc[-1]
    shown = metrics(at)
    assert shown["Tomma platser 2035"] == [fmt.number(last["empty_places"])]
    assert shown["Nyttjandegrad 2035"] == [fmt.percent(last["utilisation"], 0)]
    lowest = lowest_utilisation(table, 2035)
    lowest_metric = next(m for m in at.metric if m.label == "Lägst nyttjandegrad 2035")
    assert lowest_metric.value == fmt.percent(lowest["utilisation"], 0)
    assert lowest_metric.delta == lowest["name"]
    assert shown["Outnyttjade lokaler 2035"] == [f"{fmt.mnkr(last['unused_premises_cost_sek'])}/år"]
    # a table per school with both downloads, fragile teams flagged
    school_table = at.dataframe[0].value
    assert len(school_table) == len(demo_data.schools)
    assert set(school_table["Sårbart lärarlag"]) <= {"Ja", "Nej"}
    assert len([e for e in at.expander if e.label == "Hur räknas detta?"]) == len(figures(at))
    # the other services follow below the schools (tests/test_pages_municipality.py)
    assert not at.exception


def test_capacity_year_changes_the_schools_figures(app_store, demo_data):
    at = open_page("pages/kapacitet.py")
    before_table = at.dataframe[0].value
    before_bars = figures(at)["cap.schools"]
    before_metrics = metrics(at)
    at.select_slider(key="w.cap_year").set_value(2025).run()
    assert not at.exception
    after_table = at.dataframe[0].value
    after_bars = figures(at)["cap.schools"]
    assert "2025" in after_bars["layout"]["title"]["text"]
    assert sorted(after_bars["data"][1]["x"]) != sorted(before_bars["data"][1]["x"])
    pupils_after, pupils_before = (
        sum(swedish_numbers(after_table["Elever"])),
        sum(swedish_numbers(before_table["Elever"])),
    )
    assert pupils_after > pupils_before  # more pupils in 2025 than in 2035
    result = evaluate(demo_data, "bas", "keep-all")
    assert pupils_after == pytest.approx(result.years["pupils"].iloc[0], abs=len(after_table))
    assert metrics(at) == before_metrics  # the big numbers stay on the last year


def test_capacity_follows_the_link(app_store):
    at = open_page("pages/kapacitet.py")
    at.selectbox(key="w.scenario").set_value("stabilisering").run()
    at.slider(key="w.years").set_value(5).run()
    assert not at.exception
    shown = metrics(at)
    assert "Tomma platser 2030" in shown
    link = dict(at.query_params)
    assert link == {"scenario": "stabilisering", "years": "5"}
    fresh = open_page("pages/kapacitet.py", **link)
    assert metrics(fresh) == shown
    assert fresh.select_slider(key="w.cap_year").value == 2030


def test_capacity_year_survives_a_shorter_horizon(app_store):
    at = open_page("pages/kapacitet.py")
    at.select_slider(key="w.cap_year").set_value(2035).run()
    at.slider(key="w.years").set_value(5).run()
    assert not at.exception
    assert at.select_slider(key="w.cap_year").value == 2030


# --- every page in English and in presentation mode ----------------------------------------------


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("query", [{"lang": "en"}, {"present": "1"}, {"lang": "en", "present": "1"}])
def test_english_and_presentation_mode_render(app_store, page: str, query: dict[str, str]):
    at = open_page(page, **query)
    assert at.metric  # the big numbers are there
    if query.get("lang") == "en":
        assert at.title[0].value == TITLES_EN[page]
        assert any(e.label == "How is this calculated?" for e in at.expander)
    assert dict(at.query_params) == query


def test_a_scenario_outside_the_sliders_usual_span_opens(app_store, demo_path, tmp_path, monkeypatch):
    # The validator accepts tfr 0–5; the slider's usual span is 0.8–2.5. tfr 0.7 once crashed the page.
    from ui import data

    folder = tmp_path / "lag-fruktsamhet"
    shutil.copytree(demo_path, folder)
    scenarios = folder / "scenarios.toml"
    text = scenarios.read_text(encoding="utf-8")
    first_tfr = next(line for line in text.splitlines() if line.startswith("tfr"))
    scenarios.write_text(text.replace(first_tfr, "tfr = 0.7", 1), encoding="utf-8")
    monkeypatch.setattr(data, "DATASET_DIR", folder)
    data.dataset.clear()
    try:
        at = open_page("pages/scenarier.py")
        tfr_sliders = [s for s in at.select_slider if s.key and s.key.endswith(".tfr")]
        assert 0.7 in [s.value for s in tfr_sliders]
        assert min(s.options[0] for s in tfr_sliders) == "0,70"
    finally:
        data.dataset.clear()
