"""Charts: one colour and one line pattern per alternative, everywhere.

Colours follow Okabe & Ito's colour-blind-safe palette; keep-all ("if we do not
act") is always neutral grey and solid. Every chart carries a "Källa" line so a
screenshot can stand alone, and Swedish number separators (1 234,5).
"""

from __future__ import annotations

import datetime as dt
import math
import re
import textwrap
from collections.abc import Iterable, Sequence

import pandas as pd
import plotly.graph_objects as go

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from ui import safe

BASELINE_COLOUR = "#6E6E6E"
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
DASHES = ("dash", "dot", "dashdot", "longdash", "longdashdot", "solid", "dash")
SYMBOLS = ("diamond", "square", "triangle-up", "star", "hexagon", "cross", "x")  # markers for non-alternative series
SERIES_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9")
FONT = "Source Sans Pro, Arial, sans-serif"
TEXT_COLOUR = "#31333F"  # Streamlit's text, so a chart reads as part of the page
AXIS_TEXT_COLOUR = "#555867"  # ticks and axis titles: a step lighter, still legible on a projector
LEGEND_ROWS = 3  # the rows a legend of keep-all and up to three alternatives takes on a phone
TITLE_CHARS = 48  # the longest line of a title: a phone's width at the size ui/style.py gives it there
SOURCE_CHARS = 60  # the longest line of a chart's source line (≈ a phone's width at its font size)


def style(alternative_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Colour and dash per alternative id, fixed by the id's position in the full list."""
    out: dict[str, dict[str, str]] = {}
    others = [a for a in alternative_ids if a != KEEP_ALL]
    out[KEEP_ALL] = {"color": BASELINE_COLOUR, "dash": "solid"}
    for i, alt in enumerate(others):
        out[alt] = {
            "color": PALETTE[i % len(PALETTE)],
            "dash": DASHES[i % len(DASHES)],
        }
    return out


def figure(
    traces: list[dict],
    *,
    title: str,
    source: str,
    y_title: str = "",
    big: bool = False,
    height: int = 380,
    layout: dict | None = None,
) -> go.Figure:
    """A figure from plain trace dicts, with the common layout and a "Källa" line.

    Plotly's validation costs ≈ 10 ms a figure, a tenth of a slider's budget, so
    figures are built from dicts this module controls and validation is skipped.
    The layout carries the whole look (fonts, colours, a bold title at the left, axes that
    make room for their labels): the page draws it without Streamlit's chart theme, whose
    merging in the browser cost ≈ 13 ms of each slider move (ui.frame.show), and the memo's
    PDF, which has no theme, looks the same.
    """
    size = 20 if big else 14
    traces = [_shown(trace) for trace in traces]
    pixels = int(height * (1.3 if big else 1.0))
    # The title at the top and the legend under it, both placed in pixels from the top, so a legend
    # that wraps to several rows on a phone grows down towards the plot, never over the title.
    # A long title on two lines: plotly never wraps it, and a phone cut it at the chart's edge.
    title_lines = textwrap.wrap(title, TITLE_CHARS, break_long_words=False) or [""]
    title_px = 14 + round((size + 4) * 1.3) * len(title_lines)
    # Every line of the source at most SOURCE_CHARS long: a phone shows about that many, and a
    # longer line was cut at the chart's right edge.
    source_lines = [part for line in source.split("\n") for part in textwrap.wrap(line, SOURCE_CHARS) or [""]]
    source_note = {
        "text": "<br>".join(safe.plot(line) for line in source_lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -55,
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": max(10, size - 4), "color": "#555"},
        "xanchor": "left",
        "align": "left",  # a wrapped source line reads from the left edge
    }
    base = {
        "title": {
            "text": "<br>".join(safe.plot(line) for line in title_lines),
            "font": {"size": size + 4, "color": TEXT_COLOUR, "weight": "bold"},
            "x": 0,
            "xanchor": "left",
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": title_pad(len(title_lines), size + 4)},
        },
        "separators": ", ",  # decimal comma, space as thousands separator
        "font": {"family": FONT, "size": size, "color": TEXT_COLOUR},
        "height": pixels,
        "margin": {
            "l": 10,
            "r": 10,
            "t": title_px + LEGEND_ROWS * round(size * 1.6),
            "b": 61 + round(max(10, size - 4) * 1.3) * len(source_lines),  # under the plot: the source line
        },
        "legend": {
            "orientation": "h",
            "yref": "container",
            "y": 1 - title_px / pixels,
            "yanchor": "top",
            "xanchor": "left",
            "x": 0,
        },
        "plot_bgcolor": "white",
        "paper_bgcolor": "white",
        "hovermode": "x unified",
        "hoverlabel": {"bgcolor": "white", "bordercolor": "#d5d6da", "font": {"color": TEXT_COLOUR}},
        "annotations": [source_note],
        "xaxis": {
            "showgrid": False,
            "linecolor": "#999",
            "dtick": 2 if big else 1,
            "tickfont": {"color": AXIS_TEXT_COLOUR},
        },
        "yaxis": {
            "title": {"text": safe.plot(y_title), "font": {"color": AXIS_TEXT_COLOUR}},
            "tickfont": {"color": AXIS_TEXT_COLOUR},
            "gridcolor": "#e5e5e5",
            "zeroline": False,
            "rangemode": "tozero",
        },
    }
    for key, value in (layout or {}).items():
        base[key] = {**base[key], **value} if isinstance(value, dict) and isinstance(base.get(key), dict) else value
        if key == "legend" and isinstance(value, dict) and "y" in value and "yref" not in value:
            # A page that places it itself (Ekonomi: beside the plot) means the plot's frame.
            base[key]["yref"] = "paper"
    base["xaxis"] = _last_year_ticked(base["xaxis"], traces)
    for name in ("yaxis", "yaxis2"):  # measured here, not by plotly in the browser (see _left_room)
        if name in base:
            base[name] = {k: v for k, v in base[name].items() if k != "automargin"}
    base["margin"]["l"] = max(base["margin"]["l"], _left_room(base, traces, size))
    source_note["xshift"] = 10 - base["margin"]["l"]  # from the figure's edge: a long line fits a phone
    x_title = (base["xaxis"].get("title") or {}).get("text")
    if x_title and not base["xaxis"].get("automargin") and source_note in base["annotations"]:
        below = round(size * 1.4) + 6  # the x axis's title between its labels and the source line
        base["margin"]["b"] += below
        source_note["yshift"] -= below
    return PlainFigure.of({"data": traces, "layout": base})


def title_pad(lines: int, font_px: int, top: int = 10) -> int:
    """Pixels above a title of ``lines`` lines anchored at its top: plotly puts each line after the
    first half a line higher (a second line at 18 px moved the first 6 px out of the figure)."""
    return top + round(font_px * 1.3 / 2) * (lines - 1)


def _left_room(layout: dict, traces: list[dict], size: int) -> int:
    """Pixels left of the plot for the y axes' tick labels and titles, estimated from the values.

    Plotly can measure them itself (``automargin``), but then lays the figure out twice on every
    redraw: 10–18 ms of each slider move. A label is ≈ 0,6 em a character at the tick font
    (``size`` px); the widest is that of the largest value, as plotly writes it: "1 000" with
    ``tickformat`` ",…", otherwise "12k" from 10 000 and "1,5M" from a million, with the axis's
    ``tickprefix`` and ``ticksuffix``.
    """
    room = 0
    for name in ("yaxis", "yaxis2"):
        axis = layout.get(name)
        if axis is None or axis.get("visible") is False:
            continue
        ref = "y" if name == "yaxis" else "y2"
        values = [
            v for trace in traces if trace.get("yaxis", "y") == ref for v in trace.get("y") or [] if v is not None
        ]
        words = [v for v in values if isinstance(v, str)]
        numbers = [abs(float(v)) for v in values if not isinstance(v, str)]
        chars = max((len(line) for w in words for line in w.split("<br>")), default=0)
        if numbers:
            largest = max(numbers)
            if axis.get("tickformat", "").startswith(",") or largest < 10_000:
                digits = len(f"{math.ceil(largest):,}")
            else:
                digits = len(f"{largest / (1e6 if largest >= 1e6 else 1e3):.0f}") + 3  # "1,5M", "12k"
            decimals = 2 if largest < 10 else 0  # "2,5"
            sign = 1 if any(float(v) < 0 for v in values if not isinstance(v, str)) else 0
            chars = max(chars, digits + decimals + sign)
        chars += len(axis.get("tickprefix", "")) + len(axis.get("ticksuffix", ""))  # "120 %"
        title = (axis.get("title") or {}).get("text") or ""
        room = max(room, round(chars * 0.6 * size) + 12 + (round(size * 1.3) + 8 if title else 0))
    return room


def _last_year_ticked(xaxis: dict, traces: list[dict]) -> dict:
    """The x axis with ticks counted back from the last year when the x values are years, so the
    last year is always labelled (every second year from 2025 would stop at 2039 of 2025–2040)."""
    step = xaxis.get("dtick")
    xs = [x for trace in traces for x in (trace.get("x") or [])]
    if not isinstance(step, int | float) or not xs or not all(isinstance(x, int) and 1800 < x < 2300 for x in xs):
        return xaxis
    first, last = min(xs), max(xs)
    ticks = list(range(last, first - 1, -int(step)))[::-1]
    span = xaxis.get("range") or [first - 0.4, last + 0.4]  # room for the last year's label at the edge
    return {**xaxis, "tickmode": "array", "tickvals": ticks, "ticktext": [str(y) for y in ticks], "range": span}


def _shown(trace: dict) -> dict:
    """The trace with its name and its categories (unit, area and scenario names on an axis) as
    text: plotly reads them as HTML. A line break a page put into a long category stays one."""
    out = dict(trace)
    if "name" in out:
        out["name"] = safe.plot(trace["name"])
        if isinstance(trace.get("hovertemplate"), str):  # the name in the hover is the escaped one, too
            extra = f"<extra>{trace['name']}</extra>"
            out["hovertemplate"] = trace["hovertemplate"].replace(extra, "<extra>%{fullData.name}</extra>")
    for axis in ("x", "y"):
        values = out.get(axis)
        if isinstance(values, list) and any(isinstance(v, str) for v in values):
            out[axis] = [safe.plot(v).replace("&lt;br&gt;", "<br>") if isinstance(v, str) else v for v in values]
    return out


def page_figure(
    traces: list[dict],
    title: str,
    *,
    source: str,
    big: bool,
    share: float = 1.0,
    years: tuple[int, int] | None = None,
    y_title: str = "",
    height: int = 380,
    layout: dict | None = None,
) -> go.Figure:
    """:func:`figure` for a chart ``share`` of the page wide, as every page draws one.

    The source line is wrapped to the narrower of the chart's width and a phone's (its text takes
    the left margin), and with ``years=(first, last)`` the x axis spans exactly those years with
    ticks spaced to fit: every year, every second or every fifth.
    """
    extra: dict = {}
    if not big and share < 1:
        source = "\n".join(textwrap.wrap(source, min(int(120 * share), SOURCE_CHARS), break_long_words=False))
    if years is not None:
        first, last = years
        per_tick = (last - first + 1) / share
        extra["xaxis"] = {
            "range": [first - 0.5, last + 0.5],
            "dtick": 1 if per_tick <= 14 else (2 if per_tick <= 30 else 5),  # counted back from the last year
        }
        extra["yaxis"] = {"tickformat": ",.0f"}  # 12 000, not 12k
    for key, value in (layout or {}).items():
        extra[key] = {**extra.get(key, {}), **value} if isinstance(value, dict) else value
    return figure(traces, title=title, source=source, y_title=y_title, big=big, height=height, layout=extra)


class PlainFigure(go.Figure):
    """A figure handed to Streamlit exactly as built.

    Streamlit turns a plotly Figure into JSON through ``to_dict()``, which deep-copies
    every trace; building the Figure validates it. Both cost more than the model on a
    slider move, and the dicts here are already valid, so this figure skips both.
    """

    _plain: dict

    @classmethod
    def of(cls, spec: dict) -> PlainFigure:
        figure = object.__new__(cls)  # no plotly __init__: nothing to validate or copy
        figure._plain = spec
        return figure

    def to_dict(self) -> dict:
        return self._plain


def hover_numbers(values: Iterable[float], hover_format: str, suffix: str = "", *, signed: bool = False) -> list[str]:
    """The values as the hover shows them, written here: plotly's hover formats write a minus as a
    hyphen ("-10,7"), the page a true minus ("−10,7"). ``hover_format`` gives the decimals (",.1f");
    ``signed`` puts a plus before a value that is not negative ("+3 %", "−12 %", "+0 %")."""
    decimals = int(found.group(1)) if (found := re.search(r"\.(\d+)f", hover_format)) else 0
    rounded = [round(float(v), decimals) + 0.0 for v in values]  # + 0.0: a −0 that rounds away is 0
    return [("+" if signed and v >= 0 else "") + fmt.number(v, decimals) + suffix for v in rounded]


def series_style(i: int) -> dict:
    """Line and marker of the i-th of several series that are not alternatives (age groups, services):
    colour, dash and symbol all change, so the series are told apart without colour too."""
    return {
        "mode": "lines+markers",
        "line": {"color": SERIES_COLOURS[i % len(SERIES_COLOURS)], "dash": ("solid", *DASHES)[i % 7], "width": 3},
        "marker": {"symbol": ("circle", *SYMBOLS)[i % 8], "size": 7},
    }


def source_line(template: str, dataset_name: str, scenario_name: str) -> str:
    return template.format(dataset=dataset_name, scenario=scenario_name, date=dt.date.today().isoformat())


def lines(
    series: dict[str, pd.DataFrame],
    *,
    column: str,
    names: dict[str, str],
    styles: dict[str, dict[str, str]],
    scale: float = 1.0,
    hover_format: str = ",.0f",
    percent: bool = False,
) -> list[dict]:
    """One line per alternative of ``column`` over the years; keep-all first, in grey."""
    traces = []
    for alt_id, frame in series.items():
        s = styles[alt_id]
        values = frame[column].to_numpy(float) * (100 if percent else scale)
        traces.append(
            {
                "type": "scatter",
                "x": frame["year"].tolist(),
                "y": values.tolist(),
                "name": names[alt_id],
                # Lines without markers: markers cost a quarter of a redraw on a slider move,
                # and the dash pattern already tells alternatives apart beside the colour.
                "mode": "lines",
                "line": {"color": s["color"], "dash": s["dash"], "width": 4 if alt_id == KEEP_ALL else 3},
                "customdata": hover_numbers(values, hover_format, " %" if percent else ""),
                "hovertemplate": "%{customdata}<extra>%{fullData.name}</extra>",
            }
        )
    return traces


def bars(
    categories: Sequence[str],
    values: dict[str, Sequence[float]],
    *,
    styles: dict[str, dict[str, str]],
    names: dict[str, str],
    hover_format: str = ",.0f",
) -> list[dict]:
    """Grouped bars: one group per category, one bar per alternative (patterned, not colour alone)."""
    return [
        {
            "type": "bar",
            "name": names[alt_id],
            "x": list(categories),
            "y": list(vals),
            "marker": {"color": styles[alt_id]["color"], "pattern": {"shape": "" if alt_id == KEEP_ALL else "/"}},
            "customdata": hover_numbers(vals, hover_format),
            "hovertemplate": "%{customdata}<extra>%{fullData.name}</extra>",
        }
        for alt_id, vals in values.items()
    ]


BAR_LAYOUT = {"barmode": "group", "hovermode": "closest"}


PLOTLY_CONFIG = {
    "displaylogo": False,
    "toImageButtonOptions": {"format": "png", "scale": 2, "filename": "vagval"},
    "modeBarButtonsToRemove": ["lasso2d", "select2d"],
}
