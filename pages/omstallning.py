"""Omställningsstrategi — the transition strategy the municipality writes and keeps in Vägval.

Principles (the method's examples as suggestions), prioritisation criteria with weights
(a workshop's mean weights when one was held), the chosen alternative's timeline year by
year (engine.measures.transition) and a communication plan; saved in the store for
everyone (ui.decision) and downloaded as a Word document to edit further.
"""

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.ranking import CRITERIA, WEIGHT_LEVELS
from engine.measures.transition import outlook, timeline
from ui import data, decision, frame, safe
from ui.i18n import t

view = frame.open_page()
ds = data.dataset()
alternatives = data.alternatives()

st.title(t("strategy.title"))
st.markdown(t("strategy.intro"))

saved = decision.strategy()
alt_id = frame.one_alternative(
    alternatives,
    key="w.strategy.alternative",
    label=t("strategy.pick"),
    none=t("strategy.none"),
    preferred=(saved.alternative, *view.alternatives),
)

seen = outlook(data.result(view, alt_id), data.result(view, KEEP_ALL))
framing = t(
    "strategy.framing",
    scenario=safe.md(data.scenario(view).name),
    alternative=safe.md(alternatives[alt_id].name),
    p0=fmt.number(seen.pupils_first),
    p1=fmt.number(seen.pupils_last),
    first=seen.first_year,
    last=seen.last_year,
    size=fmt.number(seen.mean_class_size, 1),
    size_base=fmt.number(seen.mean_class_size_base, 1),
    combined=fmt.percent(seen.combined_grade_share, 0),
    combined_base=fmt.percent(seen.combined_grade_share_base, 0),
    cost=fmt.mnkr(abs(seen.cost_diff_sek)),
    direction=t("strategy.less") if seen.cost_diff_sek <= 0 else t("strategy.more"),
)
st.markdown(framing)

# --- the timeline: from the chosen alternative ----------------------------------------------
st.header(t("strategy.timeline"))
st.caption(t("strategy.timeline.help"))
names = dict(zip(ds.units["unit_id"], ds.units["name"], strict=True))
steps = [
    (m.year, decision.milestone_text(m, names)) for m in timeline(alternatives[alt_id], seen.first_year, seen.last_year)
]
if steps:
    st.dataframe(
        pd.DataFrame(
            {t("strategy.col.year"): [str(y) for y, _ in steps], t("strategy.col.step"): [s for _, s in steps]}
        ),
        hide_index=True,
        width="stretch",
    )
else:
    st.caption(t("strategy.timeline.none"))

# --- what the municipality writes --------------------------------------------------------------
held = decision.workshop_weights()
if saved.weights is not None:
    weights = saved.weights
elif held is not None:
    weights = held[2]
else:
    weights = dict.fromkeys(CRITERIA, 3.0)
principles = saved.principles if saved.saved_at else decision.suggested_principles()
plan = saved.plan if saved.saved_at else decision.suggested_plan()

with st.form("strategy.form"):
    st.header(t("strategy.principles"))
    st.caption(t("strategy.principles.help"))
    edited_principles = st.data_editor(
        pd.DataFrame({"principle": list(principles)}),
        column_config={"principle": st.column_config.TextColumn(t("strategy.col.principle"), width="large")},
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="strategy.principles",
    )
    st.header(t("strategy.criteria"))
    st.caption(t("strategy.criteria.help"))
    if held is not None and saved.weights is None:
        st.caption(t("strategy.criteria.workshop", code=safe.md(held[0]), count=held[1]))
    elif held is None and saved.weights is None:
        st.caption(t("strategy.criteria.default"))
    chosen_weights = {
        c: st.select_slider(
            t(f"ws.crit.{c}"),
            options=list(WEIGHT_LEVELS),
            value=min(WEIGHT_LEVELS, key=lambda level, c=c: abs(level - weights.get(c, 0.0))),
            help=t(f"ws.crit.{c}.help"),
            key=f"strategy.weight.{c}",
        )
        for c in CRITERIA
    }
    st.header(t("strategy.plan"))
    st.caption(t("strategy.plan.help"))
    edited_plan = st.data_editor(
        pd.DataFrame([dict(row) for row in plan], columns=list(decision.PLAN_COLUMNS)),
        column_config={c: st.column_config.TextColumn(t(f"strategy.col.{c}")) for c in decision.PLAN_COLUMNS},
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="strategy.plan",
    )
    pressed = st.form_submit_button(t("strategy.save"), type="primary")

if pressed:
    saved = decision.Strategy(
        alternative=alt_id,
        principles=tuple(str(p) for p in edited_principles["principle"].fillna("")),
        weights={c: float(w) for c, w in chosen_weights.items()},
        plan=tuple(
            {c: "" if pd.isna(row[c]) else str(row[c]) for c in decision.PLAN_COLUMNS}
            for _, row in edited_plan.iterrows()
        ),
    )
    decision.save_strategy(saved)
    saved = decision.strategy()
    st.success(t("strategy.saved.now"))
elif saved.saved_at is not None:
    st.caption(t("strategy.saved", time=fmt.date_time(saved.saved_at)))
else:
    st.caption(t("strategy.saved.never"))

shown = saved if saved.saved_at else decision.Strategy(alternative=alt_id, principles=principles, plan=plan)
st.download_button(
    t("strategy.download"),
    decision.strategy_docx(
        shown,
        framing,
        steps,
        [(t(f"ws.crit.{c}"), float(chosen_weights[c])) for c in CRITERIA],
        f"{t('strategy.title')}: {ds.name}",
    ),
    f"{t('strategy.file')}.docx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    key="strategy.docx",
)

frame.close_page()
