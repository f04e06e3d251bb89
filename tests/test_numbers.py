"""Numbers and words on screen (issue 13 §2): every table, big number and slider the Swedish way,
and one wording for an alternative's effect against keeping all.

The walk opens every page in AppTest and reads what Streamlit would print: the cells of every
table, every metric's value and delta, every slider's stops. Tiny cases pin the helpers' strings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from pages_support import metrics, open_page
from streamlit.proto.Metric_pb2 import Metric

from ui import numbers
from ui.frame import NAVIGATION

PAGES = tuple(Path(p.script).stem for p in NAVIGATION)  # every page of the method, new ones too
# What Streamlit prints when a number reaches it unformatted: a decimal point (797.603), a run of
# five or more digits (116262009, not an id's N02909), a hyphen for minus (-4.0), or Python's None.
RAW = re.compile(r"\d\.\d|(?<![A-Za-z\d])\d{5,}|(?:^|[\s(])-\d|\bNone\b|\bnan\b")  # an id such as N02909 is no number


def raw_numbers(at) -> list[str]:
    """Every text on the page that shows a number as Streamlit or Python would write it."""
    seen: list[str] = []
    for frame in at.dataframe:
        value = frame.value
        cells = (
            [str(c) for c in value.columns]
            + [str(i) for i in value.index]
            + value.astype(str).to_numpy().ravel().tolist()
        )
        seen += [c for c in cells if RAW.search(c)]
    for label, values in metrics(at).items():
        seen += [v for v in [label, *values] if RAW.search(v)]
    for m in at.metric:
        if m.delta and RAW.search(m.delta):
            seen.append(m.delta)
    for s in at.select_slider:
        seen += [o for o in s.options if RAW.search(o)]
    for s in at.slider:  # a plain slider shows printf's "%d"/"%f": only whole numbers below 1 000 read right
        value = s.value if isinstance(s.value, tuple | list) else (s.value,)
        seen += [str(v) for v in value if not float(v).is_integer() or abs(v) >= 1000 or v < 0]
    return seen


@pytest.mark.parametrize("page", PAGES)
def test_every_table_big_number_and_slider_on_a_page_is_swedish(app_store, page: str) -> None:
    at = open_page(f"pages/{page}.py")
    assert raw_numbers(at) == []


@pytest.mark.parametrize("section", ["robust", "table", "quality", "geography"])
def test_every_section_of_jamfor_is_swedish(app_store, section: str) -> None:
    at = open_page("pages/jamfor.py")
    at.session_state["w.section"] = section
    at.run()
    assert not at.exception
    assert raw_numbers(at) == []
    if section in ("robust", "table"):
        headers = [at.dataframe[0].value.index.name, *at.dataframe[0].value.columns]
        assert "alternative" not in headers and "measure" not in headers, headers


def test_one_off_costs_are_the_periods_total_in_the_key_figures(app_store) -> None:
    at = open_page("pages/jamfor.py")
    at.session_state["w.section"] = "table"
    at.run()
    table = at.dataframe[0].value
    one_off = table.loc["Engångskostnader under perioden"]
    assert one_off.iloc[0] == "0,0\xa0mnkr"  # keep-all changes nothing
    assert all(v != "0,0\xa0mnkr" for v in one_off.iloc[1:])  # each merge pays its one-off cost once


def test_the_effect_against_keep_all_reads_the_same_on_jamfor_ekonomi_and_bygg(app_store) -> None:
    label = "Mot att behålla alla 2025–2035"
    jamfor = metrics(open_page("pages/jamfor.py"))[label]
    ekonomi = metrics(open_page("pages/ekonomi.py"))[label]
    assert jamfor == ekonomi  # the same alternatives, the same amounts, no sign: "23,4 mnkr" on both
    assert all(re.fullmatch(r"\d+,\d\xa0mnkr", v) for v in jamfor), jamfor
    # … and the same verb in green below each: "sparar" (the scoreboard's pill, the metric's delta)
    eco = open_page("pages/ekonomi.py")
    green = Metric.MetricColor.Value("GREEN")
    assert [(m.delta, m.proto.color) for m in eco.metric if m.label == label] == [("sparar", green)] * len(jamfor)


# --- the helpers, by hand ---------------------------------------------------------------------------


def test_cells_the_swedish_way() -> None:
    assert numbers.cell(116262009.775) == "116\xa0262\xa0009,8"  # one decimal, rounded
    assert numbers.cell(797.0) == "797"  # a whole number has no decimals
    assert numbers.cell(-4.0) == "−4"
    assert numbers.cell(None) == "–" and numbers.cell(float("nan")) == "–"
    assert numbers.cell("Åsby") == "Åsby"


def test_a_swedish_frame_writes_each_column_and_names_the_numbers() -> None:
    frame = pd.DataFrame({"År": [2025, 2035], "mnkr": [980.7, -12.25], "namn": ["A", None]})
    shown, numeric = numbers.swedish_frame(frame, {"mnkr": lambda v: f"{v:.1f}".replace(".", ",")}, years=["År"])
    assert shown.to_dict("list") == {"År": ["2025", "2035"], "mnkr": ["980,7", "-12,2"], "namn": ["A", "–"]}
    assert numeric == ["År", "mnkr"]


@pytest.mark.parametrize(
    ("diff", "words", "tone"),
    [
        (-23_400_000.0, "sparar 23,4\xa0mnkr", "good"),  # the alternative costs 23,4 mnkr less
        (1_060_000.0, "kostar 1,1\xa0mnkr mer", "bad"),  # 1,06 mnkr to one decimal
        (40_000.0, "kostar lika mycket", "off"),  # 0,04 mnkr rounds to 0,0
    ],
)
def test_the_effect_against_keep_all_in_words(diff: float, words: str, tone: str) -> None:
    assert numbers.against_keep_all(diff) == (words, tone)


def test_slider_stops_hold_a_linked_value_exactly() -> None:
    stops = numbers.steps(0.8, 2.5, 0.01)
    assert len(stops) == 171 and 1.45 in stops and stops[-1] == 2.5
    assert numbers.steps(-30.0, 30.0, 0.5)[:2] == [-30.0, -29.5]
    assert numbers.nearest(stops, 1.4500000001) == 1.45
