"""Översikt — "Vad händer om vi inte agerar?": the chosen scenario with every school kept."""

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.change import over_years, relative_to_first
from engine.measures.population import AGE_GROUPS, age_group_label, population_by_age_group
from ui import charts, data, frame, numbers, safe, session
from ui.frame import how, row, show, signed
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


def since(change: float, formatter=lambda v: fmt.percent(v, 0)) -> str:
    return t("kpi.since", change=signed(change, formatter), year=first)


def figure(traces: list[dict], title: str, *, y_title: str = "", share: float = 1.0, layout: dict | None = None):
    return charts.page_figure(
        traces, title, source=src, big=big, share=share, years=(first, last), y_title=y_title, layout=layout
    )


def keep_all_line(column: str, title: str, key: str, *, y_title: str = "", share: float = 1.0, **kwargs) -> None:
    traces = charts.lines({KEEP_ALL: years}, column=column, names={KEEP_ALL: keep_name}, styles=styles, **kwargs)
    show(figure(traces, title, y_title=y_title, share=share), key)


st.title(t("ov.title"))
st.markdown(t("ov.intro", scenario=safe.md(scenario.name), keep_all=keep_name))

# --- the answer first: what a politician would say aloud ------------------------------
pupils = over_years(years, "pupils")
cpp = over_years(years, "cost_per_pupil_sek")
old = over_years(ages, age_group_label(AGE_GROUPS[-1]))
combined = over_years(years, "combined_grade_share")
fragile = over_years(years, "fragile_teams")
metrics = [
    (t("ov.kpi.pupils", year=last), fmt.number(pupils.last), since(pupils.relative), "off"),
    (t("kpi.cost_per_pupil", year=last), fmt.kr(cpp.last), since(cpp.relative), "inverse"),
    (t("ov.kpi.old", year=last), fmt.number(old.last), since(old.relative), "off"),
    (
        t("ov.kpi.combined", year=last),
        fmt.percent(combined.last, 0),
        since(combined.difference, frame.points),
        "inverse",
    ),
]
grid = frame.number_grid(big)
for col, (label, value, delta, colour) in zip(grid, metrics, strict=True):
    numbers.metric(col, label, value, delta, delta_color=colour)


def verb(change: float) -> str:
    return t("word.rises") if change > 0 else t("word.falls")


def in_words(change: float) -> str:
    """A change in prose: '+12 %', '−27 %' (a true minus sign)."""
    return signed(change, lambda v: fmt.percent(v, 0), prose=True)


summary = [
    t(
        "ov.summary.pupils",
        verb=verb(pupils.relative),
        first=first,
        last=last,
        p0=fmt.number(pupils.first),
        p1=fmt.number(pupils.last),
        change=in_words(pupils.relative),
    ),
    t(
        "ov.summary.cost",
        verb=verb(cpp.relative),
        c0=fmt.kr(cpp.first),
        c1=fmt.kr(cpp.last),
        change=in_words(cpp.relative),
    ),
    t(
        "ov.summary.quality",
        m0=fmt.percent(combined.first, 0),
        m1=fmt.percent(combined.last, 0),
        f0=fmt.number(fragile.first),
        f1=fmt.number(fragile.last),
        schools=fmt.number(over_years(years, "schools_open").last),
        first=first,
        last=last,
    ),
    t(
        "ov.summary.old",
        verb=verb(old.relative),
        o0=fmt.number(old.first),
        o1=fmt.number(old.last),
        change=in_words(old.relative),
    ),
]
if cpp.relative > 0 and pupils.relative < 0:
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
session.choice("tab", "w.ov_section", list(sections), "schools")
section = (
    st.segmented_control(
        t("compare.section"), list(sections), key="w.ov_section", format_func=sections.get, label_visibility="collapsed"
    )
    or "schools"
)
session.commit_choices(tab=(section, "schools"))  # the link reopens this part
groups = [age_group_label(g) for g in AGE_GROUPS]
if section == "schools":
    left, right = row(2, big)
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
    left, right = row(2, big)
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
                scenario=safe.md(scenario.name),
                tfr=fmt.number(scenario.tfr, 2),
                migration=fmt.number(scenario.net_migration_per_1000, 1),
                mortality=in_words(scenario.mortality_change) if scenario.mortality_change else fmt.percent(0, 0),
                first=first,
                last=last,
            )
        )
    with right:
        change = relative_to_first(ages, groups)
        traces = [
            {
                "type": "scatter",
                "x": change["year"].tolist(),
                "y": fmt.in_percent(change[g]).tolist(),
                "name": age_names[g],
                **charts.series_style(i),
                "customdata": charts.hover_numbers(fmt.in_percent(change[g]), ",.0f", " %", signed=True),
                "hovertemplate": f"%{{customdata}}<extra>{age_names[g]}</extra>",
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
    size_col, combined_col, fragile_col = row(3, big)
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
    table[f"{t('measure.cost_sek')} (mnkr)"] = fmt.in_mnkr(years["cost_sek"]).round(1)
    table[f"{t('measure.cost_per_pupil_sek')} (kr)"] = years["cost_per_pupil_sek"].round(-2)
    table[t("measure.mean_class_size")] = years["mean_class_size"].round(1)
    table[f"{t('measure.combined_grade_share')} (%)"] = fmt.in_percent(years["combined_grade_share"]).round(0)
    table[t("measure.teachers_fte")] = years["teachers_fte"].round(1)
    table[t("measure.fragile_teams")] = years["fragile_teams"].astype(int)
    one_decimal = [
        f"{t('measure.cost_sek')} (mnkr)",
        t("measure.mean_class_size"),
        t("measure.teachers_fte"),
    ]
    numbers.table(table, {name: (lambda v: fmt.number(v, 1)) for name in one_decimal}, years=[t("measure.year")])
    frame.download_table(table, f"om-vi-inte-agerar-{scenario.id}", "ov.table")
frame.close_page()
