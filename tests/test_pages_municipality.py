"""The whole-municipality pages — Ekonomi, Investeringar and Kapacitet for all services — through AppTest.

Expected numbers come from the engine (evaluate, economy.against_baseline, compare,
investments.check_investments, municipality_views), so the tests check that each page
shows what the model computes, not a copy of today's demo numbers. Every test gets its
own store file: the app_store fixture (tests/conftest.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pages_support import figures, metrics, open_page, texts
from streamlit.testing.v1 import AppTest

from engine import Dataset, compare, evaluate
from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.investments import check_investments
from engine.measures.municipality import care_home_balance, first_deficit_year, service_utilisation, unit_places
from engine.model.economy import against_baseline
from ui import numbers

ECONOMY = "pages/ekonomi.py"
INVESTMENTS = "pages/investeringar.py"
CAPACITY = "pages/kapacitet.py"
TITLES = {
    ECONOMY: ("Ekonomi: vad händer om vi inte agerar?", "Economy: what happens if we do not act?"),
    INVESTMENTS: ("Investeringar: håller de i alla scenarier?", "Investments: do they hold in every scenario?"),
    CAPACITY: ("Kapacitet: hur mycket plats har vi – och var?", "Capacity: how much room do we have – and where?"),
}
FIRST, LAST = 2025, 2035


@pytest.fixture
def without_optional_files(
    app_store: Path, tmp_path: Path, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The demo municipality without investments.csv and facility_usage.csv, served by the app."""
    from ui import data

    folder = tmp_path / "utan"
    shutil.copytree(demo_path, folder)
    for name in ("investments.csv", "facility_usage.csv"):
        (folder / name).unlink(missing_ok=True)
    monkeypatch.setattr(data, "DATASET_DIR", folder)
    data.dataset.clear()
    yield folder
    data.dataset.clear()


def metric(at: AppTest, label: str):
    found = [m for m in at.metric if m.label == label]
    assert len(found) == 1, (label, [m.label for m in at.metric])
    return found[0]


def in_words_mnkr(value: float) -> str:
    """As prose and tables show it: a true minus sign."""
    return ("+" if value >= 0 else "−") + fmt.mnkr(abs(value))


def how_count(at: AppTest, english: bool = False) -> int:
    label = "How is this calculated?" if english else "Hur räknas detta?"
    return len([e for e in at.expander if e.label == label])


# --- every page renders ---------------------------------------------------------------------------------


@pytest.mark.parametrize("page", [ECONOMY, INVESTMENTS, CAPACITY])
@pytest.mark.parametrize("query", [{}, {"lang": "en"}, {"present": "1"}, {"lang": "en", "present": "1", "years": "20"}])
def test_pages_render_in_swedish_english_and_presentation_mode(app_store, page: str, query: dict[str, str]):
    at = open_page(page, **query)
    english = query.get("lang") == "en"
    assert at.title[0].value == TITLES[page][1 if english else 0]
    assert not at.error or page == INVESTMENTS  # the investments page shows its red flags as errors
    assert len(at.metric) >= 4  # the answer first
    assert how_count(at, english) >= 1
    assert dict(at.query_params) == query  # nothing but the view in the link


def test_the_pages_are_in_the_navigation_after_capacity(app_store):
    at = open_page(CAPACITY)
    links = [link.proto.page for link in at.get("page_link")]
    order = [links.index(name) for name in ("kapacitet", "ekonomi", "investeringar", "jamfor")]
    assert order == sorted(order)
    # emoji icons only: a :material/… icon makes the browser fetch a font from the internet
    assert not any(link.proto.icon.startswith(":material/") for link in at.get("page_link"))
    at.switch_page(ECONOMY).run()
    assert at.title[0].value == TITLES[ECONOMY][0]


# --- Ekonomi ---------------------------------------------------------------------------------------------


def test_economy_big_numbers_are_the_engines(app_store, demo: Dataset):
    at = open_page(ECONOMY)
    economy = evaluate(demo, "bas", KEEP_ALL).economy
    assert metric(at, f"Resultat {LAST}").value == fmt.mnkr(economy["result_sek"].iloc[-1])
    assert metric(at, f"Ackumulerat resultat {FIRST}–{LAST}").value == fmt.mnkr(
        economy["accumulated_result_sek"].iloc[-1]
    )
    negative = economy.loc[economy["result_sek"] < 0, "year"]
    expected_year = str(int(negative.iloc[0])) if len(negative) else f"Inte till {LAST}"
    assert metric(at, "Resultatet blir negativt").value == expected_year
    assert first_deficit_year(economy) == (int(negative.iloc[0]) if len(negative) else None)
    assert metric(at, f"Intäkter {LAST}").value == fmt.mnkr(economy["revenue_sek"].iloc[-1])
    assert "Intäkterna följer befolkningen" in texts(at)
    # costs by service stacked against revenue: six parts and the revenue line
    budget = figures(at)["eco.budget"]["data"]
    assert [d["type"] for d in budget] == ["bar"] * 6 + ["scatter"]
    stacked = [sum(d["y"][-1] for d in budget[:6])]
    assert stacked[0] == pytest.approx(economy["cost_sek"].iloc[-1] / 1e6)
    assert budget[-1]["y"][-1] == pytest.approx(economy["revenue_sek"].iloc[-1] / 1e6)
    assert how_count(at) == len(figures(at))  # every figure explains itself


def test_economy_alternatives_show_the_effect_on_the_result(app_store, demo: Dataset):
    at = open_page(ECONOMY)
    chosen = at.multiselect(key="w.alternatives").value
    assert chosen  # the default view compares two alternatives
    base = evaluate(demo, "bas", KEEP_ALL)
    keep, rate = base.economy, base.parameters.discount_rate
    values = [m.value for m in at.metric if m.label == f"Mot att behålla alla {FIRST}–{LAST}"]
    paybacks = [m.value for m in at.metric if m.label == "Återbetalt år"]
    expected = [against_baseline(evaluate(demo, "bas", a).economy, keep, rate) for a in chosen]
    assert values == [numbers.against_keep_all_parts(-e["accumulated_change_sek"])[0] for e in expected]
    assert len(paybacks) == len(chosen)
    for shown, e in zip(paybacks, expected, strict=True):
        if e["payback_year"] is not None:
            assert shown == str(e["payback_year"])
    before = figures(at)["eco.alt_accumulated"]

    at.multiselect(key="w.alternatives").set_value(["close-smallest-2028"]).run()
    assert not at.exception
    effect = against_baseline(evaluate(demo, "bas", "close-smallest-2028").economy, keep, rate)
    assert [m.value for m in at.metric if m.label == f"Mot att behålla alla {FIRST}–{LAST}"] == [
        numbers.against_keep_all_parts(-effect["accumulated_change_sek"])[0]
    ]
    pv_label = f"Nuvärde ({fmt.percent(rate, 1)} kalkylränta)"
    assert metric(at, pv_label).value == in_words_mnkr(effect["present_value_sek"])
    assert metric(at, "Engångskostnader").value == fmt.mnkr(effect["one_off_cost_sek"])
    after = figures(at)["eco.alt_accumulated"]
    assert len(after["data"]) == 2 and after != before
    assert at.query_params["alt"] == "close-smallest-2028"  # the link carries the choice, shared with Jämför


def test_economy_without_alternatives_asks_for_one(app_store):
    at = open_page(ECONOMY)
    at.multiselect(key="w.alternatives").set_value([]).run()
    assert any("Välj minst ett alternativ" in i.value for i in at.info)
    assert not [m for m in at.metric if m.label == "Återbetalt år"]
    assert "eco.alt_result" not in figures(at)


def test_economy_assumption_slider_moves_the_result(app_store, demo: Dataset):
    at = open_page(ECONOMY)
    before = metric(at, f"Resultat {LAST}").value
    at.select_slider(key="w.tax_rate").set_value(0.24).run()
    assert not at.exception
    economy = evaluate(demo, "bas", KEEP_ALL, {"tax_rate": 0.24}).economy
    assert metric(at, f"Resultat {LAST}").value == fmt.mnkr(economy["result_sek"].iloc[-1]) != before
    assert at.query_params["tax_rate"] == "0.24"


def test_economy_scenario_table_is_compare(app_store, demo: Dataset):
    at = open_page(ECONOMY)
    chosen = at.multiselect(key="w.alternatives").value
    table = at.dataframe[0].value
    expected = compare(demo, alternatives=[KEEP_ALL, *chosen])
    for sid, scenario in demo.scenarios.items():
        column = table[scenario.name]
        for alt in chosen:
            value = expected[(expected["scenario"] == sid) & (expected["alternative"] == alt)]
            # a better result is a cost saved: "sparar 23,4 mnkr", the words of Jämför
            saved = numbers.against_keep_all(-float(value["diff_accumulated_result_sek"].iloc[0]))[0]
            assert saved in column.tolist()
        keep = expected[(expected["scenario"] == sid) & (expected["alternative"] == KEEP_ALL)]
        assert in_words_mnkr(float(keep["accumulated_result_sek"].iloc[0])) == column.iloc[0]


def test_economy_follows_the_scenario(app_store, demo: Dataset):
    at = open_page(ECONOMY)
    at.selectbox(key="w.scenario").set_value("stress").run()
    economy = evaluate(demo, "stress", KEEP_ALL).economy
    assert metric(at, f"Resultat {LAST}").value == fmt.mnkr(economy["result_sek"].iloc[-1])


# --- Investeringar ----------------------------------------------------------------------------------------


def year_10_utilisation(at: AppTest) -> list[tuple[str, str]]:
    """(value, scenario note) of each investment's "Nyttjandegrad 2035" metric, in order."""
    return [(m.value, m.delta) for m in at.metric if m.label == f"Nyttjandegrad {LAST}"]


def test_investments_numbers_are_the_engines(app_store, demo: Dataset):
    at = open_page(INVESTMENTS)
    items = check_investments(demo)
    assert items, "the demo municipality plans investments"
    bas = demo.scenarios["bas"].name
    assert metric(at, "Planerade investeringar").value == fmt.number(len(items))
    oversized = metric(at, f"För stora {LAST}")
    assert oversized.value == fmt.number(sum("bas" in i["oversized_in"] for i in items))
    assert oversized.delta == f"i {bas}"
    missing = [i for i in items if "no_exit_strategy" in i["flags"]]
    assert metric(at, "Saknar exitstrategi").value == fmt.number(len(missing))
    red = [i for i in items if i in missing or {"bas", "stress"} & set(i["oversized_in"])]
    assert metric(at, "Röda flaggor").value == fmt.number(len(red))
    expected = [
        (
            "–" if i["utilisation_year_10"]["bas"] is None else fmt.percent(i["utilisation_year_10"]["bas"], 0),
            f"i {bas}",
        )
        for i in items
    ]
    assert year_10_utilisation(at) == expected
    today = [m.value for m in at.metric if m.label == f"Nyttjandegrad {FIRST}"]
    assert today == ["–" if i["utilisation_today"] is None else fmt.percent(i["utilisation_today"], 0) for i in items]
    # bars per scenario, today in grey, and the threshold line
    chart = figures(at)["inv.chart"]
    bars = [d for d in chart["data"] if d["type"] == "bar"]
    assert len(bars) == 1 + len(demo.scenarios)
    assert all(len(b["y"]) == len(items) for b in bars)
    assert any(s.get("x0") == pytest.approx(75.0) for s in chart["layout"]["shapes"])
    # the red flags are said plainly
    errors = "\n".join(e.value for e in at.error)
    if missing:
        assert "Ingen exitstrategi" in errors
    if any({"bas", "stress"} & set(i["oversized_in"]) for i in items):
        assert "För stor" in errors
    table = at.dataframe[0].value
    assert len(table) == len(items)
    assert "Ingen investering utan scenariobedömning" in texts(at)


def test_investments_follow_the_chosen_scenario(app_store, demo: Dataset):
    at = open_page(INVESTMENTS)
    before = metrics(at)
    at.selectbox(key="w.scenario").set_value("stabilisering").run()
    assert not at.exception
    assert metrics(at) != before
    name = demo.scenarios["stabilisering"].name
    items = check_investments(demo)
    assert year_10_utilisation(at) == [
        (
            "–"
            if i["utilisation_year_10"]["stabilisering"] is None
            else fmt.percent(i["utilisation_year_10"]["stabilisering"], 0),
            f"i {name}",
        )
        for i in items
    ]
    oversized = metric(at, f"För stora {LAST}")
    assert oversized.value == fmt.number(sum("stabilisering" in i["oversized_in"] for i in items))
    assert oversized.delta == f"i {name}"


def test_investments_threshold_slider_moves_the_line_and_the_flags(app_store, demo: Dataset):
    at = open_page(INVESTMENTS)
    at.select_slider(key="w.investment_min_utilisation").set_value(0.2).run()
    assert not at.exception
    items = check_investments(demo, {"investment_min_utilisation": 0.2})
    assert metric(at, f"För stora {LAST}").value == fmt.number(sum("bas" in i["oversized_in"] for i in items))
    chart = figures(at)["inv.chart"]
    assert any(s.get("x0") == pytest.approx(20.0) for s in chart["layout"]["shapes"])
    assert "För stor" not in "\n".join(e.value for e in at.error)
    assert at.query_params["investment_min_utilisation"] == "0.2"


def test_investments_without_data_say_so(without_optional_files):
    at = open_page(INVESTMENTS)
    assert any("investments.csv" in i.value for i in at.info)
    assert not at.metric and not figures(at)


# --- Kapacitet: all four services -----------------------------------------------------------------------


def test_capacity_shows_the_opposite_directions(app_store, demo: Dataset):
    at = open_page(CAPACITY)
    result = evaluate(demo, "bas", KEEP_ALL)
    shown = service_utilisation(result.services)
    for service, label in [
        ("grundskola", "Grundskola"),
        ("forskola", "Förskola"),
        ("aldreboende", "Särskilt boende"),
        ("fritid_kultur", "Fritid och kultur"),
    ]:
        last = shown[shown["service"] == service]["utilisation"].iloc[-1]
        assert metric(at, f"{label} {LAST}").value == fmt.percent(last, 0)
    chart = figures(at)["cap.directions"]
    assert len(chart["data"]) == 4
    by_name = {d["name"]: d["y"] for d in chart["data"]}
    assert by_name["Grundskola"][-1] < by_name["Grundskola"][0]  # schools empty …
    assert by_name["Särskilt boende"][-1] > by_name["Särskilt boende"][0]  # … while the need for care grows
    assert "sjunker nyttjandegraden i grundskolan" in texts(at)


def test_capacity_service_numbers_are_the_engines(app_store, demo: Dataset):
    at = open_page(CAPACITY)
    result = evaluate(demo, "bas", KEEP_ALL)
    services = result.services.set_index(["service", "year"])
    pre = services.loc[("forskola", LAST)]
    assert metric(at, f"Barn i förskolan {LAST}").value == fmt.number(pre["demand"])
    assert metric(at, f"Tomma förskoleplatser {LAST}").value == fmt.number(pre["empty_places"])
    care = care_home_balance(result.services, result.service_units, result.parameters.cost_per_occupied_place_sek)
    end = care.iloc[-1]
    assert metric(at, f"Platser som behövs {LAST}").value == fmt.number(end["places_needed"])
    if end["shortage_places"] > 0:
        assert metric(at, f"Platser som saknas {LAST}").value == fmt.number(end["shortage_places"])
        assert metric(at, f"Köpta platser kostar {LAST}").value == f"{fmt.mnkr(end['purchased_places_cost_sek'])}/år"
    else:
        assert metric(at, f"Tomma platser i särskilt boende {LAST}").value == fmt.number(end["empty_places"])
    leisure = services.loc[("fritid_kultur", LAST)]
    assert metric(at, f"Beläggning {LAST}").value == fmt.percent(leisure["occupancy"], 0)
    assert metric(at, f"Kostnad per besök {LAST}").value == fmt.kr(leisure["cost_per_visit_sek"])
    # the schools' table stays first; one explanation per figure
    assert len(at.dataframe[0].value) == len(demo.schools)
    assert how_count(at) == len(figures(at))
    for key in ("cap.pre.trend", "cap.pre.units", "cap.care.places", "cap.care.cost", "cap.fk.occupancy"):
        assert key in figures(at)


def test_capacity_preschool_year_changes_its_chart(app_store, demo: Dataset):
    at = open_page(CAPACITY)
    before = figures(at)["cap.pre.units"]
    school_before = figures(at)["cap.schools"]
    at.select_slider(key="w.cap_year_forskola").set_value(FIRST).run()
    assert not at.exception
    after = figures(at)["cap.pre.units"]
    assert str(FIRST) in after["layout"]["title"]["text"]
    units = unit_places(evaluate(demo, "bas", KEEP_ALL).service_units, "forskola")
    children = units[units["year"] == FIRST]["demand"].round(0)
    assert sorted(after["data"][1]["x"]) == sorted(children.tolist())
    assert after["data"][1]["x"] != before["data"][1]["x"]
    assert figures(at)["cap.schools"] == school_before  # the schools keep their own year


def test_capacity_leisure_year_changes_its_charts(app_store):
    at = open_page(CAPACITY)
    before = figures(at)["cap.fk.occupancy"]
    at.select_slider(key="w.cap_year_fritid").set_value(FIRST).run()
    after = figures(at)["cap.fk.occupancy"]
    assert str(FIRST) in after["layout"]["title"]["text"]
    assert after["data"][0]["x"] != before["data"][0]["x"]


def test_capacity_link_reopens_each_sections_year(app_store):
    at = open_page(CAPACITY)
    assert not {"year", "year_forskola", "year_fritid"} & set(at.query_params)  # the last year is the default
    at.select_slider(key="w.cap_year_forskola").set_value(FIRST).run()
    at.select_slider(key="w.cap_year_fritid").set_value(FIRST + 3).run()
    assert not at.exception
    link = dict(at.query_params)
    assert link == {"year_forskola": str(FIRST), "year_fritid": str(FIRST + 3)}  # the schools stay on the last year
    fresh = open_page(CAPACITY, **link)
    assert [fresh.select_slider(key=k).value for k in ("w.cap_year", "w.cap_year_forskola", "w.cap_year_fritid")] == [
        LAST,
        FIRST,
        FIRST + 3,
    ]
    assert figures(fresh)["cap.pre.units"] == figures(at)["cap.pre.units"]
    assert dict(fresh.query_params) == link


def test_capacity_without_usage_data_says_so(without_optional_files):
    at = open_page(CAPACITY)
    assert any("facility_usage.csv" in i.value for i in at.info)
    assert not [m for m in at.metric if m.label == f"Fritid och kultur {LAST}"]
    assert "cap.fk.occupancy" not in figures(at)
    assert how_count(at) == len(figures(at))
