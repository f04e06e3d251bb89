"""Jämfört med officiell statistik — the loaded municipality's base year beside Skolverket's
and Kolada's figures, the values fitted to them, and the demography's back-test.

Every figure comes from engine.measures.calibration; this page formats and draws. Kolada's
figures carry "Källa: Kolada"; the model's column is ours and never attributed to Kolada.
"""

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import describe
from engine.measures.calibration import (
    Backtest,
    Comparison,
    backtest_years,
    demography_backtest,
    official_comparison,
)
from ui import data, frame, safe, session
from ui.frame import parameter_amount, signed
from ui.i18n import t, tree_text

frame.open_page()

view = session.view()
ds = data.dataset()
session.commit(view)
GROUPS = ("grundskola", "forskola", "aldreboende", "befolkning")
META = {row["name"]: row for row in describe()}


@st.cache_data(show_spinner=False, max_entries=8)
def backtests(demography: pd.DataFrame) -> tuple[Backtest, list[Backtest]]:
    """The headline back-test (2017 → 2022) and the same from earlier years, memoised per demography."""
    return demography_backtest(demography), backtest_years(demography)


def amount(row: Comparison, value: float | None) -> str:
    if value is None:
        return t("calib.missing")
    if row.unit == "kr":
        return fmt.kr(value)
    if row.unit == "share":
        return fmt.percent(value, 1)
    return fmt.number(value, 0)


def source(row: Comparison) -> str:
    if row.agency == "kolada":
        return t("calib.source.kolada", kpi=row.kpi, year=row.official_year)
    return t("calib.source.skolverket", year=row.official_year)


def why(row: Comparison, skolverket_year: int | None) -> str:
    if row.group == "befolkning":
        return t("calib.why.population", base=ds.base_year, year=row.official_year)
    if row.key == "school_with_transport":
        if row.official_change is None:
            return t("calib.why.school_with_transport.plain", year=row.official_year, base=ds.base_year)
        return t(
            "calib.why.school_with_transport",
            year=row.official_year,
            base=ds.base_year,
            skolverket_year=skolverket_year,
            change=signed(row.official_change, lambda v: fmt.percent(v, 0), prose=True),
        )
    return t(f"calib.why.{row.key}", base=ds.base_year)


st.title(t("calib.title"))
result = data.baseline(view)
comparison = official_comparison(ds, result)

if comparison.official_name is None:
    st.info(t("calib.fictional", name=safe.md(ds.name), code=safe.md(ds.code)), icon=":material/info:")
else:
    st.markdown(
        t(
            "calib.intro",
            year=ds.base_year,
            name=safe.md(ds.name),
            official=safe.md(comparison.official_name),
        )
    )
    with_both = [r for r in comparison.rows if r.difference is not None]
    st.metric(
        t("calib.kpi.within"),
        t("calib.kpi.within.value", n=comparison.within_5_percent, total=len(with_both)),
    )
    skolverket_year = next((r.official_year for r in comparison.rows if r.agency == "skolverket"), None)
    for group in GROUPS:
        rows = [r for r in comparison.rows if r.group == group]
        if not rows:
            continue
        st.subheader(t(f"calib.group.{group}"))
        st.table(
            pd.DataFrame(
                {
                    t("calib.col.figure"): [t(f"calib.fig.{r.key}") for r in rows],
                    t("calib.col.model", year=ds.base_year): [amount(r, r.model) for r in rows],
                    t("calib.col.official"): [amount(r, r.official) for r in rows],
                    t("calib.col.difference"): [
                        "–"
                        if r.difference is None
                        else signed(r.difference, lambda v: fmt.percent(v, 1), prose=True, even="±")
                        for r in rows
                    ],
                    t("calib.col.source"): [source(r) for r in rows],
                }
            ).set_index(t("calib.col.figure"))
        )
        # What explains each difference, under the table: a narrow table stays readable on a phone.
        reasons = dict.fromkeys(why(r, skolverket_year) for r in rows)  # the population's reason once
        named = {why(r, skolverket_year): t(f"calib.fig.{r.key}").lstrip("– ") for r in rows}
        st.markdown(
            f"**{t('calib.col.why')}**  \n"
            + "\n".join(
                f"* {reason}" if group == "befolkning" else f"* *{named[reason]}:* {reason}" for reason in reasons
            )
        )

st.header(t("calib.fitted.title"), anchor="anpassade")
if not comparison.calibrated:
    st.caption(t("calib.fitted.none"))
else:
    st.markdown(t("calib.fitted.intro"))
    st.table(
        pd.DataFrame(
            {
                t("calib.fitted.col.parameter"): [tree_text(META[c.name], "label") for c in comparison.calibrated],
                t("calib.fitted.col.value"): [parameter_amount(c.value, META[c.name]) for c in comparison.calibrated],
                t("calib.fitted.col.default"): [
                    parameter_amount(c.default, META[c.name]) for c in comparison.calibrated
                ],
                t("calib.fitted.col.source"): [safe.md(c.source) for c in comparison.calibrated],
            }
        ).set_index(t("calib.fitted.col.parameter"))
    )

st.header(t("calib.backtest.title"), anchor="demografin")
headline, by_year = backtests(ds.demography)
target = headline.base_year + headline.horizon
bound = fmt.percent(headline.bound_90, 0)
st.subheader(t("calib.backtest.headline", horizon=headline.horizon, bound=bound))
model_column, unchanged_column, kolada_column = st.columns(3)
model_column.metric(
    t("calib.backtest.model"),
    t("calib.backtest.bound", bound=bound),
    help=t(
        "calib.backtest.headline.help",
        base=headline.base_year,
        target=target,
        n=len(headline.rows),
        median=fmt.percent(headline.median_abs_error, 1),
    ),
)
unchanged_column.metric(
    t("calib.backtest.unchanged"), t("calib.backtest.bound", bound=fmt.percent(headline.unchanged_bound_90, 0))
)
if headline.kolada_bound_90 is not None:
    kolada_column.metric(
        t("calib.backtest.kolada"), t("calib.backtest.bound", bound=fmt.percent(headline.kolada_bound_90, 0))
    )
here = headline.row(ds.code)
if here is not None:
    st.markdown(
        t(
            "calib.backtest.here",
            name=safe.md(here.name),
            projected=fmt.number(here.projected, 0),
            actual=fmt.number(here.actual, 0),
            error=signed(here.error, lambda v: fmt.percent(v, 1), prose=True, even="±"),
        )
    )
st.markdown(t("calib.backtest.method", base=headline.base_year, horizon=headline.horizon, target=target))
st.markdown(t("calib.backtest.limits"))
st.subheader(t("calib.backtest.by_year"))
st.table(
    pd.DataFrame(
        {
            t("calib.backtest.col.from"): [str(b.base_year) for b in by_year],
            t("calib.backtest.col.to"): [str(b.base_year + b.horizon) for b in by_year],
            t("calib.backtest.col.n"): [fmt.number(len(b.rows)) for b in by_year],
            t("calib.backtest.col.bound"): [f"±{fmt.percent(b.bound_90, 0)}" for b in by_year],
            t("calib.backtest.col.median"): [f"±{fmt.percent(b.median_abs_error, 0)}" for b in by_year],
            t("calib.backtest.col.unchanged"): [f"±{fmt.percent(b.unchanged_bound_90, 0)}" for b in by_year],
        }
    ).set_index(t("calib.backtest.col.from"))
)
st.caption(t("calib.backtest.data"))

frame.close_page()
