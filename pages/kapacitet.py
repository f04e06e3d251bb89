"""Kapacitet — how much room the services have, and where, if we keep everything as it is.

One section per service. Schools (grundskola) are modelled today; preschool, elderly
care and leisure and culture facilities get their own section function here when the
engine models them (a later issue) — until then the page says so, with no invented data.
"""

import textwrap
from collections.abc import Callable

import pandas as pd
import streamlit as st

from engine import formatting as fmt
from engine.model_types import SERVICES
from engine.views import capacity_by_year, lowest_utilisation, school_capacity
from ui import charts, data, frame, session
from ui.i18n import t

PUPILS_COLOUR = "#0072B2"
EMPTY_COLOUR = "#E69F00"
CAPACITY_COLOUR = "#6E6E6E"
FRAGILE_MARK = "⚠"

view = session.view()
session.commit(view)  # the page's only widget (the year) is a detail of the view, not part of the link

ds = data.dataset()
scenario = data.scenario(view)
big = view.present
src = frame.source(view)


def signed(value: float, formatter) -> str:
    """ASCII sign first, so st.metric points its arrow the right way."""
    return ("+" if value >= 0 else "-") + formatter(abs(value))


def figure(traces: list[dict], title: str, *, x_title: str = "", share: float = 1.0, height: int = 380, layout=None):
    """A chart ``share`` of the page wide, with its source line wrapped to fit."""
    source, extra = src, dict(layout or {})
    if not big and share < 1:
        lines = textwrap.wrap(src, int(120 * share), break_long_words=False)  # names take the left margin
        source = "<br>".join(lines)
        extra["margin"] = {"b": 70 + 14 * (len(lines) - 1)}
    fig = charts.figure(traces, title=title, source=source, big=big, height=height, layout=extra)
    if source != src:
        fig.layout.annotations[0].align = "left"  # a wrapped source line reads from the left edge
    return fig


def school_axes(x_title: str) -> dict:
    """Layout for horizontal bars with one school per row (names readable, lowest utilisation on top)."""
    return {
        "hovermode": "closest",
        "xaxis": {
            "dtick": None,
            "title": {"text": x_title},
            "showgrid": True,
            "gridcolor": "#e5e5e5",
            "tickformat": ",.0f",
        },
        "yaxis": {"autorange": "reversed", "rangemode": "normal", "title": {"text": ""}, "automargin": True},
    }


def school_height(n: int) -> int:
    return max(380, 170 + 46 * n)


def show(fig, key: str) -> None:
    st.plotly_chart(fig, width="stretch", config=charts.PLOTLY_CONFIG, key=key)


def row(n: int) -> list:
    """n columns side by side, or n full-width rows in presentation mode (one chart per row)."""
    return [st.container() for _ in range(n)] if big else st.columns(n)


def teachers(value: float) -> str:
    return fmt.number(value, 0 if float(value).is_integer() else 1)


def m2(value: float) -> str:
    return f"{fmt.number(value)}\u00a0m²"


def schools_section() -> None:
    result = data.baseline(view)
    params = result.parameters
    table = school_capacity(result.units, result.schools)
    per_year = capacity_by_year(table)
    first, last = int(per_year["year"].iloc[0]), int(per_year["year"].iloc[-1])
    start, end = per_year.iloc[0], per_year.iloc[-1]

    # --- the answer first ------------------------------------------------------------
    lowest = lowest_utilisation(table, last)

    def since(change: float, formatter) -> str:
        return t("kpi.since", change=signed(change, formatter), year=first)

    def points(share: float) -> str:
        return t("unit.points", value=fmt.number(100 * share, 0))

    grid = [c for _ in range(2) for c in st.columns(2)] if big else st.columns(4)
    grid[0].metric(
        t("cap.kpi.empty", year=last),
        fmt.number(end["empty_places"]),
        since(end["empty_places"] - start["empty_places"], fmt.number),
        delta_color="inverse",
        help=t("cap.kpi.empty.help"),
    )
    grid[1].metric(
        t("cap.kpi.utilisation", year=last),
        fmt.percent(end["utilisation"], 0),
        since(end["utilisation"] - start["utilisation"], points),
        help=t("cap.kpi.utilisation.help"),
    )
    if lowest is not None:
        grid[2].metric(
            t("cap.kpi.lowest", year=last),
            fmt.percent(lowest["utilisation"], 0),
            lowest["name"],
            help=t(
                "cap.kpi.lowest.help",
                name=lowest["name"],
                pupils=fmt.number(lowest["pupils"]),
                capacity=fmt.number(lowest["capacity"]),
            ),
            delta_color="off",
            delta_arrow="off",
        )
    grid[3].metric(
        t("cap.kpi.unused", year=last),
        t("cap.per_year", value=fmt.mnkr(end["unused_premises_cost_sek"])),
        since(end["unused_premises_cost_sek"] - start["unused_premises_cost_sek"], fmt.mnkr),
        delta_color="inverse",
        help=t("cap.kpi.unused.help", area=m2(end["unused_floor_m2"])),
    )
    last_rows = table[(table["year"] == last) & table["open"]]
    st.markdown(
        t(
            "cap.summary",
            year=last,
            capacity=fmt.number(end["capacity"]),
            pupils=fmt.number(end["pupils"]),
            empty=fmt.number(end["empty_places"]),
            share=fmt.percent(1 - end["utilisation"], 0),
            area=m2(end["unused_floor_m2"]),
            cost=fmt.mnkr(end["unused_premises_cost_sek"]),
            fragile=fmt.number(int(last_rows["fragile_team"].sum())),
            schools=fmt.number(len(last_rows)),
            first=first,
            empty0=fmt.number(start["empty_places"]),
        )
    )

    # --- the whole municipality over the years ---------------------------------------
    st.subheader(t("cap.section.trend"))
    years = per_year["year"].tolist()
    traces = [
        {
            "type": "scatter",
            "x": years,
            "y": per_year["pupils"].tolist(),
            "name": t("measure.pupils"),
            "mode": "lines",
            "stackgroup": "places",
            "line": {"color": PUPILS_COLOUR, "width": 2},
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('measure.pupils')}</extra>",
        },
        {
            "type": "scatter",
            "x": years,
            "y": per_year["empty_places"].tolist(),
            "name": t("cap.series.empty"),
            "mode": "lines",
            "stackgroup": "places",
            "line": {"color": EMPTY_COLOUR, "width": 2},
            "fillpattern": {"shape": "/", "fgcolor": "#8a5f00"},
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('cap.series.empty')}</extra>",
        },
        {
            "type": "scatter",
            "x": years,
            "y": per_year["capacity"].tolist(),
            "name": t("cap.series.capacity"),
            "mode": "lines",
            "line": {"color": "#000000", "dash": "dot", "width": 2},
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('cap.series.capacity')}</extra>",
        },
    ]
    show(
        charts.figure(
            traces,
            title=t("cap.chart.trend", first=first, last=last),
            source=src,
            y_title=t("cap.unit.places"),
            big=big,
            layout={"xaxis": {"range": [first - 0.4, last + 0.4]}, "yaxis": {"tickformat": ",.0f"}},
        ),
        "cap.trend",
    )
    with st.expander(t("how")):
        st.markdown(t("explain.capacity"))

    # --- school by school in a chosen year ---------------------------------------------
    st.subheader(t("cap.section.schools"))
    if st.session_state.get("w.cap_year") not in years:
        st.session_state["w.cap_year"] = last  # e.g. after the horizon was shortened
    year = st.select_slider(t("cap.year"), options=years, key="w.cap_year", help=t("cap.year.help"))
    rows = table[(table["year"] == year) & table["open"]].sort_values("utilisation")
    labels = [f"{n} {FRAGILE_MARK}" if f else n for n, f in zip(rows["name"], rows["fragile_team"], strict=True)]
    traces = [
        {
            "type": "bar",
            "orientation": "h",
            "name": t("cap.series.capacity"),
            "y": labels,
            "x": rows["capacity"].tolist(),
            "marker": {"color": "#D9D9D9", "line": {"color": CAPACITY_COLOUR, "width": 1.5}},
            "hovertemplate": f"%{{x:,.0f}}<extra>{t('cap.series.capacity')}</extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "name": t("measure.pupils"),
            "y": labels,
            "x": rows["pupils"].round(0).tolist(),
            "marker": {"color": PUPILS_COLOUR},
            "text": [fmt.percent(u, 0) for u in rows["utilisation"]],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": f"%{{x:,.0f}} · %{{text}}<extra>{t('measure.pupils')}</extra>",
        },
    ]
    show(
        figure(
            traces,
            t("cap.chart.schools", year=year),
            height=school_height(len(rows)),
            layout={**school_axes(t("cap.unit.places")), "barmode": "group"},
        ),
        "cap.schools",
    )
    st.caption(t("cap.schools.legend", mark=FRAGILE_MARK, min_team=teachers(params.min_team_teachers)))
    with st.expander(t("how")):
        st.markdown(t("explain.capacity"))
        st.markdown(
            t(
                "explain.fragile",
                min_team=teachers(params.min_team_teachers),
                per_class=fmt.number(params.teachers_per_class, 1),
                per_teacher=fmt.number(params.pupils_per_teacher, 1),
            )
        )

    premises_col, cost_col = row(2)
    with premises_col:
        traces = [
            {
                "type": "bar",
                "orientation": "h",
                "name": t("cap.series.used_floor"),
                "y": labels,
                "x": (rows["floor_area_m2"] - rows["unused_floor_m2"]).round(0).tolist(),
                "marker": {"color": PUPILS_COLOUR},
                "hovertemplate": f"%{{x:,.0f}} m²<extra>{t('cap.series.used_floor')}</extra>",
            },
            {
                "type": "bar",
                "orientation": "h",
                "name": t("cap.series.unused_floor"),
                "y": labels,
                "x": rows["unused_floor_m2"].round(0).tolist(),
                "marker": {
                    "color": EMPTY_COLOUR,
                    "pattern": {"shape": "/", "fillmode": "overlay", "fgcolor": "#8a5f00"},
                },
                "customdata": [fmt.kr(c) for c in rows["unused_premises_cost_sek"]],
                "hovertemplate": f"%{{x:,.0f}} m² · %{{customdata}}<extra>{t('cap.series.unused_floor')}</extra>",
            },
        ]
        show(
            figure(
                traces,
                t("cap.chart.premises", year=year),
                share=0.5,
                height=school_height(len(rows)),
                layout={**school_axes("m²"), "barmode": "stack"},
            ),
            "cap.premises",
        )
        with st.expander(t("how")):
            st.markdown(t("explain.unused"))
    with cost_col:
        average = float(rows["cost_sek"].sum() / rows["pupils"].sum()) if rows["pupils"].sum() > 0 else float("nan")
        traces = [
            {
                "type": "bar",
                "orientation": "h",
                "name": t("measure.cost_per_pupil_sek"),
                "y": labels,
                "x": rows["cost_per_pupil_sek"].round(0).tolist(),
                "marker": {"color": PUPILS_COLOUR},
                "hovertemplate": f"%{{x:,.0f}} kr<extra>{t('measure.cost_per_pupil_sek')}</extra>",
            },
            {
                "type": "scatter",
                "name": t("cap.series.average", value=fmt.kr(average)),
                "y": labels,
                "x": [average] * len(labels),
                "mode": "lines",
                "line": {"color": "#000000", "dash": "dash", "width": 2},
                "hoverinfo": "skip",
            },
        ]
        show(
            figure(
                traces,
                t("cap.chart.cost_per_pupil", year=year),
                share=0.5,
                height=school_height(len(rows)),
                layout=school_axes("kr"),
            ),
            "cap.cpp",
        )
        with st.expander(t("how")):
            st.markdown(t("explain.cost_per_pupil_school"))
            st.markdown(
                t(
                    "explain.cost_sek",
                    teacher_cost=fmt.kr(params.teacher_cost_sek),
                    per_pupil=fmt.kr(params.cost_per_pupil_sek),
                    transport=fmt.kr(params.transport_cost_per_pupil_sek),
                    closed_share=fmt.percent(params.closed_premises_share, 0),
                    closed_years=params.closed_premises_years,
                )
            )

    # --- the table -----------------------------------------------------------------------
    st.subheader(t("cap.table", year=year))
    shown = pd.DataFrame(
        {
            t("measure.unit"): rows["name"],
            t("measure.pupils"): rows["pupils"].round(0),
            t("cap.series.capacity"): rows["capacity"].round(0),
            t("cap.col.utilisation"): (100 * rows["utilisation"]).round(0),
            t("cap.series.empty"): rows["empty_places"].round(0),
            t("cap.col.floor"): rows["floor_area_m2"].round(0),
            t("cap.col.unused_floor"): rows["unused_floor_m2"].round(0),
            t("cap.col.unused_cost"): rows["unused_premises_cost_sek"].round(-3),
            t("cap.col.cost_per_pupil"): rows["cost_per_pupil_sek"].round(-2),
            t("measure.classes"): rows["classes"],
            t("measure.teachers_fte"): rows["teachers_fte"].round(1),
            t("cap.col.fragile"): [t("word.yes") if f else t("word.no") for f in rows["fragile_team"]],
        }
    )
    st.dataframe(shown, width="stretch", hide_index=True)
    frame.download_table(shown, f"kapacitet-skolor-{year}", "cap.table")


def later_services(services: list[str]) -> None:
    """Services the engine does not model yet: say so and count the units the data already has (no invented data)."""
    listed = ", ".join(
        t("cap.other.unit", service=t(f"service.{s}"), n=fmt.number(int((ds.units["service"] == s).sum())))
        for s in services
    )
    st.info(t("cap.other.info", services=listed), icon=":material/construction:")


# One section per service, in the order of engine.model_types.SERVICES; the others follow when modelled.
SECTIONS: dict[str, Callable[[], None]] = {"grundskola": schools_section}

st.title(t("cap.title"))
st.markdown(t("cap.intro", scenario=scenario.name))
for service in SERVICES:
    if service in SECTIONS:
        st.header(t(f"service.{service}").capitalize())
        SECTIONS[service]()
later = [s for s in SERVICES if s not in SECTIONS]
if later:
    st.header(t("cap.section.other"))
    later_services(later)
