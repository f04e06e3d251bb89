"""A map that needs no internet: areas as shapes, names, schools and pupils' flows, on plain axes.

Plotly's tile maps fetch their style and glyphs from the internet, so the map is drawn
as scatter traces on cartesian axes in kilometres (engine.measures.map lays it out),
with equal scaling. For the slider budget the number of traces is bounded whatever the
dataset holds: one trace for every area's shape, one for the areas' points and names,
one per kind of school, one filled trace for the arrows of each colour and one for the
arrows' hovers. Each trace costs plotly time on every move of the map's slider, whatever
its size (defaults, its array attributes, its layer), so the arrows are outlines
(engine.measures.map.arrow_outlines), not a line per width. For the same reason the map's
key is HTML beside the figure (legend_html), not plotly's legend.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.map import (
    NAME_FONT_PX,
    SCHOOL_SYMBOL_PX,
    SchoolMap,
    TravelBands,
    arrow_outlines,
    travel_bands,
)
from engine.measures.map import school_map as measure_map
from engine.model.evaluate import Result
from ui import charts, data, safe, session
from ui.frame import show, signed
from ui.i18n import t
from ui.style import MAP_WIDE_ONLY_FILL

AREA_FILL = "#ECEEE6"
AREA_LINE = "#A6A99C"
FLOW_GREY = "#9A9A9A"
FULL_RED = "#C00000"
OPEN_GREY = "#4D4D4D"
FLOW_OPACITY = {False: 0.55, True: 0.85}  # grey arrows and the moved pupils' arrows, on the map and in its key
# The kinds of school in drawing order (a closed school first: a school that opens or takes pupils
# at the same place is drawn over it), with plotly's symbol, the key's glyph for it, and the fill
# (None: the alternative's colour).
SCHOOL_KINDS: tuple[tuple[str, str, str, str | None], ...] = (
    ("closed", "x", "✕", None),
    ("open", "square", "■", OPEN_GREY),
    ("full", "star-diamond", "✦", FULL_RED),
    ("receiving", "star", "★", None),
)


def school_map(
    m: SchoolMap,
    *,
    colour: str,
    labels: dict[str, str],
    pupils: Callable[[float], str],
    km: Callable[[float], str],
    big: bool = False,
) -> tuple[list[dict], dict]:
    """Traces and layout for one alternative's map (``big``: the projector's larger title).

    ``labels``: the legend's words by kind ("area", "school_open", "school_receiving",
    "school_full", "school_closed", "flow", "flow_moved") and the hover's ("base"); ``pupils``
    and ``km`` write a number the Swedish way with its unit.
    """
    traces: list[dict] = [_shapes(m)]
    traces += _flows(m, colour, labels, pupils, km)
    a = m.areas
    traces.append(
        {
            "type": "scatter",
            "x": a["x"].tolist(),
            "y": a["y"].tolist(),
            "mode": "markers+text",
            "name": labels["area"],
            "marker": {"size": 6, "color": "#777"},
            "text": [safe.plot(n) if shown else "" for n, shown in zip(a["name"], a["label"], strict=True)],
            "textposition": "middle center",
            # The names a phone has no room for in a colour of their own, which ui.style.CHART_CSS hides there.
            "textfont": {
                "size": NAME_FONT_PX,
                "color": ["#333" if narrow else MAP_WIDE_ONLY_FILL for narrow in a["label_narrow"]],
            },
            "hovertext": [
                f"<b>{safe.plot(n)}</b><br>{pupils(p)}" + (f" · {km(d)}" if d == d else "")
                for n, p, d in zip(a["name"], a["pupils"], a["km"], strict=True)
            ],
            "hoverinfo": "text",
            "showlegend": False,
        }
    )
    # The schools' columns as arrays, picked by kind with a mask: taking rows from the frame's
    # text columns cost more than the rest of the figure on each move of the slider.
    s = {c: m.schools[c].to_numpy() for c in ("x", "y", "kind", "name", "label", "pupils", "pupils_base")}
    for kind, symbol, _, fill in SCHOOL_KINDS:
        mine = s["kind"] == kind
        if not mine.any():
            continue
        part = {c: values[mine] for c, values in s.items()}
        traces.append(
            {
                "type": "scatter",
                "x": part["x"].tolist(),
                "y": part["y"].tolist(),
                "mode": "markers+text",
                "name": labels[f"school_{kind}"],
                "marker": {
                    "symbol": symbol,
                    "size": SCHOOL_SYMBOL_PX,
                    "color": fill or colour,
                    "line": {"color": "white", "width": 1.5},
                },
                "text": [
                    f"<b>{safe.plot(n)}</b>" if shown else ""
                    for n, shown in zip(part["name"], part["label"], strict=True)
                ],
                "textposition": "top center",
                "textfont": {"size": NAME_FONT_PX, "color": "#111"},
                "hovertext": [
                    f"<b>{safe.plot(n)}</b><br>{pupils(p)}<br>{labels['base']}: {pupils(b)}"
                    for n, p, b in zip(part["name"], part["pupils"], part["pupils_base"], strict=True)
                ],
                "hoverinfo": "text",
            }
        )
    x0, x1, y0, y1 = m.extent
    pad = 0.04 * max(x1 - x0, y1 - y0, 1.0)
    layout = {
        # Equal scales shrink the plot, not widen the ranges: on a phone's tall figure the map then
        # stands right under its title, the spare height below it.
        "xaxis": {"visible": False, "range": [x0 - pad, x1 + pad], "dtick": None, "constrain": "domain"},
        "yaxis": {
            "visible": False,
            "scaleanchor": "x",
            "scaleratio": 1,
            "range": [y0 - pad, y1 + pad],
            "constrain": "domain",
            "constraintoward": "top",
        },
        "hovermode": "closest",
        "plot_bgcolor": "white",
        "dragmode": False,
        # The key is HTML beside the figure (legend_html): plotly's legend measured every entry's
        # text and took ≈ 15 ms of each move of the map's slider (DESIGN.md §7).
        "showlegend": False,
        "margin": {"t": 118 if big else 100, "b": 10},
    }
    return traces, layout


def legend_html(m: SchoolMap, *, colour: str, labels: Mapping[str, str]) -> str:
    """The map's key as HTML: the arrows (grey, and in the alternative's colour for pupils who change
    school) and the kinds of school that the map draws this year, with ``labels``' words."""
    moved = m.flows["moved"].to_numpy(bool)
    items = [
        (f'<span class="vv-key-arrow" style="color: {safe.html(fill)}; opacity: {opacity}"></span>', labels[word])
        for word, fill, opacity, drawn in (
            ("flow", FLOW_GREY, FLOW_OPACITY[False], (~moved).any()),
            ("flow_moved", colour, FLOW_OPACITY[True], moved.any()),
        )
        if drawn
    ]
    kinds = set(m.schools["kind"])
    items += [
        (
            f'<span class="vv-key-glyph vv-key-{kind}" style="color: {safe.html(fill or colour)}">{glyph}</span>',
            labels[f"school_{kind}"],
        )
        for kind, _, glyph, fill in SCHOOL_KINDS
        if kind in kinds
    ]
    return (
        '<div class="vv-legend">'
        + "".join(f'<span class="vv-key">{mark}{safe.html(word)}</span>' for mark, word in items)
        + "</div>"
    )


def _shapes(m: SchoolMap) -> dict:
    """Every area's outline in one filled trace, largest first (a town drawn over its surroundings)."""
    xs: list[float | None] = []
    ys: list[float | None] = []
    for i in m.order:
        for rx, ry in m.shapes.rings[i]:
            xs += [*rx.tolist(), None]
            ys += [*ry.tolist(), None]
    return {
        "type": "scatter",
        "x": xs,
        "y": ys,
        "mode": "lines",
        "fill": "toself",
        "fillcolor": AREA_FILL,
        "line": {"color": AREA_LINE, "width": 1},
        "hoverinfo": "skip",
        "showlegend": False,
    }


def _flows(
    m: SchoolMap, colour: str, labels: dict[str, str], pupils: Callable[[float], str], km: Callable[[float], str]
) -> list[dict]:
    """Arrows from area to school, as wide as their pupils: the grey ones and the moved ones (in the
    alternative's colour) each one filled shape, and their hovers at the arrows' middles."""
    f = m.flows
    if f.empty:
        return []
    counts = f["pupils"].to_numpy(float)
    moved_all = f["moved"].to_numpy(bool)
    traces: list[dict] = []
    for moved in (False, True):
        if not (moved_all == moved).any():
            continue
        outlined = f.loc[moved_all == moved, ["x0", "y0", "x1", "y1", "pupils"]]  # numbers only: a quick take
        xs, ys = arrow_outlines(outlined, km_per_px=m.km_per_px, max_pupils=float(counts.max()))
        fill = colour if moved else FLOW_GREY
        traces.append(
            {
                "type": "scatter",
                "x": [None if v != v else v for v in xs.tolist()],
                "y": [None if v != v else v for v in ys.tolist()],
                "mode": "lines",
                "fill": "toself",
                "fillcolor": fill,
                "line": {"color": fill, "width": 0.5},
                "opacity": FLOW_OPACITY[moved],
                "hoverinfo": "skip",
                "name": labels["flow_moved" if moved else "flow"],
            }
        )
    x0, y0, x1, y1 = (f[c].to_numpy(float) for c in ("x0", "y0", "x1", "y1"))
    traces.append(
        {
            "type": "scatter",
            "x": ((x0 + x1) / 2).tolist(),
            "y": ((y0 + y1) / 2).tolist(),
            "mode": "markers",
            "marker": {"size": 14, "color": "rgba(0,0,0,0)"},
            "hovertext": [
                f"{safe.plot(a)} → <b>{safe.plot(s)}</b><br>{pupils(p)} · {km(d)}"
                for a, s, p, d in zip(f["from"], f["to"], counts, f["km"].to_numpy(float), strict=True)
            ],
            "hoverinfo": "text",
            "showlegend": False,
        }
    )
    return traces


@st.fragment
def map_fragment(
    results: Mapping[str, Result],
    compared: Sequence[str],
    *,
    names: Mapping[str, str],
    styles: Mapping[str, Mapping[str, str]],
    years: Sequence[int],
    source: str,
    big: bool,
) -> None:
    """The map's year slider and the map section, rerun on their own when the year or the map's
    alternative moves: the big numbers, the summaries and the page's sliders above do not
    change with them, and each element re-sent costs the browser time (DESIGN.md §7).
    Rerun alone, it gets the results of the page's last run, which the year does not change.
    """
    last = years[-1]
    session.choice("year", "w.map_year", list(years), last)
    year = st.select_slider(t("compare.map.year"), options=list(years), key="w.map_year")
    session.commit_choice("year", year, last)  # the link reopens this year, also after a rerun of this part alone
    map_section(results, compared, names=names, styles=styles, year=year, source=source, big=big)


def map_section(
    results: Mapping[str, Result],
    compared: Sequence[str],
    *,
    names: Mapping[str, str],
    styles: Mapping[str, Mapping[str, str]],
    year: int,
    source: str,
    big: bool,
) -> None:
    """One map (a choice of alternative when several are compared) and, beside it, the distance bands.

    One map, not one per alternative: two maps side by side are unreadable on a phone,
    and each figure costs the browser time on every slider move.
    """
    mapped = [a for a in compared if a != KEEP_ALL] or [KEEP_ALL]
    if st.session_state.get("w.map_alt") not in mapped:
        st.session_state["w.map_alt"] = mapped[0]
    alt = mapped[0]
    if len(mapped) > 1:
        alt = st.radio(t("map.pick"), mapped, key="w.map_alt", format_func=lambda a: safe.md(names[a]), horizontal=True)
    m = measure_map(results[alt], results[KEEP_ALL], data.dataset(), year)
    labels = {
        **{k: t(f"map.{k}") for k in ("area", "school_open", "school_closed", "school_receiving", "school_full")},
        "flow": t("map.flow"),
        "flow_moved": t("map.flow_moved"),
        "base": t("map.base"),
    }
    traces, layout = school_map(
        m,
        colour=styles[alt]["color"],
        labels=labels,
        pupils=lambda p: f"{fmt.number(p)} {t('unit.pupils')}",
        km=fmt.km,
        big=big,
    )
    # Beside the map where the page is wide enough for both (the projector's full width);
    # under it beside the sliders, where half the column would make the map too small to read.
    drawn, beside = st.columns([3, 2], gap="medium") if big else (st.container(), st.container())
    with drawn:
        title = t("map.title", name=names[alt], year=year)
        # Wrapped to a phone's width: the line stands where the title's margin leaves room for two or three.
        source = "\n".join(textwrap.wrap(source, 60, break_long_words=False))
        fig = charts.figure(traces, title=title, source=source, big=big, height=560, layout=layout)
        # The source line under the title, in the room of the title's margin.
        spec = fig.to_dict()["layout"]
        spec["annotations"][0].update({"y": 1.0, "yanchor": "bottom", "yshift": 6})
        # A long alternative's name on more lines: a phone shows about 34 characters of a title.
        lines = textwrap.wrap(title, 34)
        spec["margin"]["t"] += (26 if big else 22) * max(0, len(lines) - 2)  # the source line stays under it
        spec["title"].update(
            text="<br>".join(safe.plot(line) for line in lines),
            y=1.0,
            yref="container",
            yanchor="top",
            pad={"t": charts.title_pad(len(lines), spec["title"]["font"]["size"], top=12)},
        )
        show(fig, "g.map")
    with beside:
        bands = travel_bands({a: results[a] for a in compared}, year)
        notes = (
            t("map.bands.help"),
            t("map.note") + " " + t("map.shapes.cells" if m.shapes.derived else "map.shapes.given"),
        )
        # The map's key first: directly under the map on a phone, at the top beside it on a projector.
        key = legend_html(m, colour=styles[alt]["color"], labels=labels)
        st.html(key + bands_html(bands, names, title=t("map.bands.title", year=year), notes=notes))


def bands_table(bands: TravelBands, names: Mapping[str, str]) -> pd.DataFrame:
    """The distance bands as text, Swedish numbers: a row per band, the threshold last; a column per alternative."""
    rows = {f"{band} km": [fmt.number(v) for v in bands.pupils.loc[band]] for band in bands.bands}
    rows[t("map.bands.over")] = [
        fmt.number(v) + ("" if a == KEEP_ALL else f" ({signed(bands.over_diff[a], fmt.number, prose=True, even='±')})")
        for a, v in bands.over_threshold.items()
    ]
    table = pd.DataFrame(rows, index=[names[a] for a in bands.pupils.columns]).T
    table.index.name = t("map.bands.distance")
    return table


def bands_html(bands: TravelBands, names: Mapping[str, str], *, title: str, notes: Sequence[str]) -> str:
    """The distance bands beside the map as one HTML block: the title, the table, its notes under it.

    One element rather than a heading, a table and a caption: every element re-sent on a move of the
    map's year slider costs the browser time, and Streamlit's table with its heading and caption took
    ≈ 40 ms of each move (DESIGN.md §7; benchmarks/README.md). The notes are shown, not hidden in a
    tooltip that a phone cannot open. Names come from the dataset: pandas escapes the table's cells
    and headers, and every other text is escaped here.
    """
    table = bands_table(bands, names).reset_index().to_html(index=False, border=0, classes="vv-bands", escape=True)
    return (
        f'<div class="vv-bands-block"><div class="vv-bands-title">{safe.html(title)}</div>{table}'
        + "".join(f'<p class="vv-note">{safe.html(note)}</p>' for note in notes)
        + "</div>"
    )
