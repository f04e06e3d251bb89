"""Kapacitet — how much room the services have, and where, if we keep everything as it is.

First the opposite directions at a glance (utilisation of every service over the
years: schools and preschools empty while the need for care-home places grows), then
one section per service — grundskola, förskola, särskilt boende, fritid och kultur —
each drawn by :func:`service_section` from a :class:`Service` description: its measure
(engine.measures.capacity, where every number is computed), its big numbers, its summary,
its charts over the years and, where it has them, its units year by year. What differs
between the services is data in their description or a named part: the schools' premises,
the care homes' balance, the facilities' occupancy.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import SERVICES
from engine.measures.capacity import (
    ServiceCapacity,
    care_places,
    leisure_places,
    opposite_directions,
    preschool_places,
    school_places,
    utilisation_changes,
    utilisation_trend,
)
from engine.measures.municipality import service_utilisation
from ui import charts, data, frame, numbers, safe, session
from ui.frame import how, points, row, show, signed
from ui.i18n import t

frame.open_page()

PUPILS_COLOUR = "#0072B2"
EMPTY_COLOUR = "#E69F00"
CAPACITY_COLOUR = "#6E6E6E"
SHORTAGE_COLOUR = "#D55E00"
FRAGILE_MARK = "⚠"
CAPACITY_MARKER = {"color": "#D9D9D9", "line": {"color": CAPACITY_COLOUR, "width": 1.5}}
EMPTY_PATTERN = {"shape": "/", "fgcolor": "#8a5f00"}
SHORTAGE_PATTERN = {"shape": "/", "fgcolor": "rgba(255,255,255,0.7)", "fillmode": "overlay"}
SERVICE_COLOURS = {"grundskola": "#0072B2", "forskola": "#56B4E9", "aldreboende": "#D55E00", "fritid_kultur": "#009E73"}
SERVICE_DASHES = {"grundskola": "solid", "forskola": "dash", "aldreboende": "solid", "fritid_kultur": "dot"}
SERVICE_SYMBOLS = {
    "grundskola": "circle",
    "forskola": "square",
    "aldreboende": "diamond",
    "fritid_kultur": "triangle-up",
}

view = session.view()
session.commit(view)
# The year each section's units are shown in (link key → (year, default)): the link reopens them.
years_shown: dict[str, tuple[int, int]] = {}

ds = data.dataset()
scenario = data.scenario(view)
result = data.baseline(view)
params = result.parameters
big = view.present
src = frame.source(view)
has_usage = ds.facility_usage is not None and not ds.facility_usage.empty


# --- how numbers are written and drawn ---------------------------------------------------------------


def percent(share: float) -> str:
    return fmt.percent(share, 0)


def a_year(value: float) -> str:
    """An amount a year in mnkr ("11,3 mnkr/år")."""
    return t("cap.per_year", value=fmt.mnkr(value))


def hundreds(value: float) -> str:
    """Visits to the nearest hundred ("116 900")."""
    return fmt.number(round(value, -2))


def teachers(value: float) -> str:
    return fmt.number(value, 0 if float(value).is_integer() else 1)


def m2(value: float) -> str:
    return f"{fmt.number(value)}\u00a0m²"


def since(change: float, formatter: Callable[[float], str], first: int) -> str:
    return t("kpi.since", change=signed(change, formatter), year=first)


def service_name(service: str) -> str:
    return t(f"cap.svc.{service}")


def chart(traces: list[dict], title: str, key: str, **options) -> None:
    """A figure with the page's source line (``options``: see charts.page_figure)."""
    show(charts.page_figure(traces, title, source=src, big=big, **options), key)


def unit_axes(x_title: str) -> dict:
    """Layout for horizontal bars with one unit per row (names readable, lowest utilisation on top)."""
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


def unit_height(rows: pd.DataFrame) -> int:
    return max(380, 170 + 46 * len(rows))


def unit_labels(rows: pd.DataFrame) -> list[str]:
    """The units' names, marked where a school's teacher team is fragile."""
    if "fragile_team" not in rows:
        return rows["name"].tolist()
    return [f"{n} {FRAGILE_MARK}" if f else n for n, f in zip(rows["name"], rows["fragile_team"], strict=True)]


def hbar(name: str, labels: list[str], x: pd.Series, marker: dict, hover: str, **extra) -> dict:
    """Horizontal bars, one unit per row; ``hover`` the hover text before the series' name."""
    return {
        "type": "bar",
        "orientation": "h",
        "name": name,
        "y": labels,
        "x": x.tolist(),
        "marker": marker,
        "hovertemplate": f"{hover}<extra>{name}</extra>",
        **extra,
    }


def year_bar(name: str, years: list[int], y: pd.Series, marker: dict, hover: str, **extra) -> dict:
    """Vertical bars, one per year."""
    return {
        "type": "bar",
        "name": name,
        "x": years,
        "y": y.tolist(),
        "marker": marker,
        "hovertemplate": f"{hover}<extra>{name}</extra>",
        **extra,
    }


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


def places_traces(per_year: pd.DataFrame, users: str, users_label: str, colour: str) -> list[dict]:
    """Users and empty places stacked up to the places, and the places as a dotted line."""
    years = per_year["year"].tolist()

    def line(column: str, name: str, style: dict) -> dict:
        return {
            "type": "scatter",
            "x": years,
            "y": per_year[column].tolist(),
            "name": name,
            "mode": "lines",
            "hovertemplate": f"%{{y:,.0f}}<extra>{name}</extra>",
            **style,
        }

    return [
        line(users, users_label, {"stackgroup": "places", "line": {"color": colour, "width": 2}}),
        line(
            "empty_places",
            t("cap.series.empty"),
            {"stackgroup": "places", "line": {"color": EMPTY_COLOUR, "width": 2}, "fillpattern": EMPTY_PATTERN},
        ),
        line("capacity", t("cap.series.capacity"), {"line": {"color": "#000000", "dash": "dot", "width": 2}}),
    ]


def pick_year(key: str, link: str, years: list[int]) -> int:
    """A year slider for one section, opened on the link's ``link`` year (state.CHOICE_KEYS) or the last;
    it keeps a valid year when the horizon shrinks."""
    session.choice(link, key, years, years[-1])
    if st.session_state.get(key) not in years:
        st.session_state[key] = years[-1]  # e.g. after the horizon was shortened
    return st.select_slider(t("cap.year"), options=years, key=key, help=t("cap.year.help"))


# --- the description of a service ------------------------------------------------------------------------

LOWEST = "lowest"  # a big number's column: the unit ranked lowest in the last year


@dataclass(frozen=True)
class Kpi:
    """One big number: a column of the service's yearly table in its last year, and its change since the first."""

    label: str  # label key, with {year}
    column: str  # a column of ServiceCapacity.per_year, or LOWEST
    value: Callable[[float], str] = fmt.number
    change: Callable[[float], str] | None = fmt.number  # how the change is written; None: not shown
    relative: bool = False  # the change relative to the first year (last / first − 1), not the difference
    delta_color: str = "normal"
    help: str | None = None  # label key
    help_args: Callable[[ServiceCapacity], dict[str, str]] | None = None
    if_short: Kpi | None = None  # shown instead while places are missing (the care homes)


@dataclass(frozen=True)
class Column:
    """A table column: label, the column of the units' or years' table, and how it is shown."""

    label: str
    column: str
    digits: int = 0  # rounded to 10^−digits (−3: to thousands)
    kind: str = "number"  # number, percent (a share shown ×100), text, year, yes_no

    def written(self, value: float) -> str:
        """A cell of a number column the Swedish way (1 234; −; 12,5)."""
        return fmt.number(value, max(self.digits, 0))


@dataclass(frozen=True)
class Table:
    """A table with its CSV and Excel downloads."""

    columns: tuple[Column, ...]
    file: str  # download name, may hold {year}
    key: str
    heading: str | None = None  # label key, with {year}

    def __call__(self, rows: pd.DataFrame, year: int | None = None) -> None:
        if self.heading:
            st.subheader(t(self.heading, year=year))
        shown = pd.DataFrame({c.label: column_values(c, rows) for c in self.columns})
        formats = {c.label: c.written for c in self.columns if c.kind in ("number", "percent")}
        numbers.table(shown, formats, years=[c.label for c in self.columns if c.kind == "year"])
        frame.download_table(shown, self.file.format(year=year), self.key)

    def of_years(self, c: ServiceCapacity) -> None:
        """The table of the service's years."""
        self(c.per_year)


def column_values(column: Column, rows: pd.DataFrame) -> pd.Series | list[str]:
    values = rows[column.column]
    if column.kind == "text":
        return values
    if column.kind == "year":
        return values.astype(int)
    if column.kind == "yes_no":
        return [t("word.yes") if v else t("word.no") for v in values]
    if column.kind == "percent":
        values = fmt.in_percent(values)
    return values.round(column.digits)


Word = str | tuple[str, Callable[[float], str]]  # a column, written with fmt.number or with the formatter given


@dataclass(frozen=True)
class Summary:
    """The sentence under a service's big numbers: a label key, filled with {first}, {last}, {year} (the last)
    and, per placeholder, a column of the yearly table in the last year (``last``) or the first (``first``)."""

    key: str
    last: dict[str, Word]
    first: dict[str, Word] = field(default_factory=dict)

    def __call__(self, c: ServiceCapacity) -> str:
        words = {name: written(c.end, word) for name, word in self.last.items()}
        words |= {name: written(c.start, word) for name, word in self.first.items()}
        return t(self.key, first=c.first_year, last=c.last_year, year=c.last_year, **words)


def written(values: pd.Series, word: Word) -> str:
    column, formatter = (word, fmt.number) if isinstance(word, str) else word
    return formatter(values[column])


# A part of a unit's year: (capacity, the year's units ranked, year, share of the page's width).
UnitPart = Callable[[ServiceCapacity, pd.DataFrame, int, float], None]


@dataclass(frozen=True)
class Units:
    """Unit by unit in a chosen year: charts at full width, then side by side, then the table."""

    heading: str  # label key
    year_key: str  # the year slider's widget key
    link: str  # the year's key in the link (ui.state.CHOICE_KEYS)
    table: Table
    full: tuple[UnitPart, ...] = ()
    pair: tuple[UnitPart, ...] = ()


@dataclass(frozen=True)
class Service:
    """What one service's section shows; :func:`service_section` draws it."""

    id: str  # engine.core.types.SERVICES
    measure: Callable[[], ServiceCapacity | None]
    kpis: tuple[Kpi, ...]
    summary: Callable[[ServiceCapacity], str]
    over_years: tuple[Callable[[ServiceCapacity], None], ...]  # charts (and tables) over the years
    units: Units | None = None
    unavailable: Callable[[], str | None] | None = None  # why the section cannot be shown (data missing)


def big_number(cell, kpi: Kpi, c: ServiceCapacity) -> None:
    if c.short and kpi.if_short is not None:
        kpi = kpi.if_short
    label = t(kpi.label, year=c.last_year)
    help_text = t(kpi.help, **(kpi.help_args(c) if kpi.help_args else {})) if kpi.help else None
    if kpi.column == LOWEST:
        lowest = c.lowest()
        if lowest is not None:
            value = kpi.value(lowest[c.rank])
            cell.metric(label, value, safe.md(lowest["name"]), help=help_text, delta_color="off", delta_arrow="off")
        return
    delta = None
    if kpi.change is not None:
        change = c.change(kpi.column)
        delta = since(change.relative if kpi.relative else change.difference, kpi.change, c.first_year)
    numbers.metric(cell, label, kpi.value(c.end[kpi.column]), delta, delta_color=kpi.delta_color, help=help_text)


def service_section(service: Service) -> None:
    c = service.measure()
    if c is None:
        st.info(t("cap.none", service=t(f"service.{service.id}")))
        return
    if service.unavailable is not None and (reason := service.unavailable()):
        st.info(reason, icon=":material/folder_off:")
        return
    for cell, kpi in zip(frame.number_grid(big), service.kpis, strict=False):
        big_number(cell, kpi, c)
    st.markdown(service.summary(c))
    for part in service.over_years:
        part(c)
    if service.units is not None:
        units = service.units
        st.subheader(t(units.heading))
        year = pick_year(units.year_key, units.link, c.years)
        years_shown[units.link] = (year, c.years[-1])
        rows = c.units_in(year)
        for part in units.full:
            part(c, rows, year, 1.0)
        if units.pair:
            for cell, part in zip(row(len(units.pair), big), units.pair, strict=True):
                with cell:
                    part(c, rows, year, 1 / len(units.pair))
        units.table(rows, year)


# --- parts that several services share -----------------------------------------------------------------


@dataclass(frozen=True)
class Users:
    """Who fills a service's places, as its charts name and colour them."""

    label: str  # label key of the series
    colour: str
    axis: str  # label key of the axis


PUPILS = Users("measure.pupils", PUPILS_COLOUR, "cap.unit.places")
CHILDREN = Users("cap.pre.series.children", SERVICE_COLOURS["forskola"], "cap.pre.unit")


@dataclass(frozen=True)
class PlacesTrend:
    """The municipality year by year: users and empty places stacked up to the places."""

    title: str  # label key with {first} and {last}
    key: str
    users: Users
    explain: tuple[str, ...]
    heading: str | None = None  # label key

    def __call__(self, c: ServiceCapacity) -> None:
        if self.heading:
            st.subheader(t(self.heading))
        chart(
            places_traces(c.per_year, c.users, t(self.users.label), self.users.colour),
            t(self.title, first=c.first_year, last=c.last_year),
            self.key,
            years=(c.first_year, c.last_year),
            y_title=t(self.users.axis),
        )
        how(*self.explain)


@dataclass(frozen=True)
class PlacesBars:
    """Capacity (grey) and users (coloured, labelled with utilisation), one unit per row."""

    title: str  # label key with {year}
    key: str
    users: Users
    explain: tuple[str, ...]
    caption: str | None = None

    def __call__(self, c: ServiceCapacity, rows: pd.DataFrame, year: int, share: float) -> None:
        labels = unit_labels(rows)
        traces = [
            hbar(t("cap.series.capacity"), labels, rows["capacity"].round(0), CAPACITY_MARKER, "%{x:,.0f}"),
            hbar(
                t(self.users.label),
                labels,
                rows[c.users].round(0),
                {"color": self.users.colour},
                "%{x:,.0f} · %{text}",
                text=[percent(u) for u in rows["utilisation"]],
                textposition="outside",
                cliponaxis=False,
            ),
        ]
        layout = {**unit_axes(t(self.users.axis)), "barmode": "group"}
        chart(traces, t(self.title, year=year), self.key, share=share, height=unit_height(rows), layout=layout)
        if self.caption:
            st.caption(self.caption)
        how(*self.explain)


@dataclass(frozen=True)
class CostBars:
    """Cost per user, one unit per row, against the municipality's average."""

    title: str  # label key with {year}
    series: str  # label key
    column: str  # the units' cost per user
    key: str
    explain: tuple[str, ...]
    users_word: str | None = None  # label key: the users shown in the hover text

    def __call__(self, c: ServiceCapacity, rows: pd.DataFrame, year: int, share: float) -> None:
        labels, name = unit_labels(rows), t(self.series)
        bars = hbar(name, labels, rows[self.column].round(0), {"color": PUPILS_COLOUR}, "%{x:,.0f} kr")
        if self.users_word:
            bars["customdata"] = [fmt.number(v) for v in rows[c.users]]
            bars["hovertemplate"] = f"%{{x:,.0f}} kr · %{{customdata}} {t(self.users_word)}<extra></extra>"
        traces = [bars, average_line(labels, c.average_cost_per_user(year))]
        chart(traces, t(self.title, year=year), self.key, share=share, height=unit_height(rows), layout=unit_axes("kr"))
        how(*self.explain)


# --- parts of one service ---------------------------------------------------------------------------------


def premises_bars(c: ServiceCapacity, rows: pd.DataFrame, year: int, share: float) -> None:
    """The schools' floor area: used by the pupils and unused, with what the unused part costs."""
    labels = unit_labels(rows)
    used, unused = t("cap.series.used_floor"), t("cap.series.unused_floor")
    traces = [
        hbar(used, labels, rows["used_floor_m2"].round(0), {"color": PUPILS_COLOUR}, "%{x:,.0f} m²"),
        hbar(
            unused,
            labels,
            rows["unused_floor_m2"].round(0),
            {"color": EMPTY_COLOUR, "pattern": {**EMPTY_PATTERN, "fillmode": "overlay"}},
            "%{x:,.0f} m² · %{customdata}",
            customdata=[fmt.kr(v) for v in rows["unused_premises_cost_sek"]],
        ),
    ]
    layout = {**unit_axes("m²"), "barmode": "stack"}
    chart(
        traces, t("cap.chart.premises", year=year), "cap.premises", share=share, height=unit_height(rows), layout=layout
    )
    how(t("explain.unused"))


def occupancy_bars(c: ServiceCapacity, rows: pd.DataFrame, year: int, share: float) -> None:
    """The facilities' occupancy: booked of bookable hours."""
    name = t("cap.fk.series.occupancy")
    booked = zip(rows["booked_hours"], rows["bookable_hours"], strict=True)
    traces = [
        hbar(
            name,
            rows["name"].tolist(),
            fmt.in_percent(rows["occupancy"]).round(1),
            {"color": SERVICE_COLOURS["fritid_kultur"]},
            "%{text} · %{customdata}",
            text=[percent(o) for o in rows["occupancy"]],
            textposition="outside",
            cliponaxis=False,
            customdata=[f"{fmt.number(b)} / {fmt.number(h)} h" for b, h in booked],
        )
    ]
    axes = unit_axes("%")
    axes["xaxis"] |= {"range": [0, 110], "ticksuffix": " %"}
    layout = {**axes, "showlegend": False}
    title = t("cap.fk.chart.occupancy", year=year)
    chart(traces, title, "cap.fk.occupancy", share=share, height=unit_height(rows), layout=layout)
    how(t("explain.cap.occupancy"), LEISURE_EXPLAIN)


def care_balance(c: ServiceCapacity) -> None:
    """The care homes year by year: places needed against places, and what the gap costs."""
    balance, span = c.per_year, (c.first_year, c.last_year)
    years = balance["year"].tolist()
    needed = t("cap.care.series.needed")
    shortage_marker = {"color": SHORTAGE_COLOUR, "pattern": SHORTAGE_PATTERN}
    places = [
        year_bar(t("cap.care.series.places"), years, balance["places"].round(0), CAPACITY_MARKER, "%{y:,.0f}"),
        year_bar(
            t("cap.care.series.shortage"),
            years,
            balance["shortage_places"].round(0),
            shortage_marker,
            "%{y:,.0f}",
            base=balance["places"].round(0).tolist(),
        ),
        {
            "type": "scatter",
            "name": needed,
            "x": years,
            "y": balance["places_needed"].round(1).tolist(),
            "mode": "lines+markers",
            "line": {"color": "#000000", "width": 3},
            "marker": {"symbol": "diamond", "size": 8, "color": "#000000"},
            "hovertemplate": f"%{{y:,.0f}}<extra>{needed}</extra>",
        },
    ]
    empty_marker = {"color": EMPTY_COLOUR, "pattern": {**EMPTY_PATTERN, "shape": ".", "fillmode": "overlay"}}
    costs = [
        year_bar(t(f"cap.care.series.{name}"), years, fmt.in_mnkr(balance[column]).round(2), marker, "%{y:,.1f} mnkr")
        for name, column, marker in (
            ("purchased", "purchased_places_cost_sek", shortage_marker),
            ("empty_cost", "empty_places_cost_sek", empty_marker),
        )
    ]
    cost_explain = t(
        "explain.cap.care_cost",
        purchased=fmt.kr(params.purchased_place_cost_sek),
        occupied=fmt.kr(params.cost_per_occupied_place_sek),
    )
    halves = (
        (places, "cap.care.chart.places", "cap.care.places", "overlay", t("cap.care.unit"), CARE_EXPLAIN),
        (costs, "cap.care.chart.cost", "cap.care.cost", "stack", "mnkr", cost_explain),
    )
    for cell, (traces, title, key, barmode, y_title, explain) in zip(row(2, big), halves, strict=True):
        with cell:
            layout = {
                "barmode": barmode,
                "yaxis": {"autorange": True, "title": {"text": y_title}},
            }
            chart(traces, t(title, first=span[0], last=span[1]), key, share=0.5, years=span, layout=layout)
            how(explain)


def care_homes(c: ServiceCapacity) -> None:
    """The care homes and their places in the last year."""
    now = c.units_in(c.last_year, ranked=False)
    if not now.empty:
        places = ", ".join(f"{safe.md(n)} ({fmt.number(p)})" for n, p in zip(now["name"], now["capacity"], strict=True))
        st.caption(t("cap.care.units", year=c.last_year, units=places))


def visits_by_facility(c: ServiceCapacity) -> None:
    """Each facility's visits a year, one line each."""
    traces = [
        {
            "type": "scatter",
            "x": g["year"].tolist(),
            "y": g["demand"].round(0).tolist(),
            "name": name,
            **charts.series_style(i),
            "hovertemplate": f"%{{y:,.0f}}<extra>{name}</extra>",
        }
        for i, (name, g) in enumerate(c.units.groupby("name", sort=False))
    ]
    title = t("cap.fk.chart.visits", first=c.first_year, last=c.last_year)
    chart(traces, title, "cap.fk.visits", years=(c.first_year, c.last_year), y_title=t("cap.fk.visits_year"))
    how(LEISURE_EXPLAIN)


def lowest_words(users: str) -> Callable[[ServiceCapacity], dict[str, str]]:
    """The help text's words for the least used unit; ``users`` names its users' placeholder."""

    def words(c: ServiceCapacity) -> dict[str, str]:
        lowest = c.lowest()
        if lowest is None:
            return {}
        return {
            "name": safe.md(lowest["name"]),
            users: fmt.number(lowest[c.users]),
            "capacity": fmt.number(lowest["capacity"]),
        }

    return words


def care_costs(c: ServiceCapacity) -> dict[str, str]:
    return {"cost": fmt.kr(params.purchased_place_cost_sek), "per_place": fmt.kr(c.end["fixed_cost_per_place_sek"])}


def care_summary(c: ServiceCapacity) -> str:
    start, end = c.start, c.end
    gap = ("cap.care.gap.short", "shortage_places") if c.short else ("cap.care.gap.empty", "empty_places")
    return t(
        "cap.care.summary",
        first=c.first_year,
        last=c.last_year,
        n0=fmt.number(start["places_needed"]),
        n1=fmt.number(end["places_needed"]),
        places=fmt.number(end["places"]),
        gap=t(gap[0], count=round(end[gap[1]])),
    )


def leisure_unavailable() -> str | None:
    """Without usage data the facilities' occupancy and cost per visit cannot be computed."""
    if has_usage:
        return None
    facilities = ds.units[ds.units["service"] == "fritid_kultur"]["name"]
    return t("cap.fk.no_usage", units=", ".join(safe.md(f) for f in facilities))


# --- the four services -----------------------------------------------------------------------------------

PRESCHOOL_EXPLAIN = t(
    "explain.cap.preschool",
    age1=fmt.percent(params.forskola_enrolment_age_1, 0),
    age2=fmt.percent(params.forskola_enrolment_age_2, 0),
    age35=fmt.percent(params.forskola_enrolment_age_3_5, 0),
    per_fte=fmt.number(params.children_per_preschool_fte, 1),
    staff_cost=fmt.kr(params.preschool_staff_cost_sek),
    per_child=fmt.kr(params.cost_per_preschool_child_sek),
)
CARE_EXPLAIN = t(
    "explain.cap.care",
    r6579=fmt.percent(params.care_home_rate_65_79, 1),
    r8089=fmt.percent(params.care_home_rate_80_89, 0),
    r90=fmt.percent(params.care_home_rate_90_plus, 0),
    occupied=fmt.kr(params.cost_per_occupied_place_sek),
    purchased=fmt.kr(params.purchased_place_cost_sek),
)
LEISURE_EXPLAIN = t("explain.cap.leisure", kept=fmt.percent(params.leisure_visits_kept_on_close, 0))
MIN_TEAM = teachers(params.min_team_teachers)
SCHOOL_EXPLAIN = (
    t("explain.capacity"),
    t(
        "explain.fragile",
        min_team=MIN_TEAM,
        per_class=fmt.number(params.teachers_per_class, 1),
        per_teacher=fmt.number(params.pupils_per_teacher, 1),
    ),
)
SCHOOL_LEGEND = t("cap.schools.legend", mark=FRAGILE_MARK, min_team=MIN_TEAM)

# The columns every unit table starts with: users, places, utilisation, empty places.
UNIT_PLACES = (
    Column(t("cap.series.capacity"), "capacity"),
    Column(t("cap.col.utilisation"), "utilisation", kind="percent"),
    Column(t("cap.series.empty"), "empty_places"),
)

DESCRIPTIONS: dict[str, Service] = {
    "grundskola": Service(
        id="grundskola",
        measure=lambda: school_places(result.units, result.schools),
        kpis=(
            Kpi("cap.kpi.empty", "empty_places", delta_color="inverse", help="cap.kpi.empty.help"),
            Kpi("cap.kpi.utilisation", "utilisation", percent, points, help="cap.kpi.utilisation.help"),
            Kpi("cap.kpi.lowest", LOWEST, percent, help="cap.kpi.lowest.help", help_args=lowest_words("pupils")),
            Kpi(
                "cap.kpi.unused",
                "unused_premises_cost_sek",
                a_year,
                fmt.mnkr,
                delta_color="inverse",
                help="cap.kpi.unused.help",
                help_args=lambda c: {"area": m2(c.end["unused_floor_m2"])},
            ),
        ),
        summary=Summary(
            "cap.summary",
            last={
                "capacity": "capacity",
                "pupils": "pupils",
                "empty": "empty_places",
                "share": ("empty_share", percent),
                "area": ("unused_floor_m2", m2),
                "cost": ("unused_premises_cost_sek", fmt.mnkr),
                "fragile": "fragile_teams",
                "schools": "schools_open",
            },
            first={"empty0": "empty_places"},
        ),
        over_years=(PlacesTrend("cap.chart.trend", "cap.trend", PUPILS, (SCHOOL_EXPLAIN[0],), "cap.section.trend"),),
        units=Units(
            "cap.section.schools",
            "w.cap_year",
            link="year",
            full=(PlacesBars("cap.chart.schools", "cap.schools", PUPILS, SCHOOL_EXPLAIN, SCHOOL_LEGEND),),
            pair=(
                premises_bars,
                CostBars(
                    "cap.chart.cost_per_pupil",
                    "measure.cost_per_pupil_sek",
                    "cost_per_pupil_sek",
                    "cap.cpp",
                    (t("explain.cost_per_pupil_school"), frame.cost_explanation(params)),
                ),
            ),
            table=Table(
                (
                    Column(t("measure.unit"), "name", kind="text"),
                    Column(t("measure.pupils"), "pupils"),
                    *UNIT_PLACES,
                    Column(t("cap.col.floor"), "floor_area_m2"),
                    Column(t("cap.col.unused_floor"), "unused_floor_m2"),
                    Column(t("cap.col.unused_cost"), "unused_premises_cost_sek", -3),
                    Column(t("cap.col.cost_per_pupil"), "cost_per_pupil_sek", -2),
                    Column(t("measure.classes"), "classes"),
                    Column(t("measure.teachers_fte"), "teachers_fte", 1),
                    Column(t("cap.col.fragile"), "fragile_team", kind="yes_no"),
                ),
                "kapacitet-skolor-{year}",
                "cap.table",
                heading="cap.table",
            ),
        ),
    ),
    "forskola": Service(
        id="forskola",
        measure=lambda: preschool_places(result.services, result.service_units),
        kpis=(
            Kpi("cap.pre.kpi.children", "demand", delta_color="off", help="cap.pre.kpi.children.help"),
            Kpi("cap.pre.kpi.empty", "empty_places", delta_color="inverse", help="cap.pre.kpi.empty.help"),
            Kpi("cap.pre.kpi.utilisation", "utilisation", percent, points),
            Kpi(
                "cap.pre.kpi.lowest",
                LOWEST,
                percent,
                help="cap.pre.kpi.lowest.help",
                help_args=lowest_words("children"),
            ),
        ),
        summary=Summary(
            "cap.pre.summary",
            last={"capacity": "capacity", "children": "demand", "empty": "empty_places", "units": "units_open"},
            first={"empty0": "empty_places"},
        ),
        over_years=(PlacesTrend("cap.pre.chart.trend", "cap.pre.trend", CHILDREN, (PRESCHOOL_EXPLAIN,)),),
        units=Units(
            "cap.pre.section.units",
            "w.cap_year_forskola",
            link="year_forskola",
            full=(
                PlacesBars(
                    "cap.pre.chart.units", "cap.pre.units", CHILDREN, (t("explain.cap.units"), PRESCHOOL_EXPLAIN)
                ),
            ),
            table=Table(
                (
                    Column(t("cap.col.unit"), "name", kind="text"),
                    Column(t("cap.pre.series.children"), "demand"),
                    *UNIT_PLACES,
                    Column(t("cap.col.cost"), "cost_sek", -3),
                ),
                "kapacitet-forskolor-{year}",
                "cap.pre.table",
            ),
        ),
    ),
    "aldreboende": Service(
        id="aldreboende",
        measure=lambda: care_places(result.services, result.service_units, params.cost_per_occupied_place_sek),
        kpis=(
            Kpi("cap.care.kpi.needed", "places_needed", delta_color="off", help="cap.care.kpi.needed.help"),
            Kpi("cap.care.kpi.places", "places", change=None, help="cap.care.kpi.places.help"),
            Kpi(
                "cap.care.kpi.empty",
                "empty_places",
                delta_color="inverse",
                if_short=Kpi("cap.care.kpi.shortage", "shortage_places", delta_color="inverse"),
            ),
            Kpi(
                "cap.care.kpi.empty_cost",
                "empty_places_cost_sek",
                a_year,
                change=None,
                help="cap.care.kpi.empty_cost.help",
                help_args=care_costs,
                if_short=Kpi(
                    "cap.care.kpi.purchased",
                    "purchased_places_cost_sek",
                    a_year,
                    change=None,
                    help="cap.care.kpi.purchased.help",
                    help_args=care_costs,
                ),
            ),
        ),
        summary=care_summary,
        over_years=(
            care_balance,
            care_homes,
            Table(
                (
                    Column(t("measure.year"), "year", kind="year"),
                    Column(t("cap.care.series.needed"), "places_needed"),
                    Column(t("cap.care.series.places"), "places"),
                    Column(t("cap.care.series.shortage"), "shortage_places"),
                    Column(t("cap.care.col.empty"), "empty_places"),
                    Column(t("cap.care.col.purchased"), "purchased_places_cost_sek", -3),
                    Column(t("cap.care.col.empty_cost"), "empty_places_cost_sek", -3),
                ),
                "kapacitet-sarskilt-boende",
                "cap.care.table",
            ).of_years,
        ),
    ),
    "fritid_kultur": Service(
        id="fritid_kultur",
        measure=lambda: leisure_places(result.services, result.service_units, ds.facility_usage),
        unavailable=leisure_unavailable,
        kpis=(
            Kpi("cap.fk.kpi.occupancy", "occupancy", percent, points, help="cap.fk.kpi.occupancy.help"),
            Kpi("cap.fk.kpi.visits", "demand", hundreds, percent, relative=True),
            Kpi(
                "cap.fk.kpi.cost_per_visit",
                "cost_per_visit_sek",
                fmt.kr,
                fmt.kr,
                delta_color="inverse",
                help="cap.fk.kpi.cost_per_visit.help",
            ),
            Kpi("cap.fk.kpi.lowest", LOWEST, percent),
        ),
        summary=Summary(
            "cap.fk.summary",
            last={"v1": ("demand", hundreds), "o1": ("occupancy", percent), "c1": ("cost_per_visit_sek", fmt.kr)},
            first={"v0": ("demand", hundreds), "o0": ("occupancy", percent), "c0": ("cost_per_visit_sek", fmt.kr)},
        ),
        over_years=(visits_by_facility,),
        units=Units(
            "cap.fk.section.units",
            "w.cap_year_fritid",
            link="year_fritid",
            pair=(
                occupancy_bars,
                CostBars(
                    "cap.fk.chart.cost_per_visit",
                    "cap.fk.series.cost_per_visit",
                    "cost_per_visit_sek",
                    "cap.fk.cost_per_visit",
                    (t("explain.cap.cost_per_visit"), LEISURE_EXPLAIN),
                    users_word="cap.fk.visits",
                ),
            ),
            table=Table(
                (
                    Column(t("cap.col.facility"), "name", kind="text"),
                    Column(t("cap.fk.col.visits"), "demand", -2),
                    Column(t("cap.fk.col.capacity"), "capacity"),
                    Column(t("cap.fk.col.booked"), "booked_hours"),
                    Column(t("cap.fk.col.bookable"), "bookable_hours"),
                    Column(t("cap.fk.col.occupancy"), "occupancy", kind="percent"),
                    Column(t("cap.col.cost"), "cost_sek", -3),
                    Column(t("cap.fk.col.cost_per_visit"), "cost_per_visit_sek"),
                ),
                "kapacitet-fritid-kultur-{year}",
                "cap.fk.table",
            ),
        ),
    ),
}


# --- the opposite directions at a glance --------------------------------------------------------


def directions_section() -> None:
    shown = service_utilisation(result.services, skip=() if has_usage else ("fritid_kultur",))
    changes = utilisation_changes(shown)
    first, last = int(shown["year"].min()), int(shown["year"].max())
    st.caption(t("cap.dir.caption", year=last))
    for cell, (service, change) in zip(frame.number_grid(big, len(changes)), changes.items(), strict=False):
        numbers.metric(
            cell,
            t("cap.dir.kpi", service=service_name(service), year=last),
            percent(change.last),
            since(change.difference, points, first),
            delta_color="inverse" if service == "aldreboende" else "normal",  # a fuller care home is the worry
            help=t(f"cap.dir.kpi.help.{service}"),
        )
    children = [
        t(
            f"cap.dir.summary.{s}" + (".steady" if utilisation_trend(changes[s]) == "steady" else ""),
            u0=percent(changes[s].first),
            u1=percent(changes[s].last),
        )
        for s in ("grundskola", "forskola")
        if s in changes
    ]
    if "aldreboende" in changes:
        care = changes["aldreboende"]
        st.markdown(
            t(
                "cap.dir.summary" if opposite_directions(changes) else "cap.dir.summary.mixed",
                children=t("cap.word.and").join(children),
                first=first,
                last=last,
                c0=percent(care.first),
                c1=percent(care.last),
            )
        )
    traces = [
        {
            "type": "scatter",
            "x": g["year"].tolist(),
            "y": fmt.in_percent(g["utilisation"]).tolist(),
            "name": service_name(service),
            "mode": "lines+markers",
            "line": {"color": SERVICE_COLOURS[service], "dash": SERVICE_DASHES[service], "width": 4},
            "marker": {"symbol": SERVICE_SYMBOLS[service], "size": 8, "color": SERVICE_COLOURS[service]},
            "hovertemplate": f"%{{y:,.0f}} %<extra>{service_name(service)}</extra>",
        }
        for service, g in shown.groupby("service", sort=False)
    ]
    full = {  # a line at 100 %, labelled (a shape's label keeps the figure's source line)
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "y0": 100,
        "y1": 100,
        "line": {"color": "#000000", "dash": "dash", "width": 2},
        "label": {
            "text": t("cap.dir.full"),
            "textposition": "end",
            "yanchor": "bottom",
            "font": {"size": 13, "color": "#000"},
        },
    }
    chart(
        traces,
        t("cap.dir.chart", first=first, last=last),
        "cap.directions",
        years=(first, last),
        y_title=t("cap.dir.axis"),
        height=420,
        layout={"yaxis": {"ticksuffix": " %", "rangemode": "tozero"}, "shapes": [full]},
    )
    if not has_usage:
        st.caption(t("cap.dir.no_usage"))
    how(t("explain.cap.directions"))


st.title(t("cap.title"))
st.markdown(t("cap.intro.all", scenario=safe.md(scenario.name)))
st.header(t("cap.section.directions"))
directions_section()
for service in SERVICES:
    st.header(service_name(service))
    service_section(DESCRIPTIONS[service])
session.commit_choices(**years_shown)
frame.close_page()
