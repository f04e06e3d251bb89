"""Kapacitet — how much room the services have, and where, if we keep everything as it is.

First the opposite directions at a glance (utilisation of every service over the
years: schools and preschools empty while the need for care-home places grows), then
one section per service: grundskola, förskola, särskilt boende, fritid och kultur.
"""

import textwrap
from collections.abc import Callable

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import SERVICES
from engine.measures.change import relative_change
from engine.measures.municipality import care_home_balance, service_utilisation, unit_places
from engine.measures.schools import capacity_by_year, lowest_utilisation, school_capacity
from ui import charts, data, frame, session
from ui.frame import how, show
from ui.i18n import t

frame.open_page()

PUPILS_COLOUR = "#0072B2"
EMPTY_COLOUR = "#E69F00"
CAPACITY_COLOUR = "#6E6E6E"
FRAGILE_MARK = "⚠"

view = session.view()
session.commit(view)  # the page's only widget (the year) is a detail of the view, not part of the link

ds = data.dataset()
scenario = data.scenario(view)
result = data.baseline(view)
params = result.parameters
big = view.present
src = frame.source(view)


def average_line(labels: list[str], average: float) -> dict:
    """A dashed line at the municipality's average across horizontal bars, named with its value."""
    return {
        "type": "scatter",
        "name": t("cap.series.average", value=fmt.kr(average)),
        "y": labels,
        "x": [average] * len(labels),
        "mode": "lines",
        "line": {"color": "#000000", "dash": "dash", "width": 2},
        "hoverinfo": "skip",
    }


def places_traces(per_year, demand, demand_label: str, demand_colour: str) -> list[dict]:
    """Demand and empty places stacked up to the places, and the places as a dotted line."""
    years = per_year["year"].tolist()

    def area(values, name: str, colour: str, pattern: dict | None = None) -> dict:
        trace = {
            "type": "scatter",
            "x": years,
            "y": values.tolist(),
            "name": name,
            "mode": "lines",
            "stackgroup": "places",
            "line": {"color": colour, "width": 2},
            "hovertemplate": f"%{{y:,.0f}}<extra>{name}</extra>",
        }
        return trace | ({"fillpattern": pattern} if pattern else {})

    return [
        area(demand, demand_label, demand_colour),
        area(per_year["empty_places"], t("cap.series.empty"), EMPTY_COLOUR, {"shape": "/", "fgcolor": "#8a5f00"}),
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


def row(n: int) -> list:
    """n columns side by side, or n full-width rows in presentation mode (one chart per row)."""
    return [st.container() for _ in range(n)] if big else st.columns(n)


def teachers(value: float) -> str:
    return fmt.number(value, 0 if float(value).is_integer() else 1)


def m2(value: float) -> str:
    return f"{fmt.number(value)}\u00a0m²"


def schools_section() -> None:
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

    grid = frame.number_grid(big)
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
    traces = places_traces(per_year, per_year["pupils"], t("measure.pupils"), PUPILS_COLOUR)
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
            average_line(labels, average),
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
            st.markdown(frame.cost_explanation(params))

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


SERVICE_COLOURS = {"grundskola": "#0072B2", "forskola": "#56B4E9", "aldreboende": "#D55E00", "fritid_kultur": "#009E73"}
SERVICE_DASHES = {"grundskola": "solid", "forskola": "dash", "aldreboende": "solid", "fritid_kultur": "dot"}
SERVICE_SYMBOLS = {
    "grundskola": "circle",
    "forskola": "square",
    "aldreboende": "diamond",
    "fritid_kultur": "triangle-up",
}
SHORTAGE_COLOUR = "#D55E00"
has_usage = ds.facility_usage is not None and not ds.facility_usage.empty
service_years = result.services
all_years = sorted(int(y) for y in service_years["year"].unique())
first_year, last_year = all_years[0], all_years[-1]


def service_name(service: str) -> str:
    return t(f"cap.svc.{service}")


def points(share: float) -> str:
    return t("unit.points", value=fmt.number(100 * share, 0))


def since_first(change: float, formatter) -> str:
    return t("kpi.since", change=signed(change, formatter), year=first_year)


def pick_year(key: str) -> int:
    """A year slider for one section; it keeps a valid year when the horizon shrinks."""
    if st.session_state.get(key) not in all_years:
        st.session_state[key] = last_year
    return st.select_slider(t("cap.year"), options=all_years, key=key, help=t("cap.year.help"))


def unit_bars(rows: pd.DataFrame, *, user_label: str, capacity_label: str, colour: str = PUPILS_COLOUR) -> list[dict]:
    """Horizontal bars, one unit per row: capacity (grey) and users (coloured, labelled with utilisation)."""
    return [
        {
            "type": "bar",
            "orientation": "h",
            "name": capacity_label,
            "y": rows["name"].tolist(),
            "x": rows["capacity"].round(0).tolist(),
            "marker": {"color": "#D9D9D9", "line": {"color": CAPACITY_COLOUR, "width": 1.5}},
            "hovertemplate": f"%{{x:,.0f}}<extra>{capacity_label}</extra>",
        },
        {
            "type": "bar",
            "orientation": "h",
            "name": user_label,
            "y": rows["name"].tolist(),
            "x": rows["demand"].round(0).tolist(),
            "marker": {"color": colour},
            "text": [fmt.percent(u, 0) for u in rows["utilisation"]],
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": f"%{{x:,.0f}} · %{{text}}<extra>{user_label}</extra>",
        },
    ]


# --- the opposite directions at a glance --------------------------------------------------------


def directions_section() -> None:
    shown = service_utilisation(service_years, skip=() if has_usage else ("fritid_kultur",))
    services = list(dict.fromkeys(shown["service"]))
    ends = {
        s: (float(g["utilisation"].iloc[0]), float(g["utilisation"].iloc[-1]))
        for s, g in shown.groupby("service", sort=False)
    }
    st.caption(t("cap.dir.caption", year=last_year))
    grid = frame.number_grid(big, len(services))
    for col, service in zip(grid, services, strict=False):
        start, end = ends[service]
        col.metric(
            t("cap.dir.kpi", service=service_name(service), year=last_year),
            fmt.percent(end, 0),
            since_first(end - start, points),
            delta_color="inverse" if service == "aldreboende" else "normal",  # a fuller care home is the worry
            help=t(f"cap.dir.kpi.help.{service}"),
        )
    parts = []
    for service in ("grundskola", "forskola"):
        if service in ends:
            parts.append(
                t(
                    f"cap.dir.summary.{service}",
                    u0=fmt.percent(ends[service][0], 0),
                    u1=fmt.percent(ends[service][1], 0),
                )
            )
    if "aldreboende" in ends:
        st.markdown(
            t(
                "cap.dir.summary",
                children=t("cap.word.and").join(parts),
                first=first_year,
                last=last_year,
                c0=fmt.percent(ends["aldreboende"][0], 0),
                c1=fmt.percent(ends["aldreboende"][1], 0),
            )
        )
    traces = [
        {
            "type": "scatter",
            "x": g["year"].tolist(),
            "y": (100 * g["utilisation"]).tolist(),
            "name": service_name(service),
            "mode": "lines+markers",
            "line": {"color": SERVICE_COLOURS[service], "dash": SERVICE_DASHES[service], "width": 4},
            "marker": {"symbol": SERVICE_SYMBOLS[service], "size": 8, "color": SERVICE_COLOURS[service]},
            "hovertemplate": f"%{{y:,.0f}} %<extra>{service_name(service)}</extra>",
        }
        for service, g in shown.groupby("service", sort=False)
    ]
    show(
        charts.figure(
            traces,
            title=t("cap.dir.chart", first=first_year, last=last_year),
            source=src,
            y_title=t("cap.dir.axis"),
            big=big,
            height=420,
            layout={
                "xaxis": {"range": [first_year - 0.4, last_year + 0.4]},
                "yaxis": {"ticksuffix": " %", "rangemode": "tozero"},
                "shapes": [
                    {
                        "type": "line",
                        "xref": "paper",
                        "x0": 0,
                        "x1": 1,
                        "y0": 100,
                        "y1": 100,
                        "line": {"color": "#000000", "dash": "dash", "width": 2},
                    }
                ],
                "annotations": [
                    {
                        "text": t("cap.dir.full"),
                        "xref": "paper",
                        "x": 1,
                        "y": 100,
                        "xanchor": "right",
                        "yanchor": "bottom",
                        "showarrow": False,
                        "font": {"size": 13, "color": "#000"},
                    }
                ],
            },
        ),
        "cap.directions",
    )
    if not has_usage:
        st.caption(t("cap.dir.no_usage"))
    how(t("explain.cap.directions"))


# --- förskola ---------------------------------------------------------------------------------------


def preschool_section() -> None:
    per_year = service_years[service_years["service"] == "forskola"].reset_index(drop=True)
    units = unit_places(result.service_units, "forskola")
    if per_year.empty or units.empty:
        st.info(t("cap.none", service=t("service.forskola")))
        return
    start, end = per_year.iloc[0], per_year.iloc[-1]
    last_units = units[units["year"] == last_year]
    lowest = last_units.loc[last_units["utilisation"].idxmin()] if not last_units.empty else None
    grid = frame.number_grid(big)
    grid[0].metric(
        t("cap.pre.kpi.children", year=last_year),
        fmt.number(end["demand"]),
        since_first(end["demand"] - start["demand"], fmt.number),
        delta_color="off",
        help=t("cap.pre.kpi.children.help"),
    )
    grid[1].metric(
        t("cap.pre.kpi.empty", year=last_year),
        fmt.number(end["empty_places"]),
        since_first(end["empty_places"] - start["empty_places"], fmt.number),
        delta_color="inverse",
        help=t("cap.pre.kpi.empty.help"),
    )
    grid[2].metric(
        t("cap.pre.kpi.utilisation", year=last_year),
        fmt.percent(end["utilisation"], 0),
        since_first(end["utilisation"] - start["utilisation"], points),
    )
    if lowest is not None:
        grid[3].metric(
            t("cap.pre.kpi.lowest", year=last_year),
            fmt.percent(lowest["utilisation"], 0),
            lowest["name"],
            delta_color="off",
            delta_arrow="off",
            help=t(
                "cap.pre.kpi.lowest.help",
                name=lowest["name"],
                children=fmt.number(lowest["demand"]),
                capacity=fmt.number(lowest["capacity"]),
            ),
        )
    st.markdown(
        t(
            "cap.pre.summary",
            year=last_year,
            capacity=fmt.number(end["capacity"]),
            children=fmt.number(end["demand"]),
            empty=fmt.number(end["empty_places"]),
            first=first_year,
            empty0=fmt.number(start["empty_places"]),
            units=fmt.number(int(end["units_open"])),
        )
    )
    explain = t(
        "explain.cap.preschool",
        age1=fmt.percent(params.forskola_enrolment_age_1, 0),
        age2=fmt.percent(params.forskola_enrolment_age_2, 0),
        age35=fmt.percent(params.forskola_enrolment_age_3_5, 0),
        per_fte=fmt.number(params.children_per_preschool_fte, 1),
        staff_cost=fmt.kr(params.preschool_staff_cost_sek),
        per_child=fmt.kr(params.cost_per_preschool_child_sek),
    )
    children_label = t("cap.pre.series.children")
    traces = places_traces(per_year, per_year["demand"], children_label, SERVICE_COLOURS["forskola"])
    show(
        charts.figure(
            traces,
            title=t("cap.pre.chart.trend", first=first_year, last=last_year),
            source=src,
            y_title=t("cap.pre.unit"),
            big=big,
            layout={"xaxis": {"range": [first_year - 0.4, last_year + 0.4]}, "yaxis": {"tickformat": ",.0f"}},
        ),
        "cap.pre.trend",
    )
    how(explain)

    st.subheader(t("cap.pre.section.units"))
    year = pick_year("w.cap_year_forskola")
    rows = units[units["year"] == year].sort_values("utilisation")
    show(
        figure(
            unit_bars(rows, user_label=children_label, capacity_label=t("cap.series.capacity"), colour="#56B4E9"),
            t("cap.pre.chart.units", year=year),
            height=school_height(len(rows)),
            layout={**school_axes(t("cap.pre.unit")), "barmode": "group"},
        ),
        "cap.pre.units",
    )
    how(t("explain.cap.units"), explain)
    shown = pd.DataFrame(
        {
            t("cap.col.unit"): rows["name"],
            children_label: rows["demand"].round(0),
            t("cap.series.capacity"): rows["capacity"].round(0),
            t("cap.col.utilisation"): (100 * rows["utilisation"]).round(0),
            t("cap.series.empty"): rows["empty_places"].round(0),
            t("cap.col.cost"): rows["cost_sek"].round(-3),
        }
    )
    st.dataframe(shown, width="stretch", hide_index=True)
    frame.download_table(shown, f"kapacitet-forskolor-{year}", "cap.pre.table")


# --- särskilt boende ---------------------------------------------------------------------------------


def care_section() -> None:
    balance = care_home_balance(service_years, result.service_units, params.cost_per_occupied_place_sek)
    if balance.empty:
        st.info(t("cap.none", service=t("service.aldreboende")))
        return
    start, end = balance.iloc[0], balance.iloc[-1]
    grid = frame.number_grid(big)
    grid[0].metric(
        t("cap.care.kpi.needed", year=last_year),
        fmt.number(end["places_needed"]),
        since_first(end["places_needed"] - start["places_needed"], fmt.number),
        delta_color="off",
        help=t("cap.care.kpi.needed.help"),
    )
    grid[1].metric(
        t("cap.care.kpi.places", year=last_year), fmt.number(end["places"]), help=t("cap.care.kpi.places.help")
    )
    short = end["shortage_places"] > 0
    grid[2].metric(
        t("cap.care.kpi.shortage" if short else "cap.care.kpi.empty", year=last_year),
        fmt.number(end["shortage_places"] if short else end["empty_places"]),
        since_first(
            (end["shortage_places"] - start["shortage_places"])
            if short
            else (end["empty_places"] - start["empty_places"]),
            fmt.number,
        ),
        delta_color="inverse",
    )
    grid[3].metric(
        t("cap.care.kpi.purchased" if short else "cap.care.kpi.empty_cost", year=last_year),
        t("cap.per_year", value=fmt.mnkr(end["purchased_places_cost_sek"] if short else end["empty_places_cost_sek"])),
        help=t(
            "cap.care.kpi.purchased.help" if short else "cap.care.kpi.empty_cost.help",
            cost=fmt.kr(params.purchased_place_cost_sek),
            per_place=fmt.kr(end["fixed_cost_per_place_sek"]),
        ),
    )
    st.markdown(
        t(
            "cap.care.summary",
            first=first_year,
            last=last_year,
            n0=fmt.number(start["places_needed"]),
            n1=fmt.number(end["places_needed"]),
            places=fmt.number(end["places"]),
            gap=t("cap.care.gap.short", n=fmt.number(end["shortage_places"]))
            if short
            else t("cap.care.gap.empty", n=fmt.number(end["empty_places"])),
        )
    )
    explain = t(
        "explain.cap.care",
        r6579=fmt.percent(params.care_home_rate_65_79, 1),
        r8089=fmt.percent(params.care_home_rate_80_89, 0),
        r90=fmt.percent(params.care_home_rate_90_plus, 0),
        occupied=fmt.kr(params.cost_per_occupied_place_sek),
        purchased=fmt.kr(params.purchased_place_cost_sek),
    )
    years = balance["year"].tolist()
    needed_label = t("cap.care.series.needed")
    traces = [
        {
            "type": "bar",
            "name": t("cap.care.series.places"),
            "x": years,
            "y": balance["places"].round(0).tolist(),
            "marker": {"color": "#D9D9D9", "line": {"color": CAPACITY_COLOUR, "width": 1.5}},
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('cap.care.series.places')}</extra>",
        },
        {
            "type": "bar",
            "name": t("cap.care.series.shortage"),
            "x": years,
            "y": balance["shortage_places"].round(0).tolist(),
            "base": balance["places"].round(0).tolist(),
            "marker": {
                "color": SHORTAGE_COLOUR,
                "pattern": {"shape": "/", "fgcolor": "rgba(255,255,255,0.7)", "fillmode": "overlay"},
            },
            "hovertemplate": f"%{{y:,.0f}}<extra>{t('cap.care.series.shortage')}</extra>",
        },
        {
            "type": "scatter",
            "name": needed_label,
            "x": years,
            "y": balance["places_needed"].round(1).tolist(),
            "mode": "lines+markers",
            "line": {"color": "#000000", "width": 3},
            "marker": {"symbol": "diamond", "size": 8, "color": "#000000"},
            "hovertemplate": f"%{{y:,.0f}}<extra>{needed_label}</extra>",
        },
    ]
    left, right = row(2)
    with left:
        show(
            figure(
                traces,
                t("cap.care.chart.places", first=first_year, last=last_year),
                share=0.5,
                layout={
                    "barmode": "overlay",
                    "hovermode": "x unified",
                    "xaxis": {"dtick": 1 if len(years) <= 11 else 2, "range": [first_year - 0.5, last_year + 0.5]},
                    "yaxis": {"autorange": True, "title": {"text": t("cap.care.unit")}, "tickformat": ",.0f"},
                },
            ),
            "cap.care.places",
        )
        how(explain)
    with right:
        traces = [
            {
                "type": "bar",
                "name": t("cap.care.series.purchased"),
                "x": years,
                "y": (balance["purchased_places_cost_sek"] / 1e6).round(2).tolist(),
                "marker": {
                    "color": SHORTAGE_COLOUR,
                    "pattern": {"shape": "/", "fgcolor": "rgba(255,255,255,0.7)", "fillmode": "overlay"},
                },
                "hovertemplate": f"%{{y:,.1f}} mnkr<extra>{t('cap.care.series.purchased')}</extra>",
            },
            {
                "type": "bar",
                "name": t("cap.care.series.empty_cost"),
                "x": years,
                "y": (balance["empty_places_cost_sek"] / 1e6).round(2).tolist(),
                "marker": {
                    "color": EMPTY_COLOUR,
                    "pattern": {"shape": ".", "fgcolor": "#8a5f00", "fillmode": "overlay"},
                },
                "hovertemplate": f"%{{y:,.1f}} mnkr<extra>{t('cap.care.series.empty_cost')}</extra>",
            },
        ]
        show(
            figure(
                traces,
                t("cap.care.chart.cost", first=first_year, last=last_year),
                share=0.5,
                layout={
                    "barmode": "stack",
                    "hovermode": "x unified",
                    "xaxis": {"dtick": 1 if len(years) <= 11 else 2, "range": [first_year - 0.5, last_year + 0.5]},
                    "yaxis": {"autorange": True, "title": {"text": "mnkr"}, "tickformat": ",.0f"},
                },
            ),
            "cap.care.cost",
        )
        how(
            t(
                "explain.cap.care_cost",
                purchased=fmt.kr(params.purchased_place_cost_sek),
                occupied=fmt.kr(params.cost_per_occupied_place_sek),
            )
        )
    units = unit_places(result.service_units, "aldreboende")
    now = units[units["year"] == last_year]
    if not now.empty:
        st.caption(
            t(
                "cap.care.units",
                year=last_year,
                units=", ".join(f"{n} ({fmt.number(c)})" for n, c in zip(now["name"], now["capacity"], strict=True)),
            )
        )
    shown = pd.DataFrame(
        {
            t("measure.year"): balance["year"].astype(int),
            needed_label: balance["places_needed"].round(0),
            t("cap.care.series.places"): balance["places"].round(0),
            t("cap.care.series.shortage"): balance["shortage_places"].round(0),
            t("cap.care.col.empty"): balance["empty_places"].round(0),
            t("cap.care.col.purchased"): balance["purchased_places_cost_sek"].round(-3),
            t("cap.care.col.empty_cost"): balance["empty_places_cost_sek"].round(-3),
        }
    )
    st.dataframe(shown, width="stretch", hide_index=True)
    frame.download_table(shown, "kapacitet-sarskilt-boende", "cap.care.table")


# --- fritid och kultur ----------------------------------------------------------------------------------


def leisure_section() -> None:
    per_year = service_years[service_years["service"] == "fritid_kultur"].reset_index(drop=True)
    facilities = ds.units[ds.units["service"] == "fritid_kultur"]
    if per_year.empty or facilities.empty:
        st.info(t("cap.none", service=t("service.fritid_kultur")))
        return
    if not has_usage:
        st.info(
            t("cap.fk.no_usage", units=", ".join(facilities["name"])),
            icon=":material/folder_off:",
        )
        return
    units = unit_places(result.service_units, "fritid_kultur")
    bookable = ds.facility_usage.set_index("unit_id")["bookable_hours"]
    units["bookable_hours"] = units["unit_id"].map(bookable).astype(float)
    start, end = per_year.iloc[0], per_year.iloc[-1]
    last_units = units[(units["year"] == last_year) & units["occupancy"].notna()]
    lowest = last_units.loc[last_units["occupancy"].idxmin()] if not last_units.empty else None
    grid = frame.number_grid(big)
    grid[0].metric(
        t("cap.fk.kpi.occupancy", year=last_year),
        fmt.percent(end["occupancy"], 0),
        since_first(end["occupancy"] - start["occupancy"], points),
        delta_color="normal",
        help=t("cap.fk.kpi.occupancy.help"),
    )
    grid[1].metric(
        t("cap.fk.kpi.visits", year=last_year),
        fmt.number(round(end["demand"], -2)),
        since_first(relative_change(start["demand"], end["demand"]), lambda v: fmt.percent(v, 0)),
        delta_color="normal",
    )
    grid[2].metric(
        t("cap.fk.kpi.cost_per_visit", year=last_year),
        fmt.kr(end["cost_per_visit_sek"]),
        since_first(end["cost_per_visit_sek"] - start["cost_per_visit_sek"], fmt.kr),
        delta_color="inverse",
        help=t("cap.fk.kpi.cost_per_visit.help"),
    )
    if lowest is not None:
        grid[3].metric(
            t("cap.fk.kpi.lowest", year=last_year),
            fmt.percent(lowest["occupancy"], 0),
            lowest["name"],
            delta_color="off",
            delta_arrow="off",
        )
    st.markdown(
        t(
            "cap.fk.summary",
            first=first_year,
            last=last_year,
            v0=fmt.number(round(start["demand"], -2)),
            v1=fmt.number(round(end["demand"], -2)),
            o0=fmt.percent(start["occupancy"], 0),
            o1=fmt.percent(end["occupancy"], 0),
            c0=fmt.kr(start["cost_per_visit_sek"]),
            c1=fmt.kr(end["cost_per_visit_sek"]),
        )
    )
    explain = t("explain.cap.leisure", kept=fmt.percent(params.leisure_visits_kept_on_close, 0))

    traces = [
        {
            "type": "scatter",
            "x": g["year"].tolist(),
            "y": g["demand"].round(0).tolist(),
            "name": name,
            **charts.series_style(i),
            "hovertemplate": f"%{{y:,.0f}}<extra>{name}</extra>",
        }
        for i, (name, g) in enumerate(units.groupby("name", sort=False))
    ]
    show(
        charts.figure(
            traces,
            title=t("cap.fk.chart.visits", first=first_year, last=last_year),
            source=src,
            y_title=t("cap.fk.visits_year"),
            big=big,
            layout={"xaxis": {"range": [first_year - 0.4, last_year + 0.4]}, "yaxis": {"tickformat": ",.0f"}},
        ),
        "cap.fk.visits",
    )
    how(explain)

    st.subheader(t("cap.fk.section.units"))
    year = pick_year("w.cap_year_fritid")
    rows = units[units["year"] == year].sort_values("occupancy")
    occupancy_label = t("cap.fk.series.occupancy")
    left, right = row(2)
    with left:
        traces = [
            {
                "type": "bar",
                "orientation": "h",
                "name": occupancy_label,
                "y": rows["name"].tolist(),
                "x": (100 * rows["occupancy"]).round(1).tolist(),
                "marker": {"color": SERVICE_COLOURS["fritid_kultur"]},
                "text": [fmt.percent(o, 0) for o in rows["occupancy"]],
                "textposition": "outside",
                "cliponaxis": False,
                "customdata": [
                    f"{fmt.number(b)} / {fmt.number(h)} h"
                    for b, h in zip(rows["booked_hours"], rows["bookable_hours"], strict=True)
                ],
                "hovertemplate": f"%{{text}} · %{{customdata}}<extra>{occupancy_label}</extra>",
            }
        ]
        axes = school_axes("%")
        axes["xaxis"] = {**axes["xaxis"], "range": [0, 110], "ticksuffix": " %"}
        show(
            figure(
                traces,
                t("cap.fk.chart.occupancy", year=year),
                share=0.5,
                height=school_height(len(rows)),
                layout={**axes, "showlegend": False},
            ),
            "cap.fk.occupancy",
        )
        how(t("explain.cap.occupancy"), explain)
    with right:
        average = float(rows["cost_sek"].sum() / rows["demand"].sum()) if rows["demand"].sum() > 0 else float("nan")
        labels = rows.sort_values("occupancy")["name"].tolist()
        traces = [
            {
                "type": "bar",
                "orientation": "h",
                "name": t("cap.fk.series.cost_per_visit"),
                "y": labels,
                "x": rows["cost_per_visit_sek"].round(0).tolist(),
                "marker": {"color": PUPILS_COLOUR},
                "customdata": [fmt.number(v) for v in rows["demand"]],
                "hovertemplate": f"%{{x:,.0f}} kr · %{{customdata}} {t('cap.fk.visits')}<extra></extra>",
            },
            average_line(labels, average),
        ]
        show(
            figure(
                traces,
                t("cap.fk.chart.cost_per_visit", year=year),
                share=0.5,
                height=school_height(len(rows)),
                layout=school_axes("kr"),
            ),
            "cap.fk.cost_per_visit",
        )
        how(t("explain.cap.cost_per_visit"), explain)
    shown = pd.DataFrame(
        {
            t("cap.col.facility"): rows["name"],
            t("cap.fk.col.visits"): rows["demand"].round(-2),
            t("cap.fk.col.capacity"): rows["capacity"].round(0),
            t("cap.fk.col.booked"): rows["booked_hours"].round(0),
            t("cap.fk.col.bookable"): rows["bookable_hours"].round(0),
            t("cap.fk.col.occupancy"): (100 * rows["occupancy"]).round(0),
            t("cap.col.cost"): rows["cost_sek"].round(-3),
            t("cap.fk.col.cost_per_visit"): rows["cost_per_visit_sek"].round(0),
        }
    )
    st.dataframe(shown, width="stretch", hide_index=True)
    frame.download_table(shown, f"kapacitet-fritid-kultur-{year}", "cap.fk.table")


# One section per service, in the order of engine.core.types.SERVICES.
SECTIONS: dict[str, Callable[[], None]] = {
    "grundskola": schools_section,
    "forskola": preschool_section,
    "aldreboende": care_section,
    "fritid_kultur": leisure_section,
}

st.title(t("cap.title"))
st.markdown(t("cap.intro.all", scenario=scenario.name))
st.header(t("cap.section.directions"))
directions_section()
for service in SERVICES:
    st.header(service_name(service))
    SECTIONS[service]()
frame.close_page()
