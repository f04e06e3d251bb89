"""Barnkonsekvenser — the child impact assessment of one alternative.

Barnombudsmannen's six steps: which children are affected and the facts come from the
model (engine.measures.child_impact, against keeping all schools in the same scenario);
the children's views, the assessment of their best interest, how negative consequences
are met and the follow-up are written here and kept with the alternative (ui.decision).
"""

import pandas as pd
import streamlit as st

from engine.core import formatting as fmt
from engine.core.types import KEEP_ALL
from engine.measures.child_impact import DISTANCE_BANDS_KM
from ui import charts, data, decision, frame, safe, session
from ui.decision import NOTE_FIELDS, ChildImpactNotes
from ui.i18n import t

view = frame.open_page()
ds = data.dataset()
alternatives = data.alternatives()
big = view.present

st.title(t("child.title"))
st.markdown(t("child.intro", scenario=safe.md(data.scenario(view).name)))

alt_id = frame.one_alternative(
    alternatives, key="w.child.alternative", label=t("child.pick"), none=t("child.none"), preferred=view.alternatives
)
facts = decision.impact(view, alt_id)
params = data.result(view, KEEP_ALL).parameters
thresholds = {
    "f3": fmt.km(params.transport_threshold_km_f3),
    "m46": fmt.km(params.transport_threshold_km_46),
    "m79": fmt.km(params.transport_threshold_km_79),
}
years = list(range(facts.first_year, facts.last_year + 1))
opening = facts.first_year_moved()
opened = opening or facts.last_year
session.choice("year", f"child.year.{alt_id}", years, opened)  # the link reopens the year
year = st.select_slider(t("child.year"), years, key=f"child.year.{alt_id}", help=t("child.year.help"))
session.commit_choices(year=(year, opened))
shown = facts.in_year(year)
names = dict(zip(ds.units["unit_id"], ds.units["name"], strict=True))
schools = ", ".join(safe.md(names.get(u, u)) for u in facts.touched_units)

# --- 1. which children are affected ------------------------------------------------------
st.header(t("child.step1"))
if opening is None:
    st.markdown(t("child.nobody", first=facts.first_year, last=facts.last_year))
else:
    st.markdown(
        t(
            "child.summary",
            year=year,
            moved=fmt.number(shown.moved),
            longer=fmt.number(shown.longer),
            km=fmt.km(shown.extra_km_per_moved),
            newly=fmt.number(shown.newly_over),
            schools=schools,
        )
    )
grid = frame.number_grid(big)
numbers = (
    (t("child.kpi.moved", year=year), fmt.number(shown.moved), t("child.kpi.moved.help")),
    (t("child.kpi.touched", year=year), fmt.number(shown.at_touched), t("child.kpi.touched.help")),
    (t("child.kpi.extra_km"), fmt.km(shown.extra_km_per_moved), None),
    (t("child.kpi.newly_over"), fmt.number(shown.newly_over), t("child.kpi.newly_over.help", **thresholds)),
)
for cell, (label, value, help_text) in zip(grid, numbers, strict=True):
    cell.metric(label, value, help=help_text)

# --- 2. the facts --------------------------------------------------------------------------
st.header(t("child.step2"))
st.subheader(t("child.bands.title", year=year))
bands = facts.bands_in(year)
table = pd.DataFrame(
    {
        t("child.col.band"): bands["band"],
        t("child.col.pupils"): [fmt.number(v) for v in bands["pupils"]],
        t("child.col.moved"): [fmt.number(v) for v in bands["moved"]],
        t("child.col.longer"): [fmt.number(v) for v in bands["longer"]],
        t("child.col.extra_km"): [fmt.km(v) for v in bands["extra_km_per_moved"]],
        t("child.col.over_base"): [fmt.number(v) for v in bands["over_base"]],
        t("child.col.over_alt"): [fmt.number(v) for v in bands["over_alt"]],
    }
)
st.dataframe(table, hide_index=True, width="stretch")
left, right = frame.row(2, big)
with left:
    st.markdown(
        t(
            "child.classes",
            year=year,
            size_alt=fmt.number(shown.mean_class_size_alt, 1),
            size_base=fmt.number(shown.mean_class_size_base, 1),
            combined_alt=fmt.percent(shown.combined_grade_share_alt, 0),
            combined_base=fmt.percent(shown.combined_grade_share_base, 0),
            fragile_alt=fmt.number(shown.fragile_teams_alt),
            fragile_base=fmt.number(shown.fragile_teams_base),
        )
    )
with right:
    distances = facts.distances_in(year)
    labels = [name for name, _, _ in DISTANCE_BANDS_KM]
    styles = charts.style([KEEP_ALL, alt_id])
    traces = charts.bars(
        labels,
        {KEEP_ALL: distances["pupils_base"].tolist(), alt_id: distances["pupils_alt"].tolist()},
        styles=styles,
        names={KEEP_ALL: alternatives[KEEP_ALL].name, alt_id: alternatives[alt_id].name},  # charts.figure escapes
    )
    fig = charts.page_figure(
        traces,
        t("child.distance.title", year=year),
        source=frame.source(view),
        big=big,
        share=0.5,
        y_title=t("child.col.pupils"),
        layout={**charts.BAR_LAYOUT, "xaxis": {"title": {"text": t("child.distance.x")}}},
    )
    frame.show(fig, "child.distances")

st.subheader(t("child.areas.title", year=year))
areas = facts.areas_in(year)
if areas.empty:
    st.caption(t("child.areas.none", year=year))
else:
    area_names = dict(zip(ds.areas["area_id"], ds.areas["name"], strict=True))
    by_area = pd.DataFrame(
        {
            t("child.col.area"): [safe.text(area_names.get(a, a)) for a in areas["area_id"]],
            t("child.col.band"): areas["band"],
            t("child.col.moved"): [fmt.number(v) for v in areas["moved"]],
            t("child.col.km_base"): [fmt.km(v) for v in areas["km_base"]],
            t("child.col.km_alt"): [fmt.km(v) for v in areas["km_alt"]],
            t("child.col.over_base"): [fmt.number(v) for v in areas["over_base"]],
            t("child.col.over_alt"): [fmt.number(v) for v in areas["over_alt"]],
        }
    )
    st.dataframe(by_area, hide_index=True, width="stretch")
    frame.download_table(by_area, f"{t('child.file')}-{year}", "child.areas")

minutes = facts.minutes_in(year)
if minutes is not None:
    st.subheader(t("child.minutes.title", year=year))
    st.dataframe(
        pd.DataFrame(
            {
                t("child.col.band"): minutes["band"],
                t("child.col.minutes_base"): [fmt.number(v, 0) for v in minutes["minutes_base"]],
                t("child.col.minutes_alt"): [fmt.number(v, 0) for v in minutes["minutes_alt"]],
            }
        ),
        hide_index=True,
    )

if facts.preschools.empty:
    st.caption(t("child.preschool.none"))
else:
    st.subheader(t("child.preschool.title"))
    pre = facts.preschools_in(year)
    st.dataframe(
        pd.DataFrame(
            {
                t("child.col.preschool"): [safe.text(n) for n in pre["name"]],
                t("child.col.children_base"): [fmt.number(v) for v in pre["children_base"]],
                t("child.col.children_alt"): [fmt.number(v) for v in pre["children_alt"]],
                t("child.col.places_base"): [fmt.number(v) for v in pre["places_base"]],
                t("child.col.places_alt"): [fmt.number(v) for v in pre["places_alt"]],
            }
        ),
        hide_index=True,
    )
frame.how(t("child.explain", **thresholds))

# --- 3–6. what the officials write -----------------------------------------------------------
saved = decision.notes(alt_id)
steps = dict(zip(NOTE_FIELDS, ("child.step3", "child.step4", "child.step5", "child.step6"), strict=True))
with st.form(f"child.notes.{alt_id}"):
    written = {}
    for field, step in steps.items():
        st.subheader(t(step))
        written[field] = st.text_area(
            t(step),
            value=getattr(saved, field),
            help=t(f"{step}.help"),
            placeholder=t(f"{step}.help"),
            max_chars=decision.MAX_TEXT,
            key=f"child.{field}.{alt_id}",
            label_visibility="collapsed",
        )
    pressed = st.form_submit_button(t("child.save"), type="primary")
if pressed:
    decision.save_notes(alt_id, ChildImpactNotes(**written))
    st.success(t("child.saved.now"))
elif saved.saved_at is not None:
    st.caption(t("child.saved", time=fmt.date_time(saved.saved_at)))
else:
    st.caption(t("child.saved.never"))

frame.close_page()
