"""Jämför alternativ — the heart: alternatives side by side against keeping all schools."""

import itertools

import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.change import over_years
from engine.measures.compare import accumulated_difference, by_scenario, compare, distance_distribution, key_figures
from engine.measures.effects import effect
from ui import charts, data, frame, geo, memo, numbers, session
from ui.frame import show
from ui.i18n import t
from ui.widgets import alternative_picker, parameter_sliders, picked_alternatives, slider_overrides

frame.open_page()

DISTANCE_BANDS_KM = (0, 2, 5, 10, 20, float("inf"))

view = session.view()
st.title(t("compare.title"))
if not view.present:  # on a projector the big numbers need the room
    st.caption(t("compare.intro"))
frame.changes_in_page()

# What to compare: a choice that redraws the whole page. On a projector the answer comes first,
# above the fold at 1280×720, and the choice folds away below it, drawn after it from the same
# value: drawn first it would stand on screen until the answer arrived and pushed it down.
if view.present:
    picked = picked_alternatives(view, data.alternatives())
else:
    picked = alternative_picker(view, data.alternatives())
session.commit(view.with_(alternatives=tuple(picked)))

# The questions a politician tests, one group of sliders at a time: the choices they
# question most first, then the cost assumptions. Each slider drawn costs the browser
# time on every move (DESIGN.md §7); the values of the others stay in the view.
SLIDER_GROUPS = ("classes", "transport", "teachers", "costs", "premises")


@st.fragment
def comparison() -> None:
    """Everything the sliders on this page change, rerun on its own when one of them moves.

    A slider here then redraws this part only, not the sidebar, the navigation and the
    choices above (DESIGN.md §7); the list of changes sits beside the sliders so it
    follows each move.
    """
    view = session.view()
    ds = data.dataset()
    alts = data.alternatives()
    styles = charts.style(list(alts))
    names = {a: alt.name for a, alt in alts.items()}

    def assumptions() -> None:
        """The group of sliders shown and its sliders (their values were read before: slider_overrides)."""
        st.markdown(f"### {t('compare.params')}\n\n:gray[{t('compare.params.help')}]")  # one element, not two
        shown = st.radio(  # a list, not pills: five long names in a narrow column must wrap
            t("compare.params.group"),
            SLIDER_GROUPS,
            key="w.slider_group",
            format_func=lambda g: t(f"group.{g}"),
            label_visibility="collapsed",
        )
        parameter_sliders(view, (shown,), framed=False)

    # Everything is computed from the widgets' values before anything is drawn, and then drawn at
    # once: the browser, which shares the machine's two cores with the server, then lays the page
    # out once per move instead of once per batch of elements as they trickle in (DESIGN.md §7).
    session.choice("group", "w.slider_group", list(SLIDER_GROUPS), SLIDER_GROUPS[0])
    group = st.session_state["w.slider_group"]
    view = view.with_(overrides=slider_overrides(view, (group,)))

    compared = session.compared(view)
    results = {a: data.result(view, a) for a in compared}
    years = {a: r.years for a, r in results.items()}
    base = years[KEEP_ALL]
    first, last = int(base["year"].iloc[0]), int(base["year"].iloc[-1])
    params = results[KEEP_ALL].parameters
    src = frame.source(view)
    big = view.present

    # Each against keep-all (keep-all against itself: its own values, no differences).
    effects = {a: effect(results[a], results[KEEP_ALL]) for a in compared}

    def compared_number(alt: str, label: str, value: float, diff: float, formatter, higher: str) -> frame.Number:
        """The last year's value, and for an alternative its difference against keep-all.

        ``higher`` is the tone of an increase ("good" or "bad"); a difference that
        rounds to nothing is shown as ±0 without a tone.
        """
        number = formatter(value)
        if alt == KEEP_ALL:
            return frame.Number(label=label, value=number)
        text = frame.signed(diff, formatter, even="±")  # ASCII sign: the scoreboard draws the arrow
        if text.startswith("±"):
            return frame.Number(label=label, value=number, change=text)
        tone = higher if text.startswith("+") else {"good": "bad", "bad": "good"}[higher]
        return frame.Number(label=label, value=number, change=text, tone=tone)

    def against_keep_all(diff_sek: float, label: str) -> frame.Number:
        """'23,4 mnkr' and 'sparar' in green, as on Ekonomi and Bygg alternativ ('sparar 23,4 mnkr' in tables)."""
        amount, verb, tone = numbers.against_keep_all_parts(diff_sek)
        return frame.Number(label=label, value=amount, change=verb, tone=tone, help=t("kpi.total_diff.help"))

    def big_numbers(alt: str) -> list[frame.Number]:
        """Four numbers per alternative: cost per pupil, cost (keep-all) or total difference, class size, travel."""
        e = effects[alt]
        if alt == KEEP_ALL:
            growth = over_years(base, "cost_per_pupil_sek").relative
            numbers = [
                frame.Number(
                    label=t("kpi.cost_per_pupil", year=last),
                    value=fmt.kr(e.cost_per_pupil_sek),
                    change=frame.signed(growth, lambda v: t("kpi.since", change=fmt.percent(v), year=first)),
                    tone="bad" if growth > 0 else "good",
                ),
                frame.Number(label=t("kpi.cost", year=last), value=fmt.mnkr(e.cost_sek)),
            ]
        else:
            numbers = [
                compared_number(
                    alt,
                    t("kpi.cost_per_pupil", year=last),
                    e.cost_per_pupil_sek,
                    e.cost_per_pupil_diff_sek,
                    fmt.kr,
                    "bad",
                ),
                against_keep_all(e.total_diff_sek, t("kpi.total_diff", first=first, last=last)),
            ]
        return [
            *numbers,
            compared_number(
                alt,
                t("kpi.class_size", year=last),
                e.mean_class_size,
                e.mean_class_size_diff,
                lambda v: fmt.number(v, 1),
                "good",
            ),
            compared_number(
                alt, t("kpi.distance", year=last), e.mean_distance_km, e.mean_distance_diff_km, fmt.km, "bad"
            ),
        ]

    def line_chart(column: str, title: str, key: str, *, y_title: str = "", **kwargs) -> None:
        traces = charts.lines(years, column=column, names=names, styles=styles, **kwargs)
        show(charts.figure(traces, title=title, source=src, y_title=y_title, big=big), key)

    # The answer first: big numbers per alternative, keep-all ("if we do not act") first, in grey.
    board = [(names[alt], styles[alt]["color"], big_numbers(alt)) for alt in compared]
    # One element for all: each element costs the browser time on a slider move.
    summaries = [frame.summary(names[alt], effects[alt]) for alt in compared[1:]]
    # A merge whose receiving school cannot hold the pupils: the alternative as proposed does not fit.
    shortfalls = [line for alt in compared[1:] for line in memo.shortfall_sentences(results[alt])]

    if view.present:  # the answer first; the sliders fold away below it, drawn after it (as the picker)
        main = st.container()
    else:
        controls, main = st.columns([1, 3], gap="large")
        with controls:
            assumptions()
        frame.changes(view, controls)
    session.commit(view)  # after the columns: in a fragment's run it may draw an element (session._write_url)

    with main:
        frame.scoreboard(board, key="compare")
        if len(compared) == 1:
            st.info(t("compare.none"))
        if summaries:
            st.markdown("\n\n".join(summaries))
        if shortfalls:
            st.warning("\n\n".join(shortfalls))

        memo.memo_button(view, compared)

        sections = {
            "cost": t("compare.section.cost"),
            "quality": t("compare.section.quality"),
            "geography": t("compare.section.geography"),
            "robust": t("compare.section.robust"),
            "table": t("compare.table", year=last),
        }
        session.choice("tab", "w.section", list(sections), "cost")
        section = (
            st.segmented_control(
                t("compare.section"),
                list(sections),
                key="w.section",
                format_func=sections.get,
                label_visibility="collapsed",
            )
            or "cost"
        )

        shown_year: int | None = None  # the map's and the distance bands' year, when one is shown

        def pick_chart(key: str, options: dict[str, str]) -> str:
            """One chart at a time, chosen in words: each chart costs a slider move ≈ 60 ms in the browser."""
            session.choice("chart", key, list(options), next(iter(options)))
            chosen = st.radio(t("compare.chart"), list(options), key=key, format_func=options.get, horizontal=True)
            charts_shown[section] = (chosen, next(iter(options)))
            return chosen

        charts_shown: dict[str, tuple[str, str]] = {}

        if section == "cost":
            shown = pick_chart(
                "w.cost_chart",
                {  # the difference that matters first: three cost lines from zero look alike
                    "accumulated": t("chart.accumulated", first=first),
                    "per_year": t("measure.cost_sek"),
                    "per_pupil": t("measure.cost_per_pupil_sek"),
                },
            )
            if shown == "per_year":
                line_chart("cost_sek", t("measure.cost_sek"), "c.cost", y_title="mnkr", scale=1e-6, hover_format=",.1f")
            elif shown == "accumulated":
                accumulated = {a: accumulated_difference(r, results[KEEP_ALL]) for a, r in results.items()}
                traces = charts.lines(
                    accumulated, column="diff_sek", names=names, styles=styles, scale=1e-6, hover_format=",.1f"
                )
                show(
                    charts.figure(
                        traces,
                        title=t("chart.accumulated", first=first),
                        source=src,
                        y_title="mnkr",
                        big=big,
                        layout={"yaxis": {"rangemode": "normal"}},
                    ),
                    "c.acc",
                )
            else:
                line_chart("cost_per_pupil_sek", t("measure.cost_per_pupil_sek"), "c.cpp", y_title="kr")
            with st.expander(t("how")):
                st.markdown(frame.cost_explanation(params) + "\n\n" + t("explain.cost_per_pupil_sek"))
        elif section == "quality":
            shown = pick_chart(
                "w.quality_chart",
                {
                    m: t(f"measure.{m}")
                    for m in ("mean_class_size", "combined_grade_share", "fragile_teams", "overcrowded_pupils")
                },
            )
            if shown == "combined_grade_share":
                line_chart(shown, t(f"measure.{shown}"), "q.combined", y_title="%", percent=True)
            elif shown == "fragile_teams":
                line_chart(shown, t(f"measure.{shown}"), "q.fragile")
            else:
                line_chart(
                    shown,
                    t(f"measure.{shown}"),
                    f"q.{shown}",
                    y_title=t("unit.pupils"),
                    hover_format=",.1f" if shown == "mean_class_size" else ",.0f",
                )
            with st.expander(t("how")):
                st.markdown(
                    t(
                        "explain.classes",
                        max_class=params.max_class_size,
                        max_grades=params.max_grades_per_class,
                        per_class=fmt.number(params.teachers_per_class, 1),
                        per_teacher=fmt.number(params.pupils_per_teacher, 1),
                    )
                )
        elif section == "geography":
            shown = pick_chart(
                "w.geo_chart",
                {
                    "map": t("compare.chart.map"),
                    "bands": t("compare.chart.bands"),
                    "pupils_over_threshold": t("measure.pupils_over_threshold"),
                    "pupils_changing_school": t("measure.pupils_changing_school"),
                },
            )
            if shown == "map":
                # Its own fragment: the map's year and alternative redraw the map alone (DESIGN.md §7).
                geo.map_fragment(
                    results, compared, names=names, styles=styles, years=base["year"].tolist(), source=src, big=big
                )
                shown_year = st.session_state["w.map_year"]
            elif shown == "bands":
                session.choice("year", "w.map_year", base["year"].tolist(), last)
                year = st.select_slider(t("compare.map.year"), options=base["year"].tolist(), key="w.map_year")
                shown_year = year
                labels = [
                    f"{lo:g}–{hi:g} km" if hi != float("inf") else f"> {lo:g} km"
                    for lo, hi in itertools.pairwise(DISTANCE_BANDS_KM)
                ]
                counts = {
                    a: distance_distribution(r, year, DISTANCE_BANDS_KM).round().tolist() for a, r in results.items()
                }
                traces = charts.bars(labels, counts, styles=styles, names=names)
                show(
                    charts.figure(
                        traces, title=t("chart.distance_bands", year=year), source=src, y_title=t("unit.pupils"),
                        big=big, layout={**charts.BAR_LAYOUT, "xaxis": {"dtick": None}},
                    ),
                    "g.bands",
                )  # fmt: skip
            else:
                line_chart(shown, t(f"measure.{shown}"), f"g.{shown}", y_title=t("unit.pupils"))
            with st.expander(t("how")):
                st.markdown(
                    t(
                        "explain.travel",
                        detour=fmt.number(params.detour_factor, 2),
                        f3=fmt.number(params.transport_threshold_km_f3, 1),
                        m46=fmt.number(params.transport_threshold_km_46, 1),
                        m79=fmt.number(params.transport_threshold_km_79, 1),
                    )
                )
        elif section == "robust":
            st.caption(t("compare.robust.intro", first=first, last=last))
            table = compare(
                ds,
                [data.scenario(view, sid) for sid in ds.scenarios],
                dict(view.overrides),
                years=view.years,
                alternatives=[alts[a] for a in compared],
            )
            scenario_names = {sid: data.scenario(view, sid).name for sid in ds.scenarios}
            diff = by_scenario(table, "diff_total_cost_sek", compared, list(ds.scenarios))
            numbers.table(
                diff.rename(index=names, columns=scenario_names).rename_axis(t("measure.alternative")),
                {scenario_names[s]: fmt.mnkr for s in ds.scenarios},
                hide_index=False,
            )
            frame.download_table(
                fmt.in_mnkr(diff)
                .round(1)
                .rename(index=names, columns=scenario_names)
                .reset_index(names=t("measure.alternative")),
                "alternativ-scenarier-mnkr",
                "robust",
            )
        else:
            figures = key_figures(results)
            written = figures.apply(lambda values: values.map(memo.MEASURES[values.name]), axis=1)
            numbers.table(
                written.rename(index=lambda m: t(f"measure.{m}"), columns=names).rename_axis(t("measure.measure")),
                hide_index=False,
                column_config={names[a]: st.column_config.TextColumn(alignment="right") for a in compared},
            )
            table = figures.rename(index=lambda m: t(f"measure.{m}"), columns=names).rename_axis(None).round(3)
            frame.download_table(table.reset_index(names=t("measure.measure")), f"nyckeltal-{last}", "table")

        # The link reopens this part: the section, its chart, the group of sliders and the map's year.
        session.commit_choices(
            tab=(section, "cost"),
            chart=charts_shown.get(section, ("", "")),
            group=(group, SLIDER_GROUPS[0]),
            year=(shown_year, last if shown_year is not None else None),
        )

        if view.present:
            with st.expander(t("compare.params"), expanded=False) as controls:
                assumptions()
            frame.changes(view, controls)


comparison()
if view.present:
    with st.expander(t("compare.pick"), expanded=False):
        alternative_picker(view, data.alternatives())
frame.close_page()
