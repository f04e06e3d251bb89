"""ui.charts: the figure carries its own look, and nothing in it makes plotly lay it out twice.

A slider move redraws a chart from scratch (Streamlit gives a changed figure a new element), so
every pass plotly makes counts: Streamlit's chart theme cost ≈ 13 ms a move in the browser and
``automargin`` 10–18 ms (benchmarks/README.md). The room for the y axis's labels is therefore
estimated here, and the tests below pin that estimate by hand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from tests.pages_support import figures, open_page
from ui import charts

LINE = {"type": "scatter", "x": [2025, 2026], "name": "Behåll alla skolor"}


def layout(traces: list[dict], **kwargs) -> dict:
    return charts.figure(traces, title=kwargs.pop("title", "Kostnad"), source="Källa: test", **kwargs).to_dict()[
        "layout"
    ]


def test_room_for_negative_mnkr_with_a_title() -> None:
    # Largest value 23,4 → ceil 24 → "24" (2 characters), ≥ 10 so no decimals, a negative value
    # adds the sign: 3 characters × 0,6 em × 14 px = 25,2 → 25; + 12 for the tick = 37.
    # The title "mnkr" takes round(14 × 1,3) + 8 = 18 + 8 = 26 more: 63 px.
    room = charts._left_room({"yaxis": {"title": {"text": "mnkr"}}}, [{**LINE, "y": [0.0, -23.4]}], 14)
    assert room == 63


def test_room_for_thousands_written_out_and_small_decimals() -> None:
    # ",.0f" writes 12 345 in full: f"{12345:,}" = "12,345", 6 characters, no sign:
    # round(6 × 0,6 × 14) = round(50,4) = 50, + 12 = 62; no title.
    written_out = {"yaxis": {"tickformat": ",.0f"}}
    assert charts._left_room(written_out, [{**LINE, "y": [100, 12_345]}], 14) == 62
    # Without a format plotly writes 150 000 as "150k": "150" + 3 (k, or "1,5M") = 6 characters → 62.
    assert charts._left_room({"yaxis": {}}, [{**LINE, "y": [0, 150_000]}], 14) == 62
    # 2,5: "3" is 1 character and 2 more for ",5": 3 × 0,6 × 20 = 36, + 12 = 48 (a projector's 20 px).
    assert charts._left_room({"yaxis": {}}, [{**LINE, "y": [0.5, 2.5]}], 20) == 48


def test_room_for_a_suffix_on_the_labels() -> None:
    # 120 → "120" (3 characters) and " %" (2): 5 × 0,6 × 14 = 42, + 12 = 54.
    assert charts._left_room({"yaxis": {"ticksuffix": " %"}}, [{**LINE, "y": [0, 120]}], 14) == 54


def test_room_for_names_on_the_axis_counts_the_longest_line() -> None:
    # "Vålbergaskolan" is 14 characters; the other name's longest line is "Tillbyggnad" (11):
    # round(14 × 0,6 × 14) = round(117,6) = 118, + 12 = 130.
    bars = {"type": "bar", "orientation": "h", "x": [1, 2], "y": ["Vålbergaskolan", "Tillbyggnad<br>Åsby"]}
    assert charts._left_room({"yaxis": {}}, [bars], 14) == 130


def test_a_hidden_axis_and_the_second_axis() -> None:
    # A map's axes are hidden: no room. A second axis (yaxis2) with larger labels decides:
    # "12 000" = 6 characters with ",.0f" → 62 (as above).
    assert charts._left_room({"yaxis": {"visible": False}}, [{**LINE, "y": [1, 99_999]}], 14) == 0
    second = {**LINE, "y": [0, 12_000], "yaxis": "y2"}
    both = {"yaxis": {}, "yaxis2": {"tickformat": ",.0f"}}
    assert charts._left_room(both, [{**LINE, "y": [1, 2]}, second], 14) == 62


def test_no_axis_measures_itself_and_the_source_starts_at_the_figure_edge() -> None:
    fig = layout([{**LINE, "y": [0.0, -23.4]}], y_title="mnkr", layout={"yaxis": {"automargin": True}})
    assert "automargin" not in fig["yaxis"]  # a page's request is answered by the estimate
    assert fig["margin"]["l"] == 63
    assert fig["annotations"][0]["xshift"] == 10 - 63  # 10 px from the figure's left edge


def test_an_x_axis_title_gets_its_own_row_above_the_source_line() -> None:
    plain = layout([{**LINE, "y": [1, 2]}])
    titled = layout([{**LINE, "y": [1, 2]}], layout={"xaxis": {"title": {"text": "Avstånd (km)"}}})
    # round(14 × 1,4) + 6 = 20 + 6 = 26 px more at the bottom, and the source line 26 px lower.
    assert titled["margin"]["b"] - plain["margin"]["b"] == 26
    assert titled["annotations"][0]["yshift"] - plain["annotations"][0]["yshift"] == -26


def test_a_long_title_wraps_and_the_legend_moves_down_one_line() -> None:
    title = "Ackumulerad skillnad mot att behålla alla, från 2025"  # 52 characters
    short = layout([{**LINE, "y": [1, 2]}], title="Kostnad")
    long = layout([{**LINE, "y": [1, 2]}], title=title)
    assert long["title"]["text"] == "Ackumulerad skillnad mot att behålla alla, från<br>2025"
    # One line of an 18 px title is round(18 × 1,3) = 23 px.
    assert long["margin"]["t"] - short["margin"]["t"] == 23
    assert long["title"]["font"]["weight"] == "bold" and long["title"]["xanchor"] == "left"


def test_a_title_from_data_is_escaped_line_by_line() -> None:
    fig = layout([{**LINE, "y": [1, 2]}], title="<script>alert(1)</script> " + "x" * 50)
    assert "<script>" not in fig["title"]["text"] and "&lt;script&gt;" in fig["title"]["text"]


@pytest.mark.parametrize("page", ["pages/jamfor.py", "pages/scenarier.py", "pages/kapacitet.py"])
def test_every_chart_is_drawn_without_streamlits_theme_and_without_automargin(app_store, page) -> None:
    at = open_page(page)
    charts_drawn = at.get("plotly_chart")
    assert charts_drawn
    assert all(chart.proto.theme == "" for chart in charts_drawn)  # theme=None
    for spec in figures(at).values():
        axes = [value for key, value in spec["layout"].items() if key.startswith("yaxis")]
        assert axes and not any(axis.get("automargin") for axis in axes)


def test_the_hover_writes_numbers_as_the_page_does() -> None:
    # Plotly's own hover format would write -10.66 as "-10,7"; the page writes a true minus and a
    # no-break space between thousands, and "–" where there is no value.
    assert charts.hover_numbers([-10.66, 1234.5, float("nan")], ",.1f") == ["−10,7", "1\u00a0234,5", "–"]
    assert charts.hover_numbers([12.0], ",.0f", " %") == ["12 %"]
    # A change: plus before what is not negative; −0,4 % rounds to 0 and reads "+0 %", not "−0 %".
    assert charts.hover_numbers([3.2, -12.0, -0.4], ",.0f", " %", signed=True) == ["+3 %", "−12 %", "+0 %"]
    traces = charts.lines(
        {"keep_all": pd.DataFrame({"year": [2025, 2026], "diff_sek": [0.0, -2_345_000.0]})},
        column="diff_sek",
        names={"keep_all": "Behåll alla skolor"},
        styles={"keep_all": {"color": "#6E6E6E", "dash": "solid"}},
        scale=1e-6,
        hover_format=",.1f",
    )
    # −2 345 000 kr × 1e-6 = −2,345 mnkr → "−2,3" with one decimal.
    assert traces[0]["customdata"] == ["0,0", "−2,3"]
    assert traces[0]["hovertemplate"] == "%{customdata}<extra>%{fullData.name}</extra>"


def test_the_economys_deficits_and_oversikts_declines_hover_with_a_true_minus(app_store) -> None:
    at = open_page("pages/ekonomi.py")
    [result] = [tr for spec in figures(at).values() for tr in spec["data"] if tr.get("name") == "Resultat"]
    assert result["hovertemplate"].startswith("%{customdata}")
    assert any(text.startswith("−") for text in result["customdata"])  # the demo runs deficits
    assert all(text.endswith(" mnkr") and "-" not in text for text in result["customdata"])
    at = open_page("pages/oversikt.py", tab="population")
    changes = [  # the age groups' change since the first year, in per cent
        tr
        for spec in figures(at).values()
        for tr in spec["data"]
        if "%{customdata}" in tr.get("hovertemplate", "") and tr["customdata"][-1].endswith(" %")
    ]
    texts = [text for tr in changes for text in tr["customdata"]]
    assert texts and any(text.startswith("−") for text in texts) and all(text[0] in "+−" for text in texts)
