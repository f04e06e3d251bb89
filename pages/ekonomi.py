"""Ekonomi — "Vad händer om vi inte agerar?" for the whole municipality, and what each alternative changes.

Revenue follows the population; costs are the modelled services plus other costs per
inhabitant (engine.model.economy). The keep-all result comes first, then each chosen
alternative's effect on it (engine.model.economy.against_baseline), then every scenario.
"""

import pandas as pd
import streamlit as st

from engine import compare
from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL, Alternative, Scenario
from engine.measures.change import over_years
from engine.measures.compare import result_by_scenario
from engine.measures.municipality import (
    COST_PARTS,
    cost_by_service,
    first_deficit_year,
    result_change,
    revenue_and_population,
)
from engine.model.economy import against_baseline
from ui import charts, data, frame, numbers, safe, session
from ui.frame import how, row, show, signed
from ui.i18n import t
from ui.widgets import alternative_picker, parameter_sliders, picked_alternatives, slider_overrides

frame.open_page()

COST_COLOURS = {
    "grundskola": "#0072B2",
    "forskola": "#56B4E9",
    "aldreboende": "#D55E00",
    "hemtjanst": "#E69F00",
    "fritid_kultur": "#009E73",
    "other": "#C8C8C8",
}
COST_PATTERNS = {
    "grundskola": "",
    "forskola": "/",
    "aldreboende": "",
    "hemtjanst": "x",
    "fritid_kultur": ".",
    "other": "",
}
SURPLUS_COLOUR = "#009E73"
DEFICIT_COLOUR = "#D55E00"


@st.cache_data(show_spinner=False, max_entries=32)
def scenario_table(
    dataset_key: tuple[str, str],
    scenarios: tuple[Scenario, ...],
    overrides: tuple[tuple[str, float], ...],
    years: int,
    alternatives: tuple[Alternative, ...],
) -> pd.DataFrame:
    """engine.measures.compare for every scenario, memoised per view (it evaluates scenarios × alternatives)."""
    del dataset_key  # part of the cache key only: the process serves one dataset
    return compare(data.dataset(), list(scenarios), dict(overrides), years=years, alternatives=list(alternatives))


view = session.view()
ds = data.dataset()
alts = data.alternatives()
styles = charts.style(list(alts))
names = {a: alt.name for a, alt in alts.items()} | {KEEP_ALL: t("word.keep_all")}

st.title(t("eco.title"))
st.caption(t("eco.intro"))

# The big numbers, full width, then the widgets beside the charts. The numbers are drawn first, from the
# values the widgets will have (read before they are drawn), so nothing jumps down when they arrive.
answer = st.container()
controls, main = st.columns([1, 3], gap="large")
picked = picked_alternatives(view, alts)
overrides = slider_overrides(view, ("economy",))
view = view.with_(alternatives=tuple(picked), overrides=overrides)
session.commit(view)

compared = session.compared(view)
scenario = data.scenario(view)
results = {a: data.result(view, a) for a in compared}
base = results[KEEP_ALL]
economy = base.economy
params = base.parameters
first, last = int(economy["year"].iloc[0]), int(economy["year"].iloc[-1])
src = frame.source(view)
big = view.present
revenue = revenue_and_population(economy, base.years)
costs = cost_by_service(economy)
deficit_year = first_deficit_year(economy)
result = over_years(economy, "result_sek")
accumulated = over_years(economy, "accumulated_result_sek").last
population = over_years(revenue, "population")
income = over_years(revenue, "revenue_sek")
per_inhabitant = over_years(revenue, "revenue_per_inhabitant_sek")
cost = over_years(economy, "cost_sek")


def in_words(value: float, formatter) -> str:
    """A signed amount in prose: '+12,3 mnkr', '−6,5 mnkr' (a true minus sign)."""
    return signed(value, formatter, prose=True)


def more_or_less(value: float) -> str:
    """'66,4 mnkr mer' / '40,5 mnkr mindre'."""
    return f"{fmt.mnkr(abs(value))} {t('eco.word.more') if value >= 0 else t('eco.word.less')}"


def figure(traces: list[dict], title: str, *, share: float = 1.0, layout: dict | None = None):
    return charts.page_figure(
        traces, title, source=src, big=big, share=share, years=(first, last), y_title="mnkr", layout=layout
    )


def revenue_text() -> str:
    return t(
        "explain.eco.revenue",
        tax_base=fmt.kr(params.tax_base_per_inhabitant_sek),
        tax_rate=fmt.percent(params.tax_rate, 2),
        grants=fmt.kr(params.grants_per_inhabitant_sek),
        per_inhabitant=fmt.kr(per_inhabitant.first),
        p0=fmt.number(population.first),
        p1=fmt.number(population.last),
        r0=fmt.mnkr(income.first),
        r1=fmt.mnkr(income.last),
        first=first,
        last=last,
    )


def cost_text() -> str:
    return t(
        "explain.eco.costs",
        other=fmt.kr(params.other_costs_per_inhabitant_sek),
        first=first,
    )


with answer:
    # --- the answer first: the result if we keep everything as it is -------------------------
    grid = frame.number_grid(big)
    numbers.metric(
        grid[0],
        t("eco.kpi.result", year=last),
        fmt.mnkr(result.last),
        t("kpi.since", change=signed(result.difference, fmt.mnkr), year=first),
        help=t("eco.kpi.result.help"),
    )
    grid[1].metric(
        t("eco.kpi.accumulated", first=first, last=last),
        fmt.mnkr(accumulated),
        t("eco.word.deficit") if accumulated < 0 else t("eco.word.surplus"),
        delta_color="normal" if accumulated >= 0 else "inverse",
        delta_arrow="off",
        help=t("eco.kpi.accumulated.help"),
    )
    deficit_value = t("eco.kpi.deficit_year.none", last=last) if deficit_year is None else str(deficit_year)
    grid[2].metric(
        t("eco.kpi.deficit_year"),
        deficit_value,
        help=t("eco.kpi.deficit_year.help", first=first, last=last),
    )
    numbers.metric(
        grid[3],
        t("eco.kpi.revenue", year=last),
        fmt.mnkr(income.last),
        t("kpi.since", change=signed(income.relative, lambda v: fmt.percent(v, 0)), year=first),
        help=t("eco.kpi.revenue.help", change=in_words(population.relative, lambda v: fmt.percent(v, 0))),
    )

    summary = [
        t(
            "eco.summary.revenue",
            p0=fmt.number(population.first),
            p1=fmt.number(population.last),
            r0=fmt.mnkr(income.first),
            r1=fmt.mnkr(income.last),
            change=in_words(income.relative, lambda v: fmt.percent(v, 0)),
            first=first,
            last=last,
        ),
        t(
            "eco.summary.costs",
            c0=fmt.mnkr(cost.first),
            c1=fmt.mnkr(cost.last),
            verb=t("eco.word.costs_rise") if cost.difference > 0 else t("eco.word.costs_fall"),
            change=in_words(cost.relative, lambda v: fmt.percent(v, 0)),
            care=more_or_less(over_years(costs, "aldreboende", "hemtjanst").difference),
            children=more_or_less(over_years(costs, "grundskola", "forskola").difference),
        ),
        t(
            "eco.summary.result",
            r0=in_words(result.first, fmt.mnkr),
            r1=in_words(result.last, fmt.mnkr),
            acc=in_words(accumulated, fmt.mnkr),
            first=first,
            last=last,
        ),
    ]
    if deficit_year is not None:
        summary.append(t("eco.summary.deficit", year=deficit_year))
    st.markdown(" ".join(summary))
    st.info(t("eco.frame"), icon=":material/explore:")


with controls:  # the same values as read above
    alternative_picker(view, alts, help=t("eco.pick.help"))
    st.subheader(t("compare.params"))
    st.caption(t("eco.params.help"))
    parameter_sliders(view, ("economy",))

with main:
    # --- revenue and costs by service -------------------------------------------------------
    st.subheader(t("eco.section.budget"))
    years_list = costs["year"].tolist()
    traces = [
        {
            "type": "bar",
            "name": t(f"eco.part.{part}"),
            "x": years_list,
            "y": fmt.in_mnkr(costs[part]).tolist(),
            "marker": {
                "color": COST_COLOURS[part],
                "pattern": {"shape": COST_PATTERNS[part], "fgcolor": "rgba(255,255,255,0.6)", "fillmode": "overlay"},
            },
            "hovertemplate": f"%{{y:,.1f}} mnkr<extra>{t(f'eco.part.{part}')}</extra>",
        }
        for part in COST_PARTS
    ]
    traces.append(
        {
            "type": "scatter",
            "name": t("eco.series.revenue"),
            "x": years_list,
            "y": fmt.in_mnkr(economy["revenue_sek"]).tolist(),
            "mode": "lines+markers",
            "line": {"color": "#000000", "width": 4},
            "marker": {"symbol": "diamond", "size": 9, "color": "#000000"},
            "hovertemplate": f"%{{y:,.1f}} mnkr<extra>{t('eco.series.revenue')}</extra>",
        }
    )
    show(
        figure(
            traces,
            t("eco.chart.budget", first=first, last=last),
            layout={
                "barmode": "stack",
                "hovermode": "x unified",
                "legend": {"orientation": "v", "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"},
                "margin": {"t": 60},
            },
        ),
        "eco.budget",
    )
    st.caption(t("eco.budget.caption", per_inhabitant=fmt.kr(per_inhabitant.first)))
    how(revenue_text(), cost_text())

    # --- the result year by year ------------------------------------------------------------
    st.subheader(t("eco.section.result"))
    left, right = row(2, big)
    with left:
        values = economy["result_sek"].to_numpy(float)
        traces = [
            {
                "type": "bar",
                "name": t("eco.series.result"),
                "x": years_list,
                "y": fmt.in_mnkr(values).tolist(),
                "marker": {
                    "color": [SURPLUS_COLOUR if v >= 0 else DEFICIT_COLOUR for v in values],
                    "pattern": {
                        "shape": ["" if v >= 0 else "/" for v in values],
                        "fgcolor": "rgba(255,255,255,0.7)",
                        "fillmode": "overlay",
                    },
                },
                "customdata": charts.hover_numbers(fmt.in_mnkr(values), ",.1f", " mnkr"),  # a deficit with "−"
                "hovertemplate": f"%{{customdata}}<extra>{t('eco.series.result')}</extra>",
            }
        ]
        show(
            figure(
                traces,
                t("eco.chart.result"),
                share=0.5,
                layout={
                    "showlegend": False,
                    "hovermode": "closest",
                    "yaxis": {"rangemode": "normal", "zeroline": True, "zerolinecolor": "#333", "zerolinewidth": 2},
                },
            ),
            "eco.result",
        )
        how(t("explain.eco.result", first=first), revenue_text())
    with right:
        traces = charts.lines(
            {KEEP_ALL: economy},
            column="accumulated_result_sek",
            names=names,
            styles=styles,
            scale=1e-6,
            hover_format=",.1f",
        )
        show(
            figure(
                traces,
                t("eco.chart.accumulated", first=first),
                share=0.5,
                layout={
                    "yaxis": {"rangemode": "normal", "zeroline": True, "zerolinecolor": "#333", "zerolinewidth": 2}
                },
            ),
            "eco.accumulated",
        )
        how(t("explain.eco.accumulated", first=first))

    # --- what each alternative changes ------------------------------------------------------
    st.header(t("eco.section.alternatives"))
    if len(compared) == 1:
        st.info(t("eco.none"))
    else:
        effects = {
            a: against_baseline(results[a].economy, economy, params.discount_rate) for a in compared if a != KEEP_ALL
        }
        changes = {a: result_change(results[a].economy, economy) for a in compared}
        for col, alt in zip(st.columns(len(effects)), effects, strict=True):
            effect = effects[alt]
            with col:
                st.markdown(
                    f"<div style='border-top: 8px solid {styles[alt]['color']}; padding-top: 6px; "
                    f"font-weight: 600; min-height: 3.2em'>{safe.html(names[alt])}</div>",
                    unsafe_allow_html=True,
                )
                numbers.against_keep_all_metric(  # a better result is a cost saved: the words of Jämför
                    st,
                    t("kpi.total_diff", first=first, last=last),
                    -effect["accumulated_change_sek"],
                    help=t("eco.kpi.acc_change.help"),
                )
                st.metric(
                    t("eco.kpi.year_change", year=last),
                    signed(effect["result_change_last_year_sek"], fmt.mnkr, prose=True),
                    help=t("eco.kpi.year_change.help"),
                )
                st.metric(t("eco.kpi.one_off"), fmt.mnkr(effect["one_off_cost_sek"]), help=t("eco.kpi.one_off.help"))
                if effect["payback_year"] is not None:
                    payback = str(effect["payback_year"])
                elif effect["one_off_cost_sek"] <= 0:
                    payback = t("eco.payback.nothing")
                else:
                    payback = t("eco.payback.never", last=last)
                st.metric(t("eco.kpi.payback"), payback, help=t("eco.kpi.payback.help"))
                st.metric(
                    t("eco.kpi.present_value", rate=fmt.percent(params.discount_rate, 1)),
                    signed(effect["present_value_sek"], fmt.mnkr, prose=True),
                    help=t("eco.kpi.present_value.help", rate=fmt.percent(params.discount_rate, 1), first=first),
                )
        for alt, effect in effects.items():
            st.markdown(
                t(
                    "eco.alt.summary",
                    name=f"**{safe.md(names[alt])}**",
                    verb=t("eco.word.improves") if effect["accumulated_change_sek"] >= 0 else t("eco.word.worsens"),
                    amount=fmt.mnkr(abs(effect["accumulated_change_sek"])),
                    first=first,
                    last=last,
                    year_amount=in_words(effect["result_change_last_year_sek"], fmt.mnkr),
                    one_off=fmt.mnkr(effect["one_off_cost_sek"]),
                )
            )

        changed = [a for a in compared if a != KEEP_ALL]
        traces = charts.bars(
            changes[KEEP_ALL]["year"].tolist(),
            {a: fmt.in_mnkr(changes[a]["result_change_sek"]).round(2).tolist() for a in changed},
            styles=styles,
            names=names,
            hover_format=",.1f",
        )
        show(
            figure(
                traces,
                t("eco.chart.alt_result"),
                layout={
                    **charts.BAR_LAYOUT,
                    "yaxis": {"rangemode": "normal", "zeroline": True, "zerolinecolor": "#333", "zerolinewidth": 2},
                },
            ),
            "eco.alt_result",
        )
        how(t("explain.eco.alt_result"))
        traces = charts.lines(
            changes, column="accumulated_change_sek", names=names, styles=styles, scale=1e-6, hover_format=",.1f"
        )
        show(
            figure(
                traces,
                t("eco.chart.alt_accumulated", first=first),
                layout={"yaxis": {"rangemode": "normal", "zeroline": True, "zerolinecolor": "#333"}},
            ),
            "eco.alt_accumulated",
        )
        how(
            t("explain.eco.alt_accumulated"),
            t("explain.eco.payback", rate=fmt.percent(params.discount_rate, 1), first=first),
        )

    # --- every scenario ---------------------------------------------------------------------
    st.subheader(t("eco.section.scenarios", last=last))
    st.caption(t("eco.scenarios.intro", first=first, last=last))
    table = scenario_table(
        (str(ds.path), ds.code),
        tuple(data.scenario(view, sid) for sid in ds.scenarios),
        tuple(sorted(view.overrides.items())),
        view.years,
        tuple(alts[a] for a in compared),
    )
    scenario_names = {sid: data.scenario(view, sid).name for sid in ds.scenarios}
    shown = result_by_scenario(table, compared, list(ds.scenarios))
    # keep-all's own result, and each alternative's effect in the words of Jämför ("sparar 23,4 mnkr")
    pretty = pd.DataFrame(
        {
            a: [
                "–" if pd.isna(v) else in_words(v, fmt.mnkr) if a == KEEP_ALL else numbers.against_keep_all(-v)[0]
                for v in shown.loc[a]
            ]
            for a in shown.index
        },
        index=shown.columns,
    ).T.rename(index=names | {KEEP_ALL: t("eco.table.keep_all")}, columns=scenario_names)
    pretty.index.name, pretty.columns.name = t("measure.alternative"), None
    numbers.table(pretty, {name: str for name in pretty.columns}, hide_index=False)
    frame.download_table(
        fmt.in_mnkr(shown)
        .round(1)
        .rename(index=names | {KEEP_ALL: t("eco.table.keep_all")}, columns=scenario_names)
        .reset_index(names=t("measure.alternative")),
        "ekonomi-alternativ-scenarier-mnkr",
        "eco.scenarios",
    )

    # --- the numbers, year by year ----------------------------------------------------------
    st.subheader(t("eco.section.table"))
    year_table = pd.DataFrame({t("measure.year"): economy["year"].astype(int)})
    year_table[t("measure.population")] = revenue["population"].round(0)
    year_table[t("eco.col.revenue")] = fmt.in_mnkr(economy["revenue_sek"]).round(1)
    for part in COST_PARTS:
        year_table[f"{t(f'eco.part.{part}')} (mnkr)"] = fmt.in_mnkr(costs[part]).round(1)
    year_table[t("eco.col.cost")] = fmt.in_mnkr(economy["cost_sek"]).round(1)
    year_table[t("eco.col.result")] = fmt.in_mnkr(economy["result_sek"]).round(1)
    year_table[t("eco.col.accumulated")] = fmt.in_mnkr(economy["accumulated_result_sek"]).round(1)
    one_decimal = {name: (lambda v: fmt.number(v, 1)) for name in list(year_table.columns)[2:]}
    numbers.table(year_table, one_decimal, years=[t("measure.year")])
    frame.download_table(year_table, f"ekonomi-om-vi-inte-agerar-{scenario.id}", "eco.table")
frame.close_page()
