"""Investeringar — "Ingen investering utan scenariobedömning".

Every planned investment (investments.csv) is judged by how much what it builds is
used in year 10 under every scenario (engine.measures.investments.check_investments), and by
whether it names an exit strategy for when needs fall.
"""

import textwrap

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import resolve
from engine.core.types import Scenario
from engine.measures.investments import check_investments, investment_summary
from engine.measures.municipality import RED_FLAG_SCENARIOS, investment_flags, investment_scenarios, with_scenarios
from ui import charts, data, frame, numbers, safe, session
from ui.i18n import t
from ui.widgets import parameter_sliders

frame.open_page()

TODAY_COLOUR = "#BBBBBB"
SCENARIO_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")
SCENARIO_PATTERNS = ("", "/", ".", "x", "\\", "-")
THRESHOLD_COLOUR = "#B00020"
RED_FLAG = ":material/flag:"  # Material Symbols ship with Streamlit: no emoji font needed on the projector
THRESHOLD_PARAMETER = "investment_min_utilisation"


@st.cache_data(show_spinner=False, max_entries=32)
def judged(
    dataset_key: tuple[str, str], scenarios: tuple[Scenario, ...], overrides: tuple[tuple[str, float], ...]
) -> list[dict]:
    """check_investments under the view's scenarios, memoised (it evaluates investments × scenarios)."""
    del dataset_key  # part of the cache key only: the process serves one dataset
    return check_investments(with_scenarios(data.dataset(), scenarios), dict(overrides))


view = session.view()
ds = data.dataset()

st.title(t("inv.title"))
st.markdown(t("inv.principle"))

if ds.investments is None or ds.investments.empty:
    session.commit(view)
    st.info(t("inv.no_data"), icon=":material/folder_off:")
else:
    answer = st.container()  # the big numbers first; filled once the slider below has been read
    controls, _ = st.columns([1, 2])
    with controls:
        st.caption(t("inv.params.help"))
        overrides = parameter_sliders(view, ("investments",))
    view = view.with_(overrides=overrides)
    session.commit(view)

    scenario = data.scenario(view)
    scenario_ids = list(ds.scenarios)
    scenario_names = {sid: data.scenario(view, sid).name for sid in scenario_ids}
    threshold = float(resolve(ds.parameter_overrides, dict(view.overrides)).investment_min_utilisation)
    items = judged(
        (str(ds.path), ds.code),
        tuple(data.scenario(view, sid) for sid in scenario_ids),
        tuple(sorted((k, v) for k, v in view.overrides.items() if k != THRESHOLD_PARAMETER)),
    )  # the threshold only sorts the answers, so moving it does not re-evaluate anything
    flags = {item["id"]: investment_flags(item, scenario_ids, threshold) for item in items}
    per_scenario = investment_scenarios(items, threshold)
    year_10 = items[0]["year_10"]
    big = view.present
    src = frame.source(view)
    critical = [s for s in RED_FLAG_SCENARIOS if s in scenario_ids] or scenario_ids
    summary = investment_summary(items, flags, per_scenario, scenario.id, threshold)
    critical_names = t("inv.word.or").join(safe.md(scenario_names[s]) for s in critical)

    def pct(value: float | None) -> str:
        return "–" if value is None or pd.isna(value) else fmt.percent(value, 0)

    def scenario_list(ids: list[str]) -> str:
        return ", ".join(safe.md(scenario_names[s]) for s in ids)

    with answer:
        # --- the answer first ---------------------------------------------------------------
        grid = frame.number_grid(big)
        grid[0].metric(
            t("inv.kpi.count"),
            fmt.number(summary.count),
            t("inv.kpi.amount", amount=fmt.mnkr(summary.amount_sek, 0)),
            delta_color="off",
            delta_arrow="off",
        )
        grid[1].metric(
            t("inv.kpi.oversized", year=year_10),
            fmt.number(summary.oversized),
            t("inv.kpi.in_scenario", scenario=safe.md(scenario.name)),
            delta_color="off",
            delta_arrow="off",
            help=t("inv.kpi.oversized.help", threshold=fmt.percent(threshold, 0), year=year_10),
        )
        grid[2].metric(
            t("inv.kpi.no_exit"),
            fmt.number(summary.no_exit_strategy),
            help=t("inv.kpi.no_exit.help"),
        )
        grid[3].metric(
            t("inv.kpi.red"),
            fmt.number(summary.red),
            help=t("inv.kpi.red.help", scenarios=critical_names),
        )

    with st.container():
        # --- utilisation in year 10 under every scenario -------------------------------------
        st.subheader(t("inv.section.chart", year=year_10))
        # Names wrapped onto short lines, so the bars (and the legend above them) get the width.
        labels = ["<br>".join(textwrap.wrap(i["name"], 24)) for i in items]
        traces = [
            {
                "type": "bar",
                "orientation": "h",
                "name": t("inv.series.today", year=ds.base_year),
                "y": labels,
                "x": [
                    None if i["utilisation_today"] is None else fmt.in_percent(i["utilisation_today"]) for i in items
                ],
                "marker": {"color": TODAY_COLOUR, "line": {"color": "#6E6E6E", "width": 1}},
                "text": [pct(i["utilisation_today"]) if i["utilisation_today"] is not None else "" for i in items],
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": f"%{{x:,.0f}} %<extra>{t('inv.series.today', year=ds.base_year)}</extra>",
            }
        ]
        for k, sid in enumerate(scenario_ids):
            chosen = sid == scenario.id
            traces.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "name": t("inv.series.scenario", scenario=scenario_names[sid], year=year_10),
                    "y": labels,
                    "x": [
                        None
                        if i["utilisation_year_10"].get(sid) is None
                        else fmt.in_percent(i["utilisation_year_10"][sid])
                        for i in items
                    ],
                    "marker": {
                        "color": SCENARIO_COLOURS[k % len(SCENARIO_COLOURS)],
                        "pattern": {
                            "shape": SCENARIO_PATTERNS[k % len(SCENARIO_PATTERNS)],
                            "fgcolor": "rgba(255,255,255,0.7)",
                            "fillmode": "overlay",
                        },
                        "line": {"color": "#000000", "width": 2.5 if chosen else 0},
                    },
                    "text": [pct(i["utilisation_year_10"].get(sid)) for i in items],
                    "textposition": "outside",
                    "cliponaxis": False,
                    "hovertemplate": f"%{{x:,.0f}} %<extra>{safe.plot(scenario_names[sid])}</extra>",
                }
            )
        line = fmt.in_percent(threshold)
        traces.append(
            {
                "type": "scatter",
                "name": t("inv.series.threshold", threshold=fmt.percent(threshold, 0)),
                "x": [line, line],
                "y": [labels[0], labels[-1]],
                "mode": "lines",
                "line": {"color": THRESHOLD_COLOUR, "dash": "dash", "width": 3},
                "hoverinfo": "skip",
            }
        )
        top = fmt.in_percent(summary.highest_utilisation)
        fig = charts.figure(
            traces,
            title=t("inv.chart", year=year_10),
            source=src,
            big=big,
            height=max(420, 190 + 34 * len(items) * (1 + len(scenario_ids))),
            layout={
                "barmode": "group",
                "hovermode": "closest",
                "bargap": 0.25,
                "margin": {"t": 170 if big else 150, "l": 10},
                "xaxis": {
                    "dtick": 25,
                    "range": [0, top * 1.15],
                    "ticksuffix": " %",
                    "title": {"text": t("inv.axis")},
                    "showgrid": True,
                    "gridcolor": "#e5e5e5",
                },
                "yaxis": {"autorange": "reversed", "automargin": True, "rangemode": "normal"},
                "legend": {"traceorder": "normal"},
                "shapes": [
                    {
                        "type": "line",
                        "yref": "paper",
                        "y0": 0,
                        "y1": 1,
                        "x0": line,
                        "x1": line,
                        "line": {"color": THRESHOLD_COLOUR, "dash": "dash", "width": 3},
                    },
                    {
                        "type": "line",
                        "yref": "paper",
                        "y0": 0,
                        "y1": 1,
                        "x0": 100,
                        "x1": 100,
                        "line": {"color": "#333333", "dash": "dot", "width": 1.5},
                    },
                ],
            },
        )
        frame.show(fig, "inv.chart")
        st.caption(t("inv.chart.caption", scenario=safe.md(scenario.name), threshold=fmt.percent(threshold, 0)))
        with st.expander(t("how")):
            st.markdown(t("explain.inv", year=year_10, threshold=fmt.percent(threshold, 0), base=ds.base_year))
            st.markdown(
                "\n".join(
                    t(
                        "explain.scenario.values",
                        name=safe.md(s.name),
                        tfr=frame.assumption("tfr", s.tfr),
                        migration=frame.assumption("net_migration_per_1000", s.net_migration_per_1000),
                        mortality=frame.assumption("mortality_change", s.mortality_change),
                    )
                    + "  "
                    for s in (data.scenario(view, sid) for sid in scenario_ids)
                )
            )

        # --- investment by investment ---------------------------------------------------------
        st.subheader(t("inv.section.each"))
        for item in items:
            flag = flags[item["id"]]
            with st.container(border=True):
                heading = f":red[{RED_FLAG}] " if flag["red"] else ":green[:material/check_circle:] "
                st.markdown(f"#### {heading}{safe.md(item['name'])}")
                st.caption(
                    t(
                        "inv.what",
                        kind=t(f"inv.kind.{item['kind']}"),
                        service=t(f"service.{item['service']}") if item["service"] else "–",
                        year=item["year"],
                    )
                )
                cells = frame.number_grid(big)
                cells[0].metric(t("inv.kpi.item_amount"), fmt.mnkr(item["amount_sek"]))
                cells[1].metric(t("inv.kpi.lifetime"), t("inv.years", count=item["lifetime_years"]))
                cells[2].metric(
                    t("inv.kpi.today", year=ds.base_year),
                    pct(item["utilisation_today"]),
                    t("inv.kpi.today.new") if item["utilisation_today"] is None else None,
                    delta_color="off",
                    delta_arrow="off",
                )
                cells[3].metric(
                    t("inv.kpi.today", year=year_10),
                    pct(item["utilisation_year_10"].get(scenario.id)),
                    t("inv.kpi.in_scenario", scenario=safe.md(scenario.name)),
                    delta_color="off",
                    delta_arrow="off",
                    help=t("inv.kpi.year_10.help", threshold=fmt.percent(threshold, 0)),
                )
                if item["service"] == "aldreboende":
                    st.caption(t("inv.care_pool"))
                if flag["oversized_critical"]:
                    st.error(
                        t(
                            "inv.flag.oversized",
                            values=t("cap.word.and").join(
                                t(
                                    "inv.flag.value",
                                    value=pct(item["utilisation_year_10"][s]),
                                    scenario=safe.md(scenario_names[s]),
                                )
                                for s in flag["oversized_critical"]
                            ),
                            year=year_10,
                            threshold=fmt.percent(threshold, 0),
                        ),
                        icon=RED_FLAG,
                    )
                elif flag["oversized"]:
                    st.warning(
                        t("inv.flag.oversized_other", scenarios=scenario_list(flag["oversized"]), year=year_10),
                        icon=":material/warning:",
                    )
                if flag["no_exit_strategy"]:
                    st.error(t("inv.flag.no_exit"), icon=RED_FLAG)
                else:
                    st.markdown(t("inv.exit", text=safe.md(item["exit_strategy"])))
                if not flag["red"] and not flag["oversized"]:
                    st.success(t("inv.flag.ok", year=year_10), icon=":material/check_circle:")

        # --- the table -----------------------------------------------------------------------
        st.subheader(t("inv.section.table"))
        table = pd.DataFrame(
            {
                t("inv.col.name"): [i["name"] for i in items],
                t("inv.col.service"): [t(f"service.{i['service']}") if i["service"] else "" for i in items],
                t("inv.col.kind"): [t(f"inv.kind.{i['kind']}") for i in items],
                t("inv.col.year"): [i["year"] for i in items],
                t("inv.col.amount"): [round(fmt.in_mnkr(i["amount_sek"]), 1) for i in items],
                t("inv.col.lifetime"): [i["lifetime_years"] for i in items],
                t("inv.col.today", year=ds.base_year): [
                    None if i["utilisation_today"] is None else round(fmt.in_percent(i["utilisation_today"]))
                    for i in items
                ],
                **{
                    t("inv.col.scenario", scenario=scenario_names[sid], year=year_10): [
                        None
                        if i["utilisation_year_10"].get(sid) is None
                        else round(fmt.in_percent(i["utilisation_year_10"][sid]))
                        for i in items
                    ]
                    for sid in scenario_ids
                },
                t("inv.col.exit"): [i["exit_strategy"] or t("inv.col.exit.missing") for i in items],
                t("inv.col.flag"): [
                    "; ".join(
                        ([t("inv.col.flag.oversized")] if flags[i["id"]]["oversized_critical"] else [])
                        + ([t("inv.col.flag.no_exit")] if flags[i["id"]]["no_exit_strategy"] else [])
                    )
                    for i in items
                ],
            }
        )
        numbers.table(table, {t("inv.col.amount"): lambda v: fmt.number(v, 1)}, years=[t("inv.col.year")])
        frame.download_table(table, "investeringar-scenariobedomning", "inv.table")
frame.close_page()
