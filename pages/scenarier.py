"""Scenarier — three possible demographic futures side by side, each with its assumptions on sliders."""

import math

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.scenario_fields import SCENARIO_FIELDS as FIELDS
from engine.core.scenario_fields import slider_span
from engine.measures.change import over_years
from engine.measures.population import (
    MAX_AGE,
    SCHOOL_AGES,
    persons_by_area,
    persons_change_by_area,
    population_by_age_group,
)
from ui import charts, data, frame, numbers, safe, session
from ui.i18n import t, tree_text
from ui.state import SCENARIO_FIELDS

frame.open_page()

# Colours, line patterns and bar patterns per scenario, by position (bas, stress, stabilisering).
SCENARIO_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
SCENARIO_DASHES = ("solid", "dash", "dot", "dashdot", "longdash", "longdashdot")
SCENARIO_SYMBOLS = ("circle", "square", "diamond", "triangle-up", "star", "hexagon")
BASE_YEAR_COLOUR = "#BDBDBD"
MAX_AREAS_IN_CHART = 30

# How each assumption is shown on its slider (label, range, step, decimals, per cent): the engine's
# scenario-field tree, whose range the validator and the link's parser read too.
SLIDERS = {spec.name: spec for spec in FIELDS}

view = session.view()
ds = data.dataset()
ids = list(ds.scenarios)
colour = {sid: SCENARIO_COLOURS[i % len(SCENARIO_COLOURS)] for i, sid in enumerate(ids)}
big = view.present


def shown(fname: str, value: float) -> float:
    """A stored value as its slider shows it (a share in per cent)."""
    spec = SLIDERS[fname]
    return round(value * (100.0 if spec.percent else 1.0), spec.decimals)


def stored(fname: str, value: float) -> float:
    spec = SLIDERS[fname]
    return round(value / 100.0, spec.decimals + 2) if spec.percent else round(value, spec.decimals)


def explanation(fname: str, value: float) -> str:
    """The slider's help: what the assumption means, and the scenario's own value."""
    return f"{tree_text(SLIDERS[fname], 'description')} {t('param.default', value=frame.assumption(fname, value))}."


def reset(sid: str) -> None:
    for fname in SCENARIO_FIELDS:
        st.session_state[f"w.{sid}.{fname}"] = shown(fname, getattr(ds.scenarios[sid], fname))


def use(sid: str) -> None:
    st.session_state["w.scenario"] = sid  # the sidebar's scenario picker


st.title(t("sc.title"))
st.info(t("sc.info"), icon=":material/lightbulb:")

# --- one block per scenario: its assumptions on sliders --------------------------------
blocks = [st.container(border=True) for _ in ids] if big else st.columns(len(ids), border=True)
answers = {}
changes: dict[str, dict[str, float]] = {}
for block, sid in zip(blocks, ids, strict=True):
    base = ds.scenarios[sid]
    with block:
        st.markdown(
            f"<div style='border-top: 8px solid {colour[sid]}; padding-top: 6px; font-weight: 700; "
            f"font-size: 1.2em; min-height: 2.6em'>{safe.html(base.name)}</div>",
            unsafe_allow_html=True,
        )
        if sid == view.scenario:
            st.caption(t("sc.chosen"))
        else:
            st.button(t("sc.use"), key=f"use.{sid}", on_click=use, args=(sid,), help=t("sc.use.help"))
        answers[sid] = st.container()  # filled with the answer once every slider is read
        if base.description:
            st.caption(safe.md(base.description))
        changed: dict[str, float] = {}
        for fname in SCENARIO_FIELDS:
            default = getattr(base, fname)
            current = view.scenario_changes.get(sid, {}).get(fname, default)
            key = f"w.{sid}.{fname}"
            frame.session_seed(key, shown(fname, current))
            lo, hi = slider_span(fname, default, current)  # reaches the dataset's and the link's value
            spec = SLIDERS[fname]
            options = numbers.steps(shown(fname, lo), shown(fname, hi), spec.step)
            st.session_state[key] = numbers.nearest(options, st.session_state[key])
            value = numbers.slider(
                st,
                tree_text(spec, "label"),
                options=options,
                key=key,
                decimals=spec.decimals,
                prefix_plus=spec.percent,
                help=explanation(fname, default),
            )
            value = stored(fname, value)
            if not math.isclose(value, default, abs_tol=1e-9):
                changed[fname] = value
        if changed:
            changes[sid] = changed
            st.caption(
                t("sc.changed")
                + " "
                + "; ".join(
                    f"{tree_text(SLIDERS[f], 'short')} {frame.assumption(f, getattr(base, f))} → {frame.assumption(f, v)}"
                    for f, v in changed.items()
                )
            )
        st.button(t("state.reset"), key=f"reset.{sid}", on_click=reset, args=(sid,), disabled=not changed)

view = view.with_(scenario_changes=changes)
session.commit(view)

# --- the answer: inhabitants and children of school age per scenario --------------------
results = {sid: data.baseline(view, sid) for sid in ids}
scenarios = {sid: data.scenario(view, sid) for sid in ids}
lo_age, hi_age = SCHOOL_AGES
first = results[ids[0]].base_year
last = first + view.years


def totals(sid: str) -> pd.DataFrame:
    """year, population (everybody), children (ages 6–15) for one scenario."""
    everybody = (0, MAX_AGE)
    table = population_by_age_group(results[sid].population, first, groups=(everybody, SCHOOL_AGES))
    return table.set_axis(["year", "population", "children"], axis=1)


series = {sid: totals(sid) for sid in ids}
# The charts show every scenario, so their source line names them all.
src = charts.source_line(t("source.line"), ds.name, ", ".join(scenarios[sid].name for sid in ids))


def since(change: float) -> str:
    return t("kpi.since", change=frame.signed(change, lambda v: fmt.percent(v, 0)), year=first)


for sid in ids:
    s = series[sid]
    with answers[sid]:
        left, right = (st.container(), st.container()) if not big else st.columns(2)
        population, children = over_years(s, "population"), over_years(s, "children")
        numbers.metric(
            left,
            t("sc.kpi.population", year=last),
            fmt.number(population.last),
            since(population.relative),
            delta_color="off",
        )
        numbers.metric(
            right,
            t("sc.kpi.children", year=last),
            fmt.number(children.last),
            since(children.relative),
            delta_color="off",
        )

st.header(t("sc.section.trend"))
traces = []
for i, sid in enumerate(ids):
    s = series[sid]
    name = scenarios[sid].name
    for column, axis in (("population", "y"), ("children", "y2")):
        traces.append(
            {
                "type": "scatter",
                "x": s["year"].tolist(),
                "y": s[column].tolist(),
                "yaxis": axis,
                "name": name,
                "legendgroup": sid,
                "showlegend": axis == "y",
                "mode": "lines+markers",
                "line": {"color": colour[sid], "dash": SCENARIO_DASHES[i % 6], "width": 3},
                "marker": {"symbol": SCENARIO_SYMBOLS[i % 6], "size": 7, "color": colour[sid]},
                "hovertemplate": f"%{{y:,.0f}}<extra>{name}</extra>",
            }
        )
axis_style = {"gridcolor": "#e5e5e5", "zeroline": False, "rangemode": "tozero", "tickformat": ",.0f"}
frame.show(
    charts.figure(
        traces,
        title=t("sc.chart.trend"),
        source=src,
        big=big,
        height=600,
        layout={
            "yaxis": {
                "domain": [0.56, 1.0],
                "title": {"text": t("measure.population")},
                "rangemode": "normal",
                "tickformat": ",.0f",
            },
            "yaxis2": {**axis_style, "domain": [0.0, 0.44], "anchor": "x", "title": {"text": t("sc.children")}},
            "xaxis": {"anchor": "y2"},
        },
    ),
    "sc.trend",
)
with st.expander(t("how")):
    st.markdown(t("explain.scenarios", first=first, last=last))
    for sid in ids:
        sc = scenarios[sid]
        st.markdown(
            "- "
            + t(
                "explain.scenario.values",
                name=safe.md(sc.name),
                tfr=frame.assumption("tfr", sc.tfr),
                migration=frame.assumption("net_migration_per_1000", sc.net_migration_per_1000),
                mortality=frame.assumption("mortality_change", sc.mortality_change),
            )
            + (f" *({t('sc.changed.short')})*" if sid in changes else "")
        )

# --- where the children live ---------------------------------------------------------------
st.header(t("sc.section.areas", first=first, last=last))
by_area = {
    sid: persons_change_by_area(persons_by_area(results[sid].population, ds.areas, first), first, last) for sid in ids
}
start_year = by_area[ids[0]]
area_table = pd.DataFrame({t("map.area"): start_year["name"], str(first): start_year["persons_first"].round(0)})
for sid in ids:
    area_table[f"{scenarios[sid].name} {last}"] = by_area[sid]["persons_last"].round(0)
    area_table[f"{scenarios[sid].name}: {t('sc.col.change')}"] = fmt.in_percent(by_area[sid]["change"]).round(0)
area_table = area_table.sort_values(str(first), ascending=False)

# A bar for the base year and one marker per scenario for the last year: today against each future.
shown_areas = area_table.head(MAX_AREAS_IN_CHART)
area_names = shown_areas[t("map.area")].tolist()
dot_traces = [
    {
        "type": "bar",
        "orientation": "h",
        "name": t("sc.series.base_year", year=first),
        "y": area_names,
        "x": shown_areas[str(first)].tolist(),
        "marker": {"color": BASE_YEAR_COLOUR},
        "width": 0.6,
        "hovertemplate": f"%{{x:,.0f}}<extra>{first}</extra>",
    }
]
for i, sid in enumerate(ids):
    column = f"{scenarios[sid].name} {last}"
    dot_traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": column,
            "y": area_names,
            "x": shown_areas[column].tolist(),
            "marker": {
                "color": colour[sid],
                "symbol": SCENARIO_SYMBOLS[i % 6],
                "size": 18 if big else 14,
                "line": {"color": "white", "width": 1.5},
            },
            "hovertemplate": f"%{{x:,.0f}}<extra>{column}</extra>",
        }
    )
frame.show(
    charts.figure(
        dot_traces,
        title=t("sc.chart.areas", first=first, last=last),
        source=src,
        big=big,
        height=max(420, 160 + 34 * len(shown_areas)),
        layout={
            "hovermode": "y unified",
            "xaxis": {
                "dtick": None,
                "title": {"text": t("sc.children")},
                "gridcolor": "#e5e5e5",
                "showgrid": True,
                "tickformat": ",.0f",
            },
            "yaxis": {"autorange": "reversed", "rangemode": "normal", "title": {"text": ""}},
        },
    ),
    "sc.areas",
)
if len(area_table) > MAX_AREAS_IN_CHART:
    st.caption(t("sc.areas.truncated", n=MAX_AREAS_IN_CHART, total=len(area_table)))
with st.expander(t("how")):
    st.markdown(t("explain.areas", lo=lo_age, hi=hi_age, first=first, last=last))
numbers.table(area_table)
frame.download_table(area_table, f"barn-{lo_age}-{hi_age}-per-omrade", "sc.areas")
frame.close_page()
