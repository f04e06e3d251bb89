"""Om modellen — the assumptions and the rules, generated from the engine's parameter tree.

Every parameter is listed with the value in force (dataset overrides, then the view's
sliders), its default, unit, meaning and source; then each figure is explained in
plain words with its formula and the values used; then the scenarios and the data.

Sections have fixed anchors so other pages can link to them, e.g.
``st.page_link("pages/om-modellen.py")`` or a markdown link to ``om-modellen#klasser``:

    parametrar, parametrar-<group> (the tree's group names: classes, teachers, costs, transport, premises, …),
    hur-raknas-det, elever, skolval, klasser, larare, kostnad, skolskjuts,
    stangda-skolor, kostnad-per-elev, byter-skola, kvalitet, befolkning,
    scenarier, datakallor
"""

from collections import Counter

import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import ParameterError, describe, resolve
from engine.measures.assumptions import parameter_rows, participation_range
from ui import data, frame, safe, session
from ui.frame import parameter_amount
from ui.i18n import LABELS, lang, t, tree_text

frame.open_page()

SECTIONS = (
    "elever", "skolval", "klasser", "larare", "kostnad", "skolskjuts",
    "stangda-skolor", "kostnad-per-elev", "byter-skola", "kvalitet", "befolkning",
)  # fmt: skip

view = session.view()
ds = data.dataset()
scenario = data.scenario(view)
big = view.present
english = lang() == "en"

try:
    rows = parameter_rows(ds.parameter_overrides, view.overrides)
    params = resolve(ds.parameter_overrides, view.overrides)
except ParameterError as exc:  # cannot happen for validated data and links, but never a traceback
    st.error(t("error.value", message=safe.md(exc)))
    rows = [{**r, "origin": "default", "changed": False} for r in describe()]
    params = resolve()


def cell(text: str) -> str:
    """Text that is safe inside a markdown table cell."""
    return str(text).replace("|", "\\|").replace("\n", " ")


session.commit(view)

st.title(t("about.title"))
st.markdown(t("about.intro", dataset=safe.md(ds.name), scenario=safe.md(scenario.name)))

if not big:
    titles = {
        "parametrar": t("about.params"),
        "hur-raknas-det": t("about.how"),
        "scenarier": t("about.scenarios"),
        "datakallor": t("about.data"),
    }
    st.markdown(f"**{t('about.toc')}:** " + " · ".join(f"[{title}](#{anchor})" for anchor, title in titles.items()))

# --- parameters ----------------------------------------------------------------------

st.header(t("about.params"), anchor="parametrar")
st.markdown(t("about.params.intro"))
changed = [r for r in rows if r["changed"]]
if changed:
    st.info(t("about.params.changed", n=len(changed)))
else:
    st.caption(t("about.params.none_changed"))
if english:
    st.caption(t("about.source.lang"))

header = (
    f"| {t('about.col.parameter')} | {t('about.col.value')} | {t('about.col.default')} | "
    f"{t('about.col.meaning')} | {t('about.col.source')} |\n|---|---|---|---|---|\n"
)
groups = list(dict.fromkeys(r["group"] for r in rows))  # every group of the tree, in its order
for group in groups:
    members = [r for r in rows if r["group"] == group]
    st.subheader(t(f"group.{group}") if f"group.{group}" in LABELS else group, anchor=f"parametrar-{group}")
    lines = []
    for r in members:
        label = tree_text(r, "label")
        value = f"**{parameter_amount(r['value'], r)}**"
        if r["changed"]:  # a value that differs from the default has come from the data or a slider
            value += f" ✎ {t('about.origin.' + r['origin'])}"
        lines.append(
            f"| **{cell(label)}**<br>`{r['name']}` | {cell(value)} | {cell(parameter_amount(r['default'], r))} | "
            f"{cell(tree_text(r, 'description'))} | {cell(r['source'])} |"
        )
    st.markdown(header + "\n".join(lines), unsafe_allow_html=True)

# --- how it is calculated ------------------------------------------------------------

st.header(t("about.how"), anchor="hur-raknas-det")
st.markdown(t("about.how.intro"))


def section(
    anchor: str, key: str, formulas: list[str] | None = None, *, formula: dict | None = None, **values: object
) -> None:
    """A figure explained: its title, its text with ``values``, then its formulas in a box.

    ``formula`` (the values it names) stands for the one formula ``about.<key>.formula``.
    """
    st.subheader(t(f"about.{key}.title"), anchor=anchor)
    st.markdown(t(f"about.{key}.text", **values))
    if formula is not None:
        formulas = [t(f"about.{key}.formula", **formula)]
    if formulas:
        with st.container(border=True):  # the formula in full colour: it is the point, not a footnote
            st.markdown("  \n".join(f":material/calculate: {formula}" for formula in formulas))


lowest, highest = participation_range(ds)
share_text = (
    f"{t('about.pupils.enrollment')}: {fmt.percent(lowest, 0)}–{fmt.percent(highest, 0)}"
    if ds.enrollment is not None
    else t("about.pupils.no_enrollment")
)
money = {
    "teacher_cost": fmt.kr(params.teacher_cost_sek),
    "other_teaching": fmt.kr(params.other_teaching_cost_per_pupil_sek),
    "per_pupil": fmt.kr(params.cost_per_pupil_sek),
    "transport": fmt.kr(params.transport_cost_per_pupil_sek),
}
detour = fmt.number(params.detour_factor, 2)
section("elever", "pupils", formula={}, participation=share_text)
section("skolval", "assignment", formula={"detour": detour}, detour=detour)
section(
    "klasser",
    "classes",
    formula={"max_class": params.max_class_size},
    max_class=params.max_class_size,
    max_grades=params.max_grades_per_class,
)
st.caption(t("about.classes.example"))
section(
    "larare",
    "teachers",
    formula={
        "per_class": fmt.number(params.teachers_per_class, 1),
        "per_teacher": fmt.number(params.pupils_per_teacher, 1),
    },
)
section("kostnad", "cost", formula=money)
section(
    "skolskjuts",
    "transport",
    formula={
        "f3": fmt.number(params.transport_threshold_km_f3, 1),
        "m46": fmt.number(params.transport_threshold_km_46, 1),
        "m79": fmt.number(params.transport_threshold_km_79, 1),
        "transport": money["transport"],
    },
)
section(
    "stangda-skolor",
    "premises",
    formula={
        "closed_share": fmt.percent(params.closed_premises_share, 0),
        "closed_years": params.closed_premises_years,
        "one_off": fmt.kr(params.closure_one_off_cost_sek),
    },
)
section("kostnad-per-elev", "cost_per_pupil", formula={})
section("byter-skola", "moved", formula={})
section("kvalitet", "quality", min_team=fmt.number(params.min_team_teachers, 1))
section(
    "befolkning",
    "demography",
    [
        t(
            "about.demography.formula.deaths",
            mortality=f"(1 {'−' if scenario.mortality_change < 0 else '+'} "
            f"{fmt.percent(abs(scenario.mortality_change), 0)})",
        ),
        t("about.demography.formula.births", tfr=fmt.number(scenario.tfr, 2)),
        t(
            "about.demography.formula.migration",
            migration=("+" if scenario.net_migration_per_1000 > 0 else "")
            + fmt.number(scenario.net_migration_per_1000, 1),
        ),
    ],
    scenario=safe.md(scenario.name),
)

# --- scenarios -----------------------------------------------------------------------

st.header(t("about.scenarios"), anchor="scenarier")
st.markdown(t("about.scenarios.intro"))
lines = [
    f"| {t('about.col.scenario')} | {t('about.col.assumption')} | {t('about.col.tfr')} | "
    f"{t('about.col.migration')} | {t('about.col.mortality')} |",
    "|---|---|---|---|---|",
]
for sid in ds.scenarios:
    s = data.scenario(view, sid)
    edits = view.scenario_changes.get(sid, {})

    def mark(fname: str, text: str, edits: dict = edits) -> str:
        return f"**{text}** ✎ {t('about.scenarios.changed')}" if fname in edits else text

    title = f"**{safe.md(s.name)}**" + (f" ({t('about.scenarios.current')})" if sid == view.scenario else "")
    migration = ("+" if s.net_migration_per_1000 > 0 else "") + fmt.number(s.net_migration_per_1000, 1)
    mortality = frame.assumption("mortality_change", s.mortality_change)
    lines.append(
        f"| {title} | {safe.md(s.description)} | {mark('tfr', frame.assumption('tfr', s.tfr))} | "
        f"{mark('net_migration_per_1000', migration)} | {mark('mortality_change', mortality)} |"
    )
st.markdown("\n".join(lines))

# --- data sources --------------------------------------------------------------------

st.header(t("about.data"), anchor="datakallor")
services = Counter(ds.units["service"])
st.markdown(
    t(
        "about.data.summary",
        name=safe.md(ds.name),
        code=ds.code,
        base_year=ds.base_year,
        areas=len(ds.areas),
        units=len(ds.units),
        services=", ".join(f"{t(f'service.{s}')}: {n}" for s, n in services.items()),
    )
)
st.markdown(
    "- "
    + (t("about.data.enrollment.yes") if ds.enrollment is not None else t("about.data.enrollment.no"))
    + "\n- "
    + (
        t("about.data.distances.yes", pairs=fmt.number(len(ds.distances)), detour=detour)
        if ds.distances is not None and len(ds.distances)
        else t("about.data.distances.no", detour=detour)
    )
)
st.markdown(t("about.data.format"))
if not big:
    documents = [("about.data.docs", data.ROOT / "docs" / "dataset.md"), ("about.data.readme", ds.path / "README.md")]
    for key, path in documents:
        if path.is_file():
            with st.expander(t(key)):
                st.markdown(path.read_text(encoding="utf-8"))
frame.close_page()
