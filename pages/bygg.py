"""Bygg alternativ — put together an alternative of one's own and see its effect at once.

The draft (where it started from, name, description, actions) lives in the session
under ``build.draft`` so it survives a visit to another page; the widgets keep
their values under ``w.build.*`` keys seeded from it. The draft is checked with
engine.dataset.parse_alternative on every run and evaluated as an unsaved
Alternative against keep-all; saving puts it in the store (engine/store), where every page
and every session finds it.
"""

import dataclasses
import datetime as dt
import functools
import re

import streamlit as st

from engine.core import formatting as fmt
from engine.core.parameters import ParameterError
from engine.core.types import KEEP_ALL, Alternative
from engine.dataset import DatasetError
from engine.dataset.alternatives import alternative_to_dict, parse_alternative
from engine.dataset.drafts import alternative_id, draft_document, sorted_actions, to_toml
from engine.measures.compare import accumulated_difference
from engine.measures.effects import effect
from engine.model.evaluate import EvaluationError
from engine.store import StoreBusy
from ui import charts, data, frame, memo, numbers, roles, safe, session
from ui.i18n import t
from ui.widgets import MAX_COMPARED

frame.open_page()

ACTIONS = ("close", "merge", "set_capacity", "reopen")  # "build" needs a whole new unit: alternatives.toml only
DRAFT = "build.draft"
FLASH = "build.flash"
NO_REPLACE = "build.no_replace"  # the name whose replacement the user declined

view = session.view()
ds = data.dataset()
alts = data.alternatives()
units = ds.units
unit_name = dict(zip(units["unit_id"], units["name"], strict=True))
unit_service = dict(zip(units["unit_id"], units["service"], strict=True))
unit_capacity = dict(zip(units["unit_id"], units["capacity"], strict=True))
# Schools first (the model counts them), then the other services' units.
unit_ids = sorted(units["unit_id"], key=lambda u: (unit_service[u] != "grundskola", unit_service[u], unit_name[u]))
first_year, last_year = ds.base_year, ds.base_year + view.years
years = list(range(first_year, last_year + 1))
big = view.present


def unit_label(unit: str) -> str:
    name = unit_name.get(unit, unit)
    service = unit_service.get(unit)
    return name if service in (None, "grundskola") else f"{name} – {t(f'service.{service}')}"


def action_text(action: dict) -> str:
    kind = action.get("action", "")
    capacity = action.get("capacity")
    return t(
        f"action.text.{kind}",
        year=action.get("year"),
        unit=safe.md(unit_label(str(action.get("unit")))),
        to=safe.md(unit_label(str(action.get("to")))),
        capacity=fmt.number(float(capacity)) if capacity is not None else "–",
    )


WHERE = re.compile(r"^år (\d{4}), (\w+) (\S+): ")


def plain(message: str) -> str:
    """The engine's message with unit ids as names and the action in words."""
    match = WHERE.match(message)
    if match and match.group(2) in (*ACTIONS, "build"):
        prefix = t(
            "build.problem.where", year=match.group(1), what=t(f"action.noun.{match.group(2)}"), unit=match.group(3)
        )
        message = prefix + message[match.end() :]
    for uid in sorted(unit_name, key=len, reverse=True):
        message = re.sub(rf"(?<![\w-]){re.escape(uid)}(?![\w-])", unit_name[uid], message)
    return message


# --- the draft -----------------------------------------------------------------------

if DRAFT not in st.session_state:
    st.session_state[DRAFT] = {"from": KEEP_ALL, "name": "", "description": "", "actions": []}
draft: dict = st.session_state[DRAFT]
if draft["from"] not in alts:  # deleted meanwhile (here or in another session)
    draft["from"] = KEEP_ALL
    st.session_state.pop("w.build.from", None)


def start_from() -> None:
    """Callback: copy the chosen alternative into the draft (an empty one for keep-all)."""
    chosen = st.session_state["w.build.from"]
    alt = alts.get(chosen, alts[KEEP_ALL])
    if chosen == KEEP_ALL:
        name, description = "", ""
    else:
        name = alt.name if data.is_saved(chosen) else t("build.copy_of", name=alt.name)
        description = alt.description
    draft.update({"from": chosen, "name": name, "description": description})
    draft["actions"] = sorted_actions(alternative_to_dict(alt)["action"])
    st.session_state["w.build.name"] = name
    st.session_state["w.build.description"] = description


def add_action() -> None:
    """Callback: append the action described by the add-form widgets, then clear the form."""
    kind = st.session_state["w.build.add.action"]
    unit = st.session_state["w.build.add.unit"]
    action: dict = {"year": int(st.session_state["w.build.add.year"]), "action": kind, "unit": unit}
    if kind == "merge":
        action["to"] = st.session_state.get("w.build.add.to")
    if kind == "set_capacity":
        action["capacity"] = float(st.session_state[f"w.build.add.capacity.{unit}"])
    draft["actions"] = sorted_actions([*draft["actions"], action])
    for key in [k for k in st.session_state if str(k).startswith("w.build.add.")]:
        del st.session_state[key]  # the form starts over from its defaults for the next action


def remove_action(index: int) -> None:
    del draft["actions"][index]


def save(alternative: Alternative, replace: bool = False) -> None:
    """Callback: keep the alternative. The store refuses an id that is taken unless ``replace``
    (asked first), so an alternative saved meanwhile in another session is never lost silently."""
    try:
        saved = data.save_alternative(alternative, replace=replace)
    except StoreBusy:
        st.session_state[FLASH] = ("busy", alternative.id, alternative.name)
        return
    if not saved:  # the page shows the question, now that the other one is in the list
        st.session_state[FLASH] = ("taken", alternative.id, alternative.name)
        return
    st.session_state.pop(NO_REPLACE, None)
    draft["from"] = alternative.id
    st.session_state["w.build.from"] = alternative.id
    st.session_state[FLASH] = ("saved", alternative.id, alternative.name)


def decline(name: str) -> None:
    """Callback: keep the other alternative; the page then asks for another name."""
    st.session_state[NO_REPLACE] = name


def delete(alternative_id: str, name: str) -> None:
    if not roles.is_admin():  # only the administrator's session draws the button; a forged event does nothing
        return
    data.delete_alternative(alternative_id)
    draft["from"] = KEEP_ALL
    st.session_state["w.build.from"] = KEEP_ALL
    st.session_state[FLASH] = ("deleted", alternative_id, name)


def keep_valid(key: str, options: list) -> None:
    """A remembered choice that is no longer offered falls back to the first option."""
    if key in st.session_state and st.session_state[key] not in options:
        st.session_state[key] = options[0]


# --- layout --------------------------------------------------------------------------

st.title(t("build.title"))
if not big:
    st.caption(t("build.intro"))

flash = st.session_state.pop(FLASH, None)
if flash and flash[0] == "saved":
    st.success(t("build.saved", name=safe.md(flash[2])))
    st.page_link("pages/jamfor.py", label=t("build.go_compare"), icon=":material/compare_arrows:")
elif flash and flash[0] == "deleted":
    st.info(t("build.deleted", name=safe.md(flash[2])))
elif flash and flash[0] == "taken":
    st.warning(t("store.replace.meanwhile", name=safe.md(flash[2])))
elif flash and flash[0] == "busy":
    st.warning(t("store.busy"))

if big:
    effect_box, builder = st.container(), st.container()
else:
    builder, effect_box = st.columns([2, 3], gap="large")

# The draft's texts as their fields hold them, read before the fields are drawn: on a projector
# the effect is drawn above the builder and first, so that nothing under it moves when it arrives.
session.session_seed("w.build.name", draft["name"])
session.session_seed("w.build.description", draft["description"])
draft["name"], draft["description"] = st.session_state["w.build.name"], st.session_state["w.build.description"]
actions: list[dict] = draft["actions"]

# --- check the draft -----------------------------------------------------------------

own = draft["from"] if draft["from"] != KEEP_ALL and data.is_saved(draft["from"]) else None
name = draft["name"].strip()
target_id = alternative_id(name, alts, own=own)
document = draft_document(target_id, name or t("build.untitled"), draft["description"], actions)
problems: list[str] = []
alternative: Alternative | None = None
try:
    alternative = parse_alternative(document, ds, source=t("build.title"))
except DatasetError as exc:
    for p in exc.problems:
        text = safe.md(plain(p.message))
        problems.append(t("build.problem.action", n=p.row, message=text) if p.row is not None else text)


def draw_builder() -> None:
    """The draft's name, description and actions, and the form that adds one (in ``builder``)."""
    with builder:
        options = list(alts)
        session.session_seed("w.build.from", draft["from"])
        keep_valid("w.build.from", options)
        st.selectbox(
            t("build.from"),
            options,
            key="w.build.from",
            on_change=start_from,
            format_func=lambda a: (
                t("build.from.empty")
                if a == KEEP_ALL
                else t("build.from.saved", name=alts[a].name)
                if data.is_saved(a)
                else alts[a].name
            ),
            help=t("build.from.help"),
        )
        st.text_input(t("build.name"), key="w.build.name", help=t("build.name.help"), max_chars=120)
        st.text_area(
            t("build.description"),
            key="w.build.description",
            help=t("build.description.help"),
            placeholder=t("build.description.placeholder"),
            height=110,
        )

        st.subheader(t("build.actions"))
        if not actions:
            st.caption(t("build.actions.none"))
        for i, action in enumerate(actions):
            text_col, button_col = st.columns([5, 1], vertical_alignment="center")
            text_col.markdown(f"{i + 1}. {action_text(action)}")
            button_col.button(
                t("build.remove"),
                key=f"build.remove.{i}",
                on_click=remove_action,
                args=(i,),
                help=t("build.remove.help"),
                icon=":material/delete:",
            )

        if problems:  # right under its actions
            st.error(t("build.invalid") + "\n\n" + "\n".join(f"- {p}" for p in problems))
        with st.container(border=True):
            st.markdown(f"**{t('build.add')}**")
            session.session_seed("w.build.add.action", "merge")
            kind = st.selectbox(
                t("build.add.action"), ACTIONS, key="w.build.add.action", format_func=lambda a: t(f"action.{a}")
            )
            session.session_seed("w.build.add.unit", unit_ids[0])
            keep_valid("w.build.add.unit", unit_ids)
            unit = st.selectbox(t("build.add.unit"), unit_ids, key="w.build.add.unit", format_func=unit_label)
            if unit_service[unit] != "grundskola":
                st.caption(t("build.add.not_school"))
            if kind == "merge":
                targets = [u for u in unit_ids if u != unit and unit_service[u] == unit_service[unit]]
                if targets:
                    session.session_seed("w.build.add.to", targets[0])
                    keep_valid("w.build.add.to", targets)
                    st.selectbox(t("build.add.to"), targets, key="w.build.add.to", format_func=unit_label)
            if kind == "set_capacity":
                session.session_seed(f"w.build.add.capacity.{unit}", int(unit_capacity[unit]))
                st.number_input(
                    t("build.add.capacity"),
                    min_value=0,
                    max_value=100_000,
                    step=10,
                    key=f"w.build.add.capacity.{unit}",
                    help=t("build.add.capacity.help", capacity=fmt.number(unit_capacity[unit])),
                )
            session.session_seed("w.build.add.year", min(first_year + 2, last_year))
            keep_valid("w.build.add.year", years)
            st.select_slider(t("build.add.year"), options=years, key="w.build.add.year")
            st.button(
                t("build.add.button"),
                key="build.add",
                on_click=add_action,
                icon=":material/add:",
                disabled=kind == "merge"
                and not [u for u in unit_ids if u != unit and unit_service[u] == unit_service[unit]],
            )


if not big:
    draw_builder()

# --- the effect against keeping all --------------------------------------------------

styles = charts.style([*alts, *([target_id] if target_id not in alts else [])])
names = {a: alt.name for a, alt in alts.items()}
names[target_id] = name or t("build.untitled")


with effect_box:
    st.subheader(t("build.effect"))
    st.caption(
        t(
            "build.effect.caption.present" if big else "build.effect.caption",
            scenario=safe.md(data.scenario(view).name),
        )
    )
    if problems:
        st.info(t("build.fix_first"))
    elif not actions or alternative is None:
        st.info(t("build.effect.empty"))
    else:
        try:
            result = data.result(view, alternative)
            base = data.baseline(view)
        except (EvaluationError, ParameterError, DatasetError, ValueError) as exc:
            st.error(t("error.value", message=safe.md(exc)))
            result = base = None
        if result is not None and base is not None:
            e = effect(result, base)
            last = e.last_year
            st.markdown(
                f"<div style='border-top: 8px solid {styles[target_id]['color']}; padding-top: 6px; "
                f"font-weight: 600'>{safe.html(names[target_id])}</div>",
                unsafe_allow_html=True,
            )

            decimal = functools.partial(fmt.number, decimals=1)
            rows = (  # label, value, difference against keep-all, format, colour of the difference
                ("kpi.cost", e.cost_sek, e.cost_diff_sek, fmt.mnkr, "inverse"),
                ("kpi.cost_per_pupil", e.cost_per_pupil_sek, e.cost_per_pupil_diff_sek, fmt.kr, "inverse"),
                ("kpi.class_size", e.mean_class_size, e.mean_class_size_diff, decimal, "normal"),
                ("kpi.distance", e.mean_distance_km, e.mean_distance_diff_km, fmt.km, "inverse"),
            )
            cost, per_pupil, class_size, distance = [
                (t(key, year=last), show(value), frame.signed(diff, show), colour, None)
                for key, value, diff, show, colour in rows
            ]
            metrics = [
                cost,
                (t("kpi.total_diff", first=e.first_year, last=last), e.total_diff_sek, None, "effect", None),
                per_pupil,
                class_size,
                distance,
                (
                    t("kpi.moved", year=last),
                    fmt.number(e.pupils_changing_school),
                    None,
                    "off",
                    t("kpi.moved.help", year=last),
                ),
            ]
            # In pairs, one row each: the labels stay whole in the narrower right-hand column.
            for pair in (metrics[0:2], metrics[2:4], metrics[4:6]):
                for col, (label, value, delta, colour, help_text) in zip(st.columns(2), pair, strict=True):
                    if colour == "effect":  # the total against keep-all in words, as on Jämför and Ekonomi
                        numbers.against_keep_all_metric(col, label, value, help=t("kpi.total_diff.help"))
                    else:
                        numbers.metric(col, label, value, delta, delta_color=colour, help=help_text)
            st.markdown(frame.summary(names[target_id], e))
            if shortfalls := memo.shortfall_sentences(result):  # a merge the receiving school cannot hold
                st.warning("\n\n".join(shortfalls))
            accumulated = {
                KEEP_ALL: accumulated_difference(base, base),
                target_id: accumulated_difference(result, base),
            }
            traces = charts.lines(
                accumulated, column="diff_sek", names=names, styles=styles, scale=1e-6, hover_format=",.1f"
            )
            frame.show(
                charts.figure(
                    traces,
                    title=t("chart.accumulated", first=e.first_year),
                    source=frame.source(view),
                    y_title="mnkr",
                    big=big,
                    layout={"yaxis": {"rangemode": "normal"}},
                ),
                "build.chart",
            )

if big:
    draw_builder()

# --- save, delete, TOML ----------------------------------------------------------------

other_names = {alt.name.strip().casefold(): alt.name for a, alt in alts.items() if a != own}
other_ids = {alt.name.strip().casefold(): a for a, alt in alts.items() if a != own}
with builder:
    st.subheader(t("build.save.title"))
    blocked = True
    if not name:
        st.caption(t("build.save.needs_name"))
    elif not actions:
        st.caption(t("build.save.needs_action"))
    elif (
        alternative is not None
        and name.casefold() in other_ids
        and data.is_saved(other_ids[name.casefold()])
        and st.session_state.get(NO_REPLACE) != name.casefold()
    ):  # a saved alternative has this name: ask before saving over it (one from the data is never replaced)
        st.warning(t("store.replace.ask", name=safe.md(other_names[name.casefold()])))
        yes, no = st.columns(2)
        yes.button(
            t("store.replace.yes"),
            key="build.replace.yes",
            type="primary",
            on_click=save,
            args=(dataclasses.replace(alternative, id=other_ids[name.casefold()]), True),
        )
        no.button(t("store.replace.no"), key="build.replace.no", on_click=decline, args=(name.casefold(),))
    elif name.casefold() in other_names:
        st.warning(t("build.save.name_taken", name=safe.md(other_names[name.casefold()])))
    elif alternative is not None:
        blocked = False
        if own is not None and target_id == own:
            st.caption(t("build.save.replace", name=safe.md(alts[own].name)))
        elif own is not None:
            st.caption(t("build.save.keep_old", name=safe.md(alts[own].name)))
        else:
            st.caption(t("build.save.new"))
    st.button(
        t("build.save"),
        key="build.save",
        type="primary",
        icon=":material/save:",
        disabled=blocked,
        on_click=save if alternative is not None else None,
        args=(alternative, own is not None and target_id == own) if alternative is not None else None,
    )
    if draft["from"] != KEEP_ALL and not data.is_saved(draft["from"]):
        st.caption(t("build.from_dataset", name=safe.md(alts[draft["from"]].name)))
    if own is not None and not roles.is_admin():
        st.caption(t("build.delete.admin"))
    elif own is not None:
        with st.popover(t("build.delete"), icon=":material/delete:"):
            st.warning(t("build.delete.confirm", name=safe.md(alts[own].name)))
            st.button(
                t("build.delete.yes"),
                key="build.delete",
                on_click=delete,
                args=(own, alts[own].name),
                type="primary",
            )
    if alternative is not None and actions and name and not big:
        with st.expander(t("build.toml")):
            st.caption(t("build.toml.help"))
            text = to_toml(
                alternative,
                comment=t("build.toml.comment", date=dt.date.today().isoformat(), dataset=safe.text(ds.name)),
            )
            st.code(text, language="toml")
            st.download_button(
                t("build.toml.download"),
                text.encode("utf-8"),
                f"{alternative.id}.toml",
                "application/toml",
                key="build.toml.download",
                icon=":material/download:",
            )

# A freshly saved alternative joins the comparison (while there is room); a deleted one leaves it.
chosen = [a for a in view.alternatives if a in alts]
if flash and flash[0] == "saved" and flash[1] not in chosen and len(chosen) < MAX_COMPARED:
    chosen.append(flash[1])
view = view.with_(alternatives=tuple(chosen))
session.commit(view)
frame.close_page()
