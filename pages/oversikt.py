"""Översikt — "Vad händer om vi inte agerar?": the chosen scenario with every school kept."""

import textwrap

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.change import relative_change
from engine.measures.population import AGE_GROUPS, age_group_label, population_by_age_group
from ui import charts, data, frame, session
from ui.frame import how, show
from ui.i18n import t

frame.open_page()

view = session.view()
session.commit(view)  # this page has no widgets of its own; the sidebar's choices are the view

ds = data.dataset()
scenario = data.scenario(view)
result = data.baseline(view)
years = result.years
params = result.parameters
first, last = int(years["year"].iloc[0]), int(years["year"].iloc[-1])
styles = charts.style(list(data.alternatives()))
keep_name = t("word.keep_all")
src = frame.source(view)
big = view.present
ages = population_by_age_group(result.population, result.base_year)
age_names = {age_group_label(g): t("ov.age.group", group=age_group_label(g)) for g in AGE_GROUPS}


def start(column: str) -> float:
    return float(years[column].iloc[0])


def end(column: str) -> float:
    return float(years[column].iloc[-1])


def signed(value: float, formatter) -> str:
    """ASCII sign first, so st.metric points its arrow the right way."""
    return ("+" if value >= 0 else "-") + formatter(abs(value))


def since(change: float, formatter=lambda v: fmt.percent(v, 0)) -> str:
    return t("kpi.since", change=signed(change, formatter), year=first)


def figure(traces: list[dict], title: str, *, y_title: str = "", share: float = 1.0, layout: dict | None = None):
    """charts.figure for a chart ``share`` of the page wide: the source line wrapped, year ticks spaced to fit."""
    source, extra = src, {}
    if not big and share < 1:
        lines = textwrap.wrap(src, int(160 * share), break_long_words=False)
        source = "<br>".join(lines)
        extra["margin"] = {"b": 70 + 14 * (len(lines) - 1)}
        per_tick = len(years) * (1.0 if share >= 0.5 else 2.5)
        extra["xaxis"] = {"dtick": 1 if per_tick <= 11 else (2 if per_tick <= 28 else 5)}
    extra.setdefault("xaxis", {})["range"] = [first - 0.4, last + 0.4]
    extra["yaxis"] = {"tickformat": ",.0f"}  # 12 000, not 12k
    for key, value in (layout or {}).items():
        extra[key] = {**extra.get(key, {}), **value} if isinstance(value, dict) else value
    fig = charts.figure(traces, title=title, source=source, y_title=y_title, big=big, layout=extra)
    return fig


def keep_all_line(column: str, title: str, key: str, *, y_title: str = "", share: float = 1.0, **kwargs) -> None:
    traces = charts.lines({KEEP_ALL: years}, column=column, names={KEEP_ALL: keep_name}, styles=styles, **kwargs)
    show(figure(traces, title, y_title=y_title, share=share), key)


def row(n: int) -> list:
    """n columns side by side, or n full-width rows in presentation mode (one chart per row)."""
    return [st.container() for _ in range(n)] if big else st.columns(n)


st.title(t("ov.title"))
st.markdown(t("ov.intro", scenario=scenario.name, keep_all=keep_name))

# --- the answer first: what a politician would say aloud ------------------------------
old = age_group_label(AGE_GROUPS[-1])
pupils_change = relative_change(start("pupils"), end("pupils"))
cpp_change = relative_change(start("cost_per_pupil_sek"), end("cost_per_pupil_sek"))
old_change = relative_change(float(ages[old].iloc[0]), float(ages[old].iloc[-1]))
combined_points = end("combined_grade_share") - start("combined_grade_share")
metrics = [
    (t("ov.kpi.pupils", year=last), fmt.number(end("pupils")), since(pupils_change), "off"),
    (t("kpi.cost_per_pupil", year=last), fmt.kr(end("cost_per_pupil_sek")), since(cpp_change), "inverse"),
    (t("ov.kpi.old", year=last), fmt.number(float(ages[old].iloc[-1])), since(old_change), "off"),
    (
        t("ov.kpi.combined", year=last),
        fmt.percent(end("combined_grade_share"), 0),
        since(combined_points, lambda v: t("unit.points", value=fmt.number(100 * v, 0))),
        "inverse",
    ),
]
grid = frame.number_grid(big)
for col, (label, value, delta, colour) in zip(grid, metrics, strict=True):
    col.metric(label, value, delta, delta_color=colour)


def verb(change: float) -> str:
    return t("word.rises") if change > 0 else t("word.falls")


def in_words(change: float) -> str:
    """A change in prose: '+12 %', '−27 %' (a true minus sign)."""
    return ("+" if change >= 0 else "−") + fmt.percent(abs(change), 0)


summary = [
    t(
        "ov.summary.pupils",
        verb=verb(pupils_change),
        first=first,
        last=last,
        p0=fmt.number(start("pupils")),
        p1=fmt.number(end("pupils")),
        change=in_words(pupils_change),
    ),
    t(
        "ov.summary.cost",
        verb=verb(cpp_change),
        c0=fmt.kr(start("cost_per_pupil_sek")),
        c1=fmt.kr(end("cost_per_pupil_sek")),
        change=in_words(cpp_change),
    ),
    t(
        "ov.summary.quality",
        m0=fmt.percent(start("combined_grade_share"), 0),
        m1=fmt.percent(end("combined_grade_share"), 0),
        f0=fmt.number(start("fragile_teams")),
        f1=fmt.number(end("fragile_teams")),
        schools=fmt.number(end("schools_open")),
        first=first,
        last=last,
    ),
    t(
        "ov.summary.old",
        verb=verb(old_change),
        o0=fmt.number(float(ages[old].iloc[0])),
        o1=fmt.number(float(ages[old].iloc[-1])),
        change=in_words(old_change),
    ),
]
if cpp_change > 0 and pupils_change < 0:
    summary.insert(2, t("ov.summary.cost_reason"))
st.markdown(" ".join(summary))
st.info(t("ov.next"), icon=":material/alt_route:")

# --- one part at a time: the browser draws two or three charts, not seven -----------
sections = {
    "schools": t("ov.section.schools"),
    "population": t("ov.section.population"),
    "quality": t("ov.section.quality"),
    "table": t("ov.table"),
}
frame.session_seed("w.ov_section", "schools")
section = (
    st.segmented_control(
        t("compare.section"), list(sections), key="w.ov_section", format_func=sections.get, label_visibility="collapsed"
    )
    or "schools"
)
groups = [age_group_label(g) for g in AGE_GROUPS]
if section == "schools":
    left, right = row(2)
    with left:
        pupils_trace = charts.lines({KEEP_ALL: years}, column="pupils", names={KEEP_ALL: keep_name}, styles=styles)
        pupils_trace[0]["name"] = t("measure.pupils")
        capacity_trace = {
            "type": "scatter",
            "x": years["year"].tolist(),
            "y": years["capacity"].tolist(),
            "name": t("ov.series.capacity"),
            "mode": "lines",
            "line": {"color": "#000000", "dash": "dot", "width": 2},
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('ov.series.capacity')}</extra>",
        }
        show(
            figure([*pupils_trace, capacity_trace], t("ov.chart.pupils"), y_title=t("unit.pupils"), share=0.5),
            "ov.pupils",
        )
        how(t("explain.pupils", first=first))
    with right:
        keep_all_line("cost_per_pupil_sek", t("measure.cost_per_pupil_sek"), "ov.cpp", y_title="kr", share=0.5)
        how(
            t("explain.cost_per_pupil_sek"),
            frame.cost_explanation(params),
        )

elif section == "population":
    left, right = row(2)
    with left:
        traces = [
            {
                "type": "scatter",
                "x": ages["year"].tolist(),
                "y": ages[g].tolist(),
                "name": age_names[g],
                "mode": "lines",
                "stackgroup": "ages",
                "line": {"color": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)], "width": 1},
                "fillcolor": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)],
                "fillpattern": {
                    "shape": ("", "/", ".", "", "x", "\\")[i % 6],
                    "bgcolor": charts.SERIES_COLOURS[i % len(charts.SERIES_COLOURS)],
                    "fgcolor": "rgba(255,255,255,0.55)",
                    "fillmode": "overlay",
                },
                "hovertemplate": f"%{{y:,.0f}}<extra>{age_names[g]}</extra>",
            }
            for i, g in enumerate(groups)
        ]
        show(
            figure(traces, t("ov.chart.ages"), y_title=t("unit.persons"), share=0.5, layout={"hovermode": "x unified"}),
            "ov.ages",
        )
        how(
            t(
                "explain.population",
                scenario=scenario.name,
                tfr=fmt.number(scenario.tfr, 2),
                migration=fmt.number(scenario.net_migration_per_1000, 1),
                mortality=in_words(scenario.mortality_change) if scenario.mortality_change else fmt.percent(0, 0),
                first=first,
                last=last,
            )
        )
    with right:
        change = pd.DataFrame({"year": ages["year"], **{g: ages[g] / float(ages[g].iloc[0]) - 1 for g in groups}})
        traces = [
            {
                "type": "scatter",
                "x": change["year"].tolist(),
                "y": (100 * change[g]).tolist(),
                "name": age_names[g],
                **charts.series_style(i),
                "hovertemplate": f"%{{y:+,.0f}} %<extra>{age_names[g]}</extra>",
            }
            for i, g in enumerate(groups)
        ]
        show(
            figure(
                traces,
                t("ov.chart.age_change", first=first),
                y_title="%",
                share=0.5,
                layout={"yaxis": {"rangemode": "normal", "zeroline": True, "zerolinecolor": "#999"}},
            ),
            "ov.age_change",
        )
        how(t("explain.age_change", first=first))

elif section == "quality":
    st.caption(t("ov.quality.intro"))
    classes_text = t(
        "explain.classes",
        max_class=params.max_class_size,
        max_grades=params.max_grades_per_class,
        per_class=fmt.number(params.teachers_per_class, 1),
        per_teacher=fmt.number(params.pupils_per_teacher, 1),
    )
    size_col, combined_col, fragile_col = row(3)
    with size_col:
        keep_all_line(
            "mean_class_size",
            t("measure.mean_class_size"),
            "ov.size",
            y_title=t("unit.pupils"),
            hover_format=",.1f",
            share=0.33,
        )
        how(classes_text)
    with combined_col:
        keep_all_line(
            "combined_grade_share",
            t("measure.combined_grade_share"),
            "ov.combined",
            y_title="%",
            percent=True,
            share=0.33,
        )
        how(classes_text)
    with fragile_col:
        keep_all_line(
            "fragile_teams", t("measure.fragile_teams"), "ov.fragile", y_title=t("ov.unit.schools"), share=0.33
        )
        how(
            t(
                "explain.fragile",
                min_team=fmt.number(
                    params.min_team_teachers, 0 if params.min_team_teachers == int(params.min_team_teachers) else 1
                ),
                per_class=fmt.number(params.teachers_per_class, 1),
                per_teacher=fmt.number(params.pupils_per_teacher, 1),
            )
        )

else:
    table = pd.DataFrame({t("measure.year"): years["year"].astype(int)})
    for group in groups:
        table[age_names[group]] = ages[group].round(0)
    table[t("measure.population")] = years["population"].round(0)
    table[t("measure.pupils")] = years["pupils"].round(0)
    table[t("ov.series.capacity")] = years["capacity"].round(0)
    table[f"{t('measure.cost_sek')} (mnkr)"] = (years["cost_sek"] / 1e6).round(1)
    table[f"{t('measure.cost_per_pupil_sek')} (kr)"] = years["cost_per_pupil_sek"].round(-2)
    table[t("measure.mean_class_size")] = years["mean_class_size"].round(1)
    table[f"{t('measure.combined_grade_share')} (%)"] = (100 * years["combined_grade_share"]).round(0)
    table[t("measure.teachers_fte")] = years["teachers_fte"].round(1)
    table[t("measure.fragile_teams")] = years["fragile_teams"].astype(int)
    st.dataframe(table, width="stretch", hide_index=True)
    frame.download_table(table, f"om-vi-inte-agerar-{scenario.id}", "ov.table")
frame.close_page()
